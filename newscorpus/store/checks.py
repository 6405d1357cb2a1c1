"""What is wrong with a database file, in one line, before anything writes to it.

Ingest writes only to a database that is newscorpus's own (or a new one), that SQLite can
open and that this version of newscorpus understands; anything else is refused with a
reason instead of a traceback, and nothing is written to it.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# quick_check reads every page: worth it at the start of a run on a database of this size or
# less (a second or two); larger ones get the header and schema checks, and `newscorpus check`.
QUICK_CHECK_MAX_BYTES = 200 * 1024 * 1024


class DatabaseProblem(Exception):
    """The database cannot be used; the message is the one line the user sees."""


# SQLite's words for a write that failed because of where the database lives, not because of
# the article being written: retrying the next article would fail the same way.
STORAGE_FAILURES = {
    "database or disk is full": "the disk is full (or the database reached its size limit); free space and run "
                                "again",
    "disk i/o error": "the disk reported an input/output error; check it and run again",
    "attempt to write a readonly database": "the database became read-only during the run",
    "unable to open database file": "the database file could not be opened any more (moved, or its disk gone)",
}


def storage_failure(error: BaseException) -> str | None:
    """What to tell the user when `error` (SQLite's, or SQLAlchemy's wrapping it) means the
    database can take no more writes; None for any other error."""
    message = str(getattr(error, "orig", None) or error).casefold()
    return next((advice for words, advice in STORAGE_FAILURES.items() if words in message), None)


def _connect_read_only(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{db_path.absolute().as_uri()}?mode=ro", uri=True)


def check_location(db_path: Path) -> None:
    """Raise DatabaseProblem when the database's folder cannot hold it (checked before the
    run's lock file is made beside it)."""
    db_path = Path(db_path)
    folder = db_path.absolute().parent
    if db_path.is_dir():
        raise DatabaseProblem(f"{db_path} is a folder, not a database file")
    if not folder.is_dir():
        raise DatabaseProblem(f"cannot create {db_path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseProblem(f"cannot write to {db_path}: the folder {folder} is read-only")


def preflight(db_path: Path, known_revisions: set[str]) -> bool:
    """Raise DatabaseProblem for a path ingest must not write to; True when the file exists
    and holds a database (False: it is to be created)."""
    db_path = Path(db_path)
    check_location(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    if not os.access(db_path, os.R_OK | os.W_OK):
        raise DatabaseProblem(f"cannot write to {db_path}: the file is read-only")
    with open(db_path, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseProblem(f"{db_path} is not an SQLite database; give --db a new file name")
    try:
        conn = _connect_read_only(db_path)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "alembic_version" not in tables:
                shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
                raise DatabaseProblem(f"{db_path} is another application's SQLite database (tables: {shown}); "
                                      "newscorpus writes only to its own: give --db a new file name")
            revisions = {rev for (rev,) in conn.execute("SELECT version_num FROM alembic_version")} if tables else set()
            unknown = revisions - known_revisions
            if unknown:
                raise DatabaseProblem(f"{db_path} was made by a newer version of newscorpus (schema revision "
                                      f"{', '.join(sorted(unknown))}); upgrade newscorpus to write to it")
            if db_path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    raise DatabaseProblem(f"{db_path} is damaged ({verdict}); run `newscorpus check --db {db_path}`")
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseProblem(f"{db_path} cannot be read as a database ({error}); "
                              f"run `newscorpus check --db {db_path}`") from None
    return True


def integrity_report(db_path: Path, fts_checks: list[str]) -> list[str]:
    """Everything SQLite and the FTS5 indexes find wrong with a database; [] when it is sound."""
    problems = []
    try:
        conn = sqlite3.connect(Path(db_path))
        try:
            problems += [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
            problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
            for statement in fts_checks:
                try:
                    conn.execute(statement)
                except sqlite3.DatabaseError as error:
                    problems.append(f"{statement.split('(')[0].replace('INSERT INTO ', '')}: {error}")
            conn.rollback()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        problems.append(str(error))
    return problems
