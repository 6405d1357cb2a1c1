"""Every write to `articles` goes through here: an article and all its children together.

The caller stores a batch of articles in one transaction (each inside its own savepoint when
the batch is written again after a failure), so a crash or a bad file can never leave half
an article: either the old version with all its children is there, or the new one is. Cross-article linking (entity_links.py) moves entity
rows between entities and asks this module to refresh the articles it touched.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from sqlalchemy import Connection, select, text

from ..nlp.entities import canonical_key
from ..parts import ArticleParts, Document, EntityRef, Extraction
from ..read.inputs import Stored
from .models import (
    Article,
    ArticleEntity,
    BoilerplateLine,
    Comment,
    Entity,
    EntityAlias,
    Quote,
    QuoteSpeaker,
    Subheading,
)

ADDED, UPDATED = "added", "updated"
# Entity aliases remembered as already stored, at most: enough for every alias of a large
# corpus's common names, bounded so a run over millions of articles keeps flat memory.
KNOWN_ALIASES_MAX = 1_000_000

# Child tables replaced wholesale when an article is re-extracted; quote_speakers goes
# with quotes by ON DELETE CASCADE.
CHILD_TABLES = (Comment, BoilerplateLine, Subheading, Quote, ArticleEntity)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class StoredArticle:
    document: Document
    parts: ArticleParts
    extraction: Extraction
    source: str
    run_id: int | None = None  # the ingest run writing it (articles.run_id)


class KnownRows:
    """What one run has already written or read back (entity ids and names, aliases, source
    ids), so an article naming the corpus's usual names costs no statement for them: the
    writer spent half its time on entity statements whose answer it already had.

    Only valid inside one run's writes: `forget` after a rollback, whose rows these may name.
    """

    def __init__(self):
        self.forget()

    def forget(self) -> None:
        self.entities: dict[tuple[str, str], tuple[int, str]] = {}  # (key, type) -> (id, stored name)
        self.aliases: set[tuple[int, str]] = set()
        self.sources: dict[str, int] = {}


@lru_cache(maxsize=200_000)
def _canonical_key(name: str) -> str:
    # Names repeat across articles (a few thousand cover most mentions): computed once each.
    return canonical_key(name)


def stored_files(conn: Connection) -> Stored:
    """What the reader needs to skip unchanged files, in one query: an unchanged corpus of
    100k files is checked without a query per file."""
    stored = Stored()
    for path, file, sha256, size, mtime_ns in conn.execute(
            select(Article.path, Article.file, Article.sha256, Article.file_size, Article.file_mtime_ns)):
        stored.articles[path] = (sha256, size, mtime_ns)
        if file is not None and file != path:
            previous = stored.containers.get(file)
            records = previous[2] + 1 if previous else 1
            # Records of one file stored under different stats (a run stopped midway): the
            # file must be read again.
            same = previous is None or previous[:2] == (size, mtime_ns)
            stored.containers[file] = (size, mtime_ns, records) if same else (None, None, records)
    return stored


def restamp(conn: Connection, stats: list[tuple[int | None, int | None, str]]) -> None:
    """New (size, mtime_ns) for files whose bytes were unchanged (touched, copied back)."""
    if stats:
        conn.connection.dbapi_connection.executemany(
            "UPDATE articles SET file_size = ?, file_mtime_ns = ? WHERE path = ?", stats)


def store_article(conn: Connection, item: StoredArticle, known: KnownRows | None = None) -> tuple[int, str]:
    """Upsert the article (keeping its id) and replace its children. Returns (id, added|updated).

    The caller owns the transaction, so a batch can share one commit; `known` carries what
    earlier articles of the same transaction or run already stored."""
    # Plain DB-API statements, not SQLAlchemy Core: its per-statement work (cache keys,
    # parameter processing) cost three times SQLite's own in the writer (profiled on 1,000
    # BBC articles: 119 -> 330 stored per second), and the writer shares the two cores with
    # the NLP workers. The statements run inside the caller's SQLAlchemy transaction.
    cursor = conn.connection.dbapi_connection.cursor()
    doc, parts = item.document, item.parts
    stamp = now_iso()
    known = known or KnownRows()
    entity_ids = _upsert_entities(cursor, item.extraction.entities, known)
    values = dict(
        path=doc.path,
        source_id=_source_id(cursor, item.source, known),
        title=parts.title,
        headline=headline_of(parts),
        section=parts.section,
        dateline=parts.dateline,
        byline=parts.byline,
        image_credit=parts.image_credit,
        published=parts.published,
        body=parts.body,
        raw_text=doc.text,
        sha256=doc.sha256,
        encoding=doc.encoding,
        comment_count_shown=parts.comment_count_shown,
        entity_names=entity_names_value((e.name, e.mentions) for e in item.extraction.entities),
        updated_at=stamp,
        run_id=item.run_id,
        file_size=doc.size,
        file_mtime_ns=doc.mtime_ns,
        url=parts.url or doc.url,
        file=doc.file or doc.path,
        updated=parts.updated,
        authors=json_array(parts.authors),
        categories=json_array(parts.categories),
        tags=json_array(parts.tags),
    )
    existing = cursor.execute("SELECT id FROM articles WHERE path = ?", (doc.path,)).fetchone()
    if existing is None:
        row = dict(values, ingested_at=stamp, added_run_id=item.run_id)
        cursor.execute(_insert_sql("articles", tuple(row), ""), tuple(row.values()))
        article_id, status = cursor.lastrowid, ADDED
    else:
        article_id, status = existing[0], UPDATED
        cursor.execute(_update_sql(tuple(values)), (*values.values(), article_id))
        for table in CHILD_TABLES:
            cursor.execute(f"DELETE FROM {table.__tablename__} WHERE article_id = ?", (article_id,))
    _insert_children(cursor, article_id, item, entity_ids, known)
    return article_id, status


def _insert_children(cursor, article_id: int, item: StoredArticle, entity_ids, known: KnownRows) -> None:
    parts, extraction = item.parts, item.extraction
    _insert_many(cursor, Comment, [
        dict(article_id=article_id, position=c.position, author=c.author,
             posted_at=c.posted_at, body=c.body)
        for c in parts.comments
    ])
    _insert_many(cursor, BoilerplateLine, [
        dict(article_id=article_id, position=b.position, text=b.text, rule=b.rule)
        for b in parts.boilerplate
    ])
    _insert_many(cursor, Subheading, [
        dict(article_id=article_id, position=i, text=t) for i, t in enumerate(parts.subheadings)
    ])
    _insert_many(cursor, ArticleEntity, [
        dict(article_id=article_id, entity_id=entity_ids[_entity_key(e)], mentions=e.mentions)
        for e in extraction.entities
    ])
    if not extraction.quotes:
        return
    # A speaker the entity finder missed still becomes an entity, so quotes_by finds it.
    by_name = {e.name: e for e in extraction.entities}
    unknown = [EntityRef(name=name, type="PERSON", aliases={name})
               for quote in extraction.quotes for name in quote.speakers
               if name not in by_name and (_canonical_key(name), "PERSON") not in entity_ids]
    entity_ids.update(_upsert_entities(cursor, unknown, known))
    speakers_of = []
    for quote in extraction.quotes:
        keys = [_entity_key(by_name.get(name) or EntityRef(name=name, type="PERSON")) for name in quote.speakers]
        speakers_of.append(list(dict.fromkeys(entity_ids[key] for key in keys)))
    _insert_many(cursor, Quote, [
        dict(article_id=article_id, position=position, text=quote.text, kind=quote.kind,
             speaker_id=speakers[0] if speakers else None, cue=quote.cue, start=quote.start, end=quote.end)
        for position, (quote, speakers) in enumerate(zip(extraction.quotes, speakers_of))
    ])
    quote_ids = dict(cursor.execute("SELECT position, id FROM quotes WHERE article_id = ?", (article_id,)))
    _insert_many(cursor, QuoteSpeaker, [
        dict(quote_id=quote_ids[position], entity_id=entity_id)
        for position, speakers in enumerate(speakers_of) for entity_id in speakers
    ])


def _insert_many(cursor, model, rows: list[dict], on_conflict: str = "") -> None:
    if rows:
        cursor.executemany(_insert_sql(model.__tablename__, tuple(rows[0]), on_conflict),
                           [tuple(row.values()) for row in rows])


@lru_cache(maxsize=None)
def _insert_sql(table: str, columns: tuple[str, ...], on_conflict: str) -> str:
    names = ", ".join(f'"{c}"' for c in columns)  # quoted: quotes.end is an SQL keyword
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))}) {on_conflict}"


@lru_cache(maxsize=None)
def _update_sql(columns: tuple[str, ...]) -> str:
    assignments = ", ".join(f'"{c}" = ?' for c in columns)
    return f"UPDATE articles SET {assignments} WHERE id = ?"


def _entity_key(entity: EntityRef) -> tuple[str, str]:
    return _canonical_key(entity.name), entity.type


def _upsert_entities(cursor, entities: list[EntityRef], known: KnownRows) -> dict[tuple[str, str], int]:
    """All of an article's entities in a few statements, whatever their number, and none for
    names the run already stored. Of the spellings of one key ("U.S." and "US"), the entity is
    named by the least in code-point order, not the first stored: the corpus must come out the
    same whatever order its articles were stored in (one run or several, local workers or a
    cluster)."""
    if not entities:
        return {}
    least = {}
    for entity in entities:
        key = _entity_key(entity)
        if key not in least or entity.name < least[key].name:
            least[key] = entity
    ids = {}
    unsettled = {}
    for key, entity in least.items():
        stored = known.entities.get(key)
        if stored is not None and stored[1] <= entity.name:
            ids[key] = stored[0]  # stored under a name no greater: nothing to write
        else:
            unsettled[key] = entity
    if unsettled:
        _insert_many(cursor, Entity, [dict(name=e.name, type=key[1], key=key[0]) for key, e in unsettled.items()],
                     on_conflict='ON CONFLICT ("key", type) DO UPDATE SET name = excluded.name '
                                 "WHERE excluded.name < entities.name")
        for kind in {key[1] for key in unsettled}:
            wanted = json.dumps([key[0] for key in unsettled if key[1] == kind])
            rows = cursor.execute("SELECT key, id, name FROM entities WHERE type = ? "
                                  "AND key IN (SELECT value FROM json_each(?))", (kind, wanted))
            for key, entity_id, name in rows:
                ids[(key, kind)] = entity_id
                known.entities[(key, kind)] = (entity_id, name)
    aliases = {(ids[_entity_key(entity)], alias) for entity in entities for alias in entity.aliases | {entity.name}}
    new_aliases = sorted(aliases - known.aliases)
    _insert_many(cursor, EntityAlias, [dict(entity_id=entity_id, alias=alias) for entity_id, alias in new_aliases],
                 on_conflict="ON CONFLICT DO NOTHING")
    if len(known.aliases) > KNOWN_ALIASES_MAX:
        known.aliases.clear()
    known.aliases.update(new_aliases)
    return ids


HEADLINE_WORDS = 12


def headline_of(parts: ArticleParts) -> str:
    if parts.title:
        return parts.title
    words = parts.body.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")


def json_array(values: Iterable[str]) -> str:
    return json.dumps(list(dict.fromkeys(values)), ensure_ascii=False)


def entity_names_value(names_and_mentions: Iterable[tuple[str, int]]) -> str:
    """articles.entity_names: a JSON array of the article's entity names, most mentioned first."""
    ranked = sorted(names_and_mentions, key=lambda pair: (-pair[1], pair[0]))
    return json.dumps(list(dict.fromkeys(name for name, _ in ranked)), ensure_ascii=False)


def refresh_entity_names(conn: Connection, article_ids: Iterable[int]) -> None:
    """Rebuild articles.entity_names from article_entities, after entities were merged."""
    for article_id in sorted(article_ids):
        pairs = conn.execute(text(
            "SELECT e.name, ae.mentions FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
            "WHERE ae.article_id = :id"), {"id": article_id}).all()
        conn.execute(text("UPDATE articles SET entity_names = :names WHERE id = :id"),
                     {"names": entity_names_value(pairs), "id": article_id})


def _source_id(cursor, name: str, known: KnownRows) -> int:
    if name not in known.sources:
        cursor.execute("INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,))
        known.sources[name] = cursor.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()[0]
    return known.sources[name]


def prune_orphan_entities(conn: Connection) -> int:
    """Entities no article mentions any more (after updates) would clutter facets."""
    result = conn.execute(text(
        "DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM article_entities) "
        "AND id NOT IN (SELECT entity_id FROM quote_speakers)"
    ))
    return result.rowcount
