"""The typed ORM: fetched pages and their snapshots, extracted records and their history.

Provenance is structural: every record points at the snapshots that showed it, every version of a
record at the snapshot where it was first seen. Nothing is deleted; a row that leaves its page is
marked gone. Schema changes go through Alembic migrations in `migrations/`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from aidledger.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Source(Base):
    """A configured source (see the sources file); pages may also arrive without one."""

    __tablename__ = "source"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))


class CrawlRun(Base):
    """One crawl or ingest run, with counts so the health page and monitors can compare runs."""

    __tablename__ = "crawl_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))
    command: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    outcome: Mapped[str] = mapped_column(String(20), default="running")
    pages_fetched: Mapped[int] = mapped_column(default=0)
    pages_unchanged: Mapped[int] = mapped_column(default=0)
    pages_failed: Mapped[int] = mapped_column(default=0)
    records_added: Mapped[int] = mapped_column(default=0)
    records_changed: Mapped[int] = mapped_column(default=0)
    records_gone: Mapped[int] = mapped_column(default=0)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Page(Base):
    """A URL we have fetched; its content over time lives in its snapshots."""

    __tablename__ = "page"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str | None] = mapped_column(String(20))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))
    first_fetched: Mapped[datetime]
    last_fetched: Mapped[datetime]
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    snapshots: Mapped[list[Snapshot]] = relationship(
        back_populates="page", order_by="Snapshot.fetched_at"
    )


class Blob(Base):
    """Raw bytes of a response, content-addressed and zlib-compressed: identical pages share one."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    compression: Mapped[str] = mapped_column(String(10), default="zlib")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Snapshot(Base):
    """One version of a page: a new row only when the content changed, else `last_seen` moves."""

    __tablename__ = "snapshot"
    __table_args__ = (
        UniqueConstraint("page_id", "fetched_at", name="uq_snapshot_page_fetched"),
        # stored but not parsed yet: what a writer killed between its two transactions left
        Index("ix_snapshot_unparsed", "id", sqlite_where=text("parsed_at IS NULL"),
              postgresql_where=text("parsed_at IS NULL")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("page.id"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    fetched_at: Mapped[datetime]
    last_seen: Mapped[datetime]
    times_seen: Mapped[int] = mapped_column(default=1)
    status: Mapped[int] = mapped_column(Integer, default=200)
    final_url: Mapped[str] = mapped_column(Text)
    headers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    content_type: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(20))
    parser_version: Mapped[str | None] = mapped_column(String(20))
    parsed_at: Mapped[datetime | None]
    parse_error: Mapped[str | None] = mapped_column(Text)
    parse_warnings: Mapped[list[Any]] = mapped_column(default=list)
    n_records: Mapped[int] = mapped_column(default=0)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    page: Mapped[Page] = relationship(back_populates="snapshots")


class Record(Base):
    """A donation row, dated event or news claim, followed across the snapshots of its page.

    Its fields are those of its latest version; `gone_since` is set when the page stopped showing
    it (never deleted: a table that vanishes is not a cancelled donation).
    """

    __tablename__ = "record"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("page.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    block: Mapped[str | None] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(String(40))
    item_label: Mapped[str | None] = mapped_column(Text)
    quantity: Mapped[int | None] = mapped_column(BigInteger)
    quantity_each: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str | None] = mapped_column(String(20))
    status_label: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32))
    donors: Mapped[list[Any]] = mapped_column(default=list)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    status_parts: Mapped[list[Any]] = mapped_column(default=list)
    raw: Mapped[dict[str, Any]] = mapped_column(default=dict)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    locator: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    gone_since: Mapped[datetime | None]
    first_snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"))
    # indexed: an unchanged page moves the last_seen of what its latest snapshot shows
    last_snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"), index=True)
    versions: Mapped[list[RecordVersion]] = relationship(
        back_populates="record", order_by="RecordVersion.seq"
    )


class RecordVersion(Base):
    """A stretch of time over which a record's status and quantity stayed the same."""

    __tablename__ = "record_version"
    __table_args__ = (UniqueConstraint("record_id", "seq", name="uq_record_version_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("record.id"))
    seq: Mapped[int]
    item: Mapped[str | None] = mapped_column(String(40))
    item_label: Mapped[str | None] = mapped_column(Text)
    quantity: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str | None] = mapped_column(String(20))
    status_label: Mapped[str | None] = mapped_column(Text)
    block: Mapped[str | None] = mapped_column(Text)
    donors: Mapped[list[Any]] = mapped_column(default=list)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    status_parts: Mapped[list[Any]] = mapped_column(default=list)
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    first_snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"))
    last_snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"), index=True)
    record: Mapped[Record] = relationship(back_populates="versions")


class Observation(Base):
    """That one snapshot showed one record, where, and as what raw text: the evidence trail."""

    __tablename__ = "observation"
    __table_args__ = (
        UniqueConstraint("snapshot_id", "record_id", name="uq_observation_snapshot_record"),
        Index("ix_observation_record", "record_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"))
    record_id: Mapped[str] = mapped_column(ForeignKey("record.id"))
    locator: Mapped[str | None] = mapped_column(Text)
    view: Mapped[str | None] = mapped_column(String(20))
    raw: Mapped[dict[str, Any]] = mapped_column(default=dict)
    quantity: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str | None] = mapped_column(String(20))


class PageConflict(Base):
    """A page that contradicts itself (two renderings of one row disagree): kept, not resolved."""

    __tablename__ = "page_conflict"
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"), index=True)
    record_id: Mapped[str | None] = mapped_column(ForeignKey("record.id"))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class FetchFailure(Base):
    """A fetch that produced no usable page (error status, timeout, blocked redirect...)."""

    __tablename__ = "fetch_failure"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_run.id"))
    url: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    status: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text)


# The ledger's tables share this metadata (migrations and `alembic check` see them).
from aidledger.storage import ledger as _ledger  # noqa: E402, F401
