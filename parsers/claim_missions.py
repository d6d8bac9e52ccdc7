"""The state a reference stands for: "the embassy" is the state of the mission named before,
"the country" the one the article names most (receivers aside)."""

from __future__ import annotations

import re

from aidledger.parsers.claim_givers import state_name
from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.lexicon import find_places, lookup_place

_MISSION = re.compile(r"\b(?:(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s)?\s+|"
                      r")(?:[Ee]mbassy|[Cc]onsul(?:ate)?(?:[\s-][Gg]eneral)?|[Hh]igh\s+"
                      r"[Cc]ommission)(?:\s+of\s+(?:the\s+)?(?:People['’]s\s+Republic\s+of\s+)?"
                      r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?")


def mission_state(clause: Clause, before: int) -> list[str]:
    """The state of the latest embassy, consulate or high commission named so far ("the
    Turkish embassy in Rome", "the Embassy of Japan"), never a receiver's."""
    seen = clause.text[:max(clause.start, 0)] + " " + clause.sentence[:before]
    for m in reversed(list(_MISSION.finditer(seen))):
        for group in (m.group(2), m.group(1)):
            words = (group or "").split()
            for i in range(len(words)):
                place = lookup_place(" ".join(words[i:]))
                if place is not None and place.kind in ("country", "demonym"):
                    name = state_name(place.code)
                    if name not in clause.receivers:
                        return [name]
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
