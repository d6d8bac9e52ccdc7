"""What kind of name a capitalised phrase is (person, organisation, foundation, place), and
the claim vocabulary the name rules read: kept apart from finding names in prose (names.py)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from aidledger.parsers.lexicon import lookup_place


@cache
def vocab() -> dict:
    text = resources.files("aidledger.parsers").joinpath("vocab", "claims.toml").read_text(
        "utf-8")
    return tomllib.loads(text)


@cache
def name_sets() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    w = vocab()["words"]
    org = re.compile(r"\b(?:" + "|".join(map(re.escape, w["org_words"])) + r")\b|(?<=\w )(?:"
                     + "|".join(map(re.escape, w.get("org_heads", []))) + r")\b")
    return frozenset(w["not_names"]), frozenset(w["leading"]), org


@cache
def legal_forms() -> dict[str, tuple[str, ...]]:
    """The `[legal_forms]` lists: `abbreviated`, `suffixes` and `nouns`."""
    return {kind: tuple(words) for kind, words in vocab()["legal_forms"].items()}


@cache
def legal_words() -> frozenset[str]:
    """Every legal form as a name may end with it, an abbreviation with or without its dot."""
    forms = legal_forms()
    return frozenset((*forms["abbreviated"], *(a + "." for a in forms["abbreviated"]),
                      *forms["suffixes"], *forms["nouns"]))


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    kind: str  # "person" | "organisation" | "foundation" | "place"
    implied: bool = False  # not written as such: "Ma's foundation" -> "Ma Foundation"
    brand: bool = False  # its "'s" is its own ("Sainsbury's has donated"), not an owner's
    oblique: bool = False  # after "to", "through": "donate to Prime Minister Modi's fund"
    whole: bool = False  # its "and" is inside it: "China Road and Bridge Corporation (CRBC)"
    example: bool = False  # one of a list after "like", "such as": "bodies like the WHO, the
    # CDC": named to show a kind, never what a later "it" stands for


def is_org_name(name: str) -> bool:
    """An organisation by its form: an organisation word, or an acronym (WHO, CDC)."""
    _, _, org = name_sets()
    return bool(org.search(name)) or (name.isupper() and 2 <= len(name) <= 8)


_FOUNDATION_WORD = re.compile(r"\b(Foundation|Fund|Trust|Charity|Charitable)\b")


_ADMIN_UNITS = frozenset(("Province", "Prefecture", "County", "Region", "District",
                          "Municipality", "Oblast", "Governorate"))


@lru_cache(maxsize=4096)  # names repeat within an article
def classify(name: str) -> str:
    _, _, org = name_sets()
    if _FOUNDATION_WORD.search(name):
        return "foundation"
    if org.search(name) or name.isupper():
        return "organisation"
    if lookup_place(name):
        return "place"
    words = name.split()
    if len(words) >= 2 and words[-1] in _ADMIN_UNITS and lookup_place(" ".join(words[:-1])):
        return "place"  # "Hubei Province", "Osaka Prefecture": the place and its unit word
    if len(words) >= 2 and _country_suffix(words):
        return "organisation"  # "Oppo India", "Xiaomi India": a company's national arm
    if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        return "person"
    return "organisation"


def _country_suffix(words: list[str]) -> bool:
    place = lookup_place(words[-1])
    return bool(place and place.kind == "country") and not lookup_place(" ".join(words[:-1])) \
        and not lookup_place(" ".join(words))
