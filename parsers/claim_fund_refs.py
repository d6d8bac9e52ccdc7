"""A fund told again by its head noun: "handed a cheque for K20,000 to the Fund" after
"the COVID-19 National Trust Fund" is that fund, not a body called "Fund"."""

from __future__ import annotations

import re

from aidledger.parsers.claim_home import OTHER_COUNTRIES
from aidledger.parsers.claim_model import Claim
from aidledger.parsers.claim_money import FUND_NAME
from aidledger.parsers.lexicon import country_name, lookup_place, org_country
from aidledger.parsers.names import vocab
from aidledger.parsers.records import Recipient

# a fund named by its head alone ("the Fund", "the Trust Fund", "the Relief Fund")
_BARE_FUND = re.compile(r"(?:the\s+)?(?:(?:Trust|Relief)\s+)?Fund(?:['’]s)?",
                        re.I)
_FUND_NAME = re.compile(rf"\b{FUND_NAME}")


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


# between two gifts of one sentence: another giver's clause joined on ("... and B presented"),
# not a new sentence part of its own
_JOINED = re.compile(r"\band\b")
_APART = re.compile(r"[;:]|\b(?:but|earlier|previously|last\s+(?:week|month|year))\b", re.I)


def shared_takers(claims: list[Claim], text: str) -> None:
    """Gifts of two givers joined in one sentence share the taker only one of them names: the
    taker at the end names where both went ("A donated $100,000 and B presented a cheque for
    $5,000 to the Fund"; not after "while": "A gave $12,000, while B gave $3,000 to the Fund"
    sets the two apart), and a gift told with "also" after one that named its taker went
    there too ("A gave the Fund $40,000, and B also donated $30,000")."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        if c.at is not None and c.evidence.get("field") != "title" and c.parent is None:
            by_sentence.setdefault(c.evidence.get("start", -1), []).append(c)
    for group in by_sentence.values():
        if len(group) < 2 or all(c.recipients for c in group) or not any(
                c.recipients for c in group):
            continue
        group.sort(key=lambda c: c.at or 0)
        for i, c in enumerate(group):
            if c.recipients or not c.donors:
                continue
            later = next((d for d in group[i + 1:] if d.recipients), None)
            if later is not None and _shares(text, c, later) and _after_amount(text, later):
                c.recipients = list(later.recipients)
                continue
            before = next((d for d in reversed(group[:i]) if d.recipients), None)
            if before is not None and _shares(text, before, c) and re.search(
                    r"\balso\b", text[before.at:c.at]):
                c.recipients = list(before.recipients)


def _shares(text: str, first: Claim, second: Claim) -> bool:
    """Two gifts of different givers, the second's clause joined on to the first's."""
    between = text[first.at:second.at]
    if set(first.donors) & set(second.donors):  # one giver's goods keep their own takers
        # "A and B presented $50,000 and $100,000 respectively to the Fund": one taker
        rest = text[second.at:second.evidence.get("end", 0)]
        return first.item == second.item and bool(re.fullmatch(
            r"\S*\s+and\s+", between)) and re.search(r"\brespectively\b", rest) is not None
    return bool(first.donors and second.donors and _JOINED.search(between)) and not \
        _APART.search(between)


def _after_amount(text: str, c: Claim) -> bool:
    """The claim's taker is named after its amount (where a taker shared by both stands)."""
    start, end = c.evidence.get("start", 0), c.evidence.get("end", len(text))
    return all(text.find(r.name, start, end) in (-1, text.find(r.name, c.at, end))
               for r in c.recipients if r.name)


# an article about a fund's takings: the headline or the lead tells of the fund receiving
# ("Relief Trust Fund gets K2m more", "The Relief Fund received new gifts",
# "Relief Fund: more money in coffers", "Firms donate to virus war fund")
_TAKINGS = re.compile(
    rf"{FUND_NAME}(?:,[^,]{{1,80}},)?\s+(?:(?:has|have|had|also|today|on\s+\w+)\s+)*"
    rf"(?:gets|got|receives|received|receiving|swells|swelled|rises|rose|hits|nets|netted|"
    rf"boosted|gains|gained)\b|^\s*(?:The\s+)?{FUND_NAME}\s*:"
    r"|\b(?:donate|donates|donated|contribute|contributes|contributed|give|gives)\s+(?:\w+\s+)?"
    r"to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}fund\b")


def fund_drive(text: str, title: str | None) -> bool:
    """The article tells of donations to one fund: its headline or first sentence says so."""
    lead = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.lstrip(), maxsplit=1)[0]
    return any(_TAKINGS.search(t) for t in (title or "", lead) if t)


def to_the_drives_fund(claims: list[Claim], text: str, title: str | None) -> None:
    """Money given with no taker in an article on a fund's takings (a list of its donors: "The
    Azar Group also donated GH¢100,000") went to that fund, the one named in full last before
    it; not money the sentence sends to takers it leaves unnamed."""
    if not any(c.item == "funds" and not c.recipients for c in claims) or not fund_drive(
            text, title):
        return
    fund: Recipient | None = None
    for c in claims:
        if (c.item == "funds" and not c.recipients and c.donors and c.evidence.get("field") !=
                "title" and not OTHER_COUNTRIES.search(c.evidence.get("sentence", ""))):
            where = fund or _named_before(text, c.evidence.get("end", -1), title)
            c.recipients = [where] if where is not None else []
        named = [r for r in c.recipients if r.org and re.search(r"\bFund\b", r.org)]
        fund = named[-1] if named else fund


_MORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|a\s+second|an\s+extra)\s+"
                   r"(?:[A-Z]{0,3}\$|[£€₹₱]|[A-Z][a-z]?\.?\s?|[A-Z]{3}\s)?$", re.I)


_MORE_AT = re.compile(r"(?:another|a\s+further|an\s+additional|a\s+second|an\s+extra)\s", re.I)


def more_of_the_same(claims: list[Claim], text: str) -> None:
    """ "had pledged $1.5 million to Fiji, before committing another $10.5 million": more of
    the same giver's gift goes where the gift before it went (the latest claim of that giver
    and item, told in the same sentence or the one before)."""
    for i, c in enumerate(claims):
        if c.recipients or c.at is None or not c.donors or not (_MORE.search(
                text, max(0, c.at - 20), c.at) or _MORE_AT.match(text, c.at)):
            continue
        before = next((d for d in reversed(claims[:i]) if d.item == c.item), None)
        if (before is not None and before.recipients and set(before.donors) == set(c.donors)
                and before.at is not None and c.at - before.at < 400):
            c.recipients = list(before.recipients)


_OWN_PURPOSE = re.compile(r"\b(?:for|towards?|to|into)\s", re.I)
_ALSO_GAVE = re.compile(r"\b(?:also|too|as\s+well)\b|\bin\s+addition\s+to\b", re.I)


def money_also_given(claims: list[Claim]) -> None:
    """ "Orvo donated R1m to the health department. The Karoo Association also contributed
    R2m.": money another giver also gave, with no taker of its own, went where the money just
    before it went (the latest money claim in that sentence or the one before)."""
    for i, c in enumerate(claims):
        if c.item != "funds" or c.recipients or not c.donors or c.at is None or not \
                _ALSO_GAVE.search(c.evidence.get("sentence", "")):
            continue
        sentence, start = c.evidence.get("sentence", ""), c.evidence.get("start", 0)
        if _OWN_PURPOSE.search(sentence, max(0, c.at - start)):
            continue  # "also gave Rs 2 crore for the cause": a purpose of its own, no taker
        before = next((d for d in reversed(claims[:i]) if d.item == "funds"), None)
        if before is not None and before.recipients and before.at is not None and \
                0 < c.at - before.at < 400 and not set(before.donors) & set(c.donors):
            c.recipients = list(before.recipients)


# money "to the fund" an article never names, but whose country it tells: "Ghana's COVID-19
# fund", "the fund set up by the President to fight the disease in Ghana"
_TO_A_FUND = re.compile(r"\b(?:to|towards|into|for)\s+the\s+(?:national\s+|relief\s+|"
                        r"emergency\s+|solidarity\s+|trust\s+)?fund\b", re.I)
_FUND_OWNER = re.compile(r"\b([A-Z][\w]+(?:\s+[A-Z][\w]+)?)['’]s\s+(?:[\w-]+\s+){0,3}?(?i:fund)\b"
                         r"|\b(?i:fund)\b[^.;]{0,120}?\bin\s+([A-Z][\w]+(?:\s+[A-Z][\w]+)?)")


def _fund_country(title: str | None, text: str) -> str | None:
    """The one country the headline (else the text's first mention) gives the fund."""
    for where in (title or "", text[:1500]):
        for m in _FUND_OWNER.finditer(where):
            place = lookup_place(m.group(1) or m.group(2))
            if place is not None and place.kind == "country":
                return place.code
    return None


def unnamed_fund(claims: list[Claim], text: str, title: str | None) -> None:
    """Money given "to the fund" with no taker goes to the country whose fund the article is
    about, the giver's own included: a national fund takes the gifts of its own banks."""
    todo = [c for c in claims if c.item == "funds" and not c.recipients
            and _TO_A_FUND.search(c.evidence.get("sentence", ""))]
    if todo and (code := _fund_country(title, text)):
        for c in todo:
            c.recipients = [Recipient(country_name(code), code)]
