"""How many extracted articles the writer stores per transaction.

Each commit costs the writer a new segment in each full-text index and the index pages it
touched written again; the writer alone on 30,000 BBC articles stored 2,165 per second in
transactions of 32 and 2,706 in transactions of 512 (bench/run.py --store-only); on 200,000,
1,989/s in transactions of 512 and 2,178/s in transactions of 2,048. Extraction hands the writer 32 at a
time (one spaCy batch), so when batches come in faster than the writer stores them (a
cluster, copies re-used by the benchmark) they are joined up to STORE_BATCH articles. When
they come in slowly (spaCy on this machine's two cores: one batch every few seconds) each
is stored as it comes: holding it would only delay what the user sees stored, and what a
stop or a crash leaves to be extracted again.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

STORE_BATCH = 2048
# A batch that took longer than this to arrive is stored at once, and none is held longer.
HOLD_SECONDS = 1.0


def coalesced(batches: Iterable[list], max_articles: int = STORE_BATCH, hold_seconds: float = HOLD_SECONDS,
              clock: Callable[[], float] = time.monotonic) -> Iterator[list]:
    """The batches in order, joined while they arrive quickly, up to `max_articles` (a batch
    is never split) or `hold_seconds` after the first held one arrived."""
    held: list = []
    held_since = None
    waiting_since = clock()
    for batch in batches:
        arrived = clock()
        slow = arrived - waiting_since >= hold_seconds
        held.extend(batch)
        held_since = arrived if held_since is None else held_since
        if slow or len(held) >= max_articles or arrived - held_since >= hold_seconds:
            yield held
            held, held_since = [], None
        waiting_since = clock()  # the time the writer spent on what it was given is not waiting
    if held:
        yield held
