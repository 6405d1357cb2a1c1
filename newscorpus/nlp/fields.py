"""Fields of study, which the model reads as organisations or, after "in", as places.

"Professor of East Asian Studies and Music at Harvard", "a Ph.D. in Linguistics from the
University of Michigan", "a Master of Education in Sport Psychology and Counseling": the
capitalised words after an academic post or degree and "of" or "in" (`field_cues.txt`) name a
subject, not a body or a place, up to the first lower-case word ("at", "from"). A degree's own
name may stand between ("Bachelor of Science in Psychology"): the words after its "in" are a
field too. What names an institution or a place keeps its mention there: a head word
("Master of Trinity College"), a place the gazetteers list ("a degree in Berlin"), a person.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .places import place_sizes

_JOINERS = frozenset({"and", "&", "/", ","})  # "Educational Leadership, Sport Studies and ..."
_OPENERS = frozenset({"of", "in"})


def field_ranges(doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the fields of study the article names."""
    ranges = []
    n = len(doc)
    for i, tok in enumerate(doc):
        if tok.lower_ not in lex.field_cues or i + 1 >= n or doc[i + 1].lower_ not in _OPENERS:
            continue
        start = j = i + 2
        while j < n:
            word = doc[j]
            if "\n" in word.text or (j > start and "\n" in doc[j - 1].whitespace_):
                break  # a field does not run into the next line or heading
            if word.text[:1].isupper() or (word.lower_ in _JOINERS and j > start):
                j += 1
            elif word.lower_ == "in" and j > start:
                j += 1  # "Master of Education in Sport Psychology": the degree, then its field
            else:
                break
        while j > start and doc[j - 1].lower_ in _JOINERS | _OPENERS:
            j -= 1
        if j > start:
            ranges.append((start, j))
    return ranges


def drop_fields_of_study(doc, mentions: list, lex: Lexicon) -> list:
    """The mentions less those that lie inside a field of study and are not vouched for as a
    person, an institution or a place by anything but the model's guess."""
    ranges = field_ranges(doc, lex)
    if not ranges:
        return mentions
    sizes = place_sizes()
    kept = []
    for m in mentions:
        start, end = m.tokens
        inside = start >= 0 and any(a <= start and end <= b for a, b in ranges)
        vouched = (m.type == "PERSON" or m.head_typed or m.titles or m.key in sizes
                   or m.key in lex.type_overrides or m.key in lex.canonical_aliases)
        if inside and not vouched:
            continue
        kept.append(m)
    return kept
