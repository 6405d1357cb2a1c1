"""articles.run_id and ingest_runs.extractor: which version of the extraction stored each article

Unchanged files are skipped by hash, so after an upgrade ingest must be able to say which
stored articles went through older rules (and suggest --reprocess).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: copying `articles` would drop its FTS triggers.
    op.add_column("articles", sa.Column("run_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_articles_run_id"), "articles", ["run_id"], unique=False)
    op.add_column("ingest_runs", sa.Column("extractor", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_run_id"), table_name="articles")
    # DROP COLUMN (SQLite 3.35+) leaves the table and its triggers in place.
    op.execute("ALTER TABLE ingest_runs DROP COLUMN extractor")
    op.execute("ALTER TABLE articles DROP COLUMN run_id")
