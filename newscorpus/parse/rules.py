"""Boilerplate rules as data: boilerplate.yaml beside this file, optionally extended by a user's file.

The YAML holds the wordings sites print; article.py, header.py and comments.py hold the
structure. Patterns are compiled once here so that parsing an article never touches the file system.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from dateutil import parser as date_parser

from ..merge import deep_merge

DEFAULT_RULES_PATH = Path(__file__).with_name("boilerplate.yaml")
# Patterns are only tried on lines up to this many characters: beyond it a line is prose, and
# a regular expression over a 2 MB line would cost more than the whole article.
MAX_PATTERN_CHARS = 1_000
REMEMBERED_LINES = 200_000
_MACRO = re.compile(r"\{([A-Z]+)\}")


class RulesError(ValueError):
    """A rules file that cannot be used: not YAML, wrong shape, or a bad pattern."""


@dataclass
class Settings:
    long_words: int = 15
    sentence_words: int = 6
    pattern_max_words: int = 60
    list_end_words: int = 25
    subheading_max_words: int = 12
    title_max_words: int = 30
    section_max_words: int = 4
    comment_author_max_words: int = 8
    comment_prose_words: int = 20
    earliest_year: int = 1900


@dataclass
class Rules:
    settings: Settings = field(default_factory=Settings)
    drop: dict[str, list[re.Pattern]] = field(default_factory=dict)
    list_headings: list[re.Pattern] = field(default_factory=list)
    author_box_headings: list[re.Pattern] = field(default_factory=list)
    author_bio_after_name: list[re.Pattern] = field(default_factory=list)
    comment_section_start: list[re.Pattern] = field(default_factory=list)
    comment_count: list[re.Pattern] = field(default_factory=list)
    comment_chrome: list[re.Pattern] = field(default_factory=list)
    comment_header: list[re.Pattern] = field(default_factory=list)
    comment_trailer: list[re.Pattern] = field(default_factory=list)  # a signature under a comment's text
    commenter_profile: list[re.Pattern] = field(default_factory=list)  # "342 Fans" between name and stamp
    date_line: list[re.Pattern] = field(default_factory=list)
    dateline: list[re.Pattern] = field(default_factory=list)
    image_credit: list[re.Pattern] = field(default_factory=list)
    byline: list[re.Pattern] = field(default_factory=list)
    byline_label: list[re.Pattern] = field(default_factory=list)  # "By" alone, the name on the next line
    author_link: list[re.Pattern] = field(default_factory=list)  # web pages: links to an author's page
    record_fields: object = None  # records.FieldMap: where scraper exports keep each field
    stamp: re.Pattern | None = None  # the STAMP macro alone: a date or time inside a line
    date: re.Pattern | None = None  # the DATE macro alone
    _answers: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False, compare=False)
    # Searched inside a line, not matched against all of it (parse/dates.py):
    date_label: re.Pattern | None = None  # groups `published` and `updated`, with the colon after
    date_words: re.Pattern | None = None  # what dateutil may skip in a date: these words and punctuation
    date_separator: re.Pattern | None = None
    date_trailer: re.Pattern | None = None  # what a date line may end in: "5 min read", "24 Comments"
    date_names: "DateNames | None" = None  # dateutil's parserinfo with the month and weekday names of other languages
    html_modified_meta: frozenset[str] = frozenset()  # names, not patterns

    def dropped_by(self, line: str) -> str | None:
        """Name of the first drop rule matching the whole line, else None."""
        if len(line) > MAX_PATTERN_CHARS or len(line.split()) > self.settings.pattern_max_words:
            return None
        # Remembered: the parser asks about the same line from several places (a comment zone
        # is read again for each candidate start), and trying every drop pattern was most of
        # its time.
        return self.remembered("drop", line, self._first_drop_rule)

    def _first_drop_rule(self, line: str) -> str | None:
        return next((name for name, patterns in self.drop.items() if matches_any(patterns, line)), None)

    def remembered(self, question: str, line: str, answer: Callable[[str], str | None]) -> str | None:
        """answer(line), computed once per line and question while the memory lasts (it is
        emptied when it grows large): answers depend on the line and these rules only."""
        cache = self._answers
        key = (question, line)
        if key in cache:
            return cache[key]
        if len(cache) > REMEMBERED_LINES:
            cache.clear()
        cache[key] = found = answer(line)
        return found


def matches_any(patterns: list[re.Pattern], line: str) -> re.Match | None:
    if len(line) > MAX_PATTERN_CHARS:
        return None
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if match:
            return match
    return None


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        # One line: YAML's messages span several, with a caret under the column.
        raise RulesError(f"cannot read rules file {path}: {' '.join(str(error).split())}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RulesError(f"rules file {path} must hold a mapping at its top level")
    return data


def _expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:  # a macro that names itself would loop forever
        raise RulesError(f"macros nest too deep in {pattern!r}")
    expanded = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
    return expanded if expanded == pattern else _expand(expanded, macros, depth + 1)


def _compile_list(patterns, macros: dict[str, str], where: str) -> list[re.Pattern]:
    if patterns is None:
        return []
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list):
        raise RulesError(f"{where} must be a list of patterns")
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(_expand(str(pattern), macros), re.IGNORECASE))
        except re.error as error:
            raise RulesError(f"bad pattern in {where}: {pattern!r}: {error}") from error
    return compiled


def _settings(values) -> Settings:
    settings = Settings()
    for key, value in (values or {}).items():
        if not hasattr(settings, key):
            raise RulesError(f"unknown setting {key!r}")
        setattr(settings, key, int(value))
    return settings


def build_rules(data: dict) -> Rules:
    macros = {str(k): str(v) for k, v in (data.get("macros") or {}).items()}
    drop = data.get("drop") or {}
    if not isinstance(drop, dict):
        raise RulesError("drop must map a rule name to a list of patterns")
    rules = Rules(
        settings=_settings(data.get("settings")),
        drop={str(name): _compile_list(patterns, macros, f"drop.{name}") for name, patterns in drop.items()},
    )
    for key in ("list_headings", "author_box_headings", "author_bio_after_name", "comment_section_start",
                "comment_count", "comment_chrome", "comment_header", "comment_trailer", "commenter_profile", "date_line", "dateline", "image_credit", "byline",
                "byline_label", "author_link"):
        setattr(rules, key, _compile_list(data.get(key), macros, key))
    if "STAMP" in macros:
        rules.stamp = re.compile(_expand("{STAMP}", macros), re.IGNORECASE)
    if "DATE" in macros:
        rules.date = re.compile(_expand("{DATE}", macros), re.IGNORECASE)
    _compile_dates(rules, data, macros)
    return rules


def _compile_dates(rules: Rules, data: dict, macros: dict[str, str]) -> None:
    labels = data.get("date_labels") or {}
    if not isinstance(labels, dict):
        raise RulesError("date_labels must map published and updated to lists of patterns")
    kinds = [f"(?P<{kind}>{'|'.join(_alternatives(labels.get(kind), macros))})"
             for kind in ("published", "updated") if labels.get(kind)]
    words = "|".join(re.escape(str(word)) for word in (data.get("date_words") or []))
    rules.date_names = _date_names(data.get("month_names") or {}, data.get("weekday_names") or {})
    rules.html_modified_meta = frozenset(str(name).lower() for name in data.get("html_modified_meta") or [])
    try:
        if kinds:
            # the label ends at a word's end, with or without its colon: "Updated21:22", "Date:Nov 5"
            rules.date_label = re.compile(rf"(?<!\w)(?:{'|'.join(kinds)})(?-i:(?![a-z]))\s*:?\s*", re.IGNORECASE)
        rules.date_words = re.compile(rf"(?:[\W_]|\b(?:{words or '(?!)'})\b)*", re.IGNORECASE)
        separators = _alternatives(data.get("date_separators"), macros)
        if separators:
            rules.date_separator = re.compile("|".join(separators), re.IGNORECASE)
        trailers = _alternatives(data.get("date_trailers"), macros)
        if trailers:
            rules.date_trailer = re.compile(rf"(?:[\s,.;|•·–—-]+(?:{'|'.join(trailers)}))+[\s.:]*$", re.IGNORECASE)
    except re.error as error:
        raise RulesError(f"bad pattern in date_labels, date_separators or date_trailers: {error}") from error


class DateNames(date_parser.parserinfo):
    """python-dateutil's English month and weekday names, and those of month_names and weekday_names
    (a class of the module, so that rules sent to worker processes pickle)."""

    def __init__(self, months: dict, weekdays: dict):
        def merged(english, extra):
            return [tuple(names) + tuple(str(name).lower() for name in extra.get(n + 1) or extra.get(str(n + 1)) or [])
                    for n, names in enumerate(english)]
        self.MONTHS = merged(date_parser.parserinfo.MONTHS, months)
        self.WEEKDAYS = merged(date_parser.parserinfo.WEEKDAYS, weekdays)
        super().__init__()


def _date_names(months, weekdays) -> DateNames:
    if not isinstance(months, dict) or not isinstance(weekdays, dict):
        raise RulesError("month_names and weekday_names must map numbers to lists of names")
    return DateNames(months, weekdays)


def _alternatives(patterns, macros: dict[str, str]) -> list[str]:
    if isinstance(patterns, str):
        patterns = [patterns]
    return [f"(?:{_expand(str(pattern), macros)})" for pattern in patterns or []]


def load_rules(extra_path: str | Path | None = None, fields: dict[str, str] | None = None) -> Rules:
    """The default rules, with a user's YAML file merged over them when one is given, and the
    record field names (`fields`: a user's --fields mapping, tried first)."""
    from .records import build_field_map  # records reads web pages, whose parser needs these rules

    data = _read_yaml(DEFAULT_RULES_PATH)
    user = _read_yaml(Path(extra_path)) if extra_path else {}
    rules = build_rules(deep_merge(data, user))
    rules.record_fields = build_field_map(user.get("record_fields"), fields)
    return rules
