"""What spiders hand to the pipeline: a fetched page, a 304 answer, or a fetch that failed.

They are the store's own types (storage.pages), so the writer process stores them as they come.
"""

from __future__ import annotations

from aidledger.storage.pages import FetchedPage, FetchFailed, NotModified

__all__ = ["FetchFailed", "FetchedPage", "NotModified"]
