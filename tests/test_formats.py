"""Files holding many articles — JSON, JSON lines, web archives — and gzipped files, read as a
user's folder of exports would be: one article per record, each with its own identity."""
from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from helpers import SEED_FILES, run_ingest

PAGE = Path(__file__).parent / "data" / "html" / "harbour.html"
STORY = ("The council approved the harbour budget on Tuesday after a long debate.\n"
         "Mayor Jane Roe said: \"This is a good day for the town and for the ferries.\"\n"
         "Critics said the roads to the harbour flood every winter.")
NEWS_PLEASE = {"title": "Council approves harbour budget", "maintext": STORY, "date_publish": "2024-03-05 10:08:00",
               "authors": ["Jane Doe", "Li Wei"], "url": "https://www.example-news.com/harbour-budget",
               "source_domain": "example-news.com", "language": "en"}
NEWSPAPER = {"headline": "Port reopens", "text": "The port reopened on Monday after the storm.\nShips returned.",
             "published": 1709633280000, "author": [{"name": "Olga Petrova"}, {"name": "Reuters"}], "id": 42}


def rows(db_path, sql, *params):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def write_lines(path: Path, records) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def ingest(tmp_path, *arguments):
    result = run_ingest(*arguments, "--db", tmp_path / "c.db", "--root", tmp_path)
    return result, tmp_path / "c.db"


def test_a_json_lines_export_is_one_article_per_record_with_its_metadata(tmp_path):
    write_lines(tmp_path / "export.jsonl", [NEWS_PLEASE, NEWSPAPER])
    result, db = ingest(tmp_path, tmp_path / "export.jsonl")
    assert result.exit_code == 0, result.output
    stored = rows(db, "select a.path, a.title, a.published, a.byline, a.authors, a.url, s.name, a.file "
                      "from articles a join sources s on s.id = a.source_id order by a.id")
    assert stored == [
        ("export.jsonl#https://www.example-news.com/harbour-budget", "Council approves harbour budget",
         "2024-03-05T10:08:00", "Jane Doe; Li Wei", '["Jane Doe", "Li Wei"]',
         "https://www.example-news.com/harbour-budget", "example-news.com", "export.jsonl"),
        ("export.jsonl#42", "Port reopens", "2024-03-05T10:08:00+00:00", "Olga Petrova; Reuters", '["Olga Petrova"]',
         None,
         tmp_path.name, "export.jsonl"),
    ]
    [(body, raw)] = rows(db, "select body, raw_text from articles where path like '%#42'")
    assert body == "The port reopened on Monday after the storm.\n\nShips returned."
    assert json.loads(raw) == NEWSPAPER  # the record itself, for --reprocess
    # the quote and its speaker come out of a record like out of any article
    assert rows(db, "select e.name from quotes q join entities e on e.id = q.speaker_id") == [("Jane Roe",)]


def test_bad_records_are_one_failure_each_and_the_rest_goes_in(tmp_path):
    write_lines(tmp_path / "export.jsonl", [
        NEWS_PLEASE, "{not json", '"just a string"', {"title": "No text", "url": "https://x.org/empty"}, "", NEWSPAPER])
    result, db = ingest(tmp_path, tmp_path / "export.jsonl")
    assert result.exit_code == 1
    assert "2 added" in result.output and "3 failed" in result.output
    failures = dict(rows(db, "select path, error from ingest_errors"))
    assert failures["export.jsonl#2"].startswith("line 2: invalid JSON")
    assert failures["export.jsonl#3"] == "line 3: a JSON str, not an object with an article's fields"
    assert failures["export.jsonl#https://x.org/empty"].startswith("record has no article text")
    assert "--fields text=NAME" in failures["export.jsonl#https://x.org/empty"]
    assert "Traceback" not in result.output


def test_records_are_skipped_updated_and_added_one_by_one(tmp_path):
    export = write_lines(tmp_path / "export.jsonl", [NEWS_PLEASE, NEWSPAPER])
    assert ingest(tmp_path, export)[0].exit_code == 0
    result, db = ingest(tmp_path, export)
    assert "0 added, 0 updated, 2 unchanged" in result.output  # by the file's stat, unread
    [(first_id,)] = rows(db, "select id from articles where path like '%#42'")
    changed = dict(NEWSPAPER, headline="Port reopens after the storm")
    third = dict(NEWSPAPER, id=43, headline="Ferries return")
    write_lines(export, [changed, third])  # the first record left the file
    result, db = ingest(tmp_path, export)
    assert "1 added, 1 updated, 0 unchanged" in result.output, result.output
    assert rows(db, "select id, title from articles where path like '%#42'") == [(first_id, changed["headline"])]
    assert rows(db, "select count(*) from articles") == [(3,)]  # nothing stored is lost


def test_json_documents_lists_and_wrapped_lists(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([NEWSPAPER, dict(NEWSPAPER, id=None, headline="Second")]))
    (tmp_path / "wrapped.json").write_text(json.dumps({"status": "ok", "articles": [NEWS_PLEASE]}))
    (tmp_path / "one.json").write_text(json.dumps(NEWSPAPER, indent=2))
    (tmp_path / "broken.json").write_text('[{"title": "a", ')
    result, db = ingest(tmp_path, tmp_path)
    assert sorted(p for (p,) in rows(db, "select path from articles")) == [
        "list.json#2", "list.json#42", "one.json#42", "wrapped.json#https://www.example-news.com/harbour-budget"]
    assert dict(rows(db, "select path, error from ingest_errors"))["broken.json"].startswith("invalid JSON")


def test_an_export_is_read_by_its_content_whatever_its_name(tmp_path):
    write_lines(tmp_path / "export.txt", [NEWS_PLEASE, NEWSPAPER])
    result, db = ingest(tmp_path, tmp_path)
    assert result.exit_code == 0, result.output
    assert [p for (p,) in rows(db, "select path from articles order by id")] == [
        "export.txt#https://www.example-news.com/harbour-budget", "export.txt#42"]


def test_fields_map_an_unknown_export(tmp_path):
    record = {"story": STORY, "meta": {"hed": "Harbour budget passes"}, "pubDate": "5 March 2024", "link": "https://a.b/c"}
    write_lines(tmp_path / "mine.jsonl", [record])
    result, db = ingest(tmp_path, tmp_path, "--fields", "text=story, title=meta.hed,published=pubDate")
    assert result.exit_code == 0, result.output
    assert rows(db, "select path, title, published, url from articles") == [
        ("mine.jsonl#https://a.b/c", "Harbour budget passes", "2024-03-05", "https://a.b/c")]
    # --reprocess reads the stored record again, with the mapping given to it
    result = run_ingest("--reprocess", "--db", db, "--fields", "text=story,title=meta.hed,published=pubDate")
    assert result.exit_code == 0 and "1 updated" in result.output
    assert rows(db, "select title from articles") == [("Harbour budget passes",)]


@pytest.mark.parametrize("spec, message", [
    ("text", "is not FIELD=NAME"),
    ("body=story", "unknown field 'body'"),
    ("text=", "is not FIELD=NAME"),
])
def test_a_bad_fields_mapping_is_one_line(tmp_path, spec, message):
    result, _ = ingest(tmp_path, tmp_path, "--fields", spec)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def warc(path: Path, records, compress: bool) -> Path:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newscorpus tests"}))
        for uri, body, content_type, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body),
                                                          http_headers=headers))
    return path


PAGE_BYTES = PAGE.read_bytes()
CRAWL = [
    ("https://gazette.example.org/harbour", PAGE_BYTES, "text/html; charset=utf-8", "200 OK"),
    ("https://gazette.example.org/logo.png", b"\x89PNG\r\n", "image/png", "200 OK"),
    ("https://gazette.example.org/old", b"<html>gone</html>", "text/html", "404 Not Found"),
    ("https://gazette.example.org/port", PAGE_BYTES.replace(b"harbour", b"port"), "text/html", "200 OK"),
]


@pytest.mark.parametrize("compress", [False, True])
def test_a_web_archive_gives_each_html_page_as_an_article(tmp_path, compress):
    name = "crawl.warc.gz" if compress else "crawl.warc"
    warc(tmp_path / name, CRAWL, compress)
    result, db = ingest(tmp_path, tmp_path)
    assert "2 added" in result.output and "2 failed" in result.output, result.output
    stored = rows(db, "select a.path, a.title, a.byline, a.published, s.name from articles a "
                      "join sources s on s.id = a.source_id order by a.id")
    assert stored == [
        (f"{name}#https://gazette.example.org/harbour", "Council approves harbour budget", "Jane Doe", "2024-03-05",
         "The Coastal Gazette"),
        (f"{name}#https://gazette.example.org/port", "Council approves port budget", "Jane Doe", "2024-03-05",
         "The Coastal Gazette"),
    ]
    failures = dict(rows(db, "select path, error from ingest_errors"))
    assert failures[f"{name}#https://gazette.example.org/logo.png"] == \
        "not a web page (image/png): only HTML records are read"
    assert failures[f"{name}#https://gazette.example.org/old"] == "HTTP status 404: no page to read"
    assert rows(db, "select count(*) from comments c join articles a on a.id = c.article_id "
                    "where a.path like '%harbour' and c.body like '%About time the pier%'") == [(1,)]
    [(raw,)] = rows(db, "select raw_text from articles where path like '%harbour'")
    assert raw == PAGE_BYTES.decode("utf-8")
    result = run_ingest("--reprocess", "--db", db)
    assert result.exit_code == 0 and "2 updated" in result.output


def test_a_cut_short_archive_keeps_the_records_before_the_damage(tmp_path):
    whole = warc(tmp_path / "whole.warc.gz", CRAWL, True).read_bytes()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cut.warc.gz").write_bytes(whole[: len(whole) * 3 // 4])
    result, db = ingest(tmp_path, folder)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert rows(db, "select path from articles") == [("in/cut.warc.gz#https://gazette.example.org/harbour",)]
    errors = dict(rows(db, "select path, error from ingest_errors"))
    assert errors["in/cut.warc.gz"].startswith("damaged web archive after record ")
    assert errors["in/cut.warc.gz"].endswith("the records before it were read")


def test_gzipped_pages_and_exports_are_read_and_a_truncated_one_is_one_failure(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE_BYTES))
    (tmp_path / "export.jsonl.gz").write_bytes(gzip.compress(json.dumps(NEWSPAPER).encode() + b"\n"))
    (tmp_path / "seed.txt.gz").write_bytes(gzip.compress(SEED_FILES[0].read_bytes()))
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(PAGE_BYTES)[:300])
    packed = bytearray(gzip.compress(PAGE_BYTES))
    packed[40:60] = bytes(20)  # a damaged block in the middle
    (tmp_path / "damaged.html.gz").write_bytes(bytes(packed))
    result, db = ingest(tmp_path, tmp_path)
    assert sorted(p for (p,) in rows(db, "select path from articles")) == [
        "export.jsonl.gz#42", "page.html.gz", "seed.txt.gz"]
    errors = dict(rows(db, "select path, error from ingest_errors"))
    assert errors["cut.html.gz"] == "truncated gzip file: it ends before its data does"
    assert errors["damaged.html.gz"].startswith("damaged gzip file")


def test_a_gzip_bomb_stops_at_the_size_limit(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    result, db = ingest(tmp_path, tmp_path, "--max-bytes", "1000000")
    assert rows(db, "select error from ingest_errors") == [
        ("unpacks to over the 1.0 MB limit (raise it with --max-bytes if this really is one article)",)]


def test_a_folder_mixing_every_format(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    (folder / "notes.md").write_text("# Harbour notes\n\n" + STORY.replace("\n", "\n\n") + "\n")
    shutil.copy(PAGE, folder / "page.html")
    write_lines(folder / "export.jsonl", [NEWS_PLEASE])
    warc(folder / "crawl.warc.gz", CRAWL[:1], True)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")  # not an article name: not looked at
    result, db = ingest(tmp_path, folder)
    assert result.exit_code == 0, result.output
    stored = {path: rest for path, *rest in rows(
        db, "select a.path, length(a.body) > 100, s.name from articles a join sources s on s.id = a.source_id")}
    assert stored == {
        f"inbox/{SEED_FILES[0].name}": [1, "inbox"],
        "inbox/notes.md": [1, "inbox"],
        "inbox/page.html": [1, "The Coastal Gazette"],
        "inbox/export.jsonl#https://www.example-news.com/harbour-budget": [1, "example-news.com"],
        "inbox/crawl.warc.gz#https://gazette.example.org/harbour": [1, "The Coastal Gazette"],
    }
    described = rows(db, "select path, title, byline, published, url from articles where path not like '%.txt' "
                         "and path not like '%.md' order by path")
    assert described == [
        ("inbox/crawl.warc.gz#https://gazette.example.org/harbour", "Council approves harbour budget", "Jane Doe",
         "2024-03-05", "https://gazette.example.org/news/2024/03/harbour-budget"),
        ("inbox/export.jsonl#https://www.example-news.com/harbour-budget", "Council approves harbour budget",
         "Jane Doe; Li Wei", "2024-03-05T10:08:00", "https://www.example-news.com/harbour-budget"),
        ("inbox/page.html", "Council approves harbour budget", "Jane Doe", "2024-03-05",
         "https://gazette.example.org/news/2024/03/harbour-budget"),
    ]
    # --source still names every article's source
    result = run_ingest(folder, "--db", tmp_path / "named.db", "--root", tmp_path, "--source", "My inbox")
    assert rows(tmp_path / "named.db", "select distinct s.name from sources s") == [("My inbox",)]


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:08:00Z", "2024-03-05T10:08:00+00:00"),
    ("2024-03-05 10:08:00", "2024-03-05T10:08:00"),
    ("5 March 2024", "2024-03-05"),
    ("Tue, 05 Mar 2024 10:08:00 GMT", "2024-03-05T10:08:00+00:00"),
    ("20240305T100800Z", "2024-03-05T10:08:00+00:00"),  # GDELT's seendate
    (1709633280, "2024-03-05T10:08:00+00:00"),
    (1709633280000, "2024-03-05T10:08:00+00:00"),
    ("yesterday", None),  # no anchor to read it against
    ("March", None),  # no year: not a date to store
    (True, None),
])
def test_export_dates(value, expected):
    from newscorpus.parse import load_rules, parse_record

    rules = load_rules()
    assert parse_record({"text": STORY, "date": value}, rules, rules.record_fields).published == expected


def test_export_fields_in_their_many_shapes():
    from newscorpus.parse import load_rules, parse_record

    rules = load_rules()
    record = {"Headline": "  Port\nreopens ", "articleBody": "<p>The port reopened.</p><p>Ships &amp; ferries returned.</p>",
              "creator": [{"name": "Olga Petrova"}, "Li Wei", {"name": "Olga Petrova"}], "keywords": "port, storm;ferries",
              "category": ["News", "Local"], "link": "https://www.harbour-times.co.uk/port", "dateModified": "2024-03-06"}
    parts = parse_record(record, rules, rules.record_fields)
    assert parts.title == "Port reopens"  # field names match whatever their case
    assert parts.paragraphs == ["The port reopened.", "Ships & ferries returned."]
    assert parts.byline == "Olga Petrova; Li Wei"
    assert (parts.tags, parts.categories) == (["port", "storm", "ferries"], ["News", "Local"])
    assert parts.site == "harbour-times.co.uk"  # from the address when no site field is given
    assert (parts.published, parts.updated) == (None, "2024-03-06")


def test_fields_given_by_the_user_come_before_the_common_names():
    from newscorpus.parse import load_rules, parse_record

    rules = load_rules(fields={"text": "summary_full", "title": "seo.title"})
    record = {"text": "A teaser only.", "summary_full": STORY, "title": "Short", "seo": {"title": "The long title"}}
    parts = parse_record(record, rules, rules.record_fields)
    assert parts.title == "The long title" and parts.body.startswith("The council approved")


def test_a_rules_file_can_name_record_fields_and_a_bad_one_is_refused(tmp_path):
    from newscorpus.parse import RulesError, load_rules

    good = tmp_path / "good.yaml"
    good.write_text("record_fields:\n  text: [story_text]\n")
    assert load_rules(good).record_fields.names["text"][0] == "story_text"
    bad = tmp_path / "bad.yaml"
    bad.write_text("record_fields:\n  body: [story_text]\n")
    with pytest.raises(RulesError, match="unknown field 'body'"):
        load_rules(bad)
    result, _ = ingest(tmp_path, tmp_path, "--rules", bad)
    assert result.exit_code == 1 and "unknown field 'body'" in result.output and "Traceback" not in result.output

