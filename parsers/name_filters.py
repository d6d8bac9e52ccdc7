"""Capitalised words that are no names: goods opening a sentence ("Masks donated by"), common
nouns and adjectives capitalised only because they open it ("Products include", "Medical
supplies"), and two places joined by a hyphen ("Chinese-American"). Kept apart from finding
names (names.py) so each stays small."""

from __future__ import annotations

import re
from functools import lru_cache

from aidledger.parsers.lexicon import item_matches, lookup_place

_PLURAL_NEXT = re.compile(r"\s+(?:include[ds]?|including|are|were|have|had|arrived|came|worth|"
                          r"from|of|for|totall?ing|valued|went|will\s+be|have\s+been)\b")


def common_opening(word: str, after: str) -> bool:
    """A common noun or adjective capitalised only because it opens the sentence: a plural
    before a plural verb ("Products include", "Helmets were", "Donations from"), an adjective
    before a lowercase noun ("Medical supplies", "Former students"). A company opening a
    sentence is followed by what it did ("Siemens donated", "Medtronic will")."""
    if lookup_place(word) or word.isupper():
        return False
    if re.fullmatch(r"[A-Z][a-z]+(?:ts|ns|es|ds|ks|ls|ps|rs|gs)", word) and _PLURAL_NEXT.match(
            after):
        return True
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:al|ive|ary|ous)|Former", word)) and bool(
        re.match(r"\s+[a-z]+(?:s|es)\b", after)) and not _PLURAL_NEXT.match(after) and not \
        re.match(r"\s+(?:has|was|is|does|says|gives|sends|donates|offers|plans|makes|hands|"
                 r"provides|pledges|ships|delivers|contributes)\b", after)


def place_pair(name: str) -> bool:
    """Two places or peoples joined by a hyphen, and no one place as a whole ("Guinea-Bissau")."""
    parts = name.split("-")
    return len(parts) == 2 and " " not in name and all(parts) and not lookup_place(name) and all(
        lookup_place(p) for p in parts)


@lru_cache(maxsize=4096)
def goods_word(word: str) -> bool:
    """A word that is an item's name by itself ("Masks", "Ventilators", "Tests")."""
    return any(s == 0 and e == len(word) for s, e, _ in item_matches(word))
