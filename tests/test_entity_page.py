"""An entity's page as a reporter uses it: quotations as items, filters, export, timeline."""
import csv
import io
import sqlite3

import pytest

from newscorpus.publish.timeline import timeline
from test_datasette import datasette_for


def test_a_short_range_is_drawn_by_week_with_its_empty_weeks():
    drawn = timeline({"articles": [("2024-03-05", 2), ("2024-03-20", 1)], "quotations": [("2024-03-06", 4)]})
    assert drawn["unit"] == "week"
    assert [r["label"] for r in drawn["rows"]] == ["week of 2024-03-04", "week of 2024-03-11", "week of 2024-03-18"]
    assert [r["counts"]["articles"] for r in drawn["rows"]] == [2, 0, 1]
    assert [r["counts"]["quotations"] for r in drawn["rows"]] == [4, 0, 0]
    assert drawn["rows"][0]["widths"] == {"articles": 100.0, "quotations": 100.0}
    assert drawn["rows"][2]["until"] == "2024-03-24" and drawn["rows"][2]["next"] == "2024-03-25"


def test_longer_ranges_go_by_month_then_by_year():
    by_month = timeline({"articles": [("2023-09-30", 1), ("2024-02-01", 3)]})
    assert by_month["unit"] == "month"
    assert [(r["label"], r["counts"]["articles"]) for r in by_month["rows"]] == [
        ("2023-09", 1), ("2023-10", 0), ("2023-11", 0), ("2023-12", 0), ("2024-01", 0), ("2024-02", 3)]
    assert by_month["rows"][0]["since"] == "2023-09-01" and by_month["rows"][3]["until"] == "2023-12-31"
    by_year = timeline({"articles": [("2001", 1), ("2019-06", 2)]})
    assert by_year["unit"] == "year" and len(by_year["rows"]) == 19
    assert by_year["rows"][-1]["counts"]["articles"] == 2


def test_dates_that_are_not_iso_are_left_out_not_guessed():
    assert timeline({"articles": [("March 2024", 3), ("", 1), (None, 1), ("2024-02-30", 1)]}) is None
    assert timeline({"articles": []}) is None


@pytest.fixture
def newsroom_db(seeds_db):
    """The seeds with dates and a second outlet: article 2 is moved to it."""
    with sqlite3.connect(seeds_db) as conn:
        conn.executemany("update articles set published = ? where id = ?",
                         [("2022-02-04T10:00:00", 2), ("2022-05-01", 5), ("2021-01-01", 1)])
        outlet = conn.execute("insert into sources (name) values ('Daily Record')").lastrowid
        conn.execute("update articles set source_id = ? where id = 2", [outlet])
        lavrov = conn.execute("select id from entities where name = 'Sergei Lavrov'").fetchone()[0]
    return seeds_db, outlet, lavrov


@pytest.mark.asyncio
async def test_person_page_lists_quotations_newest_first_with_verb_article_outlet_and_date(newsroom_db):
    db_path, outlet, lavrov = newsroom_db
    page = (await datasette_for(db_path).client.get(f"/corpus/entities/{lavrov}")).text
    heading = page[page.index("<h1>"):page.index("</h1>")]
    assert "Sergei Lavrov" in heading and "PERSON" not in heading
    assert "A person" in page
    aliases = page[page.index('class="meta aliases"'):].split("</p>")[0]
    assert "Lavrov" in aliases and "Sergei Lavrov" not in aliases
    items = page[page.index('<ol class="quotations">'):page.index("</ol>")].split("<li")[1:]
    assert len(items) >= 5 and "— ," not in page
    newest = items[0]
    assert "2022-05-01" in newest and "/corpus/articles/5" in newest and "seeds" in newest
    dates = [d for item in items for d in ("2022-05-01", "2022-02-04") if d in item]
    assert dates == sorted(dates, reverse=True) and "2022-02-04" in dates
    assert all(item.count('class="meta"') == 1 for item in items)
    assert '<span class="direct">direct</span>' in page  # the colours have a legend


@pytest.mark.asyncio
async def test_quotations_filter_by_outlet_and_by_a_name_mentioned_with(newsroom_db):
    db_path, outlet, lavrov = newsroom_db
    client = datasette_for(db_path).client
    whole = (await client.get(f"/corpus/entities/{lavrov}")).text
    assert f"?source={outlet}#quotations" in whole  # two outlets: a filter for each
    only = (await client.get(f"/corpus/entities/{lavrov}?source={outlet}")).text
    listed = only[only.index('<ol class="quotations">'):only.index("</ol>")]
    assert "/corpus/articles/2" in listed and "/corpus/articles/5" not in listed
    assert "Showing quotations in <bdi>Daily Record</bdi>" in only
    with sqlite3.connect(db_path) as conn:
        only_in_5 = conn.execute(
            "select entity_id from article_entities where article_id = 5 and entity_id not in "
            "(select entity_id from article_entities where article_id = 2) and entity_id != ? limit 1", [lavrov]).fetchone()[0]
    filtered = (await client.get(f"/corpus/entities/{lavrov}?with={only_in_5}")).text
    listed = filtered[filtered.index('<ol class="quotations">'):filtered.index("</ol>")]
    assert "/corpus/articles/5" in listed and "/corpus/articles/2" not in listed
    assert "from articles that also mention" in filtered
    for nonsense in ("abc", "-1", "99999", "1 or 1=1"):
        response = await client.get(f"/corpus/entities/{lavrov}", params={"source": nonsense, "with": nonsense})
        assert response.status_code == 200


@pytest.mark.asyncio
async def test_mentioned_with_links_each_name_with_its_shared_articles(newsroom_db):
    db_path, _, lavrov = newsroom_db
    page = (await datasette_for(db_path).client.get(f"/corpus/entities/{lavrov}")).text
    together = page[page.index('class="entities together"'):].split("</p>")[0]
    china = (await datasette_for(db_path).client.get("/corpus/entities.json?name=China&_shape=objects")).json()["rows"]
    assert china and f'/corpus/entities/{china[0]["id"]}"' in together
    assert f'?with={china[0]["id"]}#quotations' in together and "article" in together


@pytest.mark.asyncio
async def test_a_persons_quotations_export_with_their_articles(newsroom_db):
    db_path, _, lavrov = newsroom_db
    client = datasette_for(db_path).client
    page = (await client.get(f"/corpus/entities/{lavrov}")).text
    assert f"/corpus/person_quotes.csv?id={lavrov}&amp;_size=max" in page
    exported = (await client.get(f"/corpus/person_quotes.csv?id={lavrov}&_size=max")).text
    rows = list(csv.DictReader(io.StringIO(exported)))
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("select count(*) from quote_speakers where entity_id = ?", [lavrov]).fetchone()[0]
    assert len(rows) == stored
    assert {"text", "cue", "headline", "outlet", "published", "byline", "url"} <= set(rows[0])
    assert rows[0]["published"].startswith("2022-05-01") and rows[0]["outlet"] == "seeds"


@pytest.mark.asyncio
async def test_the_timeline_counts_articles_and_quotations_by_period(newsroom_db):
    db_path, _, lavrov = newsroom_db
    page = (await datasette_for(db_path).client.get(f"/corpus/entities/{lavrov}")).text
    chart = page[page.index('<table class="timeline">'):page.index("</table>")]
    assert "<th>Month</th>" in chart
    rows = {cells.split("</td>")[0]: cells for cells in chart.split("<tr><td>")[1:]}
    assert "2022-02" in rows and "2022-05" in rows and "2022-03" in rows  # the empty months show
    with sqlite3.connect(db_path) as conn:
        in_may = conn.execute("select count(*) from quote_speakers join quotes on quotes.id = quote_id "
                              "where entity_id = ? and article_id = 5", [lavrov]).fetchone()[0]
    assert f"</span>{in_may}</td></tr>" in rows["2022-05"]


@pytest.mark.asyncio
async def test_facet_headings_name_what_they_count_not_the_column(seeds_db):
    client = datasette_for(seeds_db).client
    articles = (await client.get("/corpus/articles")).text
    headings = facet_headings(articles)
    assert "source" in headings and "people, organisations, places" in headings
    assert not any(h.endswith("_id") or "_" in h for h in headings)
    assert 'data-column="source_id"' in articles  # links and the API keep the column
    quotes = facet_headings((await client.get("/corpus/quotes")).text)
    assert {"speaker", "kind of quotation", "reporting verb"} <= set(quotes)


def facet_headings(page):
    return [part.split("<span")[0].split(">")[-1].strip() for part in page.split('<p class="facet-info-name">')[1:]]


@pytest.mark.asyncio
async def test_the_home_page_draws_articles_over_time_each_period_linking_its_articles(newsroom_db):
    db_path, _, _ = newsroom_db
    client = datasette_for(db_path).client
    home = (await client.get("/")).text
    chart = home[home.index('class="bars chart-timeline"'):].split("</div>\n  {% endif %}")[0]
    assert "(by month)" in home and ">2022-02</a>" in chart and ">2021-06</a>" in chart  # empty months too
    link = "/corpus/articles?published__gte=2022-02-01&amp;published__lt=2022-03-01"
    assert link in chart
    listed = (await client.get(link.replace("&amp;", "&").replace("/corpus/articles", "/corpus/articles.json") +
                               "&_shape=objects")).json()["rows"]
    assert [r["id"] for r in listed] == [2]  # 2022-02-04T10:00:00, whatever its time of day
