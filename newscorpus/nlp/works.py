"""Titles of creative works, which the model reads as people, organisations or places.

"his book Hydraulica", "the opera Rusalka", "romantic comedy Chasing Liberty": a capitalised
name right after a work noun (`work_nouns.txt`) is the work's title. It is typed WORK, with
every other mention of it in the article: "Rusalka" later alone is the opera too. Names
the lexicon or a head word types ("Microsoft", "Royal Society") are left alone, and so is a
name a title, a form of address or its own verb makes a person's: "the story Trump told"
reads "Trump" as the teller.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Lexicon

if TYPE_CHECKING:
    from .mentions import RawMention

OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
FINITE_VERBS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CLAUSE_HEADS = frozenset({"nsubj", "nsubjpass", "ROOT"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _work_noun_before(doc, start: int, lex: Lexicon):
    """The lower-case work noun right before token `start` (an opening quote aside), or None."""
    i = start - 1
    if i >= 0 and doc[i].text in OPENING_QUOTES:
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if tok.is_lower and tok.pos_ == "NOUN" and tok.lower_ in lex.work_nouns else None


def _opens_a_clause(doc, noun, start: int, end: int) -> bool:
    """ "In his book Obama says", "the story Trump told": a finite verb after the name, and the
    work noun no clause's subject, make the name the subject of a new clause, not a title
    ("The film Parasite won" keeps its title)."""
    if end >= len(doc) or noun.dep_ in CLAUSE_HEADS or start <= noun.head.i < end:
        return False  # "The sitcom Seinfeld ran": the noun qualifies the name
    verb = doc[end]
    return verb.tag_ in FINITE_VERBS or (verb.tag_ == "VBN" and doc[start:end].root.dep_ in SUBJECTS)


def retype_works(doc, mentions: list[RawMention], lex: Lexicon) -> list[RawMention]:
    """Mentions of works' titles retyped WORK (in place); the list is returned."""
    from .mentions import after_form_of_address  # mentions.py calls this module

    titled: set[int] = set()  # the mentions right after a work noun
    for index, m in enumerate(mentions):
        start, end = m.tokens
        noun = _work_noun_before(doc, start, lex) if start >= 0 and m.type in {"PERSON", "ORG", "PLACE"} else None
        if noun is not None and not _opens_a_clause(doc, noun, start, end):
            titled.add(index)
    if not titled:
        return mentions
    keys = {mentions[i].key for i in titled}
    blocked = {m.key for m in mentions if m.key in keys and (
        m.head_typed or m.titles or m.type not in {"PERSON", "ORG", "PLACE"}
        or m.key in lex.canonical_types or m.key in lex.canonical_aliases
        or (m.tokens[0] >= 0 and after_form_of_address(doc, m.tokens[0])))}
    # "the documentary Weiner" about Anthony Weiner: the title is his name, and the other
    # mentions of "Weiner" are him.
    people = {w for m in mentions if m.type == "PERSON" and len(m.words) >= 2 for w in (m.words[0], m.words[-1])}
    for index, m in enumerate(mentions):
        if m.key in blocked:
            continue
        if index in titled or (m.key in keys and m.key not in people):
            m.type, m.head_typed = "WORK", True
    return mentions
