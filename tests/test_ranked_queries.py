"""The ranked canned queries rank at most the 20,000 most recently added matches of each index.

bm25 is computed for every match before FTS5 can sort, so a word found in most articles made
one search cost 0.35-0.44 s at 100,000 articles. Below the cap the results must be exactly
those of plain `order by rank`; above it, only the newest matches are ranked."""
import re
import sqlite3

import pytest

from newscorpus.publish.date_range import date_bound
from newscorpus.publish.fts_query import fts_query
from newscorpus.publish.site import RANK_CAP, canned_queries, with_rank_cap

NO_LIMITS = {"since": "", "until": ""}
RANKED = {name: sql for name, sql in canned_queries().items() if re.search(r"order by (\w+\.)?rank\b", sql)}


@pytest.fixture
def conn(built_seeds_db):
    connection = sqlite3.connect(f"file:{built_seeds_db}?mode=ro", uri=True)
    connection.create_function("fts_query", 1, fts_query, deterministic=True)
    connection.create_function("date_bound", 1, date_bound, deterministic=True)
    yield connection
    connection.close()


def test_every_ranked_query_caps_each_index_it_ranks():
    assert set(RANKED) >= {"search", "search_all", "quotes_about"}
    for name, sql in RANKED.items():
        ranked_indexes = set(re.findall(r"from (\w+_fts)\b(?! where)", sql))
        capped_indexes = {m.group(1) for m in RANK_CAP.finditer(sql)}
        assert ranked_indexes and ranked_indexes == capped_indexes, name
        assert {m.group(2) for m in RANK_CAP.finditer(sql)} == {"19999"}, name


@pytest.mark.parametrize("name", sorted(RANKED))
@pytest.mark.parametrize("q", ["Russia", "military alliance", '"foreign minister"', "sanction*", "the", "zzzz"])
def test_below_the_cap_results_are_plain_rank_order(conn, name, q):
    assert conn.execute(RANKED[name], {"q": q, **NO_LIMITS}).fetchall() == conn.execute(with_rank_cap(RANKED[name], None), {"q": q, **NO_LIMITS}).fetchall()


def test_above_the_cap_only_the_newest_matches_are_ranked(conn):
    matching = [row[0] for row in conn.execute(
        "select rowid from articles_fts where articles_fts match 'Russia' order by rowid desc")]
    assert len(matching) >= 4
    newest = set(matching[:2])
    rows = conn.execute(with_rank_cap(RANKED["search"], 2), {"q": "Russia", **NO_LIMITS}).fetchall()
    assert {row[0] for row in rows} == newest
    ranked_alone = conn.execute(
        f"select rowid from articles_fts where articles_fts match 'Russia' and rowid in ({','.join(map(str, newest))}) "
        "order by rank").fetchall()
    assert [row[0] for row in rows] == [row[0] for row in ranked_alone]
    assert conn.execute("select count(*) from quotes_fts where quotes_fts match 'the'").fetchone()[0] > 3
    quotes = conn.execute(with_rank_cap(RANKED["quotes_about"], 3), {"q": "the", **NO_LIMITS}).fetchall()
    newest_quotes = [row[0] for row in conn.execute(
        "select rowid from quotes_fts where quotes_fts match 'the' order by rowid desc limit 3")]
    assert sorted(row[0] for row in quotes) == sorted(newest_quotes)


@pytest.mark.parametrize("name", sorted(RANKED))
def test_the_cap_reaches_fts5_as_a_rowid_bound(conn, name):
    """Behind an OR the bound was a filter applied after FTS5 had ranked every match (the cap
    saved nothing: "the" over 1,000,000 articles took 1.2 s either way). As a plain term FTS5
    gets it as its rowid lower bound (">" in the index string of its plan) and skips the rest."""
    plan = [row[3] for row in conn.execute("explain query plan " + RANKED[name], {"q": "the", **NO_LIMITS})]
    scans = [re.match(r"SCAN \w+_fts VIRTUAL TABLE INDEX (\d+):(\S*)", step) for step in plan]
    # FTS5's plan number has 0x20 set for a scan in rank order (the cap's own subquery walks
    # the matches in rowid order)
    ranked = [scan.group(2) for scan in scans if scan and int(scan.group(1)) & 0x20]
    assert len(ranked) == len({m.group(1) for m in RANK_CAP.finditer(RANKED[name])}), plan
    assert all(">" in index for index in ranked), plan
