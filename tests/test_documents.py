"""Reading files: encodings, line ends and inputs that are not articles."""
import os
from pathlib import Path

import pytest

from newscorpus.read.files import FORMATS_SEARCHED, Candidate, InputError, discover, read_bytes
from newscorpus.read.text import decode

TEXT = "Lavrov said: “We will not worsen our relations” – café, naïve.\nSecond line."


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    ("\ufeff".encode("utf-8") + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),  # with BOM
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_each_encoding_reads_back_the_same_text(data, encoding):
    text, found = decode(data)
    assert text.lstrip("\ufeff") == TEXT
    assert found == encoding


def test_latin1_bytes_that_cp1252_leaves_undefined_still_read():
    text, encoding = decode("Caf\xe9 \x81".encode("latin-1"))
    assert text == "Café \x81" and encoding == "latin-1"


def test_crlf_line_ends_survive_decoding_for_the_parser_to_normalise():
    text, _ = decode(TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert text.splitlines() == TEXT.splitlines()


def test_invalid_utf8_in_the_middle_keeps_the_rest_of_the_text():
    data = "Début “quoted” ".encode("utf-8") + b"\xff\xfe\xfa" + " fin é".encode("utf-8")
    text, encoding = decode(data)
    assert text.startswith("Début “quoted” ") and text.endswith(" fin é")
    assert "invalid bytes replaced" in encoding


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\t\r\n ", "only whitespace"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (bytes(range(256)) * 4, "not a text file"),
    (b"text\x00with\x00nul\x00bytes\xff" * 3, "not a text file"),
])
def test_non_articles_get_a_one_line_reason(data, reason):
    with pytest.raises(InputError, match=reason) as error:
        decode(data)
    assert "\n" not in str(error.value)


def test_size_limit_has_a_clear_message(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    with pytest.raises(InputError, match=r"over the 1\.0 MB limit .*--max-bytes"):
        read_bytes(big, max_bytes=1_000_000)
    assert len(read_bytes(big, max_bytes=2_000_000)) == 1_500_000


def test_a_file_that_disappears_before_reading(tmp_path):
    with pytest.raises(InputError, match="disappeared"):
        read_bytes(tmp_path / "gone.txt")


def test_discover_walks_folders_once_per_file_and_reports_bad_arguments(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "notes.csv").write_text("not an article")
    (tmp_path / "a" / "deeper").mkdir()
    (tmp_path / "a" / "deeper" / "two.TXT").write_text("x")
    (tmp_path / "empty").mkdir()
    os.symlink(tmp_path / "a", tmp_path / "a" / "deeper" / "loop")  # a symlink loop
    found = list(discover([tmp_path / "a", tmp_path / "a" / "one.txt", tmp_path / "empty",
                           tmp_path / "missing"], root=tmp_path))
    candidates = [f.identity for f in found if isinstance(f, Candidate)]
    problems = [f for f in found if not isinstance(f, Candidate)]
    assert candidates == ["a/deeper/two.TXT", "a/one.txt"]
    assert problems == [(str(tmp_path / "empty"), f"no article files in this folder (looked for {FORMATS_SEARCHED})"),
                        (str(tmp_path / "missing"), "no such file or folder")]


def test_identity_outside_the_root_is_the_absolute_path(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    [found] = discover([tmp_path / "x.txt"], root=tmp_path / "elsewhere")
    assert found.identity == (tmp_path / "x.txt").as_posix()


def test_a_file_reached_through_a_symlink_is_found_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    os.symlink(tmp_path / "a" / "one.txt", tmp_path / "a" / "alias.txt")
    found = list(discover([tmp_path / "a"], root=tmp_path))
    assert [f.identity for f in found] == ["a/alias.txt"]  # path order; the file once


def test_a_file_that_reports_no_size_is_still_read_only_up_to_the_limit():
    assert Path("/proc/self/status").stat().st_size == 0  # a regular file that says it is empty
    with pytest.raises(InputError, match="over the 0.0 MB limit"):
        read_bytes("/proc/self/status", max_bytes=10)


def test_a_device_is_not_read_at_all():
    with pytest.raises(InputError, match="not a regular file"):
        read_bytes("/dev/zero", max_bytes=1000)


def test_one_folder_written_three_ways_is_one_identity(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "x.txt").write_text(TEXT, encoding="utf-8")
    spellings = [tmp_path / "a", tmp_path / "a" / ".." / "a", tmp_path / "." / "a"]
    identities = {c.identity for spelling in spellings for c in discover([spelling], tmp_path)}
    assert identities == {"a/x.txt"}


def test_a_tree_deeper_than_the_recursion_limit_is_walked(tmp_path):
    depth = 1200  # os.walk recursed in Python 3.11 and stopped the run beyond about 1,000 levels
    deep = tmp_path
    for _ in range(depth):  # one level at a time: os.makedirs recurses too
        deep = deep / "d"
        deep.mkdir()
    (deep / "bottom.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "top.txt").write_text(TEXT, encoding="utf-8")
    try:
        found = list(discover([tmp_path], tmp_path))
        assert [c.identity for c in found] == ["d/" * depth + "bottom.txt", "top.txt"]
    finally:  # bottom up, by hand: pytest's own clean-up (shutil.rmtree) recurses and would fail
        (deep / "bottom.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


def test_a_name_that_is_not_utf8_is_kept_escaped_and_the_others_still_come(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as handle:  # Latin-1 bytes in the name
        handle.write(TEXT.encode())
    (tmp_path / "plain.txt").write_text(TEXT, encoding="utf-8")
    found = list(discover([tmp_path], tmp_path))
    assert [c.identity for c in found] == ["caf\\xe9.txt", "plain.txt"]
    assert read_bytes(found[0].file) == TEXT.encode()  # the real name still opens the file


@pytest.mark.parametrize("content", [
    "{Updated} Council approves budget\n\nThe council met on Tuesday and voted.",
    "[Opinion] The harbour deserves better\n\nEvery winter the channel silts up.",
    "[1] is a footnote, and the article goes on.",
])
def test_articles_that_open_with_a_bracket_are_still_articles(tmp_path, content):
    from newscorpus.read.inputs import Stored, pending_documents

    path = tmp_path / "article.txt"
    path.write_text(content, encoding="utf-8")
    [found] = pending_documents(discover([path], tmp_path), Stored(), 10**6, False, lambda record: None)
    assert (found.document.path, found.document.text, found.document.file) == ("article.txt", content, None)
