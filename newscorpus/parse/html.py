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
from datetime import datetime
from itertools import takewhile

from dateutil import parser as date_parser

from ..parts import ArticleParts, Boilerplate, ParsedComment
from .comments import find_comment_section, read_zone
from .dates import dates_in_line, day_or_month_first, latest_date, page_date_order
from .header import byline, labelled_byline
from .page_text import visible_text
from .rules import Rules, matches_any
from .units import Unit, split_units

# A document that opens (after a byte-order mark, blank space, comments or an XML
# declaration) with a doctype, <html>, <head>, <body> or an element only a page's head holds
# is a web page: saved fragments often lack the doctype and open on <meta> or <style>.
HTML_START = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
                        r"(?:<(?:!doctype\s+html|html|head)[\s>]|<(?:meta|link|base)\s[^<>]*>"
                        r"|<(?:style|script)(?:\s[^<>]*)?>|<(body|title)(?:\s[^<>]*)?>.*?</\1\s*>)",
                        re.IGNORECASE | re.DOTALL)
SNIFF_CHARS = 4096
BYLINE_SEARCH_UNITS = 3  # a byline trafilatura left in the text stands in its first lines
BYLINE_MAX_WORDS = 12
# Lines between a page's printed headline and its article text: where the byline is printed.
PRINTED_BYLINE_WINDOW = 8
HEADLINE_WORDS = (2, 40)  # a printed <h1> of fewer or more words is a logo or a teaser block
LINKED_NAME_WORDS = 5
SHARED_WORDS = 0.3  # share of a printed headline's words its metadata title must also have
MAX_JSON_LD_CHARS = 1_000_000  # a site's whole catalogue inlined as JSON-LD is not the article's metadata


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:SNIFF_CHARS]))


def parse_html(html: str, rules: Rules, saved_at: datetime | None = None) -> ArticleParts:
    """`saved_at`: when the page was saved; no date more than a day after it (without it, after
    today) is the page's."""
    import trafilatura  # imported only when a page is met: it loads lxml and its models

    tree = trafilatura.load_html(html)
    if tree is None:
        return ArticleParts()
    headlines = _headlines(tree)  # before extraction, which prunes the tree it is given
    linked_author = _linked_author(tree, rules)
    page_text = visible_text(tree)
    latest = latest_date(saved_at)
    # The publication date is htmldate's, as trafilatura asks for it (the original date,
    # searching the text too): measured on html-train, no other htmldate setting does better.
    dating = {"original_date": True, "extensive_search": True, "max_date": latest}
    extracted = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=True, include_tables=True,
                                            deduplicate=False, date_extraction_params=dating)
    if extracted is None:
        return ArticleParts()
    found = extracted.as_dict()
    title = _title(headlines, found.get("title"), found.get("sitename"))
    parts = ArticleParts(title=title,
                         published=found.get("date") or None, url=found.get("url") or None,
                         site=(found.get("sitename") or found.get("hostname") or "").strip() or None,
                         categories=_labels(found.get("categories")), tags=_labels(found.get("tags")))
    parts.updated = _modified(tree, parts.published, rules, latest)
    if parts.updated and parts.published and parts.updated <= parts.published:
        parts.updated = None  # changed the day it came out, or metadata out of order: no update to tell
    parts.published = parts.published or parts.updated  # the only date, as for plain text (dates.py)
    clean_extracted_text(found.get("text") or "", parts, rules)
    # one unit per block: a page's lines are no hard-wrapped paragraph to join
    page_lines = [Unit([n], line) for n, line in enumerate(page_text.split("\n"))]
    under_headline = _under(page_lines, [title, *headlines], parts.paragraphs)
    printed = _printed_byline(page_lines, under_headline, parts.paragraphs, rules)
    parts.byline = _byline(found.get("author"), printed, linked_author) or parts.byline  # else one in the text
    shown = _printed_published(page_lines, under_headline, rules, latest)
    if shown and shown[:10] != (parts.published or "")[:10]:
        parts.published = shown
        if parts.updated and parts.updated[:10] <= shown[:10]:
            parts.updated = None
    parts.comments = _comments_of(found.get("comments") or "", rules) or _comments_in_page(page_text, rules)
    return parts


def _headlines(tree) -> list[str]:
    """The page's visible headline candidates: the <h1> of its <article> or <main>, else its
    only <h1> (a page with several h1s uses them for teasers or the logo)."""
    inside = [_one_line(e.text_content()) for e in tree.xpath("//article//h1 | //main//h1")]
    inside = [h for h in inside if h]
    if inside:
        return inside[:1]
    everywhere = [h for h in (_one_line(e.text_content()) for e in tree.iter("h1")) if h]
    return everywhere if len(everywhere) == 1 else []


def _linked_author(tree, rules: Rules) -> str | None:
    """The first link to an author's page whose text is the name in its address: a byline
    that sites render as a link rather than mark up as metadata."""
    for link in tree.iter("a"):
        address = link.get("href") or ""
        match = matches_any(rules.author_link, address) if len(address) < 500 else None
        if match is None:
            continue
        name = _one_line(link.text_content())
        slug = _slug(name or "")
        if slug and len(name.split()) <= LINKED_NAME_WORDS and slug in match.group("slug").lower():
            return name
    return None


def _byline(metadata_author: str | None, printed: tuple[str, str | None] | None,
            linked_author: str | None) -> str | None:
    """The byline as the page prints it, when it names at least the metadata's authors:
    metadata gives only names ("David Brand; Ramsey Khalifeh" for "David Brand and Ramsey
    Khalifeh", "Michael L Anderson" for "Michael L. Anderson, PhD"). A byline under the
    headline is taken even when it names others, unless the metadata's name is printed
    there too: then the metadata is the byline split up ("By April Roach / @aprilroach28 /
    Daniel O'Mahony") or unglued ("Evan HalperStaff Writer"); if not, the metadata's is
    someone else's (a commenter's, the site owner's)."""
    metadata_author = (metadata_author or "").strip()
    if printed:
        name, headline_block = printed
        if not metadata_author or _words(metadata_author) <= _words(name):
            return name
        if headline_block is not None and not all(
                n.casefold() in headline_block.casefold() for n in metadata_author.split("; ")):
            return name
    return metadata_author or linked_author


def _printed_byline(units, under_headline: list[tuple[int, list[int]]], paragraphs: list[str],
                    rules: Rules) -> tuple[str, str | None] | None:
    """The author of the first byline among the page's lines under its printed headline and
    above its article text, with those lines' text; else the first next to the article's
    first paragraph, above it and then under it (a page whose headline is printed unlike its
    metadata title). Never past the article's text: bylines there are teasers'."""
    for blocks, around in (under_headline, False), (_under(units, paragraphs[:1], paragraphs), True):
        for at, under in blocks:
            above = range(max(0, at - PRINTED_BYLINE_WINDOW), at) if around else []
            for k in [*above, *under]:
                found = byline(units[k].text, rules) or labelled_byline(units, k, rules)
                if found and len(found[0].split()) <= BYLINE_MAX_WORDS:
                    return found[0], None if around else "\n".join(units[j].text for j in under)
    return None


def _printed_published(units, under_headline: list[tuple[int, list[int]]], rules: Rules,
                       latest: str) -> str | None:
    """The publication date printed under the headline, labelled so or in the byline
    ("Written: 2023-11-07 15:03:30 / Updated: ...", "By Jane Roe, March 5, 2024"): what the
    reader is told, where htmldate's search of the whole page may find a teaser's date."""
    order = page_date_order([unit.text for unit in units]) if under_headline else None
    for _, under in under_headline:
        for k in under:
            if day_or_month_first(units[k].text) and order is None:
                continue  # "12/04/2020": unless the page's other dates tell, htmldate's reading of the page knows better
            for printed in dates_in_line(units[k].text, rules, order == "day"):
                if printed.kind == "published" and rules.settings.earliest_year <= int(printed.value[:4]) \
                        and printed.value[:10] <= latest:
                    return printed.value
    return None


def _under(units, anchors: list[str | None], paragraphs: list[str]) -> list[tuple[int, list[int]]]:
    """(k, the lines under unit k) for each unit that prints one of the anchors (every place
    the headline is printed: a "Recent posts" list may print it first), up to the article's text."""
    wanted = {tuple(_word_list(a)) for a in anchors if a}
    body = {" ".join(p.split()) for p in paragraphs}
    return [(at, list(takewhile(lambda j: units[j].text not in body,
                                range(at + 1, min(at + 1 + PRINTED_BYLINE_WINDOW, len(units))))))
            for at, unit in enumerate(units) if tuple(_word_list(unit.text)) in wanted]


def _word_list(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _words(text: str) -> set[str]:
    return set(_word_list(text))


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


def _title(headlines: list[str], metadata_title: str | None, site: str | None) -> str | None:
    """The headline as printed over the article, rather than the metadata title: og:title and
    <title> are often rewritten for search and sharing, or carry the site's name (measured on
    html-train: 0.828 of titles right from metadata, 0.898 with the printed headline). The
    printed one is kept only when it is a headline's length and shares words with the
    metadata title, so a newsletter box's <h1> inside the article is not taken for it."""
    metadata_title, site = _one_line(metadata_title), _one_line(site)
    headline = headlines[0] if headlines else None
    if not headline or not HEADLINE_WORDS[0] <= len(headline.split()) <= HEADLINE_WORDS[1]:
        return metadata_title
    if site and site.casefold() == headline.casefold():
        return metadata_title
    if metadata_title and not (site and site.casefold() == metadata_title.casefold()):
        words = _content_words(headline)
        if words and len(words & _content_words(metadata_title)) < SHARED_WORDS * len(words):
            return metadata_title
    return headline


def _content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", text.casefold()) if len(word) > 2}


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def clean_extracted_text(text: str, parts: ArticleParts, rules: Rules) -> None:
    """Text an extractor has already cut out of a page (trafilatura, a scraper's export): of our
    rules only the line ones help here (measured on html-train: running the whole plain-text
    parser over trafilatura's text also cut real paragraphs). A byline left in the text moves
    to its field. Positions in the audit count the lines of this text, not of the page."""
    for k, unit in enumerate(split_units(text)):
        rule = rules.dropped_by(unit.text)  # which tries only lines short enough for a pattern
        if k == 0 and parts.title and _same_words(unit.text, parts.title):
            rule = "title"  # the page's <h1>, which trafilatura keeps as the text's first line
        found_byline = byline(unit.text, rules) if k < BYLINE_SEARCH_UNITS and not rule else None
        if found_byline and unit.words <= BYLINE_MAX_WORDS:
            parts.byline = parts.byline or found_byline[0]
            rule = "byline"
        elif k < BYLINE_SEARCH_UNITS and not rule and unit.words <= BYLINE_MAX_WORDS and dates_in_line(unit.text, rules):
            rule = "date"  # "Written: 2023-11-07 15:03:30 / Updated: ...": the header's, not the text's
        if rule:
            parts.boilerplate.extend(Boilerplate(n, unit.text, rule) for n in unit.lines)
        else:
            parts.paragraphs.append(unit.text)


def _labels(value) -> list[str]:
    items = value if isinstance(value, list) else (value or "").split(",")
    return list(dict.fromkeys(" ".join(str(item).split()) for item in items if str(item).strip()))


def _same_words(a: str, b: str) -> bool:
    return _word_list(a) == _word_list(b)


def _comments_in_page(page_text: str, rules: Rules) -> list[ParsedComment]:
    """The comment thread our plain-text reader finds in the page's visible text, for the many
    pages where trafilatura finds none (html-train: comments found 0.444 -> 0.514; of the
    rest, most are not in the page's text at all). Only the comments are taken: trafilatura's
    article text stays the body."""
    units = split_units(page_text)
    start = find_comment_section(units, 0, rules)
    return read_zone(units[start:], rules).comments if start is not None else []


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
