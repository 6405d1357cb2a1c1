"""One record of a scraper export (a JSON object) -> `ArticleParts`.

Exports name their fields in many ways (news-please's `maintext`, newspaper's `text`, a CMS's
`body`); `record_fields.yaml` lists the names, and a user maps anything else with `--fields`.
The record is stored whole as the article's raw text, so `--reprocess` reads it again here.
"""
from __future__ import annotations

import json
import re
import warnings
from datetime import UTC, datetime
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from dateutil import parser as date_parser

from ..parts import ArticleParts
from .html import clean_extracted_text, looks_like_html
from .rules import RulesError

FIELDS_PATH = Path(__file__).with_name("record_fields.yaml")
OUR_FIELDS = ("text", "title", "published", "updated", "byline", "url", "site", "section", "categories", "tags", "id")
MAX_NESTING = 5  # "a.b.c": deeper paths are not a field name any export uses
# Epoch numbers: seconds until about year 5000, milliseconds beyond.
EPOCH_MILLISECONDS = 10**11
BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|section|article|tr)\s*>|<br\s*/?>", re.IGNORECASE)
HAS_TAG = re.compile(r"<(?:p|div|br|span|a|h[1-6]|li|em|strong|b|i)\b[^>]*>", re.IGNORECASE)
TIME_IN_VALUE = re.compile(r"\d[T ]\d{1,2}:\d{2}")


class FieldsError(RulesError):
    """A --fields mapping or record_fields key that cannot be used; the message is one line."""


class RecordError(ValueError):
    """A record that holds no article; the message is the one line the user sees."""


class FieldMap:
    """For each field of ours, the record field names tried in order."""

    def __init__(self, names: dict[str, list[str]]):
        self.names = {field: [name.casefold() for name in names.get(field, [])] for field in OUR_FIELDS}

    def value(self, record: dict, field: str):
        """The first non-empty value the record holds for one of our fields, else None."""
        lowered = None
        for name in self.names[field]:
            if "." in name:
                found = _nested(record, name.split(".")[:MAX_NESTING])
            else:
                if name in record:
                    found = record[name]
                else:
                    lowered = lowered if lowered is not None else {str(k).casefold(): v for k, v in record.items()}
                    found = lowered.get(name)
            if found not in (None, "", [], {}):
                return found
        return None

    def key_of(self, record: dict) -> str | None:
        """What identifies the record between runs: its URL, else its id."""
        for field in ("url", "id"):
            found = self.value(record, field)
            if isinstance(found, (str, int)) and not isinstance(found, bool) and str(found).strip():
                return str(found).strip()
        return None


def _nested(record, path: list[str]):
    for part in path:
        if not isinstance(record, dict):
            return None
        record = {str(k).casefold(): v for k, v in record.items()}.get(part)
    return record


def build_field_map(extra: dict | None = None, overrides: dict[str, str] | None = None) -> FieldMap:
    """The built-in names, a rules file's `record_fields` before them, `--fields` before all."""
    names = {field: list(values) for field, values in _default_names().items()}
    for source, where in ((extra or {}, "record_fields"), ({k: [v] for k, v in (overrides or {}).items()}, "--fields")):
        if not isinstance(source, dict):
            raise FieldsError(f"{where} must map a field ({', '.join(OUR_FIELDS)}) to record field names")
        for field, values in source.items():
            if field not in OUR_FIELDS:
                raise FieldsError(f"{where}: unknown field {field!r}; fields are {', '.join(OUR_FIELDS)}")
            values = [values] if isinstance(values, str) else values
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise FieldsError(f"{where}: {field} must name record fields")
            names[field] = [v.strip() for v in values] + [n for n in names.get(field, []) if n not in values]
    return FieldMap(names)


def parse_field_overrides(spec: str | None) -> dict[str, str]:
    """`text=story,published=pubDate` -> {"text": "story", "published": "pubDate"}."""
    mapping = {}
    for item in filter(None, (part.strip() for part in (spec or "").split(","))):
        field, sep, name = item.partition("=")
        if not sep or not field.strip() or not name.strip():
            raise FieldsError(f"--fields: {item!r} is not FIELD=NAME (e.g. text=story,published=pubDate)")
        if field.strip() not in OUR_FIELDS:
            raise FieldsError(f"--fields: unknown field {field.strip()!r}; fields are {', '.join(OUR_FIELDS)}")
        mapping[field.strip()] = name.strip()
    return mapping


@lru_cache(maxsize=1)
def _default_names() -> dict[str, list[str]]:
    data = yaml.safe_load(FIELDS_PATH.read_text(encoding="utf-8")) or {}
    return {str(k): [str(v) for v in values] for k, values in data.items()}


def record_of(text: str) -> dict | None:
    """The JSON object a stored record's raw text holds; None for any other text."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("{"):
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def record_text(record: dict, fields: FieldMap) -> str | None:
    """The article text of a record, as plain text with one paragraph per line."""
    value = fields.value(record, "text")
    if isinstance(value, list):
        value = "\n\n".join(str(v) for v in value if isinstance(v, (str, int, float)))
    if not isinstance(value, str) or not value.strip():
        return None
    if looks_like_html(value) or HAS_TAG.search(value[:5000]):
        value = _html_fragment_text(value)
    return value.strip() or None


def _html_fragment_text(fragment: str) -> str:
    from lxml import html as lxml_html  # comes with trafilatura

    marked = BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    try:
        text = lxml_html.fromstring(f"<div>{marked}</div>").text_content()
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        text = re.sub(r"<[^>]+>", " ", marked)
    return unescape(text)


def parse_record(record: dict, rules, fields: FieldMap) -> ArticleParts:
    parts = ArticleParts(
        title=_one_line(fields.value(record, "title")),
        section=_one_line(fields.value(record, "section")),
        published=_iso_date(fields.value(record, "published")),
        updated=_iso_date(fields.value(record, "updated")),
        url=_one_line(fields.value(record, "url")),
        categories=_labels(fields.value(record, "categories")),
        tags=_labels(fields.value(record, "tags")),
    )
    if parts.updated == parts.published:
        parts.updated = None
    # "; " between the names of a list, as trafilatura joins them: parse_page's byline reader
    # splits there (and still drops an outlet an export lists among its authors).
    parts.byline = "; ".join(_names(fields.value(record, "byline"))) or None
    parts.site = _site(fields.value(record, "site"), parts.url)
    text = record_text(record, fields)
    if text is None:
        raise RecordError(f"record has no article text (looked for {', '.join(fields.names['text'][:6])}, ...); "
                          "name the field with --fields text=NAME")
    clean_extracted_text(text, parts, rules)
    return parts


def _one_line(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("href")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _names(value) -> list[str]:
    """Authors as exports give them: a string, a list of strings, or objects with a name."""
    items = value if isinstance(value, list) else [value]
    names = [_one_line(item) for item in items]
    return list(dict.fromkeys(name for name in names if name))


def _labels(value) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"\s*[,;|]\s*", value)
    return _names(value) if isinstance(value, list) else []


def _site(value, url: str | None) -> str | None:
    name = _one_line(value)
    if name:
        return re.sub(r"^www\.", "", name, flags=re.IGNORECASE)
    return host_of(url)


def host_of(url: str | None) -> str | None:
    """example.com for https://www.example.com/a: the site a page's address names."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return re.sub(r"^www\.", "", host) if host else None


def _iso_date(value) -> str | None:
    """ISO 8601 for an export's date: an ISO or printed string, or epoch seconds/milliseconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) >= EPOCH_MILLISECONDS else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).isoformat(timespec="seconds")
        except (OverflowError, OSError, ValueError):
            return None
    value = _one_line(value)
    if not value or len(value) > 100:
        return None
    try:
        moment = date_parser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                moment = date_parser.parse(value, default=datetime(1, 1, 1))
        except (ValueError, OverflowError, TypeError):
            return None
        if moment.year == 1:
            return None
    if not TIME_IN_VALUE.search(value) and not (moment.hour or moment.minute or moment.second):
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")
