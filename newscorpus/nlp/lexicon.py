"""The word lists in lexicon/ (one loader for all of them) and the key that identifies a name across articles."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

LEXICON = resources.files(__package__) / "lexicon"


class LexiconError(Exception):
    """A built-in word list is missing or unreadable: the installation is broken."""


_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "′": "'", "`": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})
_ACRONYM_DOTS = re.compile(r"\b((?:[A-Za-z]\.){2,})")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)


def normalise_surface(text: str) -> str:
    """One spelling of quotes, dashes and spaces; case and words untouched."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(text.split())


def canonical_key(name: str) -> str:
    """The key the store uses to link one canonical name across articles.

    Case, a leading "the", a trailing possessive, quote and dash styles and the dots of
    acronyms ("U.S." / "US") do not distinguish entities.
    """
    text = normalise_surface(name)
    text = _LEADING_THE.sub("", text)
    text = _ACRONYM_DOTS.sub(lambda m: m.group(1).replace(".", ""), text)
    # "Good-Neighborliness" and "Good Neighborliness" are spellings of one name.
    text = text.replace("-", " ")
    if len(text) > 3:
        text = _POSSESSIVE.sub("", text)
    return text.strip(" .,;:'\"").casefold()


def lexicon_lines(name: str) -> list[str]:
    """The entries of lexicon/NAME: non-blank lines that are not `#` comments.

    A missing list is an error, not an empty list: extraction without it would be silently
    worse, and every article stored meanwhile would need re-extracting once it is found."""
    try:
        raw = (LEXICON / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"lexicon file {name} cannot be read ({error}); reinstall newscorpus") from None
    rows = []
    for line in raw.splitlines():
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(line)
    return rows


def _words(name: str) -> frozenset[str]:
    return frozenset(line.strip().casefold() for line in lexicon_lines(name))


def _pairs(name: str) -> dict[str, str]:
    pairs = {}
    for line in lexicon_lines(name):
        left, sep, right = line.partition("\t")
        if sep:
            pairs[canonical_key(left)] = right.strip()
    return pairs


@dataclass(frozen=True)
class Lexicon:
    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    honorifics: frozenset[str]
    official_roles: frozenset[str]
    demonyms: frozenset[str]
    stop_entities: frozenset[str]
    place_acronyms: frozenset[str]
    head_types: dict[str, str]  # last word (casefolded) -> type
    surname_heads: frozenset[str]  # head words that are also surnames: "Court", "Field"
    type_overrides: dict[str, str]  # canonical key -> type or DROP
    canonical_aliases: dict[str, str]  # canonical key -> canonical name
    canonical_types: dict[str, str]  # canonical key of a canonical name -> its type
    lead_types: dict[str, str]  # first word (casefolded) -> type: "Hurricane ..." is an EVENT
    org_leads: frozenset[str]  # lead words that retype an organisation too: "River Ouse", not "Port Authority"
    place_prepositions: frozenset[str]  # "in", "near": the word before a name that makes it a place
    name_particles: frozenset[str]  # lower-case words inside names: "de", "van", "al"
    post_nominals: frozenset[str]  # letters written after a person's name: "FRS", "MP"
    work_nouns: frozenset[str]  # "novel", "film": a name right after one is a work's title

    @cached_property  # read per token while names are cleaned: built once, not on each use
    def role_words(self) -> frozenset[str]:
        return self.role_heads | self.role_modifiers | self.honorifics

    @cached_property
    def role_nouns(self) -> frozenset[str]:
        """Nouns that name a role rather than a person: "the spokesman said" has no name in it."""
        return self.role_heads | self.official_roles

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        return frozenset(line.strip().lower() for line in lexicon_lines("reporting_verbs.txt"))

    @cached_property
    def gazetteer_common_words(self) -> frozenset[str]:
        """Places in the gazetteers that are mostly ordinary words: "North", "Independence"."""
        return frozenset(canonical_key(w) for w in _words("gazetteer_common_words.txt"))

    @cached_property
    def given_names(self) -> frozenset[str]:
        """First names: "Jean" in "Jean Cocteau" makes the name a person's (name_evidence.py)."""
        return _words("given_names.txt")

    @cached_property
    def offices(self) -> frozenset[str]:
        """Offices an article names for their holder: "Madam Speaker", "the Secretary-General" (offices.py)."""
        return _words("offices.txt")

    @cached_property
    def road_cues(self) -> frozenset[str]:
        """Words of an article about roads: there "A19" is a road (places.py)."""
        return _words("road_cues.txt")

    @cached_property
    def place_nouns(self) -> frozenset[str]:
        """Nouns for a kind of place: "the island of Funen" names a place (name_evidence.py)."""
        return _words("place_nouns.txt")

    @cached_property
    def field_cues(self) -> frozenset[str]:
        """Academic posts and degrees: "Professor of X" names a field of study (fields.py)."""
        return _words("field_cues.txt")

    @cached_property
    def denominations(self) -> frozenset[str]:
        """Faiths and their branches: "the Lutheran Church" is a body, not a building (name_evidence.py)."""
        return _words("denominations.txt")

    @cached_property
    def division_heads(self) -> frozenset[str]:
        """Last words of divisions named in their own right: "Bergen County", "Kansas City"."""
        return _words("division_heads.txt")

    @cached_property
    def known_names(self) -> list[tuple[str, str]]:
        """(name, label) pairs marked before the model runs."""
        pairs = []
        for line in lexicon_lines("known_names.tsv"):
            name, label = line.split("\t")
            pairs.append((name.strip(), label.strip()))
        return pairs


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(
        role_heads=_words("role_heads.txt"),
        role_modifiers=_words("role_modifiers.txt"),
        honorifics=_words("honorifics.txt"),
        official_roles=_words("official_roles.txt"),
        demonyms=_words("demonyms.txt"),
        stop_entities=frozenset(canonical_key(w) for w in _words("stop_entities.txt")),
        place_acronyms=frozenset(canonical_key(w) for w in _words("place_acronyms.txt")),
        head_types={k: v.split("\t")[0].strip().upper() for k, v in _pairs("head_types.tsv").items()},
        surname_heads=frozenset(k for k, v in _pairs("head_types.tsv").items() if v.endswith("surname")),
        type_overrides={k: v.upper() for k, v in _pairs("type_overrides.tsv").items()},
        canonical_aliases={k: v.split("\t")[0].strip() for k, v in _pairs("canonical_aliases.tsv").items()},
        canonical_types={canonical_key(v.split("\t")[0]): v.split("\t")[1].strip().upper()
                         for v in _pairs("canonical_aliases.tsv").values() if v.count("\t") == 1},
        lead_types={k: v.split("\t")[0].strip().upper() for k, v in _pairs("lead_types.tsv").items()},
        org_leads=frozenset(k for k, v in _pairs("lead_types.tsv").items() if v.endswith("\torg")),
        place_prepositions=_words("place_prepositions.txt"),
        name_particles=_words("name_particles.txt"),
        post_nominals=_words("post_nominals.txt"),
        work_nouns=_words("work_nouns.txt"),
    )
