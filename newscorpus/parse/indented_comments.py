"""Comment threads found by their indentation, with no heading and no time stamps.

Pages copied from Disqus, Blogger and Slashdot-like threads print each comment as a name line
followed by its text indented deeper ("artsyphotos" / "    I used to see your posts..."),
replies indented further still, while the article above is flush left. The thread is the tail
of the page where every line is indented or is such a name line; it opens at the first name
line whose next line is indented deeper. The article's own last paragraphs stay flush left,
so they stay in the body.
"""
from __future__ import annotations

import re

from ..parts import ParsedComment
from .comment_zone import CommentZone, clean_author, comment_count, is_chrome
from .comments import NOT_A_NAME, _plausible_author
from .rules import Rules
from .units import Unit, is_date_line, is_sentence, parse_stamp

# "http://twitter.com/jyarmis Jonathan L. Yarmis": a profile link printed before the name.
PROFILE_LINK = re.compile(r"^(?:https?://|www\.)\S+\s+")
# "Re:" and "NAME said..." are headers too; a header ending in a colon otherwise opens a list.
SAID = re.compile(r"\b(?:said|says|wrote|added)\s*(?:\.\.\.|…|:)?$", re.I)
# Indented text that is prose: a sentence of this many words somewhere in the thread (a code
# listing or a table indented under a short line is no thread).
PROSE_WORDS = 3
# A thread indents its text by a tab or a few spaces under the name; a page whose lines each
# step one space deeper (a staircase left by nested markup) is no thread.
INDENT_STEP = 2


def indents_of(text: str, units: list[Unit]) -> list[int]:
    """How far each unit's first line is indented in the raw text (a tab counts four)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    indents = []
    for unit in units:
        raw = lines[unit.lines[0]] if unit.lines[0] < len(lines) else ""
        raw = raw.replace("\t", "    ")
        indents.append(len(raw) - len(raw.lstrip()))
    return indents


def header_author(text: str, rules: Rules) -> str | None:
    """The commenter a name line names, or None when the line is no name line."""
    name = PROFILE_LINK.sub("", text).strip()
    said = SAID.search(name)
    if said:
        name = name[:said.start()].strip()
    if re.fullmatch(r"re:?", name, re.I):
        return "Re:"
    if not name or NOT_A_NAME.fullmatch(name.split()[0]) and len(name.split()) <= 3:
        return None
    if len(name.split()) > rules.settings.comment_author_max_words or not _plausible_author(name, rules):
        return None
    return clean_author(name)


def find_indented_thread(units: list[Unit], indents: list[int], start: int, rules: Rules) -> int | None:
    """Index of the name line that opens an indented thread at the end of the page, or None."""
    n = len(units)
    tail = n
    while tail > start and (indents[tail - 1] > 0 or header_author(units[tail - 1].text, rules)
                            or is_chrome(units[tail - 1].text, rules)):
        tail -= 1
    for i in range(tail, n - 1):
        if indents[i + 1] - indents[i] >= INDENT_STEP and header_author(units[i].text, rules):
            prose = any(indents[k] > 0 and units[k].words >= PROSE_WORDS and is_sentence(units[k].text)
                        for k in range(i + 1, n))
            return i if prose else None
    return None


def read_indented_zone(units: list[Unit], indents: list[int], rules: Rules) -> CommentZone:
    """The comments of an indented thread that starts at units[0]: a name line opens a comment
    when the line after it is indented at least as deep and is not itself a name line."""
    zone = CommentZone()
    current: ParsedComment | None = None
    current_units: list[int] = []

    def close():
        nonlocal current, current_units
        if current is not None and current.body.strip():
            current.position = len(zone.comments)
            zone.comments.append(current)
            zone.comment_units.update(current_units)
        current, current_units = None, []

    for i, unit in enumerate(units):
        nxt = i + 1
        author = header_author(unit.text, rules) if nxt < len(units) else None
        if author and indents[nxt] >= indents[i] and not header_author(units[nxt].text, rules):
            close()
            current = ParsedComment(0, None if author == "Re:" else author, None, "")
            zone.discard(unit, "comment_header")
        elif (count := comment_count(unit.text, rules)) is not None:
            zone.count_shown = count if zone.count_shown is None else zone.count_shown
            zone.discard(unit, "comment_count")
        elif current is not None and current.body and is_date_line(unit.text, rules) \
                or re.fullmatch(r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?", unit.text, re.I):
            if current is not None and current.posted_at is None:
                current.posted_at = parse_stamp(unit.text)
            zone.discard(unit, "comment_header")
        elif (rule := is_chrome(unit.text, rules)) is not None:
            zone.discard(unit, rule)
        elif current is not None:
            current.body = f"{current.body}\n{unit.text}" if current.body else unit.text
            current_units.append(i)
        else:
            zone.discard(unit, "after_comments")
    close()
    return zone
