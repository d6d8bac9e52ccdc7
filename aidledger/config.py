"""The one place configuration is read: a TOML sources file plus environment overrides.

Environment: AIDLEDGER_SOURCES (path of the sources file), AIDLEDGER_DB_URL (any SQLAlchemy URL),
AIDLEDGER_REDIS_URL (shared crawl frontier: `crawl` and `schedule` then use it, `worker` needs it),
AIDLEDGER_REDIS_PREFIX (the frontier's key prefix, default "aidledger"), AIDLEDGER_REVIEW_TOKEN
(lets `aidledger serve` accept review judgements). Nothing else in the project reads these.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from aidledger.errors import ConfigError

log = logging.getLogger(__name__)

SOURCE_KINDS = ("program", "news")
DEFAULT_DB_PATH = Path("data") / "aidledger.sqlite"
DEFAULT_SOURCES = Path("sources.toml")
DEFAULT_CONTACT = "https://github.com/aidledger/aidledger"


@dataclass(frozen=True)
class Source:
    """One place we crawl: a foundation's program pages or a news outlet."""

    name: str
    kind: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    link_pattern: str | None = None
    keywords: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    schedule: str | None = None
    delay: float | None = None
    concurrency: int | None = None
    owner: str | None = None
    allow_private: bool = False
    stale_after: timedelta | None = None  # a page unchanged for longer fails the crawl's checks
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CrawlLimits:
    """The sources file's `[crawl]` table: limits for every request of a crawl (None: default)."""

    timeout: float | None = None  # seconds before a request is abandoned (DOWNLOAD_TIMEOUT)
    retries: int | None = None  # retries after a server fault or timeout (RETRY_TIMES)
    backoff: float | None = None  # first wait before a retry, doubling after each
    max_size: int | None = None  # bytes; a larger (or larger decompressed) body is refused


@dataclass(frozen=True)
class Settings:
    db_url: str
    sources_path: Path | None
    redis_url: str | None
    sources: tuple[Source, ...]
    contact: str = DEFAULT_CONTACT
    crawl: CrawlLimits = CrawlLimits()
    review_token: str | None = None
    redis_prefix: str = "aidledger"

    def source(self, name: str) -> Source:
        for s in self.sources:
            if s.name == name:
                return s
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"no source named {name!r} in {self.sources_path} (known: {known})")


def default_db_url() -> str:
    return f"sqlite:///{DEFAULT_DB_PATH}"


class _Locator:
    """Line numbers of `[[source]]` tables and their keys, for error messages tomllib can't give."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[int, str], int] = {}
        self.tables: dict[int, int] = {}
        index = 0
        for n, line in enumerate(text.splitlines(), start=1):
            if re.match(r"\s*\[\[\s*source\s*\]\]", line):
                index += 1
                self.tables[index] = n
            elif index and (m := re.match(r"\s*([A-Za-z_][\w-]*)\s*=", line)):
                self.lines.setdefault((index, m.group(1)), n)

    def line(self, index: int, key: str | None = None) -> int | None:
        return self.lines.get((index, key)) if key else self.tables.get(index)


class _Checker:
    def __init__(self, origin: str, locator: _Locator, index: int, raw: dict[str, Any]) -> None:
        self.origin, self.loc, self.index, self.raw = origin, locator, index, raw
        self.name = raw.get("name") if isinstance(raw.get("name"), str) else f"#{index}"

    def fail(self, key: str | None, problem: str) -> ConfigError:
        line = self.loc.line(self.index, key) or self.loc.line(self.index)
        where = f"{self.origin}:{line}" if line else self.origin
        field_ = f", field {key!r}" if key else ""
        return ConfigError(f"{where}: source {self.name!r}{field_}: {problem}")

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise self.fail(key, f"expected a string or a list of strings, got {value!r}")

    def typed(self, key: str, kind: type | tuple[type, ...], what: str) -> Any:
        value = self.raw.get(key)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)
                                  and kind is not bool):
            raise self.fail(key, f"expected {what}, got {value!r}")
        return value


_KNOWN_KEYS = {"name", "kind", "start_urls", "allowed_domains", "feeds", "sitemaps",
               "link_pattern", "keywords", "since", "until", "schedule", "delay", "concurrency",
               "owner", "allow_private", "stale_after"}


def _check_cron(chk: _Checker, expr: str | None) -> None:
    if expr is None:
        return
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(expr)
    except ValueError as exc:
        raise chk.fail("schedule", f"not a cron expression ({exc}); e.g. '0 */6 * * *'") from exc


_SPAN = re.compile(r"\s*(\d+)\s*([smhdw])\s*")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def _stale_after(chk: _Checker) -> timedelta | None:
    """`stale_after = "14d"`: how long a page may show the same content before a check fails."""
    value = chk.typed("stale_after", str, 'a duration like "14d"')
    if value is None:
        return None
    m = _SPAN.fullmatch(value)
    if m is None or int(m.group(1)) == 0:
        raise chk.fail("stale_after", f"{value!r} is not a duration: a whole number and a unit "
                                      "(s, m, h, d, w), e.g. \"14d\" or \"36h\"")
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


def _source(chk: _Checker, seen: set[str], strict: bool) -> Source:
    raw = chk.raw
    if not isinstance(raw.get("name"), str) or not raw["name"]:
        raise chk.fail("name", "a non-empty name is required")
    if raw["name"] in seen:
        raise chk.fail("name", "this name is used by an earlier source")
    if raw.get("kind") not in SOURCE_KINDS:
        raise chk.fail("kind", f"must be one of {', '.join(SOURCE_KINDS)}, got {raw.get('kind')!r}")
    start_urls, feeds, sitemaps = chk.strings("start_urls"), chk.strings("feeds"), \
        chk.strings("sitemaps")
    if not (start_urls or feeds or sitemaps):
        raise chk.fail(None, "give at least one of start_urls, feeds, sitemaps")
    for key, urls in (("start_urls", start_urls), ("feeds", feeds), ("sitemaps", sitemaps)):
        for url in urls:
            if not re.match(r"https?://[^/\s]+", url):
                raise chk.fail(key, f"{url!r} is not an http(s) URL")
    pattern = chk.typed("link_pattern", str, "a regular expression")
    if pattern:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise chk.fail("link_pattern", f"not a valid regular expression: {exc}") from exc
    _check_cron(chk, chk.typed("schedule", str, "a cron expression string"))
    delay = chk.typed("delay", (int, float), "seconds as a number")
    concurrency = chk.typed("concurrency", int, "a whole number")
    if delay is not None and delay < 0 or concurrency is not None and concurrency < 1:
        raise chk.fail("delay" if delay is not None and delay < 0 else "concurrency",
                       "must be positive")
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        problem = chk.fail(unknown[0], f"unknown field (known: {', '.join(sorted(_KNOWN_KEYS))})")
        if strict:
            raise problem
        log.warning("%s (ignored)", problem)
    return Source(
        name=raw["name"], kind=raw["kind"], start_urls=start_urls,
        allowed_domains=chk.strings("allowed_domains"), feeds=feeds, sitemaps=sitemaps,
        link_pattern=pattern, keywords=chk.strings("keywords"),
        since=chk.typed("since", date, "a date like 2020-03-01"),
        until=chk.typed("until", date, "a date like 2020-06-30"),
        schedule=raw.get("schedule"), delay=delay, concurrency=concurrency,
        owner=chk.typed("owner", str, "a name"),
        allow_private=bool(chk.typed("allow_private", bool, "true or false")),
        stale_after=_stale_after(chk),
        extra={k: raw[k] for k in unknown},
    )


def parse_sources(text: str, origin: str = "<sources>", *, strict: bool = False
                  ) -> tuple[Source, ...]:
    """Sources from TOML text: one `[[source]]` table each (see README, "Adding a source").

    Unknown fields are warnings here (a crawl goes on) and errors for `aidledger sources check`.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from exc
    extra = sorted(set(data) - {"source", "contact", "crawl"})
    if extra:
        raise ConfigError(f"{origin}: unknown top-level key {extra[0]!r} (expected [[source]])")
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{origin}: write each source as a [[source]] table")
    locator, seen, out = _Locator(text), set(), []
    for i, raw in enumerate(raw_sources, start=1):
        if not isinstance(raw, dict):
            raise ConfigError(f"{origin}: source #{i} is not a table")
        source = _source(_Checker(origin, locator, i, raw), seen, strict)
        seen.add(source.name)
        out.append(source)
    return tuple(out)


_LIMITS = {"timeout": ((int, float), 0.0), "retries": (int, 0), "backoff": ((int, float), 0.0),
           "max_size": (int, 1)}


def parse_crawl_limits(text: str | None, origin: str = "<sources>") -> CrawlLimits:
    """The `[crawl]` table: numbers only, each at least its minimum; unknown keys are errors."""
    table = tomllib.loads(text).get("crawl", {}) if text else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: write the crawl limits as a [crawl] table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _LIMITS:
            raise ConfigError(f"{origin}: [crawl] {key!r}: unknown (known: {', '.join(_LIMITS)})")
        kind, least = _LIMITS[key]
        if isinstance(value, bool) or not isinstance(value, kind) or value < least:
            raise ConfigError(f"{origin}: [crawl] {key!r}: expected a number >= {least}, "
                              f"got {value!r}")
        values[key] = value
    return CrawlLimits(**values)


def _contact(text: str | None) -> str:
    if not text:
        return DEFAULT_CONTACT
    value = tomllib.loads(text).get("contact")
    return value if isinstance(value, str) and value else DEFAULT_CONTACT


def load_settings(sources_path: str | Path | None = None, db_url: str | None = None) -> Settings:
    """Settings from arguments, else the environment, else the defaults."""
    env = os.environ
    path_text = sources_path or env.get("AIDLEDGER_SOURCES")
    path = Path(path_text) if path_text else (DEFAULT_SOURCES if DEFAULT_SOURCES.exists() else None)
    sources: tuple[Source, ...] = ()
    text = None
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"sources file {path} does not exist (check AIDLEDGER_SOURCES)")
        text = path.read_text("utf-8")
        sources = parse_sources(text, str(path))
    return Settings(
        db_url=db_url or env.get("AIDLEDGER_DB_URL") or default_db_url(),
        sources_path=path,
        redis_url=env.get("AIDLEDGER_REDIS_URL") or None,
        sources=sources,
        contact=_contact(text),
        crawl=parse_crawl_limits(text, str(path)),
        review_token=env.get("AIDLEDGER_REVIEW_TOKEN") or None,
        redis_prefix=env.get("AIDLEDGER_REDIS_PREFIX") or "aidledger",
    )
