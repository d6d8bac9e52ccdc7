"""The crawl's own link extraction gives what Scrapy's LinkExtractor gives, on awkward pages."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from aidledger.spiders.links import extract_links

PAGES = {
    "plain": """<html><body><nav><a href="/p1.html">one</a> <a href="p2.html">two</a>
        <a href="http://other.example/p3.html">away</a> <a href="/p1.html">one again</a>
        <a href="  /p4.html\n">spaced</a> <area href="/p5.html"></body></html>""",
    "base": """<html><head><base href="http://mirror.example/sub/"></head><body>
        <a href="p6.html">rel</a><a href="../p7.html">up</a><a href="/p8.html">root</a></body></html>""",
    "odd": """<html><body><a href="javascript:void(0)">js</a><a href="mailto:x@y.example">m</a>
        <a href="/report.pdf">pdf</a><a href="/photo.JPG">img</a><a href="/p9.html#part">frag</a>
        <a href="/p10.html?x=1&amp;y=2">query</a><a href="/caf\u00e9/p11.html">accent</a>
        <a href="/p 12.html">space</a><a href="http://[bad/p13.html">bogus</a><a>none</a>
        <a href="">empty</a><a href="/p14.html;v=1">params</a><a href="/%zz/p15.html">pct</a>
        <a href="HTTP://Upper.Example/P16.html">upper</a><a href="//cdn.example/p17.html">proto</a>
        </body></html>""",
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("pattern", [r"/p\d+\.html", r".", r"\.pdf$", r"example"])
def test_same_links_as_scrapy(name: str, pattern: str) -> None:
    response = HtmlResponse("http://site.example/dir/page.html", body=PAGES[name].encode(),
                            encoding="utf-8")
    expected = [link.url for link in LinkExtractor(allow=[pattern]).extract_links(response)]
    assert extract_links(response, pattern) == expected
