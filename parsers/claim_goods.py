"""The goods claims of one clause: each item with its amount, giver, recipients and status;
amounts that are per recipient or per giver ("each"), totals restated after per-recipient
amounts, and "respectively" pairings."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from aidledger.parsers.claim_amounts import gapped_giver
from aidledger.parsers.claim_clauses import carried_items, referred_items
from aidledger.parsers.claim_donors import cargo_givers
from aidledger.parsers.claim_elided import elided
from aidledger.parsers.claim_items import find_items
from aidledger.parsers.claim_model import (
    Claim,
    Span,
    _purchase,
    bought,
    evidence,
    giver,
    negated,
)
from aidledger.parsers.claim_partners import listed_by
from aidledger.parsers.claim_parts import Clause, Item, _all_triggers, status_of
from aidledger.parsers.claim_purchases import given_parts
from aidledger.parsers.claim_recipients import each_at, receivers_of, recipients_in
from aidledger.parsers.claim_shapes import part_leads
from aidledger.parsers.dates import date_in
from aidledger.parsers.lexicon import find_places, lookup_place
from aidledger.parsers.numbers import quantity_warning
from aidledger.parsers.prefilter import may_hold
from aidledger.parsers.records import Recipient

# where a sentence's next clause starts: with its own takers ("while", "whereas", ";"), and
# with its own amounts each (", and" too)
_OWN_CLAUSE = re.compile(r",\s*(?:while|whereas|but)\b|;")
_NEXT_CLAUSE = re.compile(r",\s*(?:while|whereas|but|and)\b|;")


def _own_clause(clause: Clause, it: Item, recips: list[Recipient]) -> list[Recipient]:
    """ "Peru gets 8,000 kits, whereas each of the 12 Asian states gets 2,000 kits":
    with a clause of its own, an amount goes to the places its own clause names, when it
    names any."""
    s = clause.sentence
    cuts = list(_OWN_CLAUSE.finditer(s))
    if not cuts:
        return recips
    lo = max((m.end() for m in cuts if m.end() <= it.start), default=0)
    hi = min((m.start() for m in cuts if m.start() >= it.end), default=len(s))
    if lo == 0 and hi == len(s):
        return recips
    mine = [r for r in recips if 0 <= s.find(r.name, lo) < hi]
    if mine:
        return mine
    places = [p for p in find_places(s[lo:hi]) if p.place.kind in ("country", "region", "demonym",
                                                                    "city")]
    return [Recipient(p.text, p.place.code) for p in places[:1]] or recips


def goods_claims(clause: Clause, published: datetime | date | None,
                  shape: str | None = None,
                  carry: tuple[str, str] | None = None,
                  ctx_item: tuple[str, str] | None = None) -> list[Claim]:
    items = _totals_only(clause.sentence, find_items(clause))
    if not any(i.quantity for i in items):  # "would donate 1 million of them"
        items = referred_items(clause, ctx_item) or items
    if not any(i.quantity for i in items) and carry:  # "ZTE sent 200,000 to Serbia"
        items = carried_items(clause, *carry) or items
    if not any(i.quantity for i in items) and ctx_item and not carry and _DIGIT.search(
            clause.sentence) and (m := _GAVE_BARE.search(clause.sentence)):  # "has also
        # donated 300,000 to Ohio" (a count in digits: none, no search)
        items = [i for i in carried_items(clause, *ctx_item)
                 if m.start(1) in (i.start, i.quantity.num_start)] or items  # type: ignore[union-attr]
    found = giver(clause, items[0].start, published) if items else None
    if found is None and items and shape and any(i.quantity for i in items) and not negated(
            clause.sentence) and not bought(clause.sentence, items[0].start):
        found = (cargo_givers(clause), date_in(clause.sentence, published))  # "The consignment
        # includes ...": its giver is the earlier statement's, or whom it comes from
    if found is None:  # "bought 10 million kits, of which 5 million would be given to X"
        return given_parts(clause, items, published) if items and bought(
            clause.sentence, items[0].start) else []
    donors, when = found
    if shape == "part" and part_leads(clause.sentence) and not _OWN_GIVER.search(
            clause.sentence):
        donors = []  # the whole's giver, filled in below; the names here are where it goes
    out: list[Claim] = []
    more = elided(clause, items, donors, when)
    cut = min((c.evidence["elided_at"] for c in more), default=len(clause.sentence))
    takers = list({r.code: r for _, _, r in receivers_of(clause)}.values())
    for n, it in enumerate(items):
        if n and it.quantity and (own := _gapped_goods(clause, items[n - 1].end, it)):
            donors = [own]  # "Orvo gave 5,000 masks, Tessaro 3,000 gloves and Mirun ..."
        elif n and it.quantity and (listed := listed_by(clause, it.start)):
            donors = listed  # "2,000 masks by Orvo; 300 gowns by Tessaro": each part's own
        recips, each_count, respectively = recipients_in(clause, it, donors)
        recips = _own_clause(clause, it, recips)
        if cut < len(clause.sentence):  # the places after an elided amount are its own
            recips = [r for r in recips if clause.sentence.find(r.name) < cut] or \
                recipients_in(clause, Span(0, 0, cut), donors)[0]  # "provide A with N ..."
        if n and _purchase().search(clause.sentence, items[n - 1].end, it.start) and not any(
                items[n - 1].end <= t.start < it.start for t in _all_triggers(clause.sentence)):
            continue  # "sends 2 million masks, while the government signed a contract for 100
            # million more": the later goods are bought, no gift
        unread = it.quantity is not None and it.quantity.value is None
        if (it.quantity is None or unread) and not (donors and recips):
            continue  # a bare "donating masks" names no transfer we could check
        status = status_of(clause, it.start)
        qty = it.quantity.value if it.quantity else None
        named = len({r.name for r in [*recips, *takers]})  # two US states: two recipients
        if named > 1 and len(donors) < 2 and (_EACH_AFTER.match(clause.sentence, it.end)
                          or _EACH_GOT.search(clause.sentence, 0, it.start)):
            each_count = named  # "100 ventilators each to Italy and Spain", "per country"
        if it.quantity and (it.quantity.approx in ("a total of", "totalling", "totaling")
                            or _A_TOTAL.search(clause.sentence, 0, it.quantity.start)
                            or _IN_ALL.match(clause.sentence, it.end)
                            or ((tm := _TOTAL.search(clause.sentence)) and it.start >= tm.end())):
            each_count = None  # "20,000 kits to each of the 54 countries, a total of 1.08
            # million kits": the total is no amount per recipient
        if each_count and (at := each_at(clause.sentence)) is not None and at > it.end and (
                _NEXT_CLAUSE.search(clause.sentence, it.end, at)):
            each_count = None  # "Peru gets 8,000 kits, whereas each of the 12 Asian states
            # gets 2,000": the amount each is the later clause's alone
        if respectively and len(takers) == len(items) > 1:
            targets = [[takers[n]]]  # "France and Italy will receive 200,000 and 150,000"
        elif respectively and len(recips) == len(items) > 1:
            targets = [[recips[n]]]  # "A, B and C to X, Y and Z, respectively": pairwise
        elif respectively and len(recips) > 1:
            targets = [[r] for r in recips]
        else:
            targets = [recips]
        for rs in targets:  # one claim per recipient group
            each = qty if each_count else None
            total = qty * each_count if (qty is not None and each_count) else qty
            out.append(Claim(donors, it.code, it.label, total, rs, status, when,
                             evidence(clause), quantity_each=each,
                             at=clause.start + it.quantity.start if it.quantity and
                             clause.start >= 0 else None))
            if unread:  # "1e400 masks": as a table cell would be, null with its raw text
                out[-1].raw = {"qty": _written(clause.sentence, it.quantity)}
                out[-1].warnings = [quantity_warning(out[-1].raw["qty"])]
    for c in more:  # "with another 200,000 on the way": to where the first amount went
        if not c.recipients and out:
            c.recipients = list(out[-1].recipients)
    _given_part(clause, items, out)
    return per_donor(clause, out + more, respectively=bool(items) and "respectively" in
                      clause.sentence.lower())


def _gapped_goods(clause: Clause, prev_end: int, it: Item) -> str | None:
    """The giver of goods whose verb is left out, a name that is no place: "Orvo gave 5,000
    masks, Tessaro 3,000 gloves"; a place there ("to Peru and Chile 5,000 blankets") takes."""
    name = gapped_giver(clause.sentence, prev_end, it.quantity.start, [])  # type: ignore[union-attr]
    return name if name and not lookup_place(name) and any(
        n.text == name and n.kind != "place" for n in clause.names) else None


_EACH_AFTER = re.compile(r"\s*(?:each|apiece|per (?:country|nation|recipient|state|hospital|"
                         r"province|city|region)|(?:for|to) each of (?:them|the two|both))\b",
                         re.I)
_IN_ALL = re.compile(r"\s*(?:in\s+all|in\s+total|altogether|all\s+told)\b", re.I)  # after
_A_TOTAL = re.compile(r"\b(?:a total of|in total|in all|totall?ing|altogether)\s*$", re.I)
# "Italy, Spain and Greece will each receive 100,000 masks": the amount is per taker
_EACH_GOT = re.compile(r"\beach\s+(?:\w+\s+)?(?:receive[sd]?|get|got|gets|be given|been given|"
                       r"obtain(?:ed)?)\b", re.I)
_OWN_GIVER = re.compile(r"\b(?:by|from)\s+(?:the\s+)?[A-Z]")


def _written(sentence: str, n) -> str:
    """The number as written, with the minus sign that made it unreadable ("-5,000")."""
    start = n.start - 1 if n.start and sentence[n.start - 1] in "-\u2212" else n.start
    return sentence[start:n.end]


# a donation verb and an amount with no goods noun going somewhere: more of the goods before
_GAVE_BARE = re.compile(r"\b(?:donated|sent|gave|given|provided|shipped|delivered|gifted|"
                        r"donating|sending|giving|providing|shipping)\s+(?:also\s+)?"
                        r"(?:another\s+|a further\s+|an additional\s+)?(\d[\d,.]*(?:\s+(?:million|"
                        r"thousand|lakh))?)\s+(?:more\s+)?(?:to|for)\s", re.I)


_DIGIT = re.compile(r"\d")
_OF_THEM = re.compile(r"\s+of\s+(?:which|them|these|those)\b", re.I)
_GAVE_BEFORE = re.compile(r"\b(?:donated|donating|gave|given|handed over|distributed|sent)\s+"
                          r"(?:\w+\s+)?$", re.I)


def _given_part(clause: Clause, items: list, out: list[Claim]) -> None:
    """ "Tesla bought 1,255 ventilators, 1,000 of which were donated to Los Angeles": of goods
    bought, the claim is the part given away, not the purchase."""
    s = clause.sentence
    for it in items:
        if not it.quantity or not it.quantity.value or not _purchase().search(s, 0, it.start):
            continue
        part = next((n for n in clause.numbers if n.start > it.end and n.value
                     and n.value < it.quantity.value and not n.currency
                     and (_OF_THEM.match(s, n.end)
                          or _GAVE_BEFORE.search(s, max(it.end, n.start - 30), n.start))), None)
        if part is None:
            continue
        for c in out:
            if c.item == it.code and c.quantity == it.quantity.value:
                c.quantity = part.value


_TOTAL = re.compile(r"\b(?:that is|that's|i\.e\.|making|bringing it to)\s+a total of\b"
                    r"|,\s*(?:(?:for\s+)?a total of|in total|totall?ing)\b", re.I)
# a total of plain masks after graded ones sums those: "500 N95 masks to each of six
# clinics, for a total of 3,000 masks" is 3,000 N95 masks
_GRADED = {"face_mask": "respirator"}


def _totals_only(sentence: str, items: list) -> list:
    """ "20,000 test kits, 100,000 masks ..., that is a total of 1.1 million testing kits, six
    million masks": the amounts before the total are per recipient; the totals are the gifts."""
    m = _TOTAL.search(sentence) if may_hold(sentence, ("total",)) else None  # in every match
    if not m:
        return items
    after = {it.code for it in items if it.start >= m.end() and it.quantity}
    graded = {_GRADED[c] for c in after if c in _GRADED} - after
    summed = {it.code for it in items if it.start < m.start() and it.code in graded
              and it.quantity}
    out = []
    for it in items:
        if it.start < m.start() and it.quantity and (it.code in after or it.code in summed):
            continue  # an amount per recipient, summed by the total after it
        if it.start >= m.end() and it.code in _GRADED and _GRADED[it.code] in summed:
            it = replace(it, code=_GRADED[it.code])
        out.append(it)
    return out


_EACH_GAVE = re.compile(r"\b(?:have|has|had|will|would)?\s*each\s+(?:\w+\s+)?(?:pledged|"
                        r"donated|given|gave|sent|promised|committed|contributed|pledge|donate|"
                        r"give|send|provide|provided|offered|giving|donating|pledging|"
                        r"contributing|sending|providing|offering)\b", re.I)


def per_donor(clause: Clause, claims: list[Claim], respectively: bool) -> list[Claim]:
    """ "Lenovo, ZTE and Haier have each pledged 100,000 masks": one donation per giver;
    "Huawei and ZTE donated 200,000 and 150,000 masks to Serbia and Hungary respectively":
    the givers pair up with the amounts."""
    out: list[Claim] = []
    for kind in ([c for c in claims if c.item != "funds"], [c for c in claims
                                                            if c.item == "funds"]):
        givers = [c.donors for c in kind if len(c.donors) > 1]  # the amounts the pair gave,
        same = [c for c in kind if givers and c.donors == givers[0]]  # not another giver's
        if respectively and len(same) > 1 and len({c.item for c in same}) == 1 and all(
                len(c.donors) == len(same) for c in same):  # (", whilst C presented N")
            for i, c in enumerate(same):
                c.donors = [c.donors[i]]
            return claims
    if respectively and len(claims) == 1 and len((c := claims[0]).donors) > 1:
        takers = c.recipients if len(c.recipients) == len(c.donors) else None
        return [Claim([d], c.item, c.item_label, c.quantity, [takers[i]] if takers else list(
            c.recipients), c.status, c.date, c.evidence, currency=c.currency)
            for i, d in enumerate(c.donors)]  # "A, B and C gave 5 million won to X, Y and Z,
        # respectively": one amount, each giver's own gift to its own taker
    for c in claims:
        at = clause.sentence.find(c.item_label) if c.item == "funds" else len(clause.sentence)
        if len(c.donors) > 1 and (any(m.start() < at or c.item != "funds"
                                      for m in _EACH_GAVE.finditer(clause.sentence))
                                  or _each_giver(clause.sentence, c)):
            out += [Claim([d], c.item, c.item_label, c.quantity, list(c.recipients), c.status,
                          c.date, c.evidence, currency=c.currency) for d in c.donors]
        else:
            out.append(c)
    return out


def _each_giver(sentence: str, claim: Claim) -> bool:
    """ "KCB and the Treasury contributed Ksh 150 million each": the amount is each giver's
    when "each" follows it, also before several recipients ("A and B gave $1m each to X and
    Y": a plural giver is what "each" sorts first)."""
    if claim.quantity_each is not None:
        return False
    label = re.escape(claim.item_label)
    return bool(re.search(label + r"(?:\s+(?:donation|contribution)s?)?(?:\s*\([^()]{1,40}\))?"
                          r"\s*,?\s+(?:each|apiece)\b", sentence, re.I))  # "VND20 billion
    # (US$860,000) each": the conversion in brackets between
