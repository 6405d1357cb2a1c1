"""The writer alone: articles stored per second while the database grows.

Extraction is the cost of an ingest and runs anywhere (local processes, a Dask cluster); the
one writer is what a cluster must not wait on. This extracts a sample of the BBC texts once
(cached in a file, so iterating on the writer costs no spaCy pass), then stores N copies of
them through the ingest's own batch writer (`ingest._store_batch`: savepoints, commits, FTS
triggers, entity memory and all), timing each tenth of the run.

A copy differs from its original in its path, its closing line (so its text, hash and body
differ) and, with `new_names`, in the names the sample mentions in one article only: a large
corpus keeps meeting names it has never stored, and a benchmark where every name after the
first copy is known would measure only the entity memory.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import sqlite3
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from newscorpus.analyse import BATCH_SIZE, Analysed, SourceChoice, analysed_batches
from newscorpus.fingerprint import extractor_fingerprint
from newscorpus.store.batching import STORE_BATCH
from newscorpus.store.facet_index import FACET_INDEX
from newscorpus.parse import load_rules
from newscorpus.parts import Document, EntityRef, Extraction, FoundQuote

SEGMENTS = 10  # the run is timed in tenths, to show the rate holds as the database grows


def bbc_text(record: dict, copy: int) -> str:
    # The same shape as bench/run.py's files: what the parser reads for a copy.
    return f"{record['title']}\n\n{record['text']}\n\nCopy {copy} of {record['category']} story.\n"


def document(path: str, text: str) -> Document:
    data = text.encode("utf-8")
    return Document(path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                    mtime_ns=1_700_000_000_000_000_000)


def sample_extractions(bbc: Path, distinct: int, workers: int, cache: Path | None) -> list[Analysed]:
    """The first `distinct` BBC texts parsed and extracted for real, once: read back from `cache`
    when it holds the same sample made by the same extractor."""
    key = {"distinct": distinct, "extractor": extractor_fingerprint(None, {})}
    if cache and cache.exists():
        with cache.open("rb") as handle:
            stored_key, sample = pickle.load(handle)
        if stored_key == key:
            return sample
    records = [json.loads(line) for line in bbc.open(encoding="utf-8")][:distinct]
    pending = [(document(f"{k:07d}.txt", bbc_text(r, 0)), SourceChoice(given=None, folder="bbc"))
               for k, r in enumerate(records)]

    class SampleJob:  # what analysed_batches reads of a Job
        batch_size, cluster, stop_requested = BATCH_SIZE, None, staticmethod(lambda: False)

    SampleJob.workers = workers
    sample = [a for batch in analysed_batches(pending, load_rules(), SampleJob) for a in batch if a.error is None]
    if cache:
        with cache.open("wb") as handle:
            pickle.dump((key, sample), handle)
    return sample


def _renamed(extraction: Extraction, once: set[str], suffix: str) -> Extraction:
    """The extraction with the names in `once` made new (a suffix on the name and aliases)."""
    def name(n: str) -> str:
        return f"{n} {suffix}" if n in once else n

    entities = [replace(e, name=name(e.name), aliases={a + " " + suffix for a in e.aliases} if e.name in once
                        else e.aliases) for e in extraction.entities]
    quotes = [replace(q, speakers=[name(s) for s in q.speakers]) for q in extraction.quotes]
    return replace(extraction, entities=entities, quotes=quotes)


def copies(sample: list[Analysed], n: int, new_names: bool = True):
    """N articles from the sample: copy k of original k % len(sample), each distinct."""
    # Names in one article of the sample only: the long tail a growing corpus keeps adding to.
    counts = Counter(e.name for a in sample for e in a.extraction.entities)
    once = {name for name, count in counts.items() if count == 1} if new_names else set()
    closing = re.compile(r"Copy 0 of (\w+) story\.")
    for k in range(n):
        original = sample[k % len(sample)]
        copy = k // len(sample)
        text = original.document.text.replace("Copy 0 of", f"Copy {copy} of")
        paragraphs = [closing.sub(lambda m: f"Copy {copy} of {m.group(1)} story.", p)
                      for p in original.parts.paragraphs]
        extraction = original.extraction if copy == 0 or not once else _renamed(original.extraction, once, f"c{copy}")
        yield Analysed(document(f"{k // 1000:04d}/{k:07d}.txt", text), original.source,
                       replace(original.parts, paragraphs=paragraphs), extraction)


def store_rate(db_path: Path, sample: list[Analysed], n: int, new_names: bool = True,
               batch_size: int = STORE_BATCH) -> dict:
    """Store n copies of the sample into a new database at db_path, as ingest's writer does."""
    from newscorpus.analyse import batches
    from newscorpus.ingest import RunSummary, StopFlag, _store_batch
    from newscorpus.store import db
    from newscorpus.store.writer import KnownRows

    for leftover in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        leftover.unlink(missing_ok=True)
    db.prepare(db_path)
    engine = db.make_engine(db_path)
    with sqlite3.connect(db_path) as conn:
        run_id = conn.execute("INSERT INTO ingest_runs (started_at, status, mode, added, updated, unchanged, failed) "
                              "VALUES ('', 'running', 'ingest', 0, 0, 0, 0)").lastrowid
    summary, stop, known = RunSummary(run_id=run_id), StopFlag(), KnownRows()
    segment = max(n // SEGMENTS, 1)
    rates, done, seconds = [], 0, 0.0
    segment_seconds, segment_done = 0.0, 0
    try:
        for batch in batches(copies(sample, n, new_names), batch_size):
            batch_started = time.perf_counter()
            _store_batch(engine, batch, summary, stop, known)
            seconds += time.perf_counter() - batch_started
            done += len(batch)
            if done - segment_done >= segment or done == n:
                rates.append(round((done - segment_done) / (seconds - segment_seconds)))
                segment_seconds, segment_done = seconds, done
    finally:
        engine.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # What ingest does at the end of a run that added articles, so the database searched
        # and browsed after --store-search is the one a user's ingest leaves.
        conn.execute(f"ANALYZE {FACET_INDEX}")
        entities, quotes = (conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("entities", "quotes"))
    raw = sum(len(a.document.text.encode("utf-8")) for a in sample) * n / len(sample)
    return {"store_articles": n, "store_articles_per_s": round(done / seconds), "store_failed": summary.failed,
            "store_articles_per_s_by_tenth": rates, "store_entities": entities, "store_quotes": quotes,
            "store_db_bytes_per_raw_byte": round(os.path.getsize(db_path) / raw, 2),
            "load_average": os.getloadavg()}
