"""One article as quote attribution sees it: the parse, its entities and mentions, and what is quoted."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..parts import EntityRef, Mention

SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class QuoteContext:
    """What cue finding and speaker resolution need to know about one article, computed once per article."""

    doc: object
    entities: list[EntityRef]
    mentions: list[Mention]
    quoted: list[tuple[int, int]]  # character ranges inside quotation marks
    text: str = ""  # doc.text, which spaCy rebuilds from the tokens on every access
    mention_starts: list[int] = field(default_factory=list)
    outside_mentions: list[Mention] = field(default_factory=list)
    # (offset, name) of persons that spoke or were a clause's subject, for pronouns
    salient_people: list[tuple[int, str]] = field(default_factory=list)
    # the quoted ranges by start, with the furthest end reached so far: in_quote is a binary
    # search (it is asked for every token near every quote; a scan made a line of 400 quoted
    # tags cost 17 s)
    _quote_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _furthest_ends: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        furthest = -1
        for start, end in sorted(self.quoted):
            furthest = max(furthest, end)
            self._quote_starts.append(start)
            self._furthest_ends.append(furthest)
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.outside_mentions = [m for m in self.mentions if not self.in_quote(m.start)]
        for m in self.outside_mentions:
            if m.type == "PERSON":
                token = self.token_at(m.start, m.end)
                if token is not None and token.dep_ in SUBJECT_DEPS + ("poss",):
                    self.salient_people.append((m.start, m.name))

    def in_quote(self, offset: int) -> bool:
        """Whether some quoted range [start, end) holds the offset."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self._furthest_ends[i] > offset

    def mention_at(self, offset: int) -> Mention | None:
        i = bisect.bisect_right(self.mention_starts, offset) - 1
        while i >= 0 and self.mentions[i].start <= offset:
            if offset < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
            if i >= 0 and offset - self.mentions[i].start > 200:
                break
        return None

    def token_at(self, start: int, end: int):
        """The syntactic head of the tokens in [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None
