"""Names in an article's headline: entities of the article too.

"Wikinews interviews Marymegan Daly on ...", "A bust of Patrick Gordon in Yekaterinburg": the
headline names people, bodies and places the body may never name again, and readers (and the
gold) count them as the article's. The headline is read as a text of its own, after the body,
and its entities are merged into the body's: a name the body has (by its name or an alias, or a
person by one word of their full name) adds its mentions there; another is added. Its mentions
stay out of the mention list, whose offsets are the body's, and quotations are found in the body
alone, as before.

A headline printed as the body's first line is read with the body already.
"""
from __future__ import annotations

import unicodedata

from ..parts import EntityRef
from .lexicon import canonical_key, normalise_surface
from .places import known_place


def needs_reading(title: str | None, body: str) -> bool:
    """Whether the headline says anything the body's extraction has not read."""
    if not title or not title.strip():
        return False
    return not normalise_surface(body[:len(title) + 40]).startswith(normalise_surface(title))


# Words a title-case headline capitalises too ("Division of Labor Increases Production"): in one,
# capitals say nothing, and only names the gazetteers or the body vouch for are taken from it.
TITLE_CASE_SHARE = 0.6


def title_cased(title: str) -> bool:
    """Most words of the headline after its first open with a capital: "Atomic Theory and the
    Laws of Motion", "Nation Announcing Decision To Resign"."""
    words = [w for w in title.split()[1:] if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def merge_headline(entities: list[EntityRef], headline: list[EntityRef], title: str = "") -> list[EntityRef]:
    """The body's entities with the headline's merged in (see the module's docstring); the
    body's entities are updated in place and the headline's new ones appended. From a title-case
    headline only names the body has, and places the gazetteers list, are taken."""
    capitals_say_nothing = title_cased(title)
    by_key: dict[str, EntityRef] = {}  # the body's reading of a name's type is the better-informed
    for entity in entities:
        for form in {entity.name} | entity.aliases:
            by_key.setdefault(_folded(form), entity)
    merged = list(entities)
    for entity in headline:
        same = _same_entity(entity, by_key, entities)
        if same is None:
            key = (canonical_key(entity.name), entity.type)
            if capitals_say_nothing and not (entity.type == "PLACE" and known_place(key[0], "ORG")):
                continue
            if any((canonical_key(e.name), e.type) == key for e in merged):
                continue
            merged.append(entity)
            by_key[_folded(entity.name)] = entity
            continue
        same.mentions += entity.mentions
        same.aliases |= entity.aliases
        same.titles |= entity.titles
        same.affiliations |= entity.affiliations
    return merged


def _same_entity(entity: EntityRef, by_key: dict, entities: list[EntityRef]) -> EntityRef | None:
    for form in {entity.name} | entity.aliases:
        found = by_key.get(_folded(form))
        if found is not None:
            return found
    if entity.type != "PERSON":
        return None
    # "Daly" in the headline and "Marymegan Daly" in the body, or the other way round: one
    # person when the one word ends or opens exactly one person's name there.
    words = _folded(entity.name).split()
    people = [e for e in entities if e.type == "PERSON"]
    matches = [e for e in people if _one_person(words, _folded(e.name).split())]
    return matches[0] if len(matches) == 1 else None


def _folded(name: str) -> str:
    """A name's key without accents: a headline may spell "Zaha Hadid" where the body has "Zahā Ḥadīd"."""
    return "".join(c for c in unicodedata.normalize("NFKD", canonical_key(name)) if not unicodedata.combining(c))


def _one_person(a: list[str], b: list[str]) -> bool:
    """One word of a name that opens or ends the other ("Daly", "Marymegan Daly"), or two full
    names with the same first and last words ("Matthew William Goode", "Matthew Goode")."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1:
        return a[0] in (b[0], b[-1])
    return a[0] == b[0] and a[-1] == b[-1]
