"""ingest_runs.executor: what ran the extraction of a run

Extraction runs in local worker processes or, for big corpora, on a Dask cluster; a run's
record says which, so its speed and any failures can be read against where it ran.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: Union[str, None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("ingest_runs", sa.Column("executor", sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE ingest_runs DROP COLUMN executor")
