"""What a name's last word says about its type, beyond the word itself (`head_types.tsv`).

- A plural place head names the places it lists: "the Paramount Theaters", "the Salt and Verde
  Rivers", "the Finger Lakes" are places as "Theater", "River", "Lake" are.
- A head word that is also a family name ("Station", "Square", "Lake") leaves a two-word name
  the model read as a person a person only when it opens like one (a given name or an initial:
  "Sharon Street", "J. Bridge"); "McMurdo Station", "Shahshahan Square" are places.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .name_evidence import head_type


def plural_place_head(word: str, lex: Lexicon) -> str | None:
    """The singular place head a plural last word stands for: "rivers" -> "river"."""
    if word in lex.head_types:
        return None
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            singular = word[: -len(suffix)] + replacement
            if lex.head_types.get(singular) == "PLACE":
                return singular
    return None


def name_head_type(tokens, lex: Lexicon) -> str | None:
    """The type the name's last word gives it, a plural place head included."""
    found = head_type(tokens, lex)
    if found is None and plural_place_head(tokens[-1].lower_, lex):
        return "PLACE"
    return found


def surname_head(word: str, lex: Lexicon) -> bool:
    """The head word (or the singular of a plural one) is also a family name: "Rivers", "Court"."""
    return word in lex.surname_heads or plural_place_head(word, lex) in lex.surname_heads


def opens_like_a_person(tokens, lex: Lexicon) -> bool:
    """A two-word name whose first word is a given name or an initial: "Sharon Street", "J. Bridge"."""
    first = tokens[0].text
    given = first.split("-")[0].casefold() in lex.given_names
    initial = len(first.rstrip(".")) == 1 and first[:1].isupper()
    return given or initial
