"""A byline printed as a bare name beside the article's date, with no "By" to say so:
"Jane Roe" above or under "March 3, 2024", "Jane Roe | 3 March 2024", "4 May 2020 | Jane Roe",
"Jane Roe" / "Senior Writer" / "May 4, 2020", a journal's "Published: 3 March 2024" / "Jane Roe1".

Only a name that opens with a known given name (nlp/lexicon/given_names.txt) counts, so that a
section label beside the date ("Cake Recipes", "World News") is no author; an agency's name
alone ("Reuters", bylines.yaml `outlets`) counts above the date, where an agency is credited.
The line above the date is tried before the one under it, and a lone separator line ("|")
or a role line ("Political Editor") may stand between the two.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..nlp.lexicon import lexicon
from .bylines import authors_of, key, vocabulary
from .header import byline, image_credit
from .rules import Rules
from .units import Unit, is_date_line, is_sentence

MAX_NAME_LINE_WORDS = 8  # two people with a role each is the most such a line holds
MAX_NAME_LINE_CHARS = 80
MAX_BETWEEN = 2  # lines between a name and its date: a separator, a role, a handle
SEPARATOR_LINE = re.compile(r"[|•·/–—-]+|@\w{1,30}")
LINE_TRIM = " |•·–—-,"
# A journal's marks after an author's name, pointing to the affiliations: "Jane Roe1,2", "Jane Roe*"
FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_])(?:\d{1,2}(?:,\d{1,2})*|[*†‡])(?=[\s,]|$)")


def name_beside_date(units: Sequence[Unit], dated: Sequence[int], start: int, end: int,
                     rules: Rules) -> tuple[str, int] | None:
    """(the bare name, its unit) printed on one of the article's date lines `dated` or beside
    it, between units `start` (after the title) and `end` (where the comments start)."""
    for at in dated:
        for piece in rules.date_separator.split(units[at].text) if rules.date_separator is not None else ():
            if not is_date_line(piece.strip(LINE_TRIM), rules) and bare_name(piece, rules):
                return piece.strip(LINE_TRIM), at
        for step in (-1, 1):
            k = at + step
            for _ in range(MAX_BETWEEN):  # "Jane Roe" / "|" / "11 Jan 2019", "Jane Roe" / "Political Editor" / "@janeroe" / ...
                if start <= k < end and _skippable(units[k].text):
                    k += step
            name = FOOTNOTE_MARK.sub("", units[k].text) if start <= k < end else ""
            if name and bare_name(name, rules, agency=step < 0):
                return name.strip(LINE_TRIM), k
    return None


def bare_name(text: str, rules: Rules, agency: bool = False) -> bool:
    """Whether a short line is nothing but one or two people's names (a role may follow one), or,
    with `agency`, a news agency's name."""
    text = text.strip(LINE_TRIM)
    words = text.split()
    if not words or len(words) > MAX_NAME_LINE_WORDS or len(text) > MAX_NAME_LINE_CHARS:
        return False
    if re.search(r"\d|[!?:;@]", text) or (is_sentence(text) and not re.search(r"\b\w\.$", text)):
        return False
    if agency and len(words) <= 3 and key(text) in vocabulary().outlets:
        return True
    if len(words) < 2 or not words[0][:1].isupper() or _furniture(text, rules):
        return False
    people = authors_of(text)
    given = lexicon().given_names
    return bool(people) and all(len(p.split()) >= 2 and p.split()[0].casefold() in given for p in people)


def _skippable(text: str) -> bool:
    """A line that may stand between a name and its date: a separator, a handle, a role alone."""
    text = text.strip()
    if SEPARATOR_LINE.fullmatch(text):
        return True
    keys = key(text).split()
    words = vocabulary()
    return 0 < len(keys) <= 4 and keys[-1] in words.role_heads and all(k in words.role_words for k in keys)


def _furniture(text: str, rules: Rules) -> bool:
    return (rules.dropped_by(text) is not None or is_date_line(text, rules)
            or image_credit(text, rules) is not None or byline(text, rules) is not None)
