"""The NLP stage: one spaCy pass over an article body, then entities, then quotations.

    extraction = extract(body)
    for extraction in extract_many(bodies, batch_size=32): ...

Pure: the same body always gives the same Extraction, so it runs in worker processes.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator

from ..parts import Extraction
from .entities import find_entities
from .quotes import find_quotes

log = logging.getLogger(__name__)

# spaCy's own default: large enough to amortise the model's batch overhead, small enough
# that a worker does not hold many long articles in memory at once.
DEFAULT_BATCH_SIZE = 32


def extraction_of(doc) -> Extraction:
    """Entities and quotes of one parsed body. Never raises: a stage that fails on an odd
    article leaves its part empty, and the article is still stored with the rest."""
    try:
        entities, mentions = find_entities(doc)
    except Exception:  # noqa: BLE001 - one odd article must not stop an ingest
        log.exception("entity extraction failed")
        entities, mentions = [], []
    try:
        quotes = find_quotes(doc, entities, mentions)
    except Exception:  # noqa: BLE001
        log.exception("quote extraction failed")
        quotes = []
    return Extraction(entities=entities, mentions=mentions, quotes=quotes)


def extract(body: str) -> Extraction:
    """Entities and quotations of one article body."""
    return next(extract_many([body]))


def extract_many(bodies: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1) -> Iterator[Extraction]:
    """Extractions of many bodies, in order, from one nlp.pipe pass."""
    from .pipeline import (
        get_nlp,  # loading the model is slow: only when there is text to read
    )

    nlp = get_nlp()
    texts = (body if isinstance(body, str) else "" for body in bodies)
    for doc in nlp.pipe(texts, batch_size=max(1, batch_size), n_process=max(1, n_process)):
        yield extraction_of(doc)
