"""A Dask cluster on this machine, for the tests and the benchmark: a `dask scheduler` and
`dask worker` processes on 127.0.0.1, started from this environment's `dask` command, each in a
session of its own so that one kill takes a worker's nanny and worker process together. A real
cluster is started the same way on many machines (README, "Extraction on a cluster")."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from .locations import PACKAGE

DASK = Path(sys.executable).parent / "dask"
STARTUP_SECONDS = 120  # a loaded machine imports distributed and spaCy slowly


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoopbackCluster:
    """A scheduler and named workers (one process, one thread each), logs in `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.processes: dict[str, subprocess.Popen] = {}
        # The workers import the newscorpus this process runs (a checkout's, not an installed one).
        self.environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [
            str(PACKAGE.parent), os.environ.get("PYTHONPATH")]))}

    def _start(self, name: str, *arguments: str) -> None:
        with (self.folder / f"{name}.log").open("ab") as log:  # the process keeps its own copy
            self.processes[name] = subprocess.Popen(
                [str(DASK), *arguments], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env=self.environment, cwd=self.folder, start_new_session=True)

    def start_scheduler(self) -> None:
        port = self.address.rsplit(":", 1)[1]
        self._start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard")

    def start_worker(self, name: str) -> None:
        self._start(name, "worker", self.address, "--name", name, "--nworkers", "1", "--nthreads", "1",
                    "--host", "127.0.0.1", "--no-dashboard", "--local-directory", str(self.folder / name))

    def wait_for_workers(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=STARTUP_SECONDS, set_as_default=False) as client:
            if count:  # 0: only that the scheduler answers
                client.wait_for_workers(count, timeout=STARTUP_SECONDS)

    def kill(self, name: str) -> None:
        os.killpg(self.processes[name].pid, signal.SIGKILL)
        self.processes[name].wait()

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in self.processes.values():
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")
