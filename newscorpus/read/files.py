"""Finding article files and reading their bytes, or a one-line reason why not."""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # far above any article; stops a mis-aimed dump or log
NOT_REGULAR = "not a regular file (a pipe, device or socket): only files are read"
ARTICLE_SUFFIXES = (".txt",)

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
    *.txt), or (path, reason) for an argument that cannot be used. Each file once."""
    seen: set[tuple[int, int]] = set()  # (device, inode): one file however it is reached
    for given in paths:
        location = Path(given)
        if not location.exists():
            yield str(given), "no such file or folder"
            continue
        if location.is_file():
            found = [(identity_of(location, root), str(location))]
        elif not location.is_dir():
            yield str(given), NOT_REGULAR
            continue
        else:
            prefix = identity_of(location, root)
            found = [(relative if prefix == "." else f"{prefix}/{relative}", file)
                     for relative, file in _walk(str(location))]
            if not found:
                yield str(given), f"no {'/'.join(ARTICLE_SUFFIXES)} files in this folder"
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


def _walk(folder: str) -> list[tuple[str, str]]:
    """(POSIX path relative to folder, file path) of its articles, in path order."""
    found = []
    # os.walk does not follow symlinked folders, so a symlink loop cannot trap it.
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        relative_directory = os.path.relpath(directory, folder)
        for name in names:
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                relative = name if relative_directory == "." else f"{relative_directory}/{name}"
                found.append((relative.replace(os.sep, "/"), os.path.join(directory, name)))
    found.sort(key=lambda pair: pair[0].split("/"))  # as Path sorts: by parts, not characters
    return found


def identity_of(file: Path, root: Path) -> str:
    """The article's identity: its path relative to the ingest root, in POSIX form, so the
    same file ingested from another working directory or OS is the same article."""
    absolute = file.absolute()
    try:
        return absolute.relative_to(root.absolute()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _open_without_blocking(path, flags: int) -> int:
    # A FIFO named *.txt would block open() until a writer comes, holding the run forever.
    return os.open(path, flags | os.O_NONBLOCK)


def read_bytes(location: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        with open(location, "rb", opener=_open_without_blocking) as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise InputError(NOT_REGULAR)
            size = status.st_size
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
    except FileNotFoundError:
        raise InputError("file disappeared before it could be read") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(f"file is over the {max_bytes / 1e6:.1f} MB limit")
    return data


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
