"""Names to entities: donors and recipient organisations resolved through one alias table.

Every resolution keeps the raw name it came from. A name nobody listed becomes an entity of its
own (its folded form is its key), so an unknown donor is never an error, only a new entity.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import urlsplit

from aidledger.parsers.claim_givers import country_of
from aidledger.parsers.lexicon import country_name, fold
from aidledger.parsers.name_kinds import legal_forms


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    family: str
    country: str | None = None


_LEGAL = re.compile(r"(\s+(" + "|".join(sorted({w.lower() for forms in legal_forms().values()
                                                for w in forms}, key=len, reverse=True)) + r"))+$")


def _key(name: str) -> str:
    """Matching key of a name: case, punctuation, a leading "the" and legal suffixes dropped
    ("Acme Corp." = "ACME Corporation" = "the Acme")."""
    text = re.sub(r"^(the)\s+", "", fold(name))
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return _LEGAL.sub("", text) or text


@cache
def _table() -> tuple[dict[str, Entity], dict[str, Entity]]:
    text = resources.files("aidledger.aggregator").joinpath("entities.toml").read_text("utf-8")
    data = tomllib.loads(text)["entity"]
    by_alias: dict[str, Entity] = {}
    by_domain: dict[str, Entity] = {}
    for name, spec in data.items():
        ent = Entity(name, spec.get("kind", "organisation"), spec.get("family", _key(name)),
                     spec.get("country"))
        for alias in [name, *spec.get("aliases", [])]:
            by_alias[_key(alias)] = ent
        for domain in spec.get("domains", []):
            by_domain[domain.lower()] = ent
    return by_alias, by_domain


@lru_cache(maxsize=200_000)
def entity(name: str) -> Entity:
    """The known entity a name stands for, or a new one keyed on the name itself."""
    by_alias, _ = _table()
    key = _key(name)
    if key in by_alias:
        return by_alias[key]
    code = country_of(name)  # a state however a text names it: "Peru", "the Peruvian
    if code and not code.startswith("region:"):  # Embassy", "government of Peru" are one giver
        return Entity(country_name(code), "state", f"state:{code}", code)
    return Entity(name.strip(), "unknown", key)


GENERIC = frozenset({"foundation", "fund", "charity", "trust", "company", "group",
                     "organisation", "organization", "we", "us"})


def is_generic_name(name: str) -> bool:
    """A donor written only as a common noun ("the Foundation", "the Fund"): it names whoever
    is speaking, not an entity of its own."""
    return _key(name) in GENERIC


@lru_cache(maxsize=200_000)
def entity_key(name: str) -> str:
    """The key a donor filter compares: the same for every alias and spelling of an entity
    ("JMF", "the Jack Ma Foundation"), and for an unknown name, its folded form."""
    return _key(entity(name).name)


def entity_for_url(url: str) -> Entity | None:
    """The entity whose own website a URL is on (a foundation's program page speaks for it)."""
    return entity_for_host(url_host(url))


def url_host(url: str) -> str:
    """The lowercased host of a URL (fast path for plain http(s) URLs: called per record)."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme.lower() in ("http", "https"):
        netloc = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        if "@" not in netloc and "[" not in netloc:
            return netloc.split(":", 1)[0].lower()
    return (urlsplit(url).hostname or "").lower()


@lru_cache(maxsize=100_000)
def entity_for_host(host: str) -> Entity | None:
    """The entity whose website `host` (lowercase) is, with or without "www."."""
    _, by_domain = _table()
    return by_domain.get(host) or by_domain.get(host.removeprefix("www."))


def donor_group(names: list[str]) -> tuple[list[Entity], frozenset[str]]:
    """Entities of a donor list and the families they belong to (the blocking key)."""
    ents = [entity(n) for n in names if n and n.strip()]
    return ents, frozenset(e.family for e in ents)
