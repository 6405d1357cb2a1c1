"""Names inside a longer name: "University of Paris" also mentions Paris, "the FIFA World Cup"
mentions FIFA.

A name the model read whole (an organisation, an event, a building) may hold a place or an
organisation the article thereby mentions; the inner name is added as a mention of its own, and
the longer name stays one mention for quote attribution (entities.find_entities).
"""
from __future__ import annotations

from . import name_evidence
from .lexicon import canonical_key, lexicon, normalise_surface
from .mentions import RawMention, _is_capitalised
from .places import known_place


NESTED_MAX_WORDS = 3
# The kinds of name an organisation's acronym may open: "the FIFA World Cup", "the BAFTA Award
# for Best Actress", "the NASA Ames Research Center". Not an organisation's own name: "NBC News"
# is one body, and its short form is merged into it (org_short_forms.merge_org_short_forms).
ACRONYM_HOLDERS = frozenset({"EVENT", "AWARD", "PLACE", "LAW"})
ACRONYM_LETTERS = (3, 6)


def nested_names(doc, mentions: list[RawMention]) -> list[RawMention]:
    """The places and the organisations' acronyms named inside longer names."""
    return nested_places(doc, mentions) + nested_acronyms(doc, mentions)


def nested_acronyms(doc, mentions: list[RawMention]) -> list[RawMention]:
    """An acronym in capitals opening a longer name of an event, an award, a place or a law is
    the organisation behind it: "FIFA" in "the FIFA World Cup", "BAFTA" in "the BAFTA Award for
    Best Foreign Actress". Not a place's acronym ("US Route 66": places inside names are
    nested_places'), nor a word in capitals heading a name in capitals ("WORLD CUP FINAL")."""
    lex = lexicon()
    found = []
    for m in mentions:
        if m.type not in ACRONYM_HOLDERS or m.tokens[0] < 0 or m.tokens[1] - m.tokens[0] < 2:
            continue
        first, second = doc[m.tokens[0]], doc[m.tokens[0] + 1]
        low, high = ACRONYM_LETTERS
        if not (first.text.isalpha() and first.text.isupper() and low <= len(first.text) <= high):
            continue
        key = canonical_key(first.text)
        if (key in lex.place_acronyms or key in lex.stop_entities or second.text.isupper()
                or not _is_capitalised(second)):
            continue
        found.append(RawMention(start=first.idx, end=first.idx + len(first.text), text=first.text, type="ORG",
                                words=(key,), tokens=(first.i, first.i + 1)))
    return found


def nested_places(doc, mentions: list[RawMention]) -> list[RawMention]:
    """Places named inside a longer name: "University of Paris", "Kyoto University", "Chicago
    White Sox", "Vietnam War", "Auckland Hospital" also mention Paris, Kyoto, Chicago, Vietnam,
    Auckland. A part is a place when the model, shown that part on its own, reads it as one
    (inside the name its context says ORG), or a gazetteer lists it (places.py): any city
    after "of", only a region or a large city leading the name ("Oxford University", "Aberdeen
    Grammar School", not "Temple University"), and nothing leading a name that opens with a
    person's ("George Washington University", "Mary Baldwin College")."""
    lex = lexicon()
    candidates = []  # for each name, its parts to try in order, as (text, tokens, after "of")
    openings = {}  # a name's first two words, to ask whether they are a person's
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        named_after = m.type in {"ORG", "EVENT", "AWARD"} or (
            m.type == "PLACE" and span[-1].lower_ in lex.head_types and span[-1].lower_ not in lex.division_heads)
        if not named_after:
            continue
        tokens = list(span)
        groups = [_after(tokens, "of"), _after(tokens, "at") + _after(tokens, ","), []]
        for size in range(1, NESTED_MAX_WORDS):  # "Kyoto University", "Tampa Bay Rays"
            if size < len(tokens) and all(_is_capitalised(t) for t in tokens[:size]) and tokens[size].lower_ != "of":
                groups[2].append((tokens[:size], False))
        if len(tokens) >= 3 and name_evidence.looks_like_full_name(span[:2], lex):
            openings[m.start] = span[:2].text
        candidates.append((m, [[(normalise_surface(doc[p[0].i:p[-1].i + 1].text), p, after_of) for p, after_of in group]
                               for group in groups if group]))
    # The model's reading alone is asked of organisations' parts only: inside a place or an
    # event it takes "South", "Cape", "Verizon" (Center) for places.
    places = _places_among({text for m, groups in candidates if m.type == "ORG"
                            for parts in groups for text, _, _ in parts})
    people = {t for t, labels in name_evidence.labels_alone(set(openings.values())).items() if labels == ("PERSON",)}
    found = []
    for m, groups in candidates:
        opens_with_a_person = openings.get(m.start) in people
        for parts in groups:  # one place from each: after "of", after "at" or a comma, leading the name
            for text, part, after_of in parts:
                if not after_of and opens_with_a_person:
                    continue
                key = canonical_key(text)
                listed = known_place(key, "ORG") if after_of else known_place(key, "PERSON")
                if listed or text in places:
                    found.append(RawMention(start=part[0].idx, end=part[-1].idx + len(part[-1].text), text=text,
                                            type="PLACE", words=tuple(canonical_key(t.text) for t in part)))
                    break
    return found


def _after(tokens, word: str) -> list[tuple[list, bool]]:
    """The capitalised words after the name's last `word`, longest first, cut where they stop
    ("University of California at Berkeley": "California"; "Film Critics Circle of Australia
    Awards": "Australia Awards", then "Australia"; "University of California, Berkeley": after
    the comma, "Berkeley"). These stand where places stand, so any listed city counts."""
    at = [i for i, t in enumerate(tokens) if t.lower_ == word]
    if not at:
        return []
    rest = tokens[at[-1] + 1:]
    if rest and rest[0].lower_ == "the":
        rest = rest[1:]  # "Society of the Cincinnati"
    run = []
    for i, tok in enumerate(rest):  # "Citizens of Antigua and Barbuda" keeps its "and"
        joins = tok.lower_ in RUN_CONNECTORS and i + 1 < len(rest) and _is_capitalised(rest[i + 1])
        if not (_is_capitalised(tok) or (joins and run)):
            break
        run.append(tok)
    return [(run[:size], True) for size in range(min(len(run), NESTED_MAX_WORDS), 0, -1)
            if _is_capitalised(run[size - 1])]


RUN_CONNECTORS = frozenset({"and", "&", "de", "del", "du"})


def _places_among(texts: set[str]) -> set[str]:
    """Which of these names the model, reading each on its own, takes for a place."""
    return {t for t, labels in name_evidence.labels_alone(texts).items() if labels in (("GPE",), ("LOC",))}
