"""Extraction on a real Dask cluster: a `dask scheduler` and `dask worker` processes on loopback,
started from the project's environment, with the checkout on their path. A cluster run must give
exactly the database a local run gives, also when a worker dies in the middle of it."""
from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import PROJECT, SEEDS, run_ingest
from newscorpus import cluster as cluster_module
from newscorpus.analyse import SourceChoice
from newscorpus.ingest import Job, ingest
from newscorpus.loopback import STARTUP_SECONDS, LoopbackCluster, free_port
from newscorpus.parts import Document
from newscorpus.store import fts

pytestmark = pytest.mark.slow

WIKINEWS = PROJECT / "tests" / "data" / "wikinews"
CONTENT_TABLES = ("sources", "articles", "comments", "boilerplate_lines", "subheadings", "entities",
                  "entity_aliases", "article_entities", "quotes", "quote_speakers")
# What differs between two runs of the same input by design: row ids, the run, the clock.
VOLATILE_COLUMNS = {"id", "run_id", "ingested_at", "updated_at"}
# Foreign keys compared by what they point at, since ids follow the order articles were stored in.
NATURAL_KEYS = {
    "article_id": "(SELECT path FROM articles WHERE id = {table}.article_id)",
    "source_id": "(SELECT name FROM sources WHERE id = {table}.source_id)",
    "entity_id": "(SELECT type || ' ' || key FROM entities WHERE id = {table}.entity_id)",
    "speaker_id": "(SELECT type || ' ' || key FROM entities WHERE id = {table}.speaker_id)",
    "quote_id": "(SELECT a.path || ' #' || q.position FROM quotes q JOIN articles a ON a.id = q.article_id "
                "WHERE q.id = {table}.quote_id)",
}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    loopback = LoopbackCluster(tmp_path_factory.mktemp("dask"))
    try:
        loopback.start_scheduler()
        for name in ("worker-1", "worker-2"):
            loopback.start_worker(name)
        loopback.wait_for_workers(2)
        yield loopback
    finally:
        loopback.stop()


def contents(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every content table, without ids and times, foreign keys as what they name."""
    with sqlite3.connect(db_path) as conn:
        found = {}
        for table in CONTENT_TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            selected = [NATURAL_KEYS.get(c, f'"{c}"').format(table=table) for c in columns
                        if c not in VOLATILE_COLUMNS]
            found[table] = sorted(conn.execute(f"SELECT {', '.join(selected)} FROM {table}"), key=repr)
        return found


def last_run(db_path: Path) -> tuple:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT status, added, updated, unchanged, failed, executor FROM ingest_runs "
                            "ORDER BY id DESC LIMIT 1").fetchone()


def assert_indexes_intact(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for statement in fts.integrity_check_statements():
            conn.execute(statement)


def test_a_cluster_run_stores_what_a_local_run_stores(cluster, built_seeds_db, tmp_path):
    local, distributed = built_seeds_db, tmp_path / "cluster.db"
    result = run_ingest(SEEDS, "--db", distributed, "--root", PROJECT, "--scheduler", cluster.address)
    assert result.exit_code == 0, result.output
    assert "5 added, 0 updated, 0 unchanged, 0 failed" in result.output
    assert contents(distributed) == contents(local)
    assert last_run(distributed) == ("completed", 5, 0, 0, 0, cluster.address)
    assert last_run(local)[-1] == "local: 1 process"
    assert_indexes_intact(distributed)

    # Incremental as ever: the second run through the cluster skips every unchanged file.
    again = run_ingest(SEEDS, "--db", distributed, "--root", PROJECT, "--scheduler", cluster.address)
    assert "0 added, 0 updated, 5 unchanged, 0 failed" in again.output
    assert contents(distributed) == contents(local)
    reprocessed = run_ingest("--reprocess", "--db", distributed, "--scheduler", cluster.address)
    assert "0 added, 5 updated, 0 unchanged, 0 failed" in reprocessed.output, reprocessed.output
    assert contents(distributed) == contents(local)


def test_the_scheduler_may_come_from_the_environment(cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCORPUS_SCHEDULER", cluster.address)
    db_path = tmp_path / "env.db"
    result = run_ingest(WIKINEWS / "Actor_Doris_Day_dies_at_97.txt", "--db", db_path, "--root", PROJECT)
    assert result.exit_code == 0, result.output
    assert last_run(db_path) == ("completed", 1, 0, 0, 0, cluster.address)


def test_an_unreachable_scheduler_refuses_the_run_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT_SECONDS", 2)
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    result = run_ingest(SEEDS, "--db", tmp_path / "c.db", "--scheduler", address)
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == [
        f"Error: cannot reach the Dask scheduler at {address} (no answer within 2 s); "
        "is `dask scheduler` running there?"]
    malformed = run_ingest(SEEDS, "--db", tmp_path / "c.db", "--scheduler", "scheduler-without-port")
    assert malformed.exit_code != 0 and len(malformed.output.strip().splitlines()) == 1
    assert "is not a Dask scheduler address" in malformed.output
    assert not (tmp_path / "c.db").exists()  # refused before anything was written


def test_workers_with_another_version_of_the_extraction_are_refused(cluster, tmp_path, monkeypatch):
    # As if this checkout's parse/nlp code or model differed from what the workers run.
    monkeypatch.setattr(cluster_module, "extractor_fingerprint", lambda: "0123456789abcdef")
    result = run_ingest(SEEDS, "--db", tmp_path / "c.db", "--scheduler", cluster.address)
    assert result.exit_code != 0 and len(result.output.strip().splitlines()) == 1, result.output
    assert "has another version of newscorpus or of its spaCy model" in result.output
    assert "here 0123456789abcdef); install the same on every worker" in result.output
    assert not (tmp_path / "c.db").exists()


def many_articles(folder: Path, copies: int) -> Path:
    """The seeds and the Wikinews sample, each copied under several folders: distinct articles
    (their paths differ), enough batches for a worker to die in the middle."""
    for copy in range(copies):
        target = folder / f"copy{copy}"
        target.mkdir(parents=True)
        for source in [*SEEDS.glob("*.txt"), *WIKINEWS.glob("*.txt")]:
            shutil.copy(source, target / source.name)
    return folder


def test_a_worker_killed_mid_run_costs_nothing(cluster, tmp_path):
    from distributed import Client

    # Enough batches that the victim is busy at some stored result.
    corpus = many_articles(tmp_path / "corpus", copies=4)
    local = tmp_path / "local.db"
    local_summary = ingest([corpus], Job(db_path=local, batch_size=4), root=tmp_path)
    assert local_summary.ok and local_summary.added == 80

    # A third worker to kill, so the cluster the other tests use keeps its two.
    cluster.start_worker("victim")
    cluster.wait_for_workers(3)
    killed_while_running: list[bool] = []

    def kill_the_victim_once(_stored: int) -> None:
        # Not waiting here for the victim to be busy: the ingest submits no work while this
        # runs, so an idle victim would stay idle. It is tried again at the next stored result.
        if killed_while_running or not watcher.processing([victim])[victim]:
            return
        killed_while_running.append(True)
        cluster.kill("victim")

    distributed = tmp_path / "cluster.db"
    with Client(cluster.address, timeout=30, set_as_default=False) as watcher:
        victim = next(address for address, info in watcher.scheduler_info()["workers"].items()
                      if info["name"] == "victim")
        summary = ingest([corpus], Job(db_path=distributed, batch_size=4, scheduler=cluster.address,
                                       on_progress=kill_the_victim_once), root=tmp_path)
    assert killed_while_running == [True], cluster.log("scheduler")[-2000:]
    assert (summary.status, summary.added, summary.failed) == ("completed", 80, 0), summary.errors
    assert contents(distributed) == contents(local)
    assert_indexes_intact(distributed)


class RulesOnlyThisProcessKnows:
    """Rules whose class the workers cannot import (tests/ is not on their path): every attempt
    at a batch raises there, as a batch that breaks every worker would."""


def test_a_batch_failing_on_every_worker_fails_its_articles_not_the_run(cluster):
    from distributed import Client

    from newscorpus.cluster import analysed_on_cluster

    pending = [(Document(path=f"{k}.txt", text="Title\n\nBody.", sha256=str(k)), SourceChoice(None, "news"))
               for k in range(3)]
    with Client(cluster.address, timeout=30, set_as_default=False) as client:
        results = [item for batch in analysed_on_cluster(client, iter([pending[:2], pending[2:]]),
                                                         RulesOnlyThisProcessKnows(), Job(db_path=Path("unused")))
                   for item in batch]
    assert sorted(item.document.path for item in results) == ["0.txt", "1.txt", "2.txt"]
    for item in results:
        assert item.parts is None and item.source == "news"
        assert item.error.startswith("extraction failed on the cluster: ModuleNotFoundError"), item.error


def test_waiting_for_a_long_first_batch_costs_this_process_no_cpu(cluster):
    # A long first batch and short later ones: those are done first, the results still come in
    # the order sent, and the wait for the first must sleep, not spin a core the workers need.
    from distributed import Client

    from newscorpus.cluster import analysed_on_cluster
    from newscorpus.parse import load_rules

    long_first = [(Document(path=f"{copy}_{path.name}", text=path.read_text(encoding="utf-8"), sha256=f"{copy}{path}"),
                   SourceChoice(None, "news")) for copy in range(2) for path in sorted(WIKINEWS.glob("*.txt"))]
    short = [[(Document(path=f"{k}.txt", text="Title\n\nBody.", sha256=str(k)), SourceChoice(None, "news"))]
             for k in range(3)]
    with Client(cluster.address, timeout=30, set_as_default=False) as client:
        started, cpu_started = time.monotonic(), time.process_time()
        results = list(analysed_on_cluster(client, iter([long_first, *short]), load_rules(), Job(db_path=Path("unused"))))
        waited, cpu = time.monotonic() - started, time.process_time() - cpu_started
    assert [[item.document.path for item in batch] for batch in results] == [
        [document.path for document, _ in long_first], ["0.txt"], ["1.txt"], ["2.txt"]]
    assert all(item.error is None for batch in results for item in batch)
    # Spinning, it used 12% of a core over the 18 s the first batch took; sleeping, under 1%.
    assert waited > 2 and cpu < 0.05 * waited, (waited, cpu)


def test_ctrl_c_ends_a_cluster_run_at_once_and_cancels_its_work(cluster, tmp_path):
    from distributed import Client

    folder = tmp_path / "long"
    folder.mkdir()
    rng = random.Random(16)
    words = (SEEDS / "001_6e285dae17605ef2.txt").read_text(encoding="utf-8").split()
    for k in range(96):  # batches of 32 articles of 1,500 words: tens of seconds each per worker
        paragraphs = [" ".join(rng.choice(words) for _ in range(100)) + "." for _ in range(15)]
        (folder / f"{k:02d}.txt").write_text(f"Story {k}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    db_path = tmp_path / "long.db"
    process = subprocess.Popen(
        [sys.executable, str(PROJECT / "ingest.py"), str(folder), "--db", str(db_path), "--root", str(folder),
         "--scheduler", cluster.address], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with Client(cluster.address, timeout=30, set_as_default=False) as client:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not any(client.processing().values()) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert any(client.processing().values()), "the run never reached the workers"
            process.send_signal(signal.SIGINT)
            interrupted_at = time.monotonic()
            out, err = process.communicate(timeout=60)
            took = time.monotonic() - interrupted_at
            # The scheduler forgets cancelled work a moment after the client says so.
            deadline = time.monotonic() + 10
            while (left := client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))) and \
                    time.monotonic() < deadline:
                time.sleep(0.2)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1 and "INTERRUPTED" in out, err
    assert "Traceback" not in err, err
    assert took < 10, f"{took:.1f} s from Ctrl-C to exit"
    assert left == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT status, executor FROM ingest_runs").fetchall() == [("interrupted", cluster.address)]


def test_losing_the_scheduler_stops_the_run_in_one_line(tmp_path):
    from distributed import Client

    own = LoopbackCluster(tmp_path / "own")  # the scheduler is killed: not the one other tests share
    own.folder.mkdir()
    corpus = many_articles(tmp_path / "corpus", copies=3)
    db_path = tmp_path / "lost.db"
    process = None
    try:
        own.start_scheduler()
        own.start_worker("worker")
        own.wait_for_workers(1)
        process = subprocess.Popen(
            [sys.executable, str(PROJECT / "ingest.py"), str(corpus), "--db", str(db_path), "--root", str(corpus),
             "--scheduler", own.address], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with Client(own.address, timeout=30, set_as_default=False) as client:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not any(client.processing().values()) and time.monotonic() < deadline:
                time.sleep(0.2)
        own.kill("scheduler")
        out, err = process.communicate(timeout=60)
    finally:
        if process is not None and process.poll() is None:
            process.kill()
        own.stop()
    assert process.returncode == 1, out + err
    assert err.strip().splitlines() == [
        f"Error: lost the connection to the Dask scheduler at {own.address}; the run stopped, what was stored "
        "is kept (run again to go on)"]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT status FROM ingest_runs").fetchall() == [("interrupted",)]


def test_a_cluster_without_workers_refuses_the_run_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster_module, "NO_WORKERS_SECONDS", 2)
    empty = LoopbackCluster(tmp_path)
    try:
        empty.start_scheduler()
        empty.wait_for_workers(0)  # the scheduler answers
        result = run_ingest(SEEDS, "--db", tmp_path / "c.db", "--scheduler", empty.address)
    finally:
        empty.stop()
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == [
        f"Error: the Dask scheduler at {empty.address} has no workers (waited 2 s); "
        f"start some with `dask worker {empty.address}`"]
    assert not (tmp_path / "c.db").exists()


def test_workers_and_a_scheduler_together_are_a_usage_error(tmp_path):
    result = run_ingest(tmp_path, "--db", tmp_path / "c.db", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2 and "--workers is for local processes" in result.output
