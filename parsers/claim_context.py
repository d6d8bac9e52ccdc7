"""What a sentence leaves unsaid and the article said before: the donation being described.

News spreads one donation over several sentences: "X announced donations to A, B and C." then
"Together the seven countries will receive 1.7 million masks."; "The consignment includes 500
ventilators, Ma wrote."; a list under "Ma will donate at least:"; "Each member state received
20,000 test kits". A sentence of one of these shapes (an anaphor) takes the donors, recipients
and status it lacks from the latest donation statement; any other sentence stands alone, so a
missing donor stays missing rather than being guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aidledger.parsers.claim_counted import unnamed_giver
from aidledger.parsers.claim_givers import country_of
from aidledger.parsers.claim_home import EPITHET
from aidledger.parsers.claim_partners import resolve_donors
from aidledger.parsers.claim_parts import Clause, status_of, trigger_in
from aidledger.parsers.claim_quotes import recalled_gift
from aidledger.parsers.claim_recipients import recipients_in
from aidledger.parsers.claim_shapes import anaphor
from aidledger.parsers.claim_speakers import attributed_donors
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.numbers import parse_number
from aidledger.parsers.places import named_taker
from aidledger.parsers.records import Recipient

_LIST_DONOR = re.compile(r"^(?:[-•*–]\s+|(?=[A-Z][\w&.'’ -]{0,40}?:\s))"
                         r"([A-Z][\w&.'’ -]{0,40}?)\s*(?::|\s[–—-])\s")
_COUNT = re.compile(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"[a-z]+teen|twenty|thirty|forty|fifty)(?: more)?(?: [A-Z][\w-]+)?"
                    r"(?: [A-Z][\w-]+)? (?:countries|nations|member states|states)\b")


@dataclass
class Context:
    """The latest donation statement of the article (a claim or an announcement)."""

    donors: list[str] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    count: int | None = None  # "the 54 member states": how many recipients it names
    status: str | None = None
    list_donors: list[str] = field(default_factory=list)  # the intro of a bullet list
    list_recipients: list[Recipient] = field(default_factory=list)
    list_status: str | None = None
    list_each: int | None = None  # "each of the 54 countries would receive the following:"
    receivers: set[str] = field(default_factory=set)  # names seen as recipients so far
    held: list[Recipient] = field(default_factory=list)  # takers set aside by another giver
    bought: bool = False  # the latest statement was a purchase
    list_open: bool = False  # lines after "Ma will donate at least:" until one is prose
    list_home: bool = False  # the intro gives "to help the nation": the article's country
    list_shares: bool = False  # "The break-up follows:": each line names a taker, no giver
    fresh: int = 0  # sentences left in which the giver's counted goods, with no verb of their
    # own, are the gift just announced ("X is donating gear. X came up with 9,000 gloves")

    item: tuple[str, str] | None = None  # (code, label) of the latest goods claimed
    unplaced: list = field(default_factory=list)  # goods referred back to with no taker yet

    def note(self, donors: list[str], recipients: list[Recipient], status: str | None,
             sentence: str) -> None:
        self.bought = False
        if donors and not recipients and self.donors and not _same_giver(donors, self.donors):
            self.held, self.recipients = self.recipients, []  # another giver's statement
            # naming no taker is the latest: the takers of the one before are not its (how
            # many they were stays, for "Each country will receive" when they come back)
        if donors and self.donors and _PASSED_ON.search(sentence) and all(
                _taker(d, self.receivers) for d in donors):
            donors = []  # "The Orvo Agency handed over the supplies to the ministry" after it
            # took them from X: a taker passing the goods on, X's statement stays the latest
        if donors:
            self.donors = donors
        if recipients:
            same = {r.code for r in recipients} == {r.code for r in self.recipients or self.held}
            self.count = country_count(sentence) or (self.count if same else None)
            self.recipients = recipients
            self.receivers |= {r.org or r.name for r in recipients}
        self.status = status or self.status


# goods referred back as a whole ("the essential medical supplies"), no count of their own
_PASSED_ON = re.compile(r"\b(?:handed|turned|passed)\s+over\s+the\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:supplies|items|goods|equipment|donations?|consignment|materials)\b",
                        re.I)


def _taker(name: str, receivers: set[str]) -> bool:
    """Whether `name` is one who took goods before, as written or by its acronym ("GCPO")."""
    return name.lower() in {r.lower() for r in receivers} or (name.isupper() and len(name) > 2
                                                              and any(name in "".join(
        w[0] for w in re.findall(r"[A-Z][\w’'-]*", r)) for r in receivers))  # ("CDC" of "Guyana
    # Civil Defence Commission": an acronym may leave out the country)


_COMMON = {"the", "of", "and", "foundation", "group", "company", "government", "his", "her",
           "its", "their", "co", "ltd", "inc", "bank", "trust", "fund"}


def _same_giver(new: list[str], old: list[str]) -> bool:
    """Whether the givers share a distinctive word ("Ma" and "Jack Ma"): the same giver told
    again, not another's statement."""
    def words(names: list[str]) -> set[str]:
        return {w for n in names for w in re.findall(r"[\w’'-]+", n.lower())} - _COMMON
    fresh = words(new)
    return not fresh or bool(fresh & words(old))


def country_count(sentence: str) -> int | None:
    m = _COUNT.search(sentence)
    return parse_number(m.group(1)) if m else None


# "The donors so far are:", "Contributions include:": lines of givers and their money follow
_GIVERS_INTRO = re.compile(r"\b(?:donors|contributors|givers|donations|contributions|pledges)\b"
                           r"[^:]{0,40}:\s*$", re.I)


_BREAK_UP = re.compile(r"\b(?:break-?ups?|breakdowns?|as follows|split|details|distribution)\b"
                       r"[^:]{0,30}:\s*$", re.I)


def list_intro(clause: Clause, ctx: Context) -> None:
    """ "Ma will donate at least:" gives the donors and status of the list lines after it."""
    if not clause.sentence.rstrip().endswith(":"):
        return
    trig = trigger_in(clause)
    ctx.list_donors, ctx.list_status, ctx.list_recipients = [], None, []
    ctx.list_shares = False
    ctx.list_open = trig is not None or bool(_GIVERS_INTRO.search(clause.sentence))
    ctx.list_home = bool(EPITHET.search(clause.sentence))  # "... who came forward to help
    # the nation with their donations:": lines naming no taker give to the article's country
    if trig is not None:
        ctx.list_donors = resolve_donors(clause, trig) or ctx.donors
        ctx.list_status = status_of(clause, len(clause.sentence))
        recips, _, _ = recipients_in(clause, _At(trig.end), ctx.list_donors)
        ctx.list_recipients = recips or ctx.recipients
    elif ctx.donors and _BREAK_UP.search(clause.sentence):  # "The break-up follows:": the
        ctx.list_open = ctx.list_shares = True  # lines share out the gift told before,
        ctx.list_donors, ctx.list_status = list(ctx.donors), ctx.status  # each to its taker
    elif ctx.donors and anaphor(clause) == "cargo":  # "The latest batch of aid includes:":
        # the lines are the contents of the donation told before
        ctx.list_open = True
        ctx.list_donors, ctx.list_status = list(ctx.donors), ctx.status
        ctx.list_recipients = list(ctx.recipients)
    if re.search(r"\beach\b", clause.sentence, re.I):  # "each of the 54 countries will get:"
        ctx.list_each = (_each_of(clause.sentence) or country_count(clause.sentence)
                         or _countries(ctx.list_recipients))


def fill(claims: list, clause: Clause, shape: str | None, ctx: Context,
         earlier: list) -> None:
    """Give the sentence's claims what the earlier statement said and they do not."""
    said = attributed_donors(clause) if any(not c.donors for c in claims) else []
    line_donor = _LIST_DONOR.match(clause.sentence) if shape == "list" else None
    line_place = lookup_place(line_donor.group(1)) if line_donor else None
    if line_place is not None:  # "- Ethiopia: 100,000 masks": who receives, not who gives
        line_donor = None
        head = _LIST_DONOR.match(clause.sentence).group(1).strip()  # type: ignore[union-attr]
        for c in claims:
            c.recipients = [Recipient(head, line_place.code)]
    if line_donor and ctx.list_shares:  # "- FEFSI: Rs 25 lakh" in a break-up: FEFSI takes
        head = line_donor.group(1).strip()
        for c in claims:
            if c.donors == [head]:
                c.donors = []
                c.recipients = [named_taker(head)]  # (no place: read above)
        line_donor = None
    told_receipt = bool(_TOLD_RECEIPT.search(clause.sentence))  # "received the consignment"
    told_item = ctx.item[0] if ctx.item else None  # the goods told last, any named again
    told_goods = told_item is not None and any(o.item == told_item for o in claims)
    for c in claims:
        parent = _parent(c, earlier) if shape == "part" else None
        if parent is not None:
            c.parent = parent
            c.donors = c.donors or list(earlier[parent].donors)
        told = ctx.list_donors if shape == "list" else ctx.donors
        if not c.donors:
            if line_donor and not _goods_head(line_donor.group(1), c):
                c.donors = [line_donor.group(1).strip()]
            elif shape and told and not unnamed_giver(clause.sentence):
                c.donors, c.told = list(told), True  # "The consignment included ..., the
                # agency said": the giver of the consignment, not who reports it (a giver
                # named next, "were donated by X", still wins; "from well-wishers": none)
            elif said:
                c.donors = list(said)
            elif _receipt_of_earlier(clause, c, ctx) or (ctx.donors and told_receipt):
                c.donors = list(ctx.donors)  # "France and Italy will receive 200,000 ...",
                # "the minister received the consignment of ..."
        if shape and not c.recipients and not _REST.search(clause.sentence):
            c.recipients = list(ctx.list_recipients if shape == "list" else ctx.recipients)
            if not c.recipients and shape == "list" and ctx.list_home:
                ctx.unplaced.append(c)
            if not c.recipients and shape in _REFERS_BACK and c.item != "funds":  # "The
                # consignment included 20,000 masks": goods for the article's country
                ctx.unplaced.append(c)
        elif not c.recipients and (_WE_RECEIVE.search(clause.sentence) or (
                c.told or c.donors == ctx.donors) and told_receipt):
            c.recipients = list(ctx.recipients)  # a recipient's official: "we are getting",
            # "the Deputy Minister received the consignment of ...": the takers told
        elif not c.recipients and not c.donors and c.status in ("arrived", "in_transit") and (
                ctx.donors and ctx.recipients and told_goods):
            c.recipients = list(ctx.recipients)  # "Orvo donated masks to Peru. A plane
            # landed at Jorge Chavez with 60,000 masks": the goods told, arriving (the
            # giver is carried to them later)
        if shape and c.status is None:
            c.status = ctx.list_status if shape == "list" else ctx.status
        if shape in ("each", "list") and c.quantity is not None and c.quantity_each is None \
                and not _STATED_TOTAL.search(clause.sentence):  # "..., a total of 1.08
            # million kits": the total the sentence states is the whole gift, no amount each
            n = (_each_of(clause.sentence) or ctx.count or _countries(c.recipients)
                 ) if shape == "each" else ctx.list_each  # a line under "each will get:"
            if n and n > 1:
                c.quantity_each, c.quantity = c.quantity, c.quantity * n


_STATED_TOTAL = re.compile(r"\b(?:a\s+total\s+of|totall?ing|in\s+total|in\s+all|altogether)\b",
                           re.I)


def _goods_head(head: str, claim) -> bool:
    """ "Face masks: 5,000": the line's head names its goods, not a giver."""
    head, label = head.strip().lower(), (claim.item_label or "").lower()
    return bool(label) and (label in head or head in label)


_REFERS_BACK = {"cargo", "passive"}


# receiving the gift told before: "received the consignment of", "took delivery of the
# donation" (its giver and takers are the statement's)
_TOLD_RECEIPT = re.compile(r"\b(?:received|receives|receiving|accepted|collected|took\s+delivery\s+"
                           r"of)\s+(?:the|this|that|these)\s+(?:[\w-]+\s+)?(?:consignment|donation|"
                           r"shipment|supplies|batch|cargo|package|items|goods|gift)\b", re.I)
_RECEIVES = re.compile(r"\b(?:will|would|are to|is to)?\s*(?:receive|get|share|split)\b|"
                       r"\b(?:received|receives|got|gets|getting)\b", re.I)


_WE_RECEIVE = re.compile(r"\bwe\s+(?:are|were|have|had|will|would)?\s*(?:also\s+|now\s+|just\s+)?"
                         r"(?:be\s+)?(?:getting|received|receive|got|get)\b"
                         r"|\b(?:sent|gave|given|donated|handed|delivered)\s+(?:to\s+)?us\b", re.I)


_REST = re.compile(r"\b(?:the\s+)?(?:remaining|rest)\b", re.I)  # goes elsewhere than before


def _receipt_of_earlier(clause: Clause, claim, ctx: Context) -> bool:
    """A receiving sentence naming no giver, whose recipients the latest statement named:
    it tells how that statement's goods are shared out."""
    codes = {r.code for r in claim.recipients}
    return bool(ctx.donors and codes and codes <= {r.code for r in ctx.recipients}
                and _RECEIVES.search(clause.sentence)
                and not re.search(r"\bfrom\b", clause.sentence)
                and not _EARLIER_EVENT.match(clause.sentence))


# "Earlier, Pakistan received ...": an event before the one just told, not a share of it
_EARLIER_EVENT = re.compile(r"^\W*(?:earlier|previously|before that|prior to that|last (?:week|"
                            r"month|year)|in (?:january|february|march|april|may|june|july|"
                            r"august|september|october|november|december))\b", re.I)


def _parent(claim, earlier: list) -> int | None:
    """ "5.6 million of the masks": the latest earlier claim of that item it is a part of (one
    whose quantity the text did not give, "donated masks to the EU", can be a whole too)."""
    for i in range(len(earlier) - 1, -1, -1):
        e = earlier[i]
        if (e.item == claim.item and claim.quantity and e.parent is None
                and (e.quantity is None or e.quantity > claim.quantity)):
            return i
    return None


def _each_of(sentence: str) -> int | None:
    m = re.search(r"\beach of (?:the|these|those) ([\w-]+)", sentence, re.I)
    return parse_number(m.group(1)) if m else None


def _countries(recipients: list[Recipient]) -> int | None:
    codes = [r.code for r in recipients if r.code and ":" not in r.code]
    return len(codes) if len(codes) > 1 and len(codes) == len(recipients) else None


def announcement(clause: Clause, ctx: Context) -> None:
    """A donation stated without quantities ("X announced donations to A, B and C") becomes
    the statement later sentences refer back to."""
    trig = trigger_in(clause)
    if trig is None or _EVENT_AFTER.match(clause.sentence, trig.end):
        return  # "watched the donation handover ceremony online": an event, no one gives in it
    donors = resolve_donors(clause, trig)
    if not donors and (by := _DONATED_BY.search(clause.sentence, trig.end)) and (
            later := trigger_in(clause, by.start() + 1)) is not None:
        donors = resolve_donors(clause, later)  # "arrived ... with a consignment of supplies
        # donated by China": the giver the sentence names
    if ctx.donors and _TOLD_GOODS.match(clause.sentence, trig.end):
        donors = []  # "X handed over the supplies at the ceremony": the gift told before, whose
        # giver stays the giver; X only hands it over
        if (by := _DONATED_BY.search(clause.sentence, trig.end)) and (
                later := trigger_in(clause, by.start() + 1)) is not None:
            donors = resolve_donors(clause, later)  # "... the supplies donated by the Chinese
            # government": the giver the sentence names, as written there
    if _RECEIVED_GIFT.search(clause.sentence, 0, trig.start):
        donors = []  # "..., the minister said at the airport, where she took in the gift":
        # who takes the gift, not who gives it
    if donors and _named_in(donors, clause) and recalled_gift(clause.text, clause, trig.start):
        return  # "“Peruvians sent gloves when we were short,” the envoy said": past help a
        # quote recalls; the goods told next are still the report's own gift
    recips, _, _ = recipients_in(clause, _At(trig.end), donors)
    recips = [r for r in recips if not _made_in(clause.sentence, r.name)]
    if ctx.donors and donors and not _named_in(donors, clause):
        donors = []  # "X says they are committed to helping": a pronoun read back to a name
        # sentences before is no new giver for the goods told next (the last one stays)
    ctx.note(donors, recips, status_of(clause, trig.end), clause.sentence)
    if donors:
        ctx.fresh = 2


_DONATED_BY = re.compile(r"\b(?:donated|provided|given|gifted|offered|sent)\s+by\s", re.I)
_EVENT_AFTER = re.compile(r"\s+(?:hand(?:ing)?[\s-]?over\s+)?(?:ceremony|event|programme|program|"
                          r"function|drive|campaign|ceremonies|events)\b", re.I)
_TOLD_GOODS = re.compile(r"\s+(?:over\s+)?(?:the|these|those|this|that)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:gears?|supplies|donations?|items|equipment|consignment|shipment|"
                         r"goods|aid|materials|cargo|batch|package)\b", re.I)


# "... to receive the donation": who takes it, not who gives
_RECEIVED_GIFT = re.compile(r"\b(?:to\s+)?(?:receive|received|receiving|accept|accepted|"
                            r"accepting)\s+(?:the|a|this|its|their)\s+$", re.I)


# "flown from a plant in Bremen, Germany": where the goods come from, no taker
_FROM_IN = re.compile(r"\bfrom\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,4}?in\s+"
                      r"(?:[A-Z][\w-]*,?\s+){0,3}$")


# "a charity active in Peru and Central Asia": where a body works, no taker
_WORKS_IN = re.compile(r"\b(?:operates|operating|based|active|headquartered)\s+in\s+"
                       r"(?:[\w'’-]+,?\s+){0,4}$", re.I)


def _made_in(sentence: str, name: str) -> bool:
    at = sentence.find(name)
    return at > 0 and bool(_FROM_IN.search(sentence, max(0, at - 80), at)
                           or _WORKS_IN.search(sentence, max(0, at - 60), at))


def _named_in(donors: list[str], clause: Clause) -> bool:
    """Whether the sentence itself names one of the givers (a state also by its demonym or
    a place in it: "the Japanese government" is Japan)."""
    low = clause.sentence.lower()
    if any(d.lower() in low or d.split()[-1].lower() in low for d in donors):
        return True
    codes = {country_of(d) for d in donors} - {None}
    return bool(codes) and any(country_of(n.text) in codes for n in clause.names)


@dataclass
class _At:
    end: int
