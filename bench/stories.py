"""How well stories group copies: pair precision and recall on a labelled set built from BBC.

    .venv/bin/python bench/stories.py            # the product's rules, end to end, on a scratch database
    .venv/bin/python bench/stories.py --sweep    # shingle sizes and thresholds, pair by pair
    .venv/bin/python bench/stories.py --scale 100000   # time to add 1,000 articles to 100,000

The set: the 2,225 BBC texts of ../shared/corpora/bbc/bbc.jsonl, which hold real copies (137
byte-identical texts, and updated versions of a story under the same or a new headline), plus
rewrites generated from 400 of them as a syndicating outlet makes them: a new lead paragraph,
paragraphs dropped and two swapped, a few words changed, page furniture added. Labels:
- same story: a text and its rewrites; two BBC texts sharing at least 75% of the smaller one's
  word 3-grams (exact and updated copies; read by hand down to that line);
- left out: BBC pairs sharing 45-75% (follow-ups that reuse paragraphs: a judgement call);
- different stories: every other pair, which includes every same-category pair on one topic.
Precision and recall are over pairs of articles that end up in one story.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newscorpus.locations import shared_path  # noqa: E402
from newscorpus.store import db  # noqa: E402
from newscorpus.store.signatures import DEFAULT_RULES, CopyRules, signature  # noqa: E402
from newscorpus.store.stories import group_copies  # noqa: E402

BBC = shared_path("corpora", "bbc", "bbc.jsonl")
REWRITTEN = 400
SAME, LEFT_OUT = 0.75, 0.45  # real pairs: share of the smaller text's 3-grams
KEEP_BUCKETS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
FURNITURE = ["Share this article", "Follow us on Twitter @newswire", "Related stories",
             "Copyright 2005 Newswire Ltd. All rights reserved.", "Advertisement",
             "Sign up for our morning briefing", "Read more: the day's top stories", "Click here to comment"]


def words3(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def real_pairs(texts: list[str]) -> tuple[set, set]:
    """(same story, left out) pairs among the BBC texts, from exact 3-gram overlap."""
    grams = [words3(t) for t in texts]
    postings = defaultdict(list)
    for index, gram_set in enumerate(grams):
        for gram in gram_set:
            postings[gram].append(index)
    candidates = {pair for ids in postings.values() if len(ids) < 30 for pair in itertools.combinations(ids, 2)}
    same, left_out = set(), set()
    for a, b in candidates:
        share = len(grams[a] & grams[b]) / max(1, min(len(grams[a]), len(grams[b])))
        (same if share >= SAME else left_out if share >= LEFT_OUT else set()).add((a, b))
    return same, left_out


def reword(words: list[str], rng: random.Random, vocabulary: list[str], share: float) -> list[str]:
    return [rng.choice(vocabulary) if rng.random() < share else word for word in words]


def rewrite(text: str, rng: random.Random, vocabulary: list[str], keep: float) -> tuple[str, float]:
    """A syndicated version keeping about `keep` of the text; returns it and the share kept."""
    paragraphs = [p.split() for p in text.split("\n\n") if p.strip()]
    total = sum(map(len, paragraphs))
    lead = reword(paragraphs[0], rng, vocabulary, 0.6)  # the new lead: the old one retold
    rest = paragraphs[1:]
    while len(rest) > 1 and sum(map(len, rest)) > keep * total:
        rest.pop(rng.randrange(len(rest)))
    if len(rest) > 2:
        i = rng.randrange(len(rest) - 1)
        rest[i], rest[i + 1] = rest[i + 1], rest[i]
    rest = [reword(p, rng, vocabulary, 0.04) for p in rest]
    kept = sum(map(len, rest)) / total
    lines = [rng.choice(FURNITURE), "LONDON (Newswire) - " + " ".join(lead), *(" ".join(p) for p in rest),
             *rng.sample(FURNITURE, 2)]
    return "\n\n".join(lines), kept


def build_set(seed: int = 14):
    rows = [json.loads(line) for line in BBC.open()]
    texts = [row["text"] for row in rows]
    same, left_out = real_pairs(texts)
    rng = random.Random(seed)
    vocabulary = sorted({w for t in texts[:300] for w in t.split()})
    eligible = [i for i, t in enumerate(texts) if len([p for p in t.split("\n\n") if p.strip()]) >= 5]
    docs = [dict(text=t, origin=i, category=rows[i]["category"], keep=None) for i, t in enumerate(texts)]
    for origin in rng.sample(eligible, REWRITTEN):
        for _ in range(2):
            body, kept = rewrite(texts[origin], rng, vocabulary, rng.uniform(0.3, 1.0))
            docs.append(dict(text=body, origin=origin, category=rows[origin]["category"], keep=kept))
    return docs, same, left_out


class Labels:
    def __init__(self, docs, same, left_out):
        parent = list(range(len(docs)))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        for a, b in same:
            parent[find(a)] = find(b)
        self.group = [find(doc["origin"]) for doc in docs]
        self.docs, self.left_out = docs, left_out

    def label(self, a: int, b: int) -> str | None:
        """'same', 'different', or None for a pair left out."""
        if self.group[a] == self.group[b]:
            return "same"
        origins = tuple(sorted((self.docs[a]["origin"], self.docs[b]["origin"])))
        return None if origins in self.left_out else "different"

    def kind(self, a: int, b: int) -> str:
        keeps = [self.docs[i]["keep"] for i in (a, b)]
        if keeps == [None, None]:
            return "BBC copies and versions"
        if None not in keeps:
            return "two rewrites of one text"
        keep = next(k for k in keeps if k is not None)
        low, high = next(bucket for bucket in KEEP_BUCKETS if bucket[0] <= keep < bucket[1])
        return f"rewrite keeping {low:.0%}-{min(high, 1):.0%}"


def pair_scores(predicted: set, labels: Labels, n: int) -> dict:
    """Precision over predicted pairs; recall per kind over every 'same' pair."""
    same_pairs = defaultdict(list)
    members = defaultdict(list)
    for index in range(n):
        members[labels.group[index]].append(index)
    for group in members.values():
        for a, b in itertools.combinations(sorted(group), 2):
            same_pairs[labels.kind(a, b)].append((a, b))
    judged = [labels.label(a, b) for a, b in predicted]
    true_positive = judged.count("same")
    false_positive = judged.count("different")
    scores = {"precision": true_positive / max(1, true_positive + false_positive),
              "predicted pairs": len(predicted), "false pairs": false_positive}
    for kind in sorted(same_pairs):
        pairs = same_pairs[kind]
        scores[f"recall: {kind} ({len(pairs)})"] = sum(p in predicted for p in pairs) / len(pairs)
    under_half = ("rewrite keeping 0%", "rewrite keeping 30%")
    goal = [p for kind, pairs in same_pairs.items() if not kind.startswith(under_half) for p in pairs]
    scores["recall, all but rewrites keeping under half"] = sum(p in predicted for p in goal) / len(goal)
    return scores


def run_product(docs, rules: CopyRules = DEFAULT_RULES) -> tuple[set, float]:
    """Store the texts as articles of a scratch database and group them as ingest does."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stories.db"
        db.upgrade(path)
        engine = db.make_engine(path)
        with engine.begin() as conn:
            cursor = conn.connection.dbapi_connection.cursor()
            cursor.execute("INSERT INTO sources (name) VALUES ('bbc')")
            cursor.executemany(
                "INSERT INTO articles (id, path, source_id, body, raw_text, sha256, ingested_at, updated_at, run_id) "
                "VALUES (?, ?, 1, ?, '', '', '', '', 1)",
                [(i + 1, f"doc{i}", doc["text"]) for i, doc in enumerate(docs)])
        started = time.perf_counter()
        with engine.begin() as conn:
            group_copies(conn, rules)
        seconds = time.perf_counter() - started
        with engine.connect() as conn:
            stories = defaultdict(list)
            for article_id, story in conn.exec_driver_sql("SELECT id, story_id FROM articles ORDER BY id"):
                stories[story].append(article_id - 1)
        engine.dispose()
    predicted = {pair for story, ids in stories.items() if story is not None
                 for pair in itertools.combinations(sorted(ids), 2)}
    return predicted, seconds


def scale(n: int, added: int = 1000) -> None:
    """Group n articles (BBC repeated, each copy with its own closing line, as bench/run.py
    builds them), then time adding `added` more: the incremental cost at that size."""
    texts = [json.loads(line)["text"] for line in BBC.open()]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        db.upgrade(path)
        engine = db.make_engine(path)

        def add(first: int, count: int, run_id: int) -> float:
            with engine.begin() as conn:
                conn.connection.dbapi_connection.executemany(
                    "INSERT INTO articles (id, path, body, raw_text, sha256, ingested_at, updated_at, run_id) "
                    "VALUES (?, ?, ?, '', '', '', '', ?)",
                    [(i + 1, f"doc{i}", f"{texts[i % len(texts)]}\n\nCopy {i} of this article.", run_id)
                     for i in range(first, first + count)])
            started = time.perf_counter()
            with engine.begin() as conn:
                group_copies(conn)
            return time.perf_counter() - started

        whole = add(0, n, 1)
        more = add(n, added, 2)
        nothing = add(0, 0, 3)
        with engine.connect() as conn:
            sizes = dict(conn.exec_driver_sql(
                "SELECT name, SUM(pgsize) FROM dbstat JOIN sqlite_master USING (name) "
                "WHERE tbl_name IN ('article_signatures', 'article_bands', 'stories') GROUP BY name").all())
        engine.dispose()
    print(f"{n:,} articles grouped from nothing: {whole:.1f} s ({1000 * whole / n:.2f} ms per article)")
    print(f"{added:,} more added to them: {more:.2f} s ({1000 * more / added:.2f} ms per article)")
    print(f"a run that added nothing: {1000 * nothing:.0f} ms")
    print(f"database bytes per article for signatures, bands and stories: {sum(sizes.values()) / (n + added):,.0f}")


def sweep(docs, labels: Labels) -> None:
    """Pair by pair, without clustering: every pair sharing an LSH band, judged by containment."""
    print("shingle words, band rows, min containment: precision, recall (all but <half), false pairs")
    for size in (2, 3, 4, 5):
        sigs = [signature(doc["text"], size) for doc in docs]
        for rows in (2, 3, 4):
            rules = CopyRules(shingle_words=size, band_rows=rows)
            buckets = defaultdict(list)
            for index, sig in enumerate(sigs):
                for key in rules.band_keys(sig):
                    buckets[key].append(index)
            candidates = {pair for ids in buckets.values() for pair in itertools.combinations(ids, 2)}
            for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
                rules = CopyRules(shingle_words=size, band_rows=rows, min_containment=threshold)
                predicted = {(a, b) for a, b in candidates if rules.are_copies(sigs[a], sigs[b])}
                scores = pair_scores(predicted, labels, len(docs))
                print(f"{size} {rows} {threshold:.1f}: {scores['precision']:.3f} "
                      f"{scores['recall, all but rewrites keeping under half']:.3f} {scores['false pairs']}"
                      f"  ({len(candidates)} candidate pairs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", action="store_true", help="try shingle sizes and thresholds pair by pair")
    parser.add_argument("--scale", type=int, metavar="N", help="time grouping N articles, then 1,000 more")
    options = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"{BBC} not found: it lives in ../shared/corpora/bbc/")
    if options.scale:
        scale(options.scale)
        return
    docs, same, left_out = build_set()
    labels = Labels(docs, same, left_out)
    print(f"{len(docs)} texts ({len(docs) - 2225} rewrites), {len(same)} real copy pairs, "
          f"{len(left_out)} real pairs left out")
    if options.sweep:
        sweep(docs, labels)
        return
    predicted, seconds = run_product(docs)
    print(f"grouped in {seconds:.1f} s ({1000 * seconds / len(docs):.2f} ms per article), rules {DEFAULT_RULES}")
    for name, value in pair_scores(predicted, labels, len(docs)).items():
        print(f"  {name}: {value:.3f}" if isinstance(value, float) else f"  {name}: {value}")


if __name__ == "__main__":
    main()
