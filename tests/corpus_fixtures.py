"""Databases built from the committed seeds, shared by the ingest, schema and Datasette tests.

Building one runs spaCy over the seeds, so it is done once per session and copied."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus.cli import ingest_command

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def run_ingest(*arguments, cwd: Path | None = None):
    """Invoke the ingest CLI as a user would; returns click's Result."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(ingest_command, [str(a) for a in arguments], catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(ingest_command, [str(a) for a in arguments], catch_exceptions=False)


@pytest.fixture(scope="session")
def built_seeds_db(tmp_path_factory) -> Path:
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
