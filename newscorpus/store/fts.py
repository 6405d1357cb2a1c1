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


def create_statements(index: FtsIndex) -> list[str]:
    cols = ", ".join(index.columns)
    new_values = ", ".join(f"new.{c}" for c in index.columns)
    old_values = ", ".join(f"old.{c}" for c in index.columns)
    delete_old = (
        f'INSERT INTO "{index.name}" ("{index.name}", rowid, {cols}) '
        f"VALUES('delete', old.id, {old_values});"
    )
    insert_new = f'INSERT INTO "{index.name}" (rowid, {cols}) VALUES (new.id, {new_values});'
    # content="..." in double quotes: that is the form sqlite-utils and Datasette parse
    # to detect an external-content index and offer search on the table page.
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{index.name}" USING FTS5 ({cols}, '
        f'content="{index.table}", content_rowid="id", tokenize=\'{TOKENIZE}\')',
        f'CREATE TRIGGER IF NOT EXISTS "{index.table}_ai" AFTER INSERT ON "{index.table}" '
        f"BEGIN {insert_new} END",
        f'CREATE TRIGGER IF NOT EXISTS "{index.table}_ad" AFTER DELETE ON "{index.table}" '
        f"BEGIN {delete_old} END",
        # Only a change to an indexed column re-indexes: ingest touches updated_at and
        # entity_names on every write and must not pay for a full re-index of the body.
        f'CREATE TRIGGER IF NOT EXISTS "{index.table}_au" AFTER UPDATE OF {cols} ON "{index.table}" '
        f"BEGIN {delete_old} {insert_new} END",
        f'INSERT INTO "{index.name}"("{index.name}") VALUES(\'rebuild\')',
    ]


def drop_statements(index: FtsIndex) -> list[str]:
    return [f'DROP TRIGGER IF EXISTS "{index.table}_{suffix}"' for suffix in ("ai", "ad", "au")] + [
        f'DROP TABLE IF EXISTS "{index.name}"'
    ]


def integrity_check_statements() -> list[str]:
    """Statements that raise if an index disagrees with its content table."""
    return [
        f'INSERT INTO "{i.name}"("{i.name}", rank) VALUES(\'integrity-check\', 1)' for i in INDEXES
    ]
