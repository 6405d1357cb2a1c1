"""ix_articles_facets: Datasette's facets over a filtered page read ids from a narrow index

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

See newscorpus/store/facet_index.py: an index of the columns the articles page counts by,
and its statistics, without which SQLite's planner never prefers it to the table.
"""
from typing import Sequence, Union

from alembic import op

from newscorpus.store.facet_index import FACET_COLUMNS, FACET_INDEX

revision: str = "0015"
down_revision: Union[str, None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index(FACET_INDEX, "articles", list(FACET_COLUMNS))
    op.execute(f"ANALYZE {FACET_INDEX}")


def downgrade() -> None:
    op.drop_index(FACET_INDEX, table_name="articles")
