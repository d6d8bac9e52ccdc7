"""The state a reference stands for: "the embassy" is the state of the mission named before,
"the country" the one the article names most (receivers aside)."""

from __future__ import annotations

import re

from aidledger.parsers.claim_givers import seat_after, state_name
from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.lexicon import find_places, lookup_place

_MISSION = re.compile(r"\b(?:(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s)?\s+|"
                      r")(?:[Ee]mbassy|[Cc]onsul(?:ate)?(?:[\s-][Gg]eneral)?|[Hh]igh\s+"
                      r"[Cc]ommission)(?:\s+of\s+(?:the\s+)?(?:People['’]s\s+Republic\s+of\s+)?"
                      r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?")


_ENVOY = re.compile(r"^(?:[A-Z][a-z]+(?:['’]s)?\s+)?Consul(?:[\s-]General)?\s+of\s+(?:the\s+)?"
                    r"|^[A-Z][a-z]+(?:['’]s)?\s+Consul(?:[\s-]General)?$", re.I)


def mission_state(clause: Clause, before: int) -> list[str]:
    """The latest embassy, consulate or high commission named with its state so far, as the
    article named it, with where it sits ("the Turkish embassy in Rome", "the Embassy of
    Japan": Turkish embassy in Rome, Embassy of Japan), never a receiver's."""
    seen = clause.text[:max(clause.start, 0)] + " " + clause.sentence[:before]
    for m in reversed(list(_MISSION.finditer(seen))):
        for g in (2, 1):
            words = (m.group(g) or "").split()
            for i in range(len(words)):
                place = lookup_place(" ".join(words[i:]))
                if place is not None and place.kind in ("country", "demonym"):
                    if state_name(place.code) in clause.receivers or " ".join(
                            words[i:]) in clause.receivers:
                        continue
                    start = m.start(g) + len(m.group(g)) - len(" ".join(words[i:])) if \
                        g == 1 else m.start()  # "the Turkish embassy": from the place;
                    name = re.sub(r"^the\s+", "", seen[start:m.end()], flags=re.I)
                    if _ENVOY.match(name):  # a consul named, not the consulate: the state
                        return [_ENVOY.sub("", name) or state_name(place.code)]  # as written
                    return [name + seat_after(seen, m.end())]  # ("Consul-General of Peru":
                    # Peru); "the Turkish embassy in Rome": with its seat
    return []


def main_country(clause: Clause, before: int) -> list[str]:
    """The country named most often so far (the latest on a tie), receivers aside."""
    seen = clause.text[:max(clause.start, 0)] + " " + clause.sentence[:before]
    counts: dict[str, tuple[int, int, str]] = {}
    for p in find_places(seen):
        if p.place.kind == "country" and p.text not in clause.receivers:
            n, _, _ = counts.get(p.place.code, (0, 0, ""))
            counts[p.place.code] = (n + 1, p.start, p.text)
    if not counts:
        return []
    return [max(counts.values())[2]]
