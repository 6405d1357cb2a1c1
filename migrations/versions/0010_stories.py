"""Copies: articles.duplicate_of, stories and articles.story_id, quote_groups and quotes.group_id

News is repeated: a page saved twice, a wire story in many outlets, a quotation in every report
of a press conference. Identical texts point to their first copy; copies and light edits share
a story; one quotation in many articles is one group. Signatures and LSH band keys are stored
so a run compares only its new and changed articles with the corpus.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: Union[str, None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

ADDED_COLUMNS = (("articles", "duplicate_of"), ("articles", "story_id"), ("quotes", "group_id"))


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_article_id", sa.Integer(), nullable=True),
        sa.Column("headline", sa.Text(), server_default="", nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("text_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("first_published", sa.Text(), nullable=True),
        sa.Column("last_published", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["first_article_id"], ["articles.id"],
                                name=op.f("fk_stories_first_article_id_articles"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index(op.f("ix_stories_article_count"), "stories", ["article_count"], unique=False)
    op.create_index(op.f("ix_stories_source_count"), "stories", ["source_count"], unique=False)
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("exact_key", sa.Text(), nullable=True),
        sa.Column("shingle_count", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("quote_group_ids", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_article_signatures_article_id_articles"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_signatures")),
    )
    op.create_index(op.f("ix_article_signatures_exact_key"), "article_signatures", ["exact_key"], unique=False)
    op.create_table(
        "article_bands",
        sa.Column("key", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_article_bands_article_id_articles"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_article_bands")),
    )
    op.create_index(op.f("ix_article_bands_article_id"), "article_bands", ["article_id"], unique=False)
    op.create_table(
        "quote_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("head", sa.Integer(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("first_article_id", sa.Integer(), nullable=True),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["speaker_id"], ["entities.id"],
                                name=op.f("fk_quote_groups_speaker_id_entities"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["first_article_id"], ["articles.id"],
                                name=op.f("fk_quote_groups_first_article_id_articles"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_groups")),
    )
    op.create_index(op.f("ix_quote_groups_article_count"), "quote_groups", ["article_count"], unique=False)
    op.create_index(op.f("ix_quote_groups_key"), "quote_groups", ["key"], unique=False)
    op.create_index(op.f("ix_quote_groups_head"), "quote_groups", ["head"], unique=False)
    op.create_index(op.f("ix_quote_groups_speaker_id"), "quote_groups", ["speaker_id"], unique=False)
    # Plain ADD COLUMN, not batch mode: copying `articles` would drop its FTS triggers. Stored
    # articles get their signatures, stories and groups at the next run (no signature yet).
    for table, column in ADDED_COLUMNS:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table, column in ADDED_COLUMNS:
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for table in ("quote_groups", "article_bands", "article_signatures", "stories"):
        op.drop_table(table)
