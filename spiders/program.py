"""The `program` spider: foundation program pages (donation tables), always revalidated."""

from __future__ import annotations

from aidledger.spiders.base import AidledgerSpider


class ProgramSpider(AidledgerSpider):
    """`scrapy crawl program -a url=URL` or `-a source=NAME`; default: every program source."""

    name = "program"
    source_kind = "program"
    page_kind = "program_page"
