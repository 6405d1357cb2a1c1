"""`fts_query(q)`: user input -> valid FTS5 query keeping phrases, prefixes and AND/OR/NOT.

Registered on every connection so canned queries can search with what users type."""
from datasette import hookimpl

from newscorpus.publish.fts_query import fts_query


@hookimpl
def prepare_connection(conn):
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
