"""Linking across articles: a surname alone joins the one full name the corpus knows."""
import json
import sqlite3

from helpers import run_ingest

ONLY_SURNAME = """Talks stall in Geneva

GENEVA - President Putin said on Monday that the talks had stalled. "We are not in a hurry," Putin told reporters.
Putin later met the Swiss foreign minister.
"""
FULL_NAME = """Kremlin sets out demands

MOSCOW - Vladimir Putin set out new demands on Tuesday. "The West must listen," Vladimir Putin said.
"""
TWO_CLINTONS = """Clintons campaign in Ohio

Bill Clinton and Hillary Clinton spoke in Columbus on Friday about jobs and schools.
"""
ONLY_CLINTON = """Rally in Iowa

DES MOINES - Clinton told supporters on Saturday that the race was close. Clinton then left for Ohio.
"""


def write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def persons(db_path):
    with sqlite3.connect(db_path) as conn:
        return {name: aliases for name, aliases in conn.execute(
            "select e.name, group_concat(a.alias, '|') from entities e join entity_aliases a on a.entity_id = e.id "
            "where e.type = 'PERSON' group by e.id")}


def entity_of(db_path, path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("select entity_names from articles where path like ?", (f"%{path}",)).fetchone()[0]


def test_surname_joins_the_full_name_whichever_article_comes_first(tmp_path):
    for order in (("a_surname.txt", "b_full.txt"), ("b_full.txt", "a_surname.txt")):
        folder, db_path = tmp_path / "-".join(order), tmp_path / f"{'-'.join(order)}.db"
        texts = {"a_surname.txt": ONLY_SURNAME, "b_full.txt": FULL_NAME}
        write(folder, order[0], texts[order[0]])
        assert run_ingest(folder, "--db", db_path).exit_code == 0
        write(folder, order[1], texts[order[1]])
        assert run_ingest(folder, "--db", db_path).exit_code == 0

        people = persons(db_path)
        assert "Putin" not in people
        assert "Putin" in people["Vladimir Putin"].split("|")
        assert "Vladimir Putin" in json.loads(entity_of(db_path, "a_surname.txt"))
        with sqlite3.connect(db_path) as conn:
            speakers = {row[0] for row in conn.execute(
                "select e.name from quotes q join articles a on a.id = q.article_id "
                "join entities e on e.id = q.speaker_id where a.path like '%a_surname.txt'")}
            linked = conn.execute(
                "select count(*) from quote_speakers qs join entities e on e.id = qs.entity_id "
                "where e.name = 'Vladimir Putin'").fetchone()[0]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert speakers == {"Vladimir Putin"}
        assert linked == 2  # one quote in each article


def test_re_running_after_the_merge_changes_nothing(tmp_path):
    folder, db_path = tmp_path / "news", tmp_path / "corpus.db"
    write(folder, "a.txt", ONLY_SURNAME)
    write(folder, "b.txt", FULL_NAME)
    run_ingest(folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        before = conn.execute("select * from entities order by id").fetchall()
    result = run_ingest(folder, "--db", db_path)
    assert "2 unchanged" in result.output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select * from entities order by id").fetchall() == before


def test_an_ambiguous_surname_stays_its_own_entity(tmp_path):
    folder, db_path = tmp_path / "news", tmp_path / "corpus.db"
    write(folder, "a.txt", TWO_CLINTONS)
    write(folder, "b.txt", ONLY_CLINTON)
    assert run_ingest(folder, "--db", db_path).exit_code == 0
    people = persons(db_path)
    assert {"Bill Clinton", "Hillary Clinton", "Clinton"} <= set(people)


def test_one_key_spelled_two_ways_is_named_the_same_whichever_article_is_stored_first(tmp_path):
    # Articles are stored in the order they finish (on a Dask cluster, in no set order): the
    # entity's name must not depend on it.
    from newscorpus.parts import ArticleParts, Document, EntityRef, Extraction
    from newscorpus.store import db
    from newscorpus.store.writer import StoredArticle, store_article

    def article(path, spelling):
        entity = EntityRef(name=spelling, type="PLACE", aliases={spelling}, mentions=1)
        return StoredArticle(Document(path=path, text=f"{spelling} talks", sha256=path),
                             ArticleParts(title=path, paragraphs=[f"{spelling} talks"]),
                             Extraction(entities=[entity]), source="news")

    names = []
    for order in (("a", "b"), ("b", "a")):
        db_path = tmp_path / f"{''.join(order)}.db"
        db.prepare(db_path)
        engine = db.make_engine(db_path)
        for path in order:
            with engine.begin() as conn:
                store_article(conn, article(path, {"a": "US", "b": "U.S."}[path]))
        engine.dispose()
        with sqlite3.connect(db_path) as conn:
            names.append(conn.execute("select name, key from entities").fetchall())
    assert names[0] == names[1] == [("U.S.", "us")]
