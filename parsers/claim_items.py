"""Goods named in a sentence and the number that counts them: which item code a noun is
("FFP3 masks" are respirators, "PPE kits" protective suits), and which number before it is a
count of it rather than of tonnes, pieces of mixed goods or a daily rate."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from aidledger.parsers.claim_item_words import (
    FRACTION_NEXT,
    bought_after,
    count_after,
    counts_no_gift,
    makers_after,
    other_kit,
    paired_amounts,
    share_of,
)
from aidledger.parsers.claim_other_goods import unnamed_goods
from aidledger.parsers.claim_parts import Clause, Item, _all_triggers
from aidledger.parsers.dates import MONTH_BEFORE
from aidledger.parsers.lexicon import _items, _load, fold, trie_pattern
from aidledger.parsers.names import vocab
from aidledger.parsers.numbers import NumberMention
from aidledger.parsers.prefilter import may_hold

# Mixed goods: "25,000 medical supplies", "45,500 items" count no one item, so no claim counts
# them; named alone ("donated PPE to the hospital") they still mark where goods are.
_MIXED_GOODS = ("ppe", "personal protective equipment", "protective equipment",
                "medical supplies", "protective kits", "medical kits", "medical equipment",
                "items", "medical items", "relief items", "relief supplies", "protective items",
                "medical materials", "medical goods", "medical devices")


@cache
def _item_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """One trie pattern of every alias (one pass over a sentence, not one per item type) and
    each alias's code and the priority that settles overlaps: a named other good outranks the
    alias inside it ("hygiene kits" are no test kits), mixed goods rank last."""
    types, _ = _items()
    table: dict[str, tuple[str, int]] = {a: ("other", 0) for a in _MIXED_GOODS}
    for code, aliases in _aliases().items():
        prio = 4 if code == "other" else types[code].priority
        for alias in aliases:
            if alias not in table or table[alias][1] < prio:
                table[alias] = (code, prio)
    return re.compile(r"(?<![\w-])" + trie_pattern(sorted(table)) + r"(?![\w-])"), table


@cache
def _aliases() -> dict[str, list[str]]:
    return {code: [_INNER_HYPHEN.sub(" ", fold(a)) for a in v["aliases"]]  # as the text is read
            for code, v in _load("items.toml").items()}


# "face-masks", "FFP2-grade": a hyphen inside a word group reads as a space (same length)
_INNER_HYPHEN = re.compile(r"(?<=[a-z0-9])-(?=[a-z])")


@lru_cache(maxsize=512)
def _item_mentions(sentence: str) -> list[tuple[int, int, str]]:
    low = sentence.lower()
    low = _INNER_HYPHEN.sub(" ", low) if "-" in low else low  # (no hyphen: nothing to replace)
    pattern, table = _item_pattern()
    found = [(m.start(), m.end(), *table[m.group(0)]) for m in pattern.finditer(low)]
    for m in _ELIDED_NOUN.finditer(low) if " and " in low else ():
        graded = pattern.fullmatch(f"{m.group(1)} {m.group(2)}") or pattern.fullmatch(
            m.group(2))  # "6,000 surgical and 1,500
        if graded is not None:  # N95 masks": surgical masks, the noun said once at the end
            found.append((m.start(1), m.end(1), *table[graded.group(0)]))
    found.sort(key=lambda f: (-(f[1] - f[0]) - 10 * f[3], f[0]))
    chosen: list[tuple[int, int, str]] = []
    for s, e, c, _ in found:
        if any(s < ce and cs < e for cs, ce, _ in chosen):
            continue
        if sentence.count("(", 0, s) > sentence.count(")", 0, s) and _aside(low, s):
            continue  # "(a rating similar to N95)": an aside, not a second item
        chosen.append((s, e, c))
    chosen.sort()
    out: list[tuple[int, int, str]] = []
    for i, m in enumerate(chosen):  # "N95 respirator masks": one item, its grade first
        prev = chosen[i - 1] if i else None
        if out and prev and prev[2] != "other" and (
                not sentence[prev[1]:m[0]].strip()
                or (prev[2] == "respirator" and m[2] == "face_mask"
                    and _GRADE_GAP.fullmatch(sentence, prev[1], m[0]))
                or (prev[2] == m[2] == "respirator"
                    and _GRADES_JOINED.fullmatch(sentence, prev[1], m[0]))):
            graded = "respirator" if (out[-1][2], m[2]) == ("face_mask", "respirator") else \
                out[-1][2]  # "masks KN95": the grade after its noun makes them respirators
            out[-1] = (out[-1][0], m[1], graded)  # the words as written, grade to noun
            continue
        out.append(m)
    for i, (s, e, c) in enumerate(out):
        if c != "other" and ((tool := _MAKING.match(low, e)) is not None or (
                c in _WORN and (tool := _DISPENSING.match(low, e)) is not None)):
            out[i] = (s, tool.end(), "other")  # "2 mask-making machines": machines, no masks
    return out


# goods named as what a machine, a line or a plant makes
_MAKING = re.compile(r"[\s-]+(?:(?:making|production|manufacturing|assembly|packing|testing)"
                     r"(?:[\s-]+(?:machines?|lines?|factor(?:y|ies)|plants?|units?|equipment|"
                     r"robots?|devices?))?|(?:factor(?:y|ies)|plants?|production lines?|"
                     r"fabrics?|raw materials?|materials?)\b)", re.I)


# worn goods named as what a machine hands out or treats ("mask dispensing machines", "glove
# dispensers", "mask sterilising units", "mask machines"): those machines
_WORN = frozenset({"face_mask", "respirator", "gloves", "protective_suit", "face_shield",
                   "goggles"})
_DISPENSING = re.compile(r"[\s-]+(?:(?:dispensing|vending|sterili[sz]ing|sterili[sz]ation|"
                         r"disinfecting|disinfection|decontamination|cleaning|recycling)"
                         r"[\s-]+(?:machines?|dispensers?|units?|systems?|devices?|robots?)"
                         r"|machines?|dispensers?)\b", re.I)


def _aside(low: str, pos: int) -> bool:
    """An item inside brackets is an aside when the brackets follow goods ("FFP3 masks (a
    rating similar to N95)"); after "supplies (1.8 million masks, ...)" it is the contents."""
    opening = low.rfind("(", 0, pos)
    return not re.search(r"\b(?:supplies|equipment|items|goods|materials|aid|gear|donations?|"
                         r"package|consignment|shipment)\s*$", low[:opening])


# "FFP2-grade masks", "KN95 standard medical masks": the words between a grade and its masks
# a grade before "and" another count whose goods noun serves both
_ELIDED_NOUN = re.compile(r"(?<=\d\s)(surgical|medical|cloth|disposable|n95|kn95|ffp2|ffp3|kf94|"
                          r"three-ply|3-ply)\s+(?:and|&)\s+[\d,.]+\s+(?:[\w-]+\s+){0,2}?"
                          r"(masks|respirators)\b")
_GRADE_GAP = re.compile(r"[\s-]*(?:(?!(?:and|or|as|plus|with|to|for)\b)[a-z]+[\s-]+){0,2}",
                        re.I)


# "FFP-2 and FFP-3 masks", "N95/KN95 respirators": one kind of goods named by two grades
_GRADES_JOINED = re.compile(r"\s*(?:and|or|/|&)\s*")

_GAP = re.compile(r"^\s*(?:[\w-]+(?:\.[\w-]+)*\.?\s+){0,4}$"
                  r"|^\s*(?:[\w-]+(?:\.[\w-]+)*\.?\s+){0,4}\([\w.-]{1,12}\)\s*"
                  r"(?:[\w-]+\s+){0,2}$"  # "64 Lumo QuickPlex V-3 (RUO) test kits": a product's
                  # name with its acronym; "40,000(PCR) testing kits", "surgical (3-ply) masks"
                  r"|^\s*(?:units|pieces|sets|pairs)\s+of\s+(?:[\w-]+\s+){0,5}$")  # "100,008
# units of Novel Coronavirus Nucleic Acid Diagnostic Kit"


# "300 volunteers will start sewing masks": a verb between the number and the goods makes
# it a count of something else
_CLAUSE_GAP = re.compile(r"\b(?:will|would|shall|can|could|may|might|must|is|are|was|were|has|"
                         r"have|had|been|being|start|started|began|begin)\s")
# (but "500,000 units will be N95 masks", "of which 5,000 are N95 masks", "5,000 of which are
# N95 masks": what they are)
_COPULA_GAP = re.compile(r"\s*(?:(?:units|pieces|sets|of\s+them|of\s+which|of\s+these)\s+)?"
                         r"(?:will\s+be|would\s+be|are|"
                         r"were|is|was)\s+(?:[\w-]+\s+){0,2}$")
_CLOSING_QUOTES = ("”", '"', "’")
# "40 brand new, top-of-the-range ventilators": describing words listed with a comma (not
# goods: "10,000 masks, gloves" counts the masks alone)
_COUNT_WORD = re.compile(r"\b(?:pieces|pcs|pairs|sets|units|items|boxes|packs|cartons|rolls)\b")
_LISTED_GAP = re.compile(r"^\s*(?:[a-z][\w-]*,?\s+){1,4}$")


@cache
def _stop_gap() -> re.Pattern[str]:
    w = vocab()["words"]
    words = sorted(map(re.escape, [*w["not_goods"], *w["units"]]), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:to|and|or|plus|in|for|from|with|by|each|kinds?|types?|sorts?|"
                      r"varieties|categories|models|brands|" + "|".join(words) + r")(?![\w-])")
    # (a hyphened compound is one word: "3,500 made-in-Vietnam masks" counts the masks)


def _quantity_before(clause: Clause, start: int) -> NumberMention | None:
    best, restated = None, 0
    for n in clause.numbers:  # a hyphened compound is one word ("medical-grade")
        if _DESIGNATION.search(clause.sentence, max(0, n.start - 12), n.start) or (
                FRACTION_NEXT.match(clause.sentence, n.end)) or (
                n.value is not None and n.value <= 31 and MONTH_BEFORE.search(
                    clause.sentence, max(0, n.start - 11), n.start)):
            continue  # "one million Level 3 surgical masks", "One third of the masks", "on
            # April 12 when several respirators were flown in": a date
        gap = clause.sentence[n.end:start] if n.end <= start else ""
        if gap[:1] in _CLOSING_QUOTES:
            gap = gap[1:]  # 'donating "up to 1,000" ventilators': the quoted count counts
        again = _RESTATED_IN_BRACKETS.match(gap)  # "1,000,000 (one million) masks"
        if again and any(m.value == n.value for m in clause.numbers
                         if n.end < m.start < n.end + again.end()):
            gap = gap[again.end():]
        else:
            again = None
        clause_gap = _CLAUSE_GAP.search(gap) and not _COPULA_GAP.match(gap)
        if n.end <= start and not clause_gap and (_GAP.match(
                gap[:-1] + " " if gap.endswith("-") else gap) or (
                _LISTED_GAP.match(gap) and not _COUNT_WORD.search(gap)
                and not _stop_gap().search(gap) and not _item_mentions(gap))):
            best, restated = n, again.end() if again else 0
    if best is None or best.percent or best.currency:
        return None
    gap = clause.sentence[best.end + restated:start].lower()
    if (pair := _KINDS_JOINED.fullmatch(gap)) and not _item_mentions(gap) and not _COUNTED_IN.match(
            pair.group(1)):
        gap = f" {pair.group(1)} {pair.group(2)}"  # "8,000 surgical and isolation gowns":
        # two kinds of the one goods, counted together
    if gap.lstrip().startswith("each of "):  # "10,000 each of masks and gloves": of each
        gap = gap[gap.index("each of ") + 8:]
    if _stop_gap().search(gap) or any(best.end <= t.start < start
                                      for t in _all_triggers(clause.sentence)):
        return None  # "7 tonnes of masks", "Three tech giants each pledge masks"
    if _PIECES.search(gap) and clause.sentence[start:].lower().startswith(_MIXED):
        return None  # "1.2 million pieces of PPE": a count of mixed goods, not of one item
    if _LISTED.search(gap):
        return None  # "590,000 pieces of supplies including suits, masks": of all of them
    if best.vague or _RANGE_BEFORE.search(clause.sentence, 0, best.start):
        return NumberMention(best.start, best.end, best.raw, None, vague=True)
    return share_of(clause.sentence, best)


_EACH_HOLDING = re.compile(r"\s*,?\s*each\s+(?:comprising|containing|consisting\s+of|with|"
                           r"holding|including|made\s+up\s+of)\s", re.I)
_CONTENTS_END = re.compile(r",\s+(?:and|to|for|on|in|at|from|which|who|while|as|with|plus)\b|"
                           r"[;:)]|\.(?!\d)|\s[-–—]\s")
_DESIGNATION = re.compile(r"\b(?:level|type|class|grade|category|size|model|tier)\s+$", re.I)
_COUNTED_IN = re.compile(r"(?:pieces|pcs|pairs|sets|units|items|articles|nos)$")
_KINDS_JOINED = re.compile(r"\s*([a-z][a-z-]+)\s*(?:\s(?:and|or)\s|&|/)\s*((?:[a-z][a-z-]+\s+)?)")
_RESTATED_IN_BRACKETS = re.compile(r"\s*\([^()]{1,40}\)")


# "15,000 to 20,000 masks", "500 or 600 ventilators": a range states no one quantity
_RANGE_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?(?:\s*(?:k|m|million|thousand|lakh|crore))?\s*"
                           r"(?:to|or|-|–|—)\s*$", re.I)


_LISTED = re.compile(r"\b(?:including|such as|comprising|consisting of)\b")
_PIECES = re.compile(r"\b(?:pieces|items|units|articles|sets)\b")
_MIXED = ("ppe", "personal protective", "protective equipment", "medical supplies",
          "protective kits", "medical kits", "medical equipment", "supplies", "equipment")


# Respirators (N95 and the like) are given by the thousand; a few dozen or hundred "respirators"
# without a grade are lung ventilators, as Spanish, Italian and Russian reports call them.
_FEW = 1000
_MASK_KIND = re.compile(r"\b(?:particulate|filtering|disposable|half-face|full-face|face|"
                        r"dust|powered air-purifying)\s+$", re.I)
_BREATHING = re.compile(r"\b(?:lungs?|breathing|breathe|intensive care|icu|intubat\w*|invasive|"
                        r"mechanical ventilation)\b", re.I)
_GRADE = re.compile(r"\b(?:k?n-?9[059]|ffp-?[123]|kf-?\d\d|p[23])\b", re.I)
_GRADE_WORDS = ("n9", "n-9", "ffp", "kf", "p2", "p3")  # one is in every _GRADE match
_GRADE_AFTER = re.compile(r",?\s*\(?\s*(?:(?:of|rated|certified|graded|meeting|to|at|with)\s+)?"
                          r"(?:the\s+|an?\s+)?(?:(?!(?:and|or|plus|as|while|but|including|"
                          r"includes|included|incl|such|among|like)\b)[a-z]+\s+)?"
                          r"(?:k?n-?9[059]|ffp-?[123]|kf-?\d\d)"
                          r"\b(?!\s+(?:masks?|respirators?)\b)", re.I)


# tests done, not test kits given
_PERFORMED = (r"(?:conducted|performed|carried out|done|run|ran|processed|administered|"
              r"completed|analy[sz]ed)")
_PERFORMED_BEFORE = re.compile(rf"\b(?:has|have|had|was|were|been|having)?\s*{_PERFORMED}\s+$"
                               r"|\b(?:conduct|perform|carry out|run|process|administer|do|"
                               r"conducting|performing|carrying out|running|processing)\s+$",
                               re.I)
_KITS_FOR = re.compile(r"\bkits\b(?:\s+and\s+reagents)?\s+(?:\w+\s+){0,2}?to\s+(?:perform|"
                       r"carry\s+out|conduct|run|do|process)\s+$", re.I)  # (not "capable of
# conducting up to 30,000 tests": what the kits could do, no count of them)
_PERFORMED_AFTER = re.compile(rf"\s+(?:\w+\s+){{0,2}}?(?:have|has|had)?\s*(?:been\s+|were\s+|"
                              rf"was\s+)?{_PERFORMED}\b", re.I)


_SAME_NUMBER = re.compile(r"\b(?:the same number|an? (?:identical|equal|similar) number|the same "
                          r"amount|an equal amount|as many)\s+of\s+(?:[\w-]+\s+){0,3}$", re.I)


_RATE = re.compile(r"\s*(?:(?:a|per|each|every)\s+(?:day|week|month|hour|year|shift)\b|daily\b|"
                   r"weekly\b|monthly\b)")


_RATE_BEFORE = re.compile(r"\b(?:daily|weekly|monthly|annual|yearly)\s+(?:supply|supplies|output|"
                          r"production|capacity|deliveries)\s+of\s+$"
                          r"|\b(?:enough|sufficient|reagents?|materials?|capacity)\s+"
                          r"(?:for|to\s+(?:conduct|run|perform|carry\s+out|process))\s+$", re.I)
# ("reagents to conduct 5,000 tests": what the goods can do, no count; but "kits for 1.08
# million tests" are that many test kits)


# "20,000 masks to Peru and 15,000 ones to Chile": "ones" names the goods before it
_ONES = re.compile(r"\s+(?:[a-z-]+\s+)?ones\b")


def _counted_ones(clause: Clause, items: list[Item]) -> list[Item]:
    """A count of "ones" (also "new ones", "reusable ones") is more of the counted goods
    named last before it, under their code and name, when no other count comes between."""
    if "ones" not in clause.sentence or not items:
        return items
    used = {it.quantity.start for it in items if it.quantity}
    out = list(items)
    for n in clause.numbers:
        if n.start in used or n.value is None or n.currency or n.percent or n.vague:
            continue
        m = _ONES.match(clause.sentence, n.end)
        before = [it for it in items if it.quantity and it.end <= n.start]
        if m is None or not before:
            continue
        last = before[-1]
        if any(last.end <= k.start < n.start for k in clause.numbers):
            continue  # "300 cases and 20 new ones": the ones are what was counted last
        start = n.end + len(m.group(0)) - len(m.group(0).lstrip())
        out.append(Item(start, m.end(), last.code, last.label, n))
    return sorted(out, key=lambda i: i.start)


def item_mentions(clause: Clause) -> list[tuple[int, int, str]]:
    return _item_mentions(clause.sentence)


def find_items(clause: Clause) -> list[Item]:
    """Items with the number right before them ("2 million face masks"); bare items only when
    the sentence names a donor and a recipient (a claim of unknown quantity)."""
    return [replace(it) for it in _items_of(clause.sentence, tuple(clause.numbers))]


@lru_cache(maxsize=256)  # the goods, money and list rules all ask it of the same sentence
def _items_of(sentence: str, numbers: tuple[NumberMention, ...]) -> tuple[Item, ...]:
    clause = Clause(sentence, 0, len(sentence), sentence, [], [], list(numbers), None)
    out = []
    mentions = _item_mentions(clause.sentence)
    contents = -1  # the end of "kits, each holding soap and three masks,": per kit
    for s, e, code in mentions:
        if s < contents:
            continue  # (the goods in each kit, no gift of their own)
        q = _quantity_before(clause, s) or count_after(clause, e)
        if q is not None and (_RATE.match(clause.sentence, e) or _RATE_BEFORE.search(
                clause.sentence, 0, q.start)):
            continue  # "can make 1 million masks a day", "2,000 tests a day": a capacity
        if q is not None and code == "test_kit" and clause.sentence[s:e].lower().endswith(
                "tests") and (_PERFORMED_BEFORE.search(clause.sentence, 0, q.start)
                             or _PERFORMED_AFTER.match(clause.sentence, e)) and not (
                _KITS_FOR.search(clause.sentence, max(0, q.start - 80), q.start)):
            continue  # "has conducted 12,000 tests", "20,000 tests have been performed" (but
            # "test kits to perform 6,000 tests": the kits, counted by the tests they run)
        if q is not None and counts_no_gift(clause.sentence, q, e):
            continue  # "two masks to households", "which has 2,000 ventilators", ...
        if q is not None and bought_after(clause.sentence, e):
            continue  # "as well as one million KN95 masks purchased by Luz Saude": bought
        if makers_after(clause.sentence, e):
            continue  # "three mask producing firms": makers of the goods, not goods
        label = clause.sentence[s:e]
        if code == "test_kit" and label.lower() in ("kit", "kits") and (
                other_kit(clause.sentence, s, e)):
            code = "other"  # "6,000 kits, including toothpastes", "2,000 first aid kits"
        if (each := _EACH_HOLDING.match(clause.sentence, e)) is not None:
            stop = _CONTENTS_END.search(clause.sentence, each.end())
            contents = stop.start() if stop else len(clause.sentence)
        if q is not None and q.vague:
            q = None
        out.append(Item(s, e, code, label, q))
    for prev, cur in zip(out, out[1:], strict=False):  # "60,000 suits and face shields"
        if cur.quantity is None and prev.quantity and re.fullmatch(
                r"\s*(?:and|&)\s*", clause.sentence[prev.end:cur.start]):
            cur.quantity = prev.quantity
        elif cur.quantity is None and prev.quantity and _SAME_NUMBER.search(
                clause.sentence, prev.end, cur.start):
            cur.quantity = prev.quantity  # "10,000 suits and an identical number of masks"
    out = paired_amounts(clause, _counted_ones(clause, out))
    graded = _GRADE.search(clause.sentence) if may_hold(clause.sentence, _GRADE_WORDS) else None
    for it in out:  # "1 million masks (KN95)", "masks of the N95 standard": a grade after them
        if it.code == "face_mask" and _GRADE_AFTER.match(clause.sentence, it.end):
            it.code = "respirator"
    for it in out:  # "30 respirators, 200,000 masks": breathing machines, as "respiradores"
        if it.code == "respirator" and it.label.lower() in ("respirator", "respirators") and (
                (it.quantity and it.quantity.value and it.quantity.value < _FEW)
                or _BREATHING.search(clause.sentence)) and not graded and not _MASK_KIND.search(
                clause.sentence, max(0, it.start - 25), it.start):
            it.code = "ventilator"  # (but "three particulate respirators" are masks)
    for it in out:
        if it.quantity is not None and it.label.lower() in _MIXED_GOODS:
            it.quantity = None  # "25,000 medical supplies": a count of no one item
    out = sorted(out + unnamed_goods(clause, out, mentions), key=lambda i: i.start)
    with_qty = [i for i in out if i.quantity]
    if with_qty:
        return tuple(with_qty)
    plural_specific = [i for i in out if i.code != "other" and i.label.endswith("s")]
    return tuple(plural_specific[:1])
