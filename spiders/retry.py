"""Retries that wait: exponential backoff for server faults and timeouts, and the server's own
`Retry-After` for 429/503, so a struggling or rate-limiting site is not hammered. Scrapy's
RetryMiddleware retries at once; this one sleeps (without blocking other downloads) first."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.response import response_status_message

log = logging.getLogger(__name__)


def retry_after(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a `Retry-After` header asks for (delta-seconds or an HTTP date), else None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("AIDLEDGER_RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("AIDLEDGER_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_cap = settings.getfloat("AIDLEDGER_RETRY_AFTER_MAX", 600.0)

    def delay(self, request: Request, response: Response | None = None) -> float:
        asked = retry_after(response.headers.get("Retry-After")) if response else None
        if asked is not None:
            return min(asked, self.retry_after_cap)
        return min(self.base * 2 ** request.meta.get("retry_times", 0), self.cap)

    async def process_response(self, request: Request, response: Response) -> Any:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        again = self._retry(request, response_status_message(response.status))
        if again is None:
            return response
        wait = self.delay(request, response)
        log.info("%s answered %d: retrying in %.1f s", request.url, response.status, wait)
        await asyncio.sleep(wait)
        return again

    async def process_exception(self, request: Request, exception: Exception) -> Any:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        again = self._retry(request, exception)
        if again is not None:
            await asyncio.sleep(self.delay(request))
        return again
