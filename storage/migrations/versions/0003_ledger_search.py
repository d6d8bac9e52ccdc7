"""ledger search: donor/recipient side table, sort indexes, conflict flag, free-text search

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 08:00:00

Free text: SQLite gets an FTS5 table `donation_fts` (rowid = a 63-bit hash of the donation id,
kept by the ledger writer); PostgreSQL a GIN index on to_tsvector('simple', search_text). The
ledger is derived data: existing donations get their side rows on the next `reconcile --rebuild`
(the upgrade clears the ledger so that no donation lacks them; reviews are kept).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

SORTS = ("first_seen", "last_seen", "quantity", "independent_sources", "item", "status")


def upgrade() -> None:
    op.execute("DELETE FROM evidence")
    op.execute("DELETE FROM donation")
    with op.batch_alter_table('donation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('has_conflicts', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.drop_index('ix_donation_item')
        batch_op.create_index('ix_donation_has_conflicts', ['has_conflicts'], unique=False)
        for c in SORTS:
            batch_op.create_index(f'ix_donation_{c}_id', [c, 'id'], unique=False)
    op.create_table('donation_party',
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('donation_id', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['donation_id'], ['donation.id'], name=op.f('fk_donation_party_donation_id_donation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role', 'key', 'donation_id', name=op.f('pk_donation_party')),
    sqlite_with_rowid=False,
    )
    op.create_index('ix_donation_party_donation', 'donation_party', ['donation_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE donation_fts USING fts5(donation_id UNINDEXED, body, "
                   "detail=none)")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_donation_search ON donation "
                   "USING gin (to_tsvector('simple', search_text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE donation_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_donation_search")
    op.drop_index('ix_donation_party_donation', table_name='donation_party')
    op.drop_table('donation_party')
    with op.batch_alter_table('donation', schema=None) as batch_op:
        for c in SORTS:
            batch_op.drop_index(f'ix_donation_{c}_id')
        batch_op.drop_index('ix_donation_has_conflicts')
        batch_op.create_index('ix_donation_item', ['item'], unique=False)
        batch_op.drop_column('search_text')
        batch_op.drop_column('has_conflicts')
