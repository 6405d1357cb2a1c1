"""Plain-text article -> ArticleParts: title and header fields, clean body, reader comments.

The page is read top to bottom in zones:
  header   lines before the first line of article text: title, section, byline, credit, date
  body     from the first line of article text to the comment section (or the end), with
           furniture lines, teaser lists and author boxes taken out
  comments the comment section: comments, and chrome that is kept aside as boilerplate
Every removed line is kept in `boilerplate` with the rule that removed it. The wordings of
furniture are data (boilerplate.yaml, compiled by rules.py); this module holds the
structure. Being conservative with the body: a stray line kept costs less than a lost
paragraph.
"""
from __future__ import annotations

import re
from datetime import datetime

from ..parts import ArticleParts, Boilerplate
from .comment_zone import comment_count
from .comments import find_comment_section, read_zone
from .bare_bylines import name_beside_date
from .dates import dated_article
from .indented_comments import find_indented_thread, indents_of, read_indented_zone
from .header import (
    byline,
    labelled_byline,
    find_image_credit,
    find_title,
    image_credit,
    split_dateline,
    strip_quote_marks,
)
from .rules import Rules, load_rules, matches_any
from .units import Unit, is_content, is_date_line, is_sentence, split_units

__all__ = ["parse_article", "load_rules", "Rules"]

_default_rules: Rules | None = None
BYLINE_SEARCH_UNITS = 4
STANDALONE_WORDS = 20  # a sentence this long starts the body even with no text right after it
CONTENT_GAP = 3
NEWSLETTER_STRAPLINE_WORDS = 25
AUTHOR_BIO_TAIL = 3  # an author's bio is among the last paragraphs left after furniture
AUTHOR_BIO_MAX_WORDS = 200
NUMBERED_ITEM = re.compile(r"(\d{1,3})[.)]\s+\S")
NUMBERED_LIST_ITEMS = 3  # fewer numbered lines are no list


def default_rules() -> Rules:
    global _default_rules  # loaded once per process: the YAML never changes under a run
    if _default_rules is None:
        _default_rules = load_rules()
    return _default_rules


def parse_article(text: str, rules: Rules | None = None, saved_at: datetime | None = None) -> ArticleParts:
    """`saved_at`: when the file was saved (its modification time); a date more than a day
    after it (time zones) is no date of the article. Without it, the same holds of today."""
    rules = rules or default_rules()
    parts = ArticleParts()
    units = split_units(text or "")
    if not units:
        return parts

    title_lines = find_title(units, rules)
    if title_lines.title is not None:
        parts.title = units[title_lines.title].text
    if title_lines.section is not None:
        parts.section = units[title_lines.section].text
    after_title = max(i for i in (title_lines.title, title_lines.section, -1) if i is not None) + 1

    comment_start = find_comment_section(units, after_title, rules)
    indents = indents_of(text, units)
    indented = None
    if comment_start is None:  # no marker, stamp or signature: the thread may show by its indentation
        indented = find_indented_thread(units, indents, after_title, rules)
        comment_start = indented
    body_end = len(units) if comment_start is None else comment_start
    body_start = _find_body_start(units, after_title, body_end, rules)

    _read_header(units[after_title:body_start], parts, rules)
    parts.published, parts.updated, dated = dated_article(units, after_title, body_start, body_end, rules, saved_at)
    named = name_beside_date(units, dated, after_title, body_end, rules) if parts.byline is None else None
    if named:
        parts.byline = named[0]
    if comment_start is not None:
        zone = (read_zone(units[comment_start:], rules) if indented is None
                else read_indented_zone(units[comment_start:], indents[comment_start:], rules))
        parts.comments = zone.comments
        parts.comment_count_shown = zone.count_shown
        parts.boilerplate.extend(zone.boilerplate)
    kept = _clean_body(units[body_start:body_end], parts, rules)
    if named and named[1] >= body_start:  # the name line stood among the first lines of text
        kept = [unit for unit in kept if unit is not units[named[1]] or _discard(parts, unit, "byline")]
    kept = _drop_author_bio(kept, parts, rules)
    _finish_body(kept, parts, rules)
    parts.boilerplate.sort(key=lambda b: b.position)
    return parts


def _find_body_start(units: list[Unit], start: int, end: int, rules: Rules) -> int:
    """The first paragraph of article text: a long one, or one with more text close behind.
    A lone sentence among menus ("Get the new mobile app today!") is still page header."""
    content = [is_content(units[i], rules) for i in range(start, end)]
    for k, is_text in enumerate(content):
        if not is_text:
            continue
        unit = units[start + k]
        if (unit.words >= STANDALONE_WORDS and is_sentence(unit.text)) or any(content[k + 1:k + 1 + CONTENT_GAP]):
            return start + k
    return next((start + k for k, is_text in enumerate(content) if is_text), end)


def _read_header(header: list[Unit], parts: ArticleParts, rules: Rules) -> None:
    """Every header line goes to boilerplate; the fields it prints are kept."""
    for k, unit in enumerate(header):
        rule = "header"
        credit = image_credit(unit.text, rules)
        found_byline = byline(unit.text, rules) or labelled_byline(header, k, rules)
        count = comment_count(unit.text, rules)
        if credit and parts.image_credit is None:
            parts.image_credit, rule = credit, "image_credit"
        elif found_byline and parts.byline is None:
            parts.byline, rule = found_byline[0], "byline"
        elif count is not None:
            rule = "comment_count"
        else:
            rule = rules.dropped_by(unit.text) or rule
        _discard(parts, unit, rule)


def _discard(parts: ArticleParts, unit: Unit, rule: str) -> None:
    parts.boilerplate.extend(Boilerplate(n, unit.text, rule) for n in unit.lines)


def _clean_body(body: list[Unit], parts: ArticleParts, rules: Rules) -> list[Unit]:
    """Drop furniture lines, teaser lists and author boxes; return what stays."""
    kept: list[Unit] = []
    previous_rule = None
    i = 0
    while i < len(body):
        unit = body[i]
        text = unit.text
        if matches_any(rules.list_headings, text) and unit.words <= 12:
            i = _skip_list(body, i, parts, rules, "related_list")
            previous_rule = None
            continue
        if matches_any(rules.author_box_headings, text) and unit.words <= 12:
            i = _skip_author_box(body, i, parts, rules)
            previous_rule = None
            continue
        rule = _furniture_rule(unit, parts, rules, near_top=len(kept) < BYLINE_SEARCH_UNITS)
        if rule is None and previous_rule == "newsletter" and _inside_newsletter_box(body, i, rules):
            rule = "newsletter"
        previous_rule = rule
        if rule:
            _discard(parts, unit, rule)
        else:
            kept.append(unit)
        i += 1
    return _drop_trailing_furniture(kept, parts, rules)


def _inside_newsletter_box(body: list[Unit], i: int, rules: Rules) -> bool:
    """The strapline of a sign-up box ("Daily news about the politics ... shaping our world."),
    between its heading and its form: short, with furniture on both sides."""
    return (body[i].words <= NEWSLETTER_STRAPLINE_WORDS and i + 1 < len(body)
            and rules.dropped_by(body[i + 1].text) is not None)


def _furniture_rule(unit: Unit, parts: ArticleParts, rules: Rules, near_top: bool) -> str | None:
    text = unit.text
    if unit.words > rules.settings.pattern_max_words:
        return None
    rule = rules.dropped_by(text)
    if rule:
        return rule
    found_credit = find_image_credit(text, rules)
    if found_credit:
        credit, bare = found_credit
        parts.image_credit = parts.image_credit or credit
        if bare:  # a caption that names its photographer stays: it is text the reader sees
            return "image_credit"
    count = comment_count(text, rules)
    if count is not None:
        if parts.comment_count_shown is None:
            parts.comment_count_shown = count
        return "comment_count"
    if is_date_line(text, rules):
        return "date"
    if (near_top and unit.words <= 12) or (unit.words <= 6 and not is_sentence(text)):
        found = byline(text, rules)
        if found:
            parts.byline = parts.byline or found[0]
            return "byline"
    return None


def _skip_list(body: list[Unit], i: int, parts: ArticleParts, rules: Rules, rule: str) -> int:
    """A teaser list runs from its heading over headlines, bylines and dates until a real
    paragraph comes back."""
    _discard(parts, body[i], rule)
    i += 1
    end_words = rules.settings.list_end_words
    while i < len(body):
        unit = body[i]
        if (unit.words >= end_words and is_sentence(unit.text)) or unit.words >= 2 * end_words:
            break
        _discard(parts, unit, rule)
        i += 1
    return i


def _skip_author_box(body: list[Unit], i: int, parts: ArticleParts, rules: Rules) -> int:
    """The heading, the short lines of the box, and the one bio paragraph under them."""
    _discard(parts, body[i], "author_box")
    i += 1
    while i < len(body) and not is_content(body[i], rules):
        _discard(parts, body[i], "author_box")
        i += 1
    if i < len(body) and body[i].words < 120:
        _discard(parts, body[i], "author_box")
        i += 1
    return i


def _drop_trailing_furniture(kept: list[Unit], parts: ArticleParts, rules: Rules) -> list[Unit]:
    """A run of short lines after the last paragraph is page furniture (menus, link lists)."""
    # a closing "Thank you." of an interview is a sentence, and a captioned photo is content
    last = max((k for k, unit in enumerate(kept) if is_content(unit, rules)
                or (is_sentence(unit.text) and unit.words >= 2)
                or find_image_credit(unit.text, rules)), default=-1)
    listed = _numbered_list_end(kept[last + 1:])
    if listed is not None:
        last += listed + 1  # the article's own list ("1. In The Dirt - S. Carey", "2. ..."), not a menu
    for unit in kept[last + 1:]:
        _discard(parts, unit, "trailing_furniture")
    return kept[:last + 1]


def _numbered_list_end(tail: list[Unit]) -> int | None:
    """Index of the last item of a list numbered 1, 2, 3, ... in these short lines, or None:
    a playlist or a list of products closing the article. (Lists under a "Most read" heading
    are gone before this.)"""
    expected, end = 1, None
    for k, unit in enumerate(tail):
        number = NUMBERED_ITEM.match(unit.text)
        if number is None:
            continue
        if int(number.group(1)) != expected:
            break
        expected, end = expected + 1, k
    return end if expected - 1 >= NUMBERED_LIST_ITEMS else None


def _drop_author_bio(kept: list[Unit], parts: ArticleParts, rules: Rules) -> list[Unit]:
    """A closing paragraph about the byline's author ("Jane Doe is a senior writer ...",
    "Jane covers ...") is page furniture with no heading to find it by. Only the author's full
    or first name counts: a surname alone is too often also the subject's."""
    names = _author_names(parts.byline)
    if not names:
        return kept
    tail_start = max(1, len(kept) - AUTHOR_BIO_TAIL)
    for k in range(len(kept) - 1, tail_start - 1, -1):
        unit = kept[k]
        if unit.words <= AUTHOR_BIO_MAX_WORDS and _is_bio_of(unit.text, names, rules):
            _discard(parts, unit, "author_bio")
            return kept[:k] + kept[k + 1:]
    return kept


def _author_names(byline_text: str | None) -> list[str]:
    names = []
    for name in re.split(r"\s*(?:,|&|\band\b)\s*", byline_text or ""):
        words = name.split()
        if len(words) >= 2:
            names.append(name)
            if len(words[0]) >= 3 and words[0][0].isupper():
                names.append(words[0])
    return names


def _is_bio_of(text: str, names: list[str], rules: Rules) -> bool:
    folded = text.casefold()
    for name in names:
        if folded.startswith(name.casefold() + " "):
            return bool(matches_any(rules.author_bio_after_name, text[len(name) + 1:]))
    return False


def _finish_body(kept: list[Unit], parts: ArticleParts, rules: Rules) -> None:
    paragraphs = [unit.text for unit in kept]
    if paragraphs:
        found = split_dateline(paragraphs[0], rules)
        if found:
            parts.dateline, paragraphs[0] = found
    parts.paragraphs = paragraphs
    parts.subheadings = [strip_quote_marks(kept[k].text) for k in range(len(kept))
                         if _is_subheading(kept, k, rules)]


def _is_subheading(kept: list[Unit], k: int, rules: Rules) -> bool:
    """A short line between paragraphs that does not end like a sentence and opens the
    paragraph after it."""
    if k == 0 or k + 1 >= len(kept):
        return False
    text = kept[k].text
    if kept[k].words > rules.settings.subheading_max_words or len(text) > 100:
        return False
    if re.search(r"[.,;:]$", text) or not (text[0].isupper() or text[0] in "‘“\"'«" or text[0].isdigit()):
        return False
    return is_content(kept[k + 1], rules) and not is_sentence(text.rstrip("’”\"'"))
