"""The articles page filtered to an entity counts its facets from the narrow facet index
(store/facet_index.py), with the same counts as the table gives."""
import shutil
import sqlite3
from urllib.parse import urlencode

import pytest

from newscorpus.publish import entity_share, facet_sample
from newscorpus.store.facet_index import FACET_INDEX
from test_datasette import datasette_for, get_json

# What Datasette's source facet runs on a page filtered by ?_entity= (plugins/entity_facet.py).
FILTERED_FACET = ("select source_id, count(*) from articles where id in "
                  "(select article_id from article_entities where entity_id = ?) group by source_id")


def plan(conn, sql, *params) -> str:
    return " | ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def reads_articles_from(conn, sql, *params) -> str:
    """How the query reaches `articles`: through a covering index, or the table's own rows."""
    return next(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)
                if row[3].split()[1] == "articles")


def most_mentioned_entity(conn) -> int:
    return conn.execute("select entity_id from article_entities group by entity_id "
                        "order by count(*) desc, entity_id limit 1").fetchone()[0]


def test_ingest_leaves_statistics_that_send_filtered_facets_to_the_index(built_seeds_db):
    with sqlite3.connect(built_seeds_db) as conn:
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        stat = conn.execute("select stat from sqlite_stat1 where idx = ?", (FACET_INDEX,)).fetchone()
        assert stat is not None and stat[0].split()[0] == str(articles)
        assert f"COVERING INDEX {FACET_INDEX}" in plan(conn, FILTERED_FACET, most_mentioned_entity(conn))


def test_without_the_statistics_sqlite_reads_the_wide_rows(built_seeds_db, tmp_path):
    # Why the statistics are kept at all: the index alone is never chosen.
    db_path = tmp_path / "no_stats.db"
    shutil.copy(built_seeds_db, db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("delete from sqlite_stat1 where idx = ?", (FACET_INDEX,))
    with sqlite3.connect(db_path) as conn:
        assert "INTEGER PRIMARY KEY" in reads_articles_from(conn, FILTERED_FACET, most_mentioned_entity(conn))


def test_a_users_own_analyze_still_keeps_the_wide_rows_out(built_seeds_db, tmp_path):
    # With statistics for every index the planner may prefer another narrow index (on five
    # articles, scanning the source_id index is cheaper still); it must not go back to the rows.
    db_path = tmp_path / "analyzed.db"
    shutil.copy(built_seeds_db, db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("ANALYZE")
    with sqlite3.connect(db_path) as conn:
        assert "COVERING INDEX" in reads_articles_from(conn, FILTERED_FACET, most_mentioned_entity(conn))


@pytest.mark.asyncio
async def test_filtered_facets_count_what_the_table_counts(built_seeds_db):
    with sqlite3.connect(built_seeds_db) as conn:
        entity = most_mentioned_entity(conn)
        mentioning = "id in (select article_id from article_entities where entity_id = ?)"
        by_source = dict(conn.execute(f"select source_id, count(*) from articles not indexed where {mentioning} "
                                      "group by source_id", (entity,)))
        by_section = dict(conn.execute(f"select section, count(*) from articles not indexed where {mentioning} "
                                       "and section is not null group by section", (entity,)))
        total = conn.execute(f"select count(*) from articles not indexed where {mentioning}", (entity,)).fetchone()[0]
    data = await get_json(datasette_for(built_seeds_db).client, "/corpus/articles.json?" + urlencode({"_entity": entity}))
    assert data["filtered_table_rows_count"] == total == len(data["rows"])
    facets = data["facet_results"]
    assert {r["value"]: r["count"] for r in facets["source_id"]["results"]} == by_source
    assert {r["value"]: r["count"] for r in facets["section"]["results"]} == by_section


@pytest.mark.asyncio
@pytest.mark.parametrize("sample", [2, 1000])
async def test_entity_facet_of_a_filtered_page_counts_the_articles_stored_last(built_seeds_db, monkeypatch, sample):
    datasette = datasette_for(built_seeds_db)
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", sample)
    with sqlite3.connect(built_seeds_db) as conn:
        entity = most_mentioned_entity(conn)
        matching = [row[0] for row in conn.execute(
            "select article_id from article_entities where entity_id = ? order by article_id desc", (entity,))]
        assert len(matching) > 2  # else the sample could not leave any out
        counted = matching[:sample]
        expected = dict(conn.execute(
            f"select entity_id, count(*) from article_entities where article_id in ({', '.join('?' * len(counted))}) "
            "group by entity_id", counted))
    data = await get_json(datasette.client, "/corpus/articles.json?" + urlencode({"_entity": entity, "_facet_size": "max"}))
    facet = data["facet_results"]["entity_names"]
    assert facet["sampled_articles"] == (sample if sample < len(matching) else None)
    assert {r["value"]: r["count"] for r in facet["results"]} == expected
    page = (await datasette.client.get("/corpus/articles?" + urlencode({"_entity": entity}))).text
    assert ("of these articles stored last" in page) == (sample < len(matching))


@pytest.mark.asyncio
@pytest.mark.parametrize("sample", [2, 1000])
async def test_entity_facet_of_the_unfiltered_page_counts_the_articles_stored_last(built_seeds_db, monkeypatch, sample):
    # Counting the whole link table ran out of its time at a million articles and showed nothing.
    datasette = datasette_for(built_seeds_db)
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", sample)
    with sqlite3.connect(built_seeds_db) as conn:
        newest = [row[0] for row in conn.execute("select id from articles order by id desc")][:sample]
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        expected = dict(conn.execute(
            f"select entity_id, count(*) from article_entities where article_id in ({', '.join('?' * len(newest))}) "
            "group by entity_id", newest))
    assert articles > 2
    data = await get_json(datasette.client, "/corpus/articles.json?_facet_size=max")
    facet = data["facet_results"]["entity_names"]
    assert facet["sampled_articles"] == (sample if sample < articles else None)
    assert {r["value"]: r["count"] for r in facet["results"]} == expected


@pytest.mark.asyncio
@pytest.mark.parametrize("share, clause, walk", [
    # Every seed entity is in more than none of the articles: each is walked newest first.
    (0.0, "+id in (select article_id", "SCAN articles USING INDEX ix_articles_published"),
    # None is in more than all of them: each is read through its own article ids.
    (1.0, " id in (select article_id", "SEARCH articles USING INTEGER PRIMARY KEY"),
])
async def test_entity_filter_walks_the_date_index_only_for_an_entity_in_many_articles(
        built_seeds_db, tmp_path, monkeypatch, share, clause, walk):
    # Statistics of a million-article corpus: on five articles sorting is free whatever the plan.
    db_path = tmp_path / "corpus.db"
    shutil.copy(built_seeds_db, db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("update sqlite_stat1 set stat = '1000000 1 1 1 1 1' where idx = ?", (FACET_INDEX,))
        # The seeds carry no dates: give them some, with a tie and an undated one.
        for article_id, published in zip(range(1, 6), ["2024-05-01", None, "2024-06-01", "2024-05-01", "2024-01-01"]):
            conn.execute("update articles set published = ? where id = ?", (published, article_id))
    datasette = datasette_for(db_path)
    monkeypatch.setattr(entity_share, "SCAN_SHARE", share)
    with sqlite3.connect(db_path) as conn:
        entity = most_mentioned_entity(conn)
        newest_first = conn.execute(
            "select id, published from articles not indexed where id in (select article_id from article_entities "
            "where entity_id = ?) order by published desc, id desc", (entity,)).fetchall()
        data = await get_json(datasette.client, "/corpus/articles.json?" + urlencode({"_entity": entity}))
        sql, params = data["query"]["sql"], data["query"]["params"]
        assert clause in sql
        assert walk in plan(conn, sql.replace(":entity_0", "?"), params["entity_0"])
    shown = [(row[data["columns"].index("id")], row[data["columns"].index("published")]) for row in data["rows"]]
    assert len({published for _, published in newest_first}) > 2
    # Newest first either way; walking the index also breaks ties as Datasette's next page does.
    assert [published for _, published in shown] == [published for _, published in newest_first]
    assert sorted(shown, key=str) == sorted(newest_first, key=str)
    if clause.startswith("+"):
        assert shown == newest_first
    assert data["filtered_table_rows_count"] == len(newest_first)


@pytest.mark.asyncio
@pytest.mark.parametrize("order, clause", [
    ({"_sort": "headline"}, " id in (select article_id"),  # no index leads with it: +id would read every row
    ({"_sort_desc": "section"}, "+id in (select article_id"),  # ix_articles_section
    ({"_sort": "id"}, "+id in (select article_id"),
])
async def test_entity_filter_walks_an_index_only_for_an_order_one_gives(built_seeds_db, monkeypatch, order, clause):
    datasette = datasette_for(built_seeds_db)
    monkeypatch.setattr(entity_share, "SCAN_SHARE", 0.0)
    with sqlite3.connect(built_seeds_db) as conn:
        entity = most_mentioned_entity(conn)
        matching = conn.execute("select count(*) from article_entities where entity_id = ?", (entity,)).fetchone()[0]
    data = await get_json(datasette.client, "/corpus/articles.json?" + urlencode({"_entity": entity, **order}))
    assert clause in data["query"]["sql"]
    assert len(data["rows"]) == data["filtered_table_rows_count"] == matching
