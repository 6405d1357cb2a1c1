"""Datasette in-process over the seeds database, with the project's metadata and plugins."""
import sqlite3
from urllib.parse import urlsplit

import pytest
from datasette.app import Datasette

from newscorpus.publish.site import SETTINGS, SITE, build_metadata


def datasette_for(db_path):
    # The served templates too (`newscorpus serve` passes --template-dir), so pages are as users see them.
    return Datasette([str(db_path)], metadata=build_metadata(db_path), plugins_dir=str(SITE / "plugins"),
                     template_dir=str(SITE / "templates"), settings=SETTINGS)


@pytest.fixture
def client(built_seeds_db):
    return datasette_for(built_seeds_db).client


async def get_json(client, url):
    response = await client.get(url)
    assert response.status_code == 200, (url, response.text[:500])
    return response.json()


@pytest.mark.asyncio
async def test_articles_table_has_the_configured_facets_and_search(client):
    data = await get_json(client, "/corpus/articles.json?_labels=on")
    assert len(data["rows"]) == 5
    assert set(data["facet_results"]) >= {"source_id", "section", "published", "entity_names"}
    sections = {f["value"] for f in data["facet_results"]["section"]["results"]}
    assert "Eastern Europe" in sections
    searched = await get_json(client, "/corpus/articles.json?_search=petrodollar")
    assert searched["rows"] == []  # comments are not article text
    searched = await get_json(client, "/corpus/articles.json?_search=Kashin&_shape=objects")
    assert [r["path"] for r in searched["rows"]] == ["seeds/002_2f9f47c4c48ed490.txt"]


@pytest.mark.asyncio
async def test_machinery_tables_are_hidden(client):
    tables = {t["name"]: t["hidden"] for t in (await get_json(client, "/corpus.json"))["tables"]}
    assert tables["alembic_version"] and tables["boilerplate_lines"] and tables["articles_fts"]
    assert not tables["articles"] and not tables["quotes"]


@pytest.mark.asyncio
async def test_foreign_keys_show_labels(client):
    data = await get_json(client, "/corpus/comments.json?_labels=on&_shape=objects")
    assert data["rows"][0]["article_id"]["label"] == "China Says No Publicly To Military Alliance With Russia"


@pytest.mark.asyncio
async def test_search_query_ranks_and_highlights(client):
    data = await get_json(client, "/corpus/search.json?q=military+alliance&_shape=objects")
    assert len(data["rows"]) >= 3
    assert all("⟦" in row["snippet"] for row in data["rows"])
    best = data["rows"][0]
    assert "alliance" in best["headline"].lower()  # the titles that say it outrank passing mentions
    html = (await client.get("/corpus/search?q=Kashin")).text
    assert "<mark>Kashin</mark>" in html


@pytest.mark.asyncio
@pytest.mark.parametrize("q", ["", "   ", '"', "alliance AND", "(", "NEAR(", "*", "Lavrov's", "col:umn", "-x"])
async def test_search_accepts_any_input(client, q):
    data = await get_json(client, f"/corpus/search.json?q={q}")
    assert data["ok"] is True
    if not q.strip():
        assert data["rows"] == []


@pytest.mark.asyncio
async def test_quotes_by_any_alias_and_co_mentions(client):
    by_surname = await get_json(client, "/corpus/quotes_by.json?name=lavrov&_shape=objects")
    by_full = await get_json(client, "/corpus/quotes_by.json?name=Sergei+Lavrov&_shape=objects")
    assert len(by_surname["rows"]) >= 5 and by_surname["rows"] == by_full["rows"]
    assert {r["speaker"] for r in by_surname["rows"]} == {"Sergei Lavrov"}
    together = await get_json(client, "/corpus/co_mentions.json?name=Lavrov&_shape=objects")
    names = [r["name"] for r in together["rows"]]
    assert "Sergei Lavrov" not in names and {"China", "Russia"} <= set(names)


@pytest.mark.asyncio
async def test_html_in_article_text_is_escaped(seeds_db):
    with sqlite3.connect(seeds_db) as conn:
        conn.execute("update articles set title = '<script>alert(1)</script>', "
                     "body = body || ' <img src=x onerror=alert(2)> zanzibar' where id = 1")
    client = datasette_for(seeds_db).client
    for url in ["/corpus/articles/1", "/corpus/articles", "/corpus/search?q=zanzibar"]:
        html = (await client.get(url)).text
        assert "<script>alert(1)" not in html and "<img src=x" not in html, url


def test_metadata_follows_the_database_file_name(tmp_path):
    metadata = build_metadata(tmp_path / "news2024.db")
    assert "search" in metadata["databases"]["news2024"]["queries"]
    assert "/news2024/search" in metadata["description_html"]


@pytest.mark.asyncio
async def test_web_sql_is_read_only_and_limited(seeds_db):
    client = datasette_for(seeds_db).client
    for statement in ("delete from articles", "update articles set title = 'x'", "drop table quotes",
                      "insert into sources (name) values ('x')"):
        response = await client.get("/corpus.json", params={"sql": statement})
        assert response.status_code == 400, statement
    assert sqlite3.connect(seeds_db).execute("select count(*) from articles").fetchone() == (5,)
    runaway = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    response = await client.get("/corpus.json", params={"sql": runaway})
    assert response.status_code == 400 and "interrupted" in response.text.lower()
    many = await client.get("/corpus.json", params={"sql": "with recursive n(i) as (select 1 union all select i + 1 from n limit 5000) select i from n", "_shape": "objects"})
    assert len(many.json()["rows"]) == SETTINGS["max_returned_rows"] and many.json()["truncated"]


def test_article_page_puts_the_speaker_after_the_closing_quotation_mark():
    import importlib.util

    spec = importlib.util.spec_from_file_location("reader", SITE / "plugins" / "reader.py")
    reader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reader)
    body = "Intro.\n\n“We will not <pursue> this,” Lavrov said.\n\nHe added: \"Never."
    first, second = body.index("We"), body.index("Never")
    quotes = [dict(start=first, end=body.index(",”") + 1, kind="direct", speakers="Sergei Lavrov", cue="said"),
              dict(start=second, end=len(body), kind="direct", speakers=None, cue=None)]
    paragraphs = [str(p) for p in reader.marked_paragraphs(body, quotes)]
    assert paragraphs[1] == ('“<q class="quote direct" title="Sergei Lavrov (said)">We will not &lt;pursue&gt; this,</q>”'
                             ' <span class="speaker">— Sergei Lavrov</span> Lavrov said.')
    assert paragraphs[2].endswith('Never.</q> <span class="speaker">— unattributed</span>')


@pytest.mark.asyncio
async def test_articles_facet_by_entity_and_filter_through_article_entities(client, built_seeds_db):
    data = await get_json(client, "/corpus/articles.json")
    facet = data["facet_results"]["entity_names"]
    lavrov = next(r for r in facet["results"] if r["label"] == "Sergei Lavrov (person)")
    with sqlite3.connect(built_seeds_db) as conn:
        expected = conn.execute(
            "select count(*) from article_entities join entities on entities.id = entity_id "
            "where entities.name = 'Sergei Lavrov'").fetchone()[0]
    assert lavrov["count"] == expected >= 2
    assert facet["results"][0]["count"] >= lavrov["count"]  # most-mentioned first
    filtered = await get_json(client, "/corpus/articles.json?" + urlsplit(lavrov["toggle_url"]).query)
    assert len(filtered["rows"]) == expected
    # Within the filtered articles the facet counts only them, and shows Lavrov as selected.
    again = {r["label"]: r for r in filtered["facet_results"]["entity_names"]["results"]}
    assert again["Sergei Lavrov (person)"]["selected"] and again["Sergei Lavrov (person)"]["count"] == expected
    assert all(r["count"] <= expected for r in again.values())


@pytest.mark.asyncio
async def test_entity_filter_with_a_bad_value_shows_nothing_and_says_why(client):
    html = (await client.get("/corpus/articles?_entity=Lavrov")).text
    assert "0 rows" in html and "must be an entity id" in html
    assert (await get_json(client, "/corpus/articles.json?_entity=999999"))["rows"] == []


# ------------------------------------------------ hostile requests and hostile text
@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # printf refusing, by design
@pytest.mark.parametrize("sql", ["select length(zeroblob(2000000000))",
                                 "select length(printf('%.*c', 2000000000, 'x'))",
                                 "select length(replace(hex(zeroblob(40000000)), '0', 'xx'))"])
async def test_a_query_that_builds_a_huge_value_fails_at_once(client, sql):
    import time

    started = time.monotonic()
    response = await client.get("/corpus.json", params={"sql": sql})
    assert response.status_code == 400, response.text[:300]
    assert "too big" in response.text or "function raised exception" in response.text  # printf's own bound
    assert time.monotonic() - started < 10


@pytest.mark.asyncio
@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "9" * 30, "-1", "1.5", ""])
async def test_any_entity_parameter_answers_without_a_server_error(client, value):
    response = await client.get("/corpus/articles", params={"_entity": value})
    assert response.status_code == 200, response.text[:300]


@pytest.fixture
def hostile_text_db(tmp_path):
    from helpers import run_ingest

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "spoof.txt").write_text(
        "Mayor \u202ethgin ot sesolc rap\u202c wins vote\n\n"
        "The council voted on Tuesday to keep the harbour open through the winter, after a long "
        "debate about the cost of repairing the pier \u27e6 the notice bracketed that way. Dredging "
        "the channel \u27e7 comes next, the harbour master said on Wednesday.\n", encoding="utf-8")
    result = run_ingest(folder, "--db", tmp_path / "corpus.db", "--root", tmp_path)
    assert result.exit_code == 0, result.output
    return tmp_path / "corpus.db"


@pytest.mark.asyncio
async def test_bidirectional_controls_in_text_are_isolated(hostile_text_db):
    ds = Datasette([str(hostile_text_db)], metadata=build_metadata(hostile_text_db),
                   plugins_dir=str(SITE / "plugins"), template_dir=str(SITE / "templates"), settings=SETTINGS)
    table = await ds.client.get("/corpus/articles")
    assert "<bdi>Mayor \u202ethgin" in table.text
    page = await ds.client.get("/corpus/articles/1")
    assert "<h1><bdi>Mayor \u202ethgin ot sesolc rap\u202c wins vote</bdi></h1>" in page.text


@pytest.mark.asyncio
async def test_snippet_markers_written_in_an_article_do_not_unbalance_highlighting(hostile_text_db):
    ds = Datasette([str(hostile_text_db)], metadata=build_metadata(hostile_text_db),
                   plugins_dir=str(SITE / "plugins"), settings=SETTINGS)
    page = await ds.client.get("/corpus/search", params={"q": "pier OR dredging"})
    assert page.status_code == 200
    html = page.text
    assert html.count("<mark>") == html.count("</mark>") >= 2
    assert "\u27e6 the notice" in html and "\u27e7 comes next" in html  # the author's brackets, as written


@pytest.mark.parametrize("fmt, args", [("%5.2f|%s|%d%%", (3.14159, "ab", 7)), ("%*d", (6, 42)),
                                       ("%-8s!", ("left",)), ("%.3s", ("abcdef",)), ("%,d", (1234567,)),
                                       (None, ()), ("no specs", ())])
def test_the_bounded_printf_formats_as_sqlites_own(fmt, args):
    import importlib.util

    spec = importlib.util.spec_from_file_location("limits", SITE / "plugins" / "limits.py")
    limits = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(limits)
    own = sqlite3.connect(":memory:").execute(f"SELECT printf({', '.join('?' * (len(args) + 1))})", (fmt, *args))
    assert limits.bounded_printf(fmt, *args) == own.fetchone()[0]
