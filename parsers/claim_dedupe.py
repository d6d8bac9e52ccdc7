"""One claim per fact: the same donation stated twice in an article (headline, body, quoted
tweet, a per-recipient restatement of a stated total) is kept once."""

from __future__ import annotations

import re
from dataclasses import replace

from aidledger.parsers.claim_givers import giver_key, state_of
from aidledger.parsers.claim_model import Claim
from aidledger.parsers.claim_restated import rounded_in_body
from aidledger.parsers.lexicon import REGION_PREFIX, region_members
from aidledger.parsers.name_kinds import legal_words
from aidledger.parsers.numbers import find_numbers
from aidledger.parsers.places import lookup_place


def _key(c: Claim) -> tuple:
    return (tuple(sorted(giver_key(d) for d in c.donors)), c.item, c.quantity,
            tuple(sorted(r.code or r.name for r in c.recipients)))


def dedupe(claims: list[Claim]) -> list[Claim]:
    """The same fact stated twice is one claim: the body's wording beats the headline's, a
    stated total beats a per-recipient amount times the recipients ("stated total wins")."""
    body = {(c.item, c.quantity): i for i, c in reversed(list(enumerate(claims)))
            if not c.from_title}
    for c in claims:  # "1 million test kits" in the headline, "1.1 million" in the body
        if c.from_title and (c.item, c.quantity) not in body:
            twin = next((i for i, o in enumerate(claims) if not o.from_title and _rounded(c, o)),
                        None)
            if twin is not None:
                body[(c.item, c.quantity)] = twin
    order = [i for i, c in enumerate(claims) if c.from_title and (c.item, c.quantity) not in body]
    order += [i for i, c in enumerate(claims) if not c.from_title]
    out: list[Claim] = []
    index_map: dict[int, int] = {}
    again = _list_told_again(claims)
    for i in order:
        c = claims[i]
        dup = index_map.get(again[i]) if i in again else next(
            (j for j, o in enumerate(out) if _same(o, c) or _restated(o, c)
             or rounded_in_body(o, c) or rounded_in_body(c, o)), None)
        if dup is not None and (i in again or _told_back(c)):  # told again: what it lacked
            index_map[i] = dup
            out[dup].donors = c.donors if _state_then_body(out[dup], c) else (
                out[dup].donors or c.donors)
            out[dup].recipients = out[dup].recipients or c.recipients
            continue
        if dup is not None:
            index_map[i] = dup
            if {out[dup].item, c.item} == _MASKS:
                out[dup].item = "respirator"  # the masks told by their grade once
            if c.donors and own_words(out[dup]) and not own_words(c):
                out[dup].donors = c.donors  # the giver's "we" first, its name told after
            elif _state_then_body(out[dup], c):
                out[dup].donors = c.donors  # "from China" first, "donated by the X
                # Foundation" told after: the body named is the giver, its country was loose
            elif not out[dup].donors and c.donors:
                out[dup].donors = list(c.donors)  # the giver only the retelling names
            if rounded_in_body(out[dup], c):
                out[dup].quantity = c.quantity  # "more than seven million", then "7.07 million"
            if out[dup].quantity_each is not None and c.quantity_each is None:
                each = {r.code for r in out[dup].recipients}
                if not c.recipients or (_within(each, {r.code for r in c.recipients}) and
                                        not _within({r.code for r in c.recipients}, each)):
                    c.recipients = out[dup].recipients  # (the region the total went to, not
                out[dup] = c  # the hub it lands in) the stated total, not each x count
            elif not out[dup].recipients and c.recipients:
                out[dup].recipients = c.recipients
            elif not out[dup].from_title and not c.from_title:  # "eight EU countries", then the
                have = {r.code for r in out[dup].recipients}  # eight named: all of them
                out[dup].recipients += [r for r in c.recipients if r.code not in have]
            continue
        index_map[i] = len(out)
        out.append(c)
    for i, c in enumerate(claims):  # a headline claim the body repeats: its body twin
        if i not in index_map:
            index_map[i] = index_map[body[(c.item, c.quantity)]]
            twin = out[index_map[i]]
            twin.donors = twin.donors or list(c.donors)
            twin.recipients = twin.recipients or list(c.recipients)
    for c in out:
        if c.parent is not None:
            c.parent = index_map.get(c.parent)
    return out


def _state_then_body(first: Claim, then: Claim) -> bool:
    """The first reading names only states, the later one only private bodies (a state's own
    agency, "the X Development Agency", stays the state's gift as first read)."""
    return bool(first.donors) and bool(then.donors) and all(
        state_of(d) for d in first.donors) and all(
        _PRIVATE.search(d) and not state_of(d) for d in then.donors)


_PRIVATE = re.compile(r"\b(?:Foundation|Charity|Trust|Group|Company|Corp|Corporation|Inc|Ltd|"
                      r"Limited|Co|Association|Club|Society|Bank)\.?$")


def _list_told_again(claims: list[Claim]) -> dict[int, int]:
    """ "The shipment includes 500,000 masks, 40,000 overalls and 1,500 goggles" twice in one
    article (a summary line, then the body): a later sentence whose goods all repeat the items
    and counts of one earlier sentence's, two or more of them, restates that list whatever
    giver or taker each reading found. Each repeated claim's index -> its earlier twin's."""
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        if not c.from_title and c.item != "funds" and c.quantity:
            groups.setdefault(c.evidence["start"], []).append(i)
    lists = [g for g in groups.values() if len(g) > 1]
    out: dict[int, int] = {}
    for n, later in enumerate(lists):
        for earlier in lists[:n]:
            free = list(earlier)
            pairs = []
            for i in later:
                twin = next((j for j in free if (claims[j].item, claims[j].quantity) == (
                    claims[i].item, claims[i].quantity)), None)
                if twin is None:
                    break
                free.remove(twin)
                pairs.append((i, twin))
            if len(pairs) == len(later) and not _other_event(claims[later[0]],
                                                             claims[earlier[0]]):
                out.update(pairs)
                break
    return out


# "China earlier provided Korea with 1 million masks" after "China has donated 1 million more
# masks": the same figures in an earlier event are another donation, not a restatement
_EARLIER = re.compile(r"\b(?<!than )(?<!than that )(?<!than what was )"  # "more than previously
                      r"(?:earlier|previously|before that|prior to that|the first batch|"  # said"
                      r"the first round|in its first)\b", re.I)


def _other_event(a: Claim, b: Claim) -> bool:
    return bool(_EARLIER.search(a.evidence["sentence"])) != bool(
        _EARLIER.search(b.evidence["sentence"]))


def _same(a: Claim, b: Claim) -> bool:
    if a.item != b.item and {a.item, b.item} == _MASKS and a.quantity == b.quantity and (
            a.evidence.get("start") != b.evidence.get("start")) and (  # (one sentence's "N95
            # and surgical masks" are two kinds)
            a.quantity and a.donors and {giver_key(d) for d in a.donors} == {
                giver_key(d) for d in b.donors}):  # "80,000 respiratory masks", then "our
        return _same(a, replace(b, item=a.item))  # stock of 80,000 masks": the same masks
    if a.item != b.item or a.quantity != b.quantity:
        return False  # first, as it is cheap: most pairs differ here, and differing keys do
    if _other_event(a, b) or _two_mentions(a, b) or _other_bodies(a, b):
        return False
    if _key(a) == _key(b) or _told_back(b):
        return True
    if a.quantity is None:
        return False
    ra = {r.code for r in a.recipients}
    rb = {r.code for r in b.recipients}
    da = {giver_key(d) for d in a.donors}
    db = {giver_key(d) for d in b.donors}
    if ra and rb:
        return (ra <= rb or rb <= ra or _within(ra, rb) or _within(rb, ra)) and (
            not da or not db or _kin(da, db) or own_words(a) or own_words(b))
    if not (da and ra) or not (db and rb):  # a bare restatement ("500,000 masks were sent")
        # joins the fact it restates, and so do a giver's own words
        return not da or not db or _kin(da, db) or own_words(a) or own_words(b)
    return bool(da) and _kin(da, db)  # one names no recipient: the same only if donors agree


def _other_bodies(a: Claim, b: Claim) -> bool:
    """ "- Andes Fund: Rs 9 lakh", "- Tarsa Union: Rs 9 lakh": equal amounts to two bodies
    named apart are two gifts, whatever country each body was placed in."""
    na = {_bare(r.org) for r in a.recipients if r.org}
    nb = {_bare(r.org) for r in b.recipients if r.org}
    return bool(na and nb) and not any(x in y or y in x for x in na for y in nb)


def _bare(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


_MASKS = {"face_mask", "respirator"}


def own_words(c: Claim) -> bool:
    """The claim is a giver's own words ('"... we have donated 300,000 masks to Kenya," it
    said', a tweet: "We are pledging to donate Rs 5 crore to relief funds"): "we" or "our" the
    subject of its count's verb. Whoever its "we" was read as, the same goods to the same
    takers (or to none named) as a claim told in the article's words are that claim."""
    if c.at is None or c.from_title:
        return False
    s = c.evidence["sentence"]
    at = c.at - c.evidence.get("start", 0)
    return 0 <= at < len(s) and bool(_FIRST_PERSON.search(s, max(0, at - 60), at))


# "we chose to give", "we're donating": the giver of the count ("our partner X has
# donated" names another)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]ur)(?:\s+[a-z]+){0,4}\s+$")


def _told_back(c: Claim) -> bool:
    """ "Hsu said that the 80,000 masks for the four allies had been shipped out": goods with
    "the" before their count are goods told of before, whoever each reading found gives them."""
    if c.at is None or c.from_title:
        return False
    at = c.at - c.evidence.get("start", 0)
    return 0 < at <= len(c.evidence["sentence"]) and bool(
        _THE_BEFORE.search(c.evidence["sentence"], 0, at))


_THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.I)


def _two_mentions(a: Claim, b: Claim) -> bool:
    """ "200 units of Oxygen Concentrators 5L and 200 units of Oxygen Concentrators 10L",
    "10,000 face masks for nurses, 10,000 surgical masks": one sentence counting the goods
    twice, each entry with its own number, states two donations, not one twice."""
    return a.at is not None and b.at is not None and a.at != b.at and not a.from_title and (
        a.evidence.get("start") == b.evidence.get("start"))


def _within(regions: set[str], countries: set[str]) -> bool:
    """ "Eight EU member countries are to receive 1.3 million masks" and "Austria, Denmark
    ... are to receive 1.3 million masks": the countries all lie in the region named."""
    members = {m for r in regions if r.startswith(REGION_PREFIX) for m in region_members(r)}
    return bool(members) and countries <= members | regions


def _kin(da: set[str], db: set[str]) -> bool:
    """The same givers, a person and their own foundation alike: "Aliko Dangote" donating
    N200 million and "the Aliko Dangote Foundation (ADF) donated N200 million" are one gift."""
    def base(names: set[str]) -> set[str]:
        return {re.sub(r"(?:['’]s)?\s+(?:foundation|charitable foundation|group)$", "", d)
                for d in names}
    return da == db or base(da) == base(db) or _same_house(da, db) or _named_in_full(da, db) \
        or _clipped(da, db)


def _clipped(da: set[str], db: set[str]) -> bool:
    """ "Co-op Bank" and "Co-operative Bank of Kenya": one giver, each word of the short name
    the start of the long one's word in turn (two words at least, a clipped one among them)."""
    if len(da) != 1 or len(db) != 1:
        return False
    a, b = sorted((next(iter(da)).split(), next(iter(db)).split()), key=len)
    return 1 < len(a) <= len(b) and a != b[:len(a)] and all(
        y.startswith(x) and len(x) > 2 for x, y in zip(a, b, strict=False))


def _named_in_full(da: set[str], db: set[str]) -> bool:
    """ "Akshay" and "Akshay Kumar": one giver named once by a single name of the full one."""
    if len(da) != 1 or len(db) != 1:
        return False
    a, b = sorted((next(iter(da)).split(), next(iter(db)).split()), key=len)
    return len(a) == 1 < len(b) and a[0] in (b[0], b[-1]) and len(a[0]) > 2


def _same_house(da: set[str], db: set[str]) -> bool:
    """ "ZTE Corporation" and "ZTE Bangladesh", "Vivo" and "Vivo India": one company named with
    its legal form or its local arm's country; the same name once both are set aside."""
    return len(da) == len(db) and {_core(d) for d in da} == {_core(d) for d in db} != {""}


_LEGAL = frozenset(w.lower() for w in legal_words())


def _core(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[-1] in _LEGAL or lookup_place(words[-1]) is not None):
        words.pop()
    return " ".join(words)


def _restated(a: Claim, b: Claim) -> bool:
    """ "Each country will receive 20,000 test kits" after "1.1 million test kits" for the 54:
    the per-recipient amount times the recipients within 15% of a stated total."""
    if (a.quantity_each is None) == (b.quantity_each is None) or not (
            a.item == b.item or {a.item, b.item} <= _MASKS):  # "400,000 masks (KF94) ... --
        return False  # 200,000 masks for each of them --": the grade told once
    if not a.quantity or not b.quantity or abs(a.quantity - b.quantity) > 0.15 * max(
            a.quantity, b.quantity):
        return False
    da, db = {giver_key(d) for d in a.donors}, {giver_key(d) for d in b.donors}
    ra, rb = {r.code for r in a.recipients}, {r.code for r in b.recipients}
    return (not da or not db or da <= db or db <= da) and (  # "Jack Ma Foundation" for "the
        not ra or not rb or ra <= rb or rb <= ra  # Jack Ma and Alibaba foundations": the same;
        or _within(ra, rb) or _within(rb, ra))  # "to the 54 African nations", then "delivered
    # to Addis Ababa" in the region: the region's total


_MASKS = {"face_mask", "respirator"}  # "100,000 masks" in a headline, "KN95 masks" below


_ABOUT = re.compile(r"\b(?:over|more than|nearly|almost|about|around|some|roughly|"
                    r"close to)\s+(?:[A-Z]{0,3}\$|[£€₹₱¥]|[A-Z]{3}\s?)?\d", re.I)


def _rounded(title: Claim, b: Claim) -> bool:
    """A headline's round figure for the body's ("over half million masks" for 520,000, "1
    million" for 1.1 million): the same goods within 15%, givers and takers not at odds; an
    amount "each" the headline could not multiply ("5 cr each to Maha, Gujarat") is the body's
    per-taker amount."""
    if title.quantity and b.quantity_each == title.quantity and b.item == title.item and (
            re.search(r"\b(?:each|apiece)\b", title.evidence["sentence"], re.I)):
        return _kin({giver_key(d) for d in title.donors}, {giver_key(d) for d in b.donors}) or (
            not title.donors)
    if title.item == b.item == "funds" and title.currency != b.currency:
        return _headline_conversion(title, b)
    if title.item == b.item == "funds" and title.quantity and b.quantity and \
            abs(b.quantity - title.quantity) <= 0.1 * title.quantity and _ABOUT.search(
                title.evidence.get("sentence", "")) and _kin(
                {giver_key(d) for d in title.donors}, {giver_key(d) for d in b.donors}):
        return True  # "Karoo Foundation gives over $800,000" over "has given $812,500"
    if not (title.item == b.item or {title.item, b.item} <= _MASKS) or title.item == "funds":
        return False
    if not title.quantity or not b.quantity or abs(title.quantity - b.quantity) > 0.15 * max(
            title.quantity, b.quantity):
        return False
    ra, rb = {r.code for r in title.recipients}, {r.code for r in b.recipients}
    if ra and rb and not ra & rb:
        return False
    words = [{w for d in c.donors for w in ([giver_key(d)] if giver_key(d).startswith("state:")
                                            else re.findall(r"[a-z]{4,}", d.lower()))}
             for c in (title, b)]  # (a state by its code: "Peruvian Embassy" is "Peru")
    return not (words[0] and words[1]) or bool(words[0] & words[1])


def _headline_conversion(title: Claim, b: Claim) -> bool:
    """ "Vinamilk donates 430,000 USD" over "10 billion VND (nearly 430,000 USD)": the headline
    gives the body's amount as converted in its brackets, by the same giver; a headline's
    lone giver written otherwise ("Top Banker Gives $9 Million" over "X donated NOK 90
    million ($9 million)") when the converted figure is the headline's to the unit."""
    if not title.quantity:
        return False
    kin = _kin({giver_key(d) for d in title.donors}, {giver_key(d) for d in b.donors})
    if not kin and len(title.donors) > 1:
        return False
    s = b.evidence.get("sentence", "")
    near = 0.15 if kin else 0.0
    return any(n.currency == title.currency and n.value and s.count("(", 0, n.start) > s.count(
        ")", 0, n.start) and abs(n.value - title.quantity) <= near * title.quantity
        for n in find_numbers(s))
