"""Score quote extraction on PolNeAR in process, by the official scorer's rules.

    python -m newscorpus.evaluate.quotes --corpus ../shared/corpora/polnear-train [--limit N] [--split dev|test]
    python -m newscorpus.evaluate.quotes --corpus ... --speed 100   # words/s of extract_many vs bare nlp.pipe

The scorer (../shared/tools/score_polnear.py) reads a database; here extract() runs on each
text and its quotes go into an in-memory SQLite database with the contract's columns, which
the scorer's own `score` then reads: the figures are the ones ingest + scorer would give.
The articles are split by a hash of their file name: `dev` is looked at while tuning, `test`
only measured.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import importlib.util
import json
import os
import sqlite3
import sys
import tempfile
import time

from ..locations import shared_path
from ..nlp.extract import extract_many, extraction_of

DEFAULT_SCORER = str(shared_path("tools", "score_polnear.py"))
CACHE_DIR = os.path.join(tempfile.gettempdir(), "newscorpus_quote_eval")


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("score_polnear", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_of(file_name: str) -> str:
    """'dev' or 'test', stable across machines and runs."""
    return "dev" if hashlib.sha1(file_name.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read_corpus(corpus: str) -> dict[str, str]:
    paths = sorted(glob.glob(os.path.join(corpus, "text", "*.txt")))
    return {os.path.basename(p): open(p, encoding="utf-8").read() for p in paths}


def parsed_docs(texts: list[str]) -> list:
    """spaCy Docs of the texts, cached in /tmp so tuning the rules does not re-parse."""
    from spacy.tokens import DocBin

    from ..nlp.pipeline import MODEL, get_nlp

    nlp = get_nlp()
    key = hashlib.sha1("\0".join([MODEL, *nlp.pipe_names, *texts]).encode("utf-8")).hexdigest()[:16]
    path = os.path.join(CACHE_DIR, f"{key}.spacy")
    if os.path.exists(path):
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=32))
    os.makedirs(CACHE_DIR, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def evaluate(corpus: str, split: str | None, limit: int | None, scorer_path: str, dump: str | None = None) -> dict:
    scorer = load_scorer(scorer_path)
    texts = read_corpus(corpus)
    names = [n for n in texts if split is None or split_of(n) == split][: limit or None]
    all_docs = dict(zip(texts, parsed_docs(list(texts.values()))))
    gold = {n: g for n, g in scorer.build_gold(corpus).items() if n in names}
    con = sqlite3.connect(":memory:")
    con.row_factory = sqlite3.Row
    con.executescript(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT);"
        "CREATE TABLE entities (id INTEGER PRIMARY KEY, name TEXT UNIQUE);"
        "CREATE TABLE quotes (id INTEGER PRIMARY KEY, article_id INTEGER, text TEXT, kind TEXT, speaker_id INTEGER);")
    dumped = {}
    for name in names:
        extraction = extraction_of(all_docs[name])
        article_id = con.execute("INSERT INTO articles (path) VALUES (?)", (name,)).lastrowid
        for quote in extraction.quotes:
            speaker_id = None
            if quote.speakers:
                con.execute("INSERT OR IGNORE INTO entities (name) VALUES (?)", (quote.speakers[0],))
                speaker_id = con.execute("SELECT id FROM entities WHERE name = ?", (quote.speakers[0],)).fetchone()[0]
            con.execute("INSERT INTO quotes (article_id, text, kind, speaker_id) VALUES (?, ?, ?, ?)",
                        (article_id, quote.text, quote.kind, speaker_id))
        if dump:
            dumped[name] = {"gold": gold.get(name, []), "predicted": [
                {"text": q.text, "kind": q.kind, "cue": q.cue, "speakers": q.speakers, "start": q.start}
                for q in extraction.quotes]}
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            json.dump(dumped, f, indent=1, ensure_ascii=False)
    return scorer.score(con, gold)


def speed(corpus: str, count: int) -> dict:
    """Words per second of extract_many and of bare nlp.pipe over the same texts."""
    from ..nlp.pipeline import get_nlp

    texts = list(read_corpus(corpus).values())[:count]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    list(nlp.pipe(texts[:2]))  # warm-up: model loading is not throughput
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in extract_many(texts, batch_size=32):
        pass
    full = time.perf_counter() - t0
    return {"texts": len(texts), "words": words, "nlp_pipe_words_per_s": words / bare,
            "extract_many_words_per_s": words / full, "ratio": bare / full}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--split", choices=["dev", "test"])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--scorer", default=DEFAULT_SCORER)
    parser.add_argument("--dump", help="write predicted and gold quotes per article to this JSON file")
    parser.add_argument("--speed", type=int, metavar="N", help="time extract_many against nlp.pipe on N texts")
    args = parser.parse_args(argv)
    if args.speed:
        result = speed(args.corpus, args.speed)
    else:
        if not os.path.exists(args.scorer):
            sys.exit(f"error: no scorer at {args.scorer}")
        result = evaluate(args.corpus, args.split, args.limit, args.scorer, args.dump)
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
