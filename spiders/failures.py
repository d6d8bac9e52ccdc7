"""What a failed fetch is stored as: the URL we set out to fetch (the one its page would be
stored under, before any redirect), an HTTP status when there was one, and a reason a person can
act on, even where Twisted's own message is empty."""

from __future__ import annotations

import re

from scrapy.http import Request
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

# Failures whose own message is often empty or cryptic, in words.
EXPLAINED = {
    "ResponseDataLossError": "the connection closed before the whole body arrived (a truncated "
                             "response is never stored as the page)",
    "DownloadCancelledError": "the body is over the size limit ([crawl] max_size in the sources "
                              "file)",
    "DownloadTimeoutError": "no answer within the timeout ([crawl] timeout in the sources file)",
    "DownloadFailedError": "the connection failed or was reset",
    "ConnectionRefusedError": "nothing listens at that address",
}


def failure_record(failure: Failure) -> tuple[str, int | None, str]:
    """(url, status, reason) of a failed request, the reason at most 500 characters."""
    request: Request = failure.request  # type: ignore[attr-defined]
    status = None
    if failure.check(HttpError):
        response = failure.value.response
        status = response.status
        reason = f"HTTP {status}"
        location = response.headers.get("Location")
        if 300 <= status < 400 and location:  # a redirect Scrapy would not follow
            reason += f": redirect to {location.decode('latin-1')} not followed (http(s) only)"
    else:
        name = failure.type.__name__ if failure.type else "Error"
        message = failure.getErrorMessage().strip()
        parts = [p for p in (EXPLAINED.get(name), message) if p]
        reason = f"{name}: {': '.join(parts)}"
    url = (request.meta.get("redirect_urls") or [request.url])[0]
    if url != request.url:
        reason += f" (at {request.url}, after redirects)"
    return url, status, re.sub(r"\s+", " ", reason)[:500]
