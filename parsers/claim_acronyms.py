"""A giver the sentence names by its acronym is the name the article spells out.

"L&T said it had sent 8 ventilators" after "Larsen & Toubro"; "ADB grant" after "the Asian
Development Bank": the ledger keeps the fullest name the article gives ("Central Bank of Nigeria
(CBN)"), so that one giver is one donor. The full name is a name of the article whose words'
initials spell the acronym, or that the acronym follows in brackets ("U.S. Southern Command
(SOUTHCOM)"); an acronym the article never spells out stays as written, and so
does a country's ("US", "UK": claim_givers decides those). Agencies whose acronym is not their
English initials ("UNICEF", "USAID" after "U.S. Agency for International Development") are
matched through the table of international bodies' short names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.name_kinds import vocab
from aidledger.parsers.names import find_names

_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,7}")
_SMALL = {"of", "for", "and", "the", "&", "de", "du"}


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s&-]+", name) if w and w.lower() not in _SMALL]
    # an abbreviation inside the name gives all its letters: "U.S. Agency for ..." is USAID
    return "".join(w.replace(".", "") if _ABBREVIATION.fullmatch(w) else w[0]
                   for w in words if w[0].isupper())


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}")


def _not_a_country(acronym: str) -> bool:
    """"EU" is a body as well as a region; "US" and "UK" are countries."""
    place = lookup_place(acronym)
    return place is None or place.kind == "region"


def _spells(name: str, key: str) -> bool:
    """`name` written out is the acronym `key`: by its initials, or as the table of
    international bodies shortens it ("United Nations Children's Fund": UNICEF)."""
    initials = _initials(name)
    return initials == key or vocab().get("org_short", {}).get(name) == key or (
        len(initials) >= 2 and key == initials + "L" and " " in name)  # "HUL" after
    # "Hindustan Unilever": the company's initials and its Limited, left out of the name


def spelled_out(donors: Sequence[str], text: str) -> list[str]:
    """Each acronym giver replaced by the article's name whose initials spell it."""
    todo = [d for d in donors if (_ACRONYM.fullmatch(d) or _titled_acronym(d, text))
            and _not_a_country(d)]
    if not todo:
        return list(donors)
    intl = set(vocab()["words"]["international_orgs"])  # "European Union" is a body, too
    found = [n for n in find_names(text) if " " in n.text and (n.text in intl or (
        n.kind != "place" and lookup_place(n.text) is None))]  # "SK" is no "South Korean"
    names = [n.text for n in found]
    out: list[str] = []
    for d in donors:
        if d in todo:
            key = re.sub(r"[&.]", "", d).upper()
            spelled = next((n for n in names if len(key) >= 2 and _spells(n, key)), None)
            if spelled or not _ACRONYM.fullmatch(d):  # "Oppo" after a name is a short name
                d = spelled or d
            else:
                d = next((n.text for n in found if text.startswith(f" ({d})", n.end)
                          or text.startswith(f"({d})", n.end)), None) or _bracketed_state(
                    d, text) or d
            # "U.S. Southern Command (SOUTHCOM)"; "the Republic of Korea (ROK)": South Korea
        if _bare(d) not in {_bare(o) for o in out}:
            out.append(d)  # "Reliance Industries (RIL) ... they": one company, not two
    return out


_TITLED = re.compile(r"[A-Z][a-z]{2,7}")


def _titled_acronym(word: str, text: str) -> bool:
    """An acronym some outlets write as a word ("Unicef", "Nato"): one that follows a name in
    brackets, or that the table of international bodies gives as a short name. Any other
    capitalised word ("Oppo", "Tata") is a name of its own, not initials."""
    return bool(_TITLED.fullmatch(word)) and (
        f"({word})" in text or word.upper() in _short_names())


@cache
def _short_names() -> frozenset[str]:
    """The short names the table of international bodies gives ("UNICEF", "WHO")."""
    return frozenset(vocab().get("org_short", {}).values())


def _bracketed_state(acronym: str, text: str) -> str | None:
    """The country the article writes out right before the acronym in brackets."""
    at = text.find(f"({acronym})")
    if at < 0:
        return None
    window = text[max(0, at - 60):at].rstrip()
    name = next((n.text for n in find_names(window)
                 if n.kind == "place" and n.end == len(window)), None)  # as written ("the
    place = lookup_place(name) if name else None  # Republic of Korea (ROK)": Republic of Korea)
    return re.sub(r"^the\s+", "", name, flags=re.I) if name and place is not None and (
        place.kind == "country") else None


_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Ltd|Limited|Inc|Corp|Co|PLC|Plc|LLC|Pvt|Pte|GmbH|AG|SA)\.?)+$"
                         )


def _bare(name: str) -> str:
    """The name without its legal form: "Reliance Industries Ltd" is "Reliance Industries"."""
    return _LEGAL_FORM.sub("", name).lower()
