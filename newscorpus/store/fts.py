"""FTS5 indexes over articles, quotes and comments: the one definition of their DDL.

The Alembic migration that creates them and the tests that check them both call these
functions, so the triggers in a migrated database are exactly the ones described here.
"""
from __future__ import annotations

from dataclasses import dataclass

# porter: "negotiations" finds "negotiate"; remove_diacritics: "Zelenskyy" typed without
# accents still matches names written with them.
TOKENIZE = "porter unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class FtsIndex:
    table: str
    columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.table}_fts"


INDEXES = (
    FtsIndex("articles", ("title", "body")),
    FtsIndex("quotes", ("text",)),
    FtsIndex("comments", ("body",)),
)


# The writer defers indexing of the rows it inserts to the end of each batch: one INSERT ...
# SELECT per index instead of a trigger per row (the writer alone on 30,000 BBC articles in
# transactions of 32: 1,436 stored per second with per-row triggers, 2,165 deferred).
# A writer marks its transaction with a row in PENDING_TABLE whose tbl is DEFERRED; the insert
# triggers of that transaction then only note the new row's id, and `flush_pending` indexes
# the noted rows and empties the table before the same transaction commits. The mark is
# never committed, so every other connection (a user's SQL, Datasette, a crash's rollback)
# sees triggers that index immediately, and the index is in step after every commit.
PENDING_TABLE = "fts_pending"
DEFERRED = "*"


def _pending(table: str, row: str) -> str:
    return f"SELECT 1 FROM {PENDING_TABLE} WHERE tbl = '{table}' AND row_id = {row}"


def _deferring() -> str:
    return f"EXISTS (SELECT 1 FROM {PENDING_TABLE} WHERE tbl = '{DEFERRED}')"


def trigger_statements(index: FtsIndex, deferrable: bool = True) -> list[str]:
    """The triggers that keep `index` in step with its table. `deferrable=False` is the form
    migrations before 0014 created (each row indexed by its own trigger, always)."""
    cols = ", ".join(index.columns)
    new_values = ", ".join(f"new.{c}" for c in index.columns)
    old_values = ", ".join(f"old.{c}" for c in index.columns)
    table, name = index.table, index.name
    insert_new = f'INSERT INTO "{name}" (rowid, {cols}) VALUES (new.id, {new_values});'
    if not deferrable:
        delete_old = f'INSERT INTO "{name}" ("{name}", rowid, {cols}) VALUES(\'delete\', old.id, {old_values});'
        return [
            f'CREATE TRIGGER IF NOT EXISTS "{table}_ai" AFTER INSERT ON "{table}" BEGIN {insert_new} END',
            f'CREATE TRIGGER IF NOT EXISTS "{table}_ad" AFTER DELETE ON "{table}" BEGIN {delete_old} END',
            # Only a change to an indexed column re-indexes: ingest touches updated_at and
            # entity_names on every write and must not pay for a full re-index of the body.
            f'CREATE TRIGGER IF NOT EXISTS "{table}_au" AFTER UPDATE OF {cols} ON "{table}" '
            f"BEGIN {delete_old} {insert_new} END",
        ]
    # A row inserted in a deferring transaction is not in the index yet: deleting or changing
    # it only touches the pending note (an FTS5 'delete' of a row it never indexed would
    # corrupt its counts), and the flush indexes whatever the row holds by then.
    delete_old = (f'INSERT INTO "{name}" ("{name}", rowid, {cols}) SELECT \'delete\', old.id, {old_values} '
                  f"WHERE NOT EXISTS ({_pending(table, 'old.id')});")
    insert_changed = (f'INSERT INTO "{name}" (rowid, {cols}) SELECT new.id, {new_values} '
                      f"WHERE NOT EXISTS ({_pending(table, 'new.id')});")
    forget_old = f"DELETE FROM {PENDING_TABLE} WHERE tbl = '{table}' AND row_id = old.id;"
    note_new = f"INSERT OR IGNORE INTO {PENDING_TABLE} (tbl, row_id) VALUES ('{table}', new.id);"
    return [
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ai" AFTER INSERT ON "{table}" '
        f"WHEN NOT {_deferring()} BEGIN {insert_new} END",
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ai_deferred" AFTER INSERT ON "{table}" '
        f"WHEN {_deferring()} BEGIN {note_new} END",
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ad" AFTER DELETE ON "{table}" BEGIN {delete_old} {forget_old} END',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_au" AFTER UPDATE OF {cols} ON "{table}" '
        f"BEGIN {delete_old} {insert_changed} END",
    ]


def drop_trigger_statements(index: FtsIndex) -> list[str]:
    return [f'DROP TRIGGER IF EXISTS "{index.table}_{suffix}"' for suffix in ("ai", "ai_deferred", "ad", "au")]


def create_statements(index: FtsIndex, deferrable: bool = True) -> list[str]:
    cols = ", ".join(index.columns)
    # content="..." in double quotes: that is the form sqlite-utils and Datasette parse
    # to detect an external-content index and offer search on the table page.
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{index.name}" USING FTS5 ({cols}, '
        f'content="{index.table}", content_rowid="id", tokenize=\'{TOKENIZE}\')',
        *trigger_statements(index, deferrable),
        f'INSERT INTO "{index.name}"("{index.name}") VALUES(\'rebuild\')',
    ]


def drop_statements(index: FtsIndex) -> list[str]:
    return drop_trigger_statements(index) + [f'DROP TABLE IF EXISTS "{index.name}"']


def defer(cursor) -> None:
    """Make the inserts of the cursor's open transaction wait for `flush_pending`, which must
    run before that transaction commits."""
    cursor.execute(f"INSERT OR IGNORE INTO {PENDING_TABLE} (tbl, row_id) VALUES ('{DEFERRED}', 0)")


def flush_pending(cursor) -> None:
    """Index every row noted since `defer`, in one statement per index, and end the deferral."""
    for index in INDEXES:
        cols = ", ".join(index.columns)
        cursor.execute(f'INSERT INTO "{index.name}" (rowid, {cols}) SELECT id, {cols} FROM "{index.table}" '
                       f"WHERE id IN (SELECT row_id FROM {PENDING_TABLE} WHERE tbl = ?) ORDER BY id", (index.table,))
    cursor.execute(f"DELETE FROM {PENDING_TABLE}")


def integrity_check_statements() -> list[str]:
    """Statements that raise if an index disagrees with its content table."""
    return [
        f'INSERT INTO "{i.name}"("{i.name}", rank) VALUES(\'integrity-check\', 1)' for i in INDEXES
    ]
