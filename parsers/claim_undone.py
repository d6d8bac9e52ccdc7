"""Sentences that state no donation or take one back: questions, conditionals, a correction
restating the wrong figure, "That is false." after a claim, and the taker paying for the goods
("The US government does pay for this"), which makes the statement before a sale."""

from __future__ import annotations

import re
from itertools import combinations

from aidledger.parsers.claim_givers import giver_key
from aidledger.parsers.claim_model import Claim, kept
from aidledger.parsers.lexicon import find_places
from aidledger.parsers.names import vocab
from aidledger.parsers.prefilter import may_hold

_RETRACTED = re.compile(r"\b(?:an earlier version of this (?:article|story|report|post)|"
                        r"(?:we|this (?:article|story|report)) (?:had )?(?:incorrectly |wrongly |"
                        r"mistakenly )?(?:said|reported|stated|wrote|gave)\b)", re.I)
# every _RETRACTED match holds one of these (keep in step): a sentence with none is not searched
_RETRACTED_WORDS = ("an earlier version of this ", "we ", "this article ", "this story ",
                    "this report ")


def skip_sentence(sentence: str) -> bool:
    """Questions, conditionals and a correction's restatement of the wrong figure."""
    w = vocab()["words"]
    low = f" {sentence.lower()} "
    if sentence.rstrip().endswith("?") or may_hold(sentence, _RETRACTED_WORDS) and \
            _RETRACTED.search(sentence):
        return True
    return any(h in low for h in w["hypothetical"] if h.strip() in ("if", "unless", "whether"))


_PAYS = re.compile(r"\b(?:pay|pays|paid|paying)\s+for\s+(?:this|that|them|it|these|those|the\s+"
                   r"(?:kits|tests|masks|goods|supplies|equipment|ventilators|respirators|gear))\b"
                   r"(?!\s+(?:by|with)\b)", re.I)


def paid_by_recipient(sentence: str, claims: list[Claim]) -> int | None:
    """ "The US government does pay for this": the goods just told of are sold to the taker,
    so that statement was no donation; the start of its sentence, if so."""
    m = _PAYS.search(sentence) if may_hold(sentence, ("pay", "paid")) else None  # (its verbs)
    if not m:
        return None
    last = claims[-1]
    payers = {p.place.code for p in find_places(sentence[:m.start()])}
    return last.evidence["start"] if payers & {r.code for r in last.recipients} else None


_DENIAL = re.compile(r"^(?:but\s+)?(?:that|this|it|the (?:claim|report|post|story|rumou?r))\s+"
                     r"(?:is|was|has (?:been|proved))\s+(?:\w+\s+)?(?:false|untrue|not true|"
                     r"fake|wrong|incorrect|misleading|inaccurate|denied|a hoax)\b", re.I)


# "so far", "to date", "have now donated ... totaling", "up to 300 including the fresh donation":
# what a giver has given altogether, the new gift told elsewhere; "bringing the total to" is
# left to the amounts rules (the gift before it is new)
_RUNNING = re.compile(r"\b(?:so far|to date|till date|thus far|until now|up to now|as of now|"
                      r"up to the present|until today|to this day)\b"
                      r"|\bas\s+(?:stated|mentioned|noted|said|reported|announced|described)\s+"
                      r"(?:above|earlier|before|previously)\b"  # a summary of what was told
                      r"|\b(?:has|have)\s+now\s+(?:been\s+)?(?:donated|given|provided|sent|"
                      r"contributed|delivered|gifted|supplied|handed over)\b"
                      r"|\bincluding\s+(?:the|this|its|their)\s+(?:fresh|latest|new|recent|"
                      r"current|most recent)\s+(?:donation|consignment|batch|shipment|tranche|"
                      r"gift)\b", re.I)
_RELATIVE = re.compile(r"\b(?:which|that|who|where)\s+(?:\w+\s+){0,2}$", re.I)
_FIRST_LOT = re.compile(r"\b(?:the|its|their|a)\s+first\s+(?:shipment|batch|consignment|tranche|"
                        r"delivery|lot)\b", re.I)
_BRINGING = re.compile(r"\b(?:bring|brings|bringing|brought|taking|takes)\b[^.;]{0,40}\btotal\b",
                       re.I)


def running_total(sentence: str) -> bool:
    """ "China's assistance to Pakistan so far includes 12,000 test kits", "To date, the US has
    contributed $39 million": a tally of all the giver's gifts, no donation of its own."""
    if _BRINGING.search(sentence) or _FIRST_LOT.search(sentence):
        return False  # "with the first shipment so far including ...": one lot, no tally
    return any(not _RELATIVE.search(sentence, 0, m.start()) for m in _RUNNING.finditer(sentence))


def drop_tallies(claims: list[Claim], tallies: set[int]) -> list[Claim]:
    """A tally is no claim when the article tells a gift of the same giver and goods on its
    own (the tally counts it again); a giver's only statement of those goods, even "to
    date", is its donation (its money "so far" beside masks told alone too).
    `tallies` holds the ids of the claims read from tally sentences; parents re-indexed."""
    told: dict[tuple[str, str], list[int | None]] = {}
    for c in claims:
        if id(c) not in tallies:
            for d in c.donors:
                told.setdefault((giver_key(d), c.item), []).append(c.quantity)
    goods = {c.item for c in claims if id(c) not in tallies}

    def counted_again(c: Claim) -> bool:  # the same giver's same goods (or money) told on
        # their own; a tally naming no giver counts the same goods told ("Twenty ventilators
        # were handed over. A total of 30 have now been delivered"); a tally below every such
        # gift is the part of a pledge delivered so far ("aims to ship six million masks ...
        # so far, it has shipped a million"), no recount
        if not c.donors:
            return c.item in goods
        counts = [q for d in c.donors for q in told.get((giver_key(d), c.item), [])]
        counted = [q for q in counts if q is not None] or counts  # (a headline's "millions
        return bool(counted) and any(q is None or c.quantity is None or q <= c.quantity
                                     for q in counted)  # of masks" counts nothing)
    keep = [i for i, c in enumerate(claims) if id(c) not in tallies or not counted_again(c)]
    return kept(claims, keep)


def denies(sentence: str) -> bool:
    """ "That is false.": the claim of the sentence before is not one."""
    return bool(_DENIAL.match(sentence))


_A_TOTAL_BEFORE = re.compile(r"\b(?:a\s+total(?:\s+of)?|in\s+total|totall?ing|altogether)\s+"
                             r"(?:[^\s\d]{1,4}\s?)?$", re.I)
_A_TOTAL_AT = re.compile(r"(?:a\s+total(?:\s+of)?|in\s+total|totall?ing)\s", re.I)  # the count's
# own words when the number read begins with them


def drop_summed_totals(claims: list[Claim]) -> list[Claim]:
    """ "Laos has received a total of 300 ventilators" and then 120 from Norway and 180 from
    Chile, "a total 12,000 masks", then "4,000 face masks and 8,000 face shields":
    a total the article also tells as gifts of two or more givers, or of two or more goods,
    is their sum, no gift of its own (a whole one giver shares out among takers stays).
    Parents re-indexed."""
    drop = {i for i, c in enumerate(claims) if _summed(i, c, claims)}
    if not drop:
        return claims
    keep = [i for i in range(len(claims)) if i not in drop]
    return kept(claims, keep)


def _summed(i: int, total: Claim, claims: list[Claim]) -> bool:
    if not total.quantity or total.at is None or total.from_title:
        return False
    at = total.at - total.evidence.get("start", 0)
    sentence = total.evidence["sentence"]
    if not 0 <= at < len(sentence) or not (_A_TOTAL_BEFORE.search(sentence, max(0, at - 30), at)
                                           or _A_TOTAL_AT.match(sentence, at)):
        return False
    money = total.item == "funds"
    parts = [c for j, c in enumerate(claims) if j != i and c.quantity and c.parent != i
             and c.quantity_each is None and c.evidence.get("field") != "title"
             and (c.item == "funds") == money and c.quantity < total.quantity
             and (not money or c.currency == total.currency)][:_MOST_PARTS]
    for n in range(2, min(len(parts), 4) + 1):
        for chosen in combinations(parts, n):
            if sum(c.quantity or 0 for c in chosen) == total.quantity and (
                    total.item in {c.item for c in chosen}) and (
                    len({c.item for c in chosen}) > 1
                    or len({frozenset(giver_key(d) for d in c.donors) for c in chosen}) > 1):
                return True
    return False


_MOST_PARTS = 24  # 24 choose 4 is 10,626 sums, for a rare "a total of" claim only
