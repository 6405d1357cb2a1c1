"""The writer's deferred full-text indexing (store/fts.py): a batch's new rows are indexed
together before its commit, and every other writer still gets a row indexed as it is inserted."""
import sqlite3

import pytest
from alembic import command

from newscorpus.store import db, fts


@pytest.fixture
def conn(tmp_path):
    path = tmp_path / "fts.db"
    db.upgrade(path)
    connection = sqlite3.connect(path, isolation_level=None)  # transactions by hand, as the writer's
    yield connection
    connection.close()


def add_article(conn, path: str, body: str) -> int:
    return conn.execute(
        "insert into articles (path, body, raw_text, sha256, ingested_at, updated_at, title, headline) "
        "values (?, ?, '', 'x', 'now', 'now', 'T', 'T')", (path, body)).lastrowid


def add_quote(conn, article_id: int, position: int, text: str) -> int:
    return conn.execute("insert into quotes (article_id, position, text, kind, start, \"end\") "
                        "values (?, ?, ?, 'direct', 0, 1)",
                        (article_id, position, text)).lastrowid


def matches(conn, index: str, word: str) -> list[int]:
    return [row for (row,) in conn.execute(f"select rowid from {index} where {index} match ? order by rowid", (word,))]


def assert_in_step(conn) -> None:
    for statement in fts.integrity_check_statements():
        conn.execute(statement)
    assert conn.execute("select count(*) from fts_pending").fetchone() == (0,)


def test_deferred_rows_are_searchable_after_the_flush_with_the_values_they_ended_with(conn):
    kept = add_article(conn, "kept.txt", "Lavrov spoke about alliances")  # an ordinary writer: indexed now
    assert matches(conn, "articles_fts", "alliance") == [kept]
    conn.execute("begin")
    cursor = conn.cursor()
    fts.defer(cursor)
    first = add_article(conn, "a.txt", "Talks on fisheries")
    changed = add_article(conn, "b.txt", "Draft text about tariffs")
    conn.execute("update articles set body = 'Final text about harbours' where id = ?", (changed,))
    gone = add_article(conn, "c.txt", "Stored then withdrawn: glaciers")
    conn.execute("delete from articles where id = ?", (gone,))
    quote = add_quote(conn, first, 0, "We will protect the fisheries")
    conn.execute("delete from articles where id = ?", (kept,))  # an indexed row leaves the index at once
    assert matches(conn, "articles_fts", "fisheries") == [] and matches(conn, "articles_fts", "alliance") == []
    fts.flush_pending(cursor)
    conn.execute("commit")
    assert matches(conn, "articles_fts", "fisheries") == [first]
    assert matches(conn, "articles_fts", "harbour") == [changed]
    assert matches(conn, "articles_fts", "tariffs") == [] and matches(conn, "articles_fts", "glaciers") == []
    assert matches(conn, "quotes_fts", "protect") == [quote]
    assert_in_step(conn)


def test_a_rolled_back_deferring_transaction_leaves_no_note_and_no_mark(conn):
    conn.execute("begin")
    fts.defer(conn.cursor())
    add_article(conn, "a.txt", "Talks on fisheries")
    conn.execute("rollback")
    # The next writer without the mark indexes at once: the mark did not outlive its transaction.
    after = add_article(conn, "b.txt", "Talks on tariffs")
    assert matches(conn, "articles_fts", "tariffs") == [after]
    assert_in_step(conn)


def test_a_savepoint_rolled_back_takes_its_notes_with_it(conn):
    # The writer's isolated path: one article per savepoint, a failing one rolled back.
    conn.execute("begin")
    cursor = conn.cursor()
    fts.defer(cursor)
    kept = add_article(conn, "a.txt", "Talks on fisheries")
    conn.execute("savepoint article")
    add_article(conn, "b.txt", "Talks on tariffs")
    conn.execute("rollback to article")
    conn.execute("release article")
    fts.flush_pending(cursor)
    conn.execute("commit")
    assert matches(conn, "articles_fts", "talks") == [kept]
    assert_in_step(conn)


def test_an_indexed_row_changed_in_a_deferring_transaction_is_reindexed_at_once(conn):
    article = add_article(conn, "a.txt", "Talks on fisheries")
    conn.execute("begin")
    cursor = conn.cursor()
    fts.defer(cursor)
    conn.execute("update articles set body = 'Talks on tariffs' where id = ?", (article,))
    assert matches(conn, "articles_fts", "tariffs") == [article]
    fts.flush_pending(cursor)
    conn.execute("commit")
    assert matches(conn, "articles_fts", "fisheries") == []
    assert_in_step(conn)


def test_downgrade_restores_the_per_row_triggers_and_upgrade_the_deferrable_ones(tmp_path):
    path = tmp_path / "round.db"
    db.upgrade(path)
    config = db.alembic_config(path)
    command.downgrade(config, "0013")
    with sqlite3.connect(path) as conn:
        names = {n for (n,) in conn.execute("select name from sqlite_master where type = 'trigger'")}
        assert "articles_ai" in names and "articles_ai_deferred" not in names
        assert conn.execute("select count(*) from sqlite_master where name = 'fts_pending'").fetchone() == (0,)
        article = add_article(conn, "a.txt", "Talks on fisheries")
        assert matches(conn, "articles_fts", "fisheries") == [article]
    command.upgrade(config, "head")
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from sqlite_master where name = 'articles_ai_deferred'").fetchone() == (1,)
        later = add_article(conn, "b.txt", "Talks on tariffs")
        assert matches(conn, "articles_fts", "talks") == [article, later]
        assert_in_step(conn)


class Clock:
    """Time that passes only when a batch is made: what extraction costs."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def arriving(clock: Clock, sizes: list[int], seconds_each: float):
    for k, size in enumerate(sizes):
        clock.now += seconds_each
        yield [f"b{k}-{i}" for i in range(size)]


def test_quick_batches_are_stored_together_slow_ones_as_they_come():
    from newscorpus.store.batching import coalesced

    clock = Clock()
    quick = list(coalesced(arriving(clock, [32] * 40, 0.01), max_articles=512, hold_seconds=1.0, clock=clock))
    assert [len(b) for b in quick] == [512, 512, 256]  # the last held ones are stored when input ends
    assert [a for b in quick for a in b] == [a for b in arriving(Clock(), [32] * 40, 0) for a in b]  # in order
    clock = Clock()
    slow = list(coalesced(arriving(clock, [32] * 3, 2.5), max_articles=512, hold_seconds=1.0, clock=clock))
    assert [len(b) for b in slow] == [32, 32, 32]
    # Quick enough to hold, but none waits longer than hold_seconds for company.
    clock = Clock()
    steady = list(coalesced(arriving(clock, [32] * 10, 0.4), max_articles=512, hold_seconds=1.0, clock=clock))
    assert [len(b) for b in steady] == [128, 128, 64]
