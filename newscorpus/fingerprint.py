"""Which version of the extraction stored an article.

Ingest skips a file whose bytes have not changed, so an upgrade of newscorpus (rules,
lexicons, code, model) never reaches the articles already stored. Each run records a
fingerprint of everything that decides what is extracted; ingest then counts the stored
articles written under another fingerprint and tells the user to `--reprocess`.
"""
from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from .nlp import MODEL

PACKAGE = Path(__file__).resolve().parent
# What decides the extraction: the code, the built-in rules and the lexicons.
EXTRACTION_FILES = ("*.py", "rules/*", "lexicon/*")


def extractor_fingerprint(rules_path: Path | None = None) -> str:
    digest = hashlib.sha256()
    for pattern in EXTRACTION_FILES:
        for path in sorted(PACKAGE.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    if rules_path is not None:
        digest.update(b"user rules\0" + Path(rules_path).read_bytes())
    try:
        digest.update(f"{MODEL} {metadata.version(MODEL)}".encode())
    except metadata.PackageNotFoundError:
        digest.update(MODEL.encode())
    return digest.hexdigest()[:16]
