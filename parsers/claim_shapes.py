"""The shapes by which a sentence refers back to a donation told before: a consignment's
contents ("The consignment includes 500 ventilators"), a part ("5.6 million of the masks"),
"each country", "the seven countries will receive", "a further 200,000", goods as the subject
("Seven million masks will be delivered to the EU"), list lines under "Ma will donate at
least:". Which shape a sentence has decides what it takes from the earlier statement."""

from __future__ import annotations

import re
from datetime import date, datetime

from aidledger.parsers.claim_items import find_items
from aidledger.parsers.claim_model import Claim, Span, evidence
from aidledger.parsers.claim_money import goods_value_after, inherit_currency
from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.claim_recipients import recipients_in
from aidledger.parsers.dates import date_in
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.places import named_taker
from aidledger.parsers.prefilter import may_hold
from aidledger.parsers.records import Recipient

_CARGO = re.compile(
    r"^(?:[^.;]{0,80}?\b(?:said|says|announced|reported|confirmed)\b(?:[^.;]{0,60}?\bthat\s+|"
    r"\s+(?=(?:the|this|these|its|their)\s))"
    r"|according\s+to\s+[^,.;]{1,60},\s+"  # "According to the ministry, the shipment ..."
    r"|(?:apart\s+from|aside\s+from|besides|in\s+addition\s+to|delivered|received|handed\s+over|"
    r"arriving|landing)\s+[^,.;]{1,60},\s+"  # "Apart from the 12 ventilators, the list ..."
    r"|(?:all\s+in\s+all|in\s+all|in\s+total|all\s+told|altogether|overall|in\s+sum),?\s+"
    r"|[A-Z][a-z]+ly,\s+)?"  # "All in all, the gift comprises ...", "Nationally, the shipment ..."
    r"(?:[\w$€£¥'’.-]+\s+){0,5}?(?:consignment|shipment|cargo|donation|package|batch|delivery|aid|"
    r"announcement|pledge|commitment|allocation|fund|funding|"
    r"supplies|supply|flight|plane|freighter|load|lot|round|tranche|gift|assistance|contribution|"
    r"package|equipment|gear|material|items|goods|support|list|ppe|ppe['’])s?\b(?:[^.;]|\.(?=\d|"
    r"\s+[A-Z]))*?"
    r"\b(?:(?:is|was|are|were) "  # (a dot before a digit is a decimal point: "$1.5 million";
    # one before a capital inside a sentence ends an abbreviation: "handed to Lt. Col. X")
    r"part of|consist(?:s|ed|ing)? (?:of|in)|"
    r"includes?|"
    r"included|including|contains?|contained|comprises?|comprised|consists? of|consisted of|"
    r"carr(?:ies|ied|ying)|(?:is|was|are|were) made up of|(?:is|was|are|were) made of|"
    r"(?:is|was|are|were) composed of|"
    r"(?:arrived|landed|left|departed|reached \w+(?: \w+)?),? with)\b", re.I)
# "The humanitarian gift of 32,000 tests aims to ...", "Thursday's shipment of 500 gowns
# will ...": the donation told before, its goods named after "of"
_GIFT_OF = re.compile(r"^(?:the|this|that|[A-Z][a-z]+day['’]s)\s+(?:[a-z][\w-]*\s+){0,2}?"
                      r"(?:gift|donation|consignment|shipment|batch|package|cargo|delivery)\s+"
                      r"of\s+(?![$€£¥]|US\$|\w+\s+(?:million|billion)\s+(?:dollars|euros))", re.I)
# a word of _CARGO's verb, one of which every match holds
_CARGO_VERBS = ("part of", "consist", "includ", "contain", "compris", "carr", "made", "composed",
                "arrived", "landed", "left", "departed", "reached")
# "These include 5,000 masks", "These are 10,000 masks", "Among them are 300 gowns", "The
# items donated were ...": the goods of the donation just told, named by a pronoun
_CARGO_REF = re.compile(
    r"^(?:(?:these|they|those|this|that|it)\s+(?:also\s+)?(?:include[sd]?|comprise[sd]?|"
    r"consist(?:s|ed)? of|contain(?:s|ed)?|(?:are|were|is|was)\s+(?=(?:(?:about|some|around|"
    r"over|more\s+than|nearly|almost|roughly)\s+)?\d))"  # "These are 10,000 masks"
    r"|among\s+(?:them|these|those|the\s+(?:items|supplies|goods|donations?))\s+(?:there\s+)?"
    r"(?:are|were)"  # "Among them there are 1,000 gowns"
    r"|there\s+(?:are|were|was|is)\s+also\s+(?=(?:(?:about|some|around|over|more\s+than|"
    r"nearly)\s+)?\d)"  # "There were also 2,000 suits" (after the goods told)
    r"|(?:also\s+)?(?:included|donated|delivered|provided|sent|handed\s+over|given)"
    r"(?:\s+(?:in|with)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?[\w-]+)?\s+(?:are|were|was|is)"
    # "Included were 3,000 tents", "Also donated were 500 gowns", "Included in the
    # donation are 300 thermometers": the goods of the donation told before
    r"|the\s+(?:items|supplies|goods)(?:\s+(?:donated|delivered|sent|provided|handed over))?"
    r"\s+(?:are|were)"
    r"|(?:[^.;]{0,60}?\b(?:said|says|added|noted)\s+(?:that\s+)?)?"  # ("Vega said the PPE
    r"the\s+PPE\s+(?:included|includes|consisted\s+of|comprised))\b", re.I)  # "The PPE
# included 1,300 KN95 masks": the protective gear told before (not "PPE, including ...")
# the takers a gift told before shares out among: "each of the three hospitals", "the councils"
_TAKERS = (r"(?:country|nation|member state|state|recipient|government|countries|nations|"
           r"member states|states|recipients|governments|hospitals?|clinics?|councils?|"
           r"health (?:centres?|centers?|facilities)|facilities|municipalit(?:y|ies)|"
           r"provinces?|districts?|counties|county|cities|city|regions?|institutions?)")
_EACH_REF = re.compile(
    r"\beach(?: one)?(?: of (?:the|these|those|its|their)(?: [\w'’-]+){0,2})? " + _TAKERS
    + r"(?!['’])\b", re.I)
_GROUP_REF = re.compile(
    r"\b(?:the|these|those|all) (?:[\w'’-]+ ){0,2}?" + _TAKERS
    + r"\s+(?:will|would|are to|have|had|each)?\s*(?:also\s+)?(?:all\s+)?"
    r"(?:receive|received|get|got)\b", re.I)
_FURTHER = re.compile(
    r"^(?:[^,]{0,30},\s*)?(?:a further|another|an additional|more than another)\b"
    r"|\b(?:a further|another|an additional)\s+\d", re.I)
_ORDINAL = re.compile(  # "The first 50 ventilators", "The latest batch, 300,000 masks"
    r"^(?:the|a|its|their)\s+(?:first|second|third|fourth|next|latest|last|final|initial|"
    r"remaining|new)\s+(?:[\w-]+\s+){0,2}?(?:\d|batch|shipment|consignment|tranche|delivery|"
    r"instal?lment|round|lot|load|cargo|flight)", re.I)
_PART = re.compile(r"(?:\d(?:[\d,.]*\d)?(?:\s+(?:million|thousand|lakh|crore|[mk]))?|"
                   r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half a)\s+"
                   r"(?:million|thousand|hundred thousand|lakh)|\b(?:two|three|four|five|six|"
                   r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
                   r"(?=\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:ventilators|respirators|"
                   r"machines|devices|units|ambulances|vehicles|beds|monitors|concentrators)\b))"
                   r"\s+of\s+"
                   r"(?:the|them|those|these)\b", re.I)  # "One million of the masks"
# what every _PART match holds: searched for first, as it is quick to find or miss
_PART_OF = re.compile(r"\sof\s+(?:the|them|those|these)\b", re.I)
# "Out of these, 400,000 are meant for the health ministry": a part told after its whole
_OUT_OF = re.compile(r"^(?:out\s+of|of|from)\s+(?:these|them|those|this|the\s+total)\s*,\s*"
                     r"(?:(?:about|some|around|nearly|roughly)\s+)?\d", re.I)
# "One million of the masks ... are being transferred to Spain": the part is the subject, so
# the names in the sentence are where it goes, and its giver is the whole's
_LEAD_PART = re.compile(r"^(?:(?:about|some|around|nearly|over|more than|roughly)\s+)?"
                        + _PART.pattern, re.I)


def part_leads(sentence: str) -> bool:
    return bool(_LEAD_PART.match(sentence))


_LIST_LINE = re.compile(r"^(?:[-*–]\s+|[•·▪●]\s*)")  # "•500,000 kits": a bullet needs no space

# "1.1 million coronavirus test kits" on its own line under "Ma will donate at least:"
_BARE_LINE = re.compile(r"^(?:(?:about|over|more than|at least|up to|some)\s+)?\d[\d,. ]*"
                        r"(?:\s*(?:million|thousand|lakh|crore|m|k)\b)?\s+[\w ,'’-]{2,70}[.;,]?$",
                        re.I)
# "Face masks: 5,000", "Gowns – 300 pcs": the goods first, then their count
_GOODS_LINE = re.compile(r"^[A-Za-z][A-Za-z '’-]{2,50}?\s*(?::|–|—|\s-)\s*(?:(?:about|over|"
                         r"more than|at least|up to|some)\s+)?\d[\d,. ]*(?:\s*(?:million|thousand|"
                         r"lakh|crore|m|k)\b)?(?:\s*(?:pcs|pieces|units|sets|pairs|nos)\.?)?[.;,]?$",
                         re.I)


def bare_line(sentence: str) -> bool:
    """A list line without a bullet: an amount and goods, no verb; or a place and its goods
    ("Ghana: 5,000 masks and 200 gloves.")."""
    s = sentence.strip()
    if (m := _PLACE_LINE.match(s)) and lookup_place(m.group(1)):
        return bool(_BARE_LINE.match(s[m.end():]))
    return bool(_BARE_LINE.match(s) or _GOODS_LINE.match(s))


_PLACE_LINE = re.compile(r"([A-Z][\w.'’ -]{1,40}?)\s*:\s+")
_MONEY_START = re.compile(r"(?:(?:about|over|more than|at least|up to|some|nearly)\s+)?"
                          r"(?:[A-Z][A-Za-z]{0,3}\.?\s?)?[$€£¥₹₦]?\s?\d")


# "- Safaricom: Sh200 million", "Tata Sons – Rs 1,000 crore": a giver and its money
_GIVER_LINE = re.compile(r"^(?:[-•*–]\s+)?([A-Z][\w&.'’ -]{0,50}?)(?:\s*:|\s?[–—-])\s+")
# (also with no space before the dash: "Ravi Verma- 15 Cr")


def money_line(sentence: str) -> bool:
    """ "India: $2.9 million to help the government ...": a place and the money it gets; or a
    giver and the money it gave ("- Safaricom: Sh200 million")."""
    s = sentence.strip()
    m = _PLACE_LINE.match(s)
    if m and lookup_place(m.group(1)) and _MONEY_START.match(s, m.end()):
        return True
    g = _GIVER_LINE.match(s)
    return bool(g and _MONEY_START.match(s, g.end()) and len(s) - g.end() < 40)


_FUND_HEAD = re.compile(r"\b(?:Fund|Funds|Relief|CARES|Cares|Kosh)\b")


def line_funds(clause: Clause, published: datetime | date | None) -> list[Claim]:
    """The first amount of money on a place line of a list: a gift to that place from the
    list's giver (filled in from the list intro by the caller)."""
    s = clause.sentence
    lead = len(s) - len(s.lstrip())
    m = _PLACE_LINE.match(s, lead)
    place = lookup_place(m.group(1)) if m else None
    money = [n for n in inherit_currency(clause) if n.currency and n.value]
    if place is None and (g := _GIVER_LINE.match(s, lead)) and money and (
            money[0].start <= g.end() + 12):  # "- KCB Group: Sh100 million": KCB gives;
        n, head = money[0], g.group(1).strip()  # "- Ghana: $2 million": Ghana gets
        taker = lookup_place(head)
        if taker is None and _FUND_HEAD.search(head):  # "- PM Cares Fund: Rs 25 lakh" in a
            return [Claim([], "funds", s[n.start:n.end], n.value,  # giver's break-up: the fund
                          [named_taker(head)], None,
                          date_in(s, published), evidence(clause), currency=n.currency)]
        return [Claim([] if taker else [head], "funds", s[n.start:n.end], n.value,
                      [Recipient(head, taker.code)] if taker else [], None,
                      date_in(s, published), evidence(clause), currency=n.currency)]
    if m is None or place is None or not money or money[0].start > m.end() + 12:
        return []
    n = money[0]
    return [Claim([], "funds", s[n.start:n.end], n.value, [Recipient(m.group(1), place.code)],
                  None, date_in(s, published), evidence(clause), currency=n.currency)]


_WORTH = re.compile(r"\s+(?:worth|in\s+value|in\s+goods|in\s+kind)\b|\s+of\s+(?:\w+\s+)?"
                    r"(?:goods|supplies|equipment|aid)\b", re.I)
# "reagents worth around $200,000", "gear valued at $1 million": a value word right before
_WORTH_BEFORE = re.compile(r"\b(?:worth|valued\s+at|(?:a|the|total|market)\s+value\s+of|costing|"
                           r"priced\s+at)\s+(?:(?:about|around|roughly|some|over|nearly|almost|"
                           r"approximately|more\s+than|an\s+estimated|up\s+to)\s+)?$", re.I)


# "Another $3 million went to Chile": a further amount that moves to a taker (not "another
# $3 million is needed", "a further $3 million in losses")
_GOES = re.compile(r"\b(?:went|goes|go|going|earmarked|allocated|set\s+aside|destined|disbursed|"
                   r"released|transferred|(?:be|been|was|were|is|are)\s+(?:sent|given|provided|"
                   r"delivered))\s+(?:\w+\s+)?(?:to|for|towards)\b", re.I)


def cargo_funds(clause: Clause, published: datetime | date | None,
                further: bool = False) -> list[Claim]:
    """Money among a donation's contents with no verb of its own ("The package included $2.2
    million to Chile", "A previous announcement included $2 million for Haiti", and a
    further amount that goes to a taker, "Another $3 million went to Chile"): a gift of
    the giver told before (filled in by the caller), to the takers after each amount; money
    that prices goods counted beside it is no gift of its own."""
    s = clause.sentence
    if any(it.quantity for it in find_items(clause)) or further and not _GOES.search(s):
        return []
    out = []
    for n in (n for n in clause.numbers if n.currency and n.value and not n.percent):
        if _WORTH.match(s, n.end) or goods_value_after(s, n.end) or _WORTH_BEFORE.search(
                s, max(0, n.start - 40), n.start):
            continue  # "a donation of $2 million in the form of protective equipment",
            # "kits and reagents worth about $300,000": what goods are worth
        recips = recipients_in(clause, Span(n.start, n.end), [])[0]
        out.append(Claim([], "funds", s[n.start:n.end], n.value, recips, None,
                         date_in(s, published), evidence(clause), currency=n.currency))
    return out


_OPEN_QUOTES = "\"“‘'«"


_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")


def anaphor(clause: Clause) -> str | None:
    """The shape by which this sentence refers back to an earlier donation, if any (a quote
    opening it is read through: "“This batch includes 1,000 gowns”" is the batch's contents)."""
    s = clause.sentence.lstrip(_OPEN_QUOTES)
    if "." in s[:-1]:  # "worth 436,500 U.S. dollars, included": no full stop for the shapes
        s = _DOTTED.sub(lambda m: m.group(0).replace(".", "_"), s)
    if _LIST_LINE.match(s):
        return "list"
    if _PART_OF.search(s) and _PART.search(s) or _OUT_OF.match(s):
        return "part"
    if may_hold(s, ("each",)) and _EACH_REF.search(s):  # (each match holds "each")
        return "each"
    if (may_hold(s, _CARGO_VERBS) and _CARGO.match(s)) or _CARGO_REF.match(s) or (
            _GIFT_OF.match(s)):
        return "cargo"
    if (may_hold(s, ("further", "another", "additional")) and _FURTHER.search(s)) or (
            _ORDINAL.match(s)):
        return "further"
    if may_hold(s, ("receive", "get", "got")) and _GROUP_REF.search(s):  # (its verbs)
        return "group"
    if _GOODS_FIRST.match(s) or _LIST_HANDED.match(s):
        return "passive"
    return None


# "950 protective suits, disposable gloves, goggles, FFP2 masks and 100 thermometers have been
# handed over": a longer list of goods as the subject of a handover told as done (a total, "In
# total, ... will be delivered", sums amounts of givers told before: not this shape)
_LIST_HANDED = re.compile(
    r"^(?:(?:at least|about|some|around|nearly|over|more than)\s+)?\d[\d,.]*"
    r"(?:\s+(?:million|thousand|hundred|lakh|crore))?\s+(?:[\w,.()-]+\s+){4,14}?"
    r"(?:have|has|were|was)\s+(?:been\s+)?(?:also\s+)?(?:handed(?:\s+over)?|delivered|donated|"
    r"given|distributed|sent|presented|turned\s+over)\b(?![^.]*\b(?:by|from)\s+(?:the\s+)?[A-Z])",
    re.I)


# "Seven million masks will be delivered to the EU": the goods as subject, no giver named;
# they are the latest giver's (a sentence with "by"/"from" names its own)
_GOODS_FIRST = re.compile(
    r"^(?:(?:in addition|additionally|also|besides|moreover|separately|meanwhile),\s+)?"
    r"(?:(?:a total of|in all|in total|at least|about|some|around|nearly|over|more than|another|"
    r"a further|an additional),?\s+)?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"a|half a)\b(?:\s+(?:million|thousand|hundred|billion|lakh|crore))?\s+"
    r"(?:[\w-]+,?\s+){0,3}?(?:(?:and\s+)?\d[\d,.]*\s+(?:[^\W\d][\w-]*,?\s+){1,4}?){0,8}?"
    # ("10,000 masks and 500 gowns", "700 tons of rice, 1,800 respirators, 3,000 pairs of
    # gloves and 900 masks": each count followed by words, so bare numbers never backtrack)
    r"(?:will|would|are to|is to|are|were|have been|has been)\s+(?:also\s+|then\s+|now\s+)?"
    r"(?:be\s+)?(?:delivered|sent|shipped|donated|given|distributed|allocated|airlifted|flown|"
    r"handed(?:\s+over)?|presented|turned\s+over|go|going)\b"
    r"(?![^.]*\b(?:by|from)\s+(?:the\s+)?[A-Z])", re.I)
