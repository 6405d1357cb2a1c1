"""Reader comments: where the comment section starts, and the comments in it.

Once a comment section starts, everything after it is comments or page chrome: a comment is
a header (author and/or time stamp, on one line or two) followed by its text, up to the
next header or the next piece of widget chrome ("Reply", "Leave a Reply", form labels).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..parts import ParsedComment
from .comment_zone import BARE_LINK, SAY_VERBS, CommentZone, clean_author, comment_count, is_chrome
from .rules import Rules, matches_any
from .signed_comments import (MIN_ARTICLE_WORDS_SIGNED, SIGNED_COMMENTS, read_signed_zone, signatures,
                              signed_openers, trailer)
from .units import HAS_TIME, Unit, is_content, is_date_line, is_sentence, parse_stamp

SAYS = re.compile(rf"\b(?:{SAY_VERBS})\b", re.I)
HEADER_LOOKAHEAD = 12
# Comments follow an article: a bare comment header above this much article text is a teaser
# list or a byline; a worded marker ("12 Comments") needs only some article text above it.
MIN_ARTICLE_WORDS = 100
# A name above a bare date is a commenter only when it is short: a longer one is a headline
# in a teaser list ("Queen Bia Headlines Big Belasco Show / November 8, 2023").
BARE_AUTHOR_WORDS = 5
# Names without dates are commenters only when this many name/text pairs open the section.
UNDATED_PAIRS = 3
# A thread needs no "Comments" heading when its header shape repeats: this many headers
# ("NAME says:") from the first one to the end of the page.
REPEATED_HEADERS = 3
# What is left of a header's name part around a time stamp printed inside it:
# "09. Jul, 2012 / Courtney", "On November 1, 2012 at 11:19 am Joy", "Shea on October 14, 2012".
STAMP_JOINERS = re.compile(r"^(?:\s|on\b|at\b|[,/|·•–—-])+|(?:\s|\bon|\bat|[,/|·•–—-])+$", re.I)
# A clause's subject rather than a commenter's name: "The minister said:", "He said:".
NOT_A_NAME = re.compile(r"(?:the|a|an|his|her|their|its|our|my|he|she|they|it|we|i|you|this|that|one)\b", re.I)
PROFILE_CHARS = 80  # a commenter's motto is a line, not a paragraph
# Where a header's only evidence is its layout (the date above the name, a motto between name
# and stamp), only a name's shape is a commenter's: a handle, then at most two capitalised
# words ("sophie M", "Dan Garner"). A teaser list prints "November 5, 2012 / Ferry fares rise
# / its first lines".
# A bare name line opens with a letter, a digit or a handle's "@" (not code: ">>> foo()",
# "<pre>"), and past its first word holds at most one lowercase word: "sumathi s" and "john
# smith" are names, "I'm thinking that doing" is the first line of a comment.
BARE_NAME = re.compile(r"[@\w](?=.*[^\W\d_])")
LOWER_WORD = re.compile(r"(?<!\S)(?-i:[a-z])[a-z'’]{2,}\b")
NAME_SHAPE = re.compile(r"\S{1,40}(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2}")
QUOTE_OPENERS = "\"“‘'«„"


def _plausible_author(text: str, rules: Rules) -> bool:
    words = text.split()
    if not words or len(words) > rules.settings.comment_author_max_words or len(text) > 70:
        return False
    if is_sentence(text) and not (len(words) <= 3 and re.search(r"\b\w\.$", text)):
        return False  # a sentence, unless it ends in an initial: "Sabrina K."
    if text.endswith((":", ",", ";")) or matches_any(rules.comment_chrome, text) \
            or matches_any(rules.commenter_profile, text):
        return False
    if re.match(r"(?:by|posted|published|updated|written)(?:\b|[A-Z])", text, re.I):
        return False  # an article's byline, not a commenter
    dropped = rules.dropped_by(text)
    if dropped == "glued_links" and len(words) == 1:
        dropped = None  # "TheGratefulNet": one word with capitals inside is a handle, not a menu
    return dropped is None and not matches_any(rules.comment_section_start, text)


def _stamp_inside(author: str | None, rules: Rules) -> tuple[str | None, str | None]:
    """(name, stamp) of a header's name part that also holds the time stamp, in any order."""
    found = rules.stamp.search(author) if author and rules.stamp is not None else None
    if found is None:
        return author, None
    name = STAMP_JOINERS.sub("", f"{author[:found.start()]} {author[found.end():]}")
    return " ".join(name.split()) or None, found.group(0)


class Header(NamedTuple):
    author: str | None
    stamp: str | None  # as printed
    consumed: int  # units the header takes
    numbered: bool = False  # it carries a user number or a vote count ("by NAME (12345)", "NAME 5 pts")


def match_header(units: list[Unit], i: int, rules: Rules) -> Header | None:
    """The header when a comment starts at units[i]."""
    text = units[i].text
    following = units[i + 1].text if i + 1 < len(units) else ""
    # a line that is only a stamp is no header, whatever part of it looks like a name ("Friday")
    match = matches_any(rules.comment_header, text) if not is_date_line(text, rules) else None
    if match:
        groups = match.groupdict()
        author, stamp = groups.get("author"), groups.get("date")
        if not stamp:
            author, stamp = _stamp_inside(author, rules)
        author = clean_author(author)
        if author and _plausible_author(author, rules):
            numbered = bool(groups.get("id"))
            if not stamp and following and is_date_line(following, rules):
                return Header(author, following, 2, numbered)
            if stamp or numbered or SAYS.search(text):
                return Header(author, stamp, 1, numbered)
    if following and is_date_line(following, rules) and _plausible_author(text, rules) \
            and len(text.split()) <= BARE_AUTHOR_WORDS and not is_date_line(text, rules):
        return Header(clean_author(text), following, 2)
    profile = _profile_lines(units, i + 1, rules)
    if profile and NAME_SHAPE.fullmatch(text) and _plausible_author(text, rules):
        return Header(clean_author(text), units[i + 1 + profile].text, profile + 2)
    if following and is_date_line(text, rules) and NAME_SHAPE.fullmatch(following) \
            and _plausible_author(following, rules) and not is_date_line(following, rules) \
            and i + 2 < len(units) and _is_comment_text(units[i + 2].text, rules):
        return Header(clean_author(following), text, 2)  # the date above the name: "November 5, 2012 / Gigi / text"
    return None


def _profile_lines(units: list[Unit], start: int, rules: Rules) -> int:
    """How many lines from `start` are a commenter's profile with a date line under them: a
    follower count ("387 Fans") with the motto above it, or a motto alone when it is no name
    (a sentence: "My karma ran over your dogma."), else 0. A short line that could be a name
    is a comment's text above the next name instead."""
    for n in (1, 2):
        if start + n >= len(units) or not is_date_line(units[start + n].text, rules):
            continue
        lines = [units[k].text for k in range(start, start + n)]
        if any(len(line) > PROFILE_CHARS for line in lines):
            return 0
        if matches_any(rules.commenter_profile, lines[-1]):
            return n
        if n == 1 and is_sentence(lines[0]) and not _plausible_author(lines[0], rules):
            return n
    return 0


def read_zone(units: list[Unit], rules: Rules) -> CommentZone:
    """The comments and chrome of a comment section that starts at units[0]."""
    zone = _read_zone(units, rules, undated=False)
    if not zone.comments and units and matches_any(rules.comment_section_start, units[0].text) \
            and _names_alternate_with_text(units[1:], rules):
        zone = _read_zone(units, rules, undated=True)
    # Signatures below the text ("Posted by: NAME | DATE"): the signed reading, where the header
    # reading found at most one comment (a reply quoting "NAME at DATE"), or where it took the
    # signatures themselves for headers ("Comment #2 - Posted by: NAME at DATE") and so gave
    # each text to the wrong name.
    headers = [b.text for b in zone.boilerplate if b.rule == "comment_header"]
    headers_are_signatures = sum(trailer(text, rules) is not None for text in headers) * 2 > len(headers) > 0
    if (len(zone.comments) < SIGNED_COMMENTS or headers_are_signatures) \
            and len(signatures(units, rules)) >= SIGNED_COMMENTS:
        signed = read_signed_zone(units, rules)
        if len(signed.comments) > len(zone.comments) \
                or headers_are_signatures and len(signed.comments) == len(zone.comments):
            zone = signed
    return zone


def _undated_header(units: list[Unit], i: int, rules: Rules) -> bool:
    """A commenter's name alone on its line, with the comment's text under it (a thread
    copied without its time stamps)."""
    text = units[i].text
    return (len(text.split()) <= BARE_AUTHOR_WORDS and BARE_NAME.match(text) is not None
            and len(LOWER_WORD.findall(text.split(None, 1)[-1])) <= 1 and _plausible_author(text, rules)
            and i + 1 < len(units) and _is_comment_text(units[i + 1].text, rules))


def _is_comment_text(text: str, rules: Rules) -> bool:
    return not _plausible_author(text, rules) and is_chrome(text, rules) is None


def _names_alternate_with_text(units: list[Unit], rules: Rules) -> bool:
    """Name, text, name, text, ... right under the section's marker: only then are names without
    a date taken as comment headers. A comment may run to a few lines (a link the commenter
    gave, a second paragraph); "Reply" lines aside."""
    opening = [u for u in units[:4 * UNDATED_PAIRS]
               if is_chrome(u.text, rules) != "comment_chrome" and not BARE_LINK.fullmatch(u.text)]
    opening = opening[:3 * UNDATED_PAIRS]
    names = [k for k in range(len(opening)) if _undated_header(opening, k, rules)]
    return names[:1] == [0] and len(names) >= UNDATED_PAIRS


def _read_zone(units: list[Unit], rules: Rules, undated: bool) -> CommentZone:
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

    i = 0
    while i < len(units):
        unit = units[i]
        header = match_header(units, i, rules)
        if header is None and undated and _undated_header(units, i, rules):
            header = Header(clean_author(unit.text), None, 1)
        if header:
            close()
            author, stamp, consumed, _ = header
            current = ParsedComment(0, author, parse_stamp(stamp or ""), "")
            for header_unit in units[i:i + consumed]:
                zone.discard(header_unit, "comment_header")
            i += consumed
            continue
        count = comment_count(unit.text, rules)
        if count is not None:
            if zone.count_shown is None:
                zone.count_shown = count
            close()
            zone.discard(unit, "comment_count")
        elif current is not None and BARE_LINK.fullmatch(unit.text):
            # a link the commenter gave on its own line (or as the whole comment): the comment goes on under it
            current.body = f"{current.body}\n{unit.text}" if current.body else unit.text
            current_units.append(i)
        elif current is not None and current.body and current.posted_at is None \
                and is_date_line(unit.text, rules):
            current.posted_at = parse_stamp(unit.text)  # Blogger prints the time under the text
            zone.discard(unit, "comment_header")
        elif (rule := is_chrome(unit.text, rules)) is not None \
                and not (current is not None and _furniture_inside(units, i, rule, rules, undated)):
            close()
            zone.discard(unit, rule)
        elif current is not None:
            current.body = f"{current.body}\n{unit.text}" if current.body else unit.text
            current_units.append(i)
        else:
            zone.discard(unit, "after_comments")
            undated = False  # text no comment claims: the thread is over, what follows is page
        i += 1
    close()
    return zone


def _furniture_inside(units: list[Unit], i: int, rule: str, rules: Rules, undated: bool) -> bool:
    """A line a drop rule takes for page furniture (not the thread's own chrome) that is a
    commenter's sentence: "I shared it on Facebook and Twitter." or "Pick a project, and
    donate!", with more of the comment under it. It is one when it ends like a sentence and only
    text (or a link) stands between it and the next comment's header; at the thread's end,
    furniture and what follows it are the page's, and "Sign up for our newsletter" or
    "Permalink URL" never a comment's."""
    if rule in ("comment_chrome", "comment_section") or not is_sentence(units[i].text):
        return False
    for k in range(i + 1, min(i + 1 + HEADER_LOOKAHEAD, len(units))):
        if match_header(units, k, rules) or undated and _undated_header(units, k, rules):
            return k > i + 1
        if BARE_LINK.fullmatch(units[k].text):
            continue
        if is_chrome(units[k].text, rules) is not None or comment_count(units[k].text, rules) is not None:
            return False
    return False


def _thread_openers(units: list[Unit], headers: dict, start: int, rules: Rules) -> dict[int, int]:
    """Units that may open a thread by their shape alone, with no worded marker, each with the
    article words it needs above it:
    - a header carrying a time stamp, a user number or a vote count;
    - a header ("Dnomyar220 says:") with at least REPEATED_HEADERS - 1 more after it; one whose
      name is a clause's subject ("The minister said:") or whose text opens with a quotation
      mark (a vox pop) is no commenter's;
    - where a thread signed below its comments opens (signed_comments.signed_openers)."""
    openers = {i: MIN_ARTICLE_WORDS for i, header in headers.items()
               if header and (header.stamp or _numbered(units, i, header, rules))}
    for i, header in headers.items():
        if header and SAYS.search(units[i].text) and (header.stamp or _dated_below(units, i, header, headers, rules)):
            openers[i] = MIN_ARTICLE_WORDS_SIGNED
    repeated = []
    for i, header in headers.items():
        if header is None or not header.author or NOT_A_NAME.match(header.author):
            continue
        after = units[i + header.consumed].text if i + header.consumed < len(units) else ""
        if after[:1] not in QUOTE_OPENERS:
            repeated.append(i)
    if len(repeated) >= REPEATED_HEADERS:
        for i in repeated[:len(repeated) - REPEATED_HEADERS + 1]:
            openers.setdefault(i, MIN_ARTICLE_WORDS)
        # stamped to the minute ("Steve November 6, 2012 at 12:27 pm") and repeated: a teaser
        # list prints the day alone, so under these a short blog post is enough article
        for i in repeated[:len(repeated) - REPEATED_HEADERS + 1]:
            if headers[i].stamp and HAS_TIME.search(headers[i].stamp):
                openers[i] = min(openers[i], MIN_ARTICLE_WORDS_SIGNED)
    openers.update(signed_openers(units, start, rules))
    return openers


def _dated_below(units: list[Unit], i: int, header: Header, headers: dict, rules: Rules) -> bool:
    """Blogger's shape: "NAME said..." over the comment's text, its time stamp alone on the line
    under the text. The date is what tells it from a speaker introduced with a colon in an
    article ("Smith said:" over a quotation)."""
    text_at = i + header.consumed
    if not header.author or NOT_A_NAME.match(header.author) or text_at >= len(units) \
            or units[text_at].text[:1] in QUOTE_OPENERS:
        return False  # "Smith said:" over a quotation is an article's
    for k in range(text_at, min(text_at + HEADER_LOOKAHEAD, len(units))):
        if headers.get(k):
            return False
        if k > text_at and rules.stamp.fullmatch(units[k].text.strip(" ,")):
            return True  # a bare stamp, not "Updated March 3, 2012" closing an article
        if not _is_comment_text(units[k].text, rules):
            return False
    return False


def _numbered(units: list[Unit], i: int, header: Header, rules: Rules) -> bool:
    """The header at units[i] carries a user number or a vote count, a commenter's shape on its
    own as a time stamp is, and a comment's text follows it: a box score ("Curry 31 pts /
    Thompson 22 pts") is a list of such lines."""
    text_at = i + header.consumed
    return header.numbered and text_at < len(units) and _is_comment_text(units[text_at].text, rules)


def _comments_only(marker: str, zone: CommentZone, rules: Rules) -> bool:
    """A text that is nothing but a comment thread opens with the section's own marker and
    holds comments of comment length; a byline with a date above an article does not."""
    if matches_any(rules.comment_section_start, marker) is None:
        return False
    return bool(zone.comments) and all(len(c.body.split()) <= 150 for c in zone.comments)


def _one_name_repeated(zone: CommentZone) -> bool:
    authors = [c.author for c in zone.comments if c.author]
    if len(authors) < 4:
        return False
    most = max(authors.count(a) for a in set(authors))
    return most > 0.6 * len(authors)


def find_comment_section(units: list[Unit], start: int, rules: Rules) -> int | None:
    """Index of the first unit of the comment section, or None.

    A marker counts only when what follows it is comments or chrome: a "Comments" link in
    the page header, or a "Leave a comment" link under the byline, must not swallow the
    article. So the article text before the marker must outweigh the text after it that no
    comment claims, or comments must follow at once."""
    content_before = 0
    tried = 0
    # every header matched once: both the repetition and the stamp tests read them
    headers = {i: match_header(units, i, rules) for i in range(start, len(units))}
    openers = _thread_openers(units, headers, start, rules)
    for i in range(start, len(units)):
        text = units[i].text
        short = len(text) <= 300
        # an opener may be a signed comment's own text, as long as a comment is
        marker = i in openers or short and (matches_any(rules.comment_section_start, text) is not None
                                            or comment_count(text, rules) is not None)
        if marker and tried < 12:
            tried += 1
            zone = read_zone(units[i:], rules)
            worded = matches_any(rules.comment_section_start, text) is not None
            if content_before == 0 and not _comments_only(text, zone, rules):
                continue
            if content_before < openers.get(i, MIN_ARTICLE_WORDS) and not worded:
                continue
            # a byline with a date above the article would make the article one long comment
            if zone.comments and len(zone.comments[0].body.split()) > max(250, content_before):
                continue
            if _one_name_repeated(zone):
                continue  # a photo gallery or teaser list: "UK news in pictures / 2 November 2020" x 50
            unclaimed = sum(u.words for k, u in enumerate(units[i:])
                            if k not in zone.comment_units and is_content(u, rules))
            first_comment_near = any(
                k in zone.comment_units for k in range(min(HEADER_LOOKAHEAD, len(units) - i)))
            if unclaimed < max(content_before, 40) or (first_comment_near and unclaimed < 3 * content_before):
                return i
        if is_content(units[i], rules):
            content_before += units[i].words
    return None
