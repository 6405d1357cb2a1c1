"""The LSH band index in one B-tree: article_bands WITHOUT ROWID, no index by article

The band keys were stored three times: the table's rows, its (key, article_id) primary key and
an index by article (3.4 KB of the 4.2 KB per article that copies cost). The primary key alone
now holds them. An article's old keys are found again from its stored signature, so nothing
looks bands up by article; an article deleted by hand leaves its keys behind, and they lead to
no signature, so they are never compared.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: Union[str, None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "article_bands_compact",
        sa.Column("key", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_article_bands")),
        sqlite_with_rowid=False,
    )
    op.execute("INSERT INTO article_bands_compact (key, article_id) SELECT key, article_id FROM article_bands")
    op.drop_index(op.f("ix_article_bands_article_id"), table_name="article_bands")
    op.drop_table("article_bands")
    op.rename_table("article_bands_compact", "article_bands")


def downgrade() -> None:
    op.create_table(
        "article_bands_indexed",
        sa.Column("key", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_article_bands_article_id_articles"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_article_bands")),
    )
    op.execute("INSERT INTO article_bands_indexed (key, article_id) SELECT key, article_id FROM article_bands "
               "WHERE article_id IN (SELECT id FROM articles)")
    op.drop_table("article_bands")
    op.rename_table("article_bands_indexed", "article_bands")
    op.create_index(op.f("ix_article_bands_article_id"), "article_bands", ["article_id"], unique=False)
