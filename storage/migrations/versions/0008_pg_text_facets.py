"""free text with an item or status in one GIN lookup on PostgreSQL: a stored tsvector

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 15:00:00

PostgreSQL: `donation.search_vector`, a stored generated column, holds the words of the
search text plus a lexeme per item and status (`~i` / `~s` and the value's md5; see
`storage/ledger_tsv.py`), and `ix_donation_search_facets`, a GIN index on it, replaces the
expression index of migration 0003. Free text and an item or status is then one index lookup,
and a walk of a sort index tests each row's stored vector instead of parsing its text again.
The column is made here, not in the models (like the FTS5 tables; `migrations/env.py`): the
ledger writer never writes it. SQLite is unchanged.
"""

from __future__ import annotations

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

VECTOR = ("to_tsvector('simple'::regconfig, search_text) || array_to_tsvector(array_remove("
          "ARRAY['~i' || md5(item), '~s' || md5(status)], NULL))")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE donation ADD COLUMN search_vector tsvector "
                   f"GENERATED ALWAYS AS ({VECTOR}) STORED")
        op.execute("CREATE INDEX ix_donation_search_facets ON donation "
                   "USING gin (search_vector)")
        op.execute("DROP INDEX ix_donation_search")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_donation_search ON donation "
                   "USING gin (to_tsvector('simple', search_text))")
        op.execute("DROP INDEX ix_donation_search_facets")
        op.execute("ALTER TABLE donation DROP COLUMN search_vector")
