"""The people of a byline: "By Li Wei in Beijing and Olga Petrova in Moscow" -> ["Li Wei", "Olga Petrova"].

`ArticleParts.byline` keeps what the page printed; `authors_of` reads the person names out of
it for `ArticleParts.authors`. The structure is here (what separates people, where a name ends);
the words that tell a person from a role, an outlet or a credential are data in bylines.yaml.

Choices, so that every format gives the same list:
- Everyone the byline credits with the text is an author, editors included ("Reporting by A;
  Editing by B" -> [A, B]); picture credits ("Photos by C") are not.
- Forms of address and degrees are not part of a name ("Dr. Jane Roe, PhD" -> "Jane Roe");
  generational suffixes are ("Jane Roe, Jr." -> "Jane Roe Jr.").
- A name keeps its case as printed, unless it is two or more words all in capitals: then it is
  title-cased (JOHN MCDONALD -> John McDonald, MARY-KATE O'BRIEN -> Mary-Kate O'Brien, JOSE DE
  LA CRUZ -> Jose de la Cruz; initials and roman numerals stay). Particles inside a name are
  lower-cased, so JEAN-CLAUDE VAN DAMME comes out "van Damme": capitals cannot say which
  spelling a person uses. "Mac" is left alone (MacDonald, but Mack and Machado). One word in
  capitals (IWB) is a handle or initials and stays as printed.
- One word that is no role, outlet or placeholder is a pen name and is kept ("tmarie").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from .rules import RulesError

VOCABULARY_PATH = Path(__file__).with_name("bylines.yaml")
MAX_BYLINE_CHARS = 1_000  # a byline field holding a whole paragraph names nobody we could trust

# Contact details and asides name no one: "(@janeroe)", "jane.roe@example.com", "(Reuters)".
CONTACT_OR_ASIDE = re.compile(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+|@\w+|\([^()]*\)|\[[^\[\]]*\]", re.IGNORECASE)
# What sites print between people, or between a person and an outlet or a date. A hyphen only
# with spaces around it: without, it joins a double name (Smith-Jones).
CLAUSE_BREAK = re.compile(r"[;|•·/\n]|\s-+\s|[–—]")
# "By", "Written by", "View all posts by", "Reporting by": a few words ending in "by".
BY_LEAD_IN = re.compile(r"^(?P<label>(?:\S+\s+){0,4}?)by\b\s*:?\s*", re.IGNORECASE)
LABEL = re.compile(r"^(?P<label>[^:]{1,40}):\s*")
INITIALS = re.compile(r"^(?:\w\.)+$|^\w$")
ROMAN = re.compile(r"^(?:i{1,3}|iv)$")
ELIDED_PREFIX = re.compile(r"^[a-z]['’]")  # d'Artagnan, l'Estrange
TRIM = " \t,;:!?\"'“”‘’«»*-–—"


@dataclass(frozen=True)
class Vocabulary:
    max_name_words: int
    lead_ins: frozenset[str]
    picture_credits: frozenset[str]
    joiners: frozenset[str]
    affiliations: frozenset[str]
    stop_words: frozenset[str]
    months: frozenset[str]
    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    outlets: frozenset[str]
    outlet_heads: frozenset[str]
    not_people: frozenset[str]
    honorifics: frozenset[str]
    credentials: frozenset[str]
    suffixes: frozenset[str]
    particles: frozenset[str]

    @cached_property
    def role_words(self) -> frozenset[str]:
        return self.role_heads | self.role_modifiers


def key(text: str) -> str:
    """How the word lists are matched: case and dots ignored ("Ph.D." is "phd")."""
    return " ".join(word.casefold().replace(".", "").strip(TRIM) for word in text.split())


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """bylines.yaml, read once per process: it never changes under a run."""
    try:
        data = yaml.safe_load(VOCABULARY_PATH.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise RulesError(f"cannot read byline vocabulary {VOCABULARY_PATH}: {error}") from error
    lists = [name for name in Vocabulary.__dataclass_fields__ if name != "max_name_words"]
    missing = [name for name in lists if not isinstance(data.get(name), list)]
    if missing:
        raise RulesError(f"byline vocabulary {VOCABULARY_PATH} lacks the lists {', '.join(missing)}")
    return Vocabulary(max_name_words=int(data.get("max_name_words", 5)),
                      **{name: frozenset(key(str(entry)) for entry in data[name]) for name in lists})


def authors_of(byline: str | None) -> list[str]:
    """The people a byline names, in its order, each once; [] for an outlet, a role or nothing."""
    if not byline or not byline.strip() or len(byline) > MAX_BYLINE_CHARS:
        return []
    words = vocabulary()
    names: list[list[str]] = []
    for clause in CLAUSE_BREAK.split(CONTACT_OR_ASIDE.sub(" ", byline)):
        names.extend(_names_in_clause(clause, words))
    seen, unique = set(), []
    for tokens in names:
        name = _display(tokens, words)
        if name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique


def _names_in_clause(clause: str, words: Vocabulary) -> list[list[str]]:
    """A clause is names and what qualifies them, separated by commas: "Jane Roe, John Smith
    and Ann Lee", "Jane Roe, Senior Correspondent", "JANE DOE, Associated Press"."""
    found: list[list[str]] = []
    for position, segment in enumerate(clause.split(",")):
        segment = _without_lead_in(segment, words)
        tokens = [token for token in (segment or "").split() if re.search(r"\w|&", token)]
        if not tokens:
            continue
        if found and all(key(token) in words.suffixes for token in tokens):
            found[-1] = found[-1] + tokens  # "Jane Roe, Jr."
            continue
        after_place = False
        for part in _split_at(tokens, words.joiners):
            if after_place and len(part) == 1:
                continue  # "in Washington and Moscow": the second place, not a person
            name, after_place = _name_in(part, words, may_carry_a_role=position == 0)
            if name:
                found.append(name)
    return found


def _without_lead_in(segment: str, words: Vocabulary) -> str | None:
    """The segment without "By", "Written by", "Words:"; None for a picture credit."""
    text = segment.strip(TRIM)
    by = BY_LEAD_IN.match(text)
    if by:
        label = by.group("label").split()
        if label and key(label[0]) in words.picture_credits:
            return None
        return text[by.end():]
    label = LABEL.match(text)
    if label:
        label_words = key(label.group("label")).split()
        if label_words and label_words[0] in words.picture_credits:
            return None
        if all(word in words.lead_ins or word in words.joiners for word in label_words):  # "Text and photos:"
            return text[label.end():]
    return text


def _split_at(tokens: list[str], joiners: frozenset[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for token in tokens:
        if key(token) in joiners:
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def _name_in(part: list[str], words: Vocabulary, may_carry_a_role: bool) -> tuple[list[str] | None, bool]:
    """(the person's name in one part of a byline or None, whether an affiliation was cut off)."""
    tokens, after_place = _until_the_name_ends(part, words)
    while tokens and key(tokens[0]) in words.honorifics:
        tokens = tokens[1:]
    while len(tokens) > 1 and key(tokens[-1]) in words.credentials:
        tokens = tokens[:-1]
    if not tokens or key(tokens[-1]) in words.credentials:
        return None, after_place
    tokens = _without_role(_unglued(tokens, words), words, may_carry_a_role)
    if not tokens or _names_no_person(tokens, words):
        return None, after_place
    return _trimmed(tokens, words), after_place


def _until_the_name_ends(part: list[str], words: Vocabulary) -> tuple[list[str], bool]:
    """The words before an affiliation ("in Beijing"), a date or time, a stop word ("Updated")
    or, in a capitalised name, a lower-case word ("Art Edwards says")."""
    capitalised = part[0][:1].isupper()
    for i, token in enumerate(part):
        word = key(token)
        following = part[i + 1] if i + 1 < len(part) else ""
        if word in words.affiliations and following:  # "Johnnie To" ends in a name, not a place
            return part[:i], True
        if word in words.stop_words or f"{word} {key(following)}" in words.stop_words:
            return part[:i], False
        if token[:1].isdigit() or (word in words.months and following[:1].isdigit()):
            return part[:i], False
        if capitalised and i >= 2 and token[:1].islower() and not _is_particle(token, words):
            return part[:i], False
    return part, False


def _is_particle(token: str, words: Vocabulary) -> bool:
    word = key(token)
    return word in words.particles or word.split("-")[0] in words.particles or bool(ELIDED_PREFIX.match(token))


def unglued(tokens: list[str]) -> list[str]:
    """`_unglued` with the vocabulary: for the byline as stored (header.py)."""
    return _unglued(tokens, vocabulary())


def _unglued(tokens: list[str], words: Vocabulary) -> list[str]:
    """A role copied without its space: "Evan HalperStaff Writer" -> "Evan Halper Staff Writer"."""
    for i in range(max(1, len(tokens) - 3), len(tokens)):
        token = tokens[i]
        for cut in range(1, len(token)):
            if token[cut - 1].islower() and token[cut].isupper():
                role = [token[cut:]] + tokens[i + 1:]
                if _is_role(role, words):
                    return tokens[:i] + [token[:cut]] + role
    return tokens


def _is_role(tokens: list[str], words: Vocabulary) -> bool:
    keys = [key(token) for token in tokens]
    return bool(keys) and keys[-1] in words.role_heads and all(k in words.role_words for k in keys)


def _without_role(tokens: list[str], words: Vocabulary, may_carry_a_role: bool) -> list[str] | None:
    """The name without a role before it ("Staff Writer Jane Roe") or after it ("Jane Roe Staff
    Writer"). A role after one word is an outlet's ("Reuters Staff"), and a role that follows a
    comma is the whole segment ("Jane Roe, White House Correspondent"): no person in either."""
    keys = [key(token) for token in tokens]
    role_words = words.role_words
    lead = 0
    while lead < len(keys) and keys[lead] in role_words:
        lead += 1
    while lead and keys[lead - 1] not in words.role_heads:
        lead -= 1
    tokens, keys = tokens[lead:], keys[lead:]
    if not tokens or all(k in role_words for k in keys):  # "Special" of "Special to the Times"
        return None
    if keys[-1] not in words.role_heads:
        return tokens
    if not may_carry_a_role:
        return None
    end = len(keys)
    while end and keys[end - 1] in role_words:
        end -= 1
    return tokens[:end] if end >= 2 else None


def _names_no_person(tokens: list[str], words: Vocabulary) -> bool:
    """An outlet ("The Guardian", "BBC News", "Reuters"), a placeholder ("Admin"), a domain,
    or more words than a name has."""
    keys = [key(token) for token in tokens]
    phrase = " ".join(keys)
    if keys[0] == "the" or phrase in words.outlets or phrase in words.not_people:
        return True
    if len(keys) > 1 and keys[-1] in words.outlet_heads:
        return True
    if any(re.search(r"\w{2,}\.\w{2,}", token) for token in tokens):
        return True
    return sum(1 for token in tokens if not _is_particle(token, words)) > words.max_name_words


def _trimmed(tokens: list[str], words: Vocabulary) -> list[str]:
    """Punctuation off the ends, but the full stop of an initial or a suffix stays ("Joe S.", "Jr.")."""
    tokens = [tokens[0].lstrip(TRIM + ".")] + tokens[1:]
    last = tokens[-1].rstrip(TRIM)
    if last.endswith(".") and not (INITIALS.match(last) or key(last) in words.suffixes):
        last = last.rstrip(".")
    return [token for token in tokens[:-1] + [last] if token]


def _display(tokens: list[str], words: Vocabulary) -> str:
    letters = [c for c in "".join(tokens) if c.isalpha()]
    shouting = len(tokens) >= 2 and all(c.isupper() for c in letters)
    if not shouting:
        return " ".join(tokens)
    return " ".join(_title_cased(token, first=i == 0, words=words) for i, token in enumerate(tokens))


def _title_cased(token: str, first: bool, words: Vocabulary) -> str:
    word = key(token)
    if INITIALS.match(token):
        return token
    if word in words.suffixes:
        return token.upper() if ROMAN.match(word) else token.capitalize()
    if not first and word in words.particles:
        return token.lower()
    return "-".join(_title_cased_piece(piece) for piece in token.split("-"))


def _title_cased_piece(piece: str) -> str:
    piece = piece.capitalize()
    if len(piece) > 2 and piece.startswith("Mc"):
        return "Mc" + piece[2:].capitalize()
    elided = re.match(r"^(\w)(['’])(\w)", piece)
    if elided:  # O'Brien, D'Angelo
        return elided.group(1) + elided.group(2) + elided.group(3).upper() + piece[3:]
    return piece
