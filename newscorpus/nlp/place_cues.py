"""Places no gazetteer knows, told by where the article puts them.

The small model takes a town, an island or a building it has not seen for a person: "Hadibo",
"Tårs", "the Louvre". places.py rights the names the gazetteers list; this module reads the
phrases around a name that only places stand in, whatever the name:

- a determiner after a preposition of place: "in the Louvre", "at the Hôpital Cochin", "to
  this Chamber". People take no article there; where one does, the name modifies a noun
  ("in the Bush administration", "in the Bernoulli family") and is left alone;
- a route: "from the airport to Hadibo": "from A to B" joins places, so one end that is a place
  makes the other one a place ("from Obama to Biden", with no place at either end, stays two
  people); "from A via B" joins places whatever its ends ("flights from Sharjah via Al Mukalla");
- a list headed by a plural noun for places: "the islands La Désirade, Petite Terre, Marie
  Galante", "the city-states of Copan, Tikal, and Chichen Itza"; or ended by one: "the Thissio
  and Pláka districts".

Only names the model read as a person are retyped (its organisations after "in the" are
often right: "in the Senate"), and none that the article treats as someone: a title, a form
of address, a reporting verb after a mention, a full name opening with a given name.
"""
from __future__ import annotations

from collections import defaultdict

from . import name_evidence
from .heads import singular_forms
from .mentions import after_form_of_address
from .places import LIST_JOINERS, person_evidence
from .works import POSSESSIVES

DETERMINERS = frozenset({"the", "this", "that"})
# "at the Louvre", "to this Chamber": where a person would stand after "at" or "to" ("at
# Smith's", "to Jones"), the article shows a place.
MOVEMENT_PREPOSITIONS = frozenset({"at", "to", "into", "from", "inside", "within", "onto"})
ROUTE_STARTS = frozenset({"from"})
ROUTE_JOINERS = frozenset({"to", "via"})
ROUTE_MAX_TOKENS = 6  # the words one end of a route may take: "from the international airport"
LIST_MAX_ITEMS = 8


def type_by_place_cues(raw, final_keys, types, doc, lex) -> None:
    """Retype to PLACE, in place in `types`, every name the model read as a person that one of
    its mentions shows as a place (see the module's docstring)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(final_keys):
        groups[key].append(index)
    candidates = {}
    for key, indices in groups.items():
        if any(types[i] != "PERSON" for i in indices) or key in lex.canonical_types:
            continue
        mentions = [raw[i] for i in indices]
        if any(m.tokens[0] < 0 or m.key != key or m.titles or m.head_typed or m.text.replace(".", "").isupper()
               or after_form_of_address(doc, m.tokens[0]) or person_evidence(doc, m.tokens[1], lex.reporting_verbs)
               or name_evidence.opens_with_a_given_name(doc[m.tokens[0]:m.tokens[1]], lex) for m in mentions):
            continue
        candidates[key] = indices
    if not candidates:
        return
    spans = {raw[i].tokens: i for i in range(len(raw)) if raw[i].tokens[0] >= 0}
    starts = {start: end for start, end in spans}
    listed = _listed_after_place_nouns(doc, starts, lex) | _listed_before_place_nouns(doc, spans, lex)
    for key, indices in candidates.items():
        if any(raw[i].tokens in listed or determined_after_preposition(doc, raw[i].tokens, lex)
               or _end_of_route(doc, raw[i].tokens, spans, raw, types, lex) for i in indices):
            for i in indices:
                types[i] = "PLACE"


def determined_after_preposition(doc, tokens: tuple[int, int], lex) -> bool:
    """ "in the Louvre,", "to this Chamber.": the name at token range `tokens` follows a
    preposition of place and a determiner and heads its phrase (no noun, number or possessive
    follows it: "in the John Murray archive" is an archive)."""
    start, end = tokens
    if start < 2 or doc[start - 1].lower_ not in DETERMINERS:
        return False
    before = doc[start - 2].lower_
    if before not in lex.place_prepositions and before not in MOVEMENT_PREPOSITIONS:
        return False
    if end < len(doc):
        after = doc[end]
        if after.pos_ in {"NOUN", "PROPN", "NUM"} or after.text in POSSESSIVES or after.text[:1].isupper():
            return False
    return True


def _end_of_route(doc, tokens, spans: dict, raw, types, lex) -> bool:
    """The name at `tokens` is one end of "from A to B" whose other end is a place: a name typed
    PLACE, or a noun for a place ("the airport", "the harbour"). "from A via B" needs no such
    end: things go by way of places ("flights from Sharjah via Al Mukalla")."""
    start, end = tokens
    if start > 0 and doc[start - 1].lower_ in ROUTE_STARTS:
        if end < len(doc) and doc[end].lower_ in ROUTE_JOINERS:
            return doc[end].lower_ == "via" or _a_place_at(doc, end + 1, spans, raw, types, lex)
        return False
    if start > 0 and doc[start - 1].lower_ in ROUTE_JOINERS:
        # the start of the route: "from" no more than ROUTE_MAX_TOKENS before the joiner
        joiner = start - 1
        for i in range(joiner - 1, max(-1, joiner - 1 - ROUTE_MAX_TOKENS), -1):
            if doc[i].lower_ in ROUTE_STARTS:
                return doc[joiner].lower_ == "via" or _a_place_at(doc, i + 1, spans, raw, types, lex, stop=joiner)
            if doc[i].is_punct or doc[i].lower_ in ROUTE_JOINERS:
                return False
    return False


def _a_place_at(doc, i: int, spans: dict, raw, types, lex, stop: int | None = None) -> bool:
    """What starts at token `i` (and, with `stop`, ends right before it) is a place: a mention
    typed PLACE, or a determiner and lower-case words ending in a noun for a place."""
    for (start, end), index in spans.items():
        if start == i and (stop is None or end == stop):
            return types[index] == "PLACE"
    if i >= len(doc) or doc[i].lower_ not in DETERMINERS | {"a", "an"}:
        return False
    j = i + 1
    last = None
    limit = stop if stop is not None else min(len(doc), i + ROUTE_MAX_TOKENS)
    while j < limit and doc[j].is_lower and doc[j].is_alpha:
        last = doc[j]
        j += 1
    if last is None or (stop is not None and j != stop):
        return False
    return _is_place_noun(last.lower_, lex)


def _is_place_noun(word: str, lex) -> bool:
    return word in lex.place_nouns or lex.head_types.get(word) == "PLACE"


def _plural_place_noun(word: str, lex) -> bool:
    """"islands", "city-states", "parishes": the plural of a noun for places."""
    return any(_is_place_noun(singular, lex) for singular in singular_forms(word))


def _listed_after_place_nouns(doc, starts: dict[int, int], lex) -> set[tuple[int, int]]:
    """The names listed right after a plural noun for places, with or without "of": "the
    islands La Désirade, Petite Terre, Marie Galante", "the city-states of Copan, Tikal, and
    Chichen Itza". The list runs while names follow each other with only commas, "and" or "or"
    between them; a singular noun takes one name and is name_evidence's ("the island of Funen")."""
    found: set[tuple[int, int]] = set()
    for noun in doc:
        word = noun.lower_
        if not (noun.is_lower and noun.is_alpha):
            continue
        i = noun.i
        if i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            word = doc[i - 2].lower_ + "-" + word  # "city-states": a city-state, no state
        if not _plural_place_noun(word, lex):
            continue
        start = noun.i + 1
        with_of = start < len(doc) and doc[start].lower_ == "of"
        listed = _list_from(doc, start + with_of, starts)
        # "The cities Jones and Smith described": without "of", names the verb after them takes
        # for its subjects are no list of the noun's.
        end = listed[-1][1] if listed else 0
        if listed and (with_of or end >= len(doc) or doc[end].pos_ not in {"VERB", "AUX"}):
            found.update(item for item in listed if item[0] in starts)
    return found


def _listed_before_place_nouns(doc, spans: dict, lex) -> set[tuple[int, int]]:
    """The names listed right before a plural noun for places, two at least: "the Thissio and
    Pláka districts", "Barracuda and Kayangan lakes", "the Tigris and Euphrates rivers". One name
    before a noun modifies it ("the Smith houses"); a list of them names the places."""
    ends = {end: start for start, end in spans}
    found: set[tuple[int, int]] = set()
    for noun in doc:
        word = noun.lower_
        if not (noun.is_lower and noun.is_alpha and _plural_place_noun(word, lex)):
            continue
        items, position = [], noun.i
        while position in ends and len(items) < LIST_MAX_ITEMS:
            start = ends[position]
            items.append((start, position))
            j = start - 1
            if j < 1 or doc[j].text not in LIST_JOINERS:
                break
            position = j - 1 if doc[j - 1].text == "," else j  # "A, B, and C"
        if len(items) >= 2:
            found.update(items)
    return found


def _list_from(doc, position: int, starts: dict[int, int]) -> list[tuple[int, int]]:
    """The items of the list of names opening at token `position`: mentions, or capitalised
    words the model left untagged ("La Désirade"), joined by commas, "and" or "or"."""
    items: list[tuple[int, int]] = []
    while len(items) < LIST_MAX_ITEMS:
        if position in starts:
            end = starts[position]
        else:
            end = position
            while end < len(doc) and end - position < 4 and doc[end].is_alpha and doc[end].text[:1].isupper():
                end += 1
            if end == position:
                break
        items.append((position, end))
        j = end
        while j < len(doc) and doc[j].text in LIST_JOINERS and j - end < 2:
            j += 1
        if j == end:
            break
        position = j
    return items
