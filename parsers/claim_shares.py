"""Parts of a donation: "A third will be sent to Milan" (a sentence after the claim) and
"Rs 100 crore for relief, half of which will go to the PM CARES Fund" (the same sentence).

A part is a claim of its own whose `parent` is the index of the claim it shares out; the
parent keeps only the recipients named before the part.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from aidledger.parsers.claim_model import Claim, Span, evidence
from aidledger.parsers.claim_parts import Clause, status_of
from aidledger.parsers.claim_recipients import recipients_in
from aidledger.parsers.dates import date_in
from aidledger.parsers.names import vocab
from aidledger.parsers.places import named_taker
from aidledger.parsers.prefilter import may_hold


@cache
def _any_fraction() -> re.Pattern[str]:
    return re.compile(r"\b(?:half|third|thirds|quarter|quarters)\b", re.I)


@cache
def _fractions() -> list[tuple[re.Pattern[str], float]]:
    return [(re.compile(rf"\b{re.escape(k)}\b", re.I), v)
            for k, v in sorted(vocab()["fractions"].items(), key=lambda kv: -len(kv[0]))]


_SPAN_OF_TIME = re.compile(r"[\s-]+(?:of\s+)?(?:an?\s+|the\s+)?(?:centur(?:y|ies)|decades?|years?|"
                           r"months?|weeks?|days?|hours?|minutes?|times?|dozen)\b", re.I)


def part_claims(clause: Clause, claims: list[Claim],
                published: datetime | date | None) -> list[Claim]:
    """ "A third will be sent to Milan": a share of the latest claim with a quantity."""
    head = clause.sentence[:60]
    for pattern, share in _fractions() if _any_fraction().search(head) else ():
        m = pattern.search(clause.sentence)
        if not m or m.start() > 40:
            continue
        if _SPAN_OF_TIME.match(clause.sentence, m.end()):
            return []  # "For more than a half century, ...": a length of time, no share
        parent_index = next((i for i in range(len(claims) - 1, -1, -1)
                             if claims[i].quantity and claims[i].parent is None), None)
        if parent_index is None:
            return []
        parent = claims[parent_index]
        if not _same_goods(clause.sentence[m.end():m.end() + 60], parent):
            return []  # "half of the protective outfits promised by the US": other goods
        recips, _, _ = recipients_in(clause, Span(m.start(), m.end()), [])
        if not recips:
            return []
        return [Claim(list(parent.donors), parent.item, parent.item_label,
                      round(parent.quantity * share), recips, status_of(clause, m.end()),
                      date_in(clause.sentence, published) or parent.date, evidence(clause),
                      parent=parent_index, currency=parent.currency)]
    return []


_OF_WHAT = re.compile(r"^\s+of\s+(?:the|its|their|his|her|these|those|this|that)\s+"
                      r"((?:[\w-]+\s+){0,3}?[\w-]+)\b(?:\s+(?:promised|pledged|donated|sent|"
                      r"given|offered)\s+by\s+([A-Z][\w.-]*))?")
_ANY_GOODS = {"donation", "donations", "shipment", "consignment", "supplies", "goods", "items",
              "gift", "aid", "cargo", "batch", "delivery", "total", "amount", "sum", "money",
              "funds", "fund", "pledge", "contribution", "lot", "order", "first", "second",
              "commitment", "grant", "package", "allocation", "assistance", "support", "relief"}


# a share of what the giver holds or makes, not of the gift
_OWN_STOCK = re.compile(r"^\s+of\s+(?:[\w'’.-]+\s+){0,3}?(?:reserves?|stocks?|stockpiles?|"
                        r"inventor(?:y|ies)|warehouses?|capacity|output|production)\b", re.I)


def _same_goods(after: str, parent: Claim) -> bool:
    """ "A third of the masks", "half of them", "half of the donation" share out the claim
    before; "half of the protective outfits promised by the US" names other goods."""
    if _OWN_STOCK.match(after):
        return False  # "two-thirds of Direct Relief's reserve of masks have been used"
    m = _OF_WHAT.match(after)
    if not m:
        return True  # "A third will be sent to Milan", "half of them"
    words = set(m.group(1).lower().split())
    if m.group(2) and m.group(2).lower() not in " ".join(parent.donors).lower():
        return False
    label = set(parent.item_label.lower().split())
    return bool(words & (label | _ANY_GOODS)) or any(w.rstrip("s") in parent.item for w in words)


_OF_WHICH = re.compile(
    r",?\s*(?:(?P<frac>half|a third|one third|two thirds|two-thirds|a quarter|one quarter|"
    r"three quarters)|(?P<num>\d[\d,.]*(?:\s+(?:million|thousand|lakh|crore|billion))?))\s+of\s+"
    r"(?:which|them|it|this|these|those)\b", re.I)
_WHICH_PART = re.compile(  # "Rs 50 crore, of which half will go to the PM CARES Fund"
    r",?\s*of\s+(?:which|this|that|it)\s*,?\s+(?P<frac>half|a third|one third|two thirds|"
    r"two-thirds|a quarter|one quarter|three quarters)\b", re.I)
_OF_THEM = re.compile(r"\sof\s+(?:which|them|it|this|these|those)\b", re.I)
_PCT = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
        "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75}


def inline_parts(clause: Clause, found: list[Claim], offset: int,
                 published: datetime | date | None) -> list[Claim]:
    """ "..., half of which will be sent to Loreto": a part of the sentence's last claim, with
    the recipients after it (which the whole then loses unless named before)."""
    if not found:  # no whole to take a part of: tested before the searches, as cheap
        return []
    s = clause.sentence
    m = _OF_WHICH.search(s) if _OF_THEM.search(s) else None  # (what every match holds: quick)
    if not (m and m.group("frac")):
        m = _WHICH_PART.search(s)
    if not m or not m.group("frac"):
        return []
    i = max((k for k, c in enumerate(found) if c.quantity and c.parent is None), default=None)
    if i is None:
        return []
    parent = found[i]
    recips, _, _ = recipients_in(clause, Span(m.end(), m.end()), [])
    recips = [r for r in recips if s.find(r.name, m.end()) >= 0]
    if not recips:
        return []
    parent.recipients = [r for r in parent.recipients if 0 <= s.find(r.name) < m.start()]
    return [Claim(list(parent.donors), parent.item, parent.item_label,
                  round(parent.quantity * _PCT[m.group("frac").lower()]), recips,
                  status_of(clause, m.end()), date_in(s, published) or parent.date,
                  evidence(clause), parent=offset + i, currency=parent.currency)]


_INCLUDING = re.compile(r"[,;]?\s*\b(?:including|of which|comprising)\s+(?:about\s+|some\s+|"
                        r"nearly\s+|more than\s+|over\s+)?(?:\d|one|two|three|four|five|six|"
                        r"seven|eight|nine|ten|half)", re.I)


def including_parts(clause: Clause, found: list[Claim], offset: int) -> None:
    """ "10 million masks were donated by Taiwan, including 7 million to 11 European countries,
    2 million to the U.S. and 1 million to its allies": the amounts after "including" are
    parts of the whole before it, which keeps only the recipients named before them."""
    if not found:  # no whole to have parts: tested before the search, as cheap
        return
    s = clause.sentence
    m = _INCLUDING.search(s)
    if not m:
        return
    wholes = [i for i, c in enumerate(found) if c.quantity and c.parent is None
              and _written_at(clause, c) < m.start() and c.item != "funds"]
    if not wholes:
        return
    w = wholes[-1]
    whole = found[w]
    parts = [c for c in found[w + 1:] if c.item == whole.item and c.quantity
             and c.quantity < whole.quantity and c.parent is None]
    if not parts or sum(c.quantity or 0 for c in parts) > whole.quantity * 1.15:
        return
    for c in parts:
        c.parent = offset + w
        c.donors = c.donors or list(whole.donors)
    whole.recipients = [r for r in whole.recipients if 0 <= s.find(r.name) < m.start()]


def _written_at(clause: Clause, claim: Claim) -> int:
    """Where the claim's amount is written (the first number of that value), else the end."""
    return next((n.start for n in clause.numbers if n.value == claim.quantity),
                len(clause.sentence))


# "Grant recipients include A ($250,000), B ($150,000)", "split between the hospital ($200,000)
# and the city ($100,000)": amounts in brackets after the takers share out a sum of money
_SHARED_OUT = re.compile(r"\b(?:recipients|grantees|beneficiaries)\b|\b(?:split|divided|shared|"
                         r"distributed)\s+(?:equally\s+)?(?:between|among)\b", re.I)


def bracketed_parts(clause: Clause, found: list[Claim], claims: list[Claim],
                    offset: int, published: datetime | date | None) -> list[Claim]:
    """Parts of the latest sum of money, one per taker named before its bracketed amount (a
    common noun, "the children's hospital", keeps the whole's recipients)."""
    s = clause.sentence
    if not may_hold(s, ("recipients", "grantees", "beneficiaries", "between", "among")) or (
            not _SHARED_OUT.search(s)):  # (a word every match holds, tested first)
        return []
    money = [n for n in clause.numbers if n.currency and n.value
             and re.search(r"\(\s*$", s[:n.start]) and re.match(r"\s*\)", s[n.end:])
             and re.search(r"[A-Za-z]\s*\(\s*$", s[:n.start])  # not "RMB 1 million ($140,000)"
             and not any(m.end >= n.start - 4 and m.start < n.start for m in clause.numbers
                         if m is not n)]
    pool = [(offset + i, c) for i, c in enumerate(found)] or list(enumerate(claims))
    whole = next(((i, c) for i, c in reversed(pool) if c.item == "funds" and c.quantity
                  and c.parent is None and all(c.currency == n.currency for n in money)), None)
    if not money or whole is None or sum(n.value or 0 for n in money) > whole[1].quantity * 1.15:
        return []
    index, parent = whole
    out = []
    for n in money:
        paren = s.rfind("(", 0, n.start)
        name = next((nm for nm in clause.names if nm.end <= paren
                     and not s[nm.end:paren].strip()), None)
        recips = [named_taker(name.text)] if name is not None else list(parent.recipients)
        out.append(Claim(list(parent.donors), "funds", s[n.start:n.end], n.value, recips,
                         status_of(clause, n.start), date_in(s, published) or parent.date,
                         evidence(clause), parent=index, currency=n.currency))
    return out

