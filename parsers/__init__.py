"""Pure extraction: HTML or text in, records out. No Scrapy, no database."""

PARSER_VERSION = "1"
