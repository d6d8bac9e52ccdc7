"""free text with the other filters in one FTS5 query: facet tokens in the text index

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 14:30:00

SQLite: `donation_fts` is made again with `~` as a token character, and each row's body is
its search text (a `~` in it written as a space: the same words as before) followed by a
token per item, status, donor key and recipient code of the donation (`~i`, `~s`, `~d`, `~r`
and the value in hex; `storage/ledger_text.py`). Rows keep their rowids. The ledger is kept.
PostgreSQL is unchanged.
"""

from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

NEW = ("CREATE VIRTUAL TABLE donation_fts_new USING fts5(donation_id UNINDEXED, body, "
       "detail=none, tokenize = \"unicode61 tokenchars '~'\")")
OLD = ("CREATE VIRTUAL TABLE donation_fts_new USING fts5(donation_id UNINDEXED, body, "
       "detail=none)")
# the body fts_body() writes, from the stored columns and side rows
BODY = """replace(d.search_text, '~', ' ')
  || CASE WHEN coalesce(d.item, '') <> '' THEN ' ~i' || lower(hex(d.item)) ELSE '' END
  || CASE WHEN coalesce(d.status, '') <> '' THEN ' ~s' || lower(hex(d.status)) ELSE '' END
  || coalesce((SELECT ' ' || group_concat('~' || substr(p.role, 1, 1) || lower(hex(p.key)), ' ')
               FROM donation_party p WHERE p.donation_id = d.id), '')"""


def _remake(create: str, body: str) -> None:
    op.execute("DROP TABLE IF EXISTS donation_fts_terms")
    op.execute(create)
    op.execute("INSERT INTO donation_fts_new (rowid, donation_id, body) "
               f"SELECT f.rowid, f.donation_id, {body} FROM donation_fts f "
               "JOIN donation d ON d.id = f.donation_id ORDER BY f.rowid")
    op.execute("DROP TABLE donation_fts")
    op.execute("ALTER TABLE donation_fts_new RENAME TO donation_fts")
    op.execute("INSERT INTO donation_fts(donation_fts) VALUES ('optimize')")
    op.execute("CREATE VIRTUAL TABLE donation_fts_terms USING fts5vocab(donation_fts, row)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _remake(NEW, BODY)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _remake(OLD, "d.search_text")
