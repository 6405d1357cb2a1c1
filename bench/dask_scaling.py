#!/usr/bin/env python3
"""Extraction through a Dask cluster on this machine: articles/s with one worker, then two.

    python bench/dask_scaling.py [--articles 200] [--json figures.json]

The first N BBC articles (../shared/corpora/bbc/bbc.jsonl) as files, ingested through a
loopback cluster (newscorpus/loopback.py: a `dask scheduler` and `dask worker --nthreads 1`
processes) with one worker, then two. The workers are warmed first, as the long-lived workers
of a real cluster have their model loaded. For comparison, the same files with `--workers 2`
local processes, their start included, as a user sees it.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import BBC, PROJECT, build_corpus  # noqa: E402

from newscorpus.ingest import Job, ingest  # noqa: E402
from newscorpus.loopback import LoopbackCluster  # noqa: E402

SEEDS = PROJECT / "seeds"


def rate(paths_root: Path, db_path: Path, count: int, **job) -> float:
    started = time.perf_counter()
    summary = ingest([paths_root], Job(db_path=db_path, **job), root=paths_root)
    seconds = time.perf_counter() - started
    assert summary.ok and summary.added == count, (summary.status, summary.added, summary.errors[:3])
    return count / seconds


def warm(cluster: LoopbackCluster, work: Path) -> None:
    """One seed per batch, so every worker gets one and loads its model."""
    db_path = work / f"warm-{time.monotonic_ns()}.db"
    ingest([SEEDS], Job(db_path=db_path, batch_size=1, scheduler=cluster.address), root=PROJECT)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"benchmark corpus {BBC} not found: it lives in ../shared/corpora/bbc/")
    work = Path(tempfile.mkdtemp(prefix="newscorpus-dask-"))
    cluster = LoopbackCluster(work)
    try:
        folder = work / "articles"
        folder.mkdir()
        build_corpus(folder, args.articles, args.articles)
        cluster.start_scheduler()
        figures = {"articles": args.articles}
        for workers in (1, 2):
            cluster.start_worker(f"worker-{workers}")
            cluster.wait_for_workers(workers)
            warm(cluster, work)
            figures[f"dask_articles_per_s_{workers}_worker{'s' if workers > 1 else ''}"] = round(
                rate(folder, work / f"dask{workers}.db", args.articles, scheduler=cluster.address), 2)
        cluster.stop()
        figures["local_articles_per_s_2_workers"] = round(rate(folder, work / "local.db", args.articles, workers=2), 2)
        figures["dask_scaling_2_over_1"] = round(
            figures["dask_articles_per_s_2_workers"] / figures["dask_articles_per_s_1_worker"], 2)
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
