"""Amounts that are not "N <item>": a second amount without its noun, money, and numbers
that share out an earlier claim ("Of those, 7 million will go to Europe")."""

from __future__ import annotations

import re
from datetime import date, datetime

from aidledger.parsers.claim_described import represented
from aidledger.parsers.claim_donors import names_at
from aidledger.parsers.claim_items import find_items, item_mentions
from aidledger.parsers.claim_model import Claim, Span, evidence, giver, negated
from aidledger.parsers.claim_money import (
    converted,
    goods_value_after,
    inherit_currency,
    not_gift,
    own_noun,
    priced,
    respective,
    shared_taker,
    takers,
)
from aidledger.parsers.claim_partners import resolve_donors
from aidledger.parsers.claim_parts import Clause, Trigger, status_of, trigger_in
from aidledger.parsers.claim_recipients import recipients_in
from aidledger.parsers.dates import date_in
from aidledger.parsers.lexicon import find_places, lookup_place
from aidledger.parsers.names import possessive_free, split_coordinated
from aidledger.parsers.numbers import CURRENCY_PREFIX, parse_number
from aidledger.parsers.records import Recipient

_EACH_AFTER = re.compile(r"^\s*(?:each|apiece)\b", re.I)


_NOT_GIFTS = re.compile(r"\b(worth|valued|price|priced|cost|costing|revenue|sales|profit|"
                        r"market value|valuing|shares?|stake|fined|loss|salary|salaries|"
                        r"budget(?!\s+support)|stimulus|endowment|endowed|assets|fortune|net worth|"
                        r"turnover|funding round|valuation|fundrais\w*|crowdfund\w*|"
                        r"gofundme|campaign|target|goal|hopes? to|appeal(?:ed)?"
                        r"|(?<!an )(?<!the )(?:aims?|aiming) to(?!\s+(?:contribute|donate|give))"
                        # not "donated $1m with an aim to help"; "aims to contribute Rs 5 crore
                        # to the fund" is a pledge, "aims to raise" a target
                        r"|value of|help(?:ed)? raise|raised? a total"
                        r"|from (?:more than |over |about )?[\d,]+ (?:donors|people|residents))"
                        r"\b", re.I)


_IN_CASH = re.compile(r"\s+(?:in|of)\s+(?:cash|money)\b", re.I)
_APPROVED = re.compile(r"\b(?:approved|approves|approving)\b", re.I)
_AS_GRANT = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:\s+(?:[\w-]+\s+){0,2}?(?:grants?|aid|"
                       r"assistance)\b|\s+in\s+(?:[\w-]+\s+){0,2}?(?:funds|funding|grants?|aid|assistance)\b)",
                       re.I)
_GRANT_BEFORE = re.compile(r"\bgrants?\s+(?:of|worth|amounting to)\s+(?:about\s+|over\s+|"
                           r"nearly\s+|up to\s+)?$", re.I)
_WORTH_BEFORE = re.compile(r"\bworth\s+(?:about\s+|around\s+|over\s+|nearly\s+|some\s+|"
                           r"more than\s+|up to\s+)?$", re.I)
_AND_GOODS = re.compile(r"\b(?:and|as well as|plus)\s+(?:another\s+|some\s+)?\d[\d,.]*"
                        r"(?:\s+(?:million|thousand|lakh|crore|billion))?\s+"
                        r"(?!(?:more\s+)?(?:to|for)\b)[a-zA-Z]")
_COLLECTING = {"raised", "raises", "collected", "collects", "raising", "collecting"}
_VALUE_OF_GOODS = re.compile(r"\s+(?:(?:humanitarian|aid|relief|assistance|medical|emergency)\s+)*"
                             r"(?:aid|assistance|donation|package|shipment|consignment|gift)\b"
                             r"|\s+(?:in|of|worth of)\s+(?:[\w-]+\s+){0,3}?(?:goods|supplies|"
                             r"equipment|products|"
                             r"materials|ppe|aid)\b",
                             re.I)
_TAKINGS = re.compile(r"\b(?:received|receives|collected|gathered)\s+(?:[\w-]+\s+){0,4}?"
                      r"donations\s+(?:of|amounting to|totall?ing|worth)\s+(?:about\s+|over\s+|"
                      r"nearly\s+|more than\s+|some\s+)?$", re.I)
_IN_DONATIONS = re.compile(r"\s+in\s+(?:donations|contributions|pledges)\b", re.I)
_IN_GOODS = re.compile(r"\s+(?:in|of|worth of)\s+(?:[\w-]+\s+){0,3}?(?:goods|supplies|equipment|"
                       r"materials|ppe|products)\b",
                       re.I)  # "$10 million in critically needed PPE supplies": their value
_TO_RAISE = re.compile(r"\b(?:to|will|would|plans? to|seeks? to|hopes? to)\s+raise\s+"
                       r"(?:about\s+|over\s+|nearly\s+|more than\s+|up to\s+|at least\s+)?$", re.I)
_RAISED_BY = re.compile(r"\s+(?:raised|collected)\s+(?:by|from|through|during|at|in)\b", re.I)
_COLLECTED_BY = re.compile(r"\s+(?:raised|collected)\s+by\s+(?:the\s+)?", re.I)
_GOODS_TOTAL = re.compile(r"\b(?:totall?ing|amounting to|valued at)\s+(?:(?:an?|the)\s+"
                          r"(?:estimated\s+)?(?:total|investment|value|sum|amount)\s+of\s+)?"
                          r"(?:about\s+|over\s+|"
                          r"nearly\s+|some\s+|more than\s+)?$", re.I)  # after goods: their value
_CASH = re.compile(r"\b(?:cash|money|funds|cheques?|checks?|grants?)\b", re.I)
_GIVEN_RIGHT_BEFORE = re.compile(r"\b(?:donated|donates|donating|gave|gives|giving|contributed|"
                                 r"contributes|handed over|presented|pledged|committed|sent)\s+"
                                 r"(?:(?:a|an|the|another|some|over|about|nearly)\s+)?"
                                 r"(?:(?:donation|cheque|check|contribution|sum)\s+of\s+)?$",
                                 re.I)  # "presented a cheque of Rs 3 million that a union gathered"
_RESTATED = re.compile(r"^\W*(?:of|out of)\s+(?:the|this|that|its|their)\s+"
                       r"(?:total\s+(?:of\s+)?)?$"
                       r"|\d(?:\s*(?:million|billion|thousand|lakh|crore|[mbk]n?))?\s+(?:of|out\s+of)"
                       r"\s+(?:the|this|that|its|their)\s+(?:total\s+(?:of\s+)?)?$"  # "$200,000
                       # of the $900,000": the whole told before
                       r"|\b(?:reach(?:es|ed)?|hits?|top(?:s|ped)?|cross(?:es|ed)?|surpass(?:es|ed)?"
                       r"|stands? at|swell(?:s|ed)? to|ris(?:es|en)? to|rose to|climb(?:s|ed)? to"
                       r"|\bthe\s+(?:[\w-]+\s+)?total\b[^.;]{0,60}?\bto"
                       r"|\b(?:donations|contributions|pledges)\s+(?:[\w-]+\s+){0,3}?(?:come|came|"
                       r"comes|amount|amounts|amounted|add\s+up|adds\s+up|added\s+up)\s+to"
                       r"(?:\s+a\s+total\s+of)?"  # "so far the pledges came to a total of"
                       r"|\bbring(?:s|ing)?\s+(?:its|their|his|her|[A-Z][\w.-]*['’]s?)\s+total\s+"
                       r"(?!pledge|commitment)[^.;]{0,60}?\bto)"  # "brings Norway's total aid to"
                       r"\s+(?:about\s+|over\s+|nearly\s+|more than\s+)?$",
                       re.I)  # "Of the total Ksh1.2bn ...", "donations reach N15.3bn": a tally
_PER = re.compile(r"\s*(?:per|a|each|every)\s+(?:month|week|day|year|user|transaction|"
                  r"payment|order|customer|ticket|unit|employee)\b|\s*for\s+(?:every|each)\b",
                  re.I)
_FOR_EVERY = re.compile(r"^\W*(?:for|on)\s+(?:every|each)\b", re.I)
_OWN_VERB = re.compile(r"^(?:['’]s\s+(?:commitment|contribution|donation|pledge|share)\s+"
                       r"(?:is|was|of|will be)\s+|\s+(?:will|would|has|have|had)\s+(?:also\s+)?"
                       r"(?:donate|contribute|give|pledge|make (?:a )?contribution of|donated|"
                       r"contributed|given|pledged|committed|added|put up)\s+"
                       r"(?:up to\s+|another\s+|a further\s+)?"
                       r"|,?\s+(?:(?:which|who)\s+(?:has\s+|have\s+|had\s+)?)?(?:also\s+)?"
                       r"(?:donated|contributed|gave|pledged|committed|added|given|"
                       r"offered|put up|chipped in(?: with)?)\s+(?:up to\s+|another\s+|"
                       r"a further\s+)?)$")


# the verb left out: "X gave Sh200 million, Y Sh100 million and Z Sh50 million"
_GAPPED = re.compile(r"(?:^|[,;]|\band\b)\s*(?:and\s+|while\s+|whereas\s+)?(?:the\s+)?"
                     r"([A-Z][\w&.'’-]*(?:\s+(?:of\s+|&\s+|[–—]\s+)?[A-Z][\w&.'’-]*){0,5})\s*$")
# (a company's branch after a dash is its name: "Lantern Brewery – Hue Co.Ltd")


_TRAILING_AMOUNT = re.compile(r"\s+(?:[A-Za-z$€£₹₦]{0,4}\.?\d[\w.,]*|Rs\.?|K?[Ss]hs?\.?|Tk\.?|RM|"
                              r"Rp\.?|[A-Z]{3})$")  # "Equity Bank Sh50", "Tata Sons Rs"


def gapped_giver(s: str, start: int, end: int, before: list[str]) -> str | None:
    """The name of a clause whose verb is left out ("..., KCB Sh100 million", "..., and the
    Jack Ma Foundation another RMB 40 million"); a place only after a place gave ("Qatar
    pledged $10 million to the WHO, Kuwait $40 million")."""
    gap = _GAPPED.search(s[start:end])
    if not gap:
        return None
    head = s[start:start + gap.start()]
    if gap.start() and not re.fullmatch(
            r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:to|for|towards)\s+[^,;]*)?", head):
        return None  # only where the amount before went (or its conversion in brackets,
        # "worth 9 billion VND (390,000 USD), Quay Group 3 billion VND") may stand between
    name = gap.group(1)
    if lookup_place(name) and not all(lookup_place(d) for d in before or ["-"]):
        return None
    return name


_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")
_BY_WORD = re.compile(r"\bby\b")


def _gapped_agent(clause: Clause, before, n) -> str | None:
    """The giver after "by" right after an amount whose clause leaves its verb out, when the
    amount before had its own "by" too: "$2 million was given by A and $1 million by B"."""
    s = clause.sentence
    m = _BY_AGENT.match(s, n.end)
    by = list(_BY_WORD.finditer(s, before.end, n.start))
    if not m or not by:
        return None
    tail = s[by[-1].end():n.start]  # after the amount before's giver: only a joint
    if re.search(r"\b(?:is|was|were|are|be|been|being|will|would|has|have|had)\b", tail) or \
            not re.search(r"(?:,|\band\b|\bwhile\b)\s+(?:the\s+)?(?:remaining\s+|other\s+|"
                          r"rest\s+|balance\s+|another\s+)?$", tail):
        return None
    name = next((nm for nm in clause.names if nm.start == m.end() and nm.kind != "place"), None)
    return possessive_free(name.text) if name else None


def _own_givers(clause: Clause, start: int, end: int, before: list[str] | None = None
                ) -> list[str]:
    """The giver named between the amount before and this one, as the subject of its own
    verb or commitment ("Wipro's commitment is Rs 100 crore, Wipro Enterprises will donate
    Rs 25 crore"), or as "contributions from X for R1.5-billion, Y for R1-billion"."""
    s = clause.sentence
    if start and (gap := gapped_giver(s, start, end, before or [])):
        return [gap]  # "Safaricom donated Sh200 million, KCB Sh100 million and ..."
    if not start:  # the first amount: only the names after the verb's "from"
        frm = re.search(r"\bfrom\s+", s[:end])
        start = frm.end() if frm else end
    names = [nm for nm in clause.names if start <= nm.start and nm.end <= end
             and nm.kind != "place" and not represented(clause, s[:end], nm)]
    if not names:
        return []
    last = names[-1]
    if _OWN_VERB.match(re.sub(r"^['’]s\b", "'s", s[last.end:end])) or (
            last.text.endswith(("'s", "’s")) and _OWN_VERB.match("'s" + s[last.end:end])):
        return split_coordinated(re.sub(r"['’]s$", "", last.text))  # "A and B donated"
    if re.fullmatch(r"\s+for\s+", s[last.end:end]):  # "..., Y along with A, B and C for"
        return list(dict.fromkeys(p for nm in names for p in split_coordinated(
            re.sub(r"['’]s$", "", nm.text))))
    return []


_DONOR_LIST = re.compile(r"\b(?:list|donors|contributors|givers)\b", re.I)


_AMOUNT_NAME = re.compile(r"^\W*([A-Za-z$€£₹₦]{0,4}\.?)\s?\d")


def _amount_name(name: str) -> bool:
    """ "Ksh1", "KES200m": an amount read as a name, its letters a currency's (not "U2")."""
    m = _AMOUNT_NAME.match(name)
    return m is not None and (not m.group(1) or m.group(1).lower() in CURRENCY_PREFIX)


_FROM_AFTER = re.compile(r"\s+from\s+(?:the\s+)?(?=[A-Z])")
_FROM_AFTER_ANY = re.compile(r"(?:[\d.,]+\s*(?:m|bn|million|billion|k)?)\s+from\s+(?:the\s+)?"
                             r"[A-Z]")


def _listed(clause: Clause, start: int) -> str | None:
    """ "The list includes Absa Bank (Sh50 million), Devki Group (Sh20 million)": an amount in
    brackets right after a name is that giver's (after another amount, it is a conversion)."""
    m = re.search(r"\(\s*$", clause.sentence[:start])
    if not m:
        return None
    names = [nm for nm in clause.names if nm.kind != "place" and nm.end <= m.start()
             and re.fullmatch(r"\s*(?:bank|group|plc|ltd|limited|foundation)?\s*",
                              clause.sentence[nm.end:m.start()])]  # "Absa bank (Sh50m)"
    return possessive_free(clause.sentence[names[-1].start:m.start()].strip()) if names else None


def funds_claims(clause: Clause, published: datetime | date | None) -> list[Claim]:
    """Money given: each amount gets the giver of the verb before it ("VW gave EUR 40m to X,
    while Tesco donated GBP 30m to Y") and the recipients up to the next amount."""
    s = clause.sentence
    money = [n for n in inherit_currency(clause) if n.currency and n.value
             and (s.count("(", 0, n.start) <= s.count(")", 0, n.start)  # not "(USD 14.26m)"
                  or _listed(clause, n.start) is not None)]
    money = [n for i, n in enumerate(money) if not (i and converted(s, money[i - 1], n))]
    out: list[Claim] = []
    lenders: set[str] = set()
    goods = any(it.quantity for it in find_items(clause))
    mentions = [m[0] for m in item_mentions(clause)]
    for i, n in enumerate(money):
        if not_gift(s, n.start, n.end, _NOT_GIFTS) or goods and _WORTH_BEFORE.search(
                s, max(0, n.start - 12), n.start):
            continue  # "aid worth $1 million, including 5,000 masks": the goods' value
        if priced(s, n.start, mentions):
            continue  # "donates PPE to Kyrgyzstan for more than $500,000": the goods' price
        trig = trigger_in(clause, n.start)
        if trig is not None and trig.phrase.lower() in _COLLECTING and not re.match(
                r"\s+(?:that|it|its\s+\w+|the\s+\w+|their\s+\w+)\s+to\b", s[trig.end:]) and not (
                trig.start > n.end and own_noun(clause, money[i - 1].end if i else 0, n.start)):
            continue  # money raised or collected is the giver's to give, not yet given
        if _TO_RAISE.search(s, max(0, n.start - 40), n.start) or _RAISED_BY.match(s, n.end) and (
                not _GIVEN_RIGHT_BEFORE.search(s, max(0, n.start - 40), n.start)):
            continue  # "partnered a charity to raise Rs 1 crore", "$6 million raised by a
            # comedy show": money collected from many, not yet given ("donated $1 million
            # raised from its staff" is given)
        if n.value < 100 and re.search(r"\d\.\d", n.raw) and not re.search(r"\d\s*[a-zA-Z]", n.raw):
            continue  # "A further $3.4 was handed over by X and $1.25 by Y": a figure
            # lacking its scale word (or a price in cents), no gift
        lent = _LOAN_BEFORE.search(s, 0, n.start)
        if lent or _LOAN.match(s, n.end):
            lenders |= {nm.text for nm in clause.names
                        if lent and nm.end <= lent.start() and not s[nm.end:lent.start()].strip()}
            continue  # "a $500 million loan to Pakistan": lent, not given ("X gave Rs 10
            # crore and Y lent Rs 5 crore to the fund": Y is no taker of X's money)
        if (_VALUE_OF_GOODS.match(s, n.end) and (goods or _IN_GOODS.match(s, n.end)) or (
                goods_value_after(s, n.end))) and not _IN_CASH.match(s, n.end):
            continue  # "as part of a $5.6 million humanitarian donation": the goods' value
            # ("N2 billion in cash and relief goods": the cash itself)
        took = _TAKINGS.search(s[:n.start]) or (_IN_DONATIONS.match(s, n.end) and re.search(
            r"\b(?:received|receives|collected|gathered)\s+$", s[:n.start]))
        if took and not re.search(r"\b(?:from|by)\s+(?:the\s+)?[A-Z]", s[n.end:]):
            continue  # "had received donations of over 10 million yuan": many givers' sum
        if goods and re.match(r"totall?ing\b", s[n.start:n.end], re.I):
            continue  # "900 bottles of hand sanitiser totalling $40,000": the goods' value
        if mentions and mentions[0] < n.start and (
                total := _GOODS_TOTAL.search(s, 0, n.start)) and mentions[0] < total.start() and (
                not _CASH.search(s, mentions[0], total.start())):
            continue  # "such as gloves, gowns and masks, totaling an investment of $250,000"
        if _RESTATED.search(s[:n.start]) or _PER.match(s, n.end) or _FOR_EVERY.match(s):
            continue  # "Of the Rs 1,125 crore, ...", "Rs 10 for every user": no new gift
        found = giver(clause, n.start, published)
        if found is None and trig is None and (ok := _APPROVED.search(s, 0, n.start)) and (
                _AS_GRANT.match(s, n.end) or _GRANT_BEFORE.search(s, ok.end(), n.start)) and (
                not negated(s)):  # "the bank approved a $20 million grant", "approved $2
            found = (resolve_donors(clause, Trigger(ok.start(), ok.end(), ok.group(0),  # billion
                                                    "donated"), n.start),  # in emergency
                     date_in(s, published))  # funds": approved as a grant (not a bare
            # "approved $12 million for X's response", which may be lent)
        if found is not None and trig is not None and trig.start > n.end and (
                own := own_noun(clause, money[i - 1].end if i else 0, n.start)):
            found = (own, found[1])  # "X declared a donation of Rs 70 lakh while Y gave ..."
        listed = _listed(clause, n.start)
        if found is None and listed and _DONOR_LIST.search(s) and not negated(s):
            found = ([listed], date_in(s, published))  # "The list of donors includes X (N)"
        if found is None:
            continue
        donors, when = found
        if (by := _COLLECTED_BY.match(s, n.end)) and (collector := names_at(
                clause, by.end(), countries=True)):
            donors = collector  # "presented a cheque of Rs 3 million collected by the
            # Orvo Traders Association": the body that gathered it gives it; who hands it over
            # only delivers
        prev_end = money[i - 1].end if i else 0
        donors = [listed] if listed else _own_givers(
            clause, prev_end, n.start, out[-1].donors if out else donors) or donors
        donors = [d for d in donors if not _amount_name(d)]
        if i and (agent := _gapped_agent(clause, money[i - 1], n)):
            donors = [agent]  # "Rs 600 crore will be provided by A and the remaining Rs
            # 300 crore by B": the verb left out, each amount's "by" names its own giver
        if (frm := _FROM_AFTER.match(s, n.end)) and len(_FROM_AFTER_ANY.findall(s)) > 1 and (
                named := names_at(clause, frm.end(), countries=True)):
            donors = named  # "$70m from Tarnia ...; $25m from Norway to the WHO": a
            # list of gifts, each amount's "from" its own giver
        if not donors and (owner := _OWNERS_PLEDGE.search(s, prev_end, n.start)):
            donors = [owner.group(1)]  # "in line with Seoul's pledge to provide US$21 million"
        limit = money[i + 1].start if i + 1 < len(money) else (len(s) if i else None)
        if ranked := _FOLLOWED.search(s, n.end, limit or len(s)):
            limit = ranked.start()  # "N each, followed by X and Y with ...": the next givers
        elif said := _SAID_AND.search(s, n.end, limit or len(s)):
            limit = said.start()  # "pledged $100 million and said it has sent masks to 15
            # countries": the places of the next clause are its goods' takers
        goods = [m.start() for m in _AND_GOODS.finditer(s, n.end, limit or len(s))]
        shared = goods and not re.search(r"\b(?:to|for|towards|into)\b", s[n.end:goods[0]])
        if goods and not shared:  # "30 billion won to relief groups and 20,000 suits to
            limit = goods[0]  # hospitals in Daegu"; "$50,000 and 2,000 masks to X": both X's
        recips, each_of, _ = recipients_in(clause, Span(n.start, n.end, limit), donors)
        recips = takers(s, recips, n.start, n.end, prev_end)
        qty, each = n.value, None
        if each_of and _TO_EACH_OF.match(s, n.end):  # "$100,000 to each of the 10 hospitals"
            qty, each = n.value * each_of, n.value
        elif _EACH_AFTER.match(s[n.end:]) and len(donors) < 2 and (count := max(  # "each to
                len(recips), _each_takers(clause, n.end, limit))) > 1:  # A, B and C" (also two
            qty, each = n.value * count, n.value  # of one country), "Rs 5 crore each to the
            # funds of Maharashtra and Gujarat", "$1 million each to three hospitals"; after
            # givers ("A and B gave $1m each to X and Y") it is each giver's (claim_goods)
        elif _BOTH.match(s, n.end):  # "Rs 50 lakh to both the Andhra Pradesh and Telangana
            qty, each = n.value * 2, n.value  # Chief Ministers' relief funds": once to each
        out.append(Claim(donors, "funds", s[n.start:n.end], qty, recips,
                         status_of(clause, n.start), when, evidence(clause),
                         quantity_each=each, currency=n.currency,
                         at=clause.start + n.start if clause.start >= 0 else None))
    respective(s, out)
    givers = {d for c in out for d in c.donors} | lenders
    for c in out:  # "from X for R1.5bn, the Y Foundation, ... for R1bn": Y gives, not receives
        c.recipients = [r for r in c.recipients if not set(split_coordinated(
            _TRAILING_AMOUNT.sub("", r.name))) <= givers]  # "Equity Bank Sh50": the name
    shared_taker(s, out)
    return out


_EACH_COUNT = re.compile(r"\s*(?:each|apiece)\s+(?:to|for)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(\w+)\s+(?:[\w-]+\s+)?[a-z]+s\b", re.I)


def _each_takers(clause: Clause, end: int, limit: int | None) -> int:
    """How many takers an amount "each" goes to: a count word ("each to three hospitals"),
    else the places or bodies named after it joined by "and"."""
    s = clause.sentence
    if (m := _EACH_COUNT.match(s, end)) and (k := parse_number(m.group(1))) and k < 1000:
        return k
    span = s[end:limit or len(s)]
    if not re.search(r"\band\b|&", span):
        return 0
    places = find_places(span)
    bodies = [nm for nm in clause.names if end <= nm.start < (limit or len(s))
              and nm.kind in ("foundation", "organisation") and lookup_place(nm.text) is None]
    return max(len(places), len(bodies))


_LOAN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:loans?|credit line|line of credit)\b"
                   r"|\s+in\s+(?:[\w-]+\s+)?(?:loans?|credit)\b", re.I)
_LOAN_BEFORE = re.compile(r"\b(?:loans?|lend|lends|lending|lent)\s+(?:of\s+)?"
                          r"(?:about\s+|over\s+|nearly\s+|up to\s+)?$", re.I)
_OWNERS_PLEDGE = re.compile(r"\b([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s?\s+(?:[\w-]+\s+)?"
                            r"(?:pledge|donation|contribution|commitment|gift|grant|offer)\b"
                            r"[^.;]*$")
_SAID_AND = re.compile(r",?\s+and\s+(?:said|says|added|announced)\b", re.I)
_FOLLOWED = re.compile(r",?\s+(?:closely\s+)?(?:followed|trailed)\s+by\b", re.I)
_TO_EACH_OF = re.compile(r"\s+(?:each\s+)?to\s+each\s+of\b", re.I)
_BOTH = re.compile(r"\s+(?:each\s+)?to\s+both\s+(?:the\s+)?[A-Z]", re.I)
_SHARE = re.compile(r"^\s*(?:[\w\s]{0,40}?\bthat\s+)?of\s+(?:those|them|these|which|the\s+"
                    r"(?:\d[\d,.]*\s+(?:(?:million|thousand|lakh)\s+)?)?(?:[\w-]+\s+)?\w+)\s*,\s*"
                    r"|^\s*of\s+(?:those|them|these|which)\s*", re.I)  # "It said that of the 1
# million masks, 700,000 will be delivered to the SNS"
_GO = re.compile(r"^\s*(?:will|would|are to|is to|should)?\s*(?:then\s+)?(?:\w+ly\s+)?"
                 r"(?:go|be (?:sent|delivered|given|shipped|distributed|allocated|donated))"
                 r"(?:\s+\w+ly)?\s+to\b|^\s*(?:to|for)\b", re.I)


def share_claims(clause: Clause, claims: list[Claim],
                 published: datetime | date | None) -> list[Claim]:
    """ "Of those, 7 million will go to Europe and 2 million to the United States": numbers
    sharing out the latest claim, each to the places after it."""
    s = clause.sentence
    lead = _SHARE.match(s)
    nums = [n for n in clause.numbers if n.value and not n.currency and not n.percent]
    if not lead and nums and not s[:nums[0].start].strip() and _GO.match(s[nums[0].end:]):
        lead = True  # "Two million went to Ghana and one million to Togo": the sentence opens
        # on the share
    if not lead or not nums or not claims:
        return []
    whole = [n.value for n in nums if lead is not True and n.end <= lead.end()]
    nums = [n for n in nums if lead is True or n.start >= lead.end()]
    parent_index = next((i for i in range(len(claims) - 1, -1, -1)
                         if claims[i].quantity and claims[i].parent is None
                         and (not whole or claims[i].quantity in whole)), None)
    if parent_index is None or not nums:  # ("of the 1 million masks": that claim's part)
        return []
    parent = claims[parent_index]
    out = []
    for i, n in enumerate(nums):
        limit = nums[i + 1].start if i + 1 < len(nums) else len(s)
        if not _GO.match(s[n.end:limit]) or n.value >= (parent.quantity or 0):
            continue
        recips = [Recipient(p.text, p.place.code) for p in find_places(s[n.end:limit])]
        if recips:
            out.append(Claim(list(parent.donors), parent.item, parent.item_label, n.value,
                             recips, status_of(clause, n.start),
                             date_in(s, published) or parent.date, evidence(clause),
                             parent=parent_index, currency=parent.currency))
    return out
