"""quote_details view: quotations with speaker name, article headline and date, for facets

Datasette 0.65 cannot facet a canned query's results, so "who said what about X,
facetable by speaker" is this view searched through quotes_fts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("""
        CREATE VIEW IF NOT EXISTS quote_details AS
        SELECT quotes.id, quotes.text, coalesce(entities.name, '(unattributed)') AS speaker,
               entities.type AS speaker_type, quotes.kind, quotes.cue,
               articles.headline AS article, articles.published, quotes.article_id
        FROM quotes
        JOIN articles ON articles.id = quotes.article_id
        LEFT JOIN entities ON entities.id = quotes.speaker_id
    """)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quote_details")
