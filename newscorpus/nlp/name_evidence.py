"""Evidence about a name that the model's label in context does not give.

The small model often types a name by its surroundings rather than by the name: "Noam
Chomsky's theory" makes him an organisation, "in Kyiv" after a list of institutions makes
Kyiv one too, and a how-to guide's "Bake for ten minutes" makes "Bake" a person. These
kinds of evidence correct that, each cheap and with no second pass over the article:

- the name read on its own by the entity recogniser (a batch of short texts, remembered
  per process): a full name the model reads as a person when nothing surrounds it is one;
- the name's first word: a given name (`given_names.txt`, from Faker's lists) opens a
  person's full name, "Jean Cocteau", "Britney Spears", where no head word or place says otherwise;
- the word before the name: "in", "near", "throughout" put a place after them
  (`place_prepositions.txt`);
- "(born ...)" after a name: a person's (a single year in brackets is a work's: works.py);
- the article's own spelling: a word capitalised only where every word is (at the start of
  a sentence or line) and written in lower case elsewhere in the article is a common word, and
  so is one word the article writes in lower case at least as often as capitalised;
- the layout: one word alone on its line is a heading ("Tips", "Warnings", "Career").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from .lexicon import Lexicon, canonical_key
from .places import known_place, place_sizes

READ_MEMORY = 50_000  # names remembered per process: names recur across articles
_read_alone: dict[str, tuple[str, ...]] = {}


def labels_alone(texts: set[str]) -> dict[str, tuple[str, ...]]:
    """For each text, the labels of the entities the model finds in it on its own, when one
    entity covers all of it (an empty tuple otherwise). Run as one batch through the known
    names and the entity recogniser alone: one call per name cost more than the article."""
    from .pipeline import get_nlp

    unknown = [t for t in texts if t and t not in _read_alone]
    if unknown:
        nlp = get_nlp()
        docs = [nlp.get_pipe("known_names")(nlp.make_doc(text)) for text in unknown]
        if len(_read_alone) > READ_MEMORY:
            _read_alone.clear()
        for text, named in zip(unknown, nlp.get_pipe("ner").pipe(docs)):
            ents = named.ents
            _read_alone[text] = (ents[0].label_,) if len(ents) == 1 and ents[0].text == text else ()
    return {t: _read_alone.get(t, ()) for t in texts}


def looks_like_full_name(tokens, lex: Lexicon) -> bool:
    """Two to four capitalised words with nothing that makes them an institution or a
    place: no organisation or place head word, no connector, no nationality, no digits; a
    particle ("van", "de") may stand between the words."""
    if not 2 <= len(tokens) <= 4:
        return False
    for position, tok in enumerate(tokens):
        text = tok.text
        if 0 < position < len(tokens) - 1 and tok.lower_ in lex.name_particles:
            continue  # "Ludwig van Beethoven"
        if not (text[:1].isupper() and (tok.is_alpha or ("-" in text or "'" in text or "’" in text)
                                        or (len(text) == 2 and text.endswith(".")))):
            return False
        if text.isupper() and len(text) > 2:
            return False  # "NASA Ames": an acronym is an institution's
        low = tok.lower_
        if low in lex.head_types or low in lex.demonyms or low in lex.role_words:
            return False
    return True


def opens_with_a_given_name(tokens, lex: Lexicon) -> bool:
    """ "Jean Cocteau", "Pierre-Simon Laplace", "Britney Spears": two to four capitalised words
    (a hyphenated word counts as one) that open with a given name (`given_names.txt`) and hold
    nothing an institution's or a place's name holds (no head word, connector, nationality or
    acronym: "Florence Cathedral", "Johnson & Johnson", "Victoria Station"). Neither the first
    word nor the whole may be a place the gazetteers list: "Paris Hilton" is given up with
    "Paris Saint-Germain", and "Sierra Leone" is a country. (A name whose last word is a given
    name too, "Morgan Stanley", is left to the model reading it alone: mentions.py.)"""
    words = tokens.text.split()  # a span's text: "Pierre-Simon" is one word
    if not 2 <= len(words) <= 4 or words[0].split("-")[0].casefold() not in lex.given_names:
        return False
    for position, word in enumerate(words):
        low = word.casefold()
        if 0 < position < len(words) - 1 and low in lex.name_particles:
            continue  # "Ludwig van Beethoven"
        letters = word.replace("-", "").replace("'", "").replace("’", "")
        initial = len(word) == 2 and word.endswith(".")
        if not word[:1].isupper() or not (letters.isalpha() or initial) or (word.isupper() and len(word) > 2):
            return False
        if low in lex.head_types or low in lex.demonyms or low in lex.role_words:
            return False
    return not (known_place(canonical_key(words[0]), "ORG") or place_sizes().get(canonical_key(" ".join(words))))


MISSED_PERSON_MAX_WORDS = 3


def missed_people(doc, taken: bytearray, lex: Lexicon) -> list[tuple[int, int, str]]:
    """People the model left untagged ("his friend Auguste Chevalier", "his fellow-Scots Paul
    Menzies"): two or three capitalised words outside every entity the model saw, opening with a
    given name and holding nothing an institution's or a place's name holds
    (`opens_with_a_given_name`), none of which the article writes in lower case ("Will Power",
    "Rose Garden" are phrases). Marked in `taken` as they are found."""
    lower = None
    found = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if taken[i] or tok.ent_type_ or not tok.is_title or tok.lower_ not in lex.given_names:
            i += 1
            continue
        end = i + 1
        while (end < n and end - i < MISSED_PERSON_MAX_WORDS and not taken[end] and not doc[end].ent_type_
               and (doc[end].is_title or doc[end].text.endswith(".") and len(doc[end].text) == 2)
               and "\n" not in doc[end - 1].whitespace_):
            end += 1
        # The whole capitalised run must be the name: "San Diego Comic-Con" holds no Diego Comic.
        inside_a_run = (i > 0 and doc[i - 1].text[:1].isupper() and not at_line_or_sentence_start(doc, i)) or (
            end < n and (doc[end].text[:1].isupper() or (doc[end].text in {"-", "–"} and not doc[end - 1].whitespace_)))
        if end - i >= 2 and not inside_a_run and opens_with_a_given_name(doc[i:end], lex):
            if lower is None:
                lower = lower_case_words(doc)
            if not any(t.lower_ in lower for t in doc[i:end]):
                found.append((i, end, "PERSON"))
                taken[i:end] = b"\x01" * (end - i)
        i = end
    return found


# Head words that type a name from before its "of" or "for" ("Award for Best Actress", "Museum
# of Art", "Department of Linguistics"): not a centre ("Centre for Strategic Studies" is an
# institute) nor a head that is also a surname ("Church of England" is no building).
HEADS_BEFORE_CONNECTOR = {"of": frozenset({"AWARD", "PLACE", "ORG", "EVENT"}), "for": frozenset({"AWARD"})}
NOT_BEFORE_CONNECTOR = frozenset({"center", "centre"})


BODY_HEADS = frozenset({"church", "churches"})  # a building's name, or a faith's body by its words


def head_type(tokens, lex: Lexicon) -> str | None:
    """The type the last word gives a name (`head_types.tsv`), but a church named only by its
    faith and nation is a body of believers ("the Russian Orthodox Church"), not a building."""
    last = tokens[-1].lower_
    if last in BODY_HEADS and all(t.lower_ in lex.denominations or t.lower_ in lex.demonyms
                                  for t in tokens[:-1] if t.lower_ != "the"):
        return "ORG"
    return lex.head_types.get(last)


def head_before_connector(tokens, lex: Lexicon) -> str | None:
    """The type a head word gives a name it does not end: the word before the name's first "of"
    or "for" ("César Award for Best Actress" is an award, "Cleveland Museum of Art" a place)."""
    for i in range(1, len(tokens) - 1):
        connector = tokens[i].lower_
        if connector in HEADS_BEFORE_CONNECTOR:
            head = tokens[i - 1].lower_
            kind = lex.head_types.get(head)
            if (kind in HEADS_BEFORE_CONNECTOR[connector] and head not in lex.surname_heads
                    and head not in NOT_BEFORE_CONNECTOR and tokens[i - 1].text[:1].isupper()):
                return kind
            return None
    return None


def place_context(doc, start: int, lex: Lexicon) -> bool:
    """The word before token `start` puts a place after it ("in Kyiv", "throughout Thrace")."""
    return start > 0 and doc[start - 1].lower_ in lex.place_prepositions


APPOSITION_MAX_WORDS = 3  # "Stridon, a small hill village near Emona"


def named_a_place(doc, start: int, end: int, lex: Lexicon) -> bool:
    """The article calls the name at tokens [start, end) a place with a lower-case noun for a kind
    of place (`place_nouns.txt`): before it with "of" ("the island of Funen", "the town of Broken
    Arrow"), or after it with a comma or "is" and an article ("Stridon, a village near Emona",
    "Temescal is a neighborhood"). The noun must end its phrase: "Smith, a town councillor",
    "Jones is a village elder" are people."""
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].is_lower and (
            doc[start - 2].lower_ in lex.place_nouns):
        return True
    n = len(doc)
    i = end
    if i + 1 >= n or doc[i].lower_ not in {",", "is", "was"} or doc[i + 1].lower_ not in {"a", "an", "the"}:
        return False
    for j in range(i + 2, min(n, i + 3 + APPOSITION_MAX_WORDS)):
        tok = doc[j]
        if not (tok.is_lower and tok.is_alpha):
            return False
        if tok.lower_ in lex.place_nouns:
            after = doc[j + 1] if j + 1 < n else None
            return after is None or not (after.pos_ in {"NOUN", "PROPN"} or after.text in {"-", "–"})
    return False


def lower_case_words(doc) -> frozenset[str]:
    """The words the article writes in lower case somewhere."""
    return frozenset(t.lower_ for t in doc if t.is_lower and t.is_alpha)


def shouted(ent) -> bool:
    """A sentence in capitals ("I WON THIS ELECTION, BY A LOT!") gives the model no case cues."""
    doc = ent.doc
    window = doc[max(0, ent.start - 4):min(len(doc), ent.end + 4)]
    words = [t for t in window if t.is_alpha and len(t.text) > 1]
    return ent.text.isupper() and len(words) >= 4 and sum(t.is_upper for t in words) >= 0.8 * len(words)


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes ("DKK", "MXN", "CUC"), read through pycountry."""
    import pycountry

    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def amount_in_currency(doc, i: int) -> bool:
    """Token `i` is a currency's code beside a number: "225 DKK per hour", "CUC 25"."""
    text = doc[i].text
    if len(text) != 3 or not text.isupper() or text not in currency_codes():
        return False
    return any(0 <= j < len(doc) and doc[j].like_num for j in (i - 1, i + 1))


def drop_common_words(doc, mentions: list, lex: Lexicon) -> list:
    """A currency's code beside an amount is no organisation ("225 DKK per hour"). One-word names
    that the article writes in lower case at least as often as capitalised are common words
    capitalised for emphasis, in a heading or a title case phrase: "Uniformity and Variety",
    "Cuttings", "Time" beside "the time it takes". A word the lexicon or a head word types, a
    title, a name in capitals stays; so does "Trump" in an article that once writes "trump", and
    "Łódź" beside one "łódź". Names of a few such words go the same way (`common_phrase`)."""
    @cache
    def counts() -> Counter:  # the article's words as written, counted once when first needed
        return Counter(t.text for t in doc if t.is_alpha)

    kept = []
    for m in mentions:
        start, end = m.tokens
        tok = doc[start] if end - start == 1 else None
        if tok is not None and amount_in_currency(doc, start):
            continue
        vouched = (m.head_typed or m.titles or m.key in lex.type_overrides or m.key in lex.canonical_types
                   or m.key in lex.canonical_aliases)
        if (tok is not None and tok.is_alpha and not tok.is_upper and not vouched
                and counts()[tok.lower_] >= counts()[tok.text]):
            continue
        if tok is None and not vouched and common_phrase(doc[start:end], counts(), lex):
            continue
        if m.type == "PERSON" and end - start >= 2 and not m.titles and at_line_or_sentence_start(doc, start):
            m = _without_a_leading_verb(doc, m, counts(), lex)
        kept.append(m)
    return kept


COMMON_PHRASE_MAX_WORDS = 4


def common_phrase(tokens, counts: Counter, lex: Lexicon) -> bool:
    """ "Translation Studies", "Moon Rocks", "Conservation of Energy": a name of two to four words
    each of which the article writes in lower case more often than capitalised is a phrase of
    common words in title case (a heading, a field, a thing), no name. A name holding a word the
    article capitalises more often ("National Guard" in an article about it) or a head word
    ("Temple of the Feathered Serpent", "White House"), a place the gazetteers list, or a
    person's full name opening with a given name stays."""
    words = [t for t in tokens if t.lower_ not in _PHRASE_CONNECTORS]
    if not 2 <= len(words) <= COMMON_PHRASE_MAX_WORDS:
        return False
    for tok in words:
        if not (tok.is_alpha and tok.text[:1].isupper()) or tok.is_upper or tok.lower_ in lex.head_types:
            return False
        if counts[tok.lower_] <= counts[tok.text]:
            return False
    return not (place_sizes().get(canonical_key(tokens.text)) or opens_with_a_given_name(tokens, lex))


_PHRASE_CONNECTORS = frozenset({"of", "and", "for", "the", "in", "on", "&"})


def _without_a_leading_verb(doc, m, counts: Counter, lex: Lexicon):
    """ "Describe Einstein's view of gravity" opening a learning objective: a person's name whose
    first word opens its line or sentence, is no given name and is written in lower case
    elsewhere in the article ("describe to worried officials") starts after that word. "Rose
    Goode" keeps her given name."""
    from .mentions import clean_mention  # mentions.py calls this module

    start, end = m.tokens
    first = doc[start]
    if not first.is_alpha or first.lower_ in lex.given_names or not counts[first.lower_] or first.is_upper:
        return m
    return clean_mention(doc, start + 1, end, "PERSON", lex) or m


def at_line_or_sentence_start(doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start:
        return True
    before = doc[i - 1]
    return "\n" in before.text or (not before.is_alpha and "\n" in before.whitespace_)


def common_word(doc, start: int, end: int, lower_words: frozenset[str]) -> bool:
    """A one-word name that is only capitalised because it opens a sentence or a line, and
    the article writes it in lower case elsewhere ("Tips", "Background") or uses it as a
    bare imperative ("Bake for ten minutes")."""
    if end - start != 1 or not at_line_or_sentence_start(doc, start):
        return False
    tok = doc[start]
    if tok.text.isupper() and len(tok.text) > 1:
        return False  # an acronym is no common word
    return tok.lower_ in lower_words or tok.tag_ == "VB"


_BORN = re.compile(r"^\s*(?:born|b\.|née|nee)\s", re.IGNORECASE)
# "(c. 1818 – January 8, 1880)": an uncertain birth year is a life; a bare range of years is
# as often an organisation's ("Pan Am (1927–1991)").
_UNCERTAIN_LIFE = re.compile(r"^\s*(?:c\.|ca\.|circa)\s*\d{3,4}\b.*[–—-]", re.IGNORECASE)
BRACKET_MAX_TOKENS = 16


def described_as_a_person(doc, end: int) -> bool:
    """The name ending at token `end` is followed by what only people get: "(born 11 June
    1988)", "(née Smith)", "(c. 1818 – 1880)". (", who" is no evidence: "voters in Arizona,
    who ...".)"""
    n = len(doc)
    if end >= n or doc[end].text != "(":
        return False
    close = next((i for i in range(end + 1, min(n, end + BRACKET_MAX_TOKENS)) if doc[i].text == ")"), None)
    if close is None:
        return False
    inside = doc[end + 1:close].text + " "
    return bool(_BORN.match(inside) or _UNCERTAIN_LIFE.match(inside))


def _line_break_before(doc, i: int) -> bool:
    if i == 0:
        return True
    before = doc[i - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


NAME_PUNCTUATION = frozenset({"&", "'s", "’s", "."})


DASHES = frozenset({"-", "–", "—"})


def _spaced_dash(doc, i: int) -> bool:
    return doc[i].text in DASHES and i > 0 and bool(doc[i - 1].whitespace_) and bool(doc[i].whitespace_)


def split_at_slashes(doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """ "Newsmax / Zogby poll", "(credit: Motion Picture News/Wikimedia Commons)": a slash in a
    name of several words separates names; one word each side is one name ("AC/DC"). A piece
    with figures or dashes is a direction or a route, no name ("From the North / Kansas -
    US-75 South"): dropped, as the whole was before. A dash with a space each side separates names
    the same way ("Winston - Yale - Allegheny - Braden", "Army - Navy"); one inside a word joins
    it ("Winston-Salem"). The model's `label` was for the whole: a piece it reads alone as one
    name of a type it gives names takes that type ("Oklahoma City" in "Oklahoma City - I-44")."""
    slashes = [i for i in range(start, end) if doc[i].text == "/" or _spaced_dash(doc, i)]
    if not slashes or " " not in doc[start:end].text:
        return [(start, end, label)]
    pieces = zip([start] + [i + 1 for i in slashes], slashes + [end])
    kept = [(a, b) for a, b in pieces if b > a and all(t.is_alpha or t.text in NAME_PUNCTUATION for t in doc[a:b])]
    alone = labels_alone({doc[a:b].text for a, b in kept}) if len(kept) > 1 else {}
    return [(a, b, _piece_label(doc[a:b].text, alone.get(doc[a:b].text), label)) for a, b in kept]


def _piece_label(text: str, alone: tuple[str, ...] | None, label: str) -> str:
    """The model alone takes unknown surnames for towns ("Zogby"): a place's label only for a
    place the gazetteers list."""
    if not alone or alone[0] not in {"PERSON", "ORG", "GPE", "LOC", "FAC"}:
        return label
    if alone[0] in {"GPE", "LOC", "FAC"} and not place_sizes().get(canonical_key(text)):
        return label
    return alone[0]


def alone_on_its_line(doc, start: int, end: int) -> bool:
    """The one word at tokens [start, end) is all its line holds but for a colon or a full
    stop: a heading ("Tips", "Warnings:", "Tips.")."""
    if end - start != 1 or not _line_break_before(doc, start):
        return False
    after = end
    if after < len(doc) and doc[after].text in {":", "."} and "\n" not in doc[start].whitespace_:
        after += 1
    return after >= len(doc) or "\n" in doc[after - 1].whitespace_ or doc[after].is_space and "\n" in doc[after].text
