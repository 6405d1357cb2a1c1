"""End to end in headless Chromium against `newscorpus serve` on a loopback port.

Needs Debian's chromium (make install puts it there when it can); skipped with a reason
otherwise. Set SCREENSHOTS_DIR to keep screenshots of the main pages (docs/screenshots/
in the README come from `make screenshots`)."""
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import PROJECT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make install adds it as root)"),
]
# A closed network: Chromium must not try to phone home at start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_seeds_db, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("served") / "corpus.db"
    shutil.copy(built_seeds_db, db_path)
    with sqlite3.connect(db_path) as conn:  # an article whose text tries to run script
        conn.execute("update articles set body = body || '\n\n<script>window.pwned = 1</script> <b>bold?</b> xylograph' "
                     "where path like '%000_%'")
    yield from serve(db_path)


def serve(db_path: Path):
    """`newscorpus serve` on a free port of loopback, as a user starts it: yields its address."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newscorpus.cli", "serve", "--db", str(db_path), "--port", str(port)],
                               cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"newscorpus serve did not start: {process.stdout.read().decode()[-2000:]}")
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def follow(page, selector):
    """Click a link and return once the new page has loaded. Datasette's pages arrive in pieces, and a read that runs
    before the load event sees only the top of the page (a CI run read a table page that ended at its filter form)."""
    with page.expect_navigation(wait_until="load"):
        page.click(selector)


def shot(page, name, full_page=True):
    # A long table page taken whole is megabytes; the README keeps each picture under 400 KB.
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=full_page)


def test_search_to_article_to_speaker_in_two_clicks(server, page):
    page.goto(server + "/")
    shot(page, "home")
    page.fill("section.overview input[name=q]", "military alliance")
    with page.expect_navigation(wait_until="load"):
        page.press("section.overview input[name=q]", "Enter")
    page.wait_for_selector("td.col-snippet mark")
    assert "alliance" in page.inner_text("td.col-snippet mark").lower()
    shot(page, "search")
    follow(page, "a.article-link >> text=/Will Russia and China forge a military alliance/")  # click 1
    assert page.inner_text("article.reader h1") == "Will Russia and China forge a military alliance?"
    assert page.locator("article.reader q.quote").count() >= 4
    shot(page, "article")
    follow(page, "p.entities a >> text='Sergei Lavrov'")  # click 2
    assert page.inner_text(".reader h1").startswith("Sergei Lavrov")
    quotes = page.locator(".reader ol.quotations li")
    assert quotes.count() >= 5
    assert "Mentioned with" in page.content()
    mentioned_with = page.inner_text(".reader p.together")
    assert "China" in mentioned_with and "Sergei Lavrov" not in mentioned_with
    shot(page, "entity")


def test_article_shows_its_comment_and_audit_link(server, page):
    page.goto(server + "/corpus/articles?_search=Kashin")
    follow(page, "td.col-id a")
    assert page.inner_text("article.reader h1") == "China Says No Publicly To Military Alliance With Russia"
    comment = page.inner_text("article.reader .comment")
    assert "Wayne Mickel" in comment and "2021-03-06T10:08:00" in comment and "petrodollar" in comment
    body = page.inner_text("article.reader")
    assert "Please Follow us on Gab" not in body.split("Reader comments")[0]
    follow(page, "a.audit")
    assert "Please Follow us on Gab" in page.content()


def test_quote_page_and_facets(server, page):
    page.goto(server + "/corpus/quote_details?_search=alliance&_facet=speaker")
    assert page.locator(".facet-info-name >> text=speaker").count() == 1
    page.goto(server + "/corpus/articles")
    for facet in ("source_id", "section", "entity_names"):
        assert page.locator(f'[data-column="{facet}"]').count() >= 1, facet
    shot(page, "articles", full_page=False)
    page.goto(server + "/corpus/quotes_about?q=alliance")
    assert page.locator("td.col-snippet mark").count() >= 1


def test_html_in_article_text_is_shown_escaped(server, page):
    page.goto(server + "/corpus/search?q=xylograph")
    follow(page, "a.article-link")
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.inner_text("article.reader")


def test_a_reporter_narrows_a_persons_quotations_and_exports_them(server, page):
    page.goto(server + "/corpus/entities?name=Sergei+Lavrov")
    follow(page, "td.col-id a")
    all_quotes = page.locator("ol.quotations li").count()
    assert page.inner_text(".reader h1") == "Sergei Lavrov" and all_quotes >= 5
    follow(page, "p.together small a >> nth=0")  # the quotations from articles that also mention the first name
    assert "from articles that also mention" in page.inner_text("p.filters")
    assert 1 <= page.locator("ol.quotations li").count() <= all_quotes
    follow(page, "a.all")
    assert page.locator("ol.quotations li").count() == all_quotes
    exported = page.request.get(server + page.get_attribute("a.export", "href"))
    assert exported.ok
    lines = exported.text().splitlines()
    assert lines[0].startswith("text,kind,cue,headline,outlet,published") and len(lines) > all_quotes
    shot(page, "entity-filtered")


def test_whats_new_is_one_click_from_home(server, page):
    page.goto(server + "/")
    follow(page, "a >> text=what's new")
    assert page.locator("td.col-change >> text=added").count() == 5
    assert page.locator("textarea").count() == 0  # results first, the SQL behind "show"


def test_a_mistyped_date_limit_says_what_is_accepted(server, page):
    page.goto(server + "/corpus/search?q=alliance")
    assert page.locator("td.col-snippet mark").count() >= 1
    page.fill("input[name=since]", "last week")
    with page.expect_navigation(wait_until="load"):
        page.click("input[type=submit][value='Run SQL']")
    assert "since must be a year, a month or a day" in page.inner_text(".message-error")
    assert page.locator("td.col-snippet").count() == 0
