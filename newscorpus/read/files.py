"""Finding article files and reading their bytes, or a one-line reason why not."""
from __future__ import annotations

import gzip
import hashlib
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # far above any article; stops a mis-aimed dump or log
NOT_REGULAR = "not a regular file (a pipe, device or socket): only files are read"
GZIP_MAGIC = b"\x1f\x8b"
# The names a folder is searched for, each also gzipped (.html.gz). What a file holds is read
# from its content: a page saved as .txt is still read as HTML, an export saved as .txt as JSON.
FORMAT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".warc")
ARTICLE_SUFFIXES = FORMAT_SUFFIXES + tuple(suffix + ".gz" for suffix in FORMAT_SUFFIXES)
FORMATS_SEARCHED = f"{', '.join(FORMAT_SUFFIXES)}, or any of them gzipped"


class InputError(Exception):
    """A file that cannot be ingested; the message is the one line the user sees."""


@dataclass(frozen=True)
class Candidate:
    """A file found on disk, before it is read."""

    identity: str  # the path stored in articles.path
    file: str  # where to read it: a str, as 100,000 Path objects cost seconds per re-ingest
    size: int | None = None  # from the stat taken when it was found
    mtime_ns: int | None = None

    @property
    def location(self) -> Path:
        return Path(self.file)


def discover(paths: Iterable[str | Path], root: Path) -> Iterator[Candidate | tuple[str, str]]:
    """Yield every article file under `paths` (files, or folders searched recursively for
    ARTICLE_SUFFIXES), or (path, reason) for what cannot be used. Each file once."""
    seen: set[tuple[int, int]] = set()  # (device, inode): one file however it is reached
    for given in paths:
        location = Path(given)
        if not location.exists():
            yield storable(str(given)), "no such file or folder"
            continue
        if location.is_file():
            found = [(storable(identity_of(location, root)), str(location))]
        elif not location.is_dir():
            yield storable(str(given)), NOT_REGULAR
            continue
        else:
            prefix = identity_of(location, root)

            def under_prefix(relative: str) -> str:
                return storable(relative if prefix == "." else f"{prefix}/{relative}")

            listed, unreadable = _walk(str(location))
            for relative, reason in unreadable:
                yield under_prefix(relative), reason
            found = [(under_prefix(relative), file) for relative, file in listed]
            if not found:
                yield storable(str(given)), f"no article files in this folder (looked for {FORMATS_SEARCHED})"
        for identity, file in found:
            try:
                status = os.stat(file)
            except OSError:  # gone already: reading it will say so
                yield Candidate(identity, file)
                continue
            if not stat.S_ISREG(status.st_mode):
                yield identity, NOT_REGULAR
                continue
            if (status.st_dev, status.st_ino) not in seen:
                seen.add((status.st_dev, status.st_ino))
                yield Candidate(identity, file, status.st_size, status.st_mtime_ns)


def _walk(folder: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """((POSIX path relative to folder, file path) of its articles in path order,
    (relative folder, reason) of the folders that could not be read).

    A loop over a stack, not recursion: os.walk recurses in Python 3.11 and a tree deeper
    than about a thousand folders stopped the whole run. Symlinked folders are not followed,
    so a symlink loop cannot trap it; hidden files and folders are skipped."""
    found, unreadable = [], []
    stack = [("", folder)]
    while stack:
        relative_directory, directory = stack.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError as error:
            unreadable.append((relative_directory or ".", f"cannot read folder: {error.strerror or error}"))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            relative = f"{relative_directory}/{entry.name}" if relative_directory else entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                stack.append((relative, entry.path))
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
                found.append((relative, entry.path))
    found.sort(key=lambda pair: pair[0].split("/"))  # as Path sorts: by parts, not characters
    return found, unreadable


def storable(name: str) -> str:
    """A file name as text SQLite can store and a terminal can show: bytes that are not UTF-8
    (kept by Python as lone surrogates) become \\xNN escapes; valid names are unchanged."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def identity_of(file: Path, root: Path) -> str:
    """The article's identity: its path relative to the ingest root, in POSIX form, so the
    same file ingested from another working directory or OS is the same article."""
    # normpath: "a/../a", "./a" and "a" are one folder, so one file is one article
    absolute = Path(os.path.normpath(file.absolute()))
    try:
        return absolute.relative_to(os.path.normpath(root.absolute())).as_posix()
    except ValueError:
        return absolute.as_posix()


def open_regular(location: str | Path):
    """A binary handle on a regular file, or InputError. Opened without blocking: a FIFO named
    *.txt would hold open() until a writer came, and the run with it."""
    try:
        handle = open(location, "rb", opener=lambda path, flags: os.open(path, flags | os.O_NONBLOCK))
    except FileNotFoundError:
        raise InputError("file disappeared before it could be read") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}") from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise InputError(NOT_REGULAR)
    return handle


def read_bytes(location: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A single article's bytes within the size limit; a gzipped one unpacked."""
    with open_regular(location) as handle:
        try:
            if handle.peek(2)[:2] == GZIP_MAGIC:
                return _gunzip(handle, max_bytes)
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(
                    f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                    "(raise it with --max-bytes if this really is one article)"
                )
            # Sized by the file: read(max_bytes + 1) allocated 20 MB for every article; a file
            # that reports size 0 (/proc) is still read only up to the limit.
            data = handle.read((size or max_bytes) + 1)
            if size and len(data) > size:  # it grew while we read it
                data += handle.read(max_bytes + 1 - len(data))
        except OSError as error:
            raise InputError(f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(f"file is over the {max_bytes / 1e6:.1f} MB limit")
    return data


def read_unpacked(stream, limit: int) -> bytes:
    """stream.read(limit) for a stream that may be unpacking gzip: a cut or damaged gzip
    file is an InputError."""
    try:
        return stream.read(limit)
    except EOFError:
        raise InputError("truncated gzip file: it ends before its data does") from None
    except (OSError, zlib.error) as error:
        raise InputError(f"damaged gzip file: {error}") from None


def _gunzip(handle, max_bytes: int) -> bytes:
    data = read_unpacked(gzip.GzipFile(fileobj=handle), max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"unpacks to over the {max_bytes / 1e6:.1f} MB limit "
                         "(raise it with --max-bytes if this really is one article)")
    return data


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
