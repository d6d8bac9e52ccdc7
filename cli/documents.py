"""Reading saved pages from disk with the URL and fetch time they were crawled under."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aidledger.errors import AidledgerError
from aidledger.storage.pages import FetchedPage

KINDS = {"program_page": "program_page", "news_article": "news_article",
         "news_post": "news_article", "article": "news_article", "program": "program_page"}


@dataclass
class Document:
    name: str  # the path or URL as the user gave it
    body: bytes
    url: str
    fetched_at: datetime
    kind: str | None
    content_type: str | None = None

    def as_fetched(self) -> FetchedPage:
        headers = {"content-type": self.content_type} if self.content_type else {}
        return FetchedPage(url=self.url, body=self.body, fetched_at=self.fetched_at,
                           kind=self.kind, headers=headers, meta={"ingested_from": self.name})


def parse_when(text: str) -> datetime:
    """An ISO 8601 time; a time without a zone is taken as UTC (and said so in the docs)."""
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise AidledgerError(f"not an ISO 8601 time: {text!r} (e.g. 2020-03-16T11:21:18+08:00)") \
            from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def read_manifest(path: Path) -> list[Document]:
    """Documents of a manifest: a JSON list of {file, url, fetched_at[, kind]}, files relative."""
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AidledgerError(f"cannot read manifest {path}: {exc}") from exc
    if not isinstance(entries, list):
        raise AidledgerError(f"{path}: a manifest is a JSON list of {{file, url, fetched_at}}")
    docs = []
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not {"file", "url", "fetched_at"} <= e.keys():
            raise AidledgerError(f"{path}: entry {i} needs file, url and fetched_at")
        file = path.parent / e["file"]
        docs.append(Document(str(file), _read(file), e["url"], parse_when(e["fetched_at"]),
                             KINDS.get(e.get("kind") or "")))
    return docs


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AidledgerError(f"cannot read {path}: {exc.strerror}") from exc


def _manifest_entry(path: Path) -> dict[str, str] | None:
    """The entry describing `path` in a manifest.json beside it or one folder up, if any."""
    for folder in (path.parent, path.parent.parent):
        manifest = folder / "manifest.json"
        if not manifest.is_file():
            continue
        try:
            entries = json.loads(manifest.read_text("utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        for e in entries if isinstance(entries, list) else []:
            if not isinstance(e, dict):
                continue
            if (folder / str(e.get("file", ""))).resolve() == path.resolve():
                return e
    return None


def load_document(name: str, url: str | None = None, fetched_at: datetime | None = None,
                  kind: str | None = None) -> Document:
    """A path (its manifest supplies URL and time when not given) or an http(s) URL to fetch."""
    if name.startswith(("http://", "https://")):
        req = urllib.request.Request(name, headers={"User-Agent": "aidledger/0.1 (extract)"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                body, ctype, final = resp.read(), resp.headers.get("content-type"), resp.url
        except OSError as exc:
            raise AidledgerError(f"cannot fetch {name}: {exc}") from exc
        return Document(name, body, url or final, fetched_at or datetime.now(UTC), kind, ctype)
    path = Path(name)
    body = _read(path)
    entry = _manifest_entry(path) if not (url and fetched_at) else None
    if entry:
        url = url or entry.get("url")
        fetched_at = fetched_at or parse_when(entry["fetched_at"])
        kind = kind or KINDS.get(entry.get("kind") or "")
    when = fetched_at or datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return Document(name, body, url or path.resolve().as_uri(), when, kind)
