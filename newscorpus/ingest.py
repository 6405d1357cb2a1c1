"""Incremental ingest: files -> Documents -> parts -> extraction -> store, run by run.

A file's identity is its path relative to the ingest root (plus #KEY for each record of a
file holding many: read/inputs.py); its version is the sha256 of its bytes. Same hash:
skipped without being decoded. New hash: re-extracted in place,
keeping the article's id. Every run is recorded in ingest_runs with per-file errors.
"""
from __future__ import annotations

import fcntl
import json
import os
import signal
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, insert, or_, select, update

from .analyse import BATCH_SIZE, Analysed, SourceChoice, analysed_batches
from .fingerprint import extractor_fingerprint
from .parse import RulesError, load_rules
from .parts import Document
from .read.files import DEFAULT_MAX_BYTES, discover
from .read.inputs import Failed, MoreRecords, ToExtract, pending_documents
from .store import db, facet_index, fts
from .store.batching import STORE_BATCH, coalesced
from .store.checks import DatabaseProblem, check_location, storage_failure
from .store.entity_links import link_surnames
from .store.models import Article, IngestError, IngestRun, Source
from .store.stories import group_copies
from .store.writer import (
    UPDATED,
    KnownRows,
    StoredArticle,
    now_iso,
    prune_orphan_entities,
    restamp,
    store_article,
    stored_files,
)


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
    copies_seconds: float = 0.0  # time spent grouping copies and stories at the end, likewise
    # Stored articles extracted by another version of the code, rules or model than this
    # run's: unchanged files are skipped, so only --reprocess brings them up to date.
    stale: int = 0
    # (size, mtime_ns, path) of files read again and found byte-identical: stored at the end
    # of the run, so the next run skips them unread.
    restamps: list[tuple[int | None, int | None, str]] = field(default_factory=list)
    fatal: str | None = None  # why the run stopped early when the database could take no more writes
    # (path, note) of articles stored with a part left out (a stage over its time budget)
    notes: list[tuple[str, str]] = field(default_factory=list)

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
    store_batch: int = STORE_BATCH  # at most this many articles per transaction (store/batching.py)
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
    # A Dask scheduler's address (--scheduler): the extraction runs on its workers, not in
    # local processes. The run connects and keeps the client in `cluster` (newscorpus/cluster.py).
    scheduler: str | None = None
    cluster: object | None = None

    @property
    def executor_name(self) -> str:
        """ingest_runs.executor: where the extraction ran."""
        if self.scheduler:
            from .cluster import scheduler_address

            return scheduler_address(self.cluster)  # the run connects before it records itself
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
    with exclusive_ingest(job.db_path), StopFlag() as stop, _extraction_cluster(job, stop) as job:
        # The lock before the schema: two first-time ingests racing to create one database
        # must not both migrate it.
        try:
            db.prepare(job.db_path)
        except DatabaseProblem as error:
            raise RunRefused(str(error)) from None
        except Exception as error:
            if advice := storage_failure(error):
                raise RunRefused(f"cannot build {job.db_path}: {advice}") from None
            raise
        engine = db.make_engine(job.db_path)
        try:
            _run_locked(job, mode, documents, engine, summary, rules, extractor, stop)
        except Exception as error:
            advice = str(error) if isinstance(error, BatchAbandoned) else storage_failure(error)
            if advice is None:
                raise
            # Every batch committed before stays (each is one transaction); the run stops here
            # instead of failing each remaining article the same way.
            summary.status = "interrupted"
            summary.fatal = f"stopped writing to {job.db_path}: {advice}; the articles stored before are kept"
        finally:
            engine.dispose()
    return summary


@contextmanager
def _extraction_cluster(job: Job, stop: StopFlag):
    """The job, connected to its Dask cluster when it names one: connecting before the run is
    recorded, so an unreachable scheduler refuses the run in one line."""
    if not job.scheduler:
        yield job
        return
    from .cluster import connected

    with connected(job.scheduler, lambda: stop.requested) as client:
        yield replace(job, cluster=client)


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
    known = KnownRows()
    try:
        with engine.connect() as conn:
            pending = documents(rules, conn, summary)
            for analysed in coalesced((job.analyser or analysed_batches)(pending, rules, job), job.store_batch):
                started = time.perf_counter()
                stored = _store_batch(engine, analysed, summary, stop, known)
                summary.store_seconds += time.perf_counter() - started
                job.on_progress(stored)
                if stop.requested:
                    break
            summary.status = "interrupted" if stop.requested else "completed"
        with engine.begin() as conn:
            restamp(conn, summary.restamps)
            link_surnames(conn)
            started = time.perf_counter()
            group_copies(conn)
            summary.copies_seconds = time.perf_counter() - started
            prune_orphan_entities(conn)
            if summary.added:
                facet_index.refresh_statistics(conn)
            summary.stale = count_stale(conn, extractor)
    except BaseException:
        summary.status = "interrupted" if summary.status == "running" else summary.status
        raise
    finally:
        try:
            _finish_run(engine, summary)
        except Exception as error:
            if storage_failure(error) is None:
                raise
            # The run record cannot be written either: the next run marks it killed.


def _documents_from_files(paths, root: Path, job: Job, rules, conn,
                          summary: RunSummary) -> Iterator[tuple[Document, SourceChoice]]:
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


def _documents_from_database(conn, summary: RunSummary) -> Iterator[tuple[Document, SourceChoice]]:
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


class BatchAbandoned(Exception):
    """SQLite ended the batch's transaction on its own; the message is the user's one line."""


def _store_batch(engine, analysed: list[Analysed], summary: RunSummary, stop: StopFlag, known: KnownRows) -> int:
    """Store a batch in one transaction and one commit (the commits were most of the writer's
    time); a crash keeps whole articles only. A failing article costs only itself: the batch
    is first written straight through, and only when an article fails is it rolled back and
    written again with a savepoint per article. Savepoints are not the fast path because
    FTS5 writes its pending terms out as a new index segment at every savepoint, in each of
    the three full-text indexes: with one per article they halved the writer's rate.
    Returns how many were handled."""
    try:
        return _write_batch(engine, analysed, summary, stop, known, isolated=False)
    except BatchAbandoned:
        raise
    except Exception as error:
        known.forget()  # it may name rows the rollback took back
        if storage_failure(error):
            raise  # the database takes no more writes: writing the batch again cannot help
        return _write_batch(engine, analysed, summary, stop, known, isolated=True)


def _write_batch(engine, analysed: list[Analysed], summary: RunSummary, stop: StopFlag, known: KnownRows,
                 isolated: bool) -> int:
    """One transaction for the batch; with `isolated`, each article in a savepoint whose
    failure is recorded as the article's error. Without it, any failure propagates."""
    handled, added, updated, errors, notes = 0, 0, 0, [], []
    with engine.begin() as conn:
        dbapi = conn.connection.dbapi_connection
        cursor = dbapi.cursor()
        if not dbapi.in_transaction:
            # pysqlite begins a transaction only before a write; a savepoint opened outside
            # one would make each RELEASE a commit of its own.
            cursor.execute("BEGIN")
        fts.defer(cursor)  # the batch's new rows are indexed together, before the commit
        for item in analysed:
            if stop.requested:
                break
            handled += 1
            if item.error is not None:
                errors.append((item.document.path, item.error))
                continue
            stored = StoredArticle(item.document, item.parts, item.extraction, item.source, run_id=summary.run_id)
            if not isolated:
                _, status = store_article(conn, stored, known)
            else:
                cursor.execute("SAVEPOINT article")
                try:
                    _, status = store_article(conn, stored, known)
                except Exception as error:
                    known.forget()
                    if storage_failure(error):
                        raise
                    if not dbapi.in_transaction:
                        # SQLite rolled the whole batch back itself (as on running out of
                        # memory): no savepoint is left to return to and the batch's earlier
                        # articles are gone too, so the run stops rather than count them.
                        raise BatchAbandoned(f"SQLite abandoned the batch while storing {item.document.path}: "
                                             f"{error}") from error
                    cursor.execute("ROLLBACK TO article")
                    cursor.execute("RELEASE article")
                    errors.append((item.document.path, f"storage failed: {error!r}"))
                    continue
                cursor.execute("RELEASE article")
            notes.extend((item.document.path, note) for note in item.extraction.notes)
            added, updated = (added, updated + 1) if status == UPDATED else (added + 1, updated)
        for path, reason in errors:
            conn.execute(insert(IngestError).values(run_id=summary.run_id, path=path, error=reason))
        fts.flush_pending(cursor)
    # Counted once committed: a batch lost to a failing disk was not stored.
    summary.added += added
    summary.updated += updated
    summary.notes.extend(notes)
    summary.failed += len(errors)
    summary.errors.extend(errors)
    return handled


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


def _finish_run(engine, summary: RunSummary) -> None:
    with engine.begin() as conn:
        conn.execute(update(IngestRun).where(IngestRun.id == summary.run_id).values(
            finished_at=now_iso(), status=summary.status, added=summary.added,
            updated=summary.updated, unchanged=summary.unchanged, failed=summary.failed,
        ))
