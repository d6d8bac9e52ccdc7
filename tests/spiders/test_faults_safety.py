"""Where the crawler may go: the address rules of spiders/safety.py, checked without traffic.

No request here reaches the network: every blocked case raises before any connection, and the
end-to-end proof (a real crawl refused a loopback port it was redirected to) is in
test_faults.py.
"""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy.http import Request

from aidledger.config import Source
from aidledger.spiders.safety import BlockedRequest, Policy, SafetyMiddleware, address_kind

BLOCKED_NETWORKS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                    "127.0.0.0/8", "100.64.0.0/10", "0.0.0.0/8", "224.0.0.0/4", "::1/128",
                    "fe80::/10", "fc00::/7", "::ffff:10.0.0.0/104", "::ffff:169.254.0.0/112"]
PUBLIC = ["93.184.216.34", "8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:4700::6810:84e5",
          "::ffff:93.184.216.34"]


def src(urls: tuple[str, ...] = ("https://harbor.example/supplies",), **kw) -> Source:
    return Source(name="harbor", kind="program", start_urls=urls, **kw)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BLOCKED_NETWORKS).flatmap(
    lambda net: st.ip_addresses(network=net)))
def test_no_address_in_a_non_public_range_is_public(ip):
    assert address_kind(ip) is not None
    url = f"http://[{ip}]/x" if ip.version == 6 else f"http://{ip}/x"
    assert "allow_private = true" in Policy.for_source(src()).url_problem(url)
    assert Policy.for_source(src(allow_private=True)).url_problem(url) is None


@pytest.mark.parametrize("ip", PUBLIC)
def test_public_addresses_are_allowed(ip):
    assert address_kind(ipaddress.ip_address(ip)) is None


@pytest.mark.parametrize("url, problem", [
    ("http://10.1.2.3/admin", "10.1.2.3 is a private address"),
    ("http://172.20.0.5/", "a private address"),
    ("http://192.168.1.1/", "a private address"),
    ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
    ("http://[fe80::1]/", "a link-local address"),
    ("http://127.0.0.1:6379/", "a loopback address"),
    ("http://0.0.0.0:5432/", "an unspecified address"),
    ("file:///etc/passwd", "the file scheme is not http(s)"),
    ("ftp://harbor.example/x", "the ftp scheme is not http(s)"),
])
def test_strict_sources_refuse(url, problem):
    assert problem in Policy.for_source(src()).url_problem(url)


def test_allowed_domains_fence_every_hop_but_the_sources_own_urls_pass():
    policy = Policy.for_source(src(allowed_domains=("harbor.example",),
                                   feeds=("https://feeds.example/harbor.xml",)))
    assert policy.url_problem("https://www.harbor.example/a") is None
    assert policy.url_problem("https://feeds.example/harbor.xml") is None
    assert "outside the allowed_domains" in policy.url_problem("https://harbor.example.evil/")
    assert Policy.for_source(src()).url_problem("https://anywhere.example/") is None


def test_loopback_only_at_the_origin_of_a_loopback_start_url():
    local = Policy.for_source(src(("http://127.0.0.1:8000/index.html",)))
    assert local.url_problem("http://127.0.0.1:8000/other.html") is None
    assert "loopback" in local.url_problem("http://127.0.0.1:6379/")  # e.g. Redis
    assert "loopback" in local.url_problem("https://127.0.0.1:8000/")
    assert "loopback" in local.url_problem("http://127.0.0.2:8000/")
    named = Policy.for_source(src(("http://localhost:8000/",)))
    ip = ipaddress.ip_address("127.0.0.1")
    assert named.address_problem("http://localhost:8000/x", ip) is None
    assert named.address_problem("http://localhost:8001/x", ip) is not None
    # a public name whose DNS answer is loopback gets no exception, even as a start URL
    rebinding = Policy.for_source(src(("http://rebind.example:8000/",)))
    assert rebinding.address_problem("http://rebind.example:8000/", ip) is not None


class FakeSpider:
    def __init__(self, *sources: Source) -> None:
        self.sources = list(sources)


class FakeCrawler:
    def __init__(self, spider: FakeSpider) -> None:
        self.spider = spider


def run(mw: SafetyMiddleware, request: Request) -> None:
    asyncio.run(mw.process_request(request))


def test_the_middleware_raises_before_any_connection():
    strict = src()
    mw = SafetyMiddleware(FakeCrawler(FakeSpider(strict)))
    for url in ("http://10.1.2.3/", "http://169.254.169.254/", "file:///etc/passwd"):
        with pytest.raises(BlockedRequest, match="blocked: "):
            run(mw, Request(url, meta={"source": strict}))
    run(mw, Request("http://93.184.216.34/", meta={"source": strict}))  # allowed: returns


def test_requests_without_a_source_need_one_source_that_allows_them():
    """robots.txt requests carry no source: allowed when some source of the crawl allows them."""
    local, intranet = src(("http://127.0.0.1:8000/",)), src(allow_private=True)
    run(SafetyMiddleware(FakeCrawler(FakeSpider(local))),
        Request("http://127.0.0.1:8000/robots.txt"))
    with pytest.raises(BlockedRequest):
        run(SafetyMiddleware(FakeCrawler(FakeSpider(local))),
            Request("http://192.168.0.9/robots.txt"))
    run(SafetyMiddleware(FakeCrawler(FakeSpider(local, intranet))),
        Request("http://192.168.0.9/robots.txt"))
