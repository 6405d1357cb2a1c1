"""What a name's last word says about its type, beyond the word itself (`head_types.tsv`).

- A plural place head names the places it lists: "the Paramount Theaters", "the Salt and Verde
  Rivers", "the Finger Lakes" are places as "Theater", "River", "Lake" are.
- A head word that is also a family name ("Station", "Square", "Lake") leaves a two-word name
  the model read as a person a person only when it opens like one (a given name or an initial:
  "Sharon Street", "J. Bridge"); "McMurdo Station", "Shahshahan Square" are places.
- A run of capitalised words the model left untagged that ends in a place head is a sight:
  "Progressive Field", "the Montparnasse Cemetery".
"""
from __future__ import annotations

from .lexicon import Lexicon
from .name_evidence import head_type


def singular_forms(word: str) -> list[str]:
    """What a plural may be the plural of, for a lookup to choose from: "cities" -> "city",
    "churches" -> "church", "lakes" -> "lak" or "lake"."""
    return [word[: -len(suffix)] + replacement for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""))
            if word.endswith(suffix) and len(word) > len(suffix) + 2]


def plural_place_head(word: str, lex: Lexicon) -> str | None:
    """The singular place head a plural last word stands for: "rivers" -> "river"."""
    if word in lex.head_types:
        return None
    return next((singular for singular in singular_forms(word) if lex.head_types.get(singular) == "PLACE"), None)


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


MISSED_SIGHT_MAX_WORDS = 4


def missed_sights(doc, taken: bytearray, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Named sights the model left untagged, told by their place head: "the Montparnasse
    Cemetery", "Progressive Field", "the Muskogee Turnpike", "the Rio Grande Rivers". Two to
    four capitalised words outside every name and every other entity the model saw, ending in
    a place head word (a plural one too), whose other words the article never writes in lower
    case ("the Old Town" may be any old town) and that open no sentence or line and follow no
    other capitalised word (a heading's "Getting Around By Road" is no road)."""
    found = []
    lower = None
    n = len(doc)
    i = 0
    while i < n:
        if taken[i] or doc[i].ent_type_ or not _capital_word(doc[i]):
            i += 1
            continue
        end = i
        while end < n and end - i < MISSED_SIGHT_MAX_WORDS and not taken[end] and not doc[end].ent_type_ \
                and _capital_word(doc[end]):
            end += 1
        last = doc[end - 1].lower_
        plural = plural_place_head(last, lex)
        # A plural head shares itself with the names before it: "the Sabine and Rio Grande Rivers".
        joined = (_joined(doc, i - 1, i - 2) and not plural) or _joined(doc, end, end + 1)
        if end - i >= 2 and lex.head_types.get(plural or last) == "PLACE" and (
                end >= n or not _capital_word(doc[end])) and not (
                _opens_a_line(doc, i) or _after_a_capital(doc, i) or joined):
            if lower is None:
                lower = frozenset(t.lower_ for t in doc if t.is_lower and t.is_alpha)
            if not any(t.lower_ in lower for t in doc[i:end - 1]):
                found.append((i, end, "FAC"))
                taken[i:end] = b"\x01" * (end - i)
        i = end
    return found


JOINERS = frozenset({"and", "of", "&", "de", "for"})


def _joined(doc, joiner: int, other: int) -> bool:
    """A connector at `joiner` joins the run to a capitalised word at `other`: the run is part of
    a longer name ("Rock and Roll Hall of Fame")."""
    return 0 <= min(joiner, other) and max(joiner, other) < len(doc) and doc[joiner].lower_ in JOINERS \
        and doc[other].text[:1].isupper()


def _after_a_capital(doc, i: int) -> bool:
    """The word before is capitalised too (a sentence's first word): the run is part of a
    title-case phrase ("Getting Around By Road") or a name opening a sentence."""
    return i > 0 and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ not in {"the", "a"}


def _capital_word(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start


def _opens_a_line(doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_
