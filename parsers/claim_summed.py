"""A whole told, then its parts with their own amounts: "Telvo pledged Sh800 million. Sh450
million goes to the hospitals fund and Sh350 million to school feeding." Each part is a claim
of its own whose `parent` is the whole's index; the whole stays a claim."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from aidledger.parsers.claim_home import OTHER_COUNTRIES
from aidledger.parsers.claim_items import find_items
from aidledger.parsers.claim_model import Claim, evidence
from aidledger.parsers.claim_parts import Clause, status_of
from aidledger.parsers.dates import date_in
from aidledger.parsers.lexicon import find_places
from aidledger.parsers.names import vocab
from aidledger.parsers.numbers import NumberMention
from aidledger.parsers.records import Recipient

# "Of this, ...", "Out of the seven devices, ...", "of which": what follows shares out the
# whole named before (its parts need not add up to it: "$4m for meals and $5m for clinics")
_LEAD = re.compile(r"^\W*(?:\w+,\s*)?(?:of|out of)\s+(?:(?:this|that|these|those)"
                   r"(?:\s+[a-z]+){0,2}|it|them|which|the\s+[^,;:]{1,60}?)\s*,"
                   r"|\b(?:of|out of)\s+which\b", re.I)
# ("Of this funding, ...", "Of these masks, ...")
# a part goes somewhere: "for clinics", "via the county fund", "at district level"
_TOWARD = re.compile(r"\b(?:to|for|towards|via|through|at|into|in)\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@cache
def _counts_other() -> re.Pattern[str]:
    """ "two hospitals", "five countries": a number counting what is no goods."""
    w = vocab()["words"]
    nouns = sorted({*w["not_goods"], *w["not_goods_nouns"]}, key=len, reverse=True)
    return re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:" + "|".join(map(re.escape, nouns)) + r")\b")


def _amounts(clause: Clause, money: bool, currency: str | None) -> list[NumberMention]:
    out = []
    for n in clause.numbers:
        if not n.value or n.percent or _YEAR.match(n.raw.strip()):
            continue
        if not n.currency and _counts_other().match(clause.sentence, n.end):
            continue  # "30,000 went to three hospitals": the hospitals counted
        if money != bool(n.currency) or (money and currency and n.currency != currency):
            continue
        out.append(n)
    return out


def _whole(claims: list[Claim], money: bool, total: int, lead: bool) -> int | None:
    """The latest whole (no part itself) of the kind whose amount the parts add up to, or,
    after a lead ("Of this,"), the latest at all that they fit in."""
    for i in range(len(claims) - 1, -1, -1):
        c = claims[i]
        if c.parent is not None or not c.quantity or (c.item == "funds") != money:
            continue
        if abs(c.quantity - total) <= c.quantity // 50 or (lead and total <= c.quantity):
            return i
        if lead:
            return None
    return None


def summed_parts(clause: Clause, before: list[Claim], found: list[Claim],
                 published: datetime | date | None) -> list[Claim]:
    """Parts of a whole stated with their own amounts, in this sentence after the whole or
    in the one after it: two or more amounts of the whole's kind that add up to it (or any
    that fit in it after "Of this,"), each going somewhere ("for", "to", "via"). Amounts the
    sentence already made claims of become parts; the others are new claims, the whole's
    goods from the whole's giver, to the places named with them, else where the whole went."""
    s = clause.sentence
    claims = before + found
    lead = _LEAD.search(s)
    out: list[Claim] = []
    for money in (True, False):
        for currency in ({n.currency for n in clause.numbers if n.currency} if money else {None}):
            out += _summed(clause, claims, len(before), money, currency, lead, published)
    return out


def _summed(clause: Clause, claims: list[Claim], first: int, money: bool,
            currency: str | None, lead: re.Match[str] | None,
            published: datetime | date | None) -> list[Claim]:
    nums = _amounts(clause, money, currency)
    here = [i for i in range(first, len(claims)) if claims[i].parent is None
            and (claims[i].item == "funds") == money]
    if lead:  # "gave $820,000 to Zambia, of which ...": the whole before the lead, else before
        at = clause.start + lead.end()
        inside = [i for i in here if claims[i].at is not None and claims[i].at < at]
        parts = [n for n in nums if n.start >= lead.end()]
        if not parts:
            return []
        whole = inside[-1] if inside else _whole(claims[:first], money,
                                                 sum(n.value for n in parts), True)
    else:
        # the whole in this sentence: its amount opens the list ("earmarked Sh900 million:
        # Sh600 million for A and Sh300 million for B")
        for k, n in enumerate(nums):
            rest = nums[k + 1:]
            if len(rest) >= 2 and sum(r.value for r in rest) == n.value:
                whole = next((i for i in here if claims[i].quantity == n.value), None)
                if whole is None:  # "The N900m gift comprises ...": told before
                    whole = _whole(claims[:first], money, n.value, False)
                if whole is not None:
                    return _parts(clause, claims, first, whole, rest, published)
        parts = nums
        if len(parts) < 2:
            return []
        whole = _whole(claims[:first], money, sum(n.value for n in parts), False)
        if whole is not None and claims[whole].evidence.get("start", -1) < clause.start - 1500:
            return []
    if whole is None or any(n.value >= (claims[whole].quantity or 0) for n in parts) or sum(
            n.value for n in parts) > (claims[whole].quantity or 0) * 51 // 50:
        return []
    return _parts(clause, claims, first, whole, parts, published)


def _parts(clause: Clause, claims: list[Claim], first: int, whole: int,
           nums: list[NumberMention], published: datetime | date | None) -> list[Claim]:
    s = clause.sentence
    parent = claims[whole]
    segments = []
    for k, n in enumerate(nums):
        limit = nums[k + 1].start if k + 1 < len(nums) else len(s)
        segment = s[n.end:limit]
        if not _TOWARD.search(segment[:80]):
            return []
        segments.append(segment)
    mine = [c for c in claims[first:] if c is not parent]
    used: set[int] = set()
    out = []
    for n, segment in zip(nums, segments, strict=True):
        codes = {p.place.code for p in find_places(segment)}
        have = next((c for c in mine if id(c) not in used and c.quantity == n.value
                     and (not codes or codes & {r.code for r in c.recipients})), None)
        if have is not None:
            used.add(id(have))
            if have.parent is None:
                have.parent = whole
            have.donors = have.donors or list(parent.donors)
            have.recipients = have.recipients or list(parent.recipients)
            continue
        if OTHER_COUNTRIES.search(segment):  # "1 million to its partners": unnamed takers
            continue
        recips = [Recipient(p.text, p.place.code) for p in find_places(segment)]
        out.append(Claim(list(parent.donors), parent.item, parent.item_label, n.value,
                         recips or list(parent.recipients),
                         status_of(clause, n.start) or parent.status,
                         date_in(s, published) or parent.date, evidence(clause),
                         parent=whole, currency=parent.currency))
    return out


# "The first 15,000 masks went to ...", "The first batch of 6,000 kits arrived": the opening
# part of goods told before
_FIRST = re.compile(r"\bthe\s+first\s+(?:(?:batch|consignment|shipment|tranche|lot|delivery)"
                    r"\s+(?:of\s+)?)?(?:(?:about|some|over|nearly|around|more\s+than)\s+)?$",
                    re.I)


def first_part(clause: Clause, before: list[Claim], found: list[Claim]) -> None:
    """An amount after "the first" ("the first batch of") is a part of the latest whole of
    the same goods told before with a larger amount: its `parent`, its giver when it names
    none."""
    s = clause.sentence
    for c in found:
        if c.parent is not None or not c.quantity or c.at is None or clause.start < 0:
            continue
        at = c.at - clause.start
        if not 0 <= at <= len(s) or not _FIRST.search(s, max(0, at - 50), at):
            continue
        whole = next((i for i in range(len(before) - 1, -1, -1) if before[i].parent is None
                      and before[i].item == c.item and (before[i].quantity or 0) > c.quantity),
                     None)
        if whole is not None:
            c.parent = whole
            c.donors = c.donors or list(before[whole].donors)


# "To date, five ventilators were installed at clinics in A and B": a part of
# goods given before, put to use where they went
_INSTALLED = re.compile(r"^\W*(?:(?:so far|already|by now|to date),?\s+)?(?:\w+\s+){1,4}?"
                        r"(?:have|has|were|was)\s+(?:already\s+)?(?:been\s+)?(?:already\s+)?"
                        r"(?:installed|set up|put into (?:use|service))\s+(?:at|in)\b", re.I)


def installed_part(clause: Clause, claims: list[Claim],
                   published: datetime | date | None) -> list[Claim]:
    """Goods counted as installed somewhere, in a sentence that gives nothing, after a gift
    of the same goods with no count or a larger one: a part of that gift, from its giver, to
    the places named (else where the gift went)."""
    if clause.start < 0 or not claims or not _INSTALLED.match(clause.sentence):
        return []
    items = [it for it in find_items(clause) if it.quantity and it.quantity.value]
    if len(items) != 1:
        return []
    it = items[0]
    n = it.quantity.value
    whole = next((i for i in range(len(claims) - 1, -1, -1) if claims[i].parent is None
                  and claims[i].item == it.code and (claims[i].quantity is None
                                                     or claims[i].quantity > n)), None)
    if whole is None or not claims[whole].donors:
        return []
    parent = claims[whole]
    codes = {}
    for p in find_places(clause.sentence[it.end:]):
        codes.setdefault(p.place.code, Recipient(p.text, p.place.code))
    return [Claim(list(parent.donors), parent.item, it.label, n,
                  list(codes.values()) or list(parent.recipients), "arrived",
                  date_in(clause.sentence, published) or parent.date, evidence(clause),
                  parent=whole, at=clause.start + it.quantity.start)]
