"""Who takes money and when an amount is no gift at all, for money lines: a place before the
amount is often the giver's seat ("The X Foundation in Valley Forge, Pennsylvania, announced
a $1 million commitment") or a currency's "US$", not a taker, and an amount "for" goods
already named is their price ("donates PPE to Kyrgyzstan for more than $500,000"); "a crore"
with no currency after the article's rupees is rupees."""

from __future__ import annotations

import re
from dataclasses import replace

from aidledger.parsers.claim_elided import GAPPED, WITH_TAKER
from aidledger.parsers.claim_items import item_mentions
from aidledger.parsers.claim_partners import resolve_donors
from aidledger.parsers.claim_parts import Clause, _all_triggers, noun
from aidledger.parsers.claim_recipients import _funds_named as funds_named
from aidledger.parsers.claim_recipients import announced_gift
from aidledger.parsers.lexicon import find_places, org_country
from aidledger.parsers.names import vocab
from aidledger.parsers.numbers import LAKH_CURRENCIES, NumberMention, find_numbers
from aidledger.parsers.records import Recipient

_WHOLE_AFTER = re.compile(r"\bas (?:a )?part of\b[^.;]*$", re.I)  # "as part of a $100m plan"
_PRICED = re.compile(r"\b(?:for|at)\s+$", re.I)


def _taker_before(name: str) -> re.Pattern[str]:
    """A taker named before the money: after "to" or "to help", as the object of "gave"
    ("gave the WHO $1 million", "provided Chad with $1 million") or as the subject of
    "received" (", who received"), also by a demonym before its head ("Kenyan farmers received
    $1 million")."""
    at = rf"(?:the\s+)?{re.escape(name)}\b"
    return re.compile(rf"\b(?:to|towards|into|to help)\s+{at}"
                      rf"|{at}(?:,?\s+(?:who|which))?(?:\s+[a-z][\w'’-]*){{0,3}}?\s+(?:has\s+|"
                      rf"have\s+|had\s+|also\s+|will\s+)*(?:received|receives|"
                      rf"receive|got|gets|accepted)\b"  # "Namibia received donations of $5m"
                      rf"|\b(?:gave|give|gives|giving|handed|granted|awarded|offered|sent)\s+{at}"
                      rf"[^.;]*$"
                      rf"|\b(?:provid|suppl|present|furnish)\w*\s+{at}\s+with\s+(?:an?\s+)?"
                      rf"(?:additional\s+|further\s+|extra\s+|new\s+)?$", re.I)  # "provide
    # Chad with a further $2 million"


def takers(s: str, recips: list[Recipient], start: int, end: int, prev_end: int
           ) -> list[Recipient]:
    """The recipients of the money at s[start:end] that are named after it, or named before
    it (after the amount before, `prev_end`) as its taker ("made its contribution to the
    PM-CARES Fund by donating Rs 51 crore"); the whole after "as part of" keeps none of the
    part's."""
    told = announced_gift(s)
    return [r for r in recips if s.find(r.name, end) >= 0 or (
        not _WHOLE_AFTER.search(s, 0, start) and _taker_before(r.name).search(s, prev_end, start))
        or (told is not None and start > told.start() and 0 <= s.find(r.name) < told.start())]
    # ("Mercy Clinic announced a $30,000 grant from Orvo": the gift it has from Orvo)


# "to the WHO appeal", "towards the relief campaign": the money goes into it, a gift
_INTO_APPEAL = re.compile(r"\s+(?:each\s+)?(?:to|towards|into|for)\s+(?:the|a|an|its|their)?\s*"
                          r"(?:[\w'’-]+\s+){0,4}$", re.I)
_APPEALS = ("appeal", "campaign", "fundrais", "crowdfund", "gofundme")


_GIVES_PAY = re.compile(r"\b(?:donat\w*|contribut\w*|pledg\w*|give|gives|gave|giving)\b"
                        r"[^.;,]{0,40}$", re.I)


_AID_WORTH = re.compile(r"\b(?:package|aid|assistance|grant|support|funding|financing|"
                        r"another|one)\s+$", re.I)
_GOODS_AFTER_WORTH = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:of|in)\b", re.I)  # "worth
# $2m of medical supplies": the supplies' value
_CHEQUE = re.compile(r"\b(?:cheque|check|cheques|checks|cash)\s+$", re.I)


def not_gift(s: str, start: int, end: int, not_gifts: re.Pattern[str]) -> bool:
    """Words near the amount that make it no gift (a value, a target, a fundraiser); an
    appeal or campaign the money is given to ("S$1 million to the WHO appeal") is none."""
    lo = max(0, start - 40)
    for m in not_gifts.finditer(s[lo:end + 40]):
        at = lo + m.start()
        if at + len(m.group(0)) <= start and re.search(r"\d|\band\b", s[lo + m.end():start]):
            continue  # "supplies worth $1 million and a cash donation of $500,000": the first's
        if at >= end and m.group(0).lower().startswith(_APPEALS) and _INTO_APPEAL.fullmatch(
                s[end:at]):
            continue
        if m.group(0).lower() in ("worth", "valued") and _CHEQUE.search(s, max(0, at - 30), at):
            continue  # "handed over a cheque worth Rs 1 crore": the money itself
        if m.group(0).lower() == "worth" and at < start and _AID_WORTH.search(
                s, max(0, at - 30), at) and not _GOODS_AFTER_WORTH.match(s, end):
            continue  # "a relief package worth $4 million", "grant aid worth 5 million
            # dollars", "and another worth $1 million": the aid is the money (goods counted
            # in the sentence make it their value: claim_amounts)
        if at >= end and m.group(0).lower() in ("worth", "valued", "costing", "priced") and (
                re.search(r"\band\b|[,;]", s[end:at])):
            continue  # "a cheque of N35 million and sanitisers worth N1.5 million": theirs
        if m.group(0).lower().startswith("salar") and _GIVES_PAY.search(s, max(0, at - 50), at):
            continue  # "will donate one day's salary, amounting to Rs 2 crore": given pay
        return True
    return False


def priced(s: str, start: int, mentions: list[int]) -> bool:
    """The amount at `start` follows "for"/"at" after goods the sentence names: their price."""
    return bool(_PRICED.search(s, 0, start)) and any(m < start for m in mentions)


_NO_NOUN = re.compile(r"\s*(?:$|[,.;:)]|(?:to|for|each|towards|and|into|as|from|in)\b)", re.I)
_INDIAN_SCALE = re.compile(r"\b(?:lakhs?|lacs?|crores?|cr)\b", re.I)


# "patients now number over 4 lakh", "deaths crossed 1 lakh": a count of people, no money
_COUNTED_BEFORE = re.compile(r"\b(?:cases|infect\w*|deaths|dead|died|people|persons|patients|"
                             r"tests|tested|population|workers|families|beneficiaries|"
                             r"households|migrants|labourers|laborers|residents|citizens)\b"
                             r"[^.;,\d]*$", re.I)


def _earlier_currency(clause: Clause) -> str | None:
    """ "India's richest man also pledged to contribute 5 crore each to ...": the currency of
    the latest amount before this sentence that is counted in lakhs and crores; with none
    before, the first such currency the article writes anywhere, else rupees: lakhs and crores
    with no sign ("contributed 500 crores", "Name - 25 Cr") are South Asian money."""
    if not any(_INDIAN_SCALE.search(n.raw) and not n.currency for n in clause.numbers):
        return None
    if clause.start >= 0:
        before = find_numbers(clause.text[max(0, clause.start - 3000):clause.start])
        if found := next((n.currency for n in reversed(before)
                          if n.currency in LAKH_CURRENCIES), None):
            return found
    anywhere = (n.currency for n in find_numbers(clause.text) if n.currency in LAKH_CURRENCIES)
    return next(anywhere, "INR")


def inherit_currency(clause: Clause) -> list[NumberMention]:
    """ "Rs 50 lakhs to both funds and a crore to the Prime Minister's fund": an amount in
    lakhs or crores with no currency and no goods after it, after one with a currency (in the
    sentence or, for rupees and the like, before it), is money in that currency too."""
    out, cur = [], _earlier_currency(clause)
    goods = [m[0] for m in item_mentions(clause)]
    for n in clause.numbers:
        if n.currency:
            cur = n.currency
        elif (cur and n.value and not n.percent and _INDIAN_SCALE.search(n.raw)
              and not any(0 <= g - n.end <= 30 for g in goods)
              and _NO_NOUN.match(clause.sentence, n.end)  # not "1.6 lakh workers"
              and not _COUNTED_BEFORE.search(clause.sentence, max(0, n.start - 40), n.start)):
            n = replace(n, currency=cur)
        out.append(n)
    return out


# "Of the Rs 1,125 crore, ...", "Out of the donation amount, ...": what follows shares it out
_OF_WHOLE = re.compile(r"^\W*(?:[^,]{0,40},\s*)?(?:of|out of)\s+(?:the|this|that|its|their|his|"
                       r"her)\s+(?:(?:total|donation|amount|sum|pledge|contribution|funding|funds|"
                       r"grant)\b(?:\s+"
                       r"(?:of|amount))?\s*,)?", re.I)


# "The remaining Rs 2 crore will go to clinics": the rest of the latest whole sum
_REMAINING = re.compile(r"^\W*(?:the\s+)?(?:remaining|rest\s+of\s+the|balance\s+of\s+the)\s", re.I)


def whole_shared(clause: Clause, found: list, claims: list) -> None:
    """Money after "Of the Rs 1,125 crore," is a part of that earlier sum: its `parent`, its
    giver when the part names none, and where the whole went when the part says nowhere."""
    rest = _REMAINING.match(clause.sentence)
    m = rest or _OF_WHOLE.match(clause.sentence)
    parts = [c for c in found if c.item == "funds" and c.parent is None]
    if not m or not parts:
        return
    value = None
    if not rest and not m.group(0).rstrip().endswith(","):  # "Of the Rs 1,125 crore,": that sum
        value = next((n.value for n in clause.numbers if n.start == m.end() and n.currency), -1)
    whole = next((i for i in range(len(claims) - 1, -1, -1) if claims[i].item == "funds"
                  and claims[i].parent is None and value in (None, claims[i].quantity)), None)
    if whole is None:
        return
    for c in parts:
        if c.quantity and c.quantity < (claims[whole].quantity or 0):
            c.parent = whole
            c.donors = c.donors or list(claims[whole].donors)
            c.recipients = c.recipients or list(claims[whole].recipients)


_THE_AMOUNT = re.compile(r"\b(?:the|this|that)\s+(?:(?:whole|entire|total|full|same)\s+)?$", re.I)


def told_again(clause: Clause, found: list, claims: list) -> list:
    """ "A significant portion of the Rs 100 crore corpus will go to the PM-CARES Fund": an
    amount after "the" that an earlier claim of the article gave is that gift told again, no
    second one; it adds only the takers the earlier claim lacked."""
    out = []
    for c in found:
        at = clause.sentence.find(c.item_label) if c.item == "funds" and c.item_label else -1
        earlier = next((o for o in reversed(claims) if o.item == "funds" and o.parent is None
                        and o.quantity == c.quantity and o.currency == c.currency), None) if (
            at > 0 and _THE_AMOUNT.search(clause.sentence[:at])) else None
        if earlier is None:
            out.append(c)
        elif not earlier.recipients:
            earlier.recipients = list(c.recipients)
    return out


def fund_before(text: str, start: int) -> list[Recipient]:
    """The fund named last in the text before `start` as a taker (a sentence that gave nothing
    yet: "Akshay Kumar has come forward to donate to the PM-CARES fund."), else named at
    all."""
    if start <= 0:
        return []
    before = text[max(0, start - 2000):start]
    found = funds_named(Clause(text, 0, len(before), before, [], [], [], None))
    return [found[-1][2]] if found else _fund_named_last(text, start)


# a ranking of a fund's donors: "X tops the list of donors", "followed by Y and Z with Sh100
# million each", "The list also includes A (Sh50 million)", "Other donors include B"
_RANKING = re.compile(r"\b(?:tops?|topped|topping|heads?|headed|leads?|led)\s+the\s+(?:\w+\s+)?"
                      r"list\b|\blist\s+(?:of\s+(?:\w+\s+)?(?:donors|contributors)\s+)?(?:also\s+)?"
                      r"(?:includes?|included|comprises?)\b|\b(?:other|top|major|leading)\s+"
                      r"(?:donors|contributors)\s+(?:include|included|are|were)\b|\bfollowed\s+by\b",
                      re.I)
# a fund's name in full: capitalised words (also "of", "for", "and", an owner's acronym in
# brackets) before "Fund": "The Ministry of Health (MOH) Emergency Fund"
FUND_NAME = r"(?:[A-Z][\w'’-]*\s+|(?:of|for|and|&)\s+|\([A-Z][\w-]{1,12}\)\s+){1,8}Fund\b"
_FUND_TITLE = re.compile(rf"\b{FUND_NAME}")


def ranked_fund(sentence: str, text: str, start: int) -> list[Recipient]:
    """ "Safaricom tops the list of donors, having donated Sh200 million": in a ranking of
    donors, money that names no taker went to the fund named last before the sentence ("The
    Kenya Covid-19 Emergency Response Fund has raised ...")."""
    if start <= 0 or not _RANKING.search(sentence):
        return []
    return _fund_named_last(text, start)


def _fund_named_last(text: str, start: int) -> list[Recipient]:
    """The fund the text names last before `start`, however it is named there ("a page
    called the “Frontline Responders Fund”", "The Kenya Covid-19 Emergency Response Fund has
    raised")."""
    found = [m.group(0) for m in _FUND_TITLE.finditer(text, max(0, start - 3000), start)]
    found = [re.sub(r"^(?:The|A|An|Its|This)\s+", "", f) for f in found]
    found = [f for f in found if " " in f]  # "the Fund": not a name
    if not found:
        return []
    name = found[-1]
    short = vocab().get("org_short", {}).get(name, name)
    return [Recipient(name, org_country(name) or f"org:{short}", name)]


def respective(s: str, claims: list) -> None:
    """ "$1 million and $2 million to Italy and Spain respectively": the amounts named together
    pair up with the takers named together; "A and B donated $1 million and $2 million
    respectively to the Red Cross": the one taker is each amount's."""
    if "respectively" not in s.lower() or len(claims) < 2:
        return
    at = [s.find(c.item_label) for c in claims]
    group = [claims[0]]
    for i in range(1, len(claims)):
        if at[i - 1] < 0 or at[i] < 0 or not re.fullmatch(
                r"\s*(?:,|and|,\s*and)\s*", s[at[i - 1] + len(claims[i - 1].item_label):at[i]]):
            return  # only one run of amounts named together
        group.append(claims[i])
    takers_ = group[-1].recipients
    if len(takers_) == len(group) and all(not c.recipients for c in group[:-1]):
        for c, r in zip(group, takers_, strict=True):
            c.recipients = [r]
    elif len(takers_) == 1:
        for c in group[:-1]:
            c.recipients = c.recipients or list(takers_)


def own_noun(clause: Clause, start: int, end: int) -> list[str]:
    """The givers of a donation noun right before the amount ("Ram Charan declared a donation
    of Rs 70 lakh while his father gave Rs 1 crore"), when the only verb comes after it and
    belongs to the next amount."""
    nouns = [t for t in _all_triggers(clause.sentence)
             if noun(t.phrase) and start <= t.start and t.end <= end]
    return resolve_donors(clause, nouns[-1]) if nouns else []


_GAP_NAME = re.compile(r"\s*[,;]?\s*(?:and\s+)?(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|&\s+)?"
                       r"[A-Z][\w&.'’-]*){0,5}\s*")


def shared_taker(s: str, claims: list) -> None:
    """ "LG gave 5 billion won, SK 3 billion won and Lotte 2 billion won to relief groups in
    Daegu": a taker named once after a list with its verb left out is every amount's."""
    at = [s.find(c.item_label) for c in claims]
    for i in range(1, len(claims)):  # "$5 million to Kenya, with Uganda getting a further
        w = at[i] > 0 and (WITH_TAKER.search(s, 0, at[i]) or GAPPED.search(s, 0, at[i]))
        places = find_places(w.group(1)) if w and w.end() == at[i] else []  # $2 million"
        if places and not claims[i].recipients and w.start() > at[i - 1] >= 0 and (
                w.group(1) not in claims[i].donors):
            code = places[0].place.code
            claims[i].recipients = [Recipient(places[0].text, code)]
            claims[i - 1].recipients = [r for r in claims[i - 1].recipients if r.code != code]
    run = 1
    while run < len(claims) and at[run - 1] >= 0 and at[run] >= 0 and _GAP_NAME.fullmatch(
            s, at[run - 1] + len(claims[run - 1].item_label), at[run]):
        run += 1
    last = claims[run - 1] if run > 1 else None
    if last is None or not last.recipients or any(c.recipients for c in claims[:run - 1]):
        return
    for c in claims[:run - 1]:
        c.recipients = list(last.recipients)


_CONVERSION_GAP = re.compile(r"\s*,?\s*(?:or\s+|i\.e\.\s*|equivalent to\s+|equal to\s+|"
                             r"which\s+is\s+|that\s+is\s+|(?:which|that)\s+(?:comes|amounts)\s+"
                             r"to\s+)?$", re.I)  # ", which is about $210,000"
_ABOUT = ("about", "approximately", "roughly", "around", "nearly", "some", "close to")


def converted(s: str, before, n) -> bool:
    """An amount in another currency right after one ("Rs 50 million, about 800 million won",
    ", or approximately $2 million"): the first amount converted, not a second gift."""
    gap = s[before.end:n.start]
    return (before.currency != n.currency and bool(_CONVERSION_GAP.fullmatch(gap))
            and (n.approx in _ABOUT or "or" in gap.split() or "i.e." in gap
                 or "equ" in gap.lower() or re.search(r"\b(?:which|that)\b", gap) is not None))


_AS_GOODS = re.compile(r"\s+(?:in|worth of|in the form of)\s+(?:[\w-]+\s+){0,3}?(?:gear|goods|"
                       r"supplies|equipment|materials|ppe|products|food|foods|groceries|meals|"
                       r"provisions)\b"
                       r"|\s+(?:(?!(?:to|for|towards|and|or|plus|with|along|including|besides|but|"
                       r"while|which|that|as|from|by|was|were|is|are|will)\b)[a-z-]+\s+){0,2}?"
                       r"(?:gear|goods|supplies|equipment|ppe|food|groceries|in[\s-]kind)\b",
                       re.I)  # "Rs 50 cr in safety gear", "in the form of protective equipment",
# "Rs 20 million medical equipment": the goods' value, however few words stand between; so
# is money counted in food or in kind ("$2 million in food", "a $5 million in-kind gift")


def goods_value_after(sentence: str, end: int) -> bool:
    """The amount ending at `end` is what goods named right after it are worth."""
    return bool(_AS_GOODS.match(sentence, end))
