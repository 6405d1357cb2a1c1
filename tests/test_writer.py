"""The writer stores a batch in one transaction (a savepoint per article once one fails), and
remembers the entities it stored: a failing article must still cost only itself, and what it
remembered must never outlive a rollback."""
import sqlite3

from newscorpus.analyse import Analysed, analysed_batches
from newscorpus.ingest import Job, ingest
from newscorpus.parts import EntityRef, Extraction, FoundQuote
from newscorpus.store import db
from newscorpus.store.writer import KnownRows, StoredArticle, store_article


def place(name):
    return EntityRef(name=name, type="PLACE", aliases={name}, mentions=1)


def with_extraction(make_extraction):
    """The real reading and parsing; an extraction chosen per file, so the writer's own
    failures can be provoked without a model."""
    def analyser(pending, rules, job):
        for batch in analysed_batches(pending, rules, job):
            yield [Analysed(a.document, a.source, a.parts, make_extraction(a.document.path)) for a in batch]

    return analyser


def test_an_article_failing_mid_batch_costs_only_itself_and_leaves_no_stale_entity(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Talks in {name}\n\nDelegates met in Atlantis on Monday.\n")

    def extraction(path):
        if path == "b.txt":
            # Atlantis is new when b is stored, so b writes it; then b's quotation cannot be
            # stored (a quotation needs text) and b's savepoint takes the entity back. c must
            # not reuse the id b wrote.
            return Extraction(entities=[place("Atlantis"), place("Lemuria")],
                              quotes=[FoundQuote(start=0, end=5, text=None, kind="direct")])
        return Extraction(entities=[place("Atlantis")] if path == "c.txt" else [])

    db_path = tmp_path / "corpus.db"
    summary = ingest([folder], Job(db_path=db_path, analyser=with_extraction(extraction)), root=folder)

    assert (summary.added, summary.failed) == (2, 1)
    assert summary.errors[0][0] == "b.txt" and summary.errors[0][1].startswith("storage failed")
    with sqlite3.connect(db_path) as conn:
        assert [p for (p,) in conn.execute("select path from articles order by path")] == ["a.txt", "c.txt"]
        assert conn.execute("select e.name from article_entities ae join entities e on e.id = ae.entity_id "
                            "join articles a on a.id = ae.article_id where a.path = 'c.txt'").fetchall() == [("Atlantis",)]
        assert conn.execute("select name from entities where name = 'Lemuria'").fetchall() == []
        assert conn.execute("select path, error like 'storage failed%' from ingest_errors").fetchall() == [("b.txt", 1)]
        assert conn.execute("pragma foreign_key_check").fetchall() == []


def test_a_remembered_entity_still_takes_the_least_spelling_of_its_key(tmp_path):
    # The writer skips the statement for an entity it already stored under a name no greater:
    # a later, lesser spelling must still rename it, in either order.
    from newscorpus.parts import ArticleParts, Document

    def article(path, spelling):
        return StoredArticle(Document(path=path, text=f"{spelling} talks", sha256=path),
                             ArticleParts(title=path, paragraphs=[f"{spelling} talks"]),
                             Extraction(entities=[place(spelling)]), source="news")

    for spellings in (("US", "U.S.", "US"), ("U.S.", "US", "U.S.")):
        db_path = tmp_path / f"{'-'.join(spellings)}.db"
        db.prepare(db_path)
        engine = db.make_engine(db_path)
        known = KnownRows()
        with engine.begin() as conn:
            for number, spelling in enumerate(spellings):
                store_article(conn, article(f"{number}.txt", spelling), known)
        engine.dispose()
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("select name, key from entities").fetchall() == [("U.S.", "us")]
            assert sorted(conn.execute("select alias from entity_aliases")) == [("U.S.",), ("US",)]
            assert conn.execute("select count(*) from article_entities").fetchone() == (3,)


def test_a_batch_sqlite_rolls_back_itself_stops_the_run_and_keeps_the_batches_before(tmp_path):
    """SQLite ends the whole transaction on its own for some errors (an interrupted write, an
    out-of-memory): the batch's earlier articles are gone with it, so the run must stop with
    one line instead of counting them stored, keep every committed batch, and a re-run must
    store what was lost."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a", "b", "c", "d"):
        (folder / f"{name}.txt").write_text(f"Talks in {name}\n\nDelegates met on Monday in room {name}.\n")
    db_path = tmp_path / "corpus.db"
    no_model = with_extraction(lambda path: Extraction())
    db.prepare(db_path)

    def abandon_on_c(dbapi_connection, _record):
        # A real SQLite interrupt raised while c's row is written: SQLite itself rolls back.
        dbapi_connection.create_function("abandon", 0, lambda: dbapi_connection.interrupt())
        dbapi_connection.execute("CREATE TEMP TRIGGER abandon_c AFTER INSERT ON main.articles "
                                 "WHEN new.path = 'c.txt' BEGIN SELECT abandon(); END")

    event.listen(Engine, "connect", abandon_on_c)
    try:
        summary = ingest([folder], Job(db_path=db_path, analyser=no_model, batch_size=2, store_batch=2), root=folder)
    finally:
        event.remove(Engine, "connect", abandon_on_c)

    assert summary.status == "interrupted"
    assert "SQLite abandoned the batch while storing c.txt" in summary.fatal
    assert "the articles stored before are kept" in summary.fatal
    assert (summary.added, summary.failed) == (2, 0)  # c and d are neither stored nor failed
    with sqlite3.connect(db_path) as conn:
        assert [p for (p,) in conn.execute("select path from articles order by path")] == ["a.txt", "b.txt"]
        assert conn.execute("select status from ingest_runs").fetchall() == [("interrupted",)]

    again = ingest([folder], Job(db_path=db_path, analyser=no_model, batch_size=2, store_batch=2), root=folder)
    assert (again.added, again.failed, again.status) == (2, 0, "completed")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (4,)
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
