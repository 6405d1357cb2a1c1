"""The extraction of each document — parse, then NLP — as batches, here, in local worker
processes (workers.py) or on a Dask cluster (cluster.py). Pure: nothing here touches the
database, so a batch runs the same wherever it is sent.
"""
from __future__ import annotations

import signal
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain, islice

from .parse import RecordError, parse_page
from .parts import ArticleParts, Document, Extraction
from .workers import in_processes

# Entities and quotes are looked for in the first 100,000 characters only (about 16,000
# words, longer than any news article): a mis-filed book or log dump is still stored and
# searchable in full without holding the run up for minutes in the parser.
MAX_NLP_CHARS = 100_000
BATCH_SIZE = 32  # articles per spaCy nlp.pipe call: enough to amortise, small enough to stream
STOP_POLL_SECONDS = 0.25  # how often the run looks up from waiting on workers for a stop request


@dataclass(frozen=True)
class SourceChoice:
    """sources.name of an article: --source when given, else the site the input names, else
    the folder its file is in."""

    given: str | None
    folder: str

    def name_for(self, parts: ArticleParts | None) -> str:
        return self.given or (parts.site if parts is not None else None) or self.folder


def batches(iterable, size: int) -> Iterator[list]:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class Analysed:
    """One document after the pure stages: its parts and extraction, or why they failed."""

    document: Document
    source: str
    parts: ArticleParts | None = None
    extraction: Extraction | None = None
    error: str | None = None


def analyse_batch(batch: list[tuple[Document, SourceChoice]], rules) -> list[Analysed]:
    """Parse and extract a batch: pure, so it runs the same in a worker process."""
    from .nlp.extract import extract, extract_many  # spaCy loads only when there is something to extract

    results = []
    for document, source in batch:
        try:
            # no date of the article is later than the file it was saved in
            saved_at = datetime.fromtimestamp(document.mtime_ns / 1e9) if document.mtime_ns else None
            parts = parse_page(document.text, rules, saved_at)
            parts.url = parts.url or document.url
            results.append(Analysed(document, source.name_for(parts), parts))
        except RecordError as error:
            results.append(Analysed(document, source.name_for(None), error=str(error)))
        except Exception as error:  # a parser bug must cost one file, not the run
            results.append(Analysed(document, source.name_for(None), error=f"parser failed: {error!r}"))
    parsed = [r for r in results if r.error is None]
    bodies = [r.parts.body[:MAX_NLP_CHARS] for r in parsed]
    titles = [r.parts.title for r in parsed]
    try:
        extractions = list(extract_many(bodies, batch_size=len(parsed) or 1, titles=titles))
    except Exception:
        extractions = [None] * len(parsed)  # extract one by one to find the article at fault
    for result, body, title, extraction in zip(parsed, bodies, titles, extractions):
        try:
            result.extraction = extraction or extract(body, title)
        except Exception as error:
            result.error = f"extraction failed: {error!r}"
    return results


_worker_rules = None


def _init_worker(rules) -> None:
    global _worker_rules
    # Ctrl-C goes to the whole process group: the main process decides when to stop,
    # workers must not die mid-batch with a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_rules = rules  # the run's rules as compiled there, sent once per worker


def _analyse_in_worker(batch):
    return analyse_batch(batch, _worker_rules)


def analysed_batches(pending, rules, job) -> Iterator[list[Analysed]]:
    """Job.analyser's default: parse and extract each batch, here, in worker processes or on
    the job's Dask cluster."""
    pending_batches = batches(pending, job.batch_size)
    first = next(pending_batches, None)
    if first is None:  # nothing new or changed: no worker processes to start
        return
    pending_batches = chain([first], pending_batches)
    if job.cluster is not None:
        from .cluster import analysed_on_cluster

        yield from analysed_on_cluster(job.cluster, pending_batches, rules, job)
        return
    if job.workers <= 1:
        for batch in pending_batches:
            yield analyse_batch(batch, rules)
        return
    yield from in_processes(pending_batches, job.workers, _analyse_in_worker, _init_worker,
                            (rules,), job.stop_requested, failed_batch, STOP_POLL_SECONDS)


def failed_batch(batch: list[tuple[Document, SourceChoice]], reason: str) -> list[Analysed]:
    return [Analysed(document, source.name_for(None), error=reason) for document, source in batch]
