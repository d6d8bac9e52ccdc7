"""What the words right around a goods noun say about it: a count written after it ("gowns
(230,900 pcs)", "Face masks: 5,000"), a buyer named after it ("masks purchased by X"), makers
rather than goods ("mask producing firms"), and a bare "kits" of another kind than test kits
("first aid kits", "kits, including toothpastes")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from aidledger.parsers.claim_parts import Clause, Item
from aidledger.parsers.dates import MONTH_BEFORE
from aidledger.parsers.names import vocab
from aidledger.parsers.numbers import NumberMention, parse_number

_PCS_OPEN = re.compile(r"\s*(?:\(\s*|[:–—]\s*|\s-\s+)")
_PCS_CLOSE = re.compile(r"\s*(?:(?:pcs|pieces|units|sets|pairs|nos)\.?\s*)?\)", re.I)
_LINE_END = re.compile(r"\s*(?:(?:pcs|pieces|units|sets|pairs|nos)\.?)?\s*(?:$|[,;.](?!\d)|and\b)",
                       re.I)


_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r",?\s+(?:numbering|totall?ing|amounting to|to the tune of|"
                        r"to the number of)\s+", re.I)
_UNIT = re.compile(r"\s*(?:pcs|pieces|units|sets|pairs|nos)\b\.?", re.I)


def count_after(clause: Clause, end: int) -> NumberMention | None:
    """ "gowns (230,900 pcs)", "face masks (5,000)", "Face masks: 5,000", "gowns – 300": the
    count right after the goods, in brackets or after a colon or dash, ending the entry."""
    if (told := _NUMBERING.match(clause.sentence, end)) is not None:  # "masks numbering 10,000"
        n = next((n for n in clause.numbers if told.end() in (n.start, n.num_start)), None)
        return n if n and not n.currency and not n.percent and n.value and not n.vague else None
    m = _PCS_OPEN.match(clause.sentence, end) or _SPACE.match(clause.sentence, end)
    n = next((n for n in clause.numbers if n.start == m.end()), None) if m else None
    if n is None or n.currency or n.percent or n.value is None or n.vague:
        return None
    close = (_PCS_CLOSE if "(" in m.group(0) else _LINE_END) if m.group(0).strip() else _UNIT
    # ("masks 10,000 pieces, gloves 5,000 pairs": with no sign between, the unit says so)
    if re.fullmatch(r"(?:19|20)\d\d", n.raw):
        return None  # "masks (2020)": a year
    return n if close.match(clause.sentence, n.end) else None


_BOUGHT_AFTER = re.compile(r"\s*,?\s*(?:which\s+(?:was|were)\s+|that\s+(?:was|were)\s+)?"
                           r"(?:purchased|bought|procured|ordered|imported)\s+(?:by|from)\b", re.I)
_GIVEN_AFTER = re.compile(r"\b(?:and|then|to)\s+(?:\w+\s+){0,3}?(?:donat\w*|gift\w*|give|gave|"
                          r"given|hand(?:ed)? over|distribut\w*)\b", re.I)
_GIVEN_BEFORE = re.compile(r"\b(?:sent|sends|donated|donates|gave|gives|provided|handed\s+over|"
                           r"delivered|shipped|gifted)\b", re.I)
_FIRMS_AFTER = re.compile(r"[\s-]+(?:(?:making|producing|manufacturing|production)[\s-]+)?"
                          r"(?:firms|companies|makers|manufacturers|producers|factories|plants|"
                          r"enterprises|suppliers)\b", re.I)


_OTHER_CONTENTS = re.compile(r"\s*,?\s*(?:each\s+)?(?:including|containing|consisting of|"
                             r"comprising|with|made up of)\s+(?![^.;]*\b(?:test|tests|testing|"
                             r"detection|"
                             r"diagnos\w*|pcr|swabs?|reagents?|antigen|antibody|sampl\w*)\b)"
                             r"[a-z]", re.I)


_KIT_WORD = re.compile(r"([a-z][a-z-]*)\s+$", re.I)
# words before a bare "kits" that keep them test kits ("PCR kits", "rapid kits", "20,000 kits")
_TEST_KIT_WORDS = frozenset({
    "test", "testing", "tests", "diagnostic", "diagnosis", "detection", "pcr", "rt-pcr",
    "antigen", "antibody", "rapid", "screening", "covid", "covid-19", "coronavirus", "virus",
    "nucleic", "acid", "serology", "serological", "swab", "igm", "igg", "lab", "laboratory",
    "million", "thousand", "lakh", "crore", "billion", "hundred", "more", "new", "additional",
    "extra", "further", "such", "these", "those", "the", "of", "and", "or", "donated",
    "medical", "sample", "sampling", "reagent", "dozen", "k", "m"})


def _other_kind_of_kit(sentence: str, start: int) -> bool:
    """ "2,000 first aid kits", "school kits", "family kits": a bare "kits" after a word
    naming another kind of kit are other goods, not test kits."""
    m = _KIT_WORD.search(sentence, 0, start)
    return (m is not None and m.end() == start and m.group(1).lower() not in _TEST_KIT_WORDS
            and not m.group(1)[0].isupper())  # "20,000 Sansure kits": a maker's test kits


def bought_after(sentence: str, end: int) -> bool:
    """Goods named with their buyer right after them, not given away later in the sentence."""
    m = _BOUGHT_AFTER.match(sentence, end)
    if m is not None and m.group(0).rstrip().endswith("from") and _GIVEN_BEFORE.search(
            sentence, 0, end):
        return False  # "sent 300,000 masks ordered from Chile": the giver bought, then gave
    return m is not None and not _GIVEN_AFTER.search(sentence, m.end())


def makers_after(sentence: str, end: int) -> bool:
    """ "three mask producing firms", "mask makers": makers of the goods, not goods."""
    return bool(_FIRMS_AFTER.match(sentence, end))


def other_kit(sentence: str, start: int, end: int) -> bool:
    """A bare "kits" that are no test kits: "6,000 kits, including toothpastes, shampoos",
    "2,000 first aid kits"."""
    return bool(_OTHER_CONTENTS.match(sentence, end)) or _other_kind_of_kit(sentence, start)


@cache
def _share_before() -> tuple[re.Pattern[str], dict[str, float]]:
    shares = {k.lower(): v for k, v in vocab()["fractions"].items()}
    words = "|".join(sorted(map(re.escape, shares), key=len, reverse=True))
    return re.compile(rf"\b({words})\s+of\s+(?:the|these|those)\s+$", re.I), shares


def share_of(sentence: str, q: NumberMention) -> NumberMention:
    """ "One-third of the 300,000 masks will be donated to Milan": the share is the amount
    the sentence gives, not the whole it names."""
    if q.value is None or "of" not in sentence[max(0, q.start - 30):q.start]:
        return q
    pattern, shares = _share_before()
    m = pattern.search(sentence, max(0, q.start - 30), q.start)
    if m:
        return replace(q, value=round(q.value * shares[m.group(1).lower()]))
    count = _COUNT_OF.search(sentence, max(0, q.start - 30), q.start)  # "200 of the 500
    part = parse_number(count.group(1)) if count else None  # ventilators": the 200
    return replace(q, value=part) if part and part < q.value else q


_COUNT_OF = re.compile(r"(?<![\w,.])((?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|"
                       r"ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?:\s+(?:hundred|"
                       r"thousand|million|lakh))?)\s+of\s+(?:the|these|those)\s+$", re.I)
# ("Six thousand of the 30,000 masks": a count in words with its scale)


# "One third of the masks": the number word opens a fraction, it counts nothing
FRACTION_NEXT = re.compile(r"[\s-]+(?:thirds?|quarters?|halves|fifths?|tenths?)\b", re.I)


# the verb right before a count that holds, makes or uses the goods rather than gives them
_KEPT_OR_MADE = re.compile(r"(?<!\bthe )(?<!\bit )\b(?:which|that|who|it|they|now|currently|"
                           r"already|only)\s+(?:has|have|had|owns?|holds?|possess(?:es)?)\s+$"
                           r"|\b(?:has|have|had)\s+(?:\w+\s+)?(?:manufactured|produced|built|"
                           r"assembled|exported|imported|sold|used|stockpiled)\s+$", re.I)
# "The clinic goes through 8,000 masks a day and 9,000 aprons", "uses 700 gloves
# a week": what a taker uses up
_USES_UP = re.compile(r"\b(?:gets?|getting|goes|go|going|went|burns?)\s+through\b|\b(?:uses?|"
                      r"using|consumes?|consuming)\b(?=[^.;]{0,60}\b(?:a|per|every|each)\s+(?:day|"
                      r"week|month)\b)", re.I)
_WHOLE_BEFORE_PART = re.compile(r"^(?:[\w\s]{0,40}?\bthat\s+)?of\s+the\s+$", re.I)
_PART_AFTER = re.compile(r"\s*,\s*(?:about\s+|some\s+|nearly\s+|over\s+)?\d")
_TOTAL_TO = re.compile(r"\b(?:bring|brings|bringing|brought|taking|takes|took|raising|raises|"
                       r"raised)\s+(?:the|its|their|his|her|our)\s+(?:[\w-]+\s+){0,3}?total"
                       r"(?:\s+[\w-]+){0,3}?\s+to\s+$", re.I)
_FEW_EACH = 10
_PER_HEAD = re.compile(r"\s+(?:to|for|per)\s+(?:each\s+|every\s+|all\s+)?(?:households?|homes?|"
                       r"famil(?:y|ies)|persons?|people|residents?|citizens?|individuals?|"
                       r"students?|pupils?|children|inhabitants?)\b", re.I)


def counts_no_gift(sentence: str, q: NumberMention, end: int) -> bool:
    """A count before goods (`end`: where their name ends) that counts no goods given: a few a
    household ("delivering two washable masks to households"), the whole a part is told of
    ("Of the 1 million masks, 700,000 will go to ..."), a running total ("bringing its total
    donations to 50,000 masks"), goods held or made ("which has 2,000 ventilators", "has
    manufactured 30,000 ventilators")."""
    if q.value is not None and q.value <= _FEW_EACH and _PER_HEAD.match(sentence, end):
        return True
    if _WHOLE_BEFORE_PART.match(sentence, 0, q.start) and _PART_AFTER.match(sentence, end):
        return True
    return bool(_TOTAL_TO.search(sentence, max(0, q.start - 80), q.start)
                or _KEPT_OR_MADE.search(sentence, max(0, q.start - 40), q.start)
                or _USES_UP.search(sentence, 0, q.start))


def paired_amounts(clause: Clause, items: list[Item]) -> list[Item]:
    """ "200,000 and 150,000 masks": the first amount is of the same goods."""
    out: list[Item] = []
    for it in items:
        q = it.quantity
        if q is not None:
            before = [n for n in clause.numbers if n.end <= q.start and not n.currency
                      and not n.percent and n.value is not None and re.fullmatch(
                          r"\s*(?:and|or|,)\s*", clause.sentence[n.end:q.start])
                      and not MONTH_BEFORE.search(clause.sentence, max(0, n.start - 12),
                                                  n.start)]  # "On May 4, 300 gowns"
            if before:
                n = before[-1]
                out.append(Item(n.start, n.end, it.code, it.label, n))
        out.append(it)
    return out
