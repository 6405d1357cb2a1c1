"""Linking across articles that one article alone cannot do.

An article that only says "President Putin" yields a one-word person, "Putin"; another
article names him in full. When the corpus holds exactly one person whose full name ends
in that word, the one-word entity is merged into it: its aliases, article links and
quotes move over, so `quotes_by`, facets and the entity page show one person.

It runs at the end of every ingest over the whole corpus, so the result does not depend
on which article came first. Two full names sharing the last word ("Hillary Clinton",
"Bill Clinton") make the surname ambiguous, and it stays its own entity.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, text

from .writer import refresh_entity_names


def surname_merges(conn: Connection) -> list[tuple[int, int]]:
    """(one-word person id, full-name person id) pairs that are unambiguous."""
    singles: dict[str, int] = {}
    full_by_last: dict[str, list[int]] = defaultdict(list)
    for entity_id, key in conn.execute(text("SELECT id, key FROM entities WHERE type = 'PERSON'")):
        words = key.split()
        if len(words) == 1:
            singles[key] = entity_id
        elif words:
            full_by_last[words[-1]].append(entity_id)
    return [(singles[last], ids[0]) for last, ids in full_by_last.items() if last in singles and len(ids) == 1]


def link_surnames(conn: Connection) -> int:
    """Merge every unambiguous one-word person into its full name; returns how many."""
    merges = surname_merges(conn)
    touched: set[int] = set()
    for single, full in merges:
        touched.update(merge_entity(conn, single, full))
    refresh_entity_names(conn, touched)
    return len(merges)


def merge_entity(conn: Connection, gone: int, kept: int) -> set[int]:
    """Move everything of entity `gone` to entity `kept` and delete `gone`.
    Returns the ids of the articles whose entity lists changed."""
    ids = {"gone": gone, "kept": kept}
    articles = {row[0] for row in conn.execute(
        text("SELECT article_id FROM article_entities WHERE entity_id = :gone"), ids)}
    # An article naming both forms counts its mentions once, on the kept entity.
    conn.execute(text(
        "UPDATE article_entities SET mentions = mentions + (SELECT g.mentions FROM article_entities g "
        " WHERE g.entity_id = :gone AND g.article_id = article_entities.article_id) "
        "WHERE entity_id = :kept AND article_id IN (SELECT article_id FROM article_entities WHERE entity_id = :gone)"
    ), ids)
    for table, owner in (("article_entities", "article_id"), ("quote_speakers", "quote_id")):
        conn.execute(text(f"UPDATE OR IGNORE {table} SET entity_id = :kept WHERE entity_id = :gone"), ids)
        conn.execute(text(f"DELETE FROM {table} WHERE entity_id = :gone"), ids)
    conn.execute(text("UPDATE quotes SET speaker_id = :kept WHERE speaker_id = :gone"), ids)
    conn.execute(text("UPDATE OR IGNORE entity_aliases SET entity_id = :kept WHERE entity_id = :gone"), ids)
    conn.execute(text("DELETE FROM entities WHERE id = :gone"), ids)  # its leftover aliases cascade
    return articles
