"""Where the crawler may go. Scraped pages and their servers are strangers: a redirect or a link
must not turn the crawler against the machine it runs on or the network around it (a cloud
metadata address, a database port on loopback, an intranet host, a local file).

Rules, checked for every request and so for every redirect hop (a redirected request passes
through the downloader middlewares again), before robots.txt is asked for:
- only http and https;
- hosts outside the source's `allowed_domains` (and the hosts of its own start URLs, feeds and
  sitemaps) are not reached;
- an address that is not public (private 10/8, 172.16/12, 192.168/16, link-local 169.254/16,
  loopback, carrier-grade NAT, reserved, multicast, and their IPv6 forms) is not reached: the
  host is resolved and every address checked;
- loopback is the one exception: a source whose start URL (or feed, or sitemap) is itself on
  loopback (a test site, the demo) may fetch from that exact scheme, host and port, and nowhere
  else on loopback;
- a source with `allow_private = true` may reach all of these (an intranet, a local mirror,
  file:// URLs).
A redirect that leads back to a URL of its own chain is a loop and stops there. Each refusal is
a `BlockedRequest`: logged, and stored by the spider's errback as a fetch failure.

The connection resolves the host again through Scrapy's caching resolver, which this check
fills, so a DNS answer that changes between the check and the connection is unlikely but not
impossible; a crawler that must be airtight also needs a firewall rule.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future

from aidledger.config import Source

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
DEFAULT_PORTS = {"http": 80, "https": 443}
LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


class BlockedRequest(IgnoreRequest):
    """A request the crawler refused to send; the message says why and what would allow it."""


def address_kind(ip: IPAddress) -> str | None:
    """Why an address is not public ("a private address"...), or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, kind in ((ip.is_loopback, "a loopback address"),
                       (ip.is_link_local, "a link-local address"),
                       (ip.is_unspecified, "an unspecified address"),
                       (ip.is_multicast, "a multicast address"),
                       (ip.is_private, "a private address"),
                       (not ip.is_global, "not a public address")):
        if test:
            return kind
    return None


def _ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme, 0)


@dataclass(frozen=True)
class Policy:
    """What one source may reach (see the module docstring)."""

    source: str
    allow_private: bool = False
    domains: tuple[str, ...] = ()  # empty: any host name
    loopback_origins: frozenset[tuple[str, str, int]] = frozenset()

    @classmethod
    def for_source(cls, src: Source) -> Policy:
        own = (*src.start_urls, *src.feeds, *src.sitemaps)
        hosts = {urlsplit(u).hostname or "" for u in own}
        domains = tuple(sorted({d.lower() for d in (*src.allowed_domains, *hosts) if d}))
        loopback = frozenset(o for o in map(_origin, own) if _is_loopback_host(o[1]))
        return cls(src.name, src.allow_private, domains if src.allowed_domains else (), loopback)

    def url_problem(self, url: str) -> str | None:
        """What forbids this URL before any DNS look-up, or None."""
        scheme, host, port = _origin(url)
        if scheme not in DEFAULT_PORTS:
            return None if self.allow_private else f"the {scheme or 'empty'} scheme is not http(s)"
        if self.domains and not any(host == d or host.endswith("." + d) for d in self.domains):
            return f"{host} is outside the allowed_domains of source {self.source!r}"
        ip = _ip(host)
        return self.address_problem(url, ip) if ip is not None else None

    def address_problem(self, url: str, ip: IPAddress) -> str | None:
        kind = address_kind(ip)
        if kind is None or self.allow_private:
            return None
        if kind == "a loopback address" and _origin(url) in self.loopback_origins:
            return None
        return (f"{urlsplit(url).hostname} is {kind} ({ip}); source {self.source!r} would need "
                "allow_private = true")


def _is_loopback_host(host: str) -> bool:
    ip = _ip(host)
    return host in LOOPBACK_NAMES or (ip is not None and address_kind(ip) == "a loopback address")


class SafetyMiddleware:
    """Refuses requests the rules above forbid; enabled in spiders/settings.py before robots."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler
        self._policies_of: dict[int, tuple[Source, Policy]] = {}  # by id of the Source

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafetyMiddleware:
        return cls(crawler)

    def _policy(self, src: Source) -> Policy:
        known = self._policies_of.get(id(src))
        if known is None or known[0] is not src:
            known = self._policies_of[id(src)] = (src, Policy.for_source(src))
        return known[1]

    def _policies(self, request: Request) -> list[Policy]:
        src = request.meta.get("source")
        if isinstance(src, Source):
            return [self._policy(src)]
        spider = self.crawler.spider if self.crawler else None
        sources: Iterable[Source] = getattr(spider, "sources", None) or ()
        return [self._policy(s) for s in sources] or [Policy("(none)")]

    async def process_request(self, request: Request) -> None:
        """Without a source (robots.txt), a request is allowed when some source allows it."""
        problems = [p.url_problem(request.url) for p in self._policies(request)]
        if all(problems):
            _block(request, str(problems[0]))
        host = urlsplit(request.url).hostname or ""
        if _ip(host) is not None or not host:
            return
        ip = await _resolve(host)
        if ip is None:
            return  # the download fails with Scrapy's own DNS error, stored like any failure
        problems = [p.address_problem(request.url, ip) for p in self._policies(request)
                    if not p.url_problem(request.url)]
        if problems and all(problems):
            _block(request, str(problems[0]))


async def _resolve(host: str) -> IPAddress | None:
    from twisted.internet import reactor

    try:
        address = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined]
    except Exception:  # any resolver failure is for Scrapy to report, as a DNS error
        return None
    return _ip(str(address))


def _block(request: Request, why: str) -> None:
    log.warning("blocked %s: %s", request.url, why)
    raise BlockedRequest(f"blocked: {why}")


class RedirectLoopMiddleware:
    """Every redirect ends in a page or a stored failure. Scrapy sends a redirect's target
    through the scheduler's duplicate filter, which silently drops a target already seen (a loop,
    or two start URLs redirecting to each other), leaving no record of the URL we set out to
    fetch: here a redirected request skips that filter, and a redirect back into its own chain
    is stopped as a loop."""

    def process_response(self, request: Request, response: Response) -> Any:
        location = response.headers.get("Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = urljoin(request.url, location.decode("latin-1")).split("#", 1)[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            _block(request, "redirect loop: " + " -> ".join([*chain, target]))
        request.dont_filter = True  # the redirect middleware copies this to the new request
        return response
