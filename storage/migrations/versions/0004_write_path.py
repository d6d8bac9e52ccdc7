"""write path: indexes for 'seen again' updates and for snapshots stored but not parsed

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

UNPARSED = sa.text("parsed_at IS NULL")


def upgrade() -> None:
    op.create_index(op.f('ix_record_last_snapshot_id'), 'record', ['last_snapshot_id'])
    op.create_index(op.f('ix_record_version_last_snapshot_id'), 'record_version',
                    ['last_snapshot_id'])
    op.create_index('ix_snapshot_unparsed', 'snapshot', ['id'], sqlite_where=UNPARSED,
                    postgresql_where=UNPARSED)


def downgrade() -> None:
    op.drop_index('ix_snapshot_unparsed', table_name='snapshot')
    op.drop_index(op.f('ix_record_version_last_snapshot_id'), table_name='record_version')
    op.drop_index(op.f('ix_record_last_snapshot_id'), table_name='record')
