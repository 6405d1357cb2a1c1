"""Saved web pages: read as HTML by their content, extracted with trafilatura and our rules."""
from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from helpers import run_ingest
from newscorpus.parse import load_rules, looks_like_html, parse_page

PAGE = Path(__file__).parent / "data" / "html" / "harbour.html"


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><body><p>x</p></body></html>",
    "\ufeff\n  <!doctype HTML>\n<html>",
    "<!-- saved by a browser -->\n<html lang='en'>",
    "<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>",
    "<html>",
    "<head><title>t</title></head>",
    # saved from inside the head, without <html> or <head>
    "<style>\n  .visible { opacity: 1; }\n</style>\n<div><p>x</p></div>",
    "\t<meta property=\"og:type\" content=\"article\" />\t<meta property=\"og:title\" content=\"t\" />",
    "<title>Council approves harbour budget</title>\n<p>x</p>",
])
def test_web_pages_are_told_by_their_content(text):
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "The <html> tag opens every web page, the trainer told the class.",
    "Council approves budget\n\nThe council met on Tuesday.\n<html> was mentioned once.",
    "<headline>Not HTML</headline>",
    "<metadata> is what the archive calls its index card.",
    "",
])
def test_text_that_only_mentions_html_stays_text(text):
    assert not looks_like_html(text)


def test_a_page_gives_its_article_metadata_and_comments():
    parts = parse_page(PAGE.read_text(encoding="utf-8"), load_rules())
    assert parts.title == "Council approves harbour budget"
    assert parts.byline == "Jane Doe"
    assert parts.published.startswith("2024-03-05")
    assert parts.url == "https://gazette.example.org/news/2024/03/harbour-budget"
    assert parts.body.startswith("The city council approved") and "weather permitting." in parts.body
    for furniture in ("Subscribe", "Privacy policy", "All rights reserved", "Share this article", "By Jane Doe"):
        assert furniture not in parts.body, furniture
    comment_text = " ".join(c.body for c in parts.comments)
    assert "falling apart for years" in comment_text and "falling apart" not in parts.body


def dated_page(head: str) -> str:
    """The harbour page with other date metadata in its <head>."""
    page = PAGE.read_text(encoding="utf-8")
    published = '<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">'
    return page.replace(published, head)


def test_a_page_changed_after_publication_says_when():
    parts = parse_page(dated_page('<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">\n'
                                  '<meta property="article:modified_time" content="2024-03-07T16:02:00+00:00">'))
    assert (parts.published, parts.updated) == ("2024-03-05", "2024-03-07")


def test_an_update_the_day_of_publication_or_before_it_is_no_update():
    for modified in ("2024-03-05T11:00:00+00:00", "2024-03-01T08:00:00+00:00"):
        parts = parse_page(dated_page('<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">\n'
                                      f'<meta property="article:modified_time" content="{modified}">'))
        assert (parts.published, parts.updated) == ("2024-03-05", None), modified


def test_json_ld_gives_the_update_of_the_article_not_of_a_teaser():
    teaser = {"@type": "NewsArticle", "datePublished": "2024-02-01T08:00:00Z", "dateModified": "2024-02-20T08:00:00Z"}
    article = {"@type": "NewsArticle", "datePublished": "2024-03-05T09:30:00Z", "dateModified": "2024-03-06T10:00:00Z"}
    script = f'<script type="application/ld+json">{json.dumps({"@graph": [teaser, article]})}</script>'
    parts = parse_page(dated_page('<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">' + script))
    assert (parts.published, parts.updated) == ("2024-03-05", "2024-03-06")


def test_page_dates_after_the_file_was_saved_are_left_out():
    page = dated_page('<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">\n'
                      '<meta property="article:modified_time" content="2024-03-07T16:02:00+00:00">')
    parts = parse_page(page, saved_at=datetime(2024, 3, 5, 18, 0))
    assert (parts.published, parts.updated) == ("2024-03-05", None)
    early = parse_page(page, saved_at=datetime(2024, 3, 1))
    # htmldate may still read the month from the address (/2024/03/), never the later dates
    assert early.published in (None, "2024-03-01") and early.updated is None


def test_ingest_reads_pages_by_content_whatever_their_name_and_reprocesses_them(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(PAGE, folder / "harbour.html")
    shutil.copy(PAGE, folder / "same-page-saved-as.txt")
    (folder / "notes.txt").write_text("Harbour notes\n\nThe <html> of the council site was broken, "
                                      "the clerk said on Tuesday after the meeting ended.\n", encoding="utf-8")
    db_path = tmp_path / "c.db"
    result = run_ingest(folder, "--db", db_path, "--root", tmp_path)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db_path)
    rows = dict((path, (title, url, byline)) for path, title, url, byline in
                conn.execute("SELECT path, title, url, byline FROM articles"))
    page = ("Council approves harbour budget", "https://gazette.example.org/news/2024/03/harbour-budget", "Jane Doe")
    assert rows["saved/harbour.html"] == page and rows["saved/same-page-saved-as.txt"] == page
    assert rows["saved/notes.txt"][1] is None  # plain text, no address
    speakers = {name for (name,) in conn.execute(
        "SELECT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_id")}
    assert "Tom Brown" in speakers  # the NLP stage runs on a page's body like on any other
    raw = conn.execute("SELECT raw_text FROM articles WHERE path = 'saved/harbour.html'").fetchone()[0]
    assert raw.startswith("<!DOCTYPE html>")  # the page itself is kept, for --reprocess
    before = conn.execute("SELECT path, title, body, url FROM articles ORDER BY path").fetchall()
    conn.close()
    again = run_ingest("--reprocess", "--db", db_path)
    assert again.exit_code == 0, again.output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT path, title, body, url FROM articles ORDER BY path").fetchall() == before
