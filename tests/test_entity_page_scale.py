"""The entity page of a name in a large share of the corpus: the article list walks the published
index, co-mentions count the entity's newest articles, the timeline leaves copies out without
reading every article's row; each gives what the straightforward query gives."""
import importlib.util
import sqlite3
from collections import Counter

import pytest

from newscorpus.publish import entity_share, facet_sample
from newscorpus.publish.site import SITE
from newscorpus.publish.timeline import timeline
from test_datasette import datasette_for
from test_facet_index import most_mentioned_entity


def entity_page_module():
    spec = importlib.util.spec_from_file_location("entity_page_under_test", SITE / "plugins" / "entity_page.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dated_db(seeds_db):
    """Dates with a tie and an undated article; the entity's second-newest article a copy of another."""
    with sqlite3.connect(seeds_db) as conn:
        for article_id, published in zip(range(1, 6), ["2024-05-01", None, "2024-06-01", "2024-05-01", "2024-05-20"]):
            conn.execute("update articles set published = ? where id = ?", (published, article_id))
        entity = most_mentioned_entity(conn)
        mentioning = [row[0] for row in conn.execute(
            "select article_id from article_entities where entity_id = ? order by article_id", (entity,))]
        assert len(mentioning) >= 3
        conn.execute("update articles set duplicate_of = ? where id = ?", (mentioning[0], mentioning[-1]))
    return seeds_db, entity


async def view(db_path, entity):
    database = datasette_for(db_path).get_database("corpus")
    return await entity_page_module().entity_view(database, str(entity), {})


@pytest.mark.asyncio
@pytest.mark.parametrize("share", [0.0, 1.0])  # walked, and read through the entity's ids
async def test_the_article_list_is_newest_first_without_copies(dated_db, monkeypatch, share):
    db_path, entity = dated_db
    monkeypatch.setattr(entity_share, "SCAN_SHARE", share)
    with sqlite3.connect(db_path) as conn:
        expected = conn.execute(
            "select articles.id, mentions from articles not indexed join article_entities on article_id = articles.id "
            "where entity_id = ? and duplicate_of is null order by published desc, articles.id desc", (entity,)).fetchall()
        copies = conn.execute("select count(*) from articles where duplicate_of is not null").fetchone()[0]
    assert copies == 1
    listed = (await view(db_path, entity))["articles"]
    assert [(row["id"], row["mentions"]) for row in listed] == expected
    assert listed[-1]["published"] is None  # undated last


@pytest.mark.asyncio
async def test_the_timeline_counts_each_day_without_the_copies(dated_db):
    db_path, entity = dated_db
    with sqlite3.connect(db_path) as conn:
        days = conn.execute(
            "select substr(published, 1, 10), count(*) from article_entities join articles on articles.id = article_id "
            "where entity_id = ? and published is not null and duplicate_of is null group by 1", (entity,)).fetchall()
        with_copies = conn.execute(
            "select count(*) from article_entities join articles on articles.id = article_id "
            "where entity_id = ? and published is not null", (entity,)).fetchone()[0]
        quote_days = conn.execute(
            "select substr(published, 1, 10), count(*) from quote_speakers join quotes on quotes.id = quote_id "
            "join articles on articles.id = quotes.article_id where entity_id = ? and published is not null "
            "and duplicate_of is null group by 1", (entity,)).fetchall()
    assert sum(count for _, count in days) == with_copies - 1  # the copy is dated: it must be left out
    drawn = (await view(db_path, entity))["timeline"]
    assert drawn == timeline({"articles": days, "quotations": quote_days})


@pytest.mark.asyncio
@pytest.mark.parametrize("sample", [1, 1000])
async def test_names_mentioned_with_it_are_counted_in_its_newest_articles(dated_db, monkeypatch, sample):
    db_path, entity = dated_db
    monkeypatch.setattr(facet_sample, "SAMPLE_ARTICLES", sample)
    with sqlite3.connect(db_path) as conn:
        mentioning = [row[0] for row in conn.execute(
            "select article_id from article_entities where entity_id = ? order by article_id desc", (entity,))]
        counted = mentioning[:sample]
        expected = Counter(row[0] for row in conn.execute(
            f"select entity_id from article_entities where article_id in ({', '.join('?' * len(counted))}) "
            "and entity_id != ?", (*counted, entity)))
    shown = await view(db_path, entity)
    top = sorted(expected.items(), key=lambda item: -item[1])[:20]
    assert {row["id"]: row["articles"] for row in shown["together"]}.items() <= dict(expected).items()
    assert sorted(row["articles"] for row in shown["together"]) == sorted(count for _, count in top)
    assert shown["together_sampled"] == (sample if sample < len(mentioning) else None)
    page = (await datasette_for(db_path).client.get(f"/corpus/entities/{entity}")).text
    assert ("of its articles stored last" in page) == (sample < len(mentioning))
