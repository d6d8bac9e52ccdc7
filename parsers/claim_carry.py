"""A giver the article named before, for a claim whose sentence names none.

News names the giver once (headline, first sentence) and then tells the goods without it:
"Jack Ma pledged masks for Asia." ... "24 Latin American nations will be getting 2 million
masks." A claim with recipients but no giver takes the giver of the latest claim before it
that named one (a claim is a firmer statement than a passing mention of giving); a claim
with neither stays unanchored and is dropped, so a guess never adds a claim. Not carried: onto
the giver's own country as recipient, nor into a sentence that opens on another time
("Earlier, Kenya received ..."), which tells another event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aidledger.parsers.claim_givers import country_of
from aidledger.parsers.claim_model import Claim

_ANOTHER_TIME = re.compile(r"^\W*(?:earlier|previously|before that|prior to that|last (?:week|"
                           r"month|year)|in (?:january|february|march|april|may|june|july|"
                           r"august|september|october|november|december))\b", re.I)


def latest_giver(claims: Sequence[Claim]) -> list[str]:
    return list(next((c.donors for c in reversed(claims) if c.donors), []))


def carry_giver(pending: Sequence[tuple[Claim, Sequence[str]]]) -> None:
    """Give each claim that still names recipients but no giver the giver of the latest
    claim before it (paired with it as the sentence was read)."""
    for c, donors in pending:
        if c.donors or not c.recipients or not donors:
            continue
        if _ANOTHER_TIME.match(c.evidence.get("sentence", "")):
            continue
        own = {country_of(d) for d in donors} - {None}
        if own & {r.code for r in c.recipients}:
            continue  # "Taiwan received ..." after Taiwan gave: not its own gift
        c.donors = list(donors)
