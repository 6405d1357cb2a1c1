"""Quotations of one article body, with their kind, cue and speakers.

    quotes = find_quotes(doc, entities, mentions)   # doc = get_nlp()(body), entities/mentions = find_entities(doc)

A quoted stretch (quote_spans.py) is
- `direct` when it is the speaker's own clause: it opens its sentence, follows a colon, or
  follows the cue ("said, “...", "said that “We..."), and is more than a word or two;
- `partial` when it is a fragment of the reporter's sentence ("were “destined to fail.”"):
  kept only if that sentence has a cue;
- nothing when it is a title (“The Big Game”), a quoted subheading on its own line, or a
  scare quote (short, no cue).
Speakers come from the cue (cues.py, speakers.py); a direct quote without a cue continues
the speaker of the quote or reporting clause just before it; otherwise speakers = [].

`text` is body[start:end], except for a quotation running over several paragraphs: then its
pieces are joined by a blank line without the marks that reopen each paragraph, and
start/end span from its first word to its last.
"""
from __future__ import annotations

import re

from ..parts import EntityRef, FoundQuote, Mention
from .context import QuoteContext
from .cues import Cue, find_cue, is_cue_token
from .quote_spans import QuotedSpan, paragraphs, quoted_spans
from .speakers import speakers_for

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MARKS = "\"“”„«»‘’'`"
_TRAILING_MARKS = re.compile(r"[\s\"“”„«»‘’'`]+$")  # \s: news text is full of no-break spaces
_ONLY_MARKS = re.compile(r"^[\s\"“”„«»‘’'`]*$")
# a direct quote shorter than this must end in punctuation to count as the speaker's clause
MIN_DIRECT_WORDS = 4
# quoted Title Case of at most this many words is a title or a name, not speech
MAX_TITLE_WORDS = 8
MAX_HEADING_WORDS = 12
# a vox pop's label line ("Jane Roe, 34, a nurse from Leeds:") is at most this long
LABEL_MAX_WORDS = 12
SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs"})


def find_quotes(doc, entities: list[EntityRef], mentions: list[Mention]) -> list[FoundQuote]:
    """Quotations of the article in `doc`, in text order."""
    entities, mentions = entities or [], mentions or []
    body = doc.text
    spans = quoted_spans(body)
    if not spans:
        return []
    paras = paragraphs(body)
    article = QuoteContext(doc=doc, text=body, entities=entities, mentions=mentions, quoted=[p for s in spans for p in s.pieces])
    person_names = {e.name for e in entities if e.type == "PERSON"}
    entity_names = {e.name for e in entities}
    quotes: list[FoundQuote] = []
    last_para: list[int] = []  # paragraph index where each kept quote ends
    spoken: list[tuple[int, str]] = []
    for span in spans:
        first, last = _paragraph_index(paras, span.start), _paragraph_index(paras, span.end - 1)
        lo, hi = paras[first][0], paras[last][1]
        text = span.text(body)
        if _is_heading(body, span, paras[first]) or _is_title(text):
            continue
        sentence_lo, sentence_hi = _sentence_bounds(doc, body, span, lo, hi)
        direct = _opens_clause(doc, body, span, sentence_lo, text)
        cue = find_cue(article, span.start, span.end, sentence_lo, sentence_hi)
        colon = _introducing_colon(body, span, sentence_lo, paras[first - 1] if first > 0 else None, lo) if direct else None
        named_at_colon: list[str] = []
        if cue is None and colon is not None:
            prev_lo = paras[first - 1][0] if colon < lo else lo
            cue = find_cue(article, span.start, span.end, _last_sentence_start(doc, prev_lo, colon + 1), colon + 1)
            if cue is None:
                # "pollster Daron Shaw: “...": the name before the colon, else the clause's subject
                named_at_colon = _named_before_colon(article, colon)
                cue = None if named_at_colon else _clause_verb_cue(doc, colon, span)
        if not direct and (cue is None or _is_object_of_cue(doc, body, span, cue)):
            # a fragment nobody is said to have said, or the object of the verb ("will not
            # answer foreign “sanctions”"): a scare quote
            continue
        if named_at_colon:
            speakers = named_at_colon
        elif cue is not None:
            speakers = speakers_for(article, cue, spoken)
        else:
            speakers = (_signed_below(article, paras, last)
                        or (_label_person(article, *paras[first - 1]) if first > 0 else [])
                        or _continued_speakers(article, quotes, last_para, first, paras, span, spoken))
        quotes.append(FoundQuote(start=span.start, end=span.end, text=text, kind="direct" if direct else "partial",
                            cue=cue.text if cue else None, speakers=speakers))
        last_para.append(last)
        # a name the model missed is most often a person's ("Hannity said")
        if speakers and (speakers[0] in person_names or speakers[0] not in entity_names):
            spoken.append((span.end, speakers[0]))
    return _share_speakers_of_repeats(quotes)


def _share_speakers_of_repeats(quotes: list[FoundQuote]) -> list[FoundQuote]:
    """A pull quote or a headline repeats a quote of the body: it has the same speaker."""
    keyed = [(" ".join(_words(q.text.casefold())), q) for q in quotes]
    for key, quote in keyed:
        if quote.speakers or len(key) < 12:
            continue
        for other_key, other in keyed:
            if other is not quote and other.speakers and (key in other_key or other_key in key):
                quote.speakers = list(other.speakers)
                break
    return quotes


def _label_person(article: QuoteContext, lo: int, hi: int) -> list[str]:
    """A vox pop's label, on a line of its own above or before the quote: "Jane Roe, 34, Leeds",
    "Jane Roe, The Daily Record:", "Tom Brown, retired teacher": the person it opens with
    (never the town or the outlet after the name). A sentence is no label. A dash line under a
    quote stays its signature (_signed_below is asked first), so a vox pop written as a dash
    list is read as signatures."""
    line = article.text[lo:hi].strip()
    label = line[:-1].rstrip() if line.endswith(":") else line
    if not label or len(label.split()) > LABEL_MAX_WORDS or label[-1:] in ".!?\"”’" or article.in_quote(lo):
        return []
    start = lo
    while start < hi and (article.text[start].isspace() or article.text[start] in "-–—•*"):
        start += 1
    mention = article.mention_at(start)
    if mention is None or mention.type != "PERSON" or mention.start != start:
        return []
    rest = article.text[mention.end:hi].strip()
    return [mention.name] if not rest or rest[0] in ",:(" else []


def _named_before_colon(article: QuoteContext, colon: int) -> list[str]:
    """ "Reid: 'Never, ever underestimate Trump.'", "- Mark Blumenthal and Jon Cohen: “...": the
    names just before a colon that introduces the quote; a vox pop's label line ending in the
    colon gives the person it opens with."""
    body = article.text
    line_start = body.rfind("\n", 0, colon) + 1
    labelled = _label_person(article, line_start, colon + 1)
    if labelled:
        return labelled
    end = len(body[:colon].rstrip())
    names: list[str] = []
    while end > 0:
        mention = article.mention_at(end - 1)
        if mention is None or mention.type not in ("PERSON", "ORG") or mention.end < end - 1:
            break
        names.insert(0, mention.name)
        before = body[:mention.start].rstrip()
        if not before.endswith((" and", ",")):
            break
        end = len(before[:-3].rstrip() if before.endswith(" and") else before[:-1].rstrip())
    return names


def _is_object_of_cue(doc, body: str, span: QuotedSpan, cue: Cue) -> bool:
    """A short quoted phrase that is just the cue verb's object or subject names a thing, it does
    not report words ("answer foreign “sanctions”"); a fragment of what was said sits inside the
    cue's clause ("said their partnership has “no limits”")."""
    if cue.according_to or len(_words(body[span.start:span.end])) > 3:
        return False
    quoted = doc.char_span(span.start, span.end, alignment_mode="expand")
    if quoted is None or not len(quoted):
        return False
    root = quoted.root
    return root.head.i == cue.token_index and root.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "compound", "amod")


def _signed_below(article: QuoteContext, paras: list[tuple[int, int]], last: int) -> list[str]:
    """A quote followed by a paragraph "- Hillary Clinton." or "—President Obama, tweeting ...". """
    if last + 1 >= len(paras):
        return []
    lo, hi = paras[last + 1]
    line = article.text[lo:hi]
    stripped = line.lstrip()
    if stripped[:1] not in ("-", "—", "–"):
        return []
    name_at = lo + len(line) - len(stripped) + 1
    while name_at < hi and article.text[name_at] in " -—–":
        name_at += 1
    for offset in range(name_at, min(hi, name_at + 40)):
        mention = article.mention_at(offset)
        if mention is not None and mention.type in ("PERSON", "ORG"):
            return [mention.name]
    return []


def _introducing_colon(body: str, span: QuotedSpan, sentence_lo: int, previous: tuple[int, int] | None, lo: int) -> int | None:
    """Offset of the colon that introduces the quote ("Kasich resisted: “...”", or a paragraph
    ending "issued the following statement:" before the quote's own), if there is one."""
    prefix = _without_trailing_marks(body[sentence_lo:span.start])
    if prefix.endswith(":"):
        return sentence_lo + len(prefix) - 1
    if previous is not None and _ONLY_MARKS.match(body[lo:span.start]):
        text = body[previous[0]:previous[1]].rstrip()
        if text.endswith(":"):
            return previous[0] + len(text) - 1
    return None


def _clause_verb_cue(doc, colon: int, span: QuotedSpan) -> Cue | None:
    """The verb of the clause a colon ends, as the cue: "As John Cornyn put it: “...”"."""
    before = doc.char_span(max(0, colon - 200), colon, alignment_mode="contract")
    if before is None or not len(before):
        return None
    token = before[-1]
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in ("VERB", "AUX") and not span.start <= candidate.idx < span.end:
            return Cue(candidate.i, candidate.text, quote_start=span.start, quote_end=span.end)
    return None


def _without_trailing_marks(text: str) -> str:
    return _TRAILING_MARKS.sub("", text)


def _paragraph_index(paras: list[tuple[int, int]], offset: int) -> int:
    for i, (lo, hi) in enumerate(paras):
        if offset < hi:
            return i
    return len(paras) - 1


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_heading(body: str, span: QuotedSpan, para: tuple[int, int]) -> bool:
    """A quoted line on its own without a full stop: a subheading (‘Invincible Mutual Trust’)."""
    lo, hi = para
    outside = _without_trailing_marks(body[lo:span.start] + body[span.end:hi]).lstrip(_MARKS).strip()
    text = body[span.start:span.end].rstrip()
    return not outside and len(span.pieces) == 1 and not text.endswith((".", "!", "?", ",", ";", ":")) \
        and len(_words(text)) <= MAX_HEADING_WORDS


def _is_title(text: str) -> bool:
    """ “The Big Game”, “Make America Great Again”: Title Case without closing punctuation."""
    words = _words(text)
    stripped = text.rstrip()
    if not words or len(words) > MAX_TITLE_WORDS or stripped.endswith(("!", "?", ";", ":")):
        return False
    # a title may carry the reporter's comma or full stop inside the marks ("“Opening Belle,”"),
    # a spoken word or two may not
    if stripped.endswith((".", ",")) and (len(words) < 2 or len(words) > 6):
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS or w is words[0]]
    return all(w[0].isupper() or w[0].isdigit() for w in content) and any(len(w) > 1 for w in content) \
        and (len(content) > 1 or text.isupper())


def _sentence_bounds(doc, body: str, span: QuotedSpan, lo: int, hi: int) -> tuple[int, int]:
    """Character range of the sentences the quote sits in, kept inside its paragraphs."""
    first = doc.char_span(span.start, min(span.start + 1, span.end), alignment_mode="expand")
    last = doc.char_span(max(span.end - 1, span.start), span.end, alignment_mode="expand")
    start = first[0].sent.start_char if first is not None and len(first) else span.start
    end = last[-1].sent.end_char if last is not None and len(last) else span.end
    # the parser often ends a sentence at a closing mark after "!", "?" or ",": the attribution
    # that follows ("...!” Bush said.") belongs to the quote all the same
    if not body[span.start:span.end].rstrip().endswith(".") and end <= span.end + 3:
        after = doc.char_span(end, min(hi, end + 200), alignment_mode="contract")
        following = [t for t in after if not t.is_space and t.text not in _MARKS] if after is not None else []
        if following:
            end = max(end, following[0].sent.end_char)
    # a sentence split inside the quote mark itself would leave the mark out of the window
    return max(lo, min(start, span.start)), min(hi, max(end, span.end))


def _last_sentence_start(doc, lo: int, hi: int) -> int:
    span = doc.char_span(max(lo, hi - 1), hi, alignment_mode="expand")
    return max(lo, span[-1].sent.start_char) if span is not None and len(span) else lo


def _opens_clause(doc, body: str, span: QuotedSpan, sentence_lo: int, text: str) -> bool:
    """Whether the quote is the speaker's own clause rather than a fragment of the reporter's."""
    words = _words(text)
    sentence_like = len(words) >= MIN_DIRECT_WORDS or text.rstrip().endswith((".", "!", "?", ","))
    if not sentence_like:
        return False
    prefix = _without_trailing_marks(body[sentence_lo:span.start])
    if not prefix.strip() or prefix.endswith((":", "(", "—", "–", " -", "--")):
        return True  # at the start of the sentence, or of a parenthesis or a dash
    starts_upper = text.lstrip(_MARKS + " ")[:1].isupper()
    before = doc.char_span(max(sentence_lo, len(prefix) + sentence_lo - 300), sentence_lo + len(prefix),
                           alignment_mode="contract")
    tail = [t for t in before] if before is not None else []
    if prefix.endswith(","):
        # "Mr. Garin added, ''it becomes harder"; "Beck joked, again using an accent, “Amen ..."
        near = tail[-6:] if not starts_upper else tail
        return any(is_cue_token(t) or t.lower_ == "according" for t in near)
    if tail and is_cue_token(tail[-1]):
        return starts_upper or len(words) >= 8
    if tail and tail[-1].lower_ == "that" and len(tail) >= 2 and starts_upper:
        return True
    return False


def _continued_speakers(article: QuoteContext, quotes: list[FoundQuote], last_para: list[int], first: int,
                        paras: list[tuple[int, int]], span: QuotedSpan, spoken) -> list[str]:
    """The speaker of a cue-less direct quote: whoever spoke just before in this or the
    previous paragraph, else the person of the last reporting clause there; else nobody."""
    if quotes and last_para[-1] >= first - 1 and quotes[-1].speakers:
        return list(quotes[-1].speakers)
    lo = paras[max(0, first - 1)][0] if _ONLY_MARKS.match(article.text[paras[first][0]:span.start]) else paras[first][0]
    doc = article.doc
    window = doc.char_span(lo, span.start, alignment_mode="contract")
    if window is None:
        return []
    person_names = {e.name for e in article.entities if e.type == "PERSON"}
    for token in reversed(list(window)):
        if article.in_quote(token.idx) or not is_cue_token(token):
            continue
        names = speakers_for(article, Cue(token.i, token.text), spoken)
        if names and names[0] in person_names:
            return names
    return []
