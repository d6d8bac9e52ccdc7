"""The one place configuration is read: a TOML sources file plus environment overrides.

Environment: AIDLEDGER_SOURCES (path of the sources file), AIDLEDGER_DB_URL (any SQLAlchemy URL),
AIDLEDGER_REDIS_URL (shared crawl frontier). Nothing else in the project reads os.environ for these.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from aidledger.errors import ConfigError

SOURCE_KINDS = ("program", "news")
DEFAULT_DB_PATH = Path("data") / "aidledger.sqlite"
DEFAULT_SOURCES = Path("sources.toml")


@dataclass(frozen=True)
class Source:
    """One place we crawl: a foundation program page set or a news outlet."""

    name: str
    kind: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    link_pattern: str | None = None
    keywords: tuple[str, ...] = ()
    schedule: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    db_url: str
    sources_path: Path | None
    redis_url: str | None
    sources: tuple[Source, ...]

    def source(self, name: str) -> Source:
        for s in self.sources:
            if s.name == name:
                return s
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"no source named {name!r} in {self.sources_path} (known: {known})")


def default_db_url() -> str:
    return f"sqlite:///{DEFAULT_DB_PATH}"


def _tuple(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: expected a string or a list of strings, got {value!r}")


_KNOWN_KEYS = {"name", "kind", "start_urls", "allowed_domains", "feeds", "sitemaps",
               "link_pattern", "keywords", "schedule"}


def parse_sources(text: str, origin: str = "<sources>") -> tuple[Source, ...]:
    """Sources from TOML text: `[[source]]` tables with name, kind, start_urls, allowed_domains."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from exc
    out: list[Source] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("source", []), start=1):
        where = f"{origin}: source #{i}"
        name = raw.get("name")
        if not isinstance(name, str) or not name:
            raise ConfigError(f"{where}: 'name' is required")
        where = f"{origin}: source {name!r}"
        if name in seen:
            raise ConfigError(f"{where}: the name is used twice")
        seen.add(name)
        kind = raw.get("kind")
        if kind not in SOURCE_KINDS:
            raise ConfigError(f"{where}: 'kind' must be one of {SOURCE_KINDS}, got {kind!r}")
        start_urls = _tuple(raw.get("start_urls"), f"{where}, start_urls")
        feeds = _tuple(raw.get("feeds"), f"{where}, feeds")
        sitemaps = _tuple(raw.get("sitemaps"), f"{where}, sitemaps")
        if not (start_urls or feeds or sitemaps):
            raise ConfigError(f"{where}: give at least one of start_urls, feeds, sitemaps")
        out.append(Source(
            name=name, kind=kind, start_urls=start_urls,
            allowed_domains=_tuple(raw.get("allowed_domains"), f"{where}, allowed_domains"),
            feeds=feeds, sitemaps=sitemaps, link_pattern=raw.get("link_pattern"),
            keywords=_tuple(raw.get("keywords"), f"{where}, keywords"),
            schedule=raw.get("schedule"),
            extra={k: v for k, v in raw.items() if k not in _KNOWN_KEYS},
        ))
    return tuple(out)


def load_settings(sources_path: str | Path | None = None, db_url: str | None = None) -> Settings:
    """Settings from arguments, else the environment, else the defaults."""
    env = os.environ
    path_text = sources_path or env.get("AIDLEDGER_SOURCES")
    path = Path(path_text) if path_text else (DEFAULT_SOURCES if DEFAULT_SOURCES.exists() else None)
    sources: tuple[Source, ...] = ()
    if path is not None:
        if not path.exists():
            raise ConfigError(f"sources file {path} does not exist (set AIDLEDGER_SOURCES)")
        sources = parse_sources(path.read_text("utf-8"), str(path))
    return Settings(
        db_url=db_url or env.get("AIDLEDGER_DB_URL") or default_db_url(),
        sources_path=path,
        redis_url=env.get("AIDLEDGER_REDIS_URL") or None,
        sources=sources,
    )
