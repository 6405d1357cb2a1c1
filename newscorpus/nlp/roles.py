"""Who "the foreign minister" is: role phrases and names resolved to an article's entities.

Speaker attribution finds a phrase ("Lavrov", "the Chinese diplomat", "he") and asks for
the canonical entity; these functions answer from find_entities' output alone.
"""
from __future__ import annotations

from ..parts import EntityRef, Mention
from .lexicon import lexicon, normalise_surface

PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# Different words for one role: a spokesman's title may say "Spokesperson".
ROLE_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairman": "chair",
                 "chairwoman": "chair", "chairperson": "chair", "advisor": "adviser", "premier": "prime"}


def _role_word(word: str) -> str:
    word = word.casefold().strip(".,;:'\"’")
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return ROLE_SYNONYMS.get(word, word)


def resolve_role(phrase: str, before: int, entities: list[EntityRef], mentions: list[Mention]) -> str | None:
    """The person a role phrase refers to, from persons mentioned before offset `before`.

    Prefers the most recently mentioned person whose titles share the phrase's head noun
    ("the minister" -> whoever was titled "Foreign Minister"), weighing qualifiers
    ("Chinese", "foreign") against titles and affiliations. An official-sounding role
    ("the diplomat", "the chancellor") falls back to the latest titled official, then to the
    latest person. A pronoun gives the latest person. Anything else gives None.
    """
    lex = lexicon()
    words = [_role_word(w) for w in normalise_surface(phrase).split()]
    words = [w for w in words if w and w not in {"the", "a", "an", "this", "that"}]
    if not words:
        return None
    recency: dict[str, int] = {}
    for mention in mentions:
        if mention.type == "PERSON" and mention.start < before:
            recency[mention.name] = max(recency.get(mention.name, -1), mention.start)
    if not recency:
        return None
    latest = max(recency, key=recency.__getitem__)
    head, qualifiers = words[-1], words[:-1]
    if head in PRONOUNS and len(words) == 1:
        return latest
    officials = {_role_word(w) for w in lex.official_roles}
    heads = {_role_word(w) for w in lex.role_heads}
    if head not in heads and head not in officials:
        return None
    people = {e.name: e for e in entities if e.type == "PERSON" and e.name in recency}

    def title_words(entity: EntityRef) -> set[str]:
        return {_role_word(w) for title in entity.titles for w in title.replace("-", " ").split()}

    def qualifier_score(entity: EntityRef) -> int:
        context = title_words(entity) | {
            _role_word(w) for a in entity.affiliations for w in a.replace("-", " ").split()}
        return sum(q in context for q in qualifiers)

    titled = [e for e in people.values() if head in title_words(e)]
    if titled:
        return max(titled, key=lambda e: (qualifier_score(e), recency[e.name])).name
    if head in officials:
        official = [e for e in people.values() if title_words(e) & officials]
        if official:
            return max(official, key=lambda e: (qualifier_score(e), recency[e.name])).name
    return latest
