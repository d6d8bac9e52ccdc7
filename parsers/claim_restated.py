"""A donation told once in round figures and once exactly in the body: "pledging to provide
more than seven million of them" and "will donate a total of 7.07 million masks" are one
claim with the exact figure (the headline's own rounding is `claim_dedupe._rounded`); and a
share told after its total ("8,000 gowns to Greece and Malta. Each country will receive 4,000
of them."), which is the total's amount per recipient, no gift of its own."""

from __future__ import annotations

import re

from aidledger.parsers.claim_givers import giver_key
from aidledger.parsers.claim_model import Claim, kept
from aidledger.parsers.numbers import find_numbers

_ROUNDING = {"more than", "over", "nearly", "almost", "around", "about", "some", "roughly",
             "approximately", "close to", "upwards of", "in excess of", "an estimated"}


def rounded_in_body(rough: Claim, exact: Claim) -> bool:
    """`rough`, stated with "more than"/"about", rounds `exact`: the same goods of the same
    giver within 15%, to the same takers (or none named on one side), the exact one unrounded."""
    if (rough.item != exact.item or not rough.quantity or not exact.quantity
            or rough.quantity == exact.quantity or rough.item == "funds"
            or rough.quantity_each is not None or exact.quantity_each is not None
            or abs(rough.quantity - exact.quantity) > 0.15 * exact.quantity):
        return False
    if {giver_key(d) for d in rough.donors} != {giver_key(d) for d in exact.donors} or (
            not rough.donors):
        return False
    ra, rb = {r.code for r in rough.recipients}, {r.code for r in exact.recipients}
    if ra and rb and ra != rb:
        return False
    return _stated(rough, approx=True) and _stated(exact, approx=False)


def _stated(claim: Claim, approx: bool) -> bool:
    """Whether the claim's number is written rounded ("more than seven million") or not."""
    found = [n for n in find_numbers(claim.evidence.get("sentence", ""))
             if n.value == claim.quantity]
    return bool(found) and all((n.approx in _ROUNDING) == approx for n in found)


# "Each country will get 4,000 of them", "Each of the two clinics gets 500": a share
_EACH_GETS = re.compile(r"^\W*(?:each|every)\s+(?:of\s+(?:the|these|those|them)\s+)?"
                        r"(?:\w+\s+)?(?:country|countries|nation|nations|state|states|city|"
                        r"cities|hospital|hospitals|province|provinces|one|recipient|recipients)?"
                        r"\s*(?:will\s+|would\s+|is\s+to\s+|shall\s+)?(?:receive|receives|get|gets|"
                        r"be\s+given|take|takes)\b", re.I)


def shares_restated(claims: list[Claim]) -> list[Claim]:
    """A claim told as each recipient's share of the claim just before it (same giver and
    goods, its amount times the whole's recipients is the whole) is that whole's
    `quantity_each`; parents re-indexed."""
    keep = []
    for i, c in enumerate(claims):
        whole = claims[i - 1] if i else None
        if whole is not None and c.quantity and whole.quantity and c.item == whole.item and (
                len(whole.recipients) > 1 and whole.quantity_each is None
                and c.quantity * len({r.code for r in whole.recipients}) == whole.quantity
                and _EACH_GETS.match(c.evidence.get("sentence", ""))
                and {giver_key(d) for d in c.donors} <= {giver_key(d) for d in whole.donors}):
            whole.quantity_each = c.quantity
            continue
        keep.append(i)
    return kept(claims, keep) if len(keep) < len(claims) else claims


# "the N95 masks" (their grade, no count of their own): the masks told before, graded
_MASK_GRADE = r"(?:K?N-?95|FFP-?[23]|KF-?9[49])\s+"
_GRADED_AGAIN = re.compile(r"\bthe\s+(?:[a-z]+\s+)?" + _MASK_GRADE + r"(?:face\s*)?masks?\b")


def graded_again(claims: list[Claim], text: str, title: str | None = None) -> None:
    """ "Orvo has given 4,200 facemasks ...", then "Orvo gave the N95 masks to its
    crews": the article's only masks are respirators. Only when one claim counts masks,
    so that "the N95 masks" can be no other. And "More FFP2 masks went to Chile ...",
    then "In these shipments, 90,000 masks": an article whose masks are all of one grade,
    never of another kind (surgical, cloth ...), counts those."""
    masks = [c for c in claims if c.item == "face_mask" and c.quantity]
    if not masks or any(c.item == "respirator" and c.quantity for c in claims):
        return
    whole = f"{title or ''}\n{text}"
    givers = {frozenset(c.donors) for c in masks}
    if len(givers) == 1 and not any(c.item == "respirator" and frozenset(c.donors) not in givers
                                    for c in claims) and any(not _COUNT_BEFORE.search(
            whole, max(0, m.start() - 30), m.start()) for m in _GRADED_MASKS.finditer(whole)) and (
            not _OTHER_MASKS.search(whole)):  # (one giver's masks, the grade told with no count
        # of its own: "FFP3 masks" another gave, or "40,000 N95 masks" bought, grade no others)
        for c in masks:
            c.item = "respirator"
        return
    c = masks[0]
    end = c.evidence.get("end", -1)
    if len(masks) == 1 and end >= 0 and _GRADED_AGAIN.search(text, end, end + 800):
        c.item = "respirator"


_GRADED_MASKS = re.compile(r"\b" + _MASK_GRADE + r"(?:[a-z]+\s+)?(?:face\s*)?masks?\b")
_OTHER_MASKS = re.compile(r"\b(?:surgical|medical|cloth|fabric|disposable|procedure|3-ply|"
                          r"three-ply|non-medical|reusable|washable|ordinary|regular|simple|"
                          r"basic|normal|civil|community|paper|cotton)(?:\s+\S+){0,3}?\s+"
                          r"(?:face\s*)?masks?\b", re.I)
_COUNT_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?(?:\s*(?:million|thousand|lakh|crore|[mk]))?\s+"
                           r"(?:[a-z]+\s+)?$", re.I)


def givers_shares_restated(claims: list[Claim]) -> list[Claim]:
    """ "A and B teamed up to give £80,000", then "A and B will give £40,000 each to
    the Trust": each giver's share of the joint gift told before is that gift (its takers
    added when it named none), no gift of its own. Only when the shares, one per giver, make up
    the whole exactly; parents re-indexed."""
    drop: set[int] = set()
    for i, whole in enumerate(claims):
        givers = {giver_key(d) for d in whole.donors}
        if len(givers) < 2 or not whole.quantity or whole.quantity % len(givers):
            continue
        share = whole.quantity // len(givers)
        parts = [j for j in range(i + 1, len(claims)) if j not in drop
                 and claims[j].item == whole.item and claims[j].quantity == share
                 and claims[j].currency == whole.currency and len(claims[j].donors) == 1
                 and giver_key(claims[j].donors[0]) in givers]
        if {giver_key(claims[j].donors[0]) for j in parts} != givers or len(parts) != len(givers):
            continue
        if not whole.recipients:
            whole.recipients = list(claims[parts[0]].recipients)
        drop |= set(parts)
    return kept(claims, [i for i in range(len(claims)) if i not in drop]) if drop else claims
