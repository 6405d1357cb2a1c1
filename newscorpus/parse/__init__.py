"""Parsing: a page's text -> `ArticleParts` (header fields, clean body, reader comments, the boilerplate audit).

The wordings of page furniture are data in `boilerplate.yaml`; the modules hold the structure.
"""
from datetime import datetime

from ..parts import ArticleParts
from .article import default_rules, parse_article
from .bylines import authors_of
from .html import looks_like_html, parse_html
from .records import FieldsError, RecordError, parse_field_overrides, parse_record, record_of
from .rules import Rules, RulesError, load_rules

__all__ = ["FieldsError", "RecordError", "Rules", "RulesError", "authors_of", "load_rules", "looks_like_html",
           "parse_article", "parse_field_overrides", "parse_html", "parse_page", "parse_record"]


def parse_page(text: str, rules: Rules | None = None, saved_at: datetime | None = None) -> ArticleParts:
    """Any stored document, chosen by its content: a scraper's record (a JSON object) by its
    fields, a web page through trafilatura and our rules, plain text through ours. The people
    of the byline are read here, after every parser, so every format names them alike.
    `saved_at` (the file's modification time) bounds the dates read from pages: none is later."""
    rules = rules or default_rules()
    record = record_of(text)
    if record is not None:
        parts = parse_record(record, rules, rules.record_fields)
    elif looks_like_html(text):
        parts = parse_html(text, rules, saved_at)
    else:
        parts = parse_article(text, rules, saved_at)
    if not parts.authors:
        parts.authors = authors_of(parts.byline)
    return parts
