"""Incremental ingest: files -> Documents -> parts -> extraction -> store, run by run.

A file's identity is its path relative to the ingest root (plus #KEY for each record of a
file holding many: read/inputs.py); its version is the sha256 of its bytes. Same hash: skipped without being decoded. New hash: re-extracted in place,
keeping the article's id. Every run is recorded in ingest_runs with per-file errors.
"""
from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import signal
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from sqlalchemy import func, insert, or_, select, update

from .fingerprint import extractor_fingerprint
from .parse import RecordError, RulesError, load_rules, parse_page
from .parts import ArticleParts, Document, Extraction
from .read.files import DEFAULT_MAX_BYTES, discover
from .read.inputs import Failed, MoreRecords, ToExtract, pending_documents
from .store import db
from .store.checks import DatabaseProblem, check_location
from .store.entity_links import link_surnames
from .store.models import Article, IngestError, IngestRun, Source
from .store.stories import group_copies
from .store.writer import (
    UPDATED,
    StoredArticle,
    now_iso,
    prune_orphan_entities,
    restamp,
    store_article,
    stored_files,
)

# Entities and quotes are looked for in the first 100,000 characters only (about 16,000
# words, longer than any news article): a mis-filed book or log dump is still stored and
# searchable in full without holding the run up for minutes in the parser.
MAX_NLP_CHARS = 100_000
BATCH_SIZE = 32  # articles per spaCy nlp.pipe call: enough to amortise, small enough to stream
STOP_POLL_SECONDS = 0.25  # how often the run looks up from waiting on workers for a stop request


class RunRefused(Exception):
    """The run cannot start; the message is the one line the user sees."""


class IngestLocked(RunRefused):
    """Another ingest holds the database."""


@dataclass
class RunSummary:
    run_id: int | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    status: str = "running"
    store_seconds: float = 0.0  # time spent writing, for the benchmark's storage share
    # Stored articles extracted by another version of the code, rules or model than this
    # run's: unchanged files are skipped, so only --reprocess brings them up to date.
    stale: int = 0
    # (size, mtime_ns, path) of files read again and found byte-identical: stored at the end
    # of the run, so the next run skips them unread.
    restamps: list[tuple[int | None, int | None, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.status == "completed"


@contextmanager
def exclusive_ingest(db_path: Path):
    """One ingest per database at a time: a second one fails at once with a clear message
    rather than re-doing the first one's work file by file behind it."""
    lock_path = Path(f"{db_path}.ingest-lock")
    try:
        # Never through a link: a symlink planted at the lock's path must not get its target
        # truncated or written.
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
    except OSError as error:
        kind = "a symbolic link" if lock_path.is_symlink() else (error.strerror or str(error)).lower()
        raise RunRefused(f"cannot use the lock file {lock_path}: {kind}; remove it or choose another --db") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise RunRefused(f"cannot use the lock file {lock_path}: not a regular file; remove it")
    with os.fdopen(descriptor, "r+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise IngestLocked(
                f"another ingest ({holder}) is writing to {db_path}; wait for it to finish"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()


class StopFlag:
    """Ctrl-C, or SIGTERM from a service manager or `kill`, asks the run to stop after the
    article in hand, so the run is recorded as interrupted with everything done so far kept."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self):
        self.requested = False
        self._previous: dict = {}

    def __enter__(self):
        def handler(_signum, _frame):
            if self.requested:  # a second signal: the user really wants out now
                raise KeyboardInterrupt
            self.requested = True

        try:
            self._previous = {number: signal.signal(number, handler) for number in self.SIGNALS}
        except ValueError:  # not the main thread (tests, embedding): no handler
            self._previous = {}
        return self

    def __exit__(self, *exc):
        for number, previous in self._previous.items():
            signal.signal(number, previous)


@dataclass
class Job:
    """Everything a run needs besides the files."""

    db_path: Path
    rules_path: Path | None = None
    source: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = BATCH_SIZE
    workers: int = 1  # processes that parse and extract while this one stores
    checksum: bool = False  # read and hash every file, even one whose size and mtime match
    fields: dict[str, str] = field(default_factory=dict)  # --fields: record field names, tried first
    arguments: dict = field(default_factory=dict)
    on_progress: Callable[[int], None] = lambda n: None
    on_total: Callable[[int], None] = lambda n: None
    # Turns the pending (Document, source) pairs into batches of Analysed; the default parses
    # and extracts, in worker processes when workers > 1. The benchmark substitutes its own to
    # record extractions or reuse them.
    analyser: Callable[[Iterable, object, "Job"], Iterator[list["Analysed"]]] | None = None
    stop_requested: Callable[[], bool] = lambda: False  # set by the run: Ctrl-C or SIGTERM came

    @property
    def executor_name(self) -> str:
        """ingest_runs.executor: where the extraction ran."""
        return f"local: {self.workers} process{'es' if self.workers > 1 else ''}"


def ingest(paths: Iterable[str | Path], job: Job, root: Path | None = None) -> RunSummary:
    root = root or Path.cwd()
    return _run(job, "ingest",
                lambda rules, conn, summary: _documents_from_files(paths, root, job, rules, conn, summary))


def reprocess(job: Job) -> RunSummary:
    """Re-extract every stored article from its raw_text, in place: for when the extractor
    improved, without needing the original files."""
    return _run(job, "reprocess", lambda rules, conn, summary: _documents_from_database(conn, summary))


def _run(job: Job, mode: str, documents) -> RunSummary:
    summary = RunSummary()
    try:
        rules = load_rules(job.rules_path, job.fields)
    except RulesError as error:
        raise RunRefused(str(error)) from None
    extractor = extractor_fingerprint(job.rules_path, job.fields)
    try:
        check_location(job.db_path)  # before the lock file is made beside the database
    except DatabaseProblem as error:
        raise RunRefused(str(error)) from None
    with exclusive_ingest(job.db_path), StopFlag() as stop:
        # The lock before the schema: two first-time ingests racing to create one database
        # must not both migrate it.
        try:
            db.prepare(job.db_path)
        except DatabaseProblem as error:
            raise RunRefused(str(error)) from None
        engine = db.make_engine(job.db_path)
        try:
            _run_locked(job, mode, documents, engine, summary, rules, extractor, stop)
        finally:
            engine.dispose()
    return summary


def _run_locked(job: Job, mode: str, documents, engine, summary: RunSummary, rules, extractor: str, stop) -> None:
    with engine.begin() as conn:
        # Holding the lock, no other run can be going on: one still marked running was killed
        # (SIGKILL, a power cut) before it could record how it ended.
        conn.execute(update(IngestRun).where(IngestRun.status == "running").values(status="killed"))
        summary.run_id = conn.execute(insert(IngestRun).values(
            started_at=now_iso(), status="running", mode=mode, extractor=extractor, executor=job.executor_name,
            arguments=json.dumps(job.arguments, default=str),
            added=0, updated=0, unchanged=0, failed=0,
        )).inserted_primary_key[0]
    job = replace(job, stop_requested=lambda: stop.requested)
    try:
        with engine.connect() as conn:
            pending = documents(rules, conn, summary)
            for analysed in (job.analyser or analysed_batches)(pending, rules, job):
                started = time.perf_counter()
                stored = _store_batch(engine, analysed, summary, stop)
                summary.store_seconds += time.perf_counter() - started
                job.on_progress(stored)
                if stop.requested:
                    break
            summary.status = "interrupted" if stop.requested else "completed"
        with engine.begin() as conn:
            restamp(conn, summary.restamps)
            link_surnames(conn)
            group_copies(conn)
            prune_orphan_entities(conn)
            summary.stale = count_stale(conn, extractor)
    except BaseException:
        summary.status = "interrupted" if summary.status == "running" else summary.status
        raise
    finally:
        _finish_run(engine, summary)


def _documents_from_files(paths, root: Path, job: Job, rules, conn, summary: RunSummary) -> Iterator[tuple[Document, "SourceChoice"]]:
    stored = stored_files(conn)
    conn.rollback()  # an open read transaction would stop WAL checkpoints for the whole run
    found = list(discover(paths, root))
    total = len(found)
    job.on_total(total)
    for event in pending_documents(found, stored, job.max_bytes, job.checksum, rules.record_fields.key_of):
        if isinstance(event, ToExtract):
            yield event.document, SourceChoice(given=job.source, folder=event.folder or "articles")
        elif isinstance(event, MoreRecords):
            total += event.count
            job.on_total(total)
        elif isinstance(event, Failed):
            _record_error(conn, summary, event.identity, event.reason)
            job.on_progress(1)
        else:
            summary.unchanged += event.count
            if event.restamp:
                summary.restamps.append(event.restamp)
            job.on_progress(event.count)


def _documents_from_database(conn, summary: RunSummary) -> Iterator[tuple[Document, "SourceChoice"]]:
    rows = conn.execute(
        select(Article.path, Article.raw_text, Article.sha256, Article.encoding, Article.file_size,
               Article.file_mtime_ns, Article.file, Article.url, Source.name)
        .outerjoin(Source, Source.id == Article.source_id).order_by(Article.id)
    ).all()
    conn.rollback()
    for path, raw_text, sha256, encoding, size, mtime_ns, file, url, source in rows:
        # The stored source is kept: it may have been chosen with --source.
        yield (Document(path=path, text=raw_text, sha256=sha256, encoding=encoding or "utf-8", size=size,
                        mtime_ns=mtime_ns, file=file if file != path else None, url=url),
               SourceChoice(given=source or "articles", folder="articles"))


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
    from .nlp.extract import extract_many  # spaCy loads only when there is something to extract

    results = []
    for document, source in batch:
        try:
            parts = parse_page(document.text, rules)
            parts.url = parts.url or document.url
            results.append(Analysed(document, source.name_for(parts), parts))
        except RecordError as error:
            results.append(Analysed(document, source.name_for(None), error=str(error)))
        except Exception as error:  # a parser bug must cost one file, not the run
            results.append(Analysed(document, source.name_for(None), error=f"parser failed: {error!r}"))
    parsed = [r for r in results if r.error is None]
    bodies = [r.parts.body[:MAX_NLP_CHARS] for r in parsed]
    try:
        extractions = list(extract_many(bodies, batch_size=len(parsed) or 1))
    except Exception:
        extractions = [None] * len(parsed)  # extract one by one to find the article at fault
    for result, body, extraction in zip(parsed, bodies, extractions):
        try:
            result.extraction = extraction or next(iter(extract_many([body])))
        except Exception as error:
            result.error = f"extraction failed: {error!r}"
    return results


_worker_rules = None


def _init_worker(rules_path, fields) -> None:
    global _worker_rules
    # Ctrl-C goes to the whole process group: the main process decides when to stop,
    # workers must not die mid-batch with a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_rules = load_rules(rules_path, fields)


def _analyse_in_worker(batch):
    return analyse_batch(batch, _worker_rules)


def analysed_batches(pending, rules, job: Job) -> Iterator[list[Analysed]]:
    """Job.analyser's default: parse and extract each batch, here or in worker processes."""
    pending_batches = batches(pending, job.batch_size)
    first = next(pending_batches, None)
    if first is None:  # nothing new or changed: no worker processes to start
        return
    pending_batches = chain([first], pending_batches)
    if job.workers <= 1:
        for batch in pending_batches:
            yield analyse_batch(batch, rules)
        return
    # spawn, not fork: the parent may hold threads (tqdm's monitor) and open SQLite handles.
    context = multiprocessing.get_context("spawn")
    with context.Pool(job.workers, initializer=_init_worker, initargs=(job.rules_path, job.fields)) as pool:
        # imap keeps file order and bounds memory to a few batches in flight. Waiting in short
        # steps lets Ctrl-C end the run in a moment even while the workers are deep in a batch
        # of long articles: leaving the block terminates them.
        results = pool.imap(_analyse_in_worker, pending_batches)
        while True:
            try:
                yield results.next(timeout=STOP_POLL_SECONDS)
            except multiprocessing.TimeoutError:
                if job.stop_requested():
                    return
            except StopIteration:
                return


def _store_batch(engine, analysed: list[Analysed], summary: RunSummary, stop: StopFlag) -> int:
    """Store each article in its own transaction; returns how many were handled."""
    for handled, item in enumerate(analysed):
        if stop.requested:
            return handled
        if item.error is not None:
            _record_error_now(engine, summary, item.document.path, item.error)
            continue
        try:
            with engine.begin() as conn:
                _, status = store_article(conn, StoredArticle(item.document, item.parts, item.extraction, item.source,
                                                              run_id=summary.run_id))
        except Exception as error:
            _record_error_now(engine, summary, item.document.path, f"storage failed: {error!r}")
            continue
        if status == UPDATED:
            summary.updated += 1
        else:
            summary.added += 1
    return len(analysed)


def count_stale(conn, extractor: str) -> int:
    """Articles last extracted under another fingerprint (or before runs recorded one)."""
    return conn.execute(
        select(func.count()).select_from(Article)
        .outerjoin(IngestRun, IngestRun.id == Article.run_id)
        .where(or_(IngestRun.extractor.is_(None), IngestRun.extractor != extractor))
    ).scalar_one()


def _record_error(conn, summary: RunSummary, path: str, reason: str) -> None:
    summary.failed += 1
    summary.errors.append((path, reason))
    conn.execute(insert(IngestError).values(run_id=summary.run_id, path=path, error=reason))
    conn.commit()


def _record_error_now(engine, summary: RunSummary, path: str, reason: str) -> None:
    with engine.connect() as conn:
        _record_error(conn, summary, path, reason)


def _finish_run(engine, summary: RunSummary) -> None:
    with engine.begin() as conn:
        conn.execute(update(IngestRun).where(IngestRun.id == summary.run_id).values(
            finished_at=now_iso(), status=summary.status, added=summary.added,
            updated=summary.updated, unchanged=summary.unchanged, failed=summary.failed,
        ))
