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


def test_a_stop_ends_the_work_at_once_even_mid_batch():
    started = time.monotonic()
    deadline = started + 3
    done, _ = run([["slow"], ["slow"], ["slow"]], stop=lambda: time.monotonic() > deadline)
    assert done == [] and time.monotonic() - started < 30


@pytest.mark.slow
def test_an_ingest_whose_worker_is_killed_mid_run_completes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(12):
        for seed in SEED_FILES:
            (folder / f"{copy}_{seed.name}").write_bytes(seed.read_bytes() + f"\nCopy {copy}.\n".encode())
    db_path = tmp_path / "c.db"
    run_ = subprocess.Popen([sys.executable, str(PROJECT / "ingest.py"), str(folder), "--db", str(db_path),
                             "--workers", "2"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        children = []
        for _ in range(600):  # the workers start, then load the model
            children = [int(pid) for pid in
                        open(f"/proc/{run_.pid}/task/{run_.pid}/children").read().split()]
            if len(children) >= 2:
                break
            time.sleep(0.1)
        assert children, "no worker processes started"
        time.sleep(3)
        os.kill(children[-1], signal.SIGKILL)
        output, _ = run_.communicate(timeout=600)
    finally:
        if run_.poll() is None:
            run_.kill()
    assert run_.returncode == 0, output
    assert f"{12 * len(SEED_FILES)} added" in output and "0 failed" in output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select status from ingest_runs").fetchall() == [("completed",)]
