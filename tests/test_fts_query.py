"""User search input -> always-valid FTS5 queries that keep phrases, prefixes and booleans."""
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.publish.fts_query import fts_query


@pytest.fixture(scope="module")
def index():
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(body, tokenize='porter unicode61 remove_diacritics 2')")
    conn.executemany("insert into t (body) values (?)", [
        ("Russia and China will not forge a military alliance",),
        ("The alliance between Moscow and Beijing is a partnership",),
        ("Elections in the United States; the electorate decides",),
        ("Lavrov’s comments on NATO",),
    ])
    return conn


def matches(index, text):
    return [r for (r,) in index.execute("select rowid from t where t match ? order by rowid", (fts_query(text),))]


@pytest.mark.parametrize("text, expected", [
    ('"military alliance"', [1]),
    ("alliance", [1, 2]),
    ("alliance NOT Moscow", [1]),
    ("Moscow OR elections", [2, 3]),
    ("elect*", [3]),
    ("Lavrov's", [4]),
    ("Lavrov", [4]),
    ("russia AND alliance", [1]),
    ('"military alliance', [1]),  # unclosed phrase runs to the end
    ("", []),
    ("AND OR NOT", []),
    ("NEAR(alliance", [1, 2]),
    ("body:alliance", []),  # a column filter is not syntax here: 'body' and 'alliance' both required
])
def test_meaningful_queries(index, text, expected):
    assert matches(index, text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "*():^-+AND OR NOT\'’é中\\')) | st.characters(), max_size=40))
def test_any_input_is_valid_fts5(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(body)")
    conn.execute("select * from t where t match ?", (fts_query(text),)).fetchall()
