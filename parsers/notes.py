"""Prose next to the tables: notes that define goods, and dated progress entries.

Notes ("Detection Kit: Detection Kit for ... RNA") become item descriptions. Dated entries (a
"13th March" heading and the paragraphs under it) become records of kind "event"; the year is
not written, so it is inferred from when the page was fetched (an entry cannot be later).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache

import dateparser
from lxml import etree

from aidledger.parsers.htmltext import one_line, text_of
from aidledger.parsers.lexicon import fold, item_code
from aidledger.parsers.records import TableRecord

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
DATE_HEADING = re.compile(
    rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?|(?:{_MONTHS})\.?\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?$", re.I)
NOTE_LINE = re.compile(r"^(?P<label>[A-Za-z][\w .()/-]{0,60}?)\s*[:：]\s*(?P<text>\S.{3,})$")
_NOTE_HEADINGS = etree.XPath(
    "//*[self::p or self::div or self::h2 or self::h3 or self::h4 or self::h5 or self::strong]"
    "[string-length(normalize-space(.)) < 10][starts-with(translate(normalize-space(.), 'NOTE',"
    " 'note'), 'note')]")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def find_notes(root: etree._Element) -> dict[str, str]:
    """Label -> definition for lines after a "Note" paragraph or heading."""
    notes: dict[str, str] = {}
    for el in _NOTE_HEADINGS(root):
        if not re.fullmatch(r"notes?\s*[:：]?", fold(text_of(el))):
            continue
        for sib in el.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            if sib.tag in _HEADINGS or sib.tag == "table":
                break
            for line in text_of(sib).split("\n"):
                m = NOTE_LINE.match(line.strip())
                if m and item_code(m.group("label")) != "other":
                    notes.setdefault(m.group("label").strip(), one_line(m.group("text")))
    return notes


def attach_notes(records: list[TableRecord], notes: dict[str, str]) -> None:
    by_label = {fold(k): v for k, v in notes.items()}
    for rec in records:
        rec.item_description = by_label.get(fold(rec.item_label or ""))


@lru_cache(maxsize=256)
def _parse_day(text: str, base: datetime) -> date | None:
    settings = {"RELATIVE_BASE": base.replace(tzinfo=None), "PREFER_DATES_FROM": "past",
                "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if not re.search(r"\d{4}", text) and day > base.date():
        day = day.replace(year=day.year - 1)
    return day


def find_events(root: etree._Element, fetched_at: datetime | None) -> list[TableRecord]:
    """A record per dated heading with the paragraphs that follow it, up to the next heading."""
    base = (fetched_at or datetime.now(UTC))
    out = []
    tree = root.getroottree()
    for h in root.iter(*_HEADINGS):
        heading = one_line(text_of(h))
        if not DATE_HEADING.match(heading):
            continue
        paragraphs = []
        for sib in h.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            if sib.tag in _HEADINGS:
                break
            text = text_of(sib)
            if text:
                paragraphs.append(text)
        day = _parse_day(heading, base)
        out.append(TableRecord(
            kind="event", block=heading, item=None, item_label=None, quantity=None,
            status=None, status_label=None, date=day.isoformat() if day else None,
            text="\n".join(paragraphs), raw={"block": heading}, locator=tree.getpath(h),
            view="prose", warnings=[] if day else [f"unreadable date {heading!r}"],
        ))
    return out
