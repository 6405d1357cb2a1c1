"""Local worker processes: a worker that dies costs at most the article that killed it, and a
stop ends the run at once. Real processes, killed for real."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from helpers import PROJECT, SEED_FILES
from newscorpus.workers import DIED, in_processes

POISON = "poison"


def shout(batch):
    if POISON in batch:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    if "slow" in batch:
        time.sleep(60)
    if "nap" in batch:
        time.sleep(3)
    return [item.upper() for item in batch]


def nothing():
    pass


def run(batches, stop=lambda: False):
    failures = []

    def failed(batch, reason):
        failures.append((batch, reason))
        return [f"failed:{item}" for item in batch]

    results = list(in_processes(batches, 2, shout, nothing, (), stop, failed, 0.1))
    return sorted(item for result in results for item in result), failures


def test_every_batch_is_done_in_the_processes_and_comes_back_in_order():
    batches = [["a", "b"], ["c"], ["d", "e"], ["f"], ["g"]] * 3
    results = list(in_processes(batches, 2, shout, nothing, (), lambda: False, None, 0.1))
    assert results == [[item.upper() for item in batch] for batch in batches]


def test_an_article_that_kills_its_worker_fails_alone_and_the_others_are_done():
    done, failures = run([["a", "b"], ["c", POISON, "d"], ["e"], ["f", "g"]])
    assert failures == [([POISON], DIED)]
    assert done == ["A", "B", "C", "D", "E", "F", "G", f"failed:{POISON}"]


def test_waiting_for_a_slow_first_batch_costs_this_process_no_cpu():
    # The later batches are done long before the first; results still come in order, and the
    # wait for the first must sleep, not spin a core the workers need.
    started, cpu_started = time.monotonic(), time.process_time()
    results = list(in_processes([["nap"], ["a"], ["b"], ["c"]], 2, shout, nothing, (), lambda: False, None, 0.1))
    waited, cpu = time.monotonic() - started, time.process_time() - cpu_started
    assert results == [["NAP"], ["A"], ["B"], ["C"]]
    assert waited >= 3 and cpu < 0.5, (waited, cpu)


def test_a_stop_ends_the_work_at_once_even_mid_batch():
    started = time.monotonic()
    deadline = started + 3
    done, _ = run([["slow"], ["slow"], ["slow"]], stop=lambda: time.monotonic() > deadline)
    assert done == [] and time.monotonic() - started < 30


def worker_pids(parent: int) -> list[int]:
    """The extraction processes of a run (not multiprocessing's resource tracker)."""
    pids = []
    for pid in open(f"/proc/{parent}/task/{parent}/children").read().split():
        try:
            command = open(f"/proc/{pid}/cmdline", "rb").read()
        except OSError:
            continue
        if b"spawn_main" in command:
            pids.append(int(pid))
    return pids


def stored(db_path) -> int:
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:  # not built yet
        return 0


@pytest.mark.slow
def test_an_ingest_whose_worker_is_killed_mid_run_completes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    copies = 40  # several batches of 32, so the kill lands while batches are still to come
    for copy in range(copies):
        for seed in SEED_FILES:
            (folder / f"{copy}_{seed.name}").write_bytes(seed.read_bytes() + f"\nCopy {copy}.\n".encode())
    total = copies * len(SEED_FILES)
    db_path = tmp_path / "c.db"
    run_ = subprocess.Popen([sys.executable, str(PROJECT / "ingest.py"), str(folder), "--db", str(db_path),
                             "--workers", "2"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        # Until the first batch is stored: the workers are extracting. A generous deadline, not a
        # count of polls: the test failed once on a loaded machine, where two spaCy loads and a
        # first batch can take longer than the 120 s (plus polling) it allowed.
        deadline = time.monotonic() + 600
        while not stored(db_path) and time.monotonic() < deadline and run_.poll() is None:
            time.sleep(0.1)
        workers = worker_pids(run_.pid)
        stored_at_kill = stored(db_path)
        assert workers and 0 < stored_at_kill < total, (workers, stored_at_kill)
        os.kill(workers[-1], signal.SIGKILL)
        output, _ = run_.communicate(timeout=900)
    finally:
        if run_.poll() is None:
            run_.kill()
    assert run_.returncode == 0, output
    assert f"{total} added" in output and "0 failed" in output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select status from ingest_runs").fetchall() == [("completed",)]
