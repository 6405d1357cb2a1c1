"""A person named by their office alone: "Mr. President", "Madam Speaker", "the Secretary-General".

Speeches address the holder of an office by the office ("Thank you, Madam Speaker"), and
reports name one the same way ("a summit between the President of the United States and
..."). Capitalised like a name, the office is that person: one entity of the article, a
person, named as the article writes the office (with its form of address). The model tags
none of these, and a title before a name ("President Biden") is already that person's
(`EntityRef.titles`). Left alone:

- an office a name follows ("Speaker Pelosi"): a title;
- an office after a person's name and a comma ("Jane Roe, President of the Society"): hers;
- an office held by a person the article names ("President Biden ... Mr. President"): the
  article has that person already, and roles.py finds them for quotations;
- an office inside a longer name ("the Office of the President"), or after a capitalised word
  of no name ("Deputy Speaker", "Lord Chancellor": another office);
- an office opening a sentence without a form of address or determiner ("President of what?").

The office's mentions are not added to the article's mention list: quotations are attributed as
before, by roles.py.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..parts import EntityRef
from .lexicon import canonical_key, lexicon, normalise_surface

FORMS_OF_ADDRESS = r"(?:Mr\.?|Mister|Madam|Madame|Mrs\.?|Ms\.?)"
# "Vice President Bush" holds another office than "Mr. President".
SECOND_OFFICES = frozenset({"vice", "deputy", "assistant", "under", "lieutenant"})
DETERMINERS = frozenset({"the", "our", "my", "your", "his", "her", "their", "a", "as", "this"})


def _word_pattern(word: str) -> str:
    """ "president" -> President or PRESIDENT, as a name is written."""
    return f"(?:{re.escape(word[:1].upper() + word[1:])}|{re.escape(word.upper())})"


@lru_cache(maxsize=4)
def _office_pattern(offices: frozenset[str]) -> re.Pattern:
    phrases = []
    for office in sorted(offices, key=len, reverse=True):
        words = re.split(r"[\s-]+", office)
        phrases.append(r"[\s-]".join(_word_pattern(w) for w in words))
    return re.compile(rf"(?<![\w-])(?:(?P<address>{FORMS_OF_ADDRESS})\s+)?(?P<office>{'|'.join(phrases)})(?![\w-])")


def office_key(office: str) -> str:
    return " ".join(re.split(r"[\s-]+", office.casefold()))


def office_holders(doc, raw: list, entities: list[EntityRef]) -> list[EntityRef]:
    """The people the article names by their office alone (see the module's docstring), as
    entities to add to `entities`; `raw` are the article's raw mentions, titles included."""
    lex = lexicon()
    if not lex.offices:
        return []
    text = doc.text
    taken = [(m.start, m.end) for m in raw] + [(m.title_start, m.start) for m in raw if m.title_start >= 0]
    taken += [(e.start_char, e.end_char) for e in doc.ents if e.label_ != "PERSON"]
    person_ends = {m.end for m in raw if m.type == "PERSON"}
    held = _held_offices(entities)
    found: dict[str, Counter] = defaultdict(Counter)
    for match in _office_pattern(lex.offices).finditer(text):
        start, end = match.span()
        office_start = match.start("office")
        key = office_key(match.group("office"))
        if _names_follow(text, end):
            held.add(key)  # "Vice President HARRIS": the article names the holder, whatever the model saw
            continue
        if any(a < end and office_start < b for a, b in taken):
            continue
        if _stands_alone(doc, text, start, office_start, end, match.group("address"), person_ends):
            found[key][normalise_surface(match.group(0))] += 1
    found = {key: surfaces for key, surfaces in found.items() if key not in held}
    known = {canonical_key(e.name) for e in entities}
    holders = []
    for key, surfaces in found.items():
        name = max(surfaces, key=lambda s: (surfaces[s], len(s.split())))
        if canonical_key(name) in known:
            continue
        holders.append(EntityRef(name=name, type="PERSON", aliases=set(surfaces), mentions=sum(surfaces.values())))
    return holders


def _held_offices(entities: list[EntityRef]) -> set[str]:
    """The offices the article's named people hold by their titles: "U.S. President" holds
    "president", "Vice President" only "vice president"."""
    held = set()
    offices = {office_key(o) for o in lexicon().offices}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for title in entity.titles:
            words = office_key(title).split()
            for size in (1, 2):
                if len(words) >= size and " ".join(words[-size:]) in offices:
                    before = words[-size - 1] if len(words) > size else ""
                    if before not in SECOND_OFFICES:
                        held.add(" ".join(words[-size:]))
    return held


def _names_follow(text: str, end: int) -> bool:
    """A capitalised word follows the office on its line: a title ("President Biden", "Speaker
    Nancy Pelosi")."""
    following = re.match(r"[ \t]+([^\s]+)", text[end:end + 40])
    return bool(following) and following.group(1)[:1].isupper() and following.group(1)[:1].isalpha()


def _stands_alone(doc, text: str, start: int, office_start: int, end: int, address: str | None,
                  person_ends: set[int]) -> bool:
    """The office at text[start:end] names its holder: no name after it, no person's name and a
    comma before it, no capitalised word of another office before it, and not opening a sentence
    unless addressed ("Madam Speaker, ...") or determined ("The President has ...")."""
    before = text[:start].rstrip(" \t")
    before = re.sub(r"\((?:then|former|now)?\s*$", "", before).rstrip(" \t")
    if (before.endswith(",") and len(before) - 1 in person_ends) or len(before) in person_ends:
        return False  # "Jane Roe, President of ...", "Jane Roe (then CEO, ..."
    if address:
        return True
    token = doc.char_span(office_start, end, alignment_mode="expand")
    if token is None:
        return False
    first = token[0]
    if first.i == 0 or first.is_sent_start or "\n" in doc[first.i - 1].whitespace_ + doc[first.i - 1].text:
        return False
    previous = doc[first.i - 1]
    if previous.is_quote or _predicated_of_a_person(doc, first.i, person_ends):
        return False  # "known as the 'Queen of ...'", "Fillmore served as President of ..."
    if previous.lower_ in DETERMINERS:
        return True
    return not (previous.text[:1].isupper() and previous.is_alpha and not previous.ent_type_)


# "Jane Roe served as President of ...", "Roe is now the 49th Vice President": the office is said
# of the person the sentence names, a predicate, no one else.
PREDICATE_WORDS = frozenset({"as", "is", "was", "became", "becomes", "become", "remains", "remained"})
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
PREDICATE_FILLERS = frozenset({"the", "a", "an", "now", "then", "also", "first", "former", "new"})


def _predicated_of_a_person(doc, i: int, person_ends: set[int]) -> bool:
    j = i - 1
    while j >= 0 and (doc[j].lower_ in PREDICATE_FILLERS or doc[j].like_num or ORDINAL.match(doc[j].text) or doc[j].tag_ == "JJ"
                      and doc[j].is_lower):
        j -= 1
    if j < 0 or doc[j].lower_ not in PREDICATE_WORDS:
        return False
    sentence_start = doc[j].sent.start_char
    return any(sentence_start < end <= doc[j].idx for end in person_ends)
