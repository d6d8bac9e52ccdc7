"""search speed: covering sort indexes, stored facet counts, FTS vocabulary

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-01 11:30:00

Each sort key's index (key, id) becomes (key, id, every filtered column), so a search that
walks it in order tests its filters from the index alone. `ledger_facet` holds the number of
donations per facet value (kept by the ledger writer; filled here from the ledger). On SQLite
`donation_fts_terms` is an fts5vocab view of the free-text index: a search word is expanded to
the terms it begins before the FTS query runs.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None

SORTS = ("first_seen", "last_seen", "quantity", "independent_sources", "item", "status")
FILTERED = ("item", "status", "independent_sources", "has_conflicts", "first_seen", "last_seen")
FILL = [
    "SELECT 'all', '', '', count(*) FROM donation HAVING count(*) > 0",
    "SELECT 'item', item, item, count(*) FROM donation WHERE item IS NOT NULL GROUP BY item",
    "SELECT 'status', status, status, count(*) FROM donation WHERE status IS NOT NULL "
    "GROUP BY status",
    "SELECT 'sources', CAST(independent_sources AS TEXT), CAST(independent_sources AS TEXT), "
    "count(*) FROM donation WHERE independent_sources IS NOT NULL GROUP BY independent_sources",
    "SELECT CAST('has_conflicts' AS TEXT), CASE WHEN has_conflicts THEN 'yes' ELSE 'no' END, "
    "CASE WHEN has_conflicts THEN 'yes' ELSE 'no' END, count(*) FROM donation "
    "GROUP BY has_conflicts",
    "SELECT role, key, min(value), count(*) FROM donation_party GROUP BY role, key",
]


def upgrade() -> None:
    with op.batch_alter_table('donation', schema=None) as batch_op:
        for c in SORTS:
            batch_op.drop_index(f'ix_donation_{c}_id')
            batch_op.create_index(f'ix_donation_{c}_walk',
                                  [c, 'id', *(f for f in FILTERED if f != c)], unique=False)
    op.create_table('ledger_facet',
    sa.Column('facet', sa.String(length=20), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('shown', sa.Text(), nullable=False),
    sa.Column('n', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('facet', 'key', name=op.f('pk_ledger_facet')),
    )
    for select in FILL:
        op.execute(f"INSERT INTO ledger_facet (facet, key, shown, n) {select}")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE donation_fts_terms USING fts5vocab(donation_fts, row)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE donation_fts_terms")
    op.drop_table('ledger_facet')
    with op.batch_alter_table('donation', schema=None) as batch_op:
        for c in SORTS:
            batch_op.drop_index(f'ix_donation_{c}_walk')
            batch_op.create_index(f'ix_donation_{c}_id', [c, 'id'], unique=False)
