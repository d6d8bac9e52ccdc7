"""Records the parsers return: plain dataclasses whose JSON form is the `extract` contract."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

RAW_FIELDS = ("block", "goods", "qty", "progress", "donors", "recipient")


@dataclass(frozen=True)
class Recipient:
    """A receiving country, region or organisation as written, with its code."""

    name: str
    code: str | None = None  # ISO 3166-1 alpha-3, "region:europe" or "org:<name>"
    org: str | None = None  # the organisation, when the recipient is one


@dataclass(frozen=True)
class StatusPart:
    """One part of a split progress cell ("500,000 In Transit")."""

    quantity: int | None
    status: str | None
    label: str  # the part as written


@dataclass
class TableRecord:
    """One donation row of a program page, or one dated progress entry (kind "event")."""

    kind: str  # "table_row" | "event"
    block: str
    item: str | None
    item_label: str | None
    quantity: int | None
    status: str | None
    status_label: str | None
    donors: list[str] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    status_parts: list[StatusPart] = field(default_factory=list)
    date: str | None = None  # ISO date, for events
    text: str | None = None  # the entry's prose, for events
    item_description: str | None = None  # from "Note" paragraphs defining goods
    raw: dict[str, str | None] = field(default_factory=dict)
    locator: str = ""
    view: str = "table"  # "table" | "accordion" | "prose"
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `extract` contract (documented in README.md); extra keys only ever get added.

        What `dataclasses.asdict` gives (same keys in field order, fresh lists and dicts), built
        directly: asdict deep-copies every string through `copy.deepcopy`, a tenth of the
        crawl's writer process per page."""
        d = {name: getattr(self, name) for name in _TABLE_FIELDS}
        d["donors"] = list(self.donors)
        d["recipients"] = [{n: getattr(r, n) for n in _RECIPIENT_FIELDS} for r in self.recipients]
        d["status_parts"] = [{n: getattr(p, n) for n in _PART_FIELDS} for p in self.status_parts]
        d["raw"] = {k: self.raw.get(k) for k in RAW_FIELDS}
        d["warnings"] = list(self.warnings)
        return d


_TABLE_FIELDS = tuple(f.name for f in fields(TableRecord))
_RECIPIENT_FIELDS = tuple(f.name for f in fields(Recipient))
_PART_FIELDS = tuple(f.name for f in fields(StatusPart))
