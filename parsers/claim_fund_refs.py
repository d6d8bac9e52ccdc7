"""A fund told again by its head noun: "presented a cheque for GH¢5,000 to the Fund" after
"the COVID-19 National Trust Fund" is that fund, not a body called "Fund"."""

from __future__ import annotations

import re

from aidledger.parsers.claim_model import Claim
from aidledger.parsers.lexicon import org_country
from aidledger.parsers.names import vocab
from aidledger.parsers.records import Recipient

# a fund named by its head alone ("the Fund", "the Trust Fund", "the Relief Fund")
_BARE_FUND = re.compile(r"(?:the\s+)?(?:(?:Trust|Relief)\s+)?Fund(?:['’]s)?",
                        re.I)
_FUND_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*\s+|(?:of|for|and|&)\s+){1,8}Fund\b")


def _named(name: str) -> Recipient:
    name = re.sub(r"^(?:The|A|An|Its|This)\s+", "", name)
    short = vocab().get("org_short", {}).get(name, name)
    return Recipient(name, org_country(name) or f"org:{short}", name)


def _named_before(text: str, start: int, title: str | None) -> Recipient | None:
    """The fund named in full last before `start` (the headline before the text)."""
    found = [m.group(0) for m in _FUND_NAME.finditer(text, max(0, start - 3000), max(start, 0))]
    found = [f for f in found if not _BARE_FUND.fullmatch(f)]
    if not found and title:
        found = [m.group(0) for m in _FUND_NAME.finditer(title)
                 if not _BARE_FUND.fullmatch(m.group(0))]
    return _named(found[-1]) if found else None


def the_fund_again(claims: list[Claim], text: str, title: str | None) -> None:
    """Each taker written as "the Fund" becomes the fund the article named in full before it:
    the latest one a claim before took, else the one the text (or headline) names last."""
    fund: Recipient | None = None
    for c in claims:
        bare = [i for i, r in enumerate(c.recipients) if _BARE_FUND.fullmatch(r.org or "")]
        if bare:
            where = fund or _named_before(text, c.evidence.get("start", -1), title)
            if where is not None:
                for i in bare:
                    c.recipients[i] = where
                c.recipients = list({r.code: r for r in reversed(c.recipients)}.values())[::-1]
        named = [r for r in c.recipients if r.org and re.search(r"\bFund\b", r.org)
                 and not _BARE_FUND.fullmatch(r.org)]
        if named:
            fund = named[-1]
