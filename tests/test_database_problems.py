"""A database path ingest must not write to gets one line and is left as it was; a new
database appears whole or not at all; `newscorpus check` finds damage that a run would not."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from helpers import PROJECT, SEED_FILES, run_ingest
from newscorpus.cli import cli
from newscorpus.store import db


def refused(db_path, *extra):
    result = run_ingest(SEED_FILES[0], "--db", db_path, "--root", PROJECT, *extra)
    assert result.exit_code != 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in result.output, result.output
    return lines[0]


def test_a_file_that_is_not_sqlite_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my notes, not a database\n")
    assert "not an SQLite database" in refused(path)
    assert path.read_bytes() == b"my notes, not a database\n"


def test_another_applications_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    before = path.read_bytes()
    assert "another application's SQLite database (tables: customers)" in refused(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "app.db-wal").exists()


def test_a_database_from_a_newer_version_is_refused(seeds_db):
    with sqlite3.connect(seeds_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00d_from_the_future'")
    assert "newer version of newscorpus (schema revision f00d_from_the_future)" in refused(seeds_db)


def test_a_database_in_a_missing_folder_is_refused_and_no_folder_is_made(tmp_path):
    line = refused(tmp_path / "absent" / "c.db")
    assert "the folder" in line and "does not exist" in line
    assert not (tmp_path / "absent").exists()


def test_a_folder_given_as_the_database_is_a_usage_error(tmp_path):
    result = run_ingest(SEED_FILES[0], "--db", tmp_path)
    assert result.exit_code == 2 and "is a directory" in result.output


def test_a_damaged_database_is_reported_not_written(seeds_db):
    data = bytearray(seeds_db.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 6 * page)):  # scribble over some b-tree pages
        data[offset] = 0x5A
    seeds_db.write_bytes(bytes(data))
    line = refused(seeds_db)
    assert "damaged" in line or "cannot be read" in line
    assert "newscorpus check" in line


def test_a_new_database_is_whole_or_absent(tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    real_upgrade = db.upgrade

    def upgrade_then_fail(db_path):
        real_upgrade(db_path)
        raise OSError(28, "No space left on device")  # as a full disk during the first migration would

    monkeypatch.setattr(db, "upgrade", upgrade_then_fail)
    with pytest.raises(OSError):
        db.prepare(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.setattr(db, "upgrade", real_upgrade)
    db.prepare(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]  # no -wal left behind the rename
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    conn.close()


def test_check_says_sound_or_lists_each_problem(seeds_db):
    runner = CliRunner()
    sound = runner.invoke(cli, ["check", "--db", str(seeds_db)])
    assert sound.exit_code == 0 and "sound" in sound.output
    with sqlite3.connect(seeds_db) as conn:  # the index no longer matches its table
        conn.execute("DROP TRIGGER articles_au")
        conn.execute("UPDATE articles SET body = 'replaced without telling the index' WHERE id = 1")
    damaged = runner.invoke(cli, ["check", "--db", str(seeds_db)])
    assert damaged.exit_code == 1 and "articles_fts" in damaged.output and "To repair" in damaged.output


def test_a_run_left_running_by_a_kill_is_marked_killed_by_the_next(seeds_db):
    with sqlite3.connect(seeds_db) as conn:
        conn.execute("UPDATE ingest_runs SET status = 'running'")
    result = run_ingest(SEED_FILES[0], "--db", seeds_db, "--root", PROJECT)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(seeds_db) as conn:
        statuses = [s for (s,) in conn.execute("SELECT status FROM ingest_runs ORDER BY id")]
    assert statuses == ["killed", "completed"]


def limit_database_size(monkeypatch, pages: int) -> None:
    """Every connection the run opens may grow the file to `pages` pages only: SQLite then
    fails writes with the very error a full disk gives (SQLITE_FULL)."""
    configure = db._configure_connection

    def limited(connection, record):
        configure(connection, record)
        connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(db, "_configure_connection", limited)


def test_a_disk_that_fills_during_the_first_build_leaves_nothing_and_says_so(tmp_path, monkeypatch):
    limit_database_size(monkeypatch, 30)
    db_path = tmp_path / "c.db"
    result = run_ingest(*SEED_FILES, "--db", db_path)
    assert result.exit_code == 1
    assert f"Error: cannot build {db_path}: the disk is full" in result.output
    assert "Traceback" not in result.output and not db_path.exists()


def test_a_disk_that_fills_mid_run_stops_the_run_and_keeps_what_was_stored(tmp_path, monkeypatch):
    db_path = tmp_path / "c.db"
    assert run_ingest(SEED_FILES[0], "--db", db_path).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        used = conn.execute("PRAGMA page_count").fetchone()[0]
    limit_database_size(monkeypatch, used + 8)  # room for about one more article
    result = run_ingest(*SEED_FILES, "--db", db_path)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "INTERRUPTED" in result.output and "the disk is full" in result.output
    assert "the articles stored before are kept" in result.output
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("select count(*) from articles").fetchone()[0]
        assert conn.execute("select status from ingest_runs order by id desc").fetchone() == ("interrupted",)
        assert conn.execute("select count(*) from ingest_errors").fetchone() == (0,)  # no article was blamed
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    assert 1 <= stored < len(SEED_FILES)
    monkeypatch.undo()  # space again: the next run stores the rest
    result = run_ingest(*SEED_FILES, "--db", db_path)
    assert result.exit_code == 0 and f"{len(SEED_FILES) - stored} added" in result.output
