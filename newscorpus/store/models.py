"""The database contract (docs/architecture.md) as SQLAlchemy models, defined once.

Migrations are generated from these models and checked against them (`alembic check`);
the FTS5 tables, which SQLAlchemy cannot model, live in `newscorpus.fts`.
"""
from __future__ import annotations

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .facet_index import FACET_COLUMNS, FACET_INDEX

# Explicit constraint names: SQLite batch migrations can only alter named constraints.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def article_fk() -> Mapped[int]:
    # Children go with their article: store replaces them, and deleting an article by
    # hand in Datasette or SQL must not leave orphans.
    return mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class Article(Base):
    __tablename__ = "articles"
    # Read by Datasette's facets instead of the wide rows (store/facet_index.py).
    __table_args__ = (Index(FACET_INDEX, *FACET_COLUMNS),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    # What Datasette shows for the article (its label column): the title, or for the
    # many articles without one the opening words of the body. `title` stays NULL then.
    headline: Mapped[str] = mapped_column(Text, default="", server_default="")
    section: Mapped[str | None] = mapped_column(Text, index=True)
    dateline: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    image_credit: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text, index=True)
    body: Mapped[str] = mapped_column(Text)
    raw_text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    encoding: Mapped[str | None] = mapped_column(Text)
    comment_count_shown: Mapped[int | None] = mapped_column(Integer)
    # Derived from article_entities (the source of truth) at every write of the article,
    # for Datasette's array facet: Datasette 0.65 has no many-to-many facet.
    entity_names: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    ingested_at: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(Text)
    # The ingest run that last extracted the article: its ingest_runs.extractor says which
    # version of the extraction it went through. No foreign key: SQLite cannot add one to an
    # existing table without copying it, which would drop the FTS triggers.
    run_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # The run that first stored it ("what's new": added or updated); NULL when unknown
    # (articles updated before migration 0013 recorded it).
    added_run_id: Mapped[int | None] = mapped_column(Integer)
    # The file's stat when last read, so an unchanged file is skipped without reading it.
    file_size: Mapped[int | None] = mapped_column(Integer)
    file_mtime_ns: Mapped[int | None] = mapped_column(Integer)
    # Where a saved web page came from (its canonical address), when the page says.
    url: Mapped[str | None] = mapped_column(Text)
    # The file the article was read from: its path for a file that is one article; for a
    # record of a file holding many (JSON lines, a web archive) that file, while `path` adds
    # the record's key. A file's records are skipped together when its stat is unchanged.
    file: Mapped[str | None] = mapped_column(Text, index=True)
    # When the page says it was last changed (ISO 8601), apart from `published`; not
    # `updated_at`, which is when newscorpus last wrote the row.
    updated: Mapped[str | None] = mapped_column(Text)
    # JSON arrays, for Datasette's array facets: the byline's people, the page's labels.
    authors: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    categories: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    tags: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    # Copies (store/stories.py). No foreign keys, as for run_id: added to an existing table.
    # The first article with this clean text (case and whitespace aside); NULL on the first.
    duplicate_of: Mapped[int | None] = mapped_column(Integer, index=True)
    story_id: Mapped[int | None] = mapped_column(Integer, index=True)


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    position: Mapped[int] = mapped_column(Integer)
    author: Mapped[str | None] = mapped_column(Text, index=True)
    posted_at: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class BoilerplateLine(Base):
    """Lines removed from an article's body, kept for audit with the rule that removed them."""

    __tablename__ = "boilerplate_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(Text)


class Subheading(Base):
    __tablename__ = "subheadings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Entity(Base):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("key", "type"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(Text, index=True)
    # The normalised name that links one canonical entity across articles.
    key: Mapped[str] = mapped_column(Text)


class EntityAlias(Base):
    __tablename__ = "entity_aliases"
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    alias: Mapped[str] = mapped_column(Text, primary_key=True)


class ArticleEntity(Base):
    __tablename__ = "article_entities"
    # Entity first, then article: "articles mentioning X" (facet filter, entity pages,
    # co_mentions) is read from the index alone, without a table lookup per article.
    __table_args__ = (Index("ix_article_entities_entity_id_article_id", "entity_id", "article_id"),)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    mentions: Mapped[int] = mapped_column(Integer)


class Quote(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, index=True)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    cue: Mapped[str | None] = mapped_column(Text, index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # The same quotation in other articles (store/quote_groups.py); no foreign key, as above.
    group_id: Mapped[int | None] = mapped_column(Integer, index=True)


class QuoteSpeaker(Base):
    __tablename__ = "quote_speakers"
    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Story(Base):
    """Articles that are copies or light edits of each other: a wire story and its versions."""

    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The first published (undated articles last, then the first stored).
    first_article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    headline: Mapped[str] = mapped_column(Text, default="", server_default="")
    article_count: Mapped[int] = mapped_column(Integer, index=True)
    text_count: Mapped[int] = mapped_column(Integer)  # identical copies counted once
    source_count: Mapped[int] = mapped_column(Integer, index=True)
    first_published: Mapped[str | None] = mapped_column(Text)
    last_published: Mapped[str | None] = mapped_column(Text)


class ArticleSignature(Base):
    """What an article's copies are found by, kept so that a run compares only its new and
    changed articles with the stored ones."""

    __tablename__ = "article_signatures"
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    # articles.run_id when the signature was made: a different one means the text may have changed.
    run_id: Mapped[int | None] = mapped_column(Integer)
    exact_key: Mapped[str | None] = mapped_column(Text, index=True)
    shingle_count: Mapped[int] = mapped_column(Integer)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The quotation groups of the article's quotes (JSON array): when the article changes, its
    # old quotes are gone, and these are the groups to recount.
    quote_group_ids: Mapped[str | None] = mapped_column(Text)


class ArticleBand(Base):
    """The LSH index: articles sharing a band key are compared. One B-tree, no foreign key and
    no index by article (migration 0011): an article's keys are found from its signature."""

    __tablename__ = "article_bands"
    __table_args__ = {"sqlite_with_rowid": False}
    key: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class QuoteGroup(Base):
    """One quotation carried by several articles (case, punctuation and excerpts aside)."""

    __tablename__ = "quote_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)  # the longest wording
    # A hash of its words (lower case, without punctuation), not the words: stored and indexed,
    # they were a tenth of the database. `head` hashes the first few words, so that a longer
    # quotation finds the groups whose text it contains (store/quote_groups.py).
    key_hash: Mapped[int] = mapped_column(Integer, index=True)
    head: Mapped[int | None] = mapped_column(Integer, index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    first_article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    article_count: Mapped[int] = mapped_column(Integer, index=True)
    source_count: Mapped[int] = mapped_column(Integer)


class IngestRun(Base):
    __tablename__ = "ingest_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[str] = mapped_column(Text)
    finished_at: Mapped[str | None] = mapped_column(Text)
    # running, completed, interrupted, or killed (found still running by the next run: SIGKILL, power cut)
    status: Mapped[str] = mapped_column(Text, default="running")
    mode: Mapped[str] = mapped_column(Text, default="ingest")  # ingest or reprocess
    arguments: Mapped[str | None] = mapped_column(Text)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    # Fingerprint of the code, rules, lexicons and model that extracted (newscorpus/fingerprint.py).
    extractor: Mapped[str | None] = mapped_column(Text)
    # What ran the extraction: "local: N processes", or a cluster's scheduler address.
    executor: Mapped[str | None] = mapped_column(Text)


class IngestError(Base):
    __tablename__ = "ingest_errors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    error: Mapped[str] = mapped_column(Text)


class FtsPending(Base):
    """Rows inserted in the writer's open transaction, not yet in their full-text index
    (store/fts.py); empty whenever no such transaction is open. Not part of the contract."""
    __tablename__ = "fts_pending"
    tbl: Mapped[str] = mapped_column(Text, primary_key=True)
    row_id: Mapped[int] = mapped_column(Integer, primary_key=True)
