"""Copies across articles: identical texts, stories (near-duplicates) and their upkeep run by run.

The five seeds are five outlets' own reports on one interview: same topic, different stories.
The tests add hand-made copies of them as a syndicating outlet would publish them.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers import SEED_FILES, run_ingest
from newscorpus.store.signatures import DEFAULT_RULES, Signature, exact_key, signature

FIRST_SEED = "000_daacec63cab2f44b.txt"
LAVROV_SEED = "001_6e285dae17605ef2.txt"


def rows(db_path: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, args).fetchall()


def article(db_path: Path, name: str) -> tuple[int, int | None, int | None]:
    """(id, duplicate_of, story_id) of the article read from a file of this name."""
    return rows(db_path, "SELECT id, duplicate_of, story_id FROM articles WHERE path LIKE ?", f"%/{name}")[0]


def ingest(folder: Path, db_path: Path, *options) -> None:
    result = run_ingest(folder, "--db", db_path, "--root", folder.parent, *options)
    assert result.exit_code == 0, result.output


def rewrite_of(text: str) -> str:
    """A syndicated rewrite: new headline and lead, a paragraph dropped, words changed,
    other page furniture."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = paragraphs[2:6] + paragraphs[7:11]  # the old headline and lead gone, one paragraph dropped
    body = [p.replace("Russian Foreign Minister", "Russia's top diplomat").replace("noted", "observed")
            for p in body]
    return "\n\n".join([
        "Lavrov rules out military pact with Beijing",
        "By Staff Reporter",
        "Russia and China have no plans for a formal military alliance, Moscow's foreign minister said on "
        "Thursday, despite the warmest ties between the two countries in decades.",
        *body,
        "Share this story on Facebook",
    ]) + "\n"


# Another outlet's own short report, quoting part of one of Lavrov's sentences in seed 001.
EXCERPT = """Moscow accuses the West of shutting it out

Russia's foreign minister complained on Friday about the way Western countries treat Moscow.

"Western partners prefer to cooperate in this area in their narrow circle," Sergei Lavrov said.

He gave no further details of the talks.
"""


@pytest.fixture(scope="module")
def copies_db(tmp_path_factory) -> tuple[Path, Path]:
    """The seeds plus an identical copy (other whitespace), a rewrite, ingested in one run."""
    from helpers import SEED_FILES

    folder = tmp_path_factory.mktemp("copies") / "articles"
    folder.mkdir()
    for seed in SEED_FILES:
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    first = (folder / FIRST_SEED).read_text(encoding="utf-8")
    (folder / "zz_identical.txt").write_text(first.replace("\n\n", "\n\n\n") + "\n  \n", encoding="utf-8")
    (folder / "zz_rewrite.txt").write_text(rewrite_of((folder / LAVROV_SEED).read_text(encoding="utf-8")),
                                           encoding="utf-8")
    (folder / "zz_excerpt.txt").write_text(EXCERPT, encoding="utf-8")
    db_path = folder.parent / "corpus.db"
    ingest(folder, db_path)
    return folder, db_path


def test_an_identical_copy_points_to_the_first_and_shares_its_story(copies_db):
    _, db_path = copies_db
    first_id, first_duplicate, first_story = article(db_path, FIRST_SEED)
    _, duplicate_of, story = article(db_path, "zz_identical.txt")
    assert first_duplicate is None
    assert duplicate_of == first_id
    assert story == first_story
    assert rows(db_path, "SELECT article_count, text_count, first_article_id FROM stories WHERE id = ?",
                story) == [(2, 1, first_id)]


def test_a_rewrite_shares_the_story_without_being_a_duplicate(copies_db):
    _, db_path = copies_db
    _, _, lavrov_story = article(db_path, LAVROV_SEED)
    _, duplicate_of, story = article(db_path, "zz_rewrite.txt")
    assert duplicate_of is None
    assert story == lavrov_story


def test_reports_of_one_interview_by_different_outlets_are_different_stories(copies_db):
    _, db_path = copies_db
    seed_stories = {story for (story,) in rows(db_path, "SELECT story_id FROM articles WHERE path LIKE '%/0%'")}
    assert len(seed_stories) == 5
    assert article(db_path, "zz_excerpt.txt")[2] not in seed_stories
    assert rows(db_path, "SELECT COUNT(*) FROM stories") == [(6,)]
    assert rows(db_path, "SELECT COUNT(*) FROM articles WHERE story_id IS NULL") == [(0,)]


def group_of(db_path: Path, words: str) -> tuple[str, int, int]:
    """(text, article_count, first_article_id) of the group of the quotation with these words."""
    return rows(db_path, "SELECT g.text, g.article_count, g.first_article_id FROM quote_groups g "
                "JOIN quotes q ON q.group_id = g.id WHERE q.text LIKE ? LIMIT 1", f"%{words}%")[0]


def test_a_quotation_carried_by_copies_and_excerpted_by_another_outlet_is_one_group(copies_db):
    _, db_path = copies_db
    lavrov_id = article(db_path, LAVROV_SEED)[0]
    text, count, first = group_of(db_path, "Western partners prefer")
    assert (count, first) == (3, lavrov_id)  # the seed, the rewrite, the excerpt
    assert text.endswith("information technology companies.")  # the longest wording
    assert group_of(db_path, "If we understand")[1:] == (2, lavrov_id)
    assert group_of(db_path, "Now we are preparing")[1] == 2  # the identical copy
    assert rows(db_path, "SELECT COUNT(*) FROM quotes WHERE group_id IS NULL") == [(0,)]


def test_copies_are_kept_up_to_date_run_by_run_with_stable_story_ids(seeds_copy, tmp_path):
    db_path = tmp_path / "corpus.db"
    ingest(seeds_copy, db_path)
    stories_before = dict(rows(db_path, "SELECT path, story_id FROM articles"))

    # A copy added later joins the story that was there, which keeps its id.
    first_text = (seeds_copy / FIRST_SEED).read_text(encoding="utf-8")
    (seeds_copy / "later_copy.txt").write_text(first_text, encoding="utf-8")
    ingest(seeds_copy, db_path)
    first_id, _, first_story = article(db_path, FIRST_SEED)
    copy_id, duplicate_of, copy_story = article(db_path, "later_copy.txt")
    assert (duplicate_of, copy_story) == (first_id, first_story)
    assert {p: s for p, s in rows(db_path, "SELECT path, story_id FROM articles") if p in stories_before} \
        == stories_before

    # The first copy changes into another text: the next copy becomes the first, and the story
    # lives on with it; the changed article is placed again.
    (seeds_copy / FIRST_SEED).write_text(rewrite_of((seeds_copy / LAVROV_SEED).read_text(encoding="utf-8")),
                                         encoding="utf-8")
    ingest(seeds_copy, db_path)
    _, _, lavrov_story = article(db_path, LAVROV_SEED)
    assert article(db_path, "later_copy.txt") == (copy_id, None, first_story)
    assert article(db_path, FIRST_SEED) == (first_id, None, lavrov_story)
    assert rows(db_path, "SELECT article_count, first_article_id FROM stories WHERE id = ?", first_story) \
        == [(1, copy_id)]
    assert group_of(db_path, "Now we are preparing")[1:] == (1, copy_id)
    assert group_of(db_path, "If we understand")[1] == 2  # the seed and the changed article

    # --reprocess rebuilds it all and finds the same stories under the same ids.
    stories_now = rows(db_path, "SELECT id, duplicate_of, story_id FROM articles ORDER BY id")
    story_rows = rows(db_path, "SELECT * FROM stories ORDER BY id")
    quote_groups = rows(db_path, "SELECT text, article_count FROM quote_groups ORDER BY text")
    result = run_ingest("--db", db_path, "--reprocess")
    assert result.exit_code == 0, result.output
    assert rows(db_path, "SELECT id, duplicate_of, story_id FROM articles ORDER BY id") == stories_now
    assert rows(db_path, "SELECT * FROM stories ORDER BY id") == story_rows
    assert rows(db_path, "SELECT text, article_count FROM quote_groups ORDER BY text") == quote_groups
    assert band_index(db_path) == bands_of_signatures(db_path)


def band_index(db_path):
    return set(rows(db_path, "SELECT key, article_id FROM article_bands"))


def bands_of_signatures(db_path):
    """The band keys of the stored signatures: what the index must hold, no more (a changed
    article's old keys go) and no less."""
    return {(band, article_id)
            for article_id, blob, count in rows(db_path, "SELECT article_id, minhash, shingle_count "
                                                         "FROM article_signatures WHERE minhash IS NOT NULL")
            for band in DEFAULT_RULES.band_keys(Signature.from_bytes(blob, count))}


def test_a_story_left_without_articles_disappears(seeds_copy, tmp_path):
    db_path = tmp_path / "corpus.db"
    ingest(seeds_copy, db_path)
    _, _, old_story = article(db_path, FIRST_SEED)
    # The article alone in its story becomes a copy of another: its story has no articles left.
    (seeds_copy / FIRST_SEED).write_text((seeds_copy / LAVROV_SEED).read_text(encoding="utf-8"), encoding="utf-8")
    ingest(seeds_copy, db_path)
    first_id, _, lavrov_story = article(db_path, FIRST_SEED)
    # The first is the article stored first, whichever text came first.
    assert article(db_path, LAVROV_SEED)[1:] == (first_id, lavrov_story)
    assert article(db_path, FIRST_SEED)[1:] == (None, lavrov_story)
    assert rows(db_path, "SELECT COUNT(*) FROM stories WHERE id = ?", old_story) == [(0,)]
    assert rows(db_path, "SELECT article_count FROM stories WHERE id = ?", lavrov_story) == [(2,)]
    assert band_index(db_path) == bands_of_signatures(db_path)


def test_case_and_whitespace_do_not_make_another_text_but_words_do():
    assert exact_key("The  minister\nsaid.") == exact_key("the minister said.")
    assert exact_key("The minister said.") != exact_key("The minister says.")
    assert exact_key("  \n") is None
    assert signature("") is None


@pytest.mark.asyncio
async def test_the_site_counts_each_text_once_and_lists_carried_stories_and_quotations(copies_db):
    from datasette.app import Datasette

    from newscorpus.publish.site import SETTINGS, SITE, build_metadata

    _, db_path = copies_db
    client = Datasette([str(db_path)], metadata=build_metadata(db_path), plugins_dir=str(SITE / "plugins"),
                       template_dir=str(SITE / "templates"), settings=SETTINGS).client
    home = (await client.get("/")).text
    assert "7 articles" in home and "1 identical copy" in home  # 8 stored
    stories = (await client.get("/corpus/most_carried_stories.json?_shape=objects")).json()["rows"]
    assert [(s["articles"], s["versions"]) for s in stories] == [(2, 2), (2, 1)]
    _, _, story = article(db_path, "zz_rewrite.txt")
    versions = (await client.get(f"/corpus/story.json?id={story}&_shape=objects")).json()["rows"]
    assert [v["path"].rsplit("/", 1)[1] for v in versions] == [LAVROV_SEED, "zz_rewrite.txt"]
    quotes = (await client.get("/corpus/most_carried_quotes.json?_shape=objects")).json()["rows"]
    assert quotes[0]["articles"] == 3 and quotes[0]["speaker"] == "Sergei Lavrov"
    copy_id, first_id, _ = article(db_path, "zz_identical.txt")
    copy_page = (await client.get(f"/corpus/articles/{copy_id}")).text
    assert "1 identical copy" in copy_page and f"article {first_id}</a>" in copy_page
    assert "A story in 2 articles" in copy_page
    lavrov_page = (await client.get(f"/corpus/articles/{article(db_path, LAVROV_SEED)[0]}")).text
    assert "also in 2 other articles" in lavrov_page  # the rewrite and the excerpt


@pytest.fixture(scope="module")
def outlets_db(tmp_path_factory) -> Path:
    """Seed 001 carried by three outlets (each its own folder, so its own source), the other
    seeds by one."""
    from helpers import SEED_FILES

    root = tmp_path_factory.mktemp("outlets")
    lavrov = next(seed for seed in SEED_FILES if seed.name == LAVROV_SEED).read_text(encoding="utf-8")
    for outlet in ("wire", "daily", "herald"):
        (root / outlet).mkdir()
        (root / outlet / "lavrov.txt").write_text(f"{lavrov}\nCopyright {outlet.title()} 2024.\n", encoding="utf-8")
    (root / "home").mkdir()
    for seed in SEED_FILES:
        if seed.name != LAVROV_SEED:
            (root / "home" / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    db_path = root / "corpus.db"
    result = run_ingest(*(root / o for o in ("wire", "daily", "herald", "home")), "--db", db_path, "--root", root)
    assert result.exit_code == 0, result.output
    return db_path


@pytest.mark.asyncio
async def test_articles_facet_and_filter_by_how_many_outlets_carried_their_story(outlets_db):
    from datasette.app import Datasette

    from newscorpus.publish.site import SETTINGS, SITE, build_metadata

    client = Datasette([str(outlets_db)], metadata=build_metadata(outlets_db), plugins_dir=str(SITE / "plugins"),
                       template_dir=str(SITE / "templates"), settings=SETTINGS).client
    assert rows(outlets_db, "select source_count, article_count from stories order by source_count desc")[0] == (3, 3)
    data = (await client.get("/corpus/articles.json")).json()
    facet = {r["label"]: r for r in data["facet_results"]["story_id"]["results"]}
    assert {label: r["count"] for label, r in facet.items()} == {"1 outlet only": 4, "carried by 2–4 outlets": 3}
    carried = (await client.get("/corpus/articles.json?_outlets=2&_shape=objects")).json()
    assert sorted(r["path"] for r in carried["rows"]) == ["daily/lavrov.txt", "herald/lavrov.txt", "wire/lavrov.txt"]
    assert "_outlets=2" in facet["carried by 2–4 outlets"]["toggle_url"]
    # Filtered, the facet counts only what the page shows.
    again = {r["label"]: r["count"] for r in carried["facet_results"]["story_id"]["results"]}
    assert again == {"carried by 2–4 outlets": 3}
    page = (await client.get("/corpus/articles?_outlets=2")).text
    assert "in a story carried by 2–4 outlets" in page
    assert (await client.get("/corpus/articles.json?_outlets=10")).json()["rows"] == []  # a range with none


@pytest.mark.asyncio
@pytest.mark.parametrize("value", ["3", "five", "", "-1", "99999999999999999999", "²"])
async def test_an_outlets_value_that_starts_no_range_shows_nothing_and_says_why(outlets_db, value):
    from datasette.app import Datasette

    from newscorpus.publish.site import SETTINGS, SITE, build_metadata

    client = Datasette([str(outlets_db)], metadata=build_metadata(outlets_db), plugins_dir=str(SITE / "plugins"),
                       template_dir=str(SITE / "templates"), settings=SETTINGS).client
    response = await client.get("/corpus/articles", params={"_outlets": value})
    assert response.status_code == 200
    assert "0 rows" in response.text and "_outlets must be one of 1, 2, 5, 10" in response.text


def test_quotation_groups_survive_the_migration_to_hashed_keys_and_back(seeds_copy, tmp_path):
    """A database whose groups were keyed by their words (revision 0011) is upgraded to hashed
    keys: a copy ingested after the upgrade must find its quotations' existing groups."""
    import shutil

    from alembic import command

    from newscorpus.store import db
    from newscorpus.store.quote_groups import key_hash, quote_key

    db_path = tmp_path / "corpus.db"
    ingest(seeds_copy, db_path)
    before = rows(db_path, "SELECT id, text FROM quote_groups ORDER BY id")
    command.downgrade(db.alembic_config(db_path), "0011")
    assert rows(db_path, "SELECT COUNT(*) FROM quote_groups WHERE key = '' OR key IS NULL") == [(0,)]
    command.upgrade(db.alembic_config(db_path), "head")
    assert rows(db_path, "SELECT id, text FROM quote_groups ORDER BY id") == before
    # Short quotations are found by this hash alone (longer ones also by their first words).
    assert all(stored == key_hash(quote_key(text))
               for text, stored in rows(db_path, "SELECT text, key_hash FROM quote_groups"))
    shutil.copy(seeds_copy / LAVROV_SEED, seeds_copy / "zz_copy.txt")
    ingest(seeds_copy, db_path)
    assert group_of(db_path, "Western partners prefer")[1:] == (2, article(db_path, LAVROV_SEED)[0])
    assert rows(db_path, "SELECT COUNT(*) FROM quote_groups") == [(len(before),)]  # no group made twice


def test_differences_show_what_a_rewrite_added_and_cut():
    from newscorpus.publish.datasette.plugins.story_page import differences

    first = "The minister said on Monday that talks would resume in March after a long pause."
    other = "The minister said on Tuesday that talks would resume in March after a long pause. More to come."
    diff = differences(first, other)
    assert (diff["added"], diff["removed"]) == (4, 1)  # "Tuesday", "pause.", "More", "to come." vs "Monday", "pause."
    assert diff["passages"][0]["removed"] == "Monday" and diff["passages"][0]["added"] == "Tuesday"
    assert diff["passages"][0]["before"].endswith("said on")
    same = differences(first, first)
    assert same == {"added": 0, "removed": 0, "same": 100, "passages": [], "more": 0}


@pytest.mark.asyncio
async def test_a_story_page_shows_each_version_its_differences_and_quotations(copies_db):
    from test_datasette import datasette_for

    _, db_path = copies_db
    client = datasette_for(db_path).client
    rewrite_id, _, story = article(db_path, "zz_rewrite.txt")
    first_id = article(db_path, LAVROV_SEED)[0]
    page = (await client.get(f"/corpus/stories/{story}")).text
    versions = page[page.index('<ol class="versions">'):page.index("</ol>")]
    assert versions.index(f"/corpus/articles/{first_id}") < versions.index(f"/corpus/articles/{rewrite_id}")
    assert "the first version" in versions and "% the same:" in versions
    assert "<del>" in versions and "<ins>" in versions
    assert "Lavrov rules out military pact with Beijing" in versions  # the rewrite's own headline
    quotations = page[page.index("<h2>Quotations"):]
    assert "Sergei Lavrov" in quotations and "in 2 of these versions" in quotations
    article_page = (await client.get(f"/corpus/articles/{rewrite_id}")).text
    assert f'href="/corpus/stories/{story}">A story in 2 articles' in article_page
    assert (await client.get("/corpus/stories/999999")).status_code == 404


def test_the_closest_copy_among_many_candidates_is_the_one_compared_one_by_one():
    """closest_copy ranks all candidates at once; it must choose as are_copies and the rank
    (most shared text, closer signature, earliest id) pick them one at a time: a rewrite, an
    excerpt, an identical copy, a short text, other reports of the same interview."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED_FILES, key=lambda p: p.name != LAVROV_SEED)]
    first = texts[0]
    paragraphs = [p for p in first.split("\n\n") if p.strip()]
    assert len(paragraphs) > 6
    variants = [first, rewrite_of(first), "\n\n".join(paragraphs[:len(paragraphs) // 2]), first,
                "Lavrov said on Monday", *texts[1:]]
    sigs = [signature(text) for text in variants]
    candidates = [(10 + k, 100 + k, sig.to_bytes(), sig.shingle_count) for k, sig in enumerate(sigs)]
    for probe in [*sigs, signature(rewrite_of(texts[1])), signature("Lavrov said on Monday in Moscow")]:
        one_by_one = None
        for article_id, story, blob, count in candidates:
            other = Signature.from_bytes(blob, count)
            if DEFAULT_RULES.are_copies(probe, other):
                rank = (-probe.containment(other), -probe.jaccard(other), article_id)
                one_by_one = min(one_by_one or (rank, story), (rank, story))
        chosen = DEFAULT_RULES.closest_copy(probe, candidates)
        assert (chosen[1] if chosen else None) == (one_by_one[1] if one_by_one else None)
    assert DEFAULT_RULES.closest_copy(sigs[0], []) is None
    # the identical copies tie on everything but the id: the earliest wins
    assert DEFAULT_RULES.closest_copy(sigs[0], candidates)[0] == 10


class CountingRules(type(DEFAULT_RULES)):
    """The default rules, noting how many candidates each placed text was compared with."""

    def closest_copy(self, sig, candidates):
        COMPARED.append(len(candidates))
        return super().closest_copy(sig, candidates)


COMPARED: list[int] = []
SIGN_OFF = ("Follow the Harbour Times on Facebook and Twitter for the latest local news, sport and weather "
            "from around the county, every day of the week.")


def test_a_band_every_article_shares_through_its_sign_off_makes_no_candidates(tmp_path, monkeypatch):
    from newscorpus.store import db, stories
    words = "harbour council ferry budget pier school road flood vote mayor tide dredge winter summer".split()
    texts = [" ".join(words[(k * 7 + j * 3) % len(words)] + str(k * 97 + j) for j in range(90)) + "\n\n" + SIGN_OFF
             for k in range(40)]
    copy = texts[0].replace("\n\n", " Updated with new figures.\n\n")

    def placed(popular: int, name: str) -> tuple[dict, list[int], int]:
        monkeypatch.setattr(stories, "POPULAR_BAND", popular)
        path = tmp_path / name
        db.upgrade(path)
        engine = db.make_engine(path)
        with engine.begin() as conn:
            conn.connection.dbapi_connection.executemany(
                "INSERT INTO articles (id, path, body, raw_text, sha256, ingested_at, updated_at, run_id) "
                "VALUES (?, ?, ?, '', '', '', '', 1)", [(k + 1, f"doc{k}", t) for k, t in enumerate([*texts, copy])])
        COMPARED.clear()
        with engine.begin() as conn:
            stories.group_copies(conn, CountingRules())
        engine.dispose()
        widest = rows(path, "SELECT max(c) FROM (SELECT count(*) c FROM article_bands GROUP BY key)")[0][0]
        return dict(rows(path, "SELECT id, story_id FROM articles")), list(COMPARED), widest

    every, compared_with_all, widest = placed(10_000, "all.db")
    story, compared, _ = placed(5, "popular.db")
    assert widest > 5  # the sign-off's bands are held by many articles
    assert story[41] == story[1] and len(set(story.values())) == 40  # the copy still meets its original
    assert story == every  # the same stories as comparing every article met in a band
    # the texts met through one of the sign-off's bands only are no longer compared (those sharing
    # two of them still are)
    assert sum(compared[:40]) < sum(compared_with_all[:40]) / 2 and compared[40] >= 1


def test_a_story_carried_more_widely_than_a_popular_band_stays_one_story(tmp_path, monkeypatch):
    """Every band of a wire story copied by more outlets than POPULAR_BAND is popular: its copies
    still meet through the newest holders of those bands, sharing most of them."""
    from newscorpus.store import db, stories
    monkeypatch.setattr(stories, "POPULAR_BAND", 5)
    wire = SEED_FILES[1].read_text(encoding="utf-8")
    copies = [f"{wire}\n\nCarried by outlet number {k}." for k in range(15)]
    others = [p.read_text(encoding="utf-8") for p in SEED_FILES if p != SEED_FILES[1]]
    path = tmp_path / "wire.db"
    db.upgrade(path)
    engine = db.make_engine(path)
    with engine.begin() as conn:
        conn.connection.dbapi_connection.executemany(
            "INSERT INTO articles (id, path, body, raw_text, sha256, ingested_at, updated_at, run_id) "
            "VALUES (?, ?, ?, '', '', '', '', 1)", [(k + 1, f"doc{k}", t) for k, t in enumerate([*copies, *others])])
    with engine.begin() as conn:
        stories.group_copies(conn)
    engine.dispose()
    story = dict(rows(path, "SELECT id, story_id FROM articles"))
    assert len({story[k + 1] for k in range(15)}) == 1
    assert len(set(story.values())) == 1 + len(others)
