"""Counted goods the item vocabulary does not name, counted by their container: "2,040
bottles of gel handrub", "1,500 boxes of skim milk", "2,000 pairs of isolation shoes". They
are `other`: a donation of goods all the same, which no vocabulary of products could list.

A bare number and plural noun ("200 smartphones") is too often something else (doctors,
countries, days: `not_goods_nouns` in claims.toml) to be read as goods; a container word says
goods are counted. Even then the phrase must stand where goods stand: right after a donation
verb, or as an entry of a list.
"""

from __future__ import annotations

import re
from functools import cache

from aidledger.parsers.claim_parts import Clause, Item, _all_triggers
from aidledger.parsers.lexicon import item_code
from aidledger.parsers.names import vocab

# the words after the number, up to what ends a list entry
_PHRASE = re.compile(r"\s+((?:[a-z][a-z-]*\s+){0,4}?[a-z][a-z-]*)(?=\s*(?:$|[,;.:()]|\s(?:and|or|"
                     r"to|for|from|worth|valued|which|that|with|in|at|as|were|was|are|is|has|"
                     r"have|will|each|per|plus|along)\b))")
# a container counts its contents when they have no count of their own ("bottles of gel")
_CONTAINERS = frozenset({"bottles", "boxes", "bars", "packs", "packets", "pairs", "sets",
                         "units", "pieces", "cans", "bags", "sachets", "tubes", "rolls",
                         "jars", "tins", "cartons",  # and one of them: "one unit of"
                         "bottle", "box", "pack", "pair", "set", "unit", "piece", "bag",
                         "carton"})
FUNCTION_WORDS = frozenset({"to", "for", "in", "at", "by", "with", "from", "on", "into", "its",
                             "their", "his", "her", "our", "the", "a", "an", "each", "per",
                             "of", "than", "more", "other", "these", "those", "such"})
_LIST_LEAD = re.compile(r"(?:,|\band|\bincluding|\bincludes?|\bincluded|\bcomprised|\bcomprises|"
                        r"\bconsisting of|\bconsists of|:|\bas well as|\bplus|\balong with)\s*$",
                        re.I)


@cache
def stop_words() -> frozenset[str]:
    w = vocab()["words"]
    return frozenset(x for x in (*w["not_goods"], *w["units"], *w["not_goods_nouns"])
                     if " " not in x)


def unnamed_goods(clause: Clause, items: list[Item],
                  mentions: list[tuple[int, int, str]]) -> list[Item]:
    """`other` items for counted plural nouns standing where goods stand (see the module)."""
    s = clause.sentence
    used = {it.quantity.start for it in items if it.quantity}
    known_list = any(it.quantity for it in items)  # a list of goods is open
    triggers = _all_triggers(s)
    out: list[Item] = []
    for n in clause.numbers:
        if (n.start in used or n.value is None or n.currency or n.percent or n.vague
                or n.approx in ("another", "a further", "an additional")):
            continue
        m = _PHRASE.match(s, n.end)
        if m is None:
            continue
        words = m.group(1).split()
        if not (words[0] in _CONTAINERS and len(words) > 2 and words[1] == "of"):
            continue  # a bare "200 smartphones" is as often people, places or time
        words = words[2:]  # "2,040 bottles of gel handrub": the gel, by the bottle
        if any(w in stop_words() or w in FUNCTION_WORDS for w in words):
            continue  # "1 million to its diplomatic allies": no goods noun at all
        start, end = m.start(1), m.end(1)
        if any(ms < end and start < me for ms, me, _ in mentions) or item_code(m.group(1)) != (
                "other") or s.count("(", 0, start) > s.count(")", 0, start):
            continue  # a known item in the phrase (or an aside): the item rules decide
        before = s[:n.start]
        after_verb = any(t.end <= n.start and not s[t.end:n.start].strip() for t in triggers)
        if not (after_verb or (known_list and _LIST_LEAD.search(before))):
            continue
        out.append(Item(start, end, "other", s[start:end], n))
        known_list = True
    return out
