"""One entry point for any fetched page: decide what it is, run the right pure parser.

Returns records as plain dicts in the `extract` JSON contract, so the store, the CLI and the
tests all see one shape whatever parser produced them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import datetime
from typing import Any

from aidledger.parsers import PARSER_VERSION

log = logging.getLogger(__name__)

PROGRAM, ARTICLE = "program_page", "news_article"
PARSER_FAILED = ("parser error:", "extraction error:")  # tables.py and article.py safety nets
MAX_PARSE_BYTES = 8 * 1024 * 1024
_ARTICLE_SIGNS = re.compile(
    rb'og:type"\s+content="article|"@type"\s*:\s*"(?:News)?Article|article:published_time|<article\b',
    re.I,
)


@dataclass
class ParsedPage:
    kind: str | None
    records: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    parser_version: str = PARSER_VERSION

    @property
    def error(self) -> str | None:
        """A bug a parser caught in itself (its safety net's warning): the snapshot's
        parse_error, so a crashed parse is counted as one, not mistaken for an empty page."""
        return next((w for w in self.warnings if w.startswith(PARSER_FAILED)), None)


def looks_like_html(body: bytes, content_type: str | None) -> bool:
    if content_type and not re.search(r"html|xml", content_type, re.I):
        return False
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, said by its byte order mark
        body = body[:4096].decode("utf-16", "ignore").encode("utf-8")
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<div", b"<!--", b"<"))


def _as_dict(obj: Any) -> dict[str, Any]:
    return asdict(obj) if is_dataclass(obj) and not isinstance(obj, type) else dict(obj)


def parse_program(body: bytes | str, url: str | None, fetched_at: datetime | None) -> ParsedPage:
    from aidledger.parsers.tables import parse_program_page

    page = parse_program_page(body, url=url, fetched_at=fetched_at)
    return ParsedPage(
        kind=PROGRAM, records=[r.to_json() for r in page.records],
        conflicts=[_as_dict(c) for c in page.conflicts], warnings=list(page.warnings),
        meta={"title": page.title, "notes": page.notes},
    )


def parse_article(body: bytes | str, url: str | None, fetched_at: datetime | None) -> ParsedPage:
    from aidledger.parsers.article import extract_article
    from aidledger.parsers.claims import extract_claims

    article = extract_article(body, url)
    published = article.published_datetime() or fetched_at
    claims = extract_claims(article.text, published, title=article.title,
                            publisher=article.outlet, url=article.canonical_url or url)
    meta = article.to_json()
    records = [{**c.to_json(), "index": i} for i, c in enumerate(claims)]
    return ParsedPage(kind=ARTICLE, records=records,
                      warnings=list(article.warnings), meta=meta)


def parse_page(body: bytes | str, *, url: str | None = None, fetched_at: datetime | None = None,
               kind: str | None = None, content_type: str | None = None) -> ParsedPage:
    """Parse a page of known or unknown kind; never raises for bad content, only warns."""
    raw = body.encode("utf-8") if isinstance(body, str) else body
    if len(raw) > MAX_PARSE_BYTES:
        return ParsedPage(kind=kind, warnings=[
            f"page of {len(raw)} bytes is over the {MAX_PARSE_BYTES}-byte parse limit: stored, "
            "not parsed"])
    if not looks_like_html(raw, content_type):
        return ParsedPage(kind=kind, warnings=[
            f"not an HTML page (content-type {content_type!r}): stored, not parsed"])
    if kind == ARTICLE:
        return parse_article(raw, url, fetched_at)
    program = parse_program(raw, url, fetched_at)
    if kind == PROGRAM or any(r["kind"] == "table_row" for r in program.records):
        return program
    if _ARTICLE_SIGNS.search(raw[:200_000]):
        return parse_article(raw, url, fetched_at)
    return program
