"""What a page prints around the body: title, section label, byline, photo credit, dateline
(its dates: dates.py).

These are read from lines the parser has already judged not to be body text, so a rule here
can be generous without costing a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import bylines
from .comment_zone import comment_count
from .rules import Rules, matches_any
from .units import Unit, is_date_line

QUOTE_MARKS = "\"'“”‘’«»„‟‚‛"
CREDIT_TRIM = re.compile(r"^[\s:©|–—-]+|[\s.,;:)|–—-]+$")
MAX_CREDIT_WORDS = 25
CREDIT_WORDS = re.compile(
    r"\b(photo(graph)?s?|images?|pictures?|pics?|illustrations?|video|credits?|source|courtesy|of|by|via|from|top|cover|header|featured|lead)\b|[©():|.,\s-]",
    re.I,
)
SHORT_TITLE_WORDS = 12
LOWER_CASE_AUTHOR_WORDS = 3  # a user name ("marc", "delta201"), never a phrase
LABELLED_NAME_WORDS = 8  # the line under a lone "By": "Jane Roe, Staff Writer"
BYLINE_REST_WORDS = 6  # what a comma adds to a byline: names, a role, an outlet, not a sentence
NAME_JOINER = re.compile(r"\s*(?:and|&)\s*", re.I)  # alone on its line between two names of a byline


@dataclass
class TitleLines:
    title: int | None = None  # unit index
    section: int | None = None


def _title_like(text: str, rules: Rules) -> bool:
    words = len(text.split())
    if not 1 <= words <= rules.settings.title_max_words or len(text) > 300:
        return False
    if text.endswith((",", ";", ":")):
        return False
    # headlines rarely end in a full stop ("So Do We."); an opening sentence does, and is longer
    if text.endswith(".") and not text.endswith("...") and words > SHORT_TITLE_WORDS:
        return False
    return not _furniture(text, rules)


def _furniture(text: str, rules: Rules) -> bool:
    return (rules.dropped_by(text) is not None or is_date_line(text, rules)
            or matches_any(rules.comment_section_start, text) is not None
            or comment_count(text, rules) is not None or image_credit(text, rules) is not None
            or byline(text, rules) is not None)


def _section_like(text: str, rules: Rules) -> bool:
    words = len(text.split())
    return (1 <= words <= rules.settings.section_max_words and len(text) <= 40
            and not re.search(r"[.!?:,;]$", text) and not _furniture(text, rules))


def find_title(units: list[Unit], rules: Rules) -> TitleLines:
    """The headline is the first line when it reads like one; a photo credit may stand
    above it, and a short section label ("Eastern Europe") just above it. A text that opens
    with a sentence has no title: one is never made up."""
    found = TitleLines()
    for i in range(min(3, len(units))):
        text = units[i].text
        if image_credit(text, rules) is not None:
            continue
        if i + 1 < len(units) and _section_like(text, rules):
            following = units[i + 1].text
            if (_title_like(following, rules) and len(following.split()) >= 4
                    and len(following.split()) > len(text.split())):
                return TitleLines(title=i + 1, section=i)
        if _title_like(text, rules) or _headline_ending_in_a_stop(units, i, rules):
            found.title = i
        return found
    return found


def _headline_ending_in_a_stop(units: list[Unit], i: int, rules: Rules) -> bool:
    """Some headlines end in a full stop ("... Now, it's being reborn."). What follows tells
    one from an opening sentence: page furniture ("Skip to main content"), not more prose."""
    text = units[i].text
    if not text.endswith(".") or len(text.split()) > rules.settings.title_max_words or len(text) > 300:
        return False
    return i + 1 < len(units) and rules.dropped_by(units[i + 1].text) is not None and not _furniture(text, rules)


def image_credit(text: str, rules: Rules) -> str | None:
    found = find_image_credit(text, rules)
    return found[0] if found else None


def find_image_credit(text: str, rules: Rules) -> tuple[str, bool] | None:
    """(credit, whether the line is nothing but the credit). A caption that goes on to
    name its photographer ("Placards. Image: John Lubbock") is text the reader sees."""
    if len(text.split()) > MAX_CREDIT_WORDS:
        return None
    match = matches_any(rules.image_credit, text)
    if not match:
        return None
    credit = CREDIT_TRIM.sub("", match.group("credit") or "")
    if not credit:
        return None
    before = CREDIT_WORDS.sub(" ", text[:match.start("credit")])
    after = CREDIT_WORDS.sub(" ", text[match.end("credit"):])
    return credit, not re.search(r"\w", before + after)


def byline(text: str, rules: Rules) -> tuple[str, str] | None:
    """(author, the rest of the line, which may hold a date)."""
    if len(text.split()) > 20:
        return None
    match = matches_any(rules.byline, text)
    if not match:
        return None
    rest = match.groupdict().get("rest") or ""
    if not rest and match.group("author").rstrip().endswith(":"):
        return None  # a menu's heading: "By Course/Meal:", "By Topic:" over the links it opens
    author = _unglued(match.group("author").strip(" ,|:-–—"))
    if not author or is_date_line(author, rules):
        return None
    if rest and _more_of_the_byline(text[match.end("author"):match.start("rest")], rest, rules):
        author, rest = f"{author}, {rest.strip()}", ""
    if not author[0].isupper() and not (len(author.split()) <= LOWER_CASE_AUTHOR_WORDS
                                        and rules.date is not None and rules.date.search(rest)):
        return None
    return author, rest


def _unglued(author: str) -> str:
    """A role a copy-paste glued to the name gets its space back: "Evan HalperStaff Writer"."""
    words = author.split()
    unglued = bylines.unglued(words)
    return author if unglued == words else " ".join(unglued)


def _more_of_the_byline(separator: str, rest: str, rules: Rules) -> bool:
    """After a comma, more names, a role or an outlet ("By Jane Roe, John Smith, 7 News")
    rather than the date or the page's next item: the byline goes on, as printed."""
    return separator.strip() == "," and len(rest.split()) <= BYLINE_REST_WORDS \
        and not re.search(r"[|•·–—:]", rest) and not (rules.date is not None and rules.date.search(rest)) \
        and not is_date_line(rest, rules)


def labelled_byline(units, k: int, rules: Rules) -> tuple[str, str] | None:
    """A byline whose label ("By", "Author:") stands alone on line k, the name on the next."""
    if k + 1 >= len(units) or not matches_any(rules.byline_label, units[k].text):
        return None
    lines, people = [units[k + 1].text], 1
    # a page printing each name as a link of its own: "By" / "David Brand" / "and" / "Ramsey Khalifeh"
    j = k + 2
    while j + 1 < len(units) and NAME_JOINER.fullmatch(units[j].text) \
            and len(units[j + 1].text.split()) <= LABELLED_NAME_WORDS // 2:
        lines += [units[j].text, units[j + 1].text]
        people, j = people + 1, j + 2
    name = " ".join(lines)
    if len(name.split()) > LABELLED_NAME_WORDS * people:
        return None
    return byline(f"by {name}", rules)


def split_dateline(paragraph: str, rules: Rules) -> tuple[str, str] | None:
    """("MOSCOW", the paragraph without it) when the paragraph opens with a dateline."""
    if len(paragraph) < 30:
        return None
    match = matches_any(rules.dateline, paragraph[:2000] if len(paragraph) > 2000 else paragraph)
    if not match:
        return None
    dateline = match.group("dateline").strip()
    first_word = dateline.split()[0].rstrip(",")
    # Patterns are case-insensitive; a dateline's place is printed in capitals.
    if len(first_word) < 2 or not first_word.isupper():
        return None
    return dateline, paragraph[match.start("rest"):]


def strip_quote_marks(text: str) -> str:
    return text.strip().strip(QUOTE_MARKS).strip()
