"""article_entities indexed by (entity_id, article_id) instead of entity_id alone

"Articles mentioning X" (the entity facet's filter, entity pages, co_mentions) then reads
the index alone; with entity_id alone SQLite looked up every link row for its article_id.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0005"
down_revision: Union[str, None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_article_entities_entity_id_article_id", "article_entities",
                    ["entity_id", "article_id"], unique=False)
    op.drop_index("ix_article_entities_entity_id", table_name="article_entities")


def downgrade() -> None:
    op.create_index("ix_article_entities_entity_id", "article_entities", ["entity_id"], unique=False)
    op.drop_index("ix_article_entities_entity_id_article_id", table_name="article_entities")
