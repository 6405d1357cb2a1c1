"""Copies across articles: identical texts (`articles.duplicate_of`) and stories (`stories`,
`articles.story_id`): a wire story, its updated versions and its syndicated rewrites.

It runs at the end of every ingest over the articles whose text may have changed since their
signature was made (new, updated, re-extracted, or left over by a run that was killed), and
compares each with the stored corpus through the LSH band keys in `article_bands`: adding one
article to a large corpus costs a few indexed lookups, not a re-clustering.

An article joins the story of the stored article it shares most text with, when that is enough
to be a copy (signatures.py says what "enough" is, and bench/stories.py how it was chosen). An
article copied from nothing starts a story. Articles never move between stories because of a
later article: a story is what its articles were copies of when they came. When an article
changes it leaves its story and is placed again; a story left empty disappears, and an
article starting a story again takes back its old story's id when that story is empty, so
`--reprocess` keeps the ids of the stories it finds again.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection

from .quote_groups import group_quotes
from .signatures import DEFAULT_RULES, CopyRules, Signature, exact_key

CHUNK = 500  # articles read at a time: a --reprocess of a large corpus must not hold every body


@dataclass
class CopyChanges:
    articles: int = 0  # articles placed again
    quotes: int = 0  # quotations placed in groups
    # The groups of the placed articles' quotations when they were last placed: the writer
    # has replaced those quotations since.
    lost_quote_groups: set[int] = field(default_factory=set)
    stories: set[int] = field(default_factory=set)  # stories whose articles changed
    exact_keys: set[str] = field(default_factory=set)  # groups of identical texts that changed


def group_copies(conn: Connection, rules: CopyRules = DEFAULT_RULES) -> CopyChanges:
    """Bring duplicate_of, story_id, the stories and the quotation groups up to date; the
    caller commits."""
    cursor = conn.connection.dbapi_connection.cursor()  # its page cache: db.CACHE_KIB
    changes, placed = _group_articles(cursor, rules)
    changes.quotes = group_quotes(cursor, changes.lost_quote_groups)
    cursor.execute(
        "UPDATE article_signatures SET quote_group_ids = (SELECT json_group_array(DISTINCT q.group_id) "
        "FROM quotes q WHERE q.article_id = article_signatures.article_id) "
        "WHERE article_id IN (SELECT value FROM json_each(?))", (json.dumps(placed),))
    return changes


def _group_articles(cursor, rules: CopyRules) -> tuple[CopyChanges, list[int]]:
    """Identical texts and stories; returns the changes and the articles placed."""
    pending = cursor.execute(
        "SELECT a.id, a.story_id, s.exact_key, s.quote_group_ids, s.minhash, s.shingle_count FROM articles a "
        "LEFT JOIN article_signatures s ON s.article_id = a.id "
        "WHERE s.article_id IS NULL OR s.run_id IS NOT a.run_id ORDER BY a.id").fetchall()
    changes = CopyChanges(articles=len(pending))
    if not pending:
        return changes, []
    previous_story = {article_id: story_id for article_id, story_id, *_ in pending}
    changes.stories.update(story for story in previous_story.values() if story is not None)
    old_bands = []
    for article_id, _, key, quote_groups, minhash, shingle_count in pending:
        changes.lost_quote_groups.update(json.loads(quote_groups or "[]"))
        if key is not None:
            changes.exact_keys.add(key)
        if minhash is not None:  # the band keys it was filed under, from the signature they came from
            old_bands.extend((band, article_id) for band in rules.band_keys(Signature.from_bytes(minhash, shingle_count)))
    ids = [(article_id,) for article_id in previous_story]
    cursor.executemany("UPDATE articles SET story_id = NULL WHERE id = ?", ids)
    cursor.executemany("DELETE FROM article_bands WHERE key = ? AND article_id = ?", old_bands)
    claimed: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = [article_id for (article_id,) in ids[start:start + CHUNK]]
        rows = cursor.execute(
            "SELECT id, body, run_id FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(chunk),)).fetchall()
        for article_id, body, run_id in rows:
            key, sig = _store_signature(cursor, rules, article_id, body or "", run_id)
            if key is not None:
                changes.exact_keys.add(key)
            if sig is None:
                continue  # no words: no story
            bands = rules.band_keys(sig)
            story = _story_of_best_copy(cursor, rules, sig, bands)
            if story is None:
                story = _new_story(cursor, previous_story.get(article_id), claimed)
            cursor.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
            cursor.executemany("INSERT OR IGNORE INTO article_bands (key, article_id) VALUES (?, ?)",
                               [(band, article_id) for band in bands])
            changes.stories.add(story)
    changes.stories.update(_mark_duplicates(cursor, changes.exact_keys))
    refresh_stories(cursor, changes.stories)
    return changes, [article_id for (article_id,) in ids]


def _store_signature(cursor, rules: CopyRules, article_id: int, body: str, run_id):
    key = exact_key(body)
    sig = rules.signature(body)
    cursor.execute(
        "INSERT INTO article_signatures (article_id, run_id, exact_key, shingle_count, minhash) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET run_id = excluded.run_id, "
        "exact_key = excluded.exact_key, shingle_count = excluded.shingle_count, minhash = excluded.minhash",
        (article_id, run_id, key, sig.shingle_count if sig else 0, sig.to_bytes() if sig else None))
    return key, sig


# A band key held by more articles than this is met as often through text every article of an
# outlet ends with (a sign-off, a copyright line) as through a copy: an article is compared with
# those articles only when it shares a second such band with them, or a rarer one. A copy
# shares most of its bands, an outlet's sign-off one or two. Without it, one band held by 16% of
# 20,000 articles made a tenth of them each compare with 3,200 others. Only the newest this many
# holders of a band are looked at, so the cost of placing a text does not grow with the corpus.
POPULAR_BAND = 200


def _story_of_best_copy(cursor, rules: CopyRules, sig: Signature, bands: list[int]) -> int | None:
    """The story of the stored article this text is the closest copy of, if any is one."""
    met: Counter = Counter()
    through_rare: set[int] = set()
    for band in bands:
        # the newest holders only: a popular band's older ones would make the lookup grow with
        # the corpus, and a story carried that widely has its recent copies among the newest
        holders = [row[0] for row in cursor.execute(
            "SELECT article_id FROM article_bands WHERE key = ? ORDER BY article_id DESC LIMIT ?",
            (band, POPULAR_BAND + 1))]
        if len(holders) > POPULAR_BAND:
            met.update(holders)
        else:
            through_rare.update(holders)
    candidates = through_rare | {article_id for article_id, count in met.items() if count >= 2}
    rows = cursor.execute(
        "SELECT a.id, a.story_id, s.minhash, s.shingle_count FROM article_signatures s "
        "JOIN articles a ON a.id = s.article_id "
        "WHERE s.article_id IN (SELECT value FROM json_each(?)) AND a.story_id IS NOT NULL",
        (json.dumps(sorted(candidates)),)).fetchall() if candidates else []
    best = rules.closest_copy(sig, rows)
    return best[1] if best else None


def _new_story(cursor, previous: int | None, claimed: set[int]) -> int:
    if previous is not None and previous not in claimed:
        still_used = cursor.execute("SELECT 1 FROM articles WHERE story_id = ? LIMIT 1", (previous,)).fetchone()
        exists = cursor.execute("SELECT 1 FROM stories WHERE id = ?", (previous,)).fetchone()
        if exists and not still_used:
            claimed.add(previous)
            return previous
    cursor.execute("INSERT INTO stories (article_count, text_count, source_count) VALUES (0, 0, 0)")
    claimed.add(cursor.lastrowid)
    return cursor.lastrowid


def _mark_duplicates(cursor, keys: Iterable[str]) -> set[int]:
    """duplicate_of for every article of these exact keys: NULL on the first, the first's id on
    the others. Returns the stories of those articles, whose text counts may have changed."""
    stories = set()
    for key in keys:
        members = cursor.execute(
            "SELECT s.article_id, a.story_id FROM article_signatures s JOIN articles a ON a.id = s.article_id "
            "WHERE s.exact_key = ? ORDER BY s.article_id", (key,)).fetchall()
        if not members:
            continue
        first = members[0][0]
        cursor.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                           [(None if article_id == first else first, article_id) for article_id, _ in members])
        stories.update(story for _, story in members if story is not None)
    # Articles that now have no text, or a text of their own, are nobody's copy.
    cursor.execute(
        "UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL AND id IN "
        "(SELECT article_id FROM article_signatures WHERE exact_key IS NULL)")
    return stories


def refresh_stories(cursor, story_ids: Iterable[int]) -> None:
    """Counts, dates and first article of these stories; a story without articles is deleted.
    Set-based: after --reprocess it is every story of the corpus."""
    ids = json.dumps(sorted(story_ids))
    cursor.execute(
        "DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?)) "
        "AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = stories.id)", (ids,))
    first = ("(SELECT {} FROM articles a WHERE a.story_id = stories.id "
             "ORDER BY a.published IS NULL, a.published, a.id LIMIT 1)")
    cursor.execute(
        "UPDATE stories SET "
        f"first_article_id = {first.format('a.id')}, headline = coalesce({first.format('a.headline')}, ''), "
        "article_count = (SELECT COUNT(*) FROM articles a WHERE a.story_id = stories.id), "
        "text_count = (SELECT COUNT(DISTINCT coalesce(a.duplicate_of, a.id)) FROM articles a "
        "  WHERE a.story_id = stories.id), "
        "source_count = (SELECT COUNT(DISTINCT a.source_id) FROM articles a WHERE a.story_id = stories.id), "
        "first_published = (SELECT MIN(a.published) FROM articles a WHERE a.story_id = stories.id), "
        "last_published = (SELECT MAX(a.published) FROM articles a WHERE a.story_id = stories.id) "
        "WHERE id IN (SELECT value FROM json_each(?))", (ids,))
