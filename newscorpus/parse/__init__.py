"""Parsing: a page's text -> `ArticleParts` (header fields, clean body, reader comments, the boilerplate audit).

The wordings of page furniture are data in `boilerplate.yaml`; the modules hold the structure.
"""
from datetime import datetime

from ..parts import ArticleParts
from .article import default_rules, parse_article
from .html import looks_like_html, parse_html
from .rules import Rules, RulesError, load_rules

__all__ = ["parse_page", "parse_article", "parse_html", "looks_like_html", "load_rules", "Rules", "RulesError"]


def parse_page(text: str, rules: Rules | None = None, saved_at: datetime | None = None) -> ArticleParts:
    """Any stored document: a web page through trafilatura and our rules, plain text through ours.
    `saved_at` (the file's modification time) bounds the dates read: none is later."""
    rules = rules or default_rules()
    if looks_like_html(text):
        return parse_html(text, rules, saved_at)
    return parse_article(text, rules, saved_at)
