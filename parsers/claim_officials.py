"""A state's official who gives in office gives as the state.

"Prime Minister Hun Sen announced to donate 2 million masks", "Minister of Health Mam Bun Heng
delivered", "H.E. Yuok Sambath, Secretary of State at the Ministry of Health, will bring the
donated masks": the gift is the state's, and the ledger keeps the country as the article
writes it (like an envoy's). The role is read where the article introduces the person, before
the name ("Japanese Foreign Minister Motegi Toshimitsu") or in an aside after it (", Prime
Minister of the Kingdom of Cambodia,"); the country is the one the role names, else the
country the article names most, the gift's recipients aside. "President" alone is a company
role as often as a state's, so it counts only with its country ("President of Ghana").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from aidledger.parsers.claim_givers import government_state
from aidledger.parsers.lexicon import find_places, lookup_place
from aidledger.parsers.names import is_org_name

_OFFICE = (r"(?:(?:Deputy|Vice|First)\s+)?(?:Prime\s+Minister|Premier|Chancellor|King|Emir|Amir|"
           r"Sultan|Crown\s+Prince|(?:Foreign|Health|Defen[cs]e|Finance|Interior|Home|Foreign\s+"
           r"Affairs)\s+(?:Minister|Secretary)|Minister\s+of\s+(?:State\s+for\s+)?[A-Z][\w&]*"
           r"(?:\s+(?:and\s+)?[A-Z][\w&]*){0,3}|Secretary\s+of\s+State|Foreign\s+Secretary|"
           r"Ambassador|Envoy|Consul(?:\s+General)?|Charg[ée]\s+d['’]\s?Affaires|"
           r"(?P<president>President))")
_TITLES = r"(?:(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Samdech|Sheikh|Prof\.?)\s+)*"
_BEFORE = re.compile(rf"(?:(?P<country>\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?<!\w)U\.S\.|\bUS\b|"
                     rf"\bUK\b|\bUAE\b)(?:['’]s)?\s+)?"
                     rf"{_OFFICE}(?:\s+to\s+(?:the\s+)?[A-Z]\w*(?:\s+[A-Z]\w*){{0,2}})?"
                     rf",?\s+{_TITLES}(?:(?:[A-Z][\w'’-]*|[A-Z]\.|bin|bint|ibn|al|el)\s+)*?$")
# (an initial may stand among the names: "Secretary of State Michael R. Pompeo")
# the same office written in lower case, which counts only with its country before it
# ("Vietnamese deputy foreign minister Bui Thanh Son")
_BEFORE_LOWER = re.compile(rf"\b(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s)?\s+"
                           rf"(?:(?:deputy|vice|first)\s+)?(?:prime\s+minister|premier|(?:foreign|"
                           rf"health|defen[cs]e|finance|interior|home)\s+(?:minister|secretary)|"
                           rf"ambassador|envoy|consul(?:\s+general)?)(?:\s+to\s+(?:the\s+)?[A-Z]\w*"
                           rf"(?:\s+[A-Z]\w*){{0,2}})?,?\s+{_TITLES}(?:[A-Z][\w'’-]*\s+)*?$")
_AFTER = re.compile(rf"^,\s+(?:the\s+)?{_OFFICE}(?:\s+(?:of|at)\s+(?:the\s+)?(?:(?:Kingdom|"
                    rf"Republic|State|Ministry|Embassy)\s+of\s+(?:the\s+)?)?"
                    rf"(?P<of>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?")

# the office in lower case in an aside after the name: "Luis Vega, a Peruvian minister,",
# "Ana Ruiz, deputy health minister,", "Tom Reyes, the state minister,"
_AFTER_LOWER = re.compile(r"^,\s+(?:(?:a|an|the)\s+)?(?:(?P<country>[A-Z][a-z]+)\s+)?"
                          r"(?:(?:deputy|vice|junior|state|foreign|health)\s+){0,2}"
                          r"(?:minister|secretary\s+of\s+state|ambassador|envoy)\b")


# a monarch named with the title in the name, after his state: "Oman's Sultan Haitham"
_ROYAL = re.compile(r"(?:King|Queen|Emir|Amir|Sultan|Crown\s+Prince)\s+[A-Z]")
_STATE_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s)?\s+$")


def _person(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 8 and not is_org_name(name) and lookup_place(name) is None \
        and all(w[:1].isupper() for w in words)


@lru_cache(maxsize=256)
def _office_state(name: str, text: str) -> tuple[bool, str | None]:
    """(whether the article gives `name` a state office, the country that office names)."""
    for m in re.finditer(re.escape(name), text):
        before = text[max(0, m.start() - 120):m.start()]
        after = text[m.end():m.end() + 160]
        if _ROYAL.match(name) and (own := _STATE_BEFORE.search(before)) and (
                state := government_state(own.group(1))) and lookup_place(state):
            return True, state  # "Bahrain's King Hamad donated": the kingdom gives
        for role in (_BEFORE.search(before), _BEFORE_LOWER.search(before), _AFTER.match(after),
                     _AFTER_LOWER.match(after)):
            if role is None:
                continue
            where = role.groupdict().get("country") or role.groupdict().get("of")
            state = government_state(where) if where else None
            if state is not None and lookup_place(state) is not None:
                return True, state
            if role.groupdict().get("president") is None and not re.search(
                    r"(?:['’]s|\bits|\btheir)\s*$", before[:role.start()]):
                return True, None
    return False, None


def _home(text: str, recipients: set[str]) -> str | None:
    """The country the article names most, recipients aside, as it writes it most often."""
    found = [p for p in find_places(text)
             if p.place.kind == "country" and p.place.code not in recipients]
    counts = Counter(p.place.code for p in found)
    if not counts:
        return None
    (code, n), *rest = counts.most_common(2) + [("", 0)]
    if n <= rest[0][1]:
        return None
    return Counter(re.sub(r"^the\s+", "", p.text, flags=re.I) for p in found
                   if p.place.code == code).most_common(1)[0][0]


def officials_as_states(donors: Sequence[str], text: str, recipients: set[str]) -> list[str]:
    """Each giver the article introduces in a state office replaced by that state."""
    out: list[str] = []
    for d in donors:
        if _person(d):
            office, state = _office_state(d, text)
            if office:
                d = state or _home(text, recipients) or d
        if d not in out:
            out.append(d)
    return out


# an office written alone, no person's name: "Principal Secretary", "Commissioner for Crisis
# Management", "Secretary-General"
_TITLE_ONLY = re.compile(
    r"(?:(?:Principal|Permanent|Cabinet|Deputy|Assistant|Chief|Executive|Under|Vice|Senior|"
    r"Acting)\s+)"
    r"{0,2}(?:Secretary|Commissioner|Minister|Director|Spokesperson|Spokesman|Spokeswoman)"
    r"(?:[- ]General)?(?:\s+(?:for|of)\s+[A-Z][\w&]*(?:\s+(?:and\s+)?[A-Z][\w&]*){0,3})?")
_BODY_AFTER = re.compile(r"\s+(?:in|of|at)\s+(?:the\s+)?((?:Ministry|Department|Office|Embassy|"
                         r"Commission|Agency|Authority)\s+(?:of|for)\s+[A-Z][\w&]*(?:\s+(?:and\s+)?"
                         r"[A-Z][\w&]*){0,3})")
_PERSON_AFTER = re.compile(r"\s+(?:Ambassador|Dr|Mr|Mrs|Ms|Prof|Hon)\b.*$")


def office_givers(donors: Sequence[str], text: str) -> list[str]:
    """An office read as the giver with no holder named ("Principal Secretary"): the body it
    is an office of, where the text says so ("Acting Principal Secretary in the Ministry of
    Trade Ambassador X delivered"), else no giver at all, which a title alone is not."""
    out: list[str] = []
    for d in donors:
        if _TITLE_ONLY.fullmatch(d):
            m = next((b for m in re.finditer(re.escape(d), text)
                      if (b := _BODY_AFTER.match(text, m.end()))), None)
            if m is None:
                continue
            d = _PERSON_AFTER.sub("", m.group(1))
        if d not in out:
            out.append(d)
    return out
