#!/usr/bin/env python3
"""Scale benchmark: ingest, re-ingest, search and Datasette figures on N BBC-derived articles.

    python bench/run.py [--articles 100000] [--workers 2] [--json figures.json]
    python bench/run.py --store-only --articles 20000   # the writer alone, in minutes


Builds N article files by repeating ../shared/corpora/bbc/bbc.jsonl (2,225 articles) with
distinct paths and a small change to each copy, then measures everything in one run so
ratios hold on a noisy machine. Prints a table; --json writes the same figures.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from newscorpus.analyse import BATCH_SIZE, Analysed, analysed_batches, batches  # noqa: E402
from newscorpus.ingest import Job, ingest  # noqa: E402
from newscorpus.locations import shared_path  # noqa: E402
from newscorpus.parse import load_rules, parse_article  # noqa: E402
from newscorpus.publish.site import canned_queries, with_rank_cap  # noqa: E402

from store_rate import sample_extractions, store_rate  # noqa: E402  (bench/, first on the path)

BBC = shared_path("corpora", "bbc", "bbc.jsonl")
HTML_PAGES = shared_path("corpora", "html-train", "pages")
BBC_ARTICLES = 2225
WORDS_SAMPLE = 300  # articles for the words-per-second comparison (one process, so kept short)
QUERIES = {
    "rare term": "Lavrov OR zeppelin",  # replaced below by the rarest longer word in the corpus
    "two words": "economic growth",
    "phrase": '"prime minister"',
    "prefix": "elect*",
    "very common term": "the",
}


class PeakRss:
    """Samples the summed RSS of this process and its children (the worker processes)."""

    def __init__(self, interval=0.2):
        self.interval, self.peak_kb, self._stop = interval, 0, threading.Event()

    def _tree_rss_kb(self) -> int:
        me, total = os.getpid(), 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if int(entry) == me or int(fields.get("PPid", "0").strip() or 0) == me:
                total += int(fields.get("VmRSS", "0 kB").split()[0])
        return total

    def __enter__(self):
        def sample():
            while not self._stop.wait(self.interval):
                self.peak_kb = max(self.peak_kb, self._tree_rss_kb())

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def build_corpus(folder: Path, n: int, distinct: int = BBC_ARTICLES, start: int = 0) -> list[Path]:
    records = [json.loads(line) for line in BBC.open(encoding="utf-8")][:distinct]
    paths = []
    for k in range(start, start + n):
        record = records[k % len(records)]
        copy = k // len(records)
        slug = re.sub(r"\W+", "-", str(record["id"]))  # ids look like "business/001"
        path = folder / f"{k // 1000:04d}" / f"{k:07d}_{slug}.txt"
        path.parent.mkdir(exist_ok=True)
        # The copy number changes every copy's bytes, so each is a distinct article.
        path.write_text(f"{record['title']}\n\n{record['text']}\n\nCopy {copy} of {record['category']} story.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def timed_ingest(paths: list[Path], root: Path, db_path: Path, workers: int, analyser=None,
                 scheduler: str | None = None) -> tuple[float, object]:
    started = time.perf_counter()
    summary = ingest(paths, Job(db_path=db_path, workers=workers, analyser=analyser, scheduler=scheduler), root=root)
    return time.perf_counter() - started, summary


def original_of(path: str) -> str:
    """The BBC record a benchmark file copies ("0012/0012345_tech-123.txt" -> "tech-123.txt")."""
    return Path(path).name.split("_", 1)[1]


def recording_analyser(extractions: dict):
    """The real analyser, keeping each original's extraction as the workers return it."""
    def analyser(pending, rules, job):
        for batch in analysed_batches(pending, rules, job):
            extractions.update({original_of(a.document.path): a.extraction for a in batch if a.error is None})
            yield batch

    return analyser


def reusing_analyser(extractions: dict):
    """--extract-once: a copy gets its original's extraction instead of a spaCy pass (their
    texts differ only in the closing line); reading, hashing, parsing and storing are real."""
    def analyser(pending, rules, job):
        for batch in batches(pending, job.batch_size):
            parsed = [(document, source, parse_article(document.text, rules)) for document, source in batch]
            yield [Analysed(document, source.name_for(parts), parts, extractions[original_of(document.path)])
                   for document, source, parts in parsed]

    return analyser


def clean_bodies(paths: list[Path]) -> list[str]:
    """The article bodies extraction reads: what both spaCy comparisons feed the model."""
    rules = load_rules()
    return [parse_article(p.read_text(encoding="utf-8"), rules).body for p in paths]


def hostile_line_seconds() -> dict:
    """Extraction time of one line of N quoted tags ("tag1", "tag2", ...) as N doubles: it
    should roughly double too (the quote finder was cubic in it)."""
    from newscorpus.nlp.extract import extract

    seconds = {}
    for n in (400, 800, 1600):
        body = "Keywords: " + ", ".join(f'"tag{i}"' for i in range(n)) + "."
        started = time.perf_counter()
        extract(body)
        seconds[n] = round(time.perf_counter() - started, 2)
    return seconds


def html_figures(pages: int) -> dict:
    """Saved web pages: how much of their ingest is reading the HTML (trafilatura and our rules)
    rather than the NLP every article gets, one process, on html-train's real pages."""
    from newscorpus.nlp.extract import extract_many
    from newscorpus.parse import parse_page
    from newscorpus.read.text import decode

    files = sorted(HTML_PAGES.glob("*.html"))[:pages] if HTML_PAGES.is_dir() else []
    files = files or [PROJECT / "tests" / "data" / "html" / "harbour.html"] * min(pages, 20)
    texts = [decode(path.read_bytes())[0] for path in files]
    rules = load_rules()
    parse_page(texts[0], rules)  # trafilatura's and lxml's first-use setup is not per page
    started = time.perf_counter()
    bodies = [parse_page(text, rules).body for text in texts]
    parse_s = time.perf_counter() - started
    for _ in extract_many(bodies[:4]):
        pass
    started = time.perf_counter()
    for _ in extract_many(bodies, batch_size=BATCH_SIZE):
        pass
    nlp_s = time.perf_counter() - started
    return {"pages": len(texts), "parse_ms_per_page": round(1000 * parse_s / len(texts), 1),
            "nlp_ms_per_page": round(1000 * nlp_s / len(texts), 1),
            "parse_share": round(parse_s / (parse_s + nlp_s), 3)}


def words_per_s(bodies: list[str]) -> dict:
    """Issue 3's measure: the whole extraction (spaCy + entities + quotes) against bare
    nlp.pipe with the same components, one process each, in words of body text per second."""
    from newscorpus.nlp.extract import extract_many
    from newscorpus.nlp.pipeline import get_nlp

    words = sum(len(body.split()) for body in bodies)
    nlp = get_nlp()
    for _ in extract_many(bodies[:BATCH_SIZE], batch_size=BATCH_SIZE):
        pass  # warm both paths up first: the first batches through a fresh model run slower
    started = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=BATCH_SIZE):
        pass
    bare = words / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in extract_many(bodies, batch_size=BATCH_SIZE):
        pass
    extraction = words / (time.perf_counter() - started)
    return {"bare_nlp_words_per_s": round(bare), "extraction_words_per_s": round(extraction),
            "extraction_ratio_to_bare_nlp": round(extraction / bare, 2)}


def bound_articles_per_s(bodies: list[str], workers: int) -> float:
    """Bare spaCy over the same bodies, same components, batch size and processes."""
    from newscorpus.nlp.pipeline import get_nlp

    nlp = get_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=BATCH_SIZE, n_process=workers):
        pass
    return len(bodies) / (time.perf_counter() - started)


def search_figures(db_path: Path, sql: str, labels: tuple[str, ...] = tuple(QUERIES)) -> dict:
    from newscorpus.publish.date_range import date_bound
    from newscorpus.publish.fts_query import fts_query

    conn = sqlite3.connect(db_path)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)  # as the Datasette plugins do
    conn.create_function("date_bound", 1, date_bound, deterministic=True)
    # The rarest longer word: each BBC text is repeated, so at large N none is in one article only.
    rare = conn.execute("select term from articles_fts_vocab where length(term) > 6 order by doc, term limit 1").fetchone()
    figures = {}
    for label in labels:
        q = rare[0] if label == "rare term" and rare else QUERIES[label]
        times = []
        for _ in range(50):
            started = time.perf_counter()
            conn.execute(sql, {"q": q, "since": "", "until": ""}).fetchall()  # no date range: the newest 20,000
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        figures[label] = {"query": q, "p50": round(statistics.median(times), 2), "p95": round(times[int(len(times) * 0.95) - 1], 2)}
    conn.close()
    return figures


def top_entity(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("select entity_id from article_entities group by entity_id "
                            "order by count(*) desc limit 1").fetchone()[0]


def datasette_figures(db_path: Path) -> dict:
    from datasette.app import Datasette

    from newscorpus.publish.site import SETTINGS, SITE, build_metadata

    datasette = Datasette([str(db_path)], metadata=build_metadata(db_path), plugins_dir=str(SITE / "plugins"),
                          settings=SETTINGS)
    name = db_path.stem

    async def measure():
        figures = {}
        for label, url in (("articles table", f"/{name}/articles"), ("search query", f"/{name}/search?q=economic+growth"),
                           ("search everything", f"/{name}/search_all?q=economic+growth"),
                           ("search everything, very common term", f"/{name}/search_all?q=the"),
                           # the worst case of the entity filter: the most-mentioned entity
                           ("articles about the top entity", f"/{name}/articles?_entity={top_entity(db_path)}"),
                           ("quotes table", f"/{name}/quotes")):
            await datasette.client.get(url)  # warm caches, as a browsing user would
            times = []
            for _ in range(5):
                started = time.perf_counter()
                response = await datasette.client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, url
            figures[label] = round(statistics.median(times), 1)
        return figures

    return asyncio.run(measure())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=None,
                        help="articles for the 1-worker ingest and the bare-spaCy bound (default: one copy of "
                             "the BBC corpus, 2,225, or N if smaller); their texts are those the full run repeats")
    parser.add_argument("--extract-once", action="store_true",
                        help="run spaCy once per distinct BBC text (the first 2,225 files, timed as the ingest "
                             "rate) and give each later copy its original's extraction; reading, hashing, "
                             "parsing and storing all N files stay real. For N too large to extract in one "
                             "sitting: 100,000 articles at ~12/s is 2.3 hours on 2 cores")
    parser.add_argument("--distinct", type=int, default=BBC_ARTICLES,
                        help="how many of the BBC texts to repeat (default all 2,225; fewer for a quick run)")
    parser.add_argument("--html-pages", type=int, default=159,
                        help="saved web pages (from ../shared/corpora/html-train) for the HTML share of ingest")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="extract through this Dask scheduler (the ingest and update figures; the 1-worker "
                             "sample and the bound stay local; bench/dask_scaling.py measures 1 -> 2 Dask workers)")
    parser.add_argument("--store-only", action="store_true",
                        help="only store_articles_per_s: the writer alone storing --articles copies of the "
                             "extracted sample (--store-sample of the BBC texts) into a new database")
    parser.add_argument("--store-articles", type=int,
                        help="articles for store_articles_per_s in a full run (default: --articles)")
    parser.add_argument("--store-search", action="store_true",
                        help="with --store-only: search and Datasette figures on the database the writer built "
                             "(copies of the --store-sample texts; how a 1,000,000-article database is measured "
                             "in under an hour)")
    parser.add_argument("--store-sample", type=int, default=500,
                        help="BBC texts extracted for the writer benchmark (default 500)")
    parser.add_argument("--extractions", type=Path,
                        help="keep the writer benchmark's extracted sample in this file and reuse it")
    parser.add_argument("--no-new-names", action="store_true",
                        help="copies keep every name of their original (by default the names the sample "
                             "mentions once are new in each copy, as a growing corpus keeps meeting new names)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"benchmark corpus {BBC} not found: it lives in ../shared/corpora/bbc/")
    work = args.keep or Path(tempfile.mkdtemp(prefix="newscorpus-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        figures = {"load_average_before": os.getloadavg()}
        if not args.store_only:
            figures.update(run(work, args.articles, args.workers, args.sample, args.extract_once, args.distinct,
                               args.scheduler))
            figures["html"] = html_figures(args.html_pages)
        sample = sample_extractions(BBC, args.store_sample, args.workers, args.extractions)
        figures.update(store_rate(work / "store.db", sample, args.store_articles or args.articles,
                                  new_names=not args.no_new_names))
        if args.store_only and args.store_search:
            figures["store_queries"] = query_figures(work / "store.db")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


def run(work: Path, n: int, workers: int, sample: int | None = None, extract_once: bool = False,
        distinct: int = BBC_ARTICLES, scheduler: str | None = None) -> dict:
    folder = work / "articles"
    folder.mkdir(exist_ok=True)
    paths = build_corpus(folder, n, distinct)
    raw_bytes = sum(p.stat().st_size for p in paths)
    # The 1-worker run and the bound would double a 100,000-article benchmark to hours, and
    # the full corpus only repeats the BBC texts: one copy of them measures the same rates.
    sample = min(sample or distinct, n)
    figures = {"articles": n, "workers": workers, "cpus": os.cpu_count(), "sample_for_1_worker_and_bound": sample,
               "extract_once": extract_once, "executor": scheduler or f"{workers} local processes"}

    sample_folder = work / "sample"
    sample_folder.mkdir(exist_ok=True)
    for path in paths[:sample]:
        (sample_folder / path.name).symlink_to(path)
    one_s, _ = timed_ingest([sample_folder], sample_folder, work / "one.db", 1)
    db_path = work / "corpus.db"
    with PeakRss() as rss:
        if extract_once:
            originals = paths[:min(distinct, n)]
            extractions: dict = {}
            full_s, summary = timed_ingest(originals, folder, db_path, workers, recording_analyser(extractions), scheduler)
            rate = len(originals) / full_s
            grow_s, grown = timed_ingest([folder], folder, db_path, workers, reusing_analyser(extractions))
            figures["grow_s"] = round(grow_s, 1)
            figures["grow_copies_s"] = round(grown.copies_seconds, 1)
            if grown.added:
                figures["store_articles_per_s_while_growing"] = round(grown.added / grown.store_seconds, 1)
        else:
            full_s, summary = timed_ingest([folder], folder, db_path, workers, scheduler=scheduler)
            rate = n / full_s
        figures["copies_s"] = round(summary.copies_seconds, 1)
    figures["ingest_articles_per_s_1_worker"] = round(sample / one_s, 1)
    figures["ingest_articles_per_s"] = round(rate, 1)
    figures["scaling_2_over_1"] = round(figures["ingest_articles_per_s"] / figures["ingest_articles_per_s_1_worker"], 2)
    sample_bodies = clean_bodies(paths[:sample])
    figures["bound_articles_per_s"] = round(bound_articles_per_s(sample_bodies, workers), 1)
    figures["ratio_to_bound"] = round(figures["ingest_articles_per_s"] / figures["bound_articles_per_s"], 2)
    figures["storage_share"] = round(summary.store_seconds / full_s, 3)
    figures["peak_rss_mb"] = round(rss.peak_kb / 1024, 1)
    figures.update(words_per_s(sample_bodies[:WORDS_SAMPLE]))
    figures["hostile_line_extract_s"] = hostile_line_seconds()

    started = time.perf_counter()
    ingest([folder], Job(db_path=db_path, workers=workers), root=folder)
    figures["noop_reingest_s"] = round(time.perf_counter() - started, 2)

    for path in paths[:: 100]:
        path.write_text(path.read_text(encoding="utf-8") + "Updated.\n", encoding="utf-8")
    started = time.perf_counter()
    ingest([folder], Job(db_path=db_path, workers=workers, scheduler=scheduler), root=folder)
    figures["update_1pct_s"] = round(time.perf_counter() - started, 2)
    figures["full_ingest_s" + ("_projected" if extract_once else "")] = round(n / rate, 1)
    figures.update(adding_figures(folder, db_path, n, distinct, workers, rate, extractions if extract_once else None))

    figures.update(query_figures(db_path))
    figures["db_bytes_per_raw_byte"] = round(db_path.stat().st_size / raw_bytes, 2)
    figures["db_bytes_per_raw_byte_by_part"] = size_by_part(db_path, raw_bytes)
    with sqlite3.connect(db_path) as conn:  # what was measured is what was built
        figures["articles_stored"], figures["articles_with_entities"] = conn.execute(
            "select count(*), count(*) filter (where id in (select article_id from article_entities)) from articles"
        ).fetchone()
    return figures


def query_figures(db_path: Path) -> dict:
    """Search p50/p95 and Datasette page times on a built database."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("create virtual table if not exists articles_fts_vocab using fts5vocab(articles_fts, 'row')")
    search_sql = canned_queries()["search"]
    figures = {"search_ms": search_figures(db_path, search_sql)}
    # What the cap on ranked matches saves: the same query ranking every match.
    figures["search_ms_every_match_ranked"] = search_figures(db_path, with_rank_cap(search_sql, None),
                                                             ("very common term",))
    with sqlite3.connect(db_path) as conn:
        conn.execute("drop table articles_fts_vocab")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    figures["datasette_ms"] = datasette_figures(db_path)
    return figures


ADDED = 1000


def adding_figures(folder: Path, db_path: Path, n: int, distinct: int, workers: int, rate: float,
                   extractions: dict | None) -> dict:
    """Adding 1,000 new articles to the corpus built, in a copy of its database (ingest never
    deletes, and the figures after this one are for the corpus of n articles): what grouping
    copies and stories costs next to the ingest. With --extract-once the new articles reuse
    their originals' extractions, so the ingest they would cost is projected from the
    measured ingest rate."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = db_path.with_name("adding.db")
    shutil.copy(db_path, copy)
    paths = build_corpus(folder, ADDED, distinct, start=n + BBC_ARTICLES)  # new copy numbers: new texts
    analyser = reusing_analyser(extractions) if extractions is not None else None
    try:
        added_s, summary = timed_ingest([folder], folder, copy, workers, analyser)
    finally:
        for path in paths:
            path.unlink()
        for leftover in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
            leftover.unlink(missing_ok=True)
    figures = {"add_1000_s": round(added_s, 2), "add_1000_copies_s": round(summary.copies_seconds, 2)}
    ingest_s = ADDED / rate if extractions is not None else added_s - summary.copies_seconds
    figures["add_1000_copies_share" + ("_projected" if extractions is not None else "")] = round(
        summary.copies_seconds / (ingest_s + summary.copies_seconds), 3)
    return figures


# What each part of the database costs, as bytes per raw byte (dbstat counts pages).
SIZE_PARTS = {
    "articles (raw text, clean body, metadata)": "name = 'articles'",
    "full-text indexes": "name like '%!_fts!_%' escape '!'",
    "copies and stories": "tbl_name in ('article_signatures', 'article_bands', 'stories', 'quote_groups')",
    "entities, quotes, comments, audit": "tbl_name in ('entities', 'entity_aliases', 'article_entities', 'quotes', "
                                         "'quote_speakers', 'comments', 'boilerplate_lines', 'subheadings')",
}


def size_by_part(db_path: Path, raw_bytes: int) -> dict:
    with sqlite3.connect(db_path) as conn:
        total = conn.execute("select sum(pgsize) from dbstat").fetchone()[0]
        parts = {}
        for label, where in SIZE_PARTS.items():
            parts[label] = conn.execute(
                f"select coalesce(sum(pgsize), 0) from dbstat join sqlite_master using (name) where {where}").fetchone()[0]
        parts["articles indexes and the rest"] = total - sum(parts.values())
        raw, body = conn.execute("select sum(length(cast(raw_text as blob))), sum(length(cast(body as blob))) "
                                 "from articles").fetchone()
        parts["of which raw_text"], parts["of which body"] = raw or 0, body or 0
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        copies_per_article = parts["copies and stories"] / max(articles, 1)
    figures = {label: round(size / raw_bytes, 3) for label, size in parts.items()}
    figures["copies and stories, bytes per article"] = round(copies_per_article)
    return figures


def print_table(figures: dict) -> None:
    width = max(len(k) for k in figures) + 2
    for key, value in figures.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for label, v in value.items():
                print(f"  {label:<{width - 2}} {v}")
        else:
            print(f"{key:<{width}} {value}")


if __name__ == "__main__":
    main()
