"""fts_pending: the writer indexes a batch's new rows at once, before it commits

The insert triggers of the three full-text indexes index each row as it is inserted, unless
the writing transaction has marked itself as deferring (a row in fts_pending): then they
note the row, and the writer indexes the noted rows in one statement per index before it
commits (store/fts.py). Every other writer sees the immediate triggers.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from newscorpus.store import fts

revision: str = "0014"
down_revision: Union[str, None] = "0013"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "fts_pending",
        sa.Column("tbl", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", name=op.f("pk_fts_pending")),
    )
    for index in fts.INDEXES:
        for statement in fts.drop_trigger_statements(index) + fts.trigger_statements(index):
            op.execute(statement)


def downgrade() -> None:
    for index in fts.INDEXES:
        for statement in fts.drop_trigger_statements(index) + fts.trigger_statements(index, deferrable=False):
            op.execute(statement)
    op.drop_table("fts_pending")
