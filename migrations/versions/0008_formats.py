"""Articles from files holding many: articles.file; updated, authors, categories, tags

A JSON lines export or a web archive holds many articles; `path` stays each one's identity
(the file's path plus the record's key) and `file` names the file, so that a re-run can skip
all of an unchanged file's records at once. Web pages and exports also say when an article
was updated, who wrote it and how the site labels it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

JSON_ARRAYS = ("authors", "categories", "tags")


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: copying `articles` would drop its FTS triggers.
    op.add_column("articles", sa.Column("file", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("updated", sa.Text(), nullable=True))
    for name in JSON_ARRAYS:
        op.add_column("articles", sa.Column(name, sa.Text(), server_default="[]", nullable=False))
    # Every article stored so far was a file of its own.
    op.execute("UPDATE articles SET file = path")
    op.create_index(op.f("ix_articles_file"), "articles", ["file"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_file"), table_name="articles")
    for name in ("file", "updated", *JSON_ARRAYS):
        op.execute(f"ALTER TABLE articles DROP COLUMN {name}")
