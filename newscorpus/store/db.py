"""Opening the database: connection settings and migration to the current schema."""
from __future__ import annotations

import os
import re
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, create_engine, event

from . import checks

# The checkout's top-level migrations/ is this package in an install (pyproject's package-dir),
# so ingest finds it the same way from a checkout, an editable or a regular install.
MIGRATIONS_PACKAGE = "newscorpus.store.migrations"

# Tables SQLAlchemy cannot model: the FTS5 virtual tables and their shadow tables. Named
# by pattern, not read from the database, because env.py must not query before
# context.configure() (the migration would then never commit).
FTS_TABLE = re.compile(r"_fts(_(data|idx|docsize|config|content))?$")

# How long a writer waits for another writer (a second ingest, a user's SQL session)
# before giving up; WAL lets readers (Datasette) go on meanwhile.
BUSY_TIMEOUT_MS = 30_000
# SQLite's default page cache is 2 MB. The writer's indexes take random keys (entity ids,
# LSH band keys, FTS segments), so with that cache every batch re-read and re-wrote the same
# pages; placing 100,000 articles in stories spilled a WAL of over 500 MB. An upper bound:
# SQLite fills its cache only as pages are used.
CACHE_KIB = 256 * 1024
# Pages in the WAL before SQLite copies them back into the database (default 1,000): fewer,
# larger checkpoints while a run writes batch after batch. Each checkpoint writes back every
# page the batches since the last one touched, and the same index and FTS pages are touched
# batch after batch, so a longer interval writes each of them back fewer times. The writer
# alone, 200,000 articles (bench/store_rate.py): 1,989/s at 10,000 pages, 2,246/s at 100,000,
# 2,301/s at 250,000. 100,000 pages is a WAL of about 400 MB between checkpoints (481 MB the most
# seen, storing 1,000,000 articles); it is emptied when ingest closes the database.
WAL_AUTOCHECKPOINT_PAGES = 100_000


def _configure_connection(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # NORMAL is durable across application crashes in WAL mode; only a power cut can
    # lose the last commits, which a re-run of ingest restores.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
    cursor.close()


def make_engine(db_path: str | Path) -> Engine:
    # A URL built from parts, not a string: "q?x.db" or "a#b.db" is a file of that name.
    engine = create_engine(URL.create("sqlite", database=str(Path(db_path))))
    event.listen(engine, "connect", _configure_connection)
    return engine


def migrations_dir() -> Path:
    return Path(str(resources.files(MIGRATIONS_PACKAGE)))


def alembic_config(db_path: str | Path) -> Config:
    """The configuration alembic.ini gives the `alembic` command in a checkout, built from the
    package so that it needs no checkout."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("path_separator", "os")
    config.attributes["db_path"] = str(db_path)
    return config


def upgrade(db_path: str | Path) -> None:
    """Bring any database, new or older, to the newest schema before anything writes."""
    command.upgrade(alembic_config(db_path), "head")


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config(":memory:")).walk_revisions()}


def schema_behind(db_path: str | Path) -> tuple[str, str] | None:
    """(its revision, the newest) when a newscorpus database predates this version's schema."""
    head = ScriptDirectory.from_config(alembic_config(":memory:")).get_current_head()
    conn = sqlite3.connect(f"file:{Path(db_path).absolute()}?mode=ro", uri=True)
    try:
        revisions = {rev for (rev,) in conn.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.Error:
        return None  # not ours, or unreadable: Datasette serves it as it is and says what it finds
    finally:
        conn.close()
    if not revisions or head in revisions or not revisions <= known_revisions():
        return None
    return ", ".join(sorted(revisions)), head


def prepare(db_path: str | Path) -> None:
    """Check the database file, then bring it to the newest schema. A new database is built
    under a temporary name and renamed into place, so a kill or a full disk during its very
    first migration leaves no half-built schema behind, only nothing."""
    db_path = Path(db_path)
    if checks.preflight(db_path, known_revisions()):
        upgrade(db_path)
        return
    building = db_path.with_name(f".{db_path.name}.{os.getpid()}.creating")
    try:
        upgrade(building)
        # Out of WAL mode before the move, and closed: the moved file must hold everything and
        # need no -wal or -shm file of its old name (every connection turns WAL on again).
        conn = sqlite3.connect(building)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        os.replace(building, db_path)
    finally:
        for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
            leftover.unlink(missing_ok=True)


def include_name(name, type_, _parent_names) -> bool:
    return not (type_ == "table" and (FTS_TABLE.search(name) or name.startswith("sqlite_")))
