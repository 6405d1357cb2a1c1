"""From found files to the documents a run must extract: unchanged ones skipped, files holding
many articles opened record by record, every failure one (identity, reason).

Pure of the database: what is stored comes in as `Stored`, what happened goes out as events
the orchestration counts and records.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..parts import Document
from .containers import Record, container_kind, records_of, records_of_text
from .files import Candidate, InputError, read_bytes, sha256_of
from .text import decode, read_document

RECORD_SEPARATOR = "#"  # identity of a record: FILE#URL, FILE#ID or FILE#POSITION


@dataclass
class Stored:
    """What the database holds, as the reader needs it."""

    # identity -> (sha256, file size, file mtime in ns) of every stored article
    articles: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)
    # file identity -> (size, mtime in ns, number of records) of files stored as records
    containers: dict[str, tuple[int | None, int | None, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Failed:
    identity: str
    reason: str


@dataclass(frozen=True)
class Unchanged:
    identity: str
    count: int = 1  # a file of records skipped unread counts each of its records
    restamp: tuple[int | None, int | None, str] | None = None  # new stat of bytes found identical


@dataclass(frozen=True)
class ToExtract:
    """A new or changed article, with the name of the folder its file is in (its default source)."""

    document: Document
    folder: str


@dataclass(frozen=True)
class MoreRecords:
    """A file turned out to hold more articles than the one it was counted as (progress totals)."""

    count: int


Event = ToExtract | Failed | Unchanged | MoreRecords


def pending_documents(found: Iterable[Candidate | tuple[str, str]], stored: Stored, max_bytes: int,
                      checksum: bool, key_of: Callable[[dict], str | None]) -> Iterator[Event]:
    for item in found:
        if not isinstance(item, Candidate):
            yield Failed(*item)
            continue
        yield from _events_of_file(item, stored, max_bytes, checksum, key_of)


def _events_of_file(item: Candidate, stored: Stored, max_bytes: int, checksum: bool, key_of) -> Iterator[Event]:
    same_stat = _same_stat(item, stored)
    if same_stat and not checksum:
        count = stored.containers[item.identity][2] if item.identity in stored.containers else 1
        if count > 1:
            yield MoreRecords(count - 1)
        yield Unchanged(item.identity, count)
        return
    try:
        kind = container_kind(item.file)
        if kind:
            yield from _events_of_records(item, records_of(item.file, kind, max_bytes, key_of), stored)
            return
        data = read_bytes(item.file, max_bytes)
        digest = sha256_of(data)
        known = stored.articles.get(item.identity)
        if known and known[0] == digest:
            restamp = None if same_stat else (item.size, item.mtime_ns, item.identity)
            yield Unchanged(item.identity, restamp=restamp)
            return
        text, encoding = decode(data)
        records = records_of_text(text, key_of)
        if records is not None:  # an export saved under an article's name: read by content
            yield from _events_of_records(item, iter(records), stored)
            return
        yield ToExtract(read_document(item, text, encoding, digest), item.location.parent.name)
    except InputError as error:
        yield Failed(item.identity, str(error))
    except Exception as error:  # a reader's bug on one hostile file must cost that file, not the run
        yield Failed(item.identity, f"could not be read: {error!r}")


def _same_stat(item: Candidate, stored: Stored) -> bool:
    if item.identity in stored.containers:
        size, mtime_ns, _ = stored.containers[item.identity]
    else:
        _, size, mtime_ns = stored.articles.get(item.identity, (None, None, None))
    return size is not None and (size, mtime_ns) == (item.size, item.mtime_ns)


def _events_of_records(item: Candidate, records: Iterator[Record], stored: Stored) -> Iterator[Event]:
    """Each record as its own article. A container error (a truncated archive) is raised after
    the records before it were handed on, so they are kept."""
    first = True
    for record in records:
        if not first:
            yield MoreRecords(1)
        first = False
        identity = f"{item.identity}{RECORD_SEPARATOR}{record.key}"
        if record.error:
            yield Failed(identity, record.error)
            continue
        known = stored.articles.get(identity)
        if known and known[0] == record.sha256:
            yield Unchanged(identity, restamp=(item.size, item.mtime_ns, identity))
            continue
        yield ToExtract(Document(path=identity, text=record.text, sha256=record.sha256, encoding=record.encoding,
                                 size=item.size, mtime_ns=item.mtime_ns, file=item.identity, url=record.url),
                        item.location.parent.name)
    if first:
        yield Failed(item.identity, "holds no records")
