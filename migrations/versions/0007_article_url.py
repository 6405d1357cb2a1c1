"""articles.url: the address a saved web page came from

Web pages name their own address (canonical link, og:url); a researcher needs it to cite the
article and to tell copies of one page apart.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: Union[str, None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: copying `articles` would drop its FTS triggers.
    op.add_column("articles", sa.Column("url", sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE articles DROP COLUMN url")
