"""Donation claims in news text: who gave what, how many, to whom, when, and the sentence.

Conventions (the ones evaluation follows; README "Claims"):
- one claim per donation stated; the same fact repeated in one article is one claim;
- a total shared by a list of recipients is one claim with every recipient; "respectively" gives
  one claim per recipient; "to each of N countries" gives quantity_each and quantity = each x N
  unless the text states the total, which then wins;
- a region with named examples ("24 Latin American nations, including Argentina, Brazil") gives
  the region code and each named country; a city gives its country (Milan: ITA);
- an organisation recipient keeps its name and gets its country (its own, else the one its
  claim names, else the article's), or `org:<name>` if it is an international body or none is
  found;
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

from aidledger.parsers.claim_acronyms import spelled_out
from aidledger.parsers.claim_amounts import funds_claims, share_claims
from aidledger.parsers.claim_carry import carry_giver, drop_self_givers, latest_giver
from aidledger.parsers.claim_clauses import sub_clauses
from aidledger.parsers.claim_context import Context, announcement, fill, list_intro
from aidledger.parsers.claim_contributors import contributors_named, giver_named_after
from aidledger.parsers.claim_coref import as_named
from aidledger.parsers.claim_counted import (
    HOW_MANY,
    counted_givers,
    described_giver,
    fill_counted,
    listed_givers,
    named_giver,
    unnamed_giver,
)
from aidledger.parsers.claim_dedupe import dedupe
from aidledger.parsers.claim_followups import backfill, follow_up, named_after, restates_counted
from aidledger.parsers.claim_fund_refs import (
    money_also_given,
    more_of_the_same,
    shared_takers,
    the_fund_again,
    to_the_drives_fund,
    unnamed_fund,
)
from aidledger.parsers.claim_givers import (
    ampersand_pairs,
    as_the_text_writes,
    country_of,
    donor_names,
    firm_full_names,
    named_in_full,
    seat_of,
    state_of,
    without_own_country,
)
from aidledger.parsers.claim_goods import goods_claims, per_donor
from aidledger.parsers.claim_handles import handles_as_names
from aidledger.parsers.claim_headline import carry_headline_recipients, headline_helped, untitled
from aidledger.parsers.claim_heads import founded_names
from aidledger.parsers.claim_home import (
    not_to_itself,
    place_bodies,
    place_unplaced,
    states_of_home,
)
from aidledger.parsers.claim_items import find_items, item_mentions
from aidledger.parsers.claim_model import Claim, bought, evidence, kept
from aidledger.parsers.claim_money import fund_before, ranked_fund, told_again, whole_shared
from aidledger.parsers.claim_officials import office_givers, officials_as_states
from aidledger.parsers.claim_partners import amount_owners
from aidledger.parsers.claim_parts import Clause, trigger_in
from aidledger.parsers.claim_quotes import quote_author
from aidledger.parsers.claim_recipients import UNNAMED_STATE
from aidledger.parsers.claim_restated import (
    givers_shares_restated,
    graded_again,
    shares_restated,
)
from aidledger.parsers.claim_roll import roll_claims
from aidledger.parsers.claim_shapes import (
    anaphor,
    bare_line,
    cargo_funds,
    line_funds,
    money_line,
)
from aidledger.parsers.claim_shares import (
    bracketed_parts,
    including_parts,
    inline_parts,
    part_claims,
)
from aidledger.parsers.claim_speakers import speaker
from aidledger.parsers.claim_subject import subject
from aidledger.parsers.claim_summed import first_part, installed_part, summed_parts
from aidledger.parsers.claim_tables import Table, row_claims
from aidledger.parsers.claim_undone import (
    denies,
    drop_summed_totals,
    drop_tallies,
    paid_by_recipient,
    running_total,
    skip_sentence,
)
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.names import Name, find_names
from aidledger.parsers.numbers import find_numbers
from aidledger.parsers.records import Recipient
from aidledger.parsers.sentences import split_sentences

log = logging.getLogger(__name__)


def extract_claims(text: str, published: datetime | date | None = None, *,
                   title: str | None = None, publisher: str | None = None,
                   url: str | None = None) -> list[Claim]:
    """Claims stated in `text` (and in the headline, when it states one the text does not);
    evidence offsets index into `text`; `url`, the page's address, tells the country of a
    local outlet that never names it. Never raises."""
    try:
        text, title = text or "", title
        read = _grades_joined(handles_as_names(text))
        read_title = title and _grades_joined(handles_as_names(title))
        claims = _extract(read, published, read_title, publisher, url)
        if read != text or read_title != title:
            _as_written(claims, text, title)
        return claims
    except Exception:  # hostile text must never crash a crawl: no claims, not an exception
        log.exception("claim extraction failed: no claims from this text (%d characters)",
                      len(text or ""))
        return []


# "100,000 N 95 masks": a mask grade written with a space, read as "N-95" (same length, so
# every offset holds) so its number is no count of the masks
_SPACED_GRADE = re.compile(r"\b(K?N|FFP|KF)\s(9[459]|100|[123])\b(?=\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:masks?|respirators?|face\b))", re.I)


def _grades_joined(text: str) -> str:
    return _SPACED_GRADE.sub(r"\1-\2", text)


def _as_written(claims: list[Claim], text: str, title: str | None) -> None:
    """Evidence quoted from the text as written, where handles were read as names."""
    for c in claims:
        if c.from_title and title:
            c.evidence["sentence"] = title.strip()
        elif c.evidence.get("start", -1) >= 0:
            c.evidence["sentence"] = text[c.evidence["start"]:c.evidence["end"]]


def _segments(text: str, title: str | None) -> list[tuple[int, int, str]]:
    """(start, end, sentence): the headline first (start -1: not in the text), then the text."""
    head = (title or "").strip()  # a lead paragraph standing as the title keeps no dateline
    out = [(-1, -1, untitled(head[_dateline(head):]))] if head else []
    for start, end in split_sentences(text):
        start += _dateline(text[start:end])
        line = text[start:end]  # a Title Case subheading reads as the headline does
        out.append((start, end, untitled(line) if not line.rstrip().endswith(_ENDS) else line))
    return out


_ENDS = (".", "!", "?", '"', "”", ":")


def _extract(text: str, published: datetime | date | None, title: str | None,
             publisher: str | None, url: str | None = None) -> list[Claim]:
    names_so_far: list[Name] = []
    claims: list[Claim] = []
    carried: list[tuple[Claim, list[str]]] = []  # a claim naming no giver, the giver before it
    announced: list[str] = []  # the giver of goods announced (no amount) since the last claim
    tallies: set[int] = set()  # claims of a "so far" sentence: all a giver gave, told as a sum
    ctx = Context()
    table: Table | None = None
    counted: tuple[list[Claim], int] | None = None  # claims whose givers were only counted
    described: tuple[list[Claim], str, int] | None = None  # ... only described ("A firm")
    listed: list[str] = []
    counted_money: set[int] = set()  # money whose givers were only counted, none named
    for start, end, sentence in _segments(text, title):
        if sentence.startswith("|") and start >= 0:  # a table row: cells, not prose
            table = table or Table()
            row = Clause(text, start, end, sentence, [], names_so_far, [], publisher)
            claims += row_claims(row, table, ctx)
            continue
        table = None
        names = find_names(sentence)
        if counted and (listed := listed_givers(sentence, names, frozenset(ctx.receivers))):
            fill_counted(counted[0], listed)  # "Two firms donated ...". "They are A and B."
        if described and (named := named_giver(sentence, names, described[1],
                                               frozenset(ctx.receivers))):
            for c in described[0]:  # "A Lakeside firm has given ...". "... head of Orvan
                c.donors = [named]  # Health, said": the name the description stood for
            described = None
        described = (described[0], described[1], described[2] - 1) if described and \
            described[2] > 1 else None
        counted = (counted[0], counted[1] - 1) if counted and counted[1] > 1 and not listed \
            else None
        if (len(sentence) < 12 and not bare_line(sentence.lstrip("-•*– "))) or skip_sentence(
                sentence):  # a list line may be short: "- 300 gowns"
            names_so_far += names
            continue
        numbers = [n for n in find_numbers(sentence)]
        clause = Clause(text, start, end, sentence, names, names_so_far, numbers, publisher)
        if start >= 0:  # who "we" is: a tweet's author, or whoever closes the quote
            clause.speaker = speaker(text, clause) or quote_author(text, clause)
        clause.receivers = frozenset(ctx.receivers)
        clause.givers = tuple(d for c in claims for d in c.donors)
        clause.given_items = frozenset(c.item for c in claims if c.donors)
        if denies(sentence) and claims:  # "That is false.": the claim before is not one
            last = claims[-1].evidence["start"]
            claims = [c for c in claims if c.evidence["start"] != last]
        if claims and (paid := paid_by_recipient(sentence, claims)) is not None:
            claims = [c for c in claims if c.evidence["start"] != paid]
        parts = sub_clauses(clause)
        given: list[str] = []
        in_sentence: list[Claim] = []
        for part in parts:
            told = list(ctx.donors)
            found = _sentence_claims(part, claims, ctx, published, len(parts) > 1)
            if announced and found and _HANDED_TOLD.search(part.sentence) and all(
                    c.donors and all(country_of(d) for d in c.donors)
                    and not set(c.donors) & set(announced) for c in found):
                for c in found:  # "... equipment donated by the Orvo Foundation. The Tarsan
                    c.donors = list(announced)  # envoy handed over the equipment, including
                    # 900 kits": the announced giver's goods, the envoy's state only hands them
            if any(c.donors for c in found):
                announced = []
            elif ctx.donors != told and item_mentions(part) and not ctx.bought:
                announced = list(ctx.donors)  # "X has provided shipments of protective gear"
            for c in found:  # the evidence is the whole sentence; "..., and B will get 60,000
                c.evidence = {**c.evidence, **evidence(clause)}  # each": the giver before
                c.donors = c.donors or list(given)
            given = next((c.donors for c in reversed(found) if c.donors), given)
            amount_owners(part, found)
            drop_self_givers(found)
            carried += [(c, announced or latest_giver(claims)) for c in found
                        if not c.donors and not unnamed_giver(part.sentence)]
            claims += found
            in_sentence += found
        if rolled := roll_claims(clause, claims[:len(claims) - len(in_sentence)], in_sentence):
            claims += rolled  # "the Ports Authority, GH¢1 million; the Miners Association,
            in_sentence += rolled  # GH¢500,000": each amount its name's gift
        if in_sentence and start >= 0 and (kind := described_giver(sentence)):
            for c in in_sentence:  # the description is no name: the giver is named later
                c.donors = []  # or stays unnamed, never the place the description holds
            carried = [(c, d) for c, d in carried if c not in in_sentence]
            described = (in_sentence, kind, HOW_MANY)
        if in_sentence and (count := counted_givers(sentence)) and (
                few := [c for c in in_sentence if len(c.donors) < count]):
            counted = (few + (counted[0] if counted else []), HOW_MANY)  # named next, if at
            carried = [(c, d) for c, d in carried if c not in few]  # all: never carried
            counted_money |= {id(c) for c in few if c.item == "funds" and not c.donors}
        if in_sentence and start >= 0:  # "The first 15,000 masks went to ..."
            first_part(clause, claims[:len(claims) - len(in_sentence)], in_sentence)
        if claims and start >= 0 and (summed := summed_parts(
                clause, claims[:len(claims) - len(in_sentence)], in_sentence, published)):
            claims += summed  # "Sh450 million goes to A and Sh350 million to B"
            in_sentence += summed
        if in_sentence and running_total(sentence):  # (no claims: no tally, no search)
            tallies |= {id(c) for c in in_sentence}  # every part's: the sentence is the tally
        if not in_sentence and start >= 0:  # "So far, eight ventilators have been installed
            claims += installed_part(clause, claims, published)  # in A" (no tally: a part)
        names_so_far += names
    carry_giver(carried)  # after every later sentence had its chance to name the giver
    seen = f"{title or ''}\n{text}"
    long_names = [n.text for n in names_so_far if n.kind != "place" and " " in n.text]
    for c in claims:
        c.donors = officials_as_states(as_named(donor_names(ampersand_pairs(c.donors, seen)),
                                                names_so_far), seen,
                                       {r.code for r in c.recipients if r.code})
        c.donors = named_in_full(firm_full_names(office_givers(founded_names(spelled_out(
            as_the_text_writes(c.donors, seen), seen), seen), seen), text), long_names)
        c.recipients = without_own_country(c.donors, c.recipients)
    claims = drop_tallies(claims, tallies)
    for c in claims:  # as written, not as read
        if c.from_title and title:
            c.evidence["sentence"] = title.strip()
        elif (written := text[c.evidence["start"]:c.evidence["end"]]).lower() == c.evidence[
                "sentence"].lower():
            c.evidence["sentence"] = written  # a subheading read in lower case
    carry_headline_recipients(claims)
    headline_helped(claims, title)
    graded_again(claims, text, title)
    shared_takers(claims, text)
    more_of_the_same(claims, text)
    money_also_given(claims)
    _the_fund(claims, text)
    the_fund_again(claims, text, title)
    unnamed_fund(claims, text, title)
    to_the_drives_fund(claims, text, title)
    place_bodies(text, title, claims, url)
    place_unplaced(text, title, claims, ctx.unplaced, url)
    states_of_home(text, title, claims, url)
    not_to_itself(text, title, claims, url)
    for c in claims:  # a mission's gift that names no taker stays where the mission sits
        seats = [seat for d in c.donors if (seat := seat_of(d)) and seat[1] != state_of(d)]
        if not c.recipients and seats:  # ("the Chinese Consulate General in Toronto")
            c.recipients = [Recipient(seats[0][0], seats[0][1])]
    for c in claims:  # a part that names no place of its own goes where its whole went
        if c.parent is not None and 0 <= c.parent < len(claims) and not c.recipients:
            c.recipients = list(claims[c.parent].recipients)
    for c in claims:  # "the government" of no country the article makes clear: unnamed
        c.recipients = [r for r in c.recipients if r.code != UNNAMED_STATE]
    return _anchored(_counted_totals(drop_summed_totals(givers_shares_restated(
        shares_restated(dedupe(claims)))), counted_money))


def _counted_totals(claims: list[Claim], counted: set[int]) -> list[Claim]:
    """ "Twelve firms gave a total of $900,000 to the Fund", then "A gave
    GH¢500,000, ... B donated GH¢100,000": money whose givers the sentence only counts, named
    by no list, is the tally of the gifts told after it by their own givers, no gift of its
    own (also the headline that told the same total), when those gifts make up at least half
    of it. Parents re-indexed."""
    if not counted:
        return claims
    drop = set()
    for i, c in enumerate(claims):
        parts = [o.quantity or 0 for o in claims[i + 1:] if o.item == "funds" and o.donors
                 and o.currency == c.currency and (o.quantity or 0) < (c.quantity or 0)]
        if id(c) in counted and not c.donors and len(parts) >= 2 and sum(parts) >= 0.5 * (
                c.quantity or 0):  # the gifts told after are most of it: its breakdown
            drop.add(i)
    totals = [claims[i] for i in drop]
    drop |= {i for i, c in enumerate(claims) if c.from_title and not c.donors
             and c.item == "funds" and any(t.currency == c.currency and abs(
                 (c.quantity or 0) - (t.quantity or 0)) <= 0.15 * (t.quantity or 0)
                 for t in totals)}  # "Relief Fund gets $0.9m more": that total rounded
    keep = [i for i in range(len(claims)) if i not in drop]
    return kept(claims, keep)


def _anchored(claims: list[Claim]) -> list[Claim]:
    """Claims that name a giver or a recipient: a bare "30 million masks were distributed"
    with neither is no checkable donation (parents re-indexed)."""
    keep = [i for i, c in enumerate(claims) if c.donors or c.recipients]
    return kept(claims, keep)


_THE_FUND = re.compile(r"\b(?:to|towards|into|for)\s+the\s+(?:relief\s+|aid\s+|charity\s+)?"
                       r"(?:fund|agency|association|charity|society|organi[sz]ation)\b")


def _the_fund(claims: list[Claim], text: str) -> None:
    """ "contribute Rs 500 crore to the fund", "donated 5 billion won to the relief agency": the
    fund or body the article named last as a recipient of money, else the fund it named last
    ("has come forward to donate to the PM-CARES fund. He has pledged Rs 25 crore for the
    fund")."""
    fund: list | None = None
    for c in claims:
        named = [r for r in c.recipients if r.org and (c.item == "funds" or re.search(
            r"\bFund\b", r.org))]  # the latest body that received money
        if named:
            fund = named
        elif not c.recipients and _THE_FUND.search(c.evidence["sentence"]):
            c.recipients = list(fund or fund_before(text, c.evidence.get("start", -1)))
        elif not c.recipients and c.item == "funds":  # "X tops the list of donors with N"
            c.recipients = ranked_fund(c.evidence["sentence"], text, c.evidence.get("start", -1))


def _sentence_claims(clause: Clause, claims: list[Claim], ctx: Context,
                     published: datetime | date | None, part: bool = False) -> list[Claim]:
    shape = anaphor(clause)
    fresh, ctx.fresh = ctx.fresh, max(0, ctx.fresh - 1)
    if ctx.list_open and shape is None and trigger_in(clause) is None and (
            bare_line(clause.sentence) or money_line(clause.sentence)):
        shape = "list"  # a line of the list after "Ma will donate at least:"
    elif shape != "list":
        ctx.list_open = clause.sentence.rstrip().endswith(":") and ctx.list_open
    if shape is None and fresh and _counted_by_giver(clause, ctx.donors):
        shape = "cargo"  # "X is donating gear ... The university came up with 9,000 gloves"
    if shape == "cargo" and ctx.bought:
        shape = None  # "The equipment includes ..." after "the gear had been procured"
    carry = ctx.item if (part or shape == "further") else None
    found = goods_claims(clause, published, shape, carry, ctx.item) + per_donor(
        clause, funds_claims(clause, published), "respectively" in clause.sentence.lower())
    if not found and shape == "list":  # "India: $2.9 million to help ..." under the intro
        found = line_funds(clause, published)
    elif not found and shape in ("cargo", "further") and ctx.donors:  # "The package included
        # $2 million", "Another $3 million went to Chile": the giver told before gives it
        found = cargo_funds(clause, published, shape == "further")
    found = told_again(clause, found, claims)  # "the Rs 100 crore" an earlier claim gave
    fill(found, clause, shape, ctx, claims)
    whole_shared(clause, found, claims)
    found += inline_parts(clause, found, len(claims), published)
    including_parts(clause, found, len(claims))
    found += bracketed_parts(clause, found, claims, len(claims), published)
    for c in found:  # before later sentences take them as their context
        c.donors = donor_names(c.donors)
        c.recipients = without_own_country(c.donors, c.recipients)
    if found and claims and restates_counted(clause, claims, found):
        return []  # the countries the donation before counted, told without its amount
    if not found and claims:
        found = part_claims(clause, claims, published) or share_claims(clause, claims,
                                                                          published)
    if found and claims and all(c.quantity is None for c in found) and giver_named_after(
            clause, claims):
        found = []  # "The masks, which ..., were donated to the state by X": the goods just
        # told, whose giver it names, no second gift
    if not found and claims:
        follow_up(clause, claims)
        named_after(clause, claims)
        backfill(clause, claims)
        contributors_named(clause, claims)
        giver_named_after(clause, claims)
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


_HANDED_TOLD = re.compile(r"\b(?:handed|handing|hands)\s+over\s+(?:the|these|those|this)\s+"
                          r"(?:[\w-]+\s+){0,2}?(?:equipment|supplies|donations?|items|goods|"
                          r"materials|consignment|aid|gear)\b", re.I)


def _counted_by_giver(clause: Clause, donors: list[str]) -> bool:
    """The sentence counts goods, with no verb of giving, and its subject is the giver of
    the gift announced just before: the announced gift's contents."""
    if not donors or trigger_in(clause) is not None:
        return False
    counted = [it for it in find_items(clause) if it.quantity and it.code != "funds"]
    return bool(counted) and set(subject(clause, counted[0].start) or []) == set(donors)


# "MOSCOW, March 24. /Wire/. ": the wire's name between slashes after the date's dot
_AGENCY_DATELINE = (r"[A-Z][A-Z.'’ -]{2,40},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
                    r"[A-Z][a-z]{2,8})\.\s*/[^/\s][^/]{0,30}/\.?(?:\s+|$)")
_DATELINE = re.compile(
    # "(Wire) — " opening a sentence: the rest of a dateline whose place ("LAKEVIEW, Va.") the
    # sentence splitter took for a sentence of its own
    r"^(?:\([A-Z][^)]{1,30}\)\s*(?:--|—|–|―|-)\s*(?=[A-Z0-9])"
    # "New Delhi, May 18 (Wire) Orvo said": a town in title case, a date, the agency, no dash
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([A-Z][\w .]{1,20}\)\s+"
    r"(?=[A-Z])"
    # "Skopje, 19 April 2020 (Wire) – ": a town in title case, a full date, the agency, a dash
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}\s*"
    r"(?:\([A-Z][\w .]{1,20}\)\s*)?(?:--|—|–|―|-)\s*(?=[A-Z0-9])"
    # "Santo Domingo, D.N. – ", "Washington, D.C. - ": a town in title case, its district's
    # initials, a dash
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},\s*(?:[A-Z]\.){1,3}\s*(?:--|—|–|―|-)\s*(?=[A-Z0-9])"
    r"|[A-Z][A-Z.'’ -]{2,40}:\s+(?=[A-Z0-9])"
    r"|[A-Z][A-Z.'’ -]{2,40},?\s*\([^)]{1,80}\)\s*\.?[:—–-]+\s*(?=[A-Z0-9])"  # "MANILA, (Wire) :",
    # "CDMX (April 1st, 2020).- ": the dateline of Mexican and other Spanish-language wires
    r"|[A-Z][A-Z.'’ -]{2,40}(?:,\s*(?:[A-Z][\w.]*\s*){1,3})?"
    r"(?:,\s*(?:[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][A-Za-z]{2,8})(?:,?\s+\d{4})?)?"
    r"\s*(?:\([^)]{1,40}\)|/[^/\s][^/]{0,30}/)?\s*(?:--|—|–|―|-)\s*"  # "/Wire/ --"
    r"(?:\([^)]{1,40}\)\s*(?:--|—|–|-)\s*)?"
    r"|[A-Z][A-Z.'’ -]{2,40}(?:,\s*(?:[A-Z][\w.]*\s*){1,3})?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"\s*\([^)]{1,40}\)\s*(?=[A-Z0-9])"  # "HAVANA, Cuba, Apr 6 (Wire) The ..."
    r"|\d{1,2}[:.]\d{2}\s*(?:[AP]M\s*)?(?:[A-Z]{2,4}\s*)?(?:--|—|–|-)\s*"
    r"|" + _AGENCY_DATELINE + ")")


_TOWN_COLON = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s+(?=[A-Z])")


def _dateline(sentence: str) -> int:
    """Length of a leading dateline ("KUALA LUMPUR, March 31 (Wire) - ") or live-blog time
    stamp ("09:40 GMT - "): place and outlet there are neither donors nor recipients."""
    m = _DATELINE.match(sentence)
    if m is None and (town := _TOWN_COLON.match(sentence)) and (
            place := lookup_place(town.group(1))) and place.kind == "city":
        return town.end()  # "Quito: A batch of 300 ventilators ...": a town's dateline
    if m and re.fullmatch(r"[A-Z]+-", m.group(0)) and not lookup_place(m.group(0)[:-1].title()):
        return 0  # "TECO-Boston said": a name with a hyphen, not a place's dateline
    if m and m.group(0).endswith("-") and sentence[m.end():m.end() + 1].islower():
        return 0  # "A SOUTHAMPTON-based provider": a compound word, no dateline
    if m and m.end() == len(sentence) and re.fullmatch(_AGENCY_DATELINE, sentence):
        return m.end()  # "HAIKOU, April 13. /Wire/." read as a sentence of its own: no names
    if m and sentence.startswith("(") and (more := _DATELINE.match(sentence[m.end():])) and (
            m.end() + more.end() < len(sentence)):
        return m.end() + more.end()  # "(Wire) - BEIJING, MARCH 17 - ": agency, then place
    return m.end() if m and m.end() < len(sentence) else 0
