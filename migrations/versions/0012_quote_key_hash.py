"""Quotation groups keep a hash of their words, not the words

`quote_groups.key` held each group's words again (lower case, without punctuation) beside its
text, and its index held them a third time: 7.5% of a database of the BBC corpus (2.5 of
32.9 MB). A 64-bit hash, indexed, finds the same group; the words are recomputed from the
text where two groups are compared.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# The app's own hash: a group the migration hashes must be found by the next ingest.
from newscorpus.store.quote_groups import key_hash, quote_key

revision: str = "0012"
down_revision: Union[str, None] = "0011"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


# The table is rebuilt by hand, not in Alembic's batch mode: batch mode copies the reflected
# foreign keys in an order that changes from run to run, so two machines got different
# CREATE TABLE statements (and schema/schema.sql could not match both).
KEPT = ("id", "text", "head", "speaker_id", "first_article_id", "article_count", "source_count")


def _rebuild(words: sa.Column) -> None:
    """quote_groups again with `words` as its last column, filled beforehand as `words.name`."""
    op.create_table(
        "_quote_groups_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("head", sa.Integer(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("first_article_id", sa.Integer(), nullable=True),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        words,
        sa.ForeignKeyConstraint(["speaker_id"], ["entities.id"],
                                name=op.f("fk_quote_groups_speaker_id_entities"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["first_article_id"], ["articles.id"],
                                name=op.f("fk_quote_groups_first_article_id_articles"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_groups")),
    )
    columns = ", ".join(KEPT + (words.name,))
    op.execute(f"INSERT INTO _quote_groups_new ({columns}) SELECT {columns} FROM quote_groups")
    op.drop_table("quote_groups")  # its indexes go with it
    op.rename_table("_quote_groups_new", "quote_groups")
    for column in ("article_count", "head", "speaker_id", words.name):
        op.create_index(op.f(f"ix_quote_groups_{column}"), "quote_groups", [column], unique=False)


def upgrade() -> None:
    op.add_column("quote_groups", sa.Column("key_hash", sa.Integer(), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT id, key FROM quote_groups").fetchall()
    if rows:
        conn.exec_driver_sql("UPDATE quote_groups SET key_hash = ? WHERE id = ?",
                             [(key_hash(key), group_id) for group_id, key in rows])
    _rebuild(sa.Column("key_hash", sa.Integer(), nullable=False))


def downgrade() -> None:
    op.add_column("quote_groups", sa.Column("key", sa.Text(), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT id, text FROM quote_groups").fetchall()
    if rows:
        conn.exec_driver_sql("UPDATE quote_groups SET key = ? WHERE id = ?",
                             [(quote_key(text), group_id) for group_id, text in rows])
    _rebuild(sa.Column("key", sa.Text(), nullable=False))
