"""Shared test set-up: the `shared` marker's skip and the folder of shared corpora."""
from __future__ import annotations

from pathlib import Path

import pytest

# ../shared beside the checkout: present in CI, absent from a user's clone.
SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} is absent: the shared corpora come with the CI checkout only")
    return SHARED_DIR
