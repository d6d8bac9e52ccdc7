"""What spiders hand to the pipeline: a fetched page, or the record of a fetch that failed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aidledger.storage.pages import FetchedPage

__all__ = ["FetchFailed", "FetchedPage", "NotModified"]


@dataclass
class NotModified:
    """The server answered 304 to our conditional request: the stored page is still current."""

    url: str
    at: datetime
    source: str | None = None


@dataclass
class FetchFailed:
    url: str
    at: datetime
    reason: str
    status: int | None = None
    source: str | None = None
