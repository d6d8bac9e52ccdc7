"""Vocabularies (items, statuses, places) loaded once from the data files in `vocab/`.

Parsers and the aggregator share these lookups so that a table cell, a news sentence and a
query filter all resolve "South Korea", "Republic of Korea" and "KOR" to the same code. Items
and statuses live here; places in `places.py` and the data files in `vocab_files.py`, both
re-exported so callers need one import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from aidledger.parsers.places import (
    ORG_PREFIX,
    REGION_PREFIX,
    Place,
    PlaceMention,
    country_name,
    find_places,
    lookup_place,
    org_country,
    region_members,
    regions,
)
from aidledger.parsers.vocab_files import _alias_regex, _load, fold, trie_pattern

__all__ = ["ORG_PREFIX", "REGION_PREFIX", "ItemType", "Place", "PlaceMention", "_alias_regex",
           "_items", "_load", "country_name", "find_places", "fold", "item_code", "item_label",
           "item_matches", "lookup_place", "org_country", "region_members", "regions",
           "status_code", "status_label", "trie_pattern", "code_place", "unit_place",
           "one_of_region"]


# --- items -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemType:
    code: str
    label: str
    priority: int


@cache
def _items() -> tuple[dict[str, ItemType], list[tuple[re.Pattern[str], str]]]:
    data = _load("items.toml")
    types = {code: ItemType(code, v["label"], v["priority"]) for code, v in data.items()}
    patterns = [(_alias_regex(v["aliases"]), code) for code, v in data.items()]
    return types, patterns


def item_matches(text: str) -> list[tuple[int, int, str]]:
    """Every (start, end, code) where an item alias occurs in `fold(text)`."""
    folded = fold(text)
    _, patterns = _items()
    found = []
    for pattern, code in patterns:
        found.extend((m.start(), m.end(), code) for m in pattern.finditer(folded))
    return sorted(found)


def item_code(label: str | None) -> str | None:
    """The item code of a goods label, "other" when nothing matches, None for no label."""
    if not label or not label.strip():
        return None
    types, _ = _items()
    matches = item_matches(label)
    if not matches:
        return "other"
    best = max(matches, key=lambda m: (types[m[2]].priority, m[1] - m[0]))
    return best[2]


def item_label(code: str) -> str:
    types, _ = _items()
    if code == "funds":
        return "Funds"
    return types[code].label if code in types else code.replace("_", " ").capitalize()


# --- statuses ----------------------------------------------------------------------------

@cache
def _statuses() -> tuple[dict[str, str], re.Pattern[str], dict[str, str]]:
    data = _load("statuses.toml")
    labels = {code: v["label"] for code, v in data.items()}
    phrase_to_code = {fold(p): code for code, v in data.items() for p in v["phrases"]}
    return labels, _alias_regex(list(phrase_to_code)), phrase_to_code


def status_code(text: str | None) -> str | None:
    """The status code of a progress phrase ("Stocking Up" -> "preparing"), or None."""
    if not text:
        return None
    _, pattern, phrase_to_code = _statuses()
    matches = list(pattern.finditer(fold(text)))
    if not matches:
        return None
    best = max(matches, key=lambda m: len(m.group(0)))
    return phrase_to_code[best.group(0)]


def status_label(code: str | None) -> str | None:
    if code is None:
        return None
    labels, _, _ = _statuses()
    return labels.get(code, code)


# --- places named by a code or a unit ------------------------------------------------------

def code_place(name: str) -> Place | None:
    """ "PHL receives 40,000 testing kits": a headline's ISO code for a country."""
    return Place(name, "country") if re.fullmatch(r"[A-Z]{3}", name) and country_name(
        name) != name else None


def unit_place(name: str) -> Place | None:
    """ "Lagos State", "Sindh Province": the place the unit is named after."""
    m = re.fullmatch(r"(.+?)\s+(?:State|Province|Region|County|City|Prefecture)", name)
    return lookup_place(m.group(1)) if m else None


_ONE_STATE = re.compile(r"\s+(?:nation|country|state|kingdom|republic|island nation|island|ally|"
                        r"neighbou?r|partner|monarchy|emirate|archipelago)\b(?!\s*s\b)")


def one_of_region(mention: PlaceMention, sentence: str, before: str) -> str | None:
    """The code a place mention stands for: "the Southeast Asian nation" is one country of the
    region, the latest the text before named (none when it named none)."""
    code = mention.place.code
    if mention.place.kind != "region" or not _ONE_STATE.match(sentence, mention.end) \
            or not re.search(r"\bthe\s+$", sentence[:mention.start]):
        return code
    members = region_members(code)
    named = [p.place.code for p in find_places(before) if p.place.code in members]
    return named[-1] if named else None
