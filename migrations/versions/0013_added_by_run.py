"""articles.added_run_id: the ingest run that first stored the article

"What's new" tells an article a run added from one it updated. run_id is the run that last
wrote it, and ingested_at = updated_at misreads an article added and updated within one
second (timestamps are to the second; small runs take less). Existing articles whose two
timestamps differ were updated since, so their first run is unknown and stays NULL (one
added and updated within the same second before this migration is taken for added).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: Union[str, None] = "0012"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: copying `articles` would drop its FTS triggers.
    op.add_column("articles", sa.Column("added_run_id", sa.Integer(), nullable=True))
    op.execute("UPDATE articles SET added_run_id = run_id WHERE ingested_at = updated_at")


def downgrade() -> None:
    op.execute("ALTER TABLE articles DROP COLUMN added_run_id")
