"""Saved web pages: trafilatura finds the article in the HTML and reads its metadata (title,
author, date, address); our line rules then go over what it returns, taking out the
furniture it keeps (share lines, newsletter boxes, bylines), and our comment reader splits
its comment text into comments with authors and times.

Chosen by content, not by file name: an HTML page saved as .txt is still HTML, and
`--reprocess` makes the same choice from the stored raw text.
"""
from __future__ import annotations

import json
import re
import warnings
from datetime import datetime, timedelta

from dateutil import parser as date_parser

from ..parts import ArticleParts, Boilerplate, ParsedComment
from .comments import read_zone
from .header import byline
from .rules import Rules
from .units import split_units

# A document that opens (after a byte-order mark, blank space, comments or an XML
# declaration) with a doctype, <html>, <head> or <body>, or with what stands in a head
# (a page saved from its first <meta> or <style> on, without the tags around them), is a web page.
HTML_START = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
                        r"<(?:!doctype\s+html|html|head|body|meta|title|style|script|link|base)[\s>/]",
                        re.IGNORECASE | re.DOTALL)
SNIFF_CHARS = 4096
BYLINE_SEARCH_UNITS = 3  # a byline trafilatura left in the text stands in its first lines
BYLINE_MAX_WORDS = 12
MAX_JSON_LD_CHARS = 1_000_000  # a site's whole catalogue inlined as JSON-LD is not the article's metadata


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:SNIFF_CHARS]))


def parse_html(html: str, rules: Rules, saved_at: datetime | None = None) -> ArticleParts:
    """`saved_at`: when the page was saved; no date of it is later (without it, no date after today)."""
    import trafilatura  # imported only when a page is met: it loads lxml and its models

    tree = trafilatura.load_html(html)
    latest = ((saved_at or datetime.now()) + timedelta(days=1)).date().isoformat()  # time zones
    # The publication date is htmldate's, as trafilatura asks for it (the original date,
    # searching the text too): measured on html-train, no other htmldate setting does better.
    dating = {"original_date": True, "extensive_search": True, "max_date": latest}
    extracted = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=True, include_tables=True,
                                            deduplicate=False, date_extraction_params=dating) if tree is not None else None
    if extracted is None:
        return ArticleParts()
    found = extracted.as_dict()
    parts = ArticleParts(title=(found.get("title") or "").strip() or None,
                         byline=(found.get("author") or "").strip() or None,
                         published=found.get("date") or None, url=found.get("url") or None)
    parts.updated = _modified(tree, parts.published, rules, latest)
    if parts.updated and parts.published and parts.updated <= parts.published:
        parts.updated = None  # changed the day it came out, or metadata out of order: no update to tell
    parts.published = parts.published or parts.updated  # the only date, as for plain text (dates.py)
    _clean_text(found.get("text") or "", parts, rules)
    parts.comments = _comments_of(found.get("comments") or "", rules)
    return parts


def _clean_text(text: str, parts: ArticleParts, rules: Rules) -> None:
    """trafilatura has already found where the article is; of our rules only the line ones
    help here (measured on html-train: running the whole plain-text parser over its text also
    cut real paragraphs). A byline it left in the text moves to its field. Positions in the
    audit count the lines of trafilatura's text, not of the page."""
    for k, unit in enumerate(split_units(text)):
        rule = rules.dropped_by(unit.text) if unit.words <= rules.settings.pattern_max_words else None
        if k == 0 and parts.title and _same_words(unit.text, parts.title):
            rule = "title"  # the page's <h1>, which trafilatura keeps as the text's first line
        found_byline = byline(unit.text, rules) if k < BYLINE_SEARCH_UNITS and not rule else None
        if found_byline and len(unit.text.split()) <= BYLINE_MAX_WORDS:
            parts.byline = parts.byline or found_byline[0]
            rule = "byline"
        if rule:
            parts.boilerplate.extend(Boilerplate(n, unit.text, rule) for n in unit.lines)
        else:
            parts.paragraphs.append(unit.text)


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _comments_of(text: str, rules: Rules) -> list[ParsedComment]:
    """trafilatura gives the comment thread as one text: our comment reader splits it where
    it knows the headers; otherwise the thread is kept whole as one comment, so that no
    reader's text is lost or taken for article."""
    if not text.strip():
        return []
    return read_zone(split_units(text), rules).comments or [ParsedComment(0, None, None, text.strip())]


def _modified(tree, published: str | None, rules: Rules, latest: str) -> str | None:
    """The day the page's metadata says it was last changed: a <meta> named so, else the
    dateModified of its JSON-LD article (the one published that day, when several are). A
    date read from the text would as often be a teaser's or a comment's."""
    for element in tree.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if name.lower() in rules.html_modified_meta:
            day = _day(element.get("content"), rules, latest)
            if day:
                return day
    works = [item for item in _json_ld(tree) if item.get("dateModified") and item.get("datePublished")]
    chosen = [item for item in works if _day(item["datePublished"], rules, latest) == published] or works
    return _day(chosen[0]["dateModified"], rules, latest) if chosen else None


def _json_ld(tree) -> list[dict]:
    items: list = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        text = script.text or ""
        try:
            items.append(json.loads(text) if len(text) < MAX_JSON_LD_CHARS else None)
        except ValueError:
            continue  # broken JSON-LD is common; the page may carry its dates elsewhere
    found = []
    while items:
        item = items.pop(0)
        if isinstance(item, list):
            items.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            items.extend(graph if isinstance(graph, list) else [graph])
    return found


def _day(value, rules: Rules, latest: str) -> str | None:
    """YYYY-MM-DD of a machine-readable date ("2020-10-12T12:38:29+00:00", "06/13/2019",
    "Tue Feb 20 2018 01:00:00 GMT+0100"), as printed; None when implausible."""
    if not isinstance(value, str) or not re.search(r"\d{4}", value):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            day = date_parser.parse(value[:80], fuzzy=True, ignoretz=True).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        return None
    return day if int(day[:4]) >= rules.settings.earliest_year and day <= latest else None
