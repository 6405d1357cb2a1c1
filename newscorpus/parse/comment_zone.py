"""What every reading of a comment section shares: the zone it fills (comments, and the chrome kept
aside for the audit), the count line, a commenter's name cleaned of its header's words, and the
widget and furniture lines that are no comment's text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..parts import Boilerplate, ParsedComment
from .rules import Rules, matches_any
from .units import Unit, is_sentence

NUMBER_WORDS = {"no": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# The verb of a "NAME says:" header, as boilerplate.yaml's comment_header has it ("NAME added:" on Tumblr).
SAY_VERBS = "says|said|writes|wrote|commented|added|replied"
AUTHOR_TRIM = re.compile(rf"^(by|from)\s+|[\s,|·•–—:-]+$|\s+(on|at|{SAY_VERBS})$", re.I)
BARE_LINK = re.compile(r"(?:https?://|www\.)\S+")


@dataclass
class CommentZone:
    comments: list[ParsedComment] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    count_shown: int | None = None
    comment_units: set[int] = field(default_factory=set)  # zone-relative indexes holding comment text

    def discard(self, unit: Unit, rule: str) -> None:
        """A line of the section that is not comment text, kept for the audit with its rule."""
        self.boilerplate.extend(Boilerplate(n, unit.text, rule) for n in unit.lines)


def comment_count(text: str, rules: Rules) -> int | None:
    if len(text.split()) > 30:
        return None
    match = matches_any(rules.comment_count, text)
    if not match:
        return None
    raw = (match.groupdict().get("count") or "").lower()
    if raw.isdigit():
        return int(raw)
    return NUMBER_WORDS.get(raw)


def clean_author(author: str | None) -> str | None:
    if not author:
        return None
    previous = None
    while previous != author:
        previous, author = author, AUTHOR_TRIM.sub("", author).strip()
    return author or None


def is_chrome(text: str, rules: Rules) -> str | None:
    if len(text.split()) > rules.settings.pattern_max_words:
        return None
    return rules.remembered("chrome", text, lambda line: chrome_rule(line, rules))


def chrome_rule(text: str, rules: Rules) -> str | None:
    if matches_any(rules.comment_chrome, text):
        return "comment_chrome"
    if matches_any(rules.comment_section_start, text):
        return "comment_section"
    if len(text.split()) >= rules.settings.comment_prose_words and is_sentence(text):
        # a commenter's sentence naming "Facebook and Twitter" is no share bar; a newsletter's
        # one-line pitch under the thread is shorter
        return None
    return rules.dropped_by(text)
