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

from .nlp.pipeline import MODEL
from .nlp.places import GAZETTEERS

PACKAGE = Path(__file__).resolve().parent
# What decides the extraction: the parse and NLP stages with their rules and lexicons, and the
# values they hand on. Publishing, storage and the command line do not: editing the site must
# not make every stored article look stale.
EXTRACTION_STAGES = ("parse", "nlp")
EXTRACTION_MODULES = ("parts.py", "analyse.py")


def extraction_files() -> list[Path]:
    found = [PACKAGE / name for name in EXTRACTION_MODULES]
    for stage in EXTRACTION_STAGES:
        found += [path for path in (PACKAGE / stage).rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"]
    return sorted(found, key=lambda path: path.relative_to(PACKAGE).as_posix())


def extractor_fingerprint(rules_path: Path | None = None, fields: dict[str, str] | None = None) -> str:
    digest = hashlib.sha256()
    for path in extraction_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    if rules_path is not None:
        digest.update(b"user rules\0" + Path(rules_path).read_bytes())
    if fields:
        digest.update(b"record fields\0" + repr(sorted(fields.items())).encode())
    for package in (MODEL, *GAZETTEERS):
        try:
            digest.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    return digest.hexdigest()[:16]
