"""articles.file_size and articles.file_mtime_ns: skip unchanged files without reading them

A no-op re-ingest of 100,000 files spent most of its time reading and hashing them (17.5 s
when the page cache had let them go). A file whose size and modification time match what
was stored is now skipped unread, as rsync and git do; `ingest.py --checksum` hashes all.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: copying `articles` would drop its FTS triggers.
    # NULL until an article's file is next read: stored articles are then hashed once more.
    op.add_column("articles", sa.Column("file_size", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("file_mtime_ns", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE articles DROP COLUMN file_mtime_ns")
    op.execute("ALTER TABLE articles DROP COLUMN file_size")
