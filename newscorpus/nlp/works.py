"""Titles of creative works, which the model reads as people, organisations or places.

"his book Hydraulica", "the opera Rusalka", "romantic comedy Chasing Liberty": a capitalised
name right after a work noun (`work_nouns.txt`) is the work's title, and so is a name cited
with one year in brackets, "Match Point (2005)", "Stoker (film, 2013)", or owned by a person,
"Woody Allen's Match Point", or listed after a work noun and "including" ("films, including
Silent Witness, ..."); a title the model left untagged after a work noun ("the TV series
Supernatural") makes its tagged mentions elsewhere the work too. It is typed WORK, with
every other mention of it in the article: "Rusalka" later alone is the opera too. Names
the lexicon types ("Microsoft") are left alone, as are those a head word types ("Royal
Society (1660)") unless a work noun stands before them ("the drama Downton Abbey"), and so is a
name a title, a form of address or its own verb makes a person's: "the story Trump told"
reads "Trump" as the teller.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import name_evidence
from .lexicon import Lexicon, canonical_key
from .places import known_place

if TYPE_CHECKING:
    from .mentions import RawMention

TITLE_ARTICLES = frozenset({"The", "A", "An"})
OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
FINITE_VERBS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CLAUSE_HEADS = frozenset({"nsubj", "nsubjpass", "ROOT"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
BRACKET_MAX_TOKENS = 6


def _work_noun_before(doc, start: int, lex: Lexicon):
    """The lower-case work noun right before token `start` (an opening quote and a title's own
    "The" aside: "the play The Tempest"), or None."""
    i = start - 1
    if i >= 0 and doc[i].text in TITLE_ARTICLES:
        i -= 1
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


def _dated(doc, end: int, lex: Lexicon) -> tuple[int, bool]:
    """After the name ending at token `end`, one year in brackets, perhaps with a work noun:
    "(1958)", "(film, 2004)", "(2004 TV series)". Returns the closing bracket's index (-1 for
    none) and whether a work noun says what the work is.
    ("(1918–2013)" is a life or an organisation's years, "(born 1950)" a person's.)"""
    n = len(doc)
    if end >= n or doc[end].text != "(":
        return -1, False
    years, named = 0, False
    for i in range(end + 1, min(n, end + BRACKET_MAX_TOKENS)):
        tok = doc[i]
        if tok.text == ")":
            return (i, named) if years == 1 else (-1, False)
        if len(tok.text) == 4 and tok.text.isdigit() and 1400 <= int(tok.text) <= 2100:
            years += 1
        elif tok.is_lower and tok.lower_ in lex.work_nouns:
            named = True
        elif tok.text not in {",", "TV"}:
            return -1, False
    return -1, False


def _dated_work(doc, m: RawMention, lex: Lexicon, people: set[str]) -> str:
    """A name cited with its year is a work's title ("yes"), unless it reads as a person's or
    a place's: a city ("Athens (2004), Beijing (2008)" host the Games), a word of a person's
    full name or an author cited with the year of a work ("Fillmore (1968) argued"). A lone
    word the model read as a person must stand in a list of dated titles ("Stoker (2013),
    Belle (2013)"); a longer one is a title if the model reading it alone does not take it
    for a person ("Childish Recollections (1806)", not "Barack Obama (2012)"): "ask". A work
    noun in the brackets settles it: "Gilmore Girls (2000 TV series)"."""
    start, end = m.tokens
    close, named = _dated(doc, end, lex)
    if close < 0:
        return ""
    if m.type == "ORG" or (named and m.type == "PERSON"):  # "Gilmore Girls (2000 TV series)"
        return "yes"
    if m.type == "PLACE":
        return "" if known_place(m.key, "ORG") else "yes"
    after = doc[close + 1] if close + 1 < len(doc) else None
    if m.type != "PERSON" or m.key in people or (after is not None and after.tag_ in FINITE_VERBS):
        return ""
    if _after_by(doc, start):
        return ""  # the work's author and its year: "St. Jerome in the Desert, by Giovanni Bellini (1505)"
    if end - start > 1:
        return "ask"
    listed_before = start >= 2 and doc[start - 1].text in {",", "and"} and doc[start - 2].text == ")"
    return "yes" if listed_before or (after is not None and after.text in {",", "and"}) else ""


AUTHORS_MAX_TOKENS = 6


def _after_by(doc, start: int) -> bool:
    """The name at token `start` follows "by", alone or with co-authors: "by Giovanni Bellini",
    "by Cruse and Croft"."""
    for i in range(start - 1, max(-1, start - 1 - AUTHORS_MAX_TOKENS), -1):
        tok = doc[i]
        if tok.lower_ == "by":
            return True
        if not (tok.text[:1].isupper() or tok.lower_ in {"and", "&", ","}):
            return False
    return False


POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _possessed_title(doc, mentions: list[RawMention], index: int, people: set[str], lex: Lexicon) -> bool:
    """ "Woody Allen's Match Point", "Jean Cocteau's La Machine Infernale", "Vaughn's Kingsman": a
    name right after a person's possessive is the title of a work of theirs, unless it is a
    person's (a word of a full name the article gives, a given name first: "Bush's Dick Cheney")
    or the lexicon, a head word or the gazetteers type it ("Trump's White House", "Obama's
    Chicago"). The owner must be a person: "Berkeley's Department", "Google's Android" stay.
    One word the model read as an organisation is a firm as often ("Musk's Tesla"): not taken."""
    m = mentions[index]
    start, end = m.tokens
    if index == 0 or start < 2 or doc[start - 1].text not in POSSESSIVES:
        return False
    owner = mentions[index - 1]
    if owner.tokens[1] != start - 1 or owner.type != "PERSON" and owner.key not in people:
        return False
    if m.head_typed or m.titles or m.key in people or m.text.replace(".", "").isupper():
        return False
    if m.type == "ORG" and end - start == 1 or known_place(m.key, "ORG"):
        return False
    return not name_evidence.opens_with_a_given_name(doc[start:end], lex)


LIST_LEADS = frozenset({"including", "like"})  # "films, including Silent Witness, Close to Home"
LIST_WORDS = frozenset({",", "and", "or", "the", "a", "an", "to", "of", "in", "on", "at", "for", "with"})
LIST_MAX_TOKENS = 40


def _untagged_titles(doc, mentions: list[RawMention], lex: Lexicon) -> tuple[set[str], set[int]]:
    """Titles after a work noun the model left untagged, by their keys ("the TV series
    Supernatural", so "the Supernatural panel" later is the series too), and the mentions listed
    after a work noun with "including" or "like" ("made-for-television films, including Silent
    Witness, Close to Home and ..."), by their indices. A list runs through capitalised words,
    joiners and a title's small words, and stops at anything else."""
    covered = {i for m in mentions if m.tokens[0] >= 0 for i in range(*m.tokens)}
    by_start = {m.tokens[0]: index for index, m in enumerate(mentions) if m.tokens[0] >= 0}
    keys: set[str] = set()
    listed: set[int] = set()
    n = len(doc)
    for tok in doc:
        word = tok.lower_
        if not (tok.is_lower and tok.pos_ == "NOUN" and (word in lex.work_nouns or word[:-1] in lex.work_nouns)):
            continue  # "the TV series", "films, including"
        i = tok.i + 1
        if i < n and doc[i].text in OPENING_QUOTES:
            i += 1
        end = i
        while end < n and end not in covered and doc[end].is_alpha and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        if end > i and (end >= n or doc[end].tag_ not in FINITE_VERBS) and doc[i].text not in TITLE_ARTICLES:
            keys.add(canonical_key(doc[i:end].text))
        j = tok.i + 1
        if j + 1 < n and doc[j].text == "," and doc[j + 1].lower_ in LIST_LEADS:
            j += 2
            while j < min(n, tok.i + LIST_MAX_TOKENS) and (
                    doc[j].lower_ in LIST_WORDS or doc[j].is_title or j in covered):
                if j in by_start:
                    listed.add(by_start[j])
                j += 1
    return keys, listed


def retype_works(doc, mentions: list[RawMention], lex: Lexicon) -> list[RawMention]:
    """Mentions of works' titles retyped WORK (in place); the list is returned."""
    from .mentions import after_form_of_address  # mentions.py calls this module

    people = {w for m in mentions if m.type == "PERSON" and len(m.words) >= 2 for w in (m.words[0], m.words[-1])}
    titled: set[int] = set()  # the mentions right after a work noun or dated like a work
    after_noun: set[str] = set()  # the keys of those right after a work noun
    ask: dict[int, str] = {}
    for index, m in enumerate(mentions):
        start, end = m.tokens
        if start < 0 or m.type not in {"PERSON", "ORG", "PLACE"}:
            continue
        noun = _work_noun_before(doc, start, lex)
        if noun is not None and not _opens_a_clause(doc, noun, start, end):
            titled.add(index)
            after_noun.add(m.key)
            continue
        if _possessed_title(doc, mentions, index, people, lex):
            titled.add(index)
            continue
        dated = _dated_work(doc, m, lex, people)
        if dated == "yes":
            titled.add(index)
        elif dated == "ask":
            ask[index] = m.text
    if ask:
        alone = name_evidence.labels_alone(set(ask.values()))
        titled.update(i for i, text in ask.items() if alone[text] != ("PERSON",))
    untagged, listed = _untagged_titles(doc, mentions, lex)
    # "guests on their podcast, including Shane Dawson": a person's full name in the list is a guest.
    titled.update(i for i in listed if mentions[i].type in {"ORG", "PLACE"} or (
        mentions[i].type == "PERSON" and len(mentions[i].words) == 1 and mentions[i].key not in people))
    titled -= {i for i in listed if known_place(mentions[i].key, "ORG")}
    if not titled and not untagged:
        return mentions
    keys = {mentions[i].key for i in titled} | untagged
    after_noun |= untagged
    # A work noun outweighs a head word ("the period drama Downton Abbey"); a year does not
    # ("The Royal Society (1660)").
    blocked = {m.key for m in mentions if m.key in keys and (
        (m.head_typed and m.key not in after_noun) or m.titles or m.type not in {"PERSON", "ORG", "PLACE"}
        or m.key in lex.canonical_types or m.key in lex.canonical_aliases or m.key in lex.type_overrides
        or (m.tokens[0] >= 0 and after_form_of_address(doc, m.tokens[0])))}
    # "the documentary Weiner" about Anthony Weiner: the title is his name, and the other
    # mentions of "Weiner" are him.
    for index, m in enumerate(mentions):
        if m.key in blocked:
            continue
        if index in titled or (m.key in keys and m.key not in people):
            m.type, m.head_typed = "WORK", True
    return mentions
