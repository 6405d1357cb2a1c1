"""Turn whatever a user types into a valid FTS5 query, keeping the syntax they meant.

Datasette's escape_fts quotes every word, so it never fails but also never does a phrase,
prefix or boolean search. This keeps "quoted phrases", prefix* terms and AND/OR/NOT
between terms, and drops everything else that FTS5 would reject (stray quotes, brackets,
column filters, NEAR, a dangling operator), so the result is always valid.
"""
from __future__ import annotations

import re

# A phrase in double quotes (closed or running to the end), or a word with an optional *.
TOKEN = re.compile(r'"([^"]*)"?|([^\W_](?:[\w\'’.-]*[^\W_])?)(\*?)|(\*)', re.UNICODE)
OPERATORS = {"AND", "OR", "NOT"}
DROPPED = {"NEAR"}  # NEAR(a b, 5) needs exact syntax; a user typing it gets plain terms
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str | None) -> str:
    """A safe FTS5 MATCH expression for `text`; '""' (matches nothing) when nothing is left."""
    parts: list[str] = []
    for match in TOKEN.finditer(text or ""):
        phrase, word, star, _lone_star = match.groups()
        if word in DROPPED:
            continue
        if word in OPERATORS:
            if parts and parts[-1] not in OPERATORS:
                parts.append(word)
            continue
        if phrase is not None:
            words = WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        elif word:
            words = WORD.findall(word)
            term = '"' + " ".join(words) + '"'
            parts.append(term + "*" if star and len(words) == 1 else term)
    while parts and parts[-1] in OPERATORS:
        parts.pop()
    return " ".join(parts) or '""'
