"""Searches limited to a date range: what a user may type, and what the SQL keeps."""
import sqlite3

import pytest

from newscorpus.publish.date_range import date_bound
from newscorpus.publish.fts_query import fts_query
from newscorpus.publish.site import canned_queries, with_rank_cap
from test_datasette import datasette_for


@pytest.mark.parametrize("typed, bound", [
    ("", ""), (None, ""), ("   ", ""),
    ("2024", "2024"), ("2024-03", "2024-03"), ("2024-3", "2024-03"), ("2024/03/05", "2024-03-05"),
    (" 2024.3.5 ", "2024-03-05"), ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"),
])
def test_a_year_a_month_or_a_day_is_a_bound(typed, bound):
    assert date_bound(typed) == bound


@pytest.mark.parametrize("typed", [
    "yesterday", "March 2024", "24-03-05", "2024-13", "2024-00", "2024-03-32", "2023-02-29", "1900-02-29",
    "2024-03-05x", "2024-03-05T10:00", "20240305", "2024--03", "'; drop table articles; --",
])
def test_anything_else_is_no_bound(typed):
    assert date_bound(typed) is None


DATES = {1: "2022-02-04T10:00:00+00:00", 2: "2022-03-01", 3: "2023-01-15T08:30:00", 4: None, 5: "2022-02-28"}


@pytest.fixture
def dated_db(seeds_db):
    with sqlite3.connect(seeds_db) as conn:
        conn.executemany("update articles set published = ? where id = ?", [(d, i) for i, d in DATES.items()])
    return seeds_db


@pytest.fixture
def conn(dated_db):
    connection = sqlite3.connect(dated_db)
    connection.create_function("fts_query", 1, fts_query, deterministic=True)
    connection.create_function("date_bound", 1, date_bound, deterministic=True)
    yield connection
    connection.close()


def ids(conn, sql, **params):
    return {row[0] for row in conn.execute(sql, {"q": "Russia", "since": "", "until": "", **params})}


def test_search_keeps_articles_published_in_the_range(conn):
    search = canned_queries()["search"]
    everything = ids(conn, search)
    assert {1, 2, 3, 5} <= everything  # "Russia" is in every seed; the test needs the dated ones
    assert ids(conn, search, since="2022-02", until="2022-02") == {1, 5}
    assert ids(conn, search, since="2022-02-28") == {2, 3, 5}
    assert ids(conn, search, until="2022-03-01") == {1, 2, 5}  # the last day counts, and its times
    assert ids(conn, search, since="2023") == {3}
    assert ids(conn, search, since="2024") == set()
    assert 4 in everything and 4 not in ids(conn, search, since="1900")  # undated: no date in range
    assert ids(conn, search, since="Feb 2022") == set() and ids(conn, search, until="2022-13") == set()


def test_a_date_range_ranks_every_match_in_it_not_only_the_newest(conn):
    newest_only = with_rank_cap(canned_queries()["search"], 1)
    assert len(ids(conn, newest_only)) == 1
    assert ids(conn, newest_only, since="2022") == {1, 2, 3, 5}


def test_search_all_and_quotes_about_take_the_same_range(conn):
    merged = canned_queries()["search_all"]
    rows = conn.execute(merged, {"q": "Russia", "since": "2023", "until": ""}).fetchall()
    assert rows and {row[1] for row in rows} == {3}  # article_id of every kind
    quotes = canned_queries()["quotes_about"]
    quoted = conn.execute(quotes, {"q": "the", "since": "2022-03", "until": "2022-03"}).fetchall()
    assert quoted and {row[-1] for row in quoted} == {2}


@pytest.mark.asyncio
async def test_the_search_page_shows_results_first_and_says_why_a_date_shows_nothing(dated_db):
    client = datasette_for(dated_db).client
    page = (await client.get("/corpus/search?q=Russia&since=2022-02&until=")).text
    assert "date_bound(:since)" not in page and "_show_sql=1" in page  # the SQL is one click away
    assert "<title>Search articles</title>" in page
    assert 'name="since"' in page and 'name="until"' in page
    assert "No results" not in page and "/corpus/articles/5" in page
    wrong = (await client.get("/corpus/search?q=Russia&since=last+week")).text
    assert "No results: since must be a year, a month or a day" in wrong and "“last week”" in wrong
    assert "/corpus/articles/5" not in wrong
    shown = (await client.get("/corpus/search?q=Russia&_show_sql=1")).text
    assert "date_bound(:since)" in shown


@pytest.mark.asyncio
@pytest.mark.parametrize("query", ["search", "search_all", "quotes_about"])
async def test_every_search_gives_its_snippet_marked_and_plain(dated_db, query):
    client = datasette_for(dated_db).client
    rows = (await client.get(f"/corpus/{query}.json?q=alliance&_shape=objects")).json()["rows"]
    assert rows
    for row in rows:
        assert "⟦" in row["snippet"] and "⟦" not in row["snippet_text"] and "⟧" not in row["snippet_text"]
        assert row["snippet"].replace("⟦", "").replace("⟧", "") == row["snippet_text"]
    page = (await client.get(f"/corpus/{query}?q=alliance")).text
    assert ".rows-and-columns .col-snippet_text," in page and "<mark>" in page


@pytest.mark.asyncio
async def test_search_results_export_with_their_articles_metadata(dated_db):
    with sqlite3.connect(dated_db) as conn:
        conn.execute("update articles set url = 'https://example.org/a5', byline = 'By Jane Roe' where id = 5")
    exported = (await datasette_for(dated_db).client.get("/corpus/search.csv?q=Russia&since=2022&_size=max")).text
    header, *lines = exported.splitlines()
    assert header == "id,headline,published,source,byline,snippet,snippet_text,url"
    assert any(line.startswith("5,") and line.endswith(",https://example.org/a5") and "By Jane Roe" in line
               for line in lines)
