"""What each exported table holds: fields, types, keys and words for people who read them.

One description drives every format, so a column means the same thing in the CSV, the Parquet
file, the workbook, the data package descriptor and the Datasette metadata.

Field types: `string`, `integer`, `datetime` (UTC), `list` (strings, or integers with
`item="integer"`; "; "-joined in CSV and Excel, a real list in JSON Lines and Parquet), `array`
and `object` (nested JSON: a JSON text in CSV, Excel and Parquet).
"""

from __future__ import annotations

from dataclasses import dataclass

LIST_DELIMITER = "; "


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    item: str = "string"  # element type of a `list`

    @property
    def title(self) -> str:
        return self.name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class ForeignKey:
    field: str
    table: str
    other: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...] = ()
    facets: tuple[str, ...] = ()  # Datasette facets; a `list` column is faceted as an array
    label: str | None = None  # the column Datasette shows for a foreign key into this table

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


F = Field

DONATIONS = Table(
    "donations", "Donations",
    "The reconciled ledger: one row per donation, with the sources behind it.",
    (F("id", "string", "Stable donation id (don_ + a hash of its anchor record)."),
     F("donors", "list", "Donor entities (see entities)."),
     F("item", "string", "Item code: face_mask, respirator, test_kit, ventilator, funds..."),
     F("quantity", "integer", "How many (or how much money), as the chosen source states it."),
     F("quantity_rule", "string", "Which source the quantity comes from."),
     F("recipients", "list", "Recipient codes: ISO 3166-1 alpha-3 or region:NAME."),
     F("recipient_names", "list", "The recipients' names, in the order of the codes."),
     F("status", "string", "pledged, preparing, in_transit, arrived, accepted or donated."),
     F("status_history", "array", "[{status, since}]: each status and the date it was first seen."),
     F("first_seen", "datetime", "When a source first showed it (UTC)."),
     F("last_seen", "datetime", "When a source last showed it (UTC)."),
     F("independent_sources", "integer",
       "Sources counted once each: the donor's site, each outlet, syndicated copies as one."),
     F("conflict_kinds", "list", "quantity, status_backwards, gone_from_source."),
     F("conflicts", "array", "[{kind, detail}]: where the sources disagree, in words."),
     F("evidence_count", "integer", "How many records support or contradict it (see evidence)."),
     F("source_urls", "list", "Pages the evidence comes from."),
     F("snapshots", "list", "Ids of the stored page snapshots that show the evidence.",
       item="integer"),
     F("snapshot_sha256", "list", "SHA-256 of those snapshots' bytes, in the same order."),
     F("last_retrieved", "datetime", "Latest fetch time among those snapshots (UTC).")),
    "id", facets=("item", "status", "donors", "recipients", "conflict_kinds"), label="id")

EVIDENCE = Table(
    "evidence", "Evidence",
    "Why each record is linked to its donation: role, reason, the quote or table cells.",
    (F("id", "integer", "Link id."),
     F("donation", "string", "The donation (see donations)."),
     F("record", "string", "The record (see records)."),
     F("kind", "string", "table_row (a program page's row) or claim (a sentence in an article)."),
     F("role", "string", "primary, corroborates, part_of, aggregate_of or conflicts."),
     F("reason", "string", "Why the link was made, in words."),
     F("quote", "string", "The sentence (claims) or the row's cells as written (table rows)."),
     F("cells", "object", "A table row's cells by column, as written; empty for claims."),
     F("locator", "string", "XPath of the row in the page."),
     F("quantity", "integer", "The quantity this record states."),
     F("status", "string", "The status this record states."),
     F("url", "string", "The page the record is on."),
     F("snapshot", "integer", "The latest stored snapshot showing it (see sources)."),
     F("snapshot_sha256", "string", "SHA-256 of that snapshot's bytes."),
     F("fetched_at", "datetime", "When that snapshot was fetched (UTC)."),
     F("first_seen", "datetime", "When the record was first seen (UTC)."),
     F("last_seen", "datetime", "When the record was last seen (UTC)."),
     F("source_key", "string", "The independent source it counts as.")),
    "id",
    (ForeignKey("donation", "donations", "id"), ForeignKey("record", "records", "record"),
     ForeignKey("snapshot", "sources", "snapshot")),
    facets=("kind", "role", "source_key"))

ENTITIES = Table(
    "entities", "Entities",
    "Donors and recipients named in the ledger, resolved through the aggregator's aliases.",
    (F("id", "string", "The donor's entity name, or the recipient's place code."),
     F("name", "string", "Name to show."),
     F("kind", "string",
       "person, foundation, organisation, unknown (a donor nobody listed), country or region."),
     F("family", "string", "Related entities share a family (a person, their foundation...)."),
     F("country", "string", "ISO 3166-1 alpha-3 of an organisation, when known."),
     F("roles", "list", "donor and/or recipient."),
     F("donations", "integer", "How many donations name it.")),
    "id", facets=("kind", "roles", "family"), label="name")

SOURCES = Table(
    "sources", "Sources",
    "Every stored snapshot of a fetched page: where it came from and when it was retrieved.",
    (F("snapshot", "integer", "Snapshot id."),
     F("url", "string", "The page's URL."),
     F("final_url", "string", "The URL after redirects."),
     F("source", "string", "The configured source it was crawled for, if any."),
     F("kind", "string", "program_page or news_article."),
     F("title", "string", "The page's title, as parsed."),
     F("retrieved_at", "datetime", "When this snapshot was fetched (UTC)."),
     F("last_seen", "datetime", "When a fetch last found it unchanged (UTC)."),
     F("times_seen", "integer", "How many fetches returned these bytes."),
     F("http_status", "integer", "HTTP status of the response."),
     F("content_type", "string", "Content-Type of the response."),
     F("sha256", "string", "SHA-256 of the response body."),
     F("size", "integer", "Body size in bytes.")),
    "snapshot", facets=("kind", "source"), label="url")

RECORDS = Table(
    "records", "Records",
    "Every record as the parsers extracted it (table rows, dated events, article claims), "
    "current state plus first/last seen and the snapshots that show it.",
    (F("record", "string", "Stable record id."),
     F("kind", "string", "table_row, event, article or claim."),
     F("page", "string", "The page's URL."),
     F("block", "string", "The country/region block the row sits in, as written."),
     F("item", "string", "Item code."),
     F("item_label", "string", "The goods as written."),
     F("quantity", "integer", "Quantity, when one could be read."),
     F("quantity_each", "integer", "Per-recipient amount of 'N to each of M'."),
     F("status", "string", "Status code."),
     F("status_label", "string", "The progress as written."),
     F("donors", "list", "Donor names as written."),
     F("recipients", "array", "[{name, code, org}]."),
     F("date", "string", "ISO date of an event or the date a claim states."),
     F("locator", "string", "XPath of the row in the page."),
     F("first_seen", "datetime", "When it was first seen (UTC)."),
     F("last_seen", "datetime", "When it was last seen (UTC)."),
     F("gone_since", "datetime", "When its page stopped showing it (UTC), else empty."),
     F("first_snapshot", "integer", "Snapshot where it was first seen (see sources)."),
     F("last_snapshot", "integer", "Latest snapshot showing it (see sources).")),
    "record",
    (ForeignKey("first_snapshot", "sources", "snapshot"),
     ForeignKey("last_snapshot", "sources", "snapshot")),
    facets=("kind", "item", "status"), label="record")

TABLES: dict[str, Table] = {t.name: t for t in (DONATIONS, EVIDENCE, ENTITIES, SOURCES, RECORDS)}
LEDGER_TABLES = ("donations", "evidence", "entities", "sources", "records")
