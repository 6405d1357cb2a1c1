"""Where the quoted stretches of an article body are, from its quote marks alone.

    spans = quoted_spans(body)   # top-level spans, nested quotes stay inside their outer one

News mixes mark styles in one quote (“...") and writes '' for " (NYT); apostrophes look like
closing single quotes (Sciences’ Institute); a nested quote may never close. So marks are
read by their context (space before = opening, space after = closing) rather than by their
glyph, and a double quote still open at the end of its paragraph ends there, unless the next
paragraph opens with a quote mark: that is how a quotation runs on over several paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPENING = "“„«"
DOUBLE_CLOSING = "”»"
SINGLE_OPENING = "‘‹"
SINGLE_CLOSING = "’›"
# characters after which a mark starts something, and before which a mark ends something
OPEN_CONTEXT = set("([{—–-/:;,") | set(DOUBLE_OPENING + SINGLE_OPENING + '"')
CLOSE_CONTEXT = set(".,;:!?)]}—–-/…") | set(DOUBLE_CLOSING + SINGLE_CLOSING + '"')
# a single-quoted span longer than this is more likely two apostrophes than a quotation
MAX_SINGLE_QUOTE_CHARS = 600
_PARAGRAPH = re.compile(r"[^\n]+")
# in ,''' the first mark closes a nested single quote and the last two the double one
_DOUBLE_MARK = re.compile(r"''(?!')|``|[\"“”„«»]")
_SINGLE_MARK = re.compile(r"[‘’'‹›]")


@dataclass
class QuotedSpan:
    """One quotation: the pieces of body text inside its marks, one per paragraph."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True  # False when it ran to a paragraph end without a closing mark
    single: bool = False  # marked with single quotes

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, body: str) -> str:
        return "\n\n".join(body[s:e] for s, e in self.pieces)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    can_open: bool
    can_close: bool


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line: a line is the largest unit a quote mark may leave open."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(body or "") if m.group().strip()]


def _classify(text: str, start: int, end: int, glyph: str, lo: int, hi: int) -> _Mark:
    before = text[start - 1] if start > lo else " "
    after = text[end] if end < hi else " "
    space_before = before.isspace() or before in OPEN_CONTEXT
    space_after = after.isspace() or after in CLOSE_CONTEXT
    can_open, can_close = space_before and not after.isspace(), space_after and not before.isspace()
    if glyph in DOUBLE_OPENING + SINGLE_OPENING and not (can_close and not can_open):
        can_open, can_close = True, False
    elif glyph in DOUBLE_CLOSING + SINGLE_CLOSING and not (can_open and not can_close):
        can_open, can_close = False, True
    return _Mark(start, end, can_open, can_close)


def _double_marks(text: str, lo: int, hi: int) -> list[_Mark]:
    return [_classify(text, m.start(), m.end(), m.group()[0], lo, hi) for m in _DOUBLE_MARK.finditer(text, lo, hi)]


def _top_level_doubles(text: str, lo: int, hi: int, carried: QuotedSpan | None) -> tuple[list[QuotedSpan], QuotedSpan | None]:
    """Closed top-level quotes of one paragraph, and the quote left open at its end, if any.

    `carried` is a quotation left open by the previous paragraph; it goes on here only if this
    paragraph opens with a quote mark."""
    marks = _double_marks(text, lo, hi)
    found: list[QuotedSpan] = []
    depth = 0
    outer: QuotedSpan | None = None
    outer_start = lo
    if carried is not None and marks and not text[lo:marks[0].start].strip() and marks[0].can_open:
        outer, outer_start, depth, marks = carried, marks[0].end, 1, marks[1:]
    for mark in marks:
        # an ambiguous mark (straight " between two words, or between two spaces) closes
        # whatever is open and opens otherwise
        opens = mark.can_open and (not mark.can_close or depth == 0)
        if opens:
            if depth == 0:
                outer, outer_start = QuotedSpan(), mark.end
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0 and outer is not None:
                outer.pieces.append((outer_start, mark.start))
                outer.closed = True
                found.append(outer)
                outer = None
    if depth > 0 and outer is not None:
        outer.pieces.append((outer_start, hi))
        outer.closed = False
        return found, outer
    return found, None


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isalnum() and after.isalnum():  # it’s, don't
        return True
    return before.isspace() and after.isdigit()  # ’90s


def _weak_closing(text: str, i: int, lo: int, hi: int) -> bool:
    """A plural possessive (countries’ interests) looks like a closing single quote."""
    before = text[i - 1] if i > lo else " "
    rest = text[i + 1:i + 3] if i + 1 < hi else ""
    return before in "sSzZ" and len(rest) == 2 and rest[0] == " " and rest[1].isalnum()


def _top_level_singles(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Single-quoted spans outside double quotes; an unclosed one is dropped, since the mark
    that opened it may just as well be an apostrophe."""
    double_mark_chars = {i for m in _DOUBLE_MARK.finditer(text, lo, hi) for i in range(m.start(), m.end())}

    def inside_double(i: int) -> bool:
        return i in double_mark_chars or any(s <= i < e for s, e in taken)

    marks = [m.start() for m in _SINGLE_MARK.finditer(text, lo, hi)
             if not inside_double(m.start()) and not _is_apostrophe(text, m.start(), lo, hi)]
    found: list[QuotedSpan] = []
    k = 0
    while k < len(marks):
        i = marks[k]
        mark = _classify(text, i, i + 1, text[i], lo, hi)
        if not mark.can_open:
            k += 1
            continue
        closers = [j for j in marks[k + 1:] if j - i <= MAX_SINGLE_QUOTE_CHARS
                   and _classify(text, j, j + 1, text[j], lo, hi).can_close]
        strong = [j for j in closers if not _weak_closing(text, j, lo, hi)]
        close = (strong or closers or [None])[0]
        if close is None:
            k += 1
            continue
        found.append(QuotedSpan(pieces=[(i + 1, close)], single=True))
        k = marks.index(close) + 1
    return found


def _trimmed(span: QuotedSpan, text: str) -> QuotedSpan | None:
    pieces = []
    for s, e in span.pieces:
        while s < e and (text[s].isspace() or text[s] in "\"“”„«»‘’'`"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in "\"“”„«»‘’'`"):
            e -= 1
        if e > s:
            pieces.append((s, e))
    if not pieces or not any(any(c.isalnum() for c in text[s:e]) for s, e in pieces):
        return None
    return QuotedSpan(pieces=pieces, closed=span.closed, single=span.single)


def quoted_spans(body: str) -> list[QuotedSpan]:
    """Every top-level quotation in the body, in text order, offsets trimmed to the words."""
    text = body or ""
    spans: list[QuotedSpan] = []
    carried: QuotedSpan | None = None
    for lo, hi in paragraphs(text):
        found, still_open = _top_level_doubles(text, lo, hi, carried)
        if carried is not None and still_open is not carried and all(s is not carried for s in found):
            spans.append(carried)  # the next paragraph did not take it up: it ended with its paragraph
        spans.extend(found)
        doubles = [p for s in found for p in s.pieces] + ([still_open.pieces[-1]] if still_open else [])
        spans.extend(_top_level_singles(text, lo, hi, doubles))
        carried = still_open
    if carried is not None:
        spans.append(carried)
    trimmed = (_trimmed(s, text) for s in spans)
    return sorted((s for s in trimmed if s is not None), key=lambda s: s.start)
