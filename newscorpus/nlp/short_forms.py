"""A head word alone standing for the one longer name it ends in the article.

"The Lodge" after "Henga Lodge", "the Treaty" after "the New START Treaty", "the Press" in an
interview about the New York Press: where the article names exactly one thing with that head
word, the bare head word is its short form. With two ("Royal Palace", "Ali Qapu Palace") the
bare word is left alone: it cannot be told which it means.
"""
from __future__ import annotations

from collections import defaultdict

from .lexicon import Lexicon

# The kinds of name a bare head word may shorten, and the kinds it may have been read as.
LONGER_KINDS = frozenset({"ORG", "PLACE", "LAW", "EVENT"})
SHORT_KINDS = frozenset({"ORG", "PLACE"})


def merge_lone_heads(group_type: dict, words_of: dict, merged, lex: Lexicon) -> None:
    """Union each one-word name that is a head word (`head_types.tsv`) with the one longer name
    of the article ending in it; `merged` is entities._Keys."""
    ending: dict[str, set[str]] = defaultdict(set)
    for key, words in words_of.items():
        if len(words) >= 2 and group_type.get(key) in LONGER_KINDS:
            ending[words[-1]].add(merged.find(key))
    for key, words in words_of.items():
        if len(words) != 1 or group_type.get(key) not in SHORT_KINDS or words[0] not in lex.head_types:
            continue
        root = merged.find(key)
        longer = ending.get(words[0], set()) - {root}
        if len(longer) == 1:
            merged.union(key, longer.pop())
