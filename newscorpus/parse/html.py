"""Saved web pages: trafilatura finds the article in the HTML and reads its metadata (title,
author, date, address); our line rules then go over what it returns, taking out the
furniture it keeps (share lines, newsletter boxes, bylines), and our comment reader splits
its comment text into comments with authors and times.

Chosen by content, not by file name: an HTML page saved as .txt is still HTML, and
`--reprocess` makes the same choice from the stored raw text.
"""
from __future__ import annotations

import re

from ..parts import ArticleParts, Boilerplate, ParsedComment
from .comments import read_zone
from .header import byline
from .rules import Rules
from .units import split_units

# A document that opens (after a byte-order mark, blank space, comments or an XML
# declaration) with a doctype, <html> or <head> is a web page.
HTML_START = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head)[\s>]",
                        re.IGNORECASE | re.DOTALL)
SNIFF_CHARS = 4096
BYLINE_SEARCH_UNITS = 3  # a byline trafilatura left in the text stands in its first lines
BYLINE_MAX_WORDS = 12


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:SNIFF_CHARS]))


def parse_html(html: str, rules: Rules) -> ArticleParts:
    import trafilatura  # imported only when a page is met: it loads lxml and its models

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=True,
                                            include_tables=True, deduplicate=False)
    if extracted is None:
        return ArticleParts()
    found = extracted.as_dict()
    parts = ArticleParts(title=(found.get("title") or "").strip() or None,
                         byline=(found.get("author") or "").strip() or None,
                         published=found.get("date") or None, url=found.get("url") or None,
                         site=(found.get("sitename") or found.get("hostname") or "").strip() or None,
                         categories=_labels(found.get("categories")), tags=_labels(found.get("tags")))
    clean_extracted_text(found.get("text") or "", parts, rules)
    parts.comments = _comments_of(found.get("comments") or "", rules)
    return parts


def clean_extracted_text(text: str, parts: ArticleParts, rules: Rules) -> None:
    """Text an extractor has already cut out of a page (trafilatura, a scraper's export): of our
    rules only the line ones help here (measured on html-train: running the whole plain-text
    parser over trafilatura's text also cut real paragraphs). A byline left in the text moves
    to its field. Positions in the audit count the lines of this text, not of the page."""
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


def _labels(value) -> list[str]:
    items = value if isinstance(value, list) else (value or "").split(",")
    return list(dict.fromkeys(" ".join(str(item).split()) for item in items if str(item).strip()))


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _comments_of(text: str, rules: Rules) -> list[ParsedComment]:
    """trafilatura gives the comment thread as one text: our comment reader splits it where
    it knows the headers; otherwise the thread is kept whole as one comment, so that no
    reader's text is lost or taken for article."""
    if not text.strip():
        return []
    return read_zone(split_units(text), rules).comments or [ParsedComment(0, None, None, text.strip())]
