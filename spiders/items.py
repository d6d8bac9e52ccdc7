"""What spiders hand to the pipeline: a fetched page, or the record of a fetch that failed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aidledger.storage.pages import FetchedPage

__all__ = ["FetchFailed", "FetchedPage"]


@dataclass
class FetchFailed:
    url: str
    at: datetime
    reason: str
    status: int | None = None
