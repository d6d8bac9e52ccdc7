"""One small error hierarchy, so callers can tell user mistakes from bugs."""

from __future__ import annotations


class AidledgerError(Exception):
    """Base for every error the project raises on purpose."""


class ConfigError(AidledgerError):
    """The sources file or an environment override is wrong; the message says where."""


class ParseError(AidledgerError):
    """A page could not be parsed; stored beside its snapshot, never fatal to a crawl."""


class StoreError(AidledgerError):
    """The database is unreachable, locked or not migrated; the message says what to do."""
