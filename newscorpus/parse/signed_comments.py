"""Comment threads signed below their text: the comment, then "Posted by: NAME | DATE" (TypePad),
"NAME : 3:57 AM" (Blogger), and so on; the signature patterns are boilerplate.yaml's
comment_trailer.

A signature line alone is a weak shape: an event's schedule prints "Lunch : 12:30 PM" lines
too. What makes signatures a thread is the comment text each one closes: a signature with
another signature right above or below it, nothing but chrome between, is no signature; and
signatures whose texts are mostly no sentences ("Keynote : 9:00 AM / Main hall / Lunch :
12:30 PM / Room 4") are a programme's items, not comments. A programme whose items each carry a
sentence still reads as a thread: nothing in the text tells them apart.
"""
from __future__ import annotations

import re

from ..parts import ParsedComment
from .comment_zone import BARE_LINK, CommentZone, clean_author, comment_count, is_chrome
from .rules import Rules, matches_any
from .units import Unit, is_content, is_sentence, parse_stamp

# This many signatures make a thread, which starts at the paragraph above the first one.
SIGNED_COMMENTS = 2
# Signatures under comments, and "NAME says:" headers with a stamp, are no teaser list's or
# byline's shape: under them a short blog post is enough article.
MIN_ARTICLE_WORDS_SIGNED = 40


def trailer(text: str, rules: Rules) -> re.Match | None:
    return matches_any(rules.comment_trailer, text) if len(text) <= 200 else None


def signatures(units: list[Unit], rules: Rules) -> dict[int, re.Match]:
    """The signature lines of units (their index, in order, and the match), each closing some
    text: lines of a schedule or a list that read as signatures but stand next to each other
    are left out."""
    matched = {k: found for k, unit in enumerate(units) if (found := trailer(unit.text, rules))}
    lines = list(matched)
    apart = [_text_between(units, a, b, rules) for a, b in zip(lines, lines[1:])]
    return {k: matched[k] for n, k in enumerate(lines)
            if (n == 0 or apart[n - 1]) and (n == len(lines) - 1 or apart[n])}


def _text_between(units: list[Unit], a: int, b: int, rules: Rules) -> bool:
    return any(is_chrome(units[k].text, rules) is None for k in range(a + 1, b))


def read_signed_zone(units: list[Unit], rules: Rules) -> CommentZone:
    """A thread whose comments are signed below their text: text, "Posted by: NAME | DATE", ..."""
    zone = CommentZone()
    pending: list[int] = []
    signed = signatures(units, rules)
    for k, unit in enumerate(units):
        signature = signed.get(k)
        if signature:
            author = clean_author(signature.group("author"))
            if len(pending) > 1 and author and units[pending[0]].text.strip().casefold() == author.casefold():
                zone.discard(units[pending.pop(0)], "comment_header")  # TypePad prints the name above too
            body = "\n".join(units[p].text for p in pending)
            if body:
                zone.comments.append(ParsedComment(len(zone.comments), author,
                                                   parse_stamp(signature.group("date") or ""), body))
                zone.comment_units.update(pending)
            zone.discard(unit, "comment_header")
            pending = []
        elif (count := comment_count(unit.text, rules)) is not None:
            zone.count_shown = count if zone.count_shown is None else zone.count_shown
            zone.discard(unit, "comment_count")
        elif pending and BARE_LINK.fullmatch(unit.text):
            pending.append(k)  # a link the commenter gave on its own line, as in comments._read_zone
        elif (rule := is_chrome(unit.text, rules)) is not None:
            zone.discard(unit, rule)
        else:
            pending.append(k)
    for k in pending:  # text no signature claims: the page after the thread
        zone.discard(units[k], "after_comments")
    return zone


def signed_openers(units: list[Unit], start: int, rules: Rules) -> dict[int, int]:
    """Where a signed thread may open, with the article words it needs above it: the paragraph
    above the first of SIGNED_COMMENTS or more signatures (or above the second, the first being
    the post's byline), or the one under the first when it is signed unlike the next: the post's
    own ("Posted by Kathy on April 6" above "Posted by: Andrew | DATE")."""
    signed = [start + k for k in signatures(units[start:], rules)]
    if not _closes_prose(units, signed, rules):
        return {}
    if len(signed) > SIGNED_COMMENTS and signed[1] - signed[0] > 1 \
            and _signature_shape(units[signed[0]].text, rules) != _signature_shape(units[signed[1]].text, rules):
        return {signed[0] + 1: MIN_ARTICLE_WORDS_SIGNED}  # a blog engine signs all comments alike
    openers = {}
    if len(signed) >= SIGNED_COMMENTS and signed[0] - 1 > start:
        openers[signed[0] - 1] = MIN_ARTICLE_WORDS_SIGNED
    if len(signed) > SIGNED_COMMENTS:
        # the post's own byline may be signed like the comments ("by NAME on DATE" above the
        # article and under each comment): with no article above it, the thread opens at the next
        openers.setdefault(signed[1] - 1, MIN_ARTICLE_WORDS_SIGNED)
    return openers


def _closes_prose(units: list[Unit], signed: list[int], rules: Rules) -> bool:
    """Most signatures close a text holding a sentence, however short ("Nice!"); the first
    signature, the paragraph above it."""
    starts = [k - 1 for k in signed[:1]] + [a + 1 for a in signed[:-1]]
    with_prose = sum(any(is_sentence(units[k].text) or is_content(units[k], rules) for k in range(a, b))
                     for a, b in zip(starts, signed))
    return with_prose * 2 >= len(signed)


def _signature_shape(text: str, rules: Rules) -> tuple[str, str]:
    """The words around a signature's name: "posted by:" and "|" in "Posted by: Ann | DATE";
    numbers aside ("Comment #2 - Posted by:")."""
    found = trailer(text, rules)
    return (re.sub(r"\d+", "0", text[:found.start("author")].strip().casefold()),
            text[found.end("author"):found.start("date")].strip().casefold())
