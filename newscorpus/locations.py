"""Where things are, from the package rather than the working folder: an installed newscorpus
finds its data through the package; a checkout also knows its own root and `../shared`."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SHARED_ENV = "NEWSCORPUS_SHARED"  # overrides where the shared corpora and gold are looked for


def checkout_root() -> Path | None:
    """The source checkout this package runs from, or None when it is installed."""
    root = PACKAGE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "seeds").is_dir() else None


def shared_path(*parts: str) -> Path:
    """A path inside the shared folder; where it would be beside the checkout when there is
    none, so that a message can name what is missing."""
    return (shared_dir() or (checkout_root() or Path.cwd()).parent / "shared").joinpath(*parts)


def shared_dir() -> Path | None:
    """The shared corpora, gold and scorers: $NEWSCORPUS_SHARED, else `shared/` beside the
    checkout or beside the working folder. None when there is none (a user's clone)."""
    if os.environ.get(SHARED_ENV):
        given = Path(os.environ[SHARED_ENV])
        return given if given.is_dir() else None
    for base in filter(None, (checkout_root(), Path.cwd())):
        candidate = base.parent / "shared"
        if candidate.is_dir():
            return candidate
    return None
