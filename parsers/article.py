"""News article pages: metadata from what the page declares, main text without furniture.

Dates come from structured metadata first (JSON-LD, `article:published_time`, `<time
datetime>`, a date in the URL); htmldate is only the fallback, because on real pages its
heuristics pick up advertisements ("Offer valid until 31 March"). Text comes from trafilatura,
then lines that are page furniture (vocab/boilerplate.toml) are dropped. Paragraph offsets point
into `text`, so a claim can cite its sentence.
"""

from __future__ import annotations

import json
import logging
import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml import etree

from aidledger.parsers.htmltext import decode, parse_html, text_of

log = logging.getLogger(__name__)
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Article:
    title: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    published: str | None = None
    updated: str | None = None
    text: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def published_datetime(self) -> datetime | None:
        return _parse_dt(self.published)

    def to_json(self) -> dict[str, Any]:
        """The `extract` contract's "article" record (README)."""
        return {"kind": "article", "title": self.title, "canonical_url": self.canonical_url,
                "outlet": self.outlet, "authors": self.authors, "language": self.language,
                "published": self.published, "updated": self.updated,
                "text_length": len(self.text), "text": self.text, "warnings": self.warnings}


@cache
def _boilerplate() -> list[re.Pattern[str]]:
    text = resources.files("aidledger.parsers").joinpath("vocab", "boilerplate.toml").read_text(
        "utf-8")
    return [re.compile(p, re.I) for p in tomllib.loads(text)["patterns"]]


def _parse_dt(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _iso(value: object) -> str | None:
    if isinstance(value, str):
        when = _parse_dt(value)
        if when:
            return when.isoformat()
        try:
            return date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            return None
    return None


def _json_ld(root: etree._Element) -> dict[str, Any]:
    """The first Article-like object of the page's JSON-LD (also inside @graph or lists)."""
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                kind = obj.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                    return obj
                stack.extend(obj.get("@graph", []) if isinstance(obj.get("@graph"), list) else [])
    return {}


def _meta(root: etree._Element, *names: str) -> str | None:
    for name in names:
        found = root.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
        if found and found[0].strip():
            return str(found[0]).strip()
    return None


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _dates(root: etree._Element, ld: dict[str, Any], url: str | None) -> tuple[str | None, ...]:
    published = _iso(ld.get("datePublished")) or _iso(_meta(
        root, "article:published_time", "og:published_time", "date", "pubdate",
        "publish-date", "dc.date", "DC.date.issued", "sailthru.date"))
    if not published:
        times = root.xpath("//article//time/@datetime | //time/@datetime")
        published = _iso(times[0]) if times else None
    if not published and url and (m := _URL_DATE.search(urlsplit(url).path)):
        try:
            published = date(*map(int, m.groups())).isoformat()
        except ValueError:
            published = None
    updated = _iso(ld.get("dateModified")) or _iso(_meta(root, "article:modified_time"))
    return published, updated


def _fallback_date(html: str) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate on hostile markup: a missing date, not a crash
        return None


def _title_suffix(root: etree._Element) -> str | None:
    """"Story headline - Outlet Name": the outlet, when the page declares it nowhere else."""
    titles = root.xpath("//title")
    text = text_of(titles[0]).replace("\n", " ") if titles else ""
    parts = re.split(r"\s+[-|–—·]\s+", text)
    return parts[-1].strip() if len(parts) > 1 and len(parts[-1]) < 60 else None


def _clean_text(raw: str, title: str | None) -> tuple[str, list[tuple[int, int]]]:
    lines, pats = [], _boilerplate()
    for line in (raw or "").split("\n"):
        line = line.strip()
        if not line or any(p.fullmatch(line) for p in pats):
            continue
        if title and line.strip().lower() == title.strip().lower():
            continue
        lines.append(line)
    text, spans, pos = "", [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        text += line + "\n"
        pos += len(line) + 1
    return text.rstrip("\n"), spans


def extract_article(html: str | bytes, url: str | None = None) -> Article:
    """Metadata and main text of a news page; never raises (junk gives empty text + warning)."""
    art = Article()
    try:
        _extract(decode(html).replace("\x00", ""), url, art)
    except Exception as exc:  # hostile markup: a warning, never a crashed crawl
        log.exception("%s: article extraction failed", url or "page")
        art.warnings.append(f"extraction error: {type(exc).__name__}: {exc}")
    return art


def _extract(html: str, url: str | None, art: Article) -> None:
    root = parse_html(html)
    if root is None:
        art.warnings.append("empty or unreadable page")
        return
    ld = _json_ld(root)
    titles = root.xpath("//h1")
    art.title = (ld.get("headline") or _meta(root, "og:title", "twitter:title")
                 or (text_of(titles[0]) if titles else None))
    canon = root.xpath('//link[@rel="canonical"]/@href')
    art.canonical_url = (str(canon[0]) if canon else None) or _meta(root, "og:url") or url
    publisher = _names(ld.get("publisher"))
    host = urlsplit(art.canonical_url or url or "").hostname
    art.outlet = (_meta(root, "og:site_name") or (publisher[0] if publisher else None)
                  or _title_suffix(root) or host)
    art.authors = _names(ld.get("author")) or [a for a in [_meta(root, "author")] if a] or [
        text_of(a) for a in root.xpath('//*[contains(@class,"author")]')[:3] if text_of(a)]
    langs = root.xpath("/html/@lang")
    art.language = (str(langs[0]).split("-")[0].lower() if langs else None)
    art.published, art.updated = _dates(root, ld, url)
    if not art.published:
        art.published = _fallback_date(html)
        if art.published:
            art.warnings.append("publication date guessed from page heuristics (htmldate)")
    raw = trafilatura.extract(html, url=url, favor_precision=True, include_comments=False,
                              include_tables=True, include_images=False) or ""
    art.text, art.paragraphs = _clean_text(raw, art.title)
    if _CJK.search(art.text[:2000] or "") and len(_CJK.findall(art.text)) > len(art.text) / 10:
        art.language = art.language or "zh"
        art.warnings.append(f"language {art.language} not supported for claims")
    if not art.text:
        art.warnings.append("no article text found")
