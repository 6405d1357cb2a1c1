"""Every request bounded in memory and time, whatever SQL a user sends.

The time limit (sql_time_limit_ms) interrupts between SQLite instructions, so one function
call that builds a huge value ran for minutes and grew the server past 5 GB
(`select zeroblob(2000000000)`, `printf('%.*c', 2000000000, 'x')`). So:
- SQLite's length limit on each connection: building a larger value fails at once with
  "string or blob too big". It is far above any stored value: ingest refuses files over
  20 MB (--max-bytes), and raw_text is the largest column.
- printf (and its alias format) refuse widths and precisions over MAX_WIDTH: with the length
  limit alone, SQLite still walked the whole width one character at a time (13 s). Within
  the bound, SQLite's own printf does the formatting, on a private in-memory connection.
"""
import re
import sqlite3
import threading

from datasette import hookimpl

MAX_VALUE_BYTES = 64 * 1024 * 1024
MAX_WIDTH = 100_000
FORMAT_SPEC = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])")

_formatter = sqlite3.connect(":memory:", check_same_thread=False)
_formatter.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
_formatter_lock = threading.Lock()


def _as_int(value) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):
        return 0


def bounded_printf(fmt, *args):
    if fmt is None:
        return None
    used = 0
    for spec in FORMAT_SPEC.finditer(str(fmt)):
        for part in spec.group(1), spec.group(2):
            if part == "*":
                size = _as_int(args[used]) if used < len(args) else 0
                used += 1
            else:
                size = int(part) if part else 0
            if abs(size) > MAX_WIDTH:
                raise ValueError(f"printf width or precision over {MAX_WIDTH:,}")
        if spec.group(3) != "%":
            used += 1
    with _formatter_lock:
        return _formatter.execute(f"SELECT printf({', '.join('?' * (len(args) + 1))})", (fmt, *args)).fetchone()[0]


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    for name in ("printf", "format"):
        conn.create_function(name, -1, bounded_printf)
