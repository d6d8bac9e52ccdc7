"""The reconciled ledger: donations, the evidence behind each, and people's review judgements.

Donations are derived data: `aidledger reconcile` rewrites them from the records. Reviews are
not derived: they are human judgements that every later reconcile and rebuild applies.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from aidledger.storage.models import Base

SORT_COLUMNS = ("first_seen", "last_seen", "quantity", "independent_sources", "item", "status")
FILTER_COLUMNS = ("item", "status", "independent_sources", "has_conflicts", "first_seen",
                  "last_seen")


def walk_columns(sort: str) -> tuple[str, ...]:
    """The columns of the sort key's index: the key, the id (a stable order for paging), then
    every column a filter tests, so a search that walks the index in order reads the table only
    for the rows it returns (migration 0006)."""
    return (sort, "id", *(c for c in FILTER_COLUMNS if c != sort))


class Donation(Base):
    """One reconciled donation. Every sort key of the search has a covering index in its order
    (`walk_columns`); `search_text` is what free-text search reads (on SQLite through the FTS5
    table `donation_fts`, on PostgreSQL through a GIN index on its tsvector, both made by
    migration 0003)."""

    __tablename__ = "donation"
    __table_args__ = tuple(Index(f"ix_donation_{c}_walk", *walk_columns(c))
                           for c in SORT_COLUMNS)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    donors: Mapped[list[Any]] = mapped_column(default=list)
    item: Mapped[str | None] = mapped_column(String(40))
    quantity: Mapped[int | None] = mapped_column(BigInteger)
    quantity_rule: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str | None] = mapped_column(String(20))
    status_history: Mapped[list[Any]] = mapped_column(default=list)
    first_seen: Mapped[datetime | None]
    last_seen: Mapped[datetime | None]
    independent_sources: Mapped[int] = mapped_column(default=0)
    conflicts: Mapped[list[Any]] = mapped_column(default=list)
    block_key: Mapped[str] = mapped_column(Text, index=True)
    has_conflicts: Mapped[bool] = mapped_column(default=False, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")


class DonationParty(Base):
    """A donor (entity name) or recipient (country, region or org code) of a donation, one row
    each, so donor and recipient filters and facets are index lookups, not JSON scans."""

    __tablename__ = "donation_party"
    __table_args__ = (Index("ix_donation_party_donation", "donation_id"),
                      {"sqlite_with_rowid": False})
    role: Mapped[str] = mapped_column(String(10), primary_key=True)  # donor | recipient
    key: Mapped[str] = mapped_column(Text, primary_key=True)  # entity_key(name) or the code
    donation_id: Mapped[str] = mapped_column(
        ForeignKey("donation.id", ondelete="CASCADE"), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # as shown: the entity's name, or the code


class LedgerFacet(Base):
    """How many donations have each facet value (donor entity key, recipient code, item,
    status, independent sources, has conflicts; facet "all" holds the total), kept by the
    ledger writer, so unfiltered facets and the totals of single-filter searches are lookups
    rather than counts over millions of rows (`storage/ledger_facets.py`)."""

    __tablename__ = "ledger_facet"
    facet: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    shown: Mapped[str] = mapped_column(Text)  # as shown: the entity's name, or the value
    n: Mapped[int] = mapped_column(BigInteger)


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("donation_id", "record_id", name="uq_evidence_link"),
                      Index("ix_evidence_record", "record_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    donation_id: Mapped[str] = mapped_column(ForeignKey("donation.id", ondelete="CASCADE"))
    record_id: Mapped[str] = mapped_column(ForeignKey("record.id"))
    role: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    source_key: Mapped[str] = mapped_column(Text)


class Review(Base):
    """A person's judgement on a link: "confirm" keeps it whatever the rules say, "reject"
    forbids it. Keyed by record and the donation's anchor record, which survive rebuilds."""

    __tablename__ = "review"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("record.id"))
    anchor_record_id: Mapped[str] = mapped_column(ForeignKey("record.id"))
    decision: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime]
