"""Nothing lost: odd and bad input, crashes, interruptions and readers during an ingest."""
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import PROJECT, SEED_FILES, run_ingest
from newscorpus.read import files as read_files
from newscorpus.store import fts

CURLY = "Lavrov said: “We will not worsen our relations with China,” adding that ‘trust’ matters – a lot."


def rows(db_path, sql, *params):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def assert_consistent(db_path):
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for statement in fts.integrity_check_statements():
            conn.execute(statement)


def write_inputs(folder: Path) -> dict[str, str | None]:
    """Every kind of input a user's folder may hold -> the reason it fails, or None if it goes in."""
    cases = {
        "empty.txt": (b"", "empty file"),
        "whitespace.txt": (b" \n\n\t \r\n", "only whitespace"),
        "binary.txt": (bytes(range(256)) * 8, "not a text file"),
        "nul-bytes.txt": (b"Some text\x00\x00\x00 and \x00 NULs \xff\xfe\x00" * 20, "not a text file"),
        "renamed-pdf.txt": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>", "PDF"),
        "renamed-image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        "invalid-utf8-middle.txt": (("Title\n\n" + CURLY).encode() + b"\xc3\x28 broken " + CURLY.encode(), None),
        "utf16-bom.txt": (("Title\n\n" + CURLY).encode("utf-16"), None),
        "utf16-no-bom.txt": (("Title\n\n" + CURLY).encode("utf-16-le"), None),
        "cp1252-curly.txt": (("Title\r\n\r\n" + CURLY).encode("cp1252"), None),
        "only-title.txt": (b"Just A Headline\n", None),
        "only-comments.txt": (b"3 comments\nJane Roe March 6, 2021 at 10:08 am\nGreat piece.\nReply\n", None),
        "long-line.txt": (("word " * 420_000).encode(), None),  # one 2 MB line
        "too-big.txt": (b"x" * (read_files.DEFAULT_MAX_BYTES + 1), "over the"),
    }
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
    return {name: reason for name, (_, reason) in cases.items()}


def test_every_bad_input_gets_a_reason_and_the_rest_goes_in(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    expected = write_inputs(folder)
    db_path = tmp_path / "odd.db"
    result = run_ingest(folder, "--db", db_path, "--root", tmp_path)
    assert result.exit_code == 1
    errors = dict(rows(db_path, "select path, error from ingest_errors"))
    for name, reason in expected.items():
        if reason is None:
            assert f"inbox/{name}" not in errors, errors.get(f"inbox/{name}")
        else:
            assert reason in errors[f"inbox/{name}"] and "\n" not in errors[f"inbox/{name}"]
            assert f"FAILED inbox/{name}: " in result.output
    stored = dict(rows(db_path, "select path, body from articles"))
    assert stored["inbox/cp1252-curly.txt"].count("“") == 1  # curly quotes decoded, not mojibake
    assert "We will not worsen" in stored["inbox/utf16-no-bom.txt"]
    assert "broken" in stored["inbox/invalid-utf8-middle.txt"]
    assert rows(db_path, "select encoding from articles where path like '%middle.txt'")[0][0].startswith("utf-8 (")
    assert_consistent(db_path)


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for seed in SEED_FILES[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    locked = folder / SEED_FILES[0].name
    real_open = open

    def guarded_open(path, *args, **kwargs):  # tests run as root, so chmod would not stop us
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(read_files, "open", guarded_open, raising=False)
    db_path = tmp_path / "perm.db"
    result = run_ingest(folder, "--db", db_path, "--root", tmp_path)
    assert result.exit_code == 1
    assert f"FAILED inbox/{locked.name}: cannot read file: Permission denied" in result.output
    assert rows(db_path, "select count(*) from articles") == [(1,)]


def test_file_disappearing_between_listing_and_reading(tmp_path, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for seed in SEED_FILES[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    real_discover = read_files.discover

    def discover_then_delete(paths, root):
        found = list(real_discover(paths, root))
        found[0].location.unlink()
        return iter(found)

    monkeypatch.setattr("newscorpus.ingest.discover", discover_then_delete)
    result = run_ingest(folder, "--db", tmp_path / "gone.db", "--root", tmp_path)
    assert "file disappeared before it could be read" in result.output
    assert "1 added" in result.output


def write_many_articles(folder: Path, n: int) -> None:
    """n short, distinct articles made from the seeds' sentences (quotes, names, comments)."""
    sentences = [s.strip() + "." for f in SEED_FILES for s in f.read_text(encoding="utf-8").split(". ") if 40 < len(s) < 300]
    rng = random.Random(7)
    folder.mkdir()
    for k in range(n):
        picked = rng.sample(sentences, 3)
        (folder / f"{k:04d}.txt").write_text(f"Story number {k}\n\n" + "\n\n".join(picked) + "\n", encoding="utf-8")


def ingest_process(folder: Path, db_path: Path, *extra) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(PROJECT / "ingest.py"), str(folder), "--db", str(db_path), "--root", str(folder), *extra],
        cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for_articles(db_path: Path, at_least: int, timeout=120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if rows(db_path, "select count(*) from articles")[0][0] >= at_least:
                return
        except sqlite3.OperationalError:
            pass  # not created yet
        time.sleep(0.05)
    raise AssertionError(f"ingest did not reach {at_least} articles")


def table_counts(db_path):
    return {t: rows(db_path, f"select count(*) from {t}")[0][0]
            for t in ("articles", "comments", "quotes", "quote_speakers", "article_entities", "entities")}


@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun_gives_a_clean_corpus(tmp_path):
    folder = tmp_path / "many"
    write_many_articles(folder, 1000)
    clean = tmp_path / "clean.db"
    assert ingest_process(folder, clean).wait() == 0
    expected = table_counts(clean)

    killed = tmp_path / "killed.db"
    rng = random.Random(11)
    for _ in range(3):
        process = ingest_process(folder, killed)
        already = rows(killed, "select count(*) from articles")[0][0] if killed.exists() else 0
        wait_for_articles(killed, min(1000, already + rng.randint(1, 150)))
        time.sleep(rng.random() * 0.3)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert_consistent(killed)
        # no article without its children: every stored article has its entity rows
        assert rows(killed, "select count(*) from articles where entity_names != '[]' and id not in "
                            "(select article_id from article_entities)") == [(0,)]
    assert ingest_process(folder, killed).wait() == 0
    assert table_counts(killed) == expected
    assert_consistent(killed)


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_stops_after_the_current_article_and_records_the_run(tmp_path, stop):
    folder = tmp_path / "many"
    write_many_articles(folder, 400)
    db_path = tmp_path / "int.db"
    process = ingest_process(folder, db_path)
    wait_for_articles(db_path, 20)
    process.send_signal(stop)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert "INTERRUPTED" in out
    status, added = rows(db_path, "select status, added from ingest_runs order by id desc limit 1")[0]
    assert status == "interrupted" and 20 <= added < 400
    assert rows(db_path, "select count(*) from articles") == [(added,)]
    assert_consistent(db_path)


@pytest.mark.slow
def test_a_reader_during_ingest_always_sees_whole_articles(tmp_path):
    folder = tmp_path / "many"
    write_many_articles(folder, 300)
    db_path = tmp_path / "read.db"
    process = ingest_process(folder, db_path)
    wait_for_articles(db_path, 1)
    torn = []
    while process.poll() is None:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            conn.execute("begin")  # one snapshot for both counts
            torn += conn.execute(
                "select id from articles where entity_names != '[]' and id not in (select article_id from article_entities)"
            ).fetchall()
            conn.execute("commit")
        time.sleep(0.01)
    assert process.returncode == 0
    assert torn == []


# ------------------------------------------------ special files, the lock, odd database paths
def _ingest_with_timeout(folder_or_file: Path, db_path: Path, root: Path, timeout: int = 120):
    """In a subprocess, so that a regression that blocks fails the test instead of hanging it."""
    return subprocess.run([sys.executable, str(PROJECT / "ingest.py"), str(folder_or_file), "--db", str(db_path),
                           "--root", str(root)], cwd=PROJECT, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("special", ["fifo", "link-to-fifo"])
def test_a_pipe_named_like_an_article_is_refused_and_the_rest_goes_in(tmp_path, special):
    import os

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(CURLY + "\n", encoding="utf-8")
    pipe = (folder if special == "fifo" else tmp_path) / "pipe.txt"
    os.mkfifo(pipe)
    if special == "link-to-fifo":
        (folder / "linked.txt").symlink_to(pipe)
    result = _ingest_with_timeout(folder, tmp_path / "c.db", tmp_path)
    assert result.returncode == 1, result.stderr
    assert "not a regular file" in result.stderr and "Traceback" not in result.stderr
    assert rows(tmp_path / "c.db", "select path from articles") == [("articles/good.txt",)]
    named = _ingest_with_timeout(pipe, tmp_path / "d.db", tmp_path)  # named on the command line
    assert named.returncode == 1 and "not a regular file" in named.stderr


def test_the_lock_file_is_never_written_through_a_symlink(tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_text("do not truncate me\n")
    db_path = tmp_path / "c.db"
    (tmp_path / "c.db.ingest-lock").symlink_to(victim)
    result = run_ingest(SEED_FILES[0], "--db", db_path, "--root", PROJECT)
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert victim.read_text() == "do not truncate me\n"


@pytest.mark.parametrize("name", ["q?x.db", "a#b.db", "with space%20.db"])
def test_a_database_path_is_taken_literally(tmp_path, name):
    result = run_ingest(SEED_FILES[0], "--db", tmp_path / name, "--root", PROJECT)
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).is_file()
    assert all(p.name.startswith(name) for p in tmp_path.iterdir()), sorted(p.name for p in tmp_path.iterdir())
    assert rows(tmp_path / name, "select count(*) from articles") == [(1,)]


def test_any_bytes_in_a_name_are_stored_and_printed_escaped(tmp_path):
    import os

    folder = tmp_path / "names"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:  # not UTF-8
        handle.write(CURLY.encode())
    forged = folder / "x\n  FAILED forged.txt: made up.txt"  # a newline that would forge a line
    forged.write_text("")  # empty: it fails, and its name is printed
    result = _ingest_with_timeout(folder, tmp_path / "c.db", tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if "FAILED" in line]
    assert failed == ["  FAILED names/x\\n  FAILED forged.txt: made up.txt: empty file: no text to ingest"]
    assert rows(tmp_path / "c.db", "select path from articles") == [("names/caf\\xe9.txt",)]


@pytest.mark.slow
def test_one_ctrl_c_ends_a_run_at_once_while_workers_are_deep_in_a_batch(tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    rng = random.Random(5)
    words = CURLY.split() + SEED_FILES[1].read_text(encoding="utf-8").split()
    for k in range(40):  # a batch of 32 such articles keeps a worker busy for minutes
        paragraphs = [" ".join(rng.choice(words) for _ in range(120)) + "." for _ in range(130)]
        (folder / f"{k:02d}.txt").write_text(f"Story {k}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    db_path = tmp_path / "long.db"
    process = ingest_process(folder, db_path, "--workers", "2")
    deadline = time.time() + 120
    while time.time() < deadline:  # wait for the run to start, then for the workers to be busy
        try:
            if rows(db_path, "select count(*) from ingest_runs where status = 'running'") == [(1,)]:
                break
        except sqlite3.OperationalError:
            pass
        time.sleep(0.2)
    time.sleep(8)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1 and "INTERRUPTED" in out, err
    assert rows(db_path, "select status from ingest_runs") == [("interrupted",)]
    assert_consistent(db_path)
