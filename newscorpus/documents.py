"""Reading article files: from bytes on disk to a `Document`, or a one-line reason why not."""
from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .parts import Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # far above any article; stops a mis-aimed dump or log
ARTICLE_SUFFIXES = (".txt",)

# Formats users rename to .txt by mistake, recognised by their first bytes.
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.epub file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "an executable",
}

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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


def read_bytes(location: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        with open(location, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(
                    f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                    "(raise it with --max-bytes if this really is one article)"
                )
            # Sized by the file: read(max_bytes + 1) allocated 20 MB for every article. Special
            # files report size 0 and are still read only up to the limit.
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


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of an article file, or InputError if it is not text."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"not a text file: looks like {kind}")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"invalid {encoding} text at byte {error.start}") from None
    text, encoding = _decode_without_bom(data)
    if not text.strip():
        raise InputError("empty file: no text to ingest" if not text else "file holds only whitespace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 1000):
        raise InputError(f"not a text file: {controls} control characters (binary data?)")
    return text, encoding


def _decode_without_bom(data: bytes) -> tuple[str, str]:
    # UTF-16 first: its NUL bytes are valid UTF-8, so UTF-8 would "succeed" on it.
    utf16 = _utf16_without_bom(data) if b"\x00" in data else None
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise InputError("not a text file: contains NUL bytes (binary data?)")
    # Mostly valid UTF-8 with a few broken bytes (a bad copy-paste, a truncated
    # download): keep the UTF-8 reading and mark the damage, instead of turning every
    # accented letter of the file into cp1252 mojibake.
    replaced = data.decode("utf-8", errors="replace")
    damaged = replaced.count("\ufffd")
    multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if multibyte > damaged:
        return replaced, f"utf-8 ({damaged} invalid bytes replaced)"
    # No UTF-8 structure at all: a Windows or Latin-1 file. cp1252 gives its curly
    # quotes and dashes; the five bytes cp1252 leaves undefined fall back to Latin-1.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # ASCII-range text in UTF-16 has a NUL in every other byte; which half tells the order.
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for encoding, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls > half * 0.3:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def read_document(candidate: Candidate, data: bytes, sha256: str) -> Document:
    text, encoding = decode(data)
    return Document(path=candidate.identity, text=text, sha256=sha256, encoding=encoding,
                    size=candidate.size, mtime_ns=candidate.mtime_ns)
