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
    '\t<meta property="og:title" content="Port reopens" />\n<p>The port reopened.</p>',  # a saved fragment
    "<style>\n  .menu { opacity: 1; }\n</style>\n<div>The port reopened.</div>",
    "<title>Port reopens</title>\n<p>The port reopened.</p>",
    "<body><p>The port reopened.</p></body>",
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
    "<metadata> is what the archive calls it, the clerk said.",
    "<b>Breaking:</b> the port reopened on Monday.",
    "<Title> of the report was withheld.",
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


def page_with(head: str, body: str) -> str:
    paragraphs = "".join(f"<p>{'The harbour council met on Tuesday and voted for the new pier budget. ' * 3}</p>"
                         for _ in range(4))
    return (f"<!DOCTYPE html><html><head>{head}</head><body>{body.replace('PARAGRAPHS', paragraphs)}"
            "</body></html>")


OG = ('<meta property="og:site_name" content="The Coastal Gazette">'
      '<meta property="og:title" content="Pier budget passes after a long debate">'
      '<title>Pier budget passes after a long debate | The Coastal Gazette</title>')
METADATA_TITLE = "the title trafilatura reads from the page's metadata"


@pytest.mark.parametrize("body, expected", [
    # the printed headline, not the title rewritten for sharing
    ("<article><h1>Council passes pier budget after long debate</h1>PARAGRAPHS</article>",
     "Council passes pier budget after long debate"),
    ("<h1>Council passes pier budget after long debate</h1><div>PARAGRAPHS</div>",
     "Council passes pier budget after long debate"),
    # look-alikes: a newsletter box's h1 in the article shares no word with the title
    ("<article><h1>Get our Daily Forecast Newsletter</h1>PARAGRAPHS</article>", METADATA_TITLE),
    # the logo as h1
    ("<h1>The Coastal Gazette</h1><div>PARAGRAPHS</div>", METADATA_TITLE),
    # several h1s outside an article: teasers, not this page's headline
    ("<h1>Pier budget news</h1><h1>Pier budget news 2</h1><div>PARAGRAPHS</div>", METADATA_TITLE),
    # one word is no headline
    ("<h1>Pier</h1><div>PARAGRAPHS</div>", METADATA_TITLE),
])
def test_the_title_is_the_printed_headline_when_it_is_one(body, expected):
    import trafilatura

    page = page_with(OG, body)
    if expected == METADATA_TITLE:
        expected = trafilatura.extract_metadata(page).title
        assert "Pier budget passes" in expected
    assert parse_page(page, load_rules()).title == expected


@pytest.mark.parametrize("link, expected", [
    ('<a href="https://abc.example/about/newsteam/alex-bozarjian">Alex Bozarjian</a>', "Alex Bozarjian"),
    ('<a href="/author/jane-roe/">Jane Roe</a>', "Jane Roe"),
    ('<a href="/authors/j-r-stone-4821?ref=byline">J.R. Stone</a>', "J.R. Stone"),
    ('<a href="/people/li-wei">Li Wei</a>', "Li Wei"),
    # look-alikes: the text is not the name in the address, or the address is no author's page
    ('<a href="/author/jane-roe/">More stories</a>', None),
    ('<a href="/tag/jane-roe/">Jane Roe</a>', None),
    ('<a href="/news/2024/jane-roe-wins">Jane Roe</a>', None),
    ('<a href="/staff/">Our staff</a>', None),
])
def test_a_byline_printed_as_a_link_to_the_authors_page(link, expected):
    page = page_with(OG, f"<article><h1>Pier budget passes after a long debate</h1><p>{link}</p>PARAGRAPHS</article>")
    assert parse_page(page, load_rules()).byline == expected


def test_the_pages_metadata_author_comes_before_a_linked_one():
    head = OG + '<meta name="author" content="Olga Petrova">'
    page = page_with(head, '<article><p><a href="/author/jane-roe/">Jane Roe</a></p>PARAGRAPHS</article>')
    assert parse_page(page, load_rules()).byline == "Olga Petrova"


THREAD = ("<div class='discussion'><h3>3 Comments</h3>"
          "<div><b>mary smith</b> <span>March 5, 2024 at 10:08 am</span><p>About time the pier was fixed, it has been "
          "falling apart for years.</p></div>"
          "<div><b>Tom B</b> <span>March 5, 2024 at 11:15 am</span><p>Will the ferries run during the work this "
          "spring?</p></div>"
          "<div><b>harbourfan</b> <span>March 6, 2024 at 9:02 am</span><p>Good news for the town at last.</p></div>"
          "</div>")
TEASERS = ("<aside><h3>More from the Gazette</h3>"
           "<div><a href='/a'>Ferry timetable changes for the summer</a> <span>March 5, 2024</span></div>"
           "<div><a href='/b'>School roof repairs approved by council</a> <span>March 4, 2024</span></div>"
           "<div><a href='/c'>Lifeboat crew rescues two sailors</a> <span>March 3, 2024</span></div></aside>")


def test_a_comment_thread_trafilatura_leaves_out_is_read_from_the_pages_text():
    page = page_with(OG, f"<article><h1>Pier budget passes after a long debate</h1>PARAGRAPHS</article>{THREAD}")
    parts = parse_page(page, load_rules())
    assert [(c.author, c.posted_at) for c in parts.comments] == [
        ("mary smith", "2024-03-05T10:08:00"), ("Tom B", "2024-03-05T11:15:00"), ("harbourfan", "2024-03-06T09:02:00")]
    assert "About time" not in parts.body


def test_a_list_of_dated_teasers_is_no_comment_thread():
    page = page_with(OG, f"<article><h1>Pier budget passes after a long debate</h1>PARAGRAPHS</article>{TEASERS}")
    assert parse_page(page, load_rules()).comments == []


def test_the_pages_text_is_one_block_per_line_without_scripts():
    import trafilatura

    from newscorpus.parse.page_text import visible_text

    tree = trafilatura.load_html("<html><head><title>t</title></head><body><p>One <b>bold</b> line</p>"
                                 "<script>var x = 1;</script><ul><li>first</li><li>second</li></ul>tail<br>after"
                                 + "<div>" * 200 + "deep" + "</div>" * 200 + "</body></html>")
    assert visible_text(tree) == "One bold line\nfirst\nsecond\ntail\nafter\ndeep"
