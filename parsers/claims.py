"""Donation claims in news text: who gave what, how many, to whom, when, and the sentence.

Conventions (the ones evaluation follows; README "Claims"):
- one claim per donation stated; the same fact repeated in one article is one claim;
- a total shared by a list of recipients is one claim with every recipient; "respectively" gives
  one claim per recipient; "to each of N countries" gives quantity_each and quantity = each x N
  unless the text states the total, which then wins;
- a region with named examples ("24 Latin American nations, including Argentina, Brazil") gives
  the region code and each named country; a city gives its country (Milan: ITA);
- an organisation recipient keeps its name and gets its country, or `org:<name>` if it has none;
- "more than / nearly / around X" gives X; no number gives quantity null; money is item "funds";
- negations, questions, hypotheticals and numbers that are not goods (cases, prices, shares)
  give no claim;
- a part of an earlier claim ("A third will be sent to Milan") is a claim whose `parent` is the
  index of that earlier claim.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime

from aidledger.parsers.claim_amounts import elided, funds_claims, share_claims
from aidledger.parsers.claim_carry import carry_giver, latest_giver
from aidledger.parsers.claim_clauses import carried_items, referred_items, sub_clauses
from aidledger.parsers.claim_context import (
    Context,
    anaphor,
    announcement,
    bare_line,
    fill,
    list_intro,
    part_leads,
    speaker,
)
from aidledger.parsers.claim_dedupe import dedupe
from aidledger.parsers.claim_donors import cargo_givers
from aidledger.parsers.claim_followups import backfill, follow_up
from aidledger.parsers.claim_givers import donor_names, without_own_country
from aidledger.parsers.claim_headline import carry_headline_recipients, untitled
from aidledger.parsers.claim_home import place_state_bodies
from aidledger.parsers.claim_model import Claim, Span, bought, evidence, giver, negated
from aidledger.parsers.claim_parts import Clause, find_items, status_of, trigger_in
from aidledger.parsers.claim_quotes import quote_author
from aidledger.parsers.claim_recipients import receivers_of, recipients_in
from aidledger.parsers.claim_shares import inline_parts, part_claims
from aidledger.parsers.claim_tables import Table, row_claims
from aidledger.parsers.dates import date_in
from aidledger.parsers.lexicon import find_places
from aidledger.parsers.names import Name, find_names, vocab
from aidledger.parsers.numbers import find_numbers, quantity_warning
from aidledger.parsers.sentences import split_sentences

log = logging.getLogger(__name__)


_RETRACTED = re.compile(r"\b(?:an earlier version of this (?:article|story|report|post)|"
                        r"(?:we|this (?:article|story|report)) (?:had )?(?:incorrectly |wrongly |"
                        r"mistakenly )?(?:said|reported|stated|wrote|gave)\b)", re.I)


def _skip_sentence(sentence: str) -> bool:
    """Questions, conditionals and a correction's restatement of the wrong figure."""
    w = vocab()["words"]
    low = f" {sentence.lower()} "
    if sentence.rstrip().endswith("?") or _RETRACTED.search(sentence):
        return True
    return any(h in low for h in w["hypothetical"] if h.strip() in ("if", "unless", "whether"))


def extract_claims(text: str, published: datetime | date | None = None, *,
                   title: str | None = None, publisher: str | None = None) -> list[Claim]:
    """Claims stated in `text` (and in the headline, when it states one the text does not);
    evidence offsets index into `text`. Never raises."""
    try:
        return _extract(text or "", published, title, publisher)
    except Exception:  # hostile text must never crash a crawl: no claims, not an exception
        log.exception("claim extraction failed: no claims from this text (%d characters)",
                      len(text or ""))
        return []


def _segments(text: str, title: str | None) -> list[tuple[int, int, str]]:
    """(start, end, sentence): the headline first (start -1: not in the text), then the text."""
    out = [(-1, -1, untitled(title.strip()))] if title and title.strip() else []
    for start, end in split_sentences(text):
        start += _dateline(text[start:end])
        out.append((start, end, text[start:end]))
    return out


def _extract(text: str, published: datetime | date | None, title: str | None,
             publisher: str | None) -> list[Claim]:
    names_so_far: list[Name] = []
    claims: list[Claim] = []
    carried: list[tuple[Claim, list[str]]] = []  # a claim naming no giver, the giver before it
    ctx = Context()
    table: Table | None = None
    for start, end, sentence in _segments(text, title):
        if sentence.startswith("|") and start >= 0:  # a table row: cells, not prose
            table = table or Table()
            row = Clause(text, start, end, sentence, [], names_so_far, [], publisher)
            claims += row_claims(row, table, ctx)
            continue
        table = None
        names = find_names(sentence)
        if len(sentence) < 12 or _skip_sentence(sentence):
            names_so_far += names
            continue
        numbers = [n for n in find_numbers(sentence)]
        clause = Clause(text, start, end, sentence, names, names_so_far, numbers, publisher)
        if start >= 0:  # who "we" is: a tweet's author, or whoever closes the quote
            clause.speaker = speaker(text, clause) or quote_author(text, clause)
        clause.receivers = frozenset(ctx.receivers)
        if _DENIAL.match(sentence) and claims:  # "That is false.": the claim before is not one
            last = claims[-1].evidence["start"]
            claims = [c for c in claims if c.evidence["start"] != last]
        if claims and (paid := _paid_by_recipient(sentence, claims)) is not None:
            claims = [c for c in claims if c.evidence["start"] != paid]
        parts = sub_clauses(clause)
        given: list[str] = []
        for part in parts:
            found = _sentence_claims(part, claims, ctx, published, len(parts) > 1)
            for c in found:  # the evidence is the whole sentence; "..., and B will get 60,000
                c.evidence = {**c.evidence, **evidence(clause)}  # each": the giver before
                c.donors = c.donors or list(given)
            given = next((c.donors for c in reversed(found) if c.donors), given)
            carried += [(c, latest_giver(claims)) for c in found if not c.donors]
            claims += found
        names_so_far += names
    carry_giver(carried)  # after every later sentence had its chance to name the giver
    for c in claims:
        c.donors = donor_names(c.donors)
        c.recipients = without_own_country(c.donors, c.recipients)
    for c in claims:
        if c.evidence.get("field") == "title" and title:
            c.evidence["sentence"] = title.strip()  # as written, not as read
    carry_headline_recipients(claims)
    _the_fund(claims)
    place_state_bodies(text, title, claims)
    return _anchored(dedupe(claims))


def _anchored(claims: list[Claim]) -> list[Claim]:
    """Claims that name a giver or a recipient: a bare "30 million masks were distributed"
    with neither is no checkable donation (parents re-indexed)."""
    keep = [i for i, c in enumerate(claims) if c.donors or c.recipients]
    new = {old: n for n, old in enumerate(keep)}
    out = [claims[i] for i in keep]
    for c in out:
        c.parent = new.get(c.parent) if c.parent is not None else None
    return out


_THE_FUND = re.compile(r"\b(?:to|towards|into|for)\s+the\s+(?:relief\s+)?fund\b")


def _the_fund(claims: list[Claim]) -> None:
    """ "contribute Rs 500 crore to the fund": the fund the article named last as a recipient."""
    fund: list | None = None
    for c in claims:
        named = [r for r in c.recipients if r.org and (c.item == "funds" or re.search(
            r"\bFund\b", r.org))]  # the latest body that received money
        if named:
            fund = named
        elif fund and not c.recipients and _THE_FUND.search(c.evidence["sentence"]):
            c.recipients = list(fund)


_PAYS = re.compile(r"\b(?:pay|pays|paid|paying)\s+for\s+(?:this|that|them|it|these|those|the\s+"
                   r"(?:kits|tests|masks|goods|supplies|equipment|ventilators|respirators|gear))\b"
                   r"(?!\s+(?:by|with)\b)", re.I)


def _paid_by_recipient(sentence: str, claims: list[Claim]) -> int | None:
    """ "The US government does pay for this": the goods just told of are sold to the taker,
    so that statement was no donation; the start of its sentence, if so."""
    m = _PAYS.search(sentence)
    if not m:
        return None
    last = claims[-1]
    payers = {p.place.code for p in find_places(sentence[:m.start()])}
    return last.evidence["start"] if payers & {r.code for r in last.recipients} else None


_DENIAL = re.compile(r"^(?:but\s+)?(?:that|this|it|the (?:claim|report|post|story|rumou?r))\s+"
                     r"(?:is|was|has (?:been|proved))\s+(?:\w+\s+)?(?:false|untrue|not true|"
                     r"fake|wrong|incorrect|misleading|inaccurate|denied|a hoax)\b", re.I)


def _sentence_claims(clause: Clause, claims: list[Claim], ctx: Context,
                     published: datetime | date | None, part: bool = False) -> list[Claim]:
    shape = anaphor(clause)
    if ctx.list_open and shape is None and bare_line(clause.sentence) \
            and trigger_in(clause) is None:
        shape = "list"  # a line of the list after "Ma will donate at least:"
    elif shape != "list":
        ctx.list_open = clause.sentence.rstrip().endswith(":") and ctx.list_open
    if shape == "cargo" and ctx.bought:
        shape = None  # "The equipment includes ..." after "the gear had been procured"
    carry = ctx.item if (part or shape == "further") else None
    found = _goods_claims(clause, published, shape, carry, ctx.item) + _per_donor(
        clause, funds_claims(clause, published), "respectively" in clause.sentence.lower())
    fill(found, clause, shape, ctx, claims)
    found += inline_parts(clause, found, len(claims), published)
    for c in found:  # before later sentences take them as their context
        c.donors = donor_names(c.donors)
        c.recipients = without_own_country(c.donors, c.recipients)
    if not found and claims:
        found = part_claims(clause, claims, published) or share_claims(clause, claims,
                                                                          published)
    if not found and claims:
        follow_up(clause, claims)
        backfill(clause, claims)
    if found:
        last = found[-1]
        ctx.note(last.donors, last.recipients, last.status, clause.sentence)
        goods = [c for c in found if c.item != "funds"]
        ctx.item = (goods[-1].item, goods[-1].item_label) if goods else ctx.item
    elif bought(clause.sentence, len(clause.sentence)):
        ctx.bought = True  # "the gear had been procured": the goods listed next were bought
    else:
        list_intro(clause, ctx)
        announcement(clause, ctx)
    return found


def _goods_claims(clause: Clause, published: datetime | date | None,
                  shape: str | None = None,
                  carry: tuple[str, str] | None = None,
                  ctx_item: tuple[str, str] | None = None) -> list[Claim]:
    items = _totals_only(clause.sentence, find_items(clause))
    if not any(i.quantity for i in items):  # "would donate 1 million of them"
        items = referred_items(clause, ctx_item) or items
    if not any(i.quantity for i in items) and carry:  # "ZTE sent 200,000 to Serbia"
        items = carried_items(clause, *carry) or items
    found = giver(clause, items[0].start, published) if items else None
    if found is None and items and shape and any(i.quantity for i in items) and not negated(
            clause.sentence) and not bought(clause.sentence, items[0].start):
        found = (cargo_givers(clause), date_in(clause.sentence, published))  # "The consignment
        # includes ...": its giver is the earlier statement's, or whom it comes from
    if found is None:
        return []
    donors, when = found
    if shape == "part" and part_leads(clause.sentence) and not _OWN_GIVER.search(
            clause.sentence):
        donors = []  # the whole's giver, filled in below; the names here are where it goes
    out: list[Claim] = []
    more = elided(clause, items, donors, when)
    cut = min((c.evidence["elided_at"] for c in more), default=len(clause.sentence))
    takers = list({r.code: r for _, _, r in receivers_of(clause)}.values())
    for n, it in enumerate(items):
        recips, each_count, respectively = recipients_in(clause, it, donors)
        if cut < len(clause.sentence):  # the places after an elided amount are its own
            recips = [r for r in recips if clause.sentence.find(r.name) < cut] or \
                recipients_in(clause, Span(0, 0, cut), donors)[0]  # "provide A with N ..."
        unread = it.quantity is not None and it.quantity.value is None
        if (it.quantity is None or unread) and not (donors and recips):
            continue  # a bare "donating masks" names no transfer we could check
        status = status_of(clause, it.start)
        qty = it.quantity.value if it.quantity else None
        named = len({r.name for r in [*recips, *takers]})  # two US states: two recipients
        if re.match(r"\s*(?:each|apiece)\b", clause.sentence[it.end:]) and named > 1:
            each_count = named  # "100 ventilators each to Italy and Spain"
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
                             evidence(clause), quantity_each=each))
            if unread:  # "1e400 masks": as a table cell would be, null with its raw text
                out[-1].raw = {"qty": _written(clause.sentence, it.quantity)}
                out[-1].warnings = [quantity_warning(out[-1].raw["qty"])]
    for c in more:  # "with another 200,000 on the way": to where the first amount went
        if not c.recipients and out:
            c.recipients = list(out[-1].recipients)
    return _per_donor(clause, out + more, respectively=bool(items) and "respectively" in
                      clause.sentence.lower())


_OWN_GIVER = re.compile(r"\b(?:by|from)\s+(?:the\s+)?[A-Z]")


def _written(sentence: str, n) -> str:
    """The number as written, with the minus sign that made it unreadable ("-5,000")."""
    start = n.start - 1 if n.start and sentence[n.start - 1] in "-\u2212" else n.start
    return sentence[start:n.end]


_TOTAL = re.compile(r"\b(?:that is|that's|i\.e\.|making|bringing it to)\s+a total of\b"
                    r"|,\s*(?:a total of|in total|totall?ing)\b", re.I)


def _totals_only(sentence: str, items: list) -> list:
    """ "20,000 test kits, 100,000 masks ..., that is a total of 1.1 million testing kits, six
    million masks": the amounts before the total are per recipient; the totals are the gifts."""
    m = _TOTAL.search(sentence)
    if not m:
        return items
    after = {it.code for it in items if it.start >= m.end() and it.quantity}
    return [it for it in items if it.start >= m.start() or it.code not in after
            or not it.quantity]


_EACH_GAVE = re.compile(r"\b(?:have|has|had|will|would)?\s*each\s+(?:\w+\s+)?(?:pledged|"
                        r"donated|given|gave|sent|promised|committed|contributed|pledge|donate|"
                        r"give|send|provide|provided|offered)\b", re.I)


def _per_donor(clause: Clause, claims: list[Claim], respectively: bool) -> list[Claim]:
    """ "Lenovo, ZTE and Haier have each pledged 100,000 masks": one donation per giver;
    "Huawei and ZTE donated 200,000 and 150,000 masks to Serbia and Hungary respectively":
    the givers pair up with the amounts."""
    out: list[Claim] = []
    for same in ([c for c in claims if c.item != "funds"], [c for c in claims
                                                            if c.item == "funds"]):
        if respectively and len(same) > 1 and len({c.item for c in same}) == 1 and all(
                len(c.donors) == len(same) for c in same):
            for i, c in enumerate(same):
                c.donors = [c.donors[i]]
            return claims
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
    when "each" follows it and it goes to no more than one recipient."""
    if claim.quantity_each is not None or len(claim.recipients) > 1:
        return False
    label = re.escape(claim.item_label)
    return bool(re.search(label + r"(?:\s+(?:donation|contribution)s?)?\s*,?\s+(?:each|apiece)\b",
                          sentence, re.I))


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,40}:\s+(?=[A-Z0-9])"
    r"|[A-Z][A-Z.'’ -]{2,40},?\s*\([^)]{1,80}\)\s*[:—–-]+\s*(?=[A-Z0-9])"  # "MANILA, (Wire) :"
    r"|[A-Z][A-Z.'’ -]{2,40}(?:,\s*(?:[A-Z][\w.]*\s*){1,3})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*(?:\([^)]{1,40}\)\s*(?:--|—|–|-)\s*)?"
    r"|\d{1,2}[:.]\d{2}\s*(?:[AP]M\s*)?(?:[A-Z]{2,4}\s*)?(?:--|—|–|-)\s*)")


def _dateline(sentence: str) -> int:
    """Length of a leading dateline ("KUALA LUMPUR, March 31 (Wire) - ") or live-blog time
    stamp ("09:40 GMT - "): place and outlet there are neither donors nor recipients."""
    m = _DATELINE.match(sentence)
    return m.end() if m and m.end() < len(sentence) else 0
