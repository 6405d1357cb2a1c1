"""The NLP stage: one spaCy pass over an article body, then entities, then quotations.

    extraction = extract(body)
    for extraction in extract_many(bodies, batch_size=32): ...

Pure: the same body always gives the same Extraction, so it runs in worker processes.
"""
from __future__ import annotations

import logging
import signal
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator

from ..parts import Extraction
from . import headlines
from .entities import find_entities
from .quotes import find_quotes

log = logging.getLogger(__name__)

# spaCy's own default: large enough to amortise the model's batch overhead, small enough
# that a worker does not hold many long articles in memory at once.
DEFAULT_BATCH_SIZE = 32
# Seconds each stage (entities, quotations) may spend on one article. Both are near-linear
# and take well under a second on any news article; the budget is for the input nobody
# foresaw, so that one article cannot hold up the run: it is stored with what was found.
STAGE_BUDGET_SECONDS = 30.0
HEADLINE_MAX_CHARS = 1_000  # a headline longer than this is a paragraph the parser took for one


class OverBudget(Exception):
    """A stage ran past its time budget on one article."""


@contextmanager
def time_budget(seconds: float | None):
    """Raise OverBudget in the code inside if it runs longer than `seconds`. A timer signal, so
    it needs the main thread of its process (as ingest's worker processes are); elsewhere
    (a thread, a platform without SIGALRM) the code runs unbounded."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extraction_of(doc, budget: float | None = None) -> Extraction:
    """Entities and quotes of one parsed body. Never raises: a stage that fails on an odd
    article, or runs past its time budget, leaves its part empty with a note, and the
    article is still stored with the rest."""
    notes = []
    budget = budget or STAGE_BUDGET_SECONDS
    try:
        with time_budget(budget):
            entities, mentions = find_entities(doc)
    except OverBudget:
        notes.append(f"names not read: over the {budget:g} s time budget")
        entities, mentions = [], []
    except Exception:  # noqa: BLE001 - one odd article must not stop an ingest
        log.exception("entity extraction failed")
        entities, mentions = [], []
    try:
        with time_budget(budget):
            quotes = find_quotes(doc, entities, mentions)
    except OverBudget:
        notes.append(f"quotations not searched: over the {budget:g} s time budget")
        quotes = []
    except Exception:  # noqa: BLE001
        log.exception("quote extraction failed")
        quotes = []
    return Extraction(entities=entities, mentions=mentions, quotes=quotes, notes=notes)


def extract(body: str, title: str | None = None) -> Extraction:
    """Entities and quotations of one article body (and the names of its headline)."""
    return next(extract_many([body], titles=[title]))


def extract_many(bodies: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1,
                 budget: float | None = None, titles: list[str | None] | None = None) -> Iterator[Extraction]:
    """Extractions of many bodies, in order, from one nlp.pipe pass; with `titles` (one per body,
    or None), the names of each headline the body does not open with are the article's too."""
    from .pipeline import (
        get_nlp,  # loading the model is slow: only when there is text to read
    )

    nlp = get_nlp()
    if titles is not None:
        bodies = [body if isinstance(body, str) else "" for body in bodies]
        headline_docs = _headline_docs(nlp, titles, bodies, batch_size)
    texts = (body if isinstance(body, str) else "" for body in bodies)
    for index, doc in enumerate(nlp.pipe(texts, batch_size=max(1, batch_size), n_process=max(1, n_process))):
        extraction = extraction_of(doc, budget)
        if titles is not None and index in headline_docs:
            extraction.entities = _with_headline(extraction.entities, headline_docs[index])
        yield extraction


def _headline_docs(nlp, titles: list[str | None], bodies: list[str], batch_size: int) -> dict:
    """The headlines to read, parsed in one pass, by the index of their body."""
    wanted = [i for i, (title, body) in enumerate(zip(titles, bodies)) if headlines.needs_reading(title, body)]
    docs = nlp.pipe((titles[i][:HEADLINE_MAX_CHARS] for i in wanted), batch_size=max(1, batch_size))
    return dict(zip(wanted, docs))


def _with_headline(entities, headline_doc):
    """The body's entities with the headline's merged in; the body's alone if the headline
    cannot be read (an odd headline must not cost the article its names)."""
    try:
        found, _ = find_entities(headline_doc)
        return headlines.merge_headline(entities, found, headline_doc.text)
    except Exception:  # noqa: BLE001
        log.exception("headline entity extraction failed")
        return entities
