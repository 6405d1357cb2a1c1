"""The dates a page prints: which lines are dates, whether each one dates the article or its
last change, and which of them dates this article rather than a teaser, a comment or the day
the page was saved.

python-dateutil reads a date in whatever way the page prints it ("Mon 6 May 2024 10.08 BST",
"11/08/23 5:19pm", "Posted on 2012-07-16"); boilerplate.yaml holds only the words around dates
(labels, separators). A text is a date when dateutil finds a day, a month and a year in it and
skips nothing but those words and punctuation, so a sentence that mentions a date ("The law
took effect on March 6, 2020") never is one, nor a score, a phone number or "the 2024 budget".
Numeric dates are read month first, as dateutil does (US sites print most of them); a first
number above 12 is read as the day.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil import parser as date_parser

from .header import byline
from .rules import Rules
from .units import Unit, is_date_line, is_sentence

# Only a text holding a year or a numeric date is given to dateutil: it is slow next to a
# regular expression, and there is no date to find without one.
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")
FULL_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(?:1[89]|20)\d\d\b")
DATE_NUMBERS = re.compile(rf"\b(?:1[89]|2\d)\d\d\b|{NUMERIC_DATE.pattern}")
HAS_TIME = re.compile(r"(?<![\d.])\d{1,2}[:.]\d{2}(?![\d.])|\d\s*[ap]\.?m\b", re.IGNORECASE)
# What dateutil misreads: "10.08" (a time in British style), "p.m.", "9th"; and words a
# copy-paste ran together ("DambrotNovember 6", "byMobasir", "Updated21:22").
DOT_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
DOTTED_MERIDIEM = re.compile(r"\b([ap])\.\s?m\b\.?", re.IGNORECASE)
ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]|\d)|(?<=\d)(?=[A-Z][a-z])")
# Two defaults that differ in year, month and day: a date read the same with both had all three printed.
DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))
DATE_WORDS = date_parser.parserinfo()
MAX_LINE_CHARS = 200
MAX_LINE_WORDS = 25  # a longer line is prose, whatever dates it mentions
OTHER_WORDS = 6  # a date line's other parts are short ("by Amy Motroni", "3 min read"); a teaser's headline is not
NAME_WORDS = 5  # "CBS News February 24, 2020", "Grant Tinsley, PhD on April 29, 2018": a name before a date
LEAD_WORDS = 3  # after a label, what dateutil cannot read before the date
TAIL_WORDS = 2  # "May 06, 2022 News", "... 28 September 2020 e-mail": a button or a label after the last date
# Where the article's own dates stand: above its first paragraph, or among the first lines
# taken for its text (a caption, the standfirst, a byline) before it has really begun.
NEAR_BODY_UNITS = 10
NEAR_BODY_PARAGRAPHS = 3
UPDATE_SPAN = 3  # "Posted: ..." and "Updated: ..." on lines next to each other
ABOVE, BELOW, FAR_ABOVE = 0, 1, 2


@dataclass(frozen=True)
class PrintedDate:
    kind: str  # "published", "updated", or "" when the page does not say
    value: str  # ISO 8601: the date, with the time when one is printed (local time as printed)


@dataclass(frozen=True)
class _Found:
    position: int  # unit index
    date: PrintedDate
    place: int | None  # ABOVE, BELOW or FAR_ABOVE where the article's text starts; None far below it
    alone: bool  # the line holds nothing but a date stamp


def read_date(text: str, rules: Rules, day_first: bool = False) -> str | None:
    """ISO 8601 when the whole text is one date (day, month and year, and the time when
    printed); None for anything else. `day_first`: a numeric date that reads both ways is read
    day first (the page prints its dates so: `page_date_order`)."""
    if not DATE_NUMBERS.search(text) or rules.date_words is None:
        return None
    cleaned = ORDINAL.sub(r"\1", DOTTED_MERIDIEM.sub(r"\1m", DOT_TIME.sub(r"\1:\2", text)))
    try:
        with warnings.catch_warnings():  # "BST" and the like: the local time as printed is kept
            warnings.simplefilter("ignore")
            names = rules.date_names
            moment, skipped = date_parser.parse(cleaned, names, fuzzy_with_tokens=True, ignoretz=True, default=DEFAULTS[0],
                                                dayfirst=day_first)
            if not rules.date_words.fullmatch("".join(skipped)):
                return None
            if date_parser.parse(cleaned, names, fuzzy=True, ignoretz=True, default=DEFAULTS[1],
                                 dayfirst=day_first).date() != moment.date():
                return None
    except (ValueError, OverflowError, TypeError):
        return None
    if not re.search(rf"(?<!\d){moment.year}(?!\d)", text) and not NUMERIC_DATE.search(text):
        return None  # dateutil made the year up from other numbers ("Apr. 26, 2022Apr. 26, 2022")
    if HAS_TIME.search(text):
        return moment.isoformat(timespec="seconds")
    return moment.date().isoformat()


def dates_in_line(text: str, rules: Rules, day_first: bool = False) -> list[PrintedDate]:
    """The dates a short line prints, each with what it dates: "Published 3 March 2024",
    "PUBLISHED: ... | UPDATED: ...", "By Jane Doe, August 14, 2020 2:30 pm". Empty for a
    line that is not made of dates (a sentence, a teaser's headline with its date)."""
    if len(text) > MAX_LINE_CHARS or not DATE_NUMBERS.search(text) or rules.date_label is None:
        return []
    text = GLUED.sub(" ", text)
    if rules.date_trailer is not None:
        text = rules.date_trailer.sub("", text)
    found = _labelled(text, rules, day_first)
    if found is None:
        found = []
        for piece in rules.date_separator.split(text) if rules.date_separator else [text]:
            read = _labelled(piece, rules, day_first)
            read = read if read is not None else _after_name(piece, rules, day_first)
            if read is None and len(piece.split()) > OTHER_WORDS:
                # a byline's date may be followed by anything ("By Jane Roe on 5 May 2020 | 18
                # Comments. This post may contain affiliate links."); a teaser's headline may not
                if found and byline(text[:text.rindex(piece)], rules):
                    text = text[:text.rindex(piece)]
                else:
                    found = []
                break
            found += read or []
    credited = byline(text, rules)
    if credited and not found and credited[1]:
        found = dates_in_line(credited[1], rules, day_first)
    if credited:  # the date of a byline is when the author published the article
        found = [PrintedDate(d.kind or "published", d.value) for d in found]
    return found


def _labelled(text: str, rules: Rules, day_first: bool) -> list[PrintedDate] | None:
    """Each date of a text made of nothing but labels and dates; None when it holds anything else."""
    pieces, kind, start = [], "", 0
    for label in rules.date_label.finditer(text):
        pieces.append((kind, text[start:label.start()]))
        kind, start = ("published" if label.group("published") else "updated"), label.end()
    pieces.append((kind, text[start:]))
    found = []
    for n, (kind, piece) in enumerate(pieces):
        if not re.search(r"\w", piece):
            continue
        value = _read_piece(piece.split(), rules, bool(kind), n == len(pieces) - 1, day_first)
        if value is None:
            return None
        found.append(PrintedDate(kind, value))
    return found


def _read_piece(words: list[str], rules: Rules, labelled: bool, last: bool, day_first: bool) -> str | None:
    """The date of a piece of a date line; the last piece may end in a button ("e-mail"), and
    after a label may come a time dateutil cannot read ("Updated 2010 GMT (0410 HKT) March 14, 2021")."""
    value = read_date(" ".join(words), rules, day_first)
    # a button, not the rest of a sentence: "On March 6, 2021 the council voted."
    tails = range(1, TAIL_WORDS + 1) if last and value is None and not is_sentence(words[-1]) else ()
    for tail in tails:
        kept = words[:-tail]
        value = read_date(" ".join(kept), rules, day_first) if len(kept) > 1 and not rules.date_words.fullmatch(kept[-1]) else None
        if value:
            return value
    for lead in range(1, LEAD_WORDS + 1) if labelled and value is None else ():
        value = read_date(" ".join(words[lead:]), rules, day_first) if len(words) > lead + 1 else None
        if value:
            return value
    return value


def _after_name(text: str, rules: Rules, day_first: bool) -> list[PrintedDate] | None:
    """A name, then a date: "CBS News February 24, 2020, 7:57 AM", "Luke Kemp 11 February 2020"."""
    words = text.split()
    for k in range(1, min(len(words), NAME_WORDS + 1)):
        previous = words[k - 1]
        if not previous[:1].isupper() and not rules.date_words.fullmatch(previous):
            return None
        word = words[k].strip(".,")
        names = rules.date_names or DATE_WORDS
        if word[:1].isdigit() or names.month(word) is not None or names.weekday(word) is not None:
            value = read_date(" ".join(words[k:]), rules, day_first)
            if value:
                return [PrintedDate("", value)]
    return None


def day_or_month_first(text: str) -> bool:
    """Whether the text prints a numeric date that reads both ways ("12/04/2020"): dateutil
    takes the month first, a British or European page means the day."""
    return any(int(a) <= 12 and int(b) <= 12 and a != b for a, b in NUMERIC_DATE.findall(text))


def page_date_order(texts: Sequence[str]) -> str | None:
    """"day" when a page prints its numeric dates day first: one of them can only be read so
    ("14/04/2020") and none only month first ("04/14/2020"); "month" the other way round; None
    when none tells. Then "12/04/2020" on it is the 12th of April. Only dates with a four-digit
    year count: "13.5.20" may be a version."""
    day = month = False
    for text in texts:
        for first, _, second in FULL_NUMERIC_DATE.findall(text):
            day = day or (int(first) > 12 and 1 <= int(second) <= 12)
            month = month or (int(second) > 12 and 1 <= int(first) <= 12)
    return None if day == month else "day" if day else "month"


def latest_date(saved_at: datetime | None) -> str:
    """The last day a page saved at `saved_at` (else now) can be dated: a day later, for time zones."""
    return ((saved_at or datetime.now()) + timedelta(days=1)).date().isoformat()


def article_dates(units: Sequence[Unit], start: int, body_start: int, body_end: int, rules: Rules,
                  saved_at: datetime | None = None) -> tuple[str | None, str | None]:
    """(published, updated) of the article whose header runs from `start` to `body_start` and
    whose text runs to `body_end` (where its comments start). An "Updated ..." date is never
    the publication date, unless the page prints no other: then it is both, since it is the
    only date the page gives and the article was published by then."""
    return dated_article(units, start, body_start, body_end, rules, saved_at)[:2]


def dated_article(units: Sequence[Unit], start: int, body_start: int, body_end: int, rules: Rules,
                  saved_at: datetime | None = None) -> tuple[str | None, str | None, list[int]]:
    """`article_dates` and the units near the article's text that print the day kept as
    published, the kept one first (a byline printed as a bare name stands beside one of them:
    "JIJI" / "Feb 18, 2020" / "Online: Feb 18, 2020")."""
    found = []
    paragraphs = 0
    latest = latest_date(saved_at)
    day_first = page_date_order([unit.text for unit in units]) == "day"
    for i in range(start, body_end):
        unit = units[i]
        place = _place(i, body_start, paragraphs)
        if i >= body_start and unit.words >= rules.settings.long_words:
            paragraphs += 1
        if unit.words > MAX_LINE_WORDS:
            continue
        dates = [date for date in dates_in_line(unit.text, rules, day_first)
                 if int(date.value[:4]) >= rules.settings.earliest_year and date.value[:10] <= latest]
        alone = bool(dates) and is_date_line(unit.text, rules)
        found += [_Found(i, date, place, alone) for date in dates]
    published = _pick(found, "published", body_start)
    if published is None:
        only = _pick(found, "updated", body_start)
        return (only.date.value, only.date.value, _near(only, found)) if only else (None, None, [])
    updates = [f for f in found if f.date.kind == "updated"
               and (f.place is not None or abs(f.position - published.position) <= UPDATE_SPAN)]
    updated = min(updates, key=lambda f: abs(f.position - published.position), default=None)
    if updated is None or updated.date.value <= published.date.value:
        return published.date.value, None, _near(published, found)  # an "update" at the moment of publication changed nothing
    return published.date.value, updated.date.value, _near(published, found)


def _near(kept: _Found, found: list[_Found]) -> list[int]:
    same_day = [f.position for f in found if f.place in (ABOVE, BELOW) and f.date.value[:10] == kept.date.value[:10]]
    return sorted(set(same_day), key=lambda position: position != kept.position)


def _place(position: int, body_start: int, paragraphs: int) -> int | None:
    if position < body_start:
        return ABOVE if position >= body_start - NEAR_BODY_UNITS else FAR_ABOVE
    if position <= body_start + NEAR_BODY_UNITS and paragraphs < NEAR_BODY_PARAGRAPHS:
        return BELOW
    return None


def _pick(found: list[_Found], kind: str, body_start: int) -> _Found | None:
    """The date of this kind that dates the article: the one nearest to where its text starts,
    above it before below it (below may be a comment's time when the comments were not found);
    else the one labelled so nearest to it; else the nearest far above (menus, a banner with
    today's date stand there); else the date every stand-alone date line of the page agrees on."""
    fits = [f for f in found if f.date.kind == kind or (kind == "published" and not f.date.kind)]
    for choice in ([f for f in fits if f.place in (ABOVE, BELOW)], [f for f in fits if f.date.kind == kind],
                   [f for f in fits if f.place == FAR_ABOVE]):
        if choice:
            return min(choice, key=lambda f: (f.place is None, f.place, abs(f.position - body_start)))
    alone = [f for f in fits if f.alone]
    return alone[0] if alone and len({f.date.value[:10] for f in alone}) == 1 else None
