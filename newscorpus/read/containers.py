"""Files that hold many articles — JSON, JSON lines, web archives (WARC), each plain or gzipped —
and gzipped single articles.

A record's identity is its file's plus the record's URL or id, else its position, so a re-run
skips unchanged records and updates changed ones. Its raw text is the record itself (the JSON
object, the archived page), which `--reprocess` parses again. A broken record is one failure;
the records around it still go in.
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .files import GZIP_MAGIC, InputError, open_regular, read_unpacked, sha256_of
from .text import decode

WARC_MAGIC = b"WARC/"
SNIFF_BYTES = 64 * 1024
# A JSON document (not JSON lines) must be parsed whole; beyond this a file should be JSON lines.
JSON_MAX_BYTES = 256 * 1024 * 1024
LINES_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
WEB_PAGE_TYPES = ("text/html", "application/xhtml+xml")
# Records an archive holds besides pages: what was asked, crawl notes, "same as before" pointers.
NOT_CONTENT = {"request", "warcinfo", "metadata", "revisit", "conversion", "continuation"}
WRAPPER_KEYS = ("articles", "items", "data", "results", "records", "docs", "documents", "entries", "posts",
                "stories", "response", "hits")


@dataclass(frozen=True)
class Record:
    """One article of a file holding many, or why it could not be read."""

    key: str  # makes the identity FILE#KEY: the record's URL or id, else its position
    text: str | None = None  # the record as stored in raw_text
    sha256: str | None = None
    encoding: str = "utf-8"
    url: str | None = None
    error: str | None = None


def container_kind(path: str) -> str | None:
    """"warc" or "jsonl" for a file to be read record by record as it streams, "json" for a
    .json file; None for a single document (which may still turn out to hold JSON)."""
    with open_regular(path) as handle:
        head = handle.read(SNIFF_BYTES)
    gzipped = head.startswith(GZIP_MAGIC)
    if gzipped:
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, SNIFF_BYTES)
        except zlib.error as error:
            raise InputError(f"damaged gzip file: {error}") from None
    if head.startswith(WARC_MAGIC):
        return "warc"
    name = path.lower().removesuffix(".gz") if gzipped else path.lower()
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        if name.endswith(LINES_SUFFIXES):
            return "jsonl"
        if name.endswith(".json"):
            return "json"
    return None


def _stream(handle):
    return gzip.GzipFile(fileobj=handle) if handle.peek(2)[:2] == GZIP_MAGIC else handle


def records_of(path: str, kind: str, max_bytes: int, key_of: Callable[[dict], str | None]) -> Iterator[Record]:
    """Every record of a container file, in file order, with unique keys."""
    reader = {"warc": _warc_records, "jsonl": _json_lines_records, "json": _json_file_records}[kind]
    return _unique_keys(reader(path, max_bytes, key_of))


def records_of_text(text: str, key_of: Callable[[dict], str | None]) -> list[Record] | None:
    """The records of a JSON or JSON lines document read as text (an export saved as .txt);
    None when the text is not JSON."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "[{":
        return None
    try:
        found = _records_of_value(json.loads(stripped), key_of)
    except ValueError:
        lines = stripped.splitlines()
        try:  # a first line that is a whole JSON object is no article's opening
            if not isinstance(json.loads(lines[0]), dict):
                return None
        except ValueError:
            return None
        found = _json_lines_of((line.encode("utf-8") for line in lines), len(stripped) + 1, key_of)
    return list(_unique_keys(found))


def _unique_keys(records: Iterator[Record]) -> Iterator[Record]:
    seen: dict[str, int] = {}
    for record in records:
        count = seen[record.key] = seen.get(record.key, 0) + 1
        if count > 1:  # the same URL twice in one crawl or export: both kept, told apart by order
            record = Record(f"{record.key}#{count}", record.text, record.sha256, record.encoding, record.url,
                            record.error)
        yield record


def _json_file_records(path: str, max_bytes: int, key_of) -> Iterator[Record]:
    with open_regular(path) as handle:
        data = read_unpacked(_stream(handle), JSON_MAX_BYTES + 1)
    if len(data) > JSON_MAX_BYTES:
        raise InputError(f"JSON file over {JSON_MAX_BYTES // 2**20} MB: it must be read whole; "
                         "save the export as JSON lines (one record per line) instead")
    text, _ = decode(data)
    try:
        value = json.loads(text)
    except ValueError as error:
        raise InputError(f"invalid JSON: {error}") from None
    yield from _records_of_value(value, key_of, max_bytes)


def _records_of_value(value, key_of, max_bytes: int | None = None) -> Iterator[Record]:
    """A JSON value's records: a list of them, one object, or one wrapped ({"articles": [...]})."""
    if isinstance(value, dict):
        wrapped = next((value[k] for k in WRAPPER_KEYS if isinstance(value.get(k), (list, dict))), None)
        if isinstance(wrapped, dict):  # {"response": {"docs": [...]}}
            wrapped = next((wrapped[k] for k in WRAPPER_KEYS if isinstance(wrapped.get(k), list)), None)
        if isinstance(wrapped, list) and wrapped and all(isinstance(item, dict) for item in wrapped):
            value = wrapped
    items = value if isinstance(value, list) else [value]
    for position, item in enumerate(items, start=1):
        yield _record_from_object(item, None, str(position), key_of, max_bytes)


def _json_lines_records(path: str, max_bytes: int, key_of) -> Iterator[Record]:
    with open_regular(path) as handle:
        stream = _stream(handle)
        yield from _json_lines_of(_bounded_lines(stream, max_bytes), max_bytes, key_of)


def _bounded_lines(stream, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a stream; None for a line over the limit (skipped, not held in memory)."""
    while True:
        try:
            line = stream.readline(max_bytes + 1)
        except EOFError:
            raise InputError("truncated gzip file: the records after the damage were not read") from None
        except (OSError, zlib.error) as error:
            raise InputError(f"damaged gzip file: {error}; the records after the damage were not read") from None
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(max_bytes + 1)
            yield None
            continue
        yield line


def _json_lines_of(lines, max_bytes: int, key_of) -> Iterator[Record]:
    for number, line in enumerate(lines, start=1):
        if line is None:
            yield Record(str(number), error=f"line {number}: record over the {max_bytes / 1e6:.1f} MB limit")
            continue
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8").strip().lstrip("\ufeff")
            item = json.loads(text)
        except UnicodeDecodeError as error:
            yield Record(str(number), error=f"line {number}: not UTF-8 text (byte {error.start})")
            continue
        except ValueError as error:
            yield Record(str(number), error=f"line {number}: invalid JSON ({error})")
            continue
        yield _record_from_object(item, text, str(number), key_of, max_bytes, f"line {number}")


def _record_from_object(item, text: str | None, position: str, key_of, max_bytes: int | None,
                        where: str | None = None) -> Record:
    where = where or f"record {position}"
    if not isinstance(item, dict):
        return Record(position, error=f"{where}: a JSON {type(item).__name__}, not an object with an article's fields")
    text = text if text is not None else json.dumps(item, ensure_ascii=False)
    if max_bytes is not None and len(text) > max_bytes:
        return Record(position, error=f"{where}: record over the {max_bytes / 1e6:.1f} MB limit")
    return Record(key_of(item) or position, text, sha256_of(text.encode("utf-8")))


def _warc_records(path: str, max_bytes: int, key_of) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open_regular(path) as handle:
        position = 0
        try:
            for entry in ArchiveIterator(handle):
                if entry.rec_type in NOT_CONTENT:
                    continue
                position += 1
                yield _warc_record(entry, position, max_bytes)
        except InputError:
            raise
        except Exception as error:  # warcio on a cut or corrupt archive fails in many ways (even AttributeError)
            readable = isinstance(error, (ArchiveLoadFailed, OSError, EOFError, zlib.error))
            reason = (" ".join(str(error).split())[:200] if readable else "") or "it is cut short or corrupt"
            raise InputError(f"damaged web archive after record {position}: {reason}; "
                             "the records before it were read") from None


def _warc_record(entry, position: int, max_bytes: int) -> Record:
    uri = (entry.rec_headers.get_header("WARC-Target-URI") or "").strip()
    key = uri or str(position)
    if entry.rec_type not in ("response", "resource"):
        return Record(key, error=f"{entry.rec_type} record, not a page")
    if entry.http_headers is not None:
        status = entry.http_headers.get_statuscode() or ""
        content_type = entry.http_headers.get_header("Content-Type") or ""
        if not status.startswith("2"):
            return Record(key, error=f"HTTP status {status or 'missing'}: no page to read")
    else:
        content_type = entry.rec_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type and media_type not in WEB_PAGE_TYPES:
        return Record(key, error=f"not a web page ({media_type}): only HTML records are read")
    payload = entry.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Record(key, error=f"page over the {max_bytes / 1e6:.1f} MB limit")
    try:
        text, encoding = _decode_page(payload, content_type)
    except InputError as error:
        return Record(key, error=str(error))
    return Record(key, text, sha256_of(payload), encoding, url=uri or None)


def _decode_page(payload: bytes, content_type: str) -> tuple[str, str]:
    charset = next((part.split("=", 1)[1].strip().strip("\"'") for part in content_type.split(";")[1:]
                    if part.strip().lower().startswith("charset=")), None)
    if charset:
        try:
            return payload.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset header: read it as any other file
    return decode(payload)
