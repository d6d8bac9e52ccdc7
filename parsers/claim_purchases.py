"""The part of a purchase that is given away: "bought 10 million test kits, of which 5 million
would be given to the health department", "secured an order of 40 million masks and would pay
for the first 10 million itself as a donation to the state". The purchase is no donation; the
part given is one, from the buyer, of the goods bought."""

from __future__ import annotations

import re
from datetime import date, datetime

from aidledger.parsers.claim_model import Claim, Span, evidence
from aidledger.parsers.claim_partners import resolve_donors
from aidledger.parsers.claim_parts import Clause, Item, _all_triggers, status_of
from aidledger.parsers.claim_recipients import recipients_in
from aidledger.parsers.dates import date_in

# "..., of which 5 million would be given to": the number, then how it is given
_OF_WHICH = re.compile(r"(?:\bof which|\bof them|\bof these|\bof those)\s*,?\s*$", re.I)
_GIVEN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:will|would|are to|is to|are|were|have been|"
                    r"has been|was|is|to)?\s*(?:be\s+)?(?:also\s+)?(?:given|donated|gifted|"
                    r"handed over|distributed free|offered free|sent free)\b", re.I)
# "would pay for the first 10 million itself as a donation to the French state"
_PAID_PART = re.compile(r"\b(?:pay|pays|paid|paying)\s+for\s+(?:the\s+)?(?:first\s+)?$", re.I)
_AS_GIFT = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:itself\s+)?as\s+(?:a\s+)?(?:donation|gift)\b",
                      re.I)


def given_parts(clause: Clause, items: list[Item],
                published: datetime | date | None) -> list[Claim]:
    """Claims for the amounts of goods bought in this sentence that it says are given."""
    s = clause.sentence
    counted = [it for it in items if it.quantity]
    if not counted:
        return []
    used = {it.quantity.start for it in counted}
    out: list[Claim] = []
    for n in clause.numbers:
        if n.start in used or not n.value or n.currency or n.percent or n.start < counted[0].end:
            continue
        before, after = s[:n.start], s[n.end:]
        if not ((_OF_WHICH.search(before) and _GIVEN.match(after))
                or (_PAID_PART.search(before) and _AS_GIFT.match(after))):
            continue
        bought = [it for it in counted if it.end <= n.start][-1]
        if n.value >= bought.quantity.value:
            continue  # a part is less than the whole
        trig = next((t for t in _all_triggers(s) if t.start >= n.end), None) or next(
            (t for t in reversed(_all_triggers(s)) if t.end <= n.start), None)
        if trig is None:
            continue
        donors = resolve_donors(clause, trig)
        recips, _, _ = recipients_in(clause, Span(n.start, n.end), donors)
        out.append(Claim(donors, bought.code, bought.label, n.value, recips,
                         status_of(clause, n.end), date_in(s, published), evidence(clause)))
    return out
