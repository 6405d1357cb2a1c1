"""The only code that writes articles: one transaction per article and all its children.

A crash or a bad file can therefore never leave half an article: either the old version
with all its children is there, or the new one is.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .entities import canonical_key
from .models import (
    Article,
    ArticleEntity,
    BoilerplateLine,
    Comment,
    Entity,
    EntityAlias,
    Quote,
    QuoteSpeaker,
    Source,
    Subheading,
)
from .parts import ArticleParts, Document, EntityRef, Extraction

ADDED, UPDATED = "added", "updated"

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


def known_hashes(conn: Connection) -> dict[str, str]:
    """path -> sha256 of every stored article: one query, so an unchanged corpus of 100k
    files is checked without a query per file."""
    return dict(conn.execute(select(Article.path, Article.sha256)).all())


def store_article(conn: Connection, item: StoredArticle) -> tuple[int, str]:
    """Upsert the article (keeping its id) and replace its children. Returns (id, added|updated).

    The caller owns the transaction, so a batch can share one commit."""
    doc, parts = item.document, item.parts
    stamp = now_iso()
    entity_ids = _upsert_entities(conn, item.extraction.entities)
    values = dict(
        path=doc.path,
        source_id=_source_id(conn, item.source),
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
        entity_names=_entity_names(item.extraction.entities),
        updated_at=stamp,
    )
    existing = conn.execute(select(Article.id).where(Article.path == doc.path)).scalar()
    if existing is None:
        article_id = conn.execute(insert(Article).values(ingested_at=stamp, **values)).inserted_primary_key[0]
        status = ADDED
    else:
        article_id = existing
        conn.execute(update(Article).where(Article.id == article_id).values(**values))
        for table in CHILD_TABLES:
            conn.execute(delete(table).where(table.article_id == article_id))
        status = UPDATED
    _insert_children(conn, article_id, item, entity_ids)
    return article_id, status


def _insert_children(conn: Connection, article_id: int, item: StoredArticle, entity_ids) -> None:
    parts, extraction = item.parts, item.extraction
    # Multi-row inserts: FTS5 flushes its pending terms at every statement, so one
    # statement per table is several times faster than one per row (design.md).
    _insert_many(conn, Comment, [
        dict(article_id=article_id, position=c.position, author=c.author,
             posted_at=c.posted_at, body=c.body)
        for c in parts.comments
    ])
    _insert_many(conn, BoilerplateLine, [
        dict(article_id=article_id, position=b.position, text=b.text, rule=b.rule)
        for b in parts.boilerplate
    ])
    _insert_many(conn, Subheading, [
        dict(article_id=article_id, position=i, text=t) for i, t in enumerate(parts.subheadings)
    ])
    _insert_many(conn, ArticleEntity, [
        dict(article_id=article_id, entity_id=entity_ids[_entity_key(e)], mentions=e.mentions)
        for e in extraction.entities
    ])
    by_name = {e.name: e for e in extraction.entities}
    for position, quote in enumerate(extraction.quotes):
        speaker_ids = []
        for name in quote.speakers:
            entity = by_name.get(name) or EntityRef(name=name, type="PERSON", aliases={name})
            key = _entity_key(entity)
            if key not in entity_ids:
                entity_ids.update(_upsert_entities(conn, [entity]))
            if entity_ids[key] not in speaker_ids:
                speaker_ids.append(entity_ids[key])
        quote_id = conn.execute(insert(Quote).values(
            article_id=article_id, position=position, text=quote.text, kind=quote.kind,
            speaker_id=speaker_ids[0] if speaker_ids else None, cue=quote.cue,
            start=quote.start, end=quote.end,
        )).inserted_primary_key[0]
        _insert_many(conn, QuoteSpeaker, [dict(quote_id=quote_id, entity_id=i) for i in speaker_ids])


def _insert_many(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table).values(rows))


def _entity_key(entity: EntityRef) -> tuple[str, str]:
    return canonical_key(entity.name), entity.type


def _upsert_entities(conn: Connection, entities: list[EntityRef]) -> dict[tuple[str, str], int]:
    ids = {}
    for entity in entities:
        key = _entity_key(entity)
        statement = sqlite_insert(Entity).values(name=entity.name, type=entity.type, key=key[0])
        # Keep the first canonical spelling; a no-op update makes RETURNING give the id.
        statement = statement.on_conflict_do_update(
            index_elements=["key", "type"], set_={"key": statement.excluded.key}
        ).returning(Entity.id)
        entity_id = conn.execute(statement).scalar_one()
        ids[key] = entity_id
        aliases = sorted(entity.aliases | {entity.name})
        conn.execute(
            sqlite_insert(EntityAlias).values([dict(entity_id=entity_id, alias=a) for a in aliases])
            .on_conflict_do_nothing()
        )
    return ids


HEADLINE_WORDS = 12


def headline_of(parts: ArticleParts) -> str:
    if parts.title:
        return parts.title
    words = parts.body.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")


def _entity_names(entities: list[EntityRef]) -> str:
    ranked = sorted(entities, key=lambda e: (-e.mentions, e.name))
    return json.dumps(list(dict.fromkeys(e.name for e in ranked)), ensure_ascii=False)


def _source_id(conn: Connection, name: str) -> int:
    statement = sqlite_insert(Source).values(name=name)
    statement = statement.on_conflict_do_update(
        index_elements=["name"], set_={"name": statement.excluded.name}
    ).returning(Source.id)
    return conn.execute(statement).scalar_one()


def prune_orphan_entities(conn: Connection) -> int:
    """Entities no article mentions any more (after updates) would clutter facets."""
    result = conn.execute(text(
        "DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM article_entities) "
        "AND id NOT IN (SELECT entity_id FROM quote_speakers)"
    ))
    return result.rowcount
