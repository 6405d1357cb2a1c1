"""Bytes of an article file -> its text and encoding -> a `Document`, or a one-line reason why not."""
from __future__ import annotations

import codecs

from ..parts import Document
from .files import Candidate, InputError

SUPPORTED = ("newscorpus reads plain text (.txt, .md), saved web pages (HTML), scraper exports (JSON, JSON lines) "
             "and web archives (WARC), each also gzipped")

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


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of an article file, or InputError if it is not text."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"not a text file: looks like {kind}; {SUPPORTED}")
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


def read_document(candidate: Candidate, text: str, encoding: str, sha256: str) -> Document:
    return Document(path=candidate.identity, text=text, sha256=sha256, encoding=encoding,
                    size=candidate.size, mtime_ns=candidate.mtime_ns)
