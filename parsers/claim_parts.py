"""The pieces of a claim found in one sentence: items with their quantities, the donation
verb and its tense, the donors (named or referred back to) and the recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from aidledger.parsers.lexicon import (
    _items,
    trie_pattern,
)
from aidledger.parsers.names import (
    Name,
    find_names,
    vocab,
)
from aidledger.parsers.numbers import NumberMention

_EXTRA_ITEMS = {"ppe": "other", "personal protective equipment": "other",
                "protective equipment": "other", "medical supplies": "other",
                "protective kits": "other", "medical kits": "other", "ppe kits": "other",
                "ppe kit": "other", "oxygen concentrators": "other",
                "oxygen concentrator": "other", "hand sanitiser": "other",
                "hand sanitizer": "other", "sanitiser": "other", "sanitizer": "other",
                "hand sanitisers": "other", "hand sanitizers": "other",
                "disinfectant": "other", "disinfectants": "other", "oxygen cylinders": "other",
                "hospital beds": "other", "shoe covers": "other", "body bags": "other",
                "infusion pumps": "other", "patient monitors": "other", "tablets": "other",
                "pills": "other", "capsules": "other", "vials": "other", "doses": "other"}


@dataclass
class Clause:
    text: str
    start: int
    end: int
    sentence: str
    names: list[Name]  # in this sentence, offsets relative to it
    earlier: list[Name]  # every name of earlier sentences, in order
    numbers: list[NumberMention]
    publisher: str | None
    speaker: list[str] | None = None  # who says "we" here (a quoted tweet's author), if known
    receivers: frozenset[str] = frozenset()  # names the article has shown receiving goods


@dataclass
class Item:
    start: int
    end: int
    code: str
    label: str
    quantity: NumberMention | None


@dataclass
class Trigger:
    start: int
    end: int
    phrase: str
    status: str


# --- items ---------------------------------------------------------------------------------

@cache
def _item_patterns() -> list[tuple[re.Pattern[str], str, int]]:
    types, patterns = _items()
    out = [(p, code, types[code].priority) for p, code in patterns]
    generic = [k for k in _EXTRA_ITEMS if k in _GENERIC]
    named = [k for k in _EXTRA_ITEMS if k not in _GENERIC]  # "PPE kits" are not test kits
    for words, prio in ((generic, 0), (named, 4)):
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(
            words, key=len, reverse=True))) + r")(?![\w-])")
        out.append((pattern, "other", prio))
    return out


_GENERIC = {"ppe", "personal protective equipment", "protective equipment", "medical supplies",
            "protective kits", "medical kits"}


@lru_cache(maxsize=512)
def _item_mentions(sentence: str) -> list[tuple[int, int, str]]:
    low = sentence.lower()
    found = []
    for pattern, code, prio in _item_patterns():
        for m in pattern.finditer(low):
            c = _EXTRA_ITEMS.get(m.group(0), code) if prio in (0, 4) else code
            found.append((m.start(), m.end(), c, prio))
    found.sort(key=lambda f: (-(f[1] - f[0]) - 10 * f[3], f[0]))
    chosen: list[tuple[int, int, str]] = []
    for s, e, c, _ in found:
        if any(s < ce and cs < e for cs, ce, _ in chosen):
            continue
        if sentence.count("(", 0, s) > sentence.count(")", 0, s):
            continue  # "(a rating similar to N95)": an aside, not a second item
        chosen.append((s, e, c))
    chosen.sort()
    return [m for i, m in enumerate(chosen)  # "N95 respirator masks": one item, its grade first
            if not (i and not sentence[chosen[i - 1][1]:m[0]].strip()
                    and chosen[i - 1][2] != "other")]


_GAP = re.compile(r"^\s*(?:[\w-]+\s+){0,4}$")


@cache
def _stop_gap() -> re.Pattern[str]:
    w = vocab()["words"]
    words = sorted(map(re.escape, [*w["not_goods"], *w["units"]]), key=len, reverse=True)
    return re.compile(r"\b(?:to|and|or|in|for|from|with|by|each|" + "|".join(words) + r")\b")


def _quantity_before(clause: Clause, start: int) -> NumberMention | None:
    best = None
    for n in clause.numbers:
        if n.end <= start and _GAP.match(clause.sentence[n.end:start]):
            best = n
    if best is None or best.percent or best.currency:
        return None
    gap = clause.sentence[best.end:start].lower()
    if _stop_gap().search(gap) or any(best.end <= t.start < start
                                      for t in _all_triggers(clause.sentence)):
        return None  # "7 tonnes of masks", "Three tech giants each pledge masks"
    if _PIECES.search(gap) and clause.sentence[start:].lower().startswith(_MIXED):
        return None  # "1.2 million pieces of PPE": a count of mixed goods, not of one item
    if best.vague:
        return NumberMention(best.start, best.end, best.raw, None, vague=True)
    return best


_PIECES = re.compile(r"\b(?:pieces|items|units|articles|sets)\b")
_MIXED = ("ppe", "personal protective", "protective equipment", "medical supplies",
          "protective kits", "medical kits", "medical equipment", "supplies", "equipment")


def _paired_amounts(clause: Clause, items: list[Item]) -> list[Item]:
    """ "200,000 and 150,000 masks": the first amount is of the same goods."""
    out: list[Item] = []
    for it in items:
        q = it.quantity
        if q is not None:
            before = [n for n in clause.numbers if n.end <= q.start and not n.currency
                      and not n.percent and n.value is not None and re.fullmatch(
                          r"\s*(?:and|or|,)\s*", clause.sentence[n.end:q.start])]
            if before:
                n = before[-1]
                out.append(Item(n.start, n.end, it.code, it.label, n))
        out.append(it)
    return out


_RATE = re.compile(r"\s*(?:(?:a|per|each|every)\s+(?:day|week|month|hour|year|shift)\b|daily\b|"
                   r"weekly\b|monthly\b)")


def item_mentions(clause: Clause) -> list[tuple[int, int, str]]:
    return _item_mentions(clause.sentence)


def find_items(clause: Clause) -> list[Item]:
    """Items with the number right before them ("2 million face masks"); bare items only when
    the sentence names a donor and a recipient (a claim of unknown quantity)."""
    out = []
    for s, e, code in _item_mentions(clause.sentence):
        q = _quantity_before(clause, s)
        if q is not None and _RATE.match(clause.sentence, e):
            continue  # "can make 1 million masks a day", "2,000 tests a day": a capacity
        label = clause.sentence[s:e]
        if q is not None and q.vague:
            q = None
        out.append(Item(s, e, code, label, q))
    for prev, cur in zip(out, out[1:], strict=False):  # "60,000 suits and face shields"
        if cur.quantity is None and prev.quantity and re.fullmatch(
                r"\s*(?:and|&|as well as)\s*", clause.sentence[prev.end:cur.start]):
            cur.quantity = prev.quantity
    out = _paired_amounts(clause, out)
    with_qty = [i for i in out if i.quantity]
    if with_qty:
        return with_qty
    plural_specific = [i for i in out if i.code != "other" and i.label.endswith("s")]
    return plural_specific[:1]


# --- triggers and status ---------------------------------------------------------------------

@cache
def _triggers() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {p: status for status, phrases in vocab()["triggers"].items() for p in phrases}
    return re.compile(r"(?<![\w-])" + trie_pattern(sorted(table)) + r"(?![\w-])", re.I), table


@lru_cache(maxsize=512)
def _all_triggers(sentence: str) -> list[Trigger]:
    pattern, table = _triggers()
    return [Trigger(m.start(), m.end(), m.group(0), table[m.group(0).lower()])
            for m in pattern.finditer(sentence)
            if not (m.group(0).lower().startswith("announce") and _REPORTS.match(sentence,
                                                                                 m.end()))]


# "announced that X has received ...": reporting a donation, not making one
_REPORTS = re.compile(r"\s+(?:[\w-]+\s+){0,3}?that\b")


def trigger_in(clause: Clause, pos: int | None = None) -> Trigger | None:
    """The donation verb that governs the item at `pos`: the nearest one before it, else the
    first one after it; nouns ("donation") only when the sentence has no verb."""
    found = _all_triggers(clause.sentence)
    verbs = [t for t in found if not t.phrase.lower().startswith(("donation", "gift"))] or found
    if not verbs:
        return None
    if pos is None:
        return verbs[0]
    before = [t for t in verbs if t.start < pos]
    return before[-1] if before else verbs[0]


_FUTURE = re.compile(r"\b(will|would|shall|to be|plans? to|planning to|is set to|are set to|"
                     r"going to|intends? to|expected to|aims? to)\s+(?:\w+\s+){0,2}$", re.I)


def status_of(clause: Clause, pos: int) -> str | None:
    found = _all_triggers(clause.sentence)
    verbs = [t for t in found if not t.phrase.lower().startswith(("donation", "gift"))] or found
    if not verbs:
        return None
    before = [t for t in verbs if t.start < pos]
    t = before[-1] if before else verbs[0]  # else the nearest verb after the goods
    if t.status != "pledged" and _FUTURE.search(clause.sentence[max(0, t.start - 40):t.start]):
        return "pledged"
    return t.status


# --- shared with the donor and recipient rules ------------------------------------------------

_ORIGIN = re.compile(r"\b(?:to|in|across|for|into|from|at|(?<!city )(?<!state )(?<!province )"
                     r"(?<!prefecture )(?<!government )(?<!people )(?<!municipality )of)\s+"
                     r"(?:the\s+)?$", re.I)
RECEIVE = re.compile(r"\breceiv|\bget\b|\bgets\b|\bgot\b|\bgetting\b|delivery of\b|\bcollected\b|"
                     r"\bpresented\b|\baccepted\b|\bsigned for\b", re.I)


__all__ = ["RECEIVE", "Clause", "Item", "Trigger", "find_items", "find_names", "item_mentions",
           "status_of", "trigger_in"]
