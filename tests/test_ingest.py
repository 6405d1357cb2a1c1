"""Ingest end to end through the CLI: counts, incremental re-runs, failures, run records."""
import fcntl
import os
import sqlite3

import pytest
from click.testing import CliRunner

from helpers import SEED_FILES, run_ingest
from newscorpus.cli import ingest_command
from newscorpus.store import fts, writer

CONTENT_TABLES = ("sources", "articles", "comments", "boilerplate_lines", "subheadings", "entities",
                  "entity_aliases", "article_entities", "quotes", "quote_speakers")


def rows(db_path, sql, *params):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def snapshot(db_path):
    return {table: rows(db_path, f"select * from {table} order by 1, 2") for table in CONTENT_TABLES}


def last_run(db_path):
    return rows(db_path, "select status, added, updated, unchanged, failed from ingest_runs order by id desc limit 1")[0]


def assert_indexes_intact(db_path):
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for statement in fts.integrity_check_statements():
            conn.execute(statement)


def test_seeds_go_in_with_their_children(built_seeds_db):
    assert rows(built_seeds_db, "select count(*) from articles") == [(5,)]
    assert last_run(built_seeds_db) == ("completed", 5, 0, 0, 0)
    paths = [p for (p,) in rows(built_seeds_db, "select path from articles order by path")]
    assert paths == [f"seeds/{f.name}" for f in SEED_FILES]
    assert rows(built_seeds_db, "select distinct s.name from articles a join sources s on s.id = a.source_id") == [("seeds",)]
    [(author, posted_at, body)] = rows(built_seeds_db, "select author, posted_at, body from comments")
    assert (author, posted_at) == ("Wayne Mickel", "2021-03-06T10:08:00")
    assert rows(built_seeds_db, "select count(*) from comments_fts where comments_fts match 'petrodollar'") == [(1,)]
    assert rows(built_seeds_db, "select count(*) from quotes") != [(0,)]
    assert rows(built_seeds_db, "select count(*) from article_entities") != [(0,)]
    raw = {p: t for p, t in rows(built_seeds_db, "select path, raw_text from articles")}
    assert raw[f"seeds/{SEED_FILES[2].name}"] == SEED_FILES[2].read_text(encoding="utf-8")
    assert_indexes_intact(built_seeds_db)


def test_second_run_over_unchanged_files_writes_only_the_run_record(seeds_db):
    from helpers import PROJECT, SEEDS

    before = snapshot(seeds_db)
    result = run_ingest(SEEDS, "--db", seeds_db, "--root", PROJECT)
    assert result.exit_code == 0
    assert "0 added, 0 updated, 5 unchanged, 0 failed" in result.output
    assert snapshot(seeds_db) == before
    assert last_run(seeds_db) == ("completed", 0, 0, 5, 0)


def test_changed_file_is_updated_in_place_and_new_file_added(seeds_copy, tmp_path):
    db_path = tmp_path / "c.db"
    assert run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).exit_code == 0
    target = seeds_copy / SEED_FILES[2].name
    [(article_id, old_ingested)] = rows(db_path, "select id, ingested_at from articles where path like ?", f"%{target.name}")
    target.write_text(target.read_text(encoding="utf-8").replace("Mongolian horde", "Golden Horde xylophone"), encoding="utf-8")
    (seeds_copy / "new.txt").write_text("A new article\n\nIt has one paragraph about zeppelins.\n", encoding="utf-8")

    result = run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path)
    assert "1 added, 1 updated, 4 unchanged, 0 failed" in result.output
    [(same_id, ingested, updated)] = rows(db_path, "select id, ingested_at, updated_at from articles where path like ?", f"%{target.name}")
    assert same_id == article_id and ingested == old_ingested
    assert rows(db_path, "select rowid from articles_fts where articles_fts match 'xylophone'") == [(article_id,)]
    assert rows(db_path, "select count(*) from articles_fts where articles_fts match 'mongolian'") == [(0,)]
    # children replaced, not duplicated
    assert rows(db_path, "select count(*) from comments where article_id = ?", article_id) == [(1,)]
    assert rows(db_path, "select count(*) from articles") == [(6,)]
    assert_indexes_intact(db_path)


def test_bad_files_are_reported_and_the_rest_goes_in(seeds_copy, tmp_path):
    (seeds_copy / "scan.txt").write_bytes(b"%PDF-1.4\n binary")
    (seeds_copy / "blank.txt").write_bytes(b"   \n")
    db_path = tmp_path / "bad.db"
    result = run_ingest(seeds_copy, tmp_path / "missing-folder", "--db", db_path, "--root", tmp_path)
    assert result.exit_code == 1
    assert "5 added, 0 updated, 0 unchanged, 3 failed" in result.output
    assert "FAILED articles/scan.txt: not a text file: looks like a PDF document" in result.output
    errors = dict(rows(db_path, "select path, error from ingest_errors"))
    assert errors["articles/blank.txt"] == "file holds only whitespace"
    assert errors[str(tmp_path / "missing-folder")] == "no such file or folder"
    assert last_run(db_path) == ("completed", 5, 0, 0, 3)


def test_a_failure_while_storing_leaves_no_half_article(seeds_copy, tmp_path, monkeypatch):
    real_insert_many = writer._insert_many

    def failing_insert_many(cursor, table, rows_, **options):
        if table.__tablename__ == "subheadings" and rows_ and "Invincible" in str(rows_):
            raise RuntimeError("disk on fire")
        return real_insert_many(cursor, table, rows_, **options)

    monkeypatch.setattr(writer, "_insert_many", failing_insert_many)
    db_path = tmp_path / "atomic.db"
    result = run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path)
    assert result.exit_code == 1 and "disk on fire" in result.output
    assert rows(db_path, "select count(*) from articles") == [(4,)]
    assert rows(db_path, "select count(*) from articles where body like '%Invincible%'") == [(0,)]
    assert rows(db_path, "select count(*) from comments where article_id not in (select id from articles)") == [(0,)]
    assert_indexes_intact(db_path)


def test_reprocess_re_extracts_in_place_without_the_files(seeds_db):
    before = dict(rows(seeds_db, "select path, id from articles"))
    result = run_ingest("--db", seeds_db, "--reprocess")
    assert result.exit_code == 0, result.output
    assert "0 added, 5 updated" in result.output
    assert dict(rows(seeds_db, "select path, id from articles")) == before
    assert rows(seeds_db, "select mode from ingest_runs order by id desc limit 1") == [("reprocess",)]
    assert_indexes_intact(seeds_db)


def test_second_ingest_on_the_same_database_fails_at_once(seeds_db):
    from helpers import SEEDS

    with open(f"{seeds_db}.ingest-lock", "a+") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)
        holder.write("pid 4242")
        holder.flush()
        result = CliRunner().invoke(ingest_command, [str(SEEDS), "--db", str(seeds_db)])
    assert result.exit_code == 1
    assert "another ingest (pid 4242) is writing to" in result.output


def test_help_documents_every_option():
    output = CliRunner().invoke(ingest_command, ["--help"]).output
    for parameter in ingest_command.params:
        for option in parameter.opts:
            if option.startswith("--"):
                assert option in output
    assert "PATHS" in output and "seeds/" in output


def test_reprocess_refuses_paths(seeds_db):
    result = CliRunner().invoke(ingest_command, ["seeds", "--db", str(seeds_db), "--reprocess"])
    assert result.exit_code == 2 and "give no PATHS" in result.output


@pytest.mark.parametrize("source_option, expected", [((), "articles"), (("--source", "Tsarizm"), "Tsarizm")])
def test_source_defaults_to_the_folder_name(seeds_copy, tmp_path, source_option, expected):
    db_path = tmp_path / "s.db"
    run_ingest(seeds_copy / SEED_FILES[0].name, "--db", db_path, *source_option)
    assert rows(db_path, "select name from sources") == [(expected,)]


def test_articles_from_an_older_extraction_are_reported_until_reprocessed(seeds_db):
    from helpers import PROJECT, SEEDS

    fresh = run_ingest(SEEDS, "--db", seeds_db, "--root", PROJECT)
    assert "Note:" not in fresh.output
    # As after an upgrade of newscorpus: the stored articles went through other rules.
    with sqlite3.connect(seeds_db) as conn:
        conn.execute("update ingest_runs set extractor = 'older-version'")
    skipped = run_ingest(SEEDS, "--db", seeds_db, "--root", PROJECT)
    assert skipped.exit_code == 0
    assert "5 unchanged" in skipped.output
    assert "Note: 5 stored article(s) were extracted by another version" in skipped.output
    assert "--reprocess" in skipped.output

    reprocessed = run_ingest("--db", seeds_db, "--reprocess")
    assert "Note:" not in reprocessed.output
    [(latest_run,)] = rows(seeds_db, "select max(id) from ingest_runs where mode = 'reprocess'")
    assert rows(seeds_db, "select distinct run_id from articles") == [(latest_run,)]
    assert "Note:" not in run_ingest(SEEDS, "--db", seeds_db, "--root", PROJECT).output


def test_a_database_from_before_provenance_upgrades_in_place(seeds_copy, tmp_path):
    from alembic import command

    from newscorpus.store import db

    db_path = tmp_path / "old.db"
    command.upgrade(db.alembic_config(db_path), "0002")
    with sqlite3.connect(db_path) as conn:
        assert "run_id" not in {row[1] for row in conn.execute("pragma table_info(articles)")}
    result = run_ingest(seeds_copy, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert rows(db_path, "select count(*) from articles where run_id is null") == [(0,)]
    assert_indexes_intact(db_path)


def refuse_reads(monkeypatch):
    """Opening a file at all (even to see what format it holds) fails the file."""
    from newscorpus.read import containers, files

    def no_read(*_args, **_kwargs):
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr(files, "open_regular", no_read)
    monkeypatch.setattr(containers, "open_regular", no_read)


def test_a_file_with_its_stored_size_and_mtime_is_not_read_again(seeds_copy, tmp_path, monkeypatch):
    db_path = tmp_path / "stat.db"
    assert run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).exit_code == 0
    stored = dict((p, (s, m)) for p, s, m in rows(db_path, "select path, file_size, file_mtime_ns from articles"))
    for seed in seeds_copy.iterdir():
        status = seed.stat()
        assert stored[f"articles/{seed.name}"] == (status.st_size, status.st_mtime_ns)
    refuse_reads(monkeypatch)
    result = run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path)
    assert result.exit_code == 0 and "0 added, 0 updated, 5 unchanged, 0 failed" in result.output


def test_a_touched_file_is_hashed_once_then_skipped_unread(seeds_copy, tmp_path, monkeypatch):
    db_path = tmp_path / "touch.db"
    assert run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).exit_code == 0
    before = snapshot(db_path)
    target = seeds_copy / SEED_FILES[0].name
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 5_000_000_000))
    result = run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path)
    assert "0 added, 0 updated, 5 unchanged" in result.output  # same bytes: not re-extracted
    assert rows(db_path, "select file_mtime_ns from articles where path like ?", f"%{target.name}") == \
        [(target.stat().st_mtime_ns,)]
    assert {t: r for t, r in snapshot(db_path).items() if t != "articles"} == \
        {t: r for t, r in before.items() if t != "articles"}
    refuse_reads(monkeypatch)
    assert "5 unchanged" in run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).output


def test_checksum_finds_a_change_that_kept_size_and_mtime(seeds_copy, tmp_path):
    db_path = tmp_path / "sum.db"
    assert run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).exit_code == 0
    target = seeds_copy / SEED_FILES[2].name
    status = target.stat()
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Mongolian", "Mongolia "), encoding="utf-8")  # same length
    os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert target.stat().st_size == status.st_size
    # As with rsync, the quick check cannot see it; --checksum can.
    assert "5 unchanged" in run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).output
    result = run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path, "--checksum")
    assert "0 added, 1 updated, 4 unchanged" in result.output
    assert rows(db_path, "select count(*) from articles where body like '%Mongolia %'") == [(1,)]


def test_a_database_without_file_stats_hashes_files_as_before(seeds_db, monkeypatch):
    from helpers import PROJECT, SEEDS

    with sqlite3.connect(seeds_db) as conn:  # as an article stored before migration 0006
        conn.execute("update articles set file_size = null, file_mtime_ns = null")
    result = run_ingest(SEEDS, "--db", seeds_db, "--root", PROJECT)
    assert "0 added, 0 updated, 5 unchanged" in result.output
    assert rows(seeds_db, "select count(*) from articles where file_mtime_ns is null") == [(0,)]
    refuse_reads(monkeypatch)
    assert "5 unchanged" in run_ingest(SEEDS, "--db", seeds_db, "--root", PROJECT).output


def test_reprocess_keeps_the_file_stats(seeds_db):
    before = rows(seeds_db, "select path, file_size, file_mtime_ns from articles order by path")
    assert run_ingest("--db", seeds_db, "--reprocess").exit_code == 0
    assert rows(seeds_db, "select path, file_size, file_mtime_ns from articles order by path") == before
