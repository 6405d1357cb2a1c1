"""A filtered articles page matching more than facet_sample.SAMPLE_ARTICLES counts every facet in
its newest matches (publish/facet_sample.py, plugins/sampled_facets.py); the unfiltered page and a
page of few matches count them all."""
import sqlite3
from collections import Counter
from urllib.parse import urlencode

import pytest

from newscorpus.publish import facet_sample
from test_datasette import datasette_for, get_json
from test_facet_index import most_mentioned_entity

# (id, source name, section, published): the sample must leave out articles that change counts.
VARIED = [(1, "Daily A", "World", "2024-05-01T10:00:00"), (2, "Daily B", "World", None),
          (3, "Daily A", "Sport", "2024-06-01"), (4, "Daily B", None, "2024-05-01T08:30:00"),
          (5, "Daily A", "Sport", "2024-01-01")]


@pytest.fixture
def varied_db(seeds_db):
    with sqlite3.connect(seeds_db) as conn:
        for article_id, source, section, published in VARIED:
            conn.execute("insert or ignore into sources (name) values (?)", (source,))
            conn.execute("update articles set source_id = (select id from sources where name = ?), section = ?, "
                         "published = ? where id = ?", (source, section, published, article_id))
    return seeds_db


def facet_counts(facet) -> dict:
    return {row["value"]: row["count"] for row in facet["results"]}


def expected_counts(conn, ids) -> dict:
    rows = conn.execute(f"select source_id, section, date(published), story_id from articles "
                        f"where id in ({', '.join('?' * len(ids))})", ids).fetchall()
    count = lambda position: dict(Counter(row[position] for row in rows if row[position] is not None))
    return {"source_id": count(0), "section": count(1), "published": count(2)}


FILTERS = {
    "entity": lambda conn: {"_entity": most_mentioned_entity(conn)},
    "column": lambda conn: {"id__gte": 2},
    "search": lambda conn: {"_search": conn.execute(
        "select substr(title, 1, instr(title || ' ', ' ') - 1) from articles where id = 3").fetchone()[0]},
}


def matching_ids(conn, name, filters) -> list[int]:
    if name == "entity":
        sql, params = "select article_id from article_entities where entity_id = ?", [filters["_entity"]]
    elif name == "column":
        sql, params = "select id from articles where id >= 2", []
    else:
        sql, params = "select rowid from articles_fts where articles_fts match ?", [filters["_search"]]
    return sorted((row[0] for row in conn.execute(sql, params)), reverse=True)


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", sorted(FILTERS))
@pytest.mark.parametrize("sample", [2, 1000])
async def test_a_filtered_pages_facets_count_its_newest_matches(varied_db, monkeypatch, kind, sample):
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", sample)
    with sqlite3.connect(varied_db) as conn:
        filters = FILTERS[kind](conn)
        matching = matching_ids(conn, kind, filters)
        assert len(matching) > 2, matching  # else a sample of 2 could leave nothing out
        counted = matching[:sample]
        expected = expected_counts(conn, counted)
    data = await get_json(datasette_for(varied_db).client,
                          "/corpus/articles.json?" + urlencode({**filters, "_facet_size": "max"}))
    assert data["filtered_table_rows_count"] == len(matching)
    facets = data["facet_results"]
    for name in ("source_id", "section", "published"):
        assert facet_counts(facets[name]) == expected[name], name
    for name in ("source_id", "section", "published", "story_id", "entity_names"):
        assert facets[name]["sampled_articles"] == (sample if sample < len(matching) else None), name
    assert sum(facet_counts(facets["story_id"]).values()) == len(counted)


@pytest.mark.asyncio
async def test_the_sampled_counts_differ_from_the_full_ones(varied_db, monkeypatch):
    # Guards the test above: with every match counted, the figures it expects would be wrong.
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 2)
    with sqlite3.connect(varied_db) as conn:
        matching = matching_ids(conn, "column", {})
        assert expected_counts(conn, matching[:2])["source_id"] != expected_counts(conn, matching)["source_id"]


@pytest.mark.asyncio
async def test_the_page_says_its_facets_are_sampled(varied_db, monkeypatch):
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 2)
    datasette = datasette_for(varied_db)
    sampled = (await datasette.client.get("/corpus/articles?id__gte=2")).text
    assert sampled.count("counted in the 2 of these articles stored last") == 5  # source, section, date, entities, outlets
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 1000)
    assert "of these articles stored last" not in (await datasette.client.get("/corpus/articles?id__gte=2")).text


@pytest.mark.asyncio
async def test_the_unfiltered_page_counts_every_article_in_its_column_facets(varied_db, monkeypatch):
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 2)
    with sqlite3.connect(varied_db) as conn:
        expected = expected_counts(conn, [row[0] for row in conn.execute("select id from articles")])
    facets = (await get_json(datasette_for(varied_db).client, "/corpus/articles.json?_facet_size=max"))["facet_results"]
    for name in ("source_id", "section", "published"):
        assert facet_counts(facets[name]) == expected[name], name
        assert facets[name]["sampled_articles"] is None
    assert facets["entity_names"]["sampled_articles"] == 2  # the link table is sampled everywhere


@pytest.mark.asyncio
async def test_a_facet_the_user_adds_is_sampled_too(varied_db, monkeypatch):
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 2)
    with sqlite3.connect(varied_db) as conn:
        newest = [row[0] for row in conn.execute("select byline from articles where id >= 2 order by id desc limit 2")]
    data = await get_json(datasette_for(varied_db).client, "/corpus/articles.json?id__gte=2&_facet=byline")
    facet = data["facet_results"]["byline"]
    assert facet["sampled_articles"] == 2
    assert facet_counts(facet) == dict(Counter(byline for byline in newest if byline is not None))


@pytest.mark.asyncio
async def test_the_newest_matches_are_found_once_a_page_view(varied_db, monkeypatch):
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 2)
    searches = []
    find = facet_sample._find_newest

    async def counted(facet):
        searches.append(facet.sql)
        return await find(facet)

    monkeypatch.setattr(facet_sample, "_find_newest", counted)
    client = datasette_for(varied_db).client
    await get_json(client, "/corpus/articles.json?id__gte=2")
    assert len(searches) == 1
    await get_json(client, "/corpus/articles.json?id__gte=3")
    assert len(searches) == 2  # a new page view, a new search


@pytest.mark.asyncio
async def test_the_comments_table_keeps_its_exact_facets(varied_db, monkeypatch):
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 0)
    with sqlite3.connect(varied_db) as conn:
        expected = dict(conn.execute("select article_id, count(*) from comments where id >= 1 group by article_id"))
        assert expected
    facet = (await get_json(datasette_for(varied_db).client, "/corpus/comments.json?id__gte=1&_facet_size=max")
             )["facet_results"]["article_id"]
    assert facet_counts(facet) == expected and facet["sampled_articles"] is None


@pytest.mark.asyncio
@pytest.mark.parametrize("with_index", [True, False])
async def test_the_sample_is_read_through_the_facet_index_when_there_is_one(varied_db, monkeypatch, with_index):
    # The wide rows cost three times the narrow index at a million articles, and the statistics
    # that steer SQLite to the index are not always there; a database whose index a user dropped
    # still gets its facets.
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", 2)
    with sqlite3.connect(varied_db) as conn:
        # Without the index's statistics (a database the writer filled and nothing analysed yet:
        # the benchmark's million) SQLite reads the ids from the wide rows.
        conn.execute("delete from sqlite_stat1 where idx = ?", (facet_sample.FACET_INDEX,))
        if not with_index:
            conn.execute(f"drop index {facet_sample.FACET_INDEX}")
    captured = []
    find = facet_sample._find_newest

    async def capture(facet):
        captured.append(sample := await find(facet))
        return sample

    monkeypatch.setattr(facet_sample, "_find_newest", capture)
    data = await get_json(datasette_for(varied_db).client, "/corpus/articles.json?id__gte=2")
    assert data["facet_results"]["source_id"]["sampled_articles"] == 2
    sample = captured[0]
    with sqlite3.connect(varied_db) as conn:
        plan = " ".join(row[3] for row in conn.execute(
            "explain query plan select source_id, count(*) from (" + sample.sql.replace(
                f":{facet_sample.SAMPLE_PARAMETER}", "?") + ") group by source_id",
            [sample.params[facet_sample.SAMPLE_PARAMETER]]))
    assert (f"COVERING INDEX {facet_sample.FACET_INDEX}" in plan) == with_index, plan
