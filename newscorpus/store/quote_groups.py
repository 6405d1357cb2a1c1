"""One quotation carried by many articles: `quote_groups` and `quotes.group_id`.

Two quotations are the same when their words are (case and punctuation aside), or when one
is an excerpt of the other: its words run, in order, inside the other's. A group's text is the
longest wording seen. Every quotation has a group, most of them alone in it.

Only quotations without a group are placed, which after a run are those of the articles it
added or updated (the writer replaces an article's quotes). A longer quotation finds the
groups it contains through `quote_groups.head`, the hash of a group's first words; a shorter
one finds the quotations containing it through the full-text index. A group stores a hash of
its words, not the words (quote_key of its text, recomputed where compared).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable

# An excerpt this short ("a military alliance") is a phrase many quotations share, not a
# quotation: shorter ones are grouped only with the same words.
EXCERPT_WORDS = 6
WORD = re.compile(r"\w+")


def quote_key(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _hash(words: str) -> int:
    """64 bits, signed, as SQLite stores integers."""
    return int.from_bytes(hashlib.blake2b(words.encode(), digest_size=8).digest(), "little", signed=True)


def key_hash(key: str) -> int:
    return _hash(key)


def _head(words: list[str]) -> int:
    return _hash(" ".join(words[:EXCERPT_WORDS]))


def group_quotes(cursor, lost_groups: Iterable[int] = ()) -> int:
    """Place every quotation without a group; returns how many. `lost_groups`: the groups of
    updated articles' old quotations, which are gone; they are recounted, and deleted if empty."""
    lost = set(lost_groups)
    pending = cursor.execute("SELECT id, text, speaker_id FROM quotes WHERE group_id IS NULL ORDER BY id").fetchall()
    if not pending and not lost:
        return 0
    touched: set[int] = set()
    for quote_id, text, speaker_id in pending:
        key = quote_key(text)
        words = key.split()
        found = _group_of(cursor, key, words) if words else None
        if found is None:
            cursor.execute(
                "INSERT INTO quote_groups (text, key_hash, head, speaker_id, article_count, source_count) "
                "VALUES (?, ?, ?, ?, 0, 0)",
                (text, key_hash(key), _head(words) if len(words) >= EXCERPT_WORDS else None, speaker_id))
            group_id = cursor.lastrowid
        else:
            group_id, group_key = found
            if len(key) > len(group_key):  # the longer wording becomes the group's text
                cursor.execute("UPDATE quote_groups SET text = ?, key_hash = ?, head = ? WHERE id = ?",
                               (text, key_hash(key), _head(words), group_id))
            if speaker_id is not None:
                cursor.execute("UPDATE quote_groups SET speaker_id = ? WHERE id = ? AND speaker_id IS NULL",
                               (speaker_id, group_id))
        cursor.execute("UPDATE quotes SET group_id = ? WHERE id = ?", (group_id, quote_id))
        touched.add(group_id)
    cursor.execute("DELETE FROM quote_groups WHERE id IN (SELECT value FROM json_each(?)) "
                   "AND NOT EXISTS (SELECT 1 FROM quotes WHERE group_id = quote_groups.id)",
                   (json.dumps(sorted(lost)),))
    refresh_quote_groups(cursor, touched | lost)
    return len(pending)


def _group_of(cursor, key: str, words: list[str]) -> tuple[int, str] | None:
    """(id, key) of the group this quotation belongs to: the same words, else the longest
    group it is an excerpt of or that is an excerpt of it."""
    same = next(((group_id, group_key) for group_id, group_key in _keyed(cursor.execute(
        "SELECT id, text FROM quote_groups WHERE key_hash = ? ORDER BY id", (key_hash(key),)))
        if group_key == key), None)  # the words compared too: a hash is no proof
    if same or len(words) < EXCERPT_WORDS:
        return same
    heads = [_head(words[i:]) for i in range(len(words) - EXCERPT_WORDS + 1)]
    placeholders = ", ".join("?" * len(heads))
    inside = _keyed(cursor.execute(f"SELECT id, text FROM quote_groups WHERE head IN ({placeholders})", heads))
    # Not the whole quotation as a phrase: FTS5 would read the postings of "the" and "of" for
    # every quotation stored. Its three longest words, rarer, find the candidates; the keys decide.
    rare = " AND ".join(f'"{word}"' for word in sorted(set(words), key=lambda w: (-len(w), w))[:3])
    around = _keyed(cursor.execute(
        "SELECT DISTINCT g.id, g.text FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
        "JOIN quote_groups g ON g.id = q.group_id WHERE quotes_fts MATCH ?", (rare,)))
    padded = f" {key} "
    matches = [(group_id, group_key) for group_id, group_key in inside if f" {group_key} " in padded]
    matches += [(group_id, group_key) for group_id, group_key in around if padded in f" {group_key} "]
    return min(matches, key=lambda match: (-len(match[1]), match[0]), default=None)


def _keyed(rows) -> list[tuple[int, str]]:
    return [(group_id, quote_key(text)) for group_id, text in rows]


def refresh_quote_groups(cursor, group_ids: Iterable[int]) -> None:
    """How many articles and outlets carry these groups, and the first article that did; one
    statement, as after --reprocess it is every group."""
    cursor.execute(
        "UPDATE quote_groups SET "
        "article_count = (SELECT COUNT(DISTINCT q.article_id) FROM quotes q WHERE q.group_id = quote_groups.id), "
        "source_count = (SELECT COUNT(DISTINCT a.source_id) FROM quotes q JOIN articles a ON a.id = q.article_id "
        "  WHERE q.group_id = quote_groups.id), "
        "first_article_id = (SELECT a.id FROM quotes q JOIN articles a ON a.id = q.article_id "
        "  WHERE q.group_id = quote_groups.id ORDER BY a.published IS NULL, a.published, a.id LIMIT 1) "
        "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(group_ids)),))
