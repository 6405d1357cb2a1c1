"""Finding the cue of a quotation: the reporting verb (lexicon/reporting_verbs.txt) or "according to"
near it, preferably one the quote's clause hangs from in the dependency parse, and the tokens that
head its subject, where speaker resolution starts.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import SUBJECT_DEPS, QuoteContext
from .lexicon import lexicon

# a participle or coordinated verb shares its subject with the verb it hangs from:
# "the diplomat added, saying ...", "X said ... and warned"
SUBJECT_SHARING_DEPS = ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl", "dep", "parataxis")
# How far from a quote, in characters, its cue is looked for (about 70 words either side).
CUE_REACH_CHARS = 400


@dataclass(frozen=True)
class Cue:
    token_index: int
    text: str
    according_to: bool = False
    quote_start: int = -1  # the quotation it introduces, so that names inside it are never its speaker
    quote_end: int = -1


def is_cue_token(token) -> bool:
    return token.lower_ in lexicon().reporting_verbs and (token.tag_.startswith("VB") or token.pos_ == "VERB")


def find_cue(article: QuoteContext, start: int, end: int, lo: int, hi: int) -> Cue | None:
    """The reporting verb (or "according to") of the quote at [start, end), looked for in
    body[lo:hi] outside quotation marks; one the quote's clause hangs from wins, then the nearest."""
    doc = article.doc
    # Within reach of the quote: a sentence can be a whole keyword list, and scanning all of it
    # for every quote in it made extraction quadratic in the line's length.
    window = doc.char_span(max(lo, start - CUE_REACH_CHARS), min(hi, end + CUE_REACH_CHARS), alignment_mode="contract")
    if window is None:
        return None
    inside = [t for t in window if start <= t.idx < end]
    ancestors = {a.i for t in inside for a in t.ancestors if not start <= a.idx < end}
    best, best_key = None, None
    for token in window:
        if start <= token.idx < end or article.in_quote(token.idx):
            continue
        according = token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
        if not according and (not is_cue_token(token) or _subject_inside(token, start, end)):
            continue
        if according:
            distance = abs(token.i - (inside[0].i if inside else token.i))
        elif token.idx >= end:
            distance = token.i - (inside[-1].i if inside else token.i)
        else:
            distance = (inside[0].i if inside else token.i) - token.i
        key = (token.i not in ancestors and not according, distance)
        if best_key is None or key < best_key:
            best, best_key = token, key
    if best is None:
        return None
    if best.lower_ == "according":
        return Cue(best.i, "according to", according_to=True, quote_start=start, quote_end=end)
    return Cue(best.i, best.text, quote_start=start, quote_end=end)


def _subject_inside(verb, start: int, end: int) -> bool:
    """China’s "ambitions and coercive policies" challenge ...: the quote is the verb's subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and all(start <= c.idx < end for c in subjects)


def speaker_heads(doc, cue: Cue) -> list:
    """The tokens heading the phrase that names who spoke."""
    token = doc[cue.token_index]
    if cue.according_to:
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        objects = [c for c in (nxt.children if nxt is not None else []) if c.dep_ == "pobj"]
        if not objects and nxt is not None and nxt.i + 1 < len(doc):
            objects = [doc[nxt.i + 1]]
        return objects[:1]
    verb = token
    for _ in range(4):
        # the parser sometimes makes a word of the quote a second subject
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS
                    and not cue.quote_start <= c.idx < cue.quote_end]
        if subjects:
            return subjects[:1]
        if verb.dep_ not in SUBJECT_SHARING_DEPS or verb.head is verb:
            break
        verb = verb.head
    return []
