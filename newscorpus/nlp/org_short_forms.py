"""Organisations' short forms within one article: acronyms and the shorter names of longer ones.

"WHO" is the World Health Organization and "Wooster" the College of Wooster in an article naming
both; "the United Nations" is not the General Assembly of the United Nations. `merged` is
entities._Keys, the union of the keys that name one entity.
"""
from __future__ import annotations

from collections import defaultdict

from .mentions import CONNECTORS, DETERMINERS


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w and w not in CONNECTORS and w not in DETERMINERS)


def merge_acronyms(group_type, words_of, mention_count, merged) -> None:
    """An acronym spelled by the initials of a longer name in the article is that name:
    "WHO" / "World Health Organization", "ABHM" / "Akhil Bharat Hindu Mahasabha"."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, words in words_of.items():
        if len(words) >= 2 and group_type[key] in {"ORG", "PLACE", "LAW", "EVENT"}:
            by_initials[_initials(words)].append(key)
            if len(words) >= 3:
                by_initials[_initials(words[1:])].append(key)  # "Russian Federal Security Service"
    for key, words in words_of.items():
        if len(words) != 1 or group_type[key] == "PERSON" or len(key) < 2:
            continue
        letters = key.replace(".", "")
        candidates = [k for k in by_initials.get(letters, []) if k != key]
        if candidates and merged.find(key) == key:
            merged.union(key, max(candidates, key=lambda k: mention_count[k]))


def merge_org_short_forms(group_type, words_of, mention_count, merged, lex) -> None:
    """ "Wooster" is the College of Wooster and "NBC" is NBC News in an article naming both;
    only distinctive words qualify ("Ministry" alone says nothing)."""
    containing: dict[str, list[str]] = defaultdict(list)
    person_words: set[str] = set()
    for key, words in words_of.items():
        if group_type[key] == "ORG" and len(words) >= 2:
            for word in set(words):
                containing[word].append(key)
        elif group_type[key] == "PERSON" and len(words) >= 2:
            person_words.update((words[0], words[-1]))
    for key, words in words_of.items():
        # A lone "Wooster" the model called a person, in an article about the College of
        # Wooster and naming no person Wooster, is the college.
        lone_person = group_type[key] == "PERSON" and len(words) == 1 and words[0] not in person_words
        if (group_type[key] != "ORG" and not lone_person) or not words or merged.find(key) != key:
            continue
        if all(w in lex.head_types or w in lex.demonyms or w in CONNECTORS for w in words):
            continue
        size = len(words)
        candidates = [
            k for k in containing.get(words[0], [])
            if k != key and len(words_of[k]) > size
            and any(words_of[k][i:i + size] == words and short_form_at(words_of[k], i, size)
                    for i in range(len(words_of[k]) - size + 1))
        ]
        if candidates:
            merged.union(key, max(candidates, key=lambda k: mention_count[k]))
            if lone_person:
                group_type[key] = "ORG"


def short_form_at(full: tuple[str, ...], i: int, size: int) -> bool:
    """Whether the words at full[i:i + size] may be a short form of the name `full`. One word may
    be anywhere ("Wooster", "NBC"); a name of several words is the short form where it ends the
    longer name ("the Red Sox" of the Boston Red Sox) or opens it before "of" ("the General
    Assembly" of the General Assembly of the United Nations). Elsewhere the longer name is a body
    of it or a branch: "the General Assembly of the United Nations", "the United Nations Office for
    Disarmament Affairs", "Creative Commons Africa" are not the United Nations or Creative Commons."""
    if size == 1:
        return True
    if i + size == len(full):
        return full[i - 1] not in CONNECTORS and full[i - 1] not in DETERMINERS
    return i == 0 and full[size] == "of"
