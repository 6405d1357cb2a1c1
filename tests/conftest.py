"""Fixtures every test file may use, and the one place the `shared` marker is applied and skipped.

A test needs ../shared (third-party corpora, gold, scorers: present in CI, absent from a
user's clone) when it carries the `shared` marker or uses the `shared_dir` fixture; either
way it is marked `shared` here and skipped with the reason when the folder is absent.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import PROJECT, SEED_FILES, SEEDS, run_ingest
from newscorpus.locations import shared_dir as find_shared_dir

SHARED_DIR = find_shared_dir()
SHARED_ABSENT = "../shared is absent: the shared corpora come with the CI checkout only"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()) and item.get_closest_marker("shared") is None:
            item.add_marker(pytest.mark.shared)
        if item.get_closest_marker("shared") is not None and SHARED_DIR is None:
            item.add_marker(pytest.mark.skip(reason=SHARED_ABSENT))


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline the product runs, loaded once for the session."""
    from newscorpus.nlp.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED_DIR is not None, SHARED_ABSENT  # the hook above skips such tests first
    return SHARED_DIR


@pytest.fixture(scope="session")
def built_seeds_db(tmp_path_factory) -> Path:
    """A database built from the committed seeds: spaCy runs once per session; copy it to change it."""
    folder = tmp_path_factory.mktemp("built")
    db_path = folder / "corpus.db"
    result = run_ingest(SEEDS, "--db", db_path, "--root", PROJECT)
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture
def seeds_db(built_seeds_db, tmp_path) -> Path:
    """A private copy of the seeds database that a test may change."""
    db_path = tmp_path / "corpus.db"
    shutil.copy(built_seeds_db, db_path)
    return db_path


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """The seed files in a folder of their own that a test may change."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture(scope="session")
def rules():
    """The built-in boilerplate rules, compiled once."""
    from newscorpus.parse import load_rules

    return load_rules()
