"""Names the model read as a nationality, a religion or a group (NORP) at some of their mentions.

The small model labels a town it has never seen NORP as readily as PERSON: "in Sochi, Russia" is
a place to it, "between Sochi and New York" a group. A NORP is no entity the product keeps, and
the group's vote can outnumber the place's, so the place would be lost. (A NORP that a region's
name or a noun for a kind of place makes a place is mentions._weigh_evidence's.) The other way
round, a nationality ("demonyms.txt") the model read as a place names no place.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .lexicon import Lexicon

ENTITY_TYPES = frozenset({"PERSON", "ORG", "PLACE"})


def settle_group_names(mentions: list, lex: Lexicon) -> list:
    """A name the model read as a group at some mentions and as a person, an organisation or a
    place at others ("in Sochi, Russia" a place, "between Sochi and New York" a NORP) is what the
    other readings say, unless it is a nationality: "Sochi" is no group of people, "Russian" is."""
    others: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.type in ENTITY_TYPES:
            others[m.key][m.type] += 1
    for m in mentions:
        if m.type == "NORP" and others.get(m.key) and m.key not in lex.demonyms:
            m.type = others[m.key].most_common(1)[0][0]
        elif m.type == "PLACE" and m.key in lex.demonyms and not m.head_typed:
            m.type = "NORP"  # "Iranian" alone names people or a language, not Iran
    return mentions
