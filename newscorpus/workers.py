"""Local worker processes for the extraction: a bounded number of batches in flight, a quick
stop, and a worker that dies (killed, out of memory) costing at most the articles that killed it.

`multiprocessing.Pool` waits forever for the result of a worker killed outright, so a run
whose worker the kernel's out-of-memory killer took hung with its lock held; a process pool
executor notices the death and says so.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

IN_FLIGHT_PER_WORKER = 2  # one batch working, one waiting: the workers never idle, memory stays flat
DIED = "the worker process extracting it died (killed, or out of memory)"


def in_processes(batches: Iterable[list], workers: int, task: Callable, initializer: Callable, initargs: tuple,
                 stop_requested: Callable[[], bool], failed: Callable[[list, str], list],
                 poll_seconds: float) -> Iterator[list]:
    """task(batch) for every batch in `workers` processes, results in the batches' order.

    After a worker dies, the batches that were in flight are tried again one at a time, and a
    batch that kills its worker when alone is tried one article at a time: an article that
    kills a worker on its own is failed(batch, DIED); every other article is extracted."""
    # spawn, not fork: the parent may hold threads (tqdm's monitor) and open SQLite handles.
    context = multiprocessing.get_context("spawn")
    source = iter(batches)
    retries: deque[tuple[list, int]] = deque()  # (batch, level): 1 alone, 2 one article alone
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)
    in_flight: dict = {}  # future -> (batch, level)
    try:
        while True:
            careful = bool(retries) or any(level for _, level in in_flight.values())
            limit = 1 if careful else workers * IN_FLIGHT_PER_WORKER
            while len(in_flight) < limit:
                if retries:
                    batch, level = retries.popleft()
                else:
                    batch, level = next(source, None), 0
                    if batch is None:
                        break
                in_flight[pool.submit(task, batch)] = (batch, level)
            if not in_flight:
                return
            # Only the batches still running: a later batch done before the one given first made
            # every wait return at once, and this process spun a core against the workers.
            running = [future for future in in_flight if not future.done()]
            if running and not wait(running, timeout=poll_seconds, return_when=FIRST_COMPLETED).done:
                if stop_requested():
                    return
                continue
            broken = any(future.done() and isinstance(future.exception(), BrokenProcessPool) for future in in_flight)
            # In the order the batches were given (dicts keep it): a run stores its articles in
            # file order, so which spelling of a name is stored first does not depend on timing.
            while not broken and in_flight and next(iter(in_flight)).done():
                future = next(iter(in_flight))
                if isinstance(future.exception(), BrokenProcessPool):
                    broken = True  # broke after wait() returned: handled with the others below
                    break
                batch, _ = in_flight.pop(future)
                yield _outcome(future, batch, failed)
            if broken:
                lost = []
                for future, (batch, level) in in_flight.items():
                    if future.done() and not isinstance(future.exception(), BrokenProcessPool):
                        yield _outcome(future, batch, failed)  # finished before the death
                    else:
                        lost.append((batch, level))
                in_flight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)
                for batch, level in lost:
                    if level == 0:
                        retries.append((batch, 1))
                    elif level == 1 and len(batch) > 1:
                        retries.extend(([item], 2) for item in batch)
                    else:
                        yield failed(batch, DIED)
    finally:
        _stop_now(pool)


def _outcome(future, batch: list, failed: Callable[[list, str], list]) -> list:
    error = future.exception()
    return future.result() if error is None else failed(batch, f"extraction failed: {error!r}")


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Shut the pool without waiting for batches in progress: a stop must come in a moment,
    even while the workers are deep in a batch of long articles."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public way to end them early
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
