"""A claim record and the small helpers every claim rule shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from aidledger.parsers.claim_partners import resolve_donors
from aidledger.parsers.claim_parts import Clause, Trigger, _all_triggers, trigger_in
from aidledger.parsers.dates import date_in
from aidledger.parsers.names import vocab
from aidledger.parsers.prefilter import may_hold
from aidledger.parsers.records import Recipient


@dataclass
class Claim:
    donors: list[str]
    item: str
    item_label: str
    quantity: int | None
    recipients: list[Recipient]
    status: str | None
    date: str | None
    evidence: dict[str, Any]
    quantity_each: int | None = None
    currency: str | None = None
    parent: int | None = None
    warnings: list[str] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)  # {"qty": ...} when it could not be read
    told: bool = field(default=False, compare=False, repr=False)  # giver from the one before
    at: int | None = field(default=None, compare=False)  # where its count is in the text

    @property
    def from_title(self) -> bool:
        """Read from the headline: its offsets index the title, not the text."""
        return self.evidence.get("field") == "title"

    def to_json(self) -> dict[str, Any]:
        return {"kind": "claim", "donors": self.donors, "item": self.item,
                "item_label": self.item_label, "quantity": self.quantity,
                "quantity_each": self.quantity_each, "currency": self.currency,
                "recipients": [r.__dict__ for r in self.recipients], "status": self.status,
                "date": self.date, "evidence": self.evidence, "parent": self.parent,
                "block": None, "status_label": None, "status_parts": [], "raw": dict(self.raw),
                "warnings": list(self.warnings),
                "locator": ("title" if self.from_title else
                            f"char:{self.evidence['start']}-{self.evidence['end']}")}


def kept(claims: list[Claim], keep: list[int]) -> list[Claim]:
    """The claims at the indices `keep`, in order: a claim's `parent` is an index into the
    article's claims, so it follows its parent to the new index (none if the parent went)."""
    new = {old: n for n, old in enumerate(keep)}
    out = [claims[i] for i in keep]
    for c in out:
        c.parent = new.get(c.parent) if c.parent is not None else None
    return out


@dataclass
class Span:
    """Where an amount (or a word standing for one) sits; `limit` bounds its recipients."""

    start: int
    end: int
    limit: int | None = None


def evidence(clause: Clause) -> dict[str, Any]:
    if clause.start < 0:  # the headline: not in the text, so no offsets into it
        return {"sentence": clause.sentence, "start": 0, "end": 0, "field": "title"}
    return {"sentence": clause.sentence, "start": clause.start, "end": clause.end}


@cache
def _negation() -> re.Pattern[str]:
    words = sorted(map(re.escape, vocab()["words"]["negations"]), key=len, reverse=True)
    return re.compile(r"n't\b(?!\s+hesitate\b)|(?<![\w])(?<!or )(?:" + "|".join(words)
                      + r")(?![\w])(?!\s+(?:only|least|just|merely|to mention|long after|long "
                      r"before|hesitate|including|counting|less than|fewer than)\b)",
                      re.I)  # "Last but not least, X is donating", "whether or not": none


def negated(sentence: str, start: int | None = None, end: int | None = None) -> bool:
    """A negation in the sentence; given the span of a verb and its goods, only one in their
    own clause counts ("X donated 5,000 masks but has refused to send ventilators"), while a
    denial ("false", "rumour") anywhere takes the whole sentence back."""
    if start is None or end is None:
        return bool(_negation().search(sentence))
    asides = [m.span() for m in _ASIDE.finditer(sentence)]  # "X, which could not be reached,"
    if any(a <= start < b for a, b in asides):
        asides = []  # the verb itself in the aside: its own clause
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)
                if not any(a <= m.start() < b for a, b in asides)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)), len(sentence))
    return any(not any(a <= m.start() < b for a, b in asides)
               for m in _negation().finditer(sentence, left, right)) or bool(
        _DENIED.search(sentence))


_CLAUSE_BREAK = re.compile(r";|,?\s+(?:but|while|whereas|although|though)\s+"
                           r"|,\s+(?:which|where|who|whom|whose|a move that|and (?:it|they|this|"
                           r"that|he|she))\b|\s(?:despite|after)\s", re.I)  # asides of their own
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")
_DENIED = re.compile(r"\b(?:false|fake|untrue|rumou?rs?|hoax|denied|denies)\b", re.I)


@cache
def _purchase() -> re.Pattern[str]:
    words = sorted(map(re.escape, vocab()["words"]["purchases"]), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.I)


def bought(sentence: str, pos: int) -> bool:
    """ "The Czech government has bought 1.1 million respirators": a purchase, unless the
    sentence also gives them away ("bought ... and donated them")."""
    before = _purchase().search(sentence, 0, pos) or _BOUGHT_BY.search(sentence, pos) \
        or _BOUGHT_REL.match(sentence, pos) or _sale(sentence)
    if before and re.match(r"\s+by\b", sentence[before.end():]) and before.start() < pos \
            and before.group(0).lower().startswith("paid"):
        return False  # "The donations are paid for by Tencent's fund": who funds the gift
    return bool(before) and not _GIVEN_AWAY.search(sentence, before.end())


# "bought 1,255 ventilators and would donate them", "bought to donate", "free of charge"
_GIVEN_AWAY = re.compile(r"\b(?:and|then|to|which|that)\s+(?:\w+\s+){0,3}?"
                         r"(?:donat\w*|gift\w*|give|gave|"
                         r"hand(?:ed)? over|distribut\w*)\b(?:\s+(?:them|those|these|it))?"
                         r"|\bfree of charge\b|\bfor free\b|\bas a gift\b|\bfor donation\b",
                         re.I)


def _sale(sentence: str) -> re.Match[str] | None:
    """Terms of a sale in a sentence that does not also donate."""
    m = _SALE_TERMS.search(sentence) if may_hold(sentence, _SALE_WORDS) else None
    return m if m and not re.search(r"\bdonat|\bgift", sentence, re.I) else None


# "The 5,000 masks Ghana bought from Norway arrived", "the kits that the ministry ordered"
_BOUGHT_REL = re.compile(r"[\w\s-]{0,40}?\b(?:that\s+|which\s+)?(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)"
                         r"{1,4}(?:had\s+|has\s+|have\s+)?(?:bought|purchased|ordered|procured|"
                         r"imported|paid for)\b")
# a word every _SALE_TERMS match holds
_SALE_WORDS = ("cost", "discount", "reduced", "without", "contract", "paid", "commercial",
               "tender", "signed")
# terms of a sale: "under a commercial contract", "at cost", "won a tender to deliver"
_SALE_TERMS = re.compile(r"\b(?:at cost(?: price)?|(?:a|at a) discount|discounted|at a reduced "
                         r"price|without (?:taking|making) (?:a |any )?profit|"
                         r"under (?:a|the|its) (?:[\w-]+ )?contract|(?:will|would|is|was|to) be "
                         r"paid\b(?! for by)|commercial "
                         r"(?:contract|deal|terms|basis)|(?:won|awarded|secured) (?:a|the) "
                         r"(?:tender|contract)|signed (?:a|the) (?:deal|contract|agreement) to "
                         r"(?:supply|deliver|sell|provide))\b", re.I)


# "The remaining one million masks were bought by the health service": passive, after the goods
_BOUGHT_BY = re.compile(r"\b(?:were|was|been|being|are|is|be)\s+(?:\w+\s+)?(?:bought|purchased|"
                        r"ordered|procured|paid for|imported|exported|sold)\b", re.I)


# "carrying one million masks sent by the Chinese government", "handed over 500 masks donated
# by Orvo": a participle with "by" right after the goods names whose gift they are
_BY_AFTER = re.compile(r"\s+by\s+(?:the\s+)?[A-Z]")


def _participle_by(clause: Clause, pos: int) -> Trigger | None:
    if " by " not in clause.sentence:
        return None
    after = [t for t in _all_triggers(clause.sentence) if t.start > pos]
    if not after or after[0].start - pos > 80 or not _BY_AFTER.match(clause.sentence,
                                                                       after[0].end):
        return None
    t = after[0]
    gap = clause.sentence[pos:t.start]
    return t if t.phrase.endswith(("ed", "sent", "given")) and not re.search(
        r"[;:]|\b(?:and|which|that|who|was|were|is|are|has|have)\b|\bpart\s+of\b", gap) else None
    # (not "... as part of aid promised by X": the participle tells of the wider aid)


def giver(clause: Clause, pos: int, published: datetime | date | None
          ) -> tuple[list[str], str | None] | None:
    """(donors, date) of the donation verb governing `pos`; None: no verb, or it is negated."""
    trig = _participle_by(clause, pos) or trigger_in(clause, pos)
    if trig is None or negated(clause.sentence, min(trig.start, pos), max(trig.end, pos)) \
            or bought(clause.sentence, pos):
        return None
    return resolve_donors(clause, trig, pos), date_in(clause.sentence, published)
