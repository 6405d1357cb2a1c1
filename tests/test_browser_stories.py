"""A reporter's look at time and at copies, in a real browser: the home page's articles over
time down to one period's articles, and a syndicated rewrite's story page (Chromium, as in
test_browser.py)."""
from __future__ import annotations

import re
import sqlite3

import pytest

from helpers import PROJECT, SEED_FILES
from test_browser import browser, follow, page, serve, shot  # noqa: F401  (fixtures used by name)
from test_stories import LAVROV_SEED, ingest, rewrite_of

pytestmark = [pytest.mark.browser]
WIKINEWS = PROJECT / "tests" / "data" / "wikinews"  # dated articles of 2019-2020 (CC BY 2.5)


@pytest.fixture(scope="module")
def copies_corpus(tmp_path_factory):
    """The seeds, a syndicated rewrite of one, and the dated Wikinews sample, in one run."""
    folder = tmp_path_factory.mktemp("copies") / "articles"
    folder.mkdir()
    for source in [*SEED_FILES, *sorted(WIKINEWS.glob("*.txt"))]:
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz_rewrite.txt").write_text(rewrite_of((folder / LAVROV_SEED).read_text(encoding="utf-8")),
                                           encoding="utf-8")
    db_path = folder.parent / "corpus.db"
    ingest(folder, db_path)
    return db_path


@pytest.fixture(scope="module")
def copies_server(copies_corpus):
    yield from serve(copies_corpus)


def test_a_period_of_the_home_timeline_lists_its_articles(copies_server, page):  # noqa: F811
    page.goto(copies_server + "/")
    assert "Articles over time" in page.inner_text("section.overview")
    bars = page.locator(".chart-timeline > div")
    assert bars.count() >= 1
    first = bars.nth(0)
    label, count = first.locator("a").inner_text(), int(re.search(r"(\d+)\s*$", first.inner_text()).group(1))
    follow(page, ".chart-timeline > div >> nth=0 >> a")
    assert "published__gte" in page.url and "published__lt" in page.url
    # the table says how many rows the filter keeps: the bar's count
    assert re.search(rf"\b{count} rows?\b", page.inner_text("h3")), (label, page.inner_text("h3"))
    shot(page, "timeline-period")


def test_a_rewrite_links_its_story_and_the_story_shows_every_version(copies_server, page):  # noqa: F811
    page.goto(copies_server + "/corpus/articles?_search=%22top+diplomat%22")
    follow(page, "td.col-id a >> nth=0")
    assert "Lavrov rules out military pact with Beijing" in page.inner_text("article.reader h1")
    follow(page, "p.copies a >> text=/A story in 2 articles/")
    assert page.url.rstrip("/").split("/")[-2] == "stories"
    story = page.inner_text(".reader.story")
    assert "A story in 2 articles" in story
    versions = page.locator(".reader.story ol.versions > li")
    assert versions.count() == 2
    first, rewrite = versions.nth(0).inner_text(), versions.nth(1).inner_text()
    assert "military alliance" in first and "the first version" in first
    assert "Lavrov rules out military pact" in rewrite and re.search(r"\d+% the same", rewrite)
    assert page.locator(".reader.story ol.quotations li q").count() >= 1
    follow(page, ".reader.story ol.versions > li >> nth=0 >> a >> nth=0")  # back to the first version
    assert "military alliance" in page.inner_text("article.reader h1")
    shot(page, "story")


def test_an_entity_mentioned_in_dated_articles_has_its_timeline(copies_corpus, copies_server, page):  # noqa: F811
    with sqlite3.connect(copies_corpus) as conn:
        entity_id, dated_articles = conn.execute(
            "SELECT e.id, count(*) FROM entities e JOIN article_entities ae ON ae.entity_id = e.id "
            "JOIN articles a ON a.id = ae.article_id WHERE a.published IS NOT NULL AND a.duplicate_of IS NULL "
            "GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1").fetchone()
    page.goto(f"{copies_server}/corpus/entities/{entity_id}")
    assert page.locator("table.timeline").count() == 1
    articles_per_period = page.locator("table.timeline tbody tr td:nth-child(2)").all_inner_texts()
    assert sum(int(n) for n in articles_per_period) == dated_articles
    shot(page, "entity-timeline")
