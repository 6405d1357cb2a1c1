#!/usr/bin/env python3
"""Do two databases hold the same rows? For a change to the writer, which must store exactly
what it stored before, only faster.

    python bench/same_rows.py before.db after.db

Compares every table row by row in id order, ids included, and every full-text index term by
term (fts5vocab 'instance': each term, row, column and offset); the columns that say when a
row was written (and ingest_runs.arguments, which names the database) are left out. Prints
the first difference of each table and exits 1 when there is one.
"""
from __future__ import annotations

import sqlite3
import sys
from itertools import zip_longest

# When a row was written, not what it holds.
VOLATILE = {
    "articles": {"ingested_at", "updated_at"},
    "ingest_runs": {"started_at", "finished_at", "arguments"},
}
FTS_INDEXES = ("articles_fts", "quotes_fts", "comments_fts")


def tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and name not like '%_fts' and name not like '%_fts_%' order by name")]


def rows(conn: sqlite3.Connection, table: str):
    columns = [c[1] for c in conn.execute(f'pragma table_info("{table}")') if c[1] not in VOLATILE.get(table, ())]
    keys = [c[1] for c in sorted(conn.execute(f'pragma table_info("{table}")'), key=lambda c: c[5]) if c[5]]
    order = ", ".join(f'"{k}"' for k in keys) or "rowid"
    names = ", ".join(f'"{c}"' for c in columns)
    return columns, conn.execute(f'select {names} from "{table}" order by {order}')


def fts_rows(conn: sqlite3.Connection, index: str):
    conn.execute(f"create virtual table if not exists temp.{index}_instances using fts5vocab(main, {index}, instance)")
    return conn.execute(f"select term, doc, col, offset from temp.{index}_instances order by term, doc, col, offset")


def compare(before: str, after: str) -> list[str]:
    a, b = sqlite3.connect(before), sqlite3.connect(after)
    differences = []
    names = tables(a)
    if names != tables(b):
        differences.append(f"tables differ: {names} / {tables(b)}")
    for table in names:
        columns, first = rows(a, table)
        _, second = rows(b, table)
        differences += _first_difference(table, first, second, columns)
    for index in FTS_INDEXES:
        differences += _first_difference(index, fts_rows(a, index), fts_rows(b, index), ["term", "doc", "col", "offset"])
    return differences


def _first_difference(label, first, second, columns) -> list[str]:
    count = 0
    for count, (x, y) in enumerate(zip_longest(first, second), start=1):
        if x != y:
            if x is None or y is None:
                return [f"{label}: one database has more rows, from row {count}: {x or y}"]
            changed = {c: (u, v) for c, u, v in zip(columns, x, y) if u != v}
            return [f"{label}: row {count} differs: {changed} (row {dict(zip(columns, x))})"]
    print(f"{label}: {count} rows, same")
    return []


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    differences = compare(sys.argv[1], sys.argv[2])
    for line in differences:
        print(line)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
