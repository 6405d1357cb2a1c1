"""What's new: the articles the last runs added or updated, with each run's counts."""
import csv
import io
import sqlite3

import pytest

from helpers import run_ingest
from test_datasette import datasette_for


@pytest.fixture
def two_runs(seeds_copy, tmp_path):
    db_path = tmp_path / "corpus.db"
    assert run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).exit_code == 0
    changed = sorted(seeds_copy.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA paragraph added later.\n", encoding="utf-8")
    (seeds_copy / "new.txt").write_text("A new report\n\nThe council met on Tuesday and approved the budget.\n",
                                        encoding="utf-8")
    assert run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).exit_code == 0
    assert run_ingest(seeds_copy, "--db", db_path, "--root", tmp_path).exit_code == 0  # changes nothing
    return db_path


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.asyncio
async def test_the_last_runs_articles_newest_run_first_with_the_runs_counts(two_runs):
    client = datasette_for(two_runs).client
    rows = rows_of((await client.get("/corpus/whats_new.csv?_size=max")).text)
    assert [(r["run"], r["change"]) for r in rows[:2]] == [("2", "added"), ("2", "updated")]
    with sqlite3.connect(two_runs) as conn:
        new, changed = (conn.execute("select id from articles where path like ?", [p]).fetchone()[0]
                        for p in ("%new.txt", "%000_%"))
    assert [int(r["article_id"]) for r in rows[:2]] == [new, changed]
    assert rows[0]["run_added"] == "1" and rows[0]["run_updated"] == "1"
    assert {r["run"] for r in rows[2:]} == {"1"} and len(rows) == 2 + 4  # the changed seed shows under run 2
    assert all(r["run_added"] == "5" and r["change"] == "added" for r in rows[2:])
    last_only = rows_of((await client.get("/corpus/whats_new.csv?runs=1")).text)
    assert [r["article_id"] for r in last_only] == [r["article_id"] for r in rows[:2]]
    for odd in ("abc", "-3", "0", " "):
        assert (await client.get("/corpus/whats_new.csv", params={"runs": odd})).status_code == 200


@pytest.mark.asyncio
async def test_the_home_page_links_whats_new(two_runs):
    page = (await datasette_for(two_runs).client.get("/")).text
    assert 'href="/corpus/whats_new"' in page


def test_the_migration_gives_articles_never_updated_their_first_run(two_runs):
    from alembic import command

    from newscorpus.store import db

    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(db.alembic_config(two_runs)).get_current_head()
    command.downgrade(db.alembic_config(two_runs), "0012")
    with sqlite3.connect(two_runs) as conn:  # as when its update came a second or more later
        conn.execute("update articles set updated_at = '2099-01-01T00:00:00+00:00' where path like '%000_%'")
    command.upgrade(db.alembic_config(two_runs), "head")
    with sqlite3.connect(two_runs) as conn:
        rows = dict(conn.execute("select path, added_run_id from articles").fetchall())
    assert sum(1 for p, run in rows.items() if run == 1) == 4  # untouched since run 1
    changed = next(p for p in rows if "000_" in p)
    assert rows[changed] is None  # updated since it was added: its first run is not known
    assert rows[next(p for p in rows if p.endswith("new.txt"))] == 2


def test_serving_a_database_of_an_older_version_brings_its_schema_up_first(two_runs):
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from alembic import command

    from helpers import PROJECT
    from newscorpus.store import db

    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(db.alembic_config(two_runs)).get_current_head()
    command.downgrade(db.alembic_config(two_runs), "0012")
    refused = subprocess.run([sys.executable, "-m", "newscorpus.cli", "serve", "--db", str(two_runs), "--immutable"],
                             cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().splitlines() == [
        f"Error: {two_runs} has schema revision 0012, this newscorpus needs {head}: serve it once without "
        "--immutable to bring it up to date (nothing is re-extracted)"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "newscorpus.cli", "serve", "--db", str(two_runs), "--port", str(port)],
                               cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/corpus/whats_new.json?_shape=objects", timeout=1) as r:
                    rows = json.load(r)["rows"]
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("newscorpus serve did not start")
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0].decode()
    assert f"schema brought from revision 0012 to {head}" in output
    assert rows and rows[0]["run"] == 2
