"""Extraction on an existing Dask distributed cluster: `ingest.py --scheduler tcp://HOST:8786`.

This process still finds and reads the files and writes the database; each batch of documents
is parsed and extracted (`analyse.analyse_batch`) by a Dask worker, which must have the same
newscorpus and spaCy model installed. The worker keeps the model (`nlp.pipeline.get_nlp`) and
the run's rules in memory from one batch to the next, so each is loaded once per worker process.

Results come back in the order the batches were sent, as local workers give them: which of two
copies of a story is stored first must not depend on which worker finished first.
"""
from __future__ import annotations

import hashlib
import logging
import pickle
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .analyse import STOP_POLL_SECONDS, Analysed, analyse_batch, failed_batch
from .fingerprint import extractor_fingerprint
from .ingest import Job, RunRefused

# A scheduler that answers does so within a second; the rest covers a slow network. Dask keeps
# retrying a refused connection until this runs out.
CONNECT_TIMEOUT_SECONDS = 10
# How long a run waits for a cluster without workers (at the start, or after losing them all)
# before it stops: without this it would wait for ever.
NO_WORKERS_SECONDS = 60
# A batch raising on a worker (out of memory, a crash in a library) is tried again on another.
# A worker that dies while running it is Dask's own business: the scheduler reruns the batch
# elsewhere up to distributed.scheduler.allowed-failures times (3 by default).
BATCH_RETRIES = 2
# Batches waiting or running per worker thread: enough that no thread waits for the next one
# to arrive, few enough that memory stays flat on any corpus.
IN_FLIGHT_PER_THREAD = 2
CAPACITY_CHECK_SECONDS = 5.0  # how often it asks the scheduler how many worker threads there are


class ClusterProblem(RunRefused):
    """The cluster cannot be used, or was lost mid-run; the message is the one line shown."""


@contextmanager
def connected(address: str, stop_requested: Callable[[], bool] = lambda: False):
    """A Dask client of the scheduler at `address`, checked to have workers that run this
    version of the extraction."""
    from distributed import Client
    from distributed.comm.addressing import resolve_address

    # Checked before a Client exists: one given a malformed address fails half-built, and its
    # clean-up then prints a traceback at exit.
    try:
        resolve_address(address)
    except ValueError as error:
        raise ClusterProblem(f"{address} is not a Dask scheduler address ({error}); "
                             "give tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786") from None
    except OSError as error:
        raise ClusterProblem(f"cannot reach the Dask scheduler at {address}: {_one_line(error)}") from None
    try:
        with _dask_logs_silenced():
            client = Client(address, timeout=CONNECT_TIMEOUT_SECONDS, set_as_default=False)
    except OSError:  # refused or silent: Dask retries both until the timeout
        raise ClusterProblem(f"cannot reach the Dask scheduler at {address} (no answer within "
                             f"{CONNECT_TIMEOUT_SECONDS} s); is `dask scheduler` running there?") from None
    except Exception as error:
        raise ClusterProblem(f"cannot reach the Dask scheduler at {address}: {_one_line(error)}") from None
    try:
        with _dask_logs_silenced():
            _check_workers(client, address, stop_requested)
            yield client
    finally:
        with _dask_logs_silenced():
            client.close()


@contextmanager
def _dask_logs_silenced():
    """Dask's client logs to stderr, tracebacks included, when it loses the scheduler; ingest
    says what went wrong in its own one line instead."""
    loggers = [logging.getLogger("distributed")] + [
        logger for name, logger in logging.Logger.manager.loggerDict.items()
        if name.startswith("distributed.") and isinstance(logger, logging.Logger)]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def scheduler_address(client) -> str:
    """ingest_runs.executor of a cluster run: the address as the scheduler itself gives it."""
    return client.scheduler.address


def _check_workers(client, address: str, stop_requested: Callable[[], bool]) -> None:
    deadline = time.monotonic() + NO_WORKERS_SECONDS
    while not _worker_threads(client):  # in short waits: Ctrl-C must not wait for the deadline
        if stop_requested():
            raise ClusterProblem(f"stopped while waiting for the first worker of {address}; nothing was written")
        if time.monotonic() > deadline:
            raise ClusterProblem(f"the Dask scheduler at {address} has no workers (waited {NO_WORKERS_SECONDS} s); "
                                 f"start some with `dask worker {address}`")
        time.sleep(STOP_POLL_SECONDS)
    expected = extractor_fingerprint()
    try:
        found = client.run(_worker_fingerprint)
    except Exception as error:
        raise ClusterProblem(f"a Dask worker of {address} cannot run newscorpus: {_one_line(error)}") from None
    for worker, fingerprint in sorted(found.items()):
        if fingerprint != expected:
            raise ClusterProblem(
                f"the Dask worker {worker} has another version of newscorpus or of its spaCy model "
                f"(extractor {fingerprint}, here {expected}); install the same on every worker")


def _worker_threads(client) -> int:
    try:
        return sum(client.nthreads().values())
    except Exception:
        raise _lost(client) from None


def _worker_fingerprint() -> str:
    # Sent by name, so each worker computes it with the newscorpus installed there (a function
    # object would carry this process's answer). The rules travel with each batch, so only the
    # code and the model count.
    return extractor_fingerprint()


_rules_by_digest: dict[str, object] = {}


def _analyse_on_worker(batch, rules_pickle: bytes, rules_digest: str) -> list[Analysed]:
    # The rules go as bytes, not as an object: Dask would unpickle an object for every batch
    # (recompiling its patterns), bytes are unpickled once per worker process.
    rules = _rules_by_digest.get(rules_digest)
    if rules is None:
        rules = _rules_by_digest[rules_digest] = pickle.loads(rules_pickle)
    return analyse_batch(batch, rules)


def analysed_on_cluster(client, pending_batches, rules, job: Job) -> Iterator[list[Analysed]]:
    """Job.analyser on a cluster: batches go to the workers, a bounded number at a time, and
    come back in the order they were sent. A batch that fails on every worker comes back as one failure per
    article. Leaving early (a stop request, an error in this process) cancels the work left."""
    from distributed import wait

    rules_pickle = pickle.dumps(rules)  # the rules as compiled here, so a --rules file needs no copy on workers
    rules_digest = hashlib.sha256(rules_pickle).hexdigest()
    capacity = _Capacity(client)
    in_flight: dict = {}  # future -> its batch, to name the articles if it fails
    exhausted = False
    try:
        while True:
            while not exhausted and len(in_flight) < capacity.batches_in_flight():
                batch = next(pending_batches, None)
                if batch is None:
                    exhausted = True
                    break
                future = client.submit(_analyse_on_worker, batch, rules_pickle, rules_digest,
                                       retries=BATCH_RETRIES, pure=False)
                in_flight[future] = batch
            if not in_flight:
                return
            # Only the batches still running: a later batch done before the one sent first would
            # make every wait return at once, and this process spun against the workers until the
            # first came back (200 articles, 2 workers on one machine: 2.54 CPU-s here, 0.69 not
            # spinning, against the workers' 18.4).
            running = [future for future in in_flight if not future.done()]
            if running:
                try:
                    with client.as_current():  # set_as_default=False: wait() would look for a global client
                        wait(running, timeout=STOP_POLL_SECONDS, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    pass
                except Exception:  # FuturesCancelledError: the client lost the scheduler
                    raise _lost(client) from None
            if any(future.status == "cancelled" for future in in_flight):  # not by this run, which
                raise _lost(client)  # cancels only on its way out
            # In the order the batches were sent (dicts keep it), as local runs store them: which
            # copy of a story is the first, and which spelling a name is stored under, must not
            # depend on which worker finished first.
            while in_flight and next(iter(in_flight)).done():
                head = next(iter(in_flight))
                if head.status == "cancelled":
                    raise _lost(client)
                yield _results_of(head, in_flight.pop(head))
            if job.stop_requested():
                return
    finally:
        if in_flight:
            try:
                client.cancel(list(in_flight))
            except Exception:  # the scheduler is gone: so is the work
                pass


class _Capacity:
    """How many batches to keep in flight: IN_FLIGHT_PER_THREAD per worker thread, following
    workers that join or leave. A cluster left without workers for too long stops the run."""

    def __init__(self, client):
        self.client = client
        self.checked_at = float("-inf")
        self.threads = 0
        self.workerless_since: float | None = None

    def batches_in_flight(self) -> int:
        now = time.monotonic()
        if now - self.checked_at >= CAPACITY_CHECK_SECONDS:
            self.checked_at = now
            self.threads = _worker_threads(self.client)
            if self.threads:
                self.workerless_since = None
            elif self.workerless_since is None:
                self.workerless_since = now
            elif now - self.workerless_since > NO_WORKERS_SECONDS:
                raise ClusterProblem(f"the Dask cluster has had no workers for {NO_WORKERS_SECONDS} s; "
                                     "the run stopped, what was stored is kept")
        return max(self.threads, 1) * IN_FLIGHT_PER_THREAD


def _lost(client) -> ClusterProblem:
    return ClusterProblem(f"lost the connection to the Dask scheduler at {scheduler_address(client)}; "
                          "the run stopped, what was stored is kept (run again to go on)")


def _results_of(future, batch) -> list[Analysed]:
    try:
        if future.status == "finished":
            return future.result()
        reason = _one_line(future.exception())
    except Exception as error:  # the result was lost on the way, or the future cancelled
        reason = _one_line(error)
    return failed_batch(batch, f"extraction failed on the cluster: {reason}")


def _one_line(error: BaseException | None, limit: int = 300) -> str:
    """An exception as one short line: Dask's messages run over several lines and name tasks."""
    text = " ".join(str(error).split()) if error is not None else ""
    text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
