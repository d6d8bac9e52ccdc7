"""A second amount without its noun: more of the goods named before it ("1 million masks to
the Netherlands and 200,000 to Canada", "with another 200,000 on the way", "while 600,000 will
go to African nations", "the first tranche of 50")."""

from __future__ import annotations

import re

from aidledger.parsers.claim_model import Claim, evidence
from aidledger.parsers.claim_parts import Clause, Item, status_of
from aidledger.parsers.lexicon import find_places
from aidledger.parsers.records import Recipient

_ELIDED = re.compile(r"^\s+(?:more\s+)?(?:(?:intended|earmarked|destined|meant|set aside)\s+)?"
                     r"(?:to|for)\s+(?:the\s+)?")
# "while 600,000 will go to African nations", ", and 500 will be sent to Peru"
_WILL_GO = re.compile(r"^\s+(?:(?:will|would|are to|is to|are|were|is|was|have|has)\s+)?"
                      r"(?:also\s+|then\s+)?(?:go|went|goes|gone|be\s+(?:sent|given|delivered|"
                      r"distributed|shipped|allocated|donated|earmarked)|been\s+(?:sent|given|"
                      r"delivered|distributed|shipped|allocated|donated))\s+(?:to|for)\s+"
                      r"(?:the\s+)?", re.I)
_TRANCHE = re.compile(r"\b(?:the|a|its)\s+(?:first|second|initial|next)\s+(?:tranche|batch|"
                      r"shipment|consignment|lot|instal?lment|delivery)\s+of\s+$", re.I)
_MORE = re.compile(r"\b(?:another|a further|an additional)\s*$", re.I)
_GETS = re.compile(r"\b(?:will|would|are to|is to)\s+(?:each\s+)?(?:get|receive)\s+$"
                   r"|\b(?:will|would|are to|is to)?\s*(?:share|split|divide)\s+(?:the\s+)?"
                   r"(?:remaining|rest|other|last|final)?\s*$"
                   r"|\b(?:get|gets|got|receive|receives|received)\s+$", re.I)
_EACH_AFTER = re.compile(r"^\s*(?:each|apiece)\b", re.I)
# "..., with Chile getting another 2,000": the taker named before its own amount
_TAKER = r"(?:the\s+)?([A-Z][\w.'-]+(?:\s+(?:of\s+)?[A-Z][\w.'-]+){0,3})\s+"
WITH_TAKER = re.compile(r"\bwith\s+" + _TAKER + r"(?:getting|receiving|taking|to\s+(?:get|"
                         r"receive))\s+(?:another|a\s+further|an\s+additional|(?:some|about|"
                         r"around|nearly|almost|over)\s+)?\s*$")
# "gave 3,000 tents to Peru and Chile 5,000": the verb and goods left out before the amount
GAPPED = re.compile(r"(?:,\s*|\s)and\s+" + _TAKER + "$")
_GAP_END = re.compile(r"^\s*(?:each\s*)?(?:[.;,]|$|\band\b)")


def elided(clause: Clause, items: list[Item], donors: list[str], when: str | None
           ) -> list[Claim]:
    """ "...1 million masks to the Netherlands and 200,000 to Canada", "with another 200,000
    on the way", "and Pennsylvania and Rhode Island will get 60,000 each": an amount with no
    noun of its own is more of the item before it."""
    s = clause.sentence
    used = {it.quantity.start for it in items if it.quantity}
    last = items[-1]
    out: list[Claim] = []
    prev_end = last.end
    for n in clause.numbers:
        at = n.start
        if (n.start in used or n.value is None or n.currency or n.percent
                or n.start < last.end):
            continue
        before, after = s[:n.start], s[n.end:]
        if (_ELIDED.match(after) or _WILL_GO.match(after)) and re.search(
                r"(?:,|:|\band|\bincluding|\bof which|\bwhile|\bwhereas|\bwith)\s*$", before):
            places = find_places(s[n.end:n.end + 80])
            recips = [Recipient(places[0].text, places[0].place.code)] if places else []
        elif _TRANCHE.search(before):  # "with the first tranche of 50 expected to arrive":
            out.append(Claim(donors, last.code, last.label, n.value, [],  # a part, to where
                             status_of(clause, n.start), when,  # the whole goes
                             {**evidence(clause), "elided_at": len(s)}))
            continue
        elif (w := re.search(r"\band\s+(?:the\s+)?([A-Z][\w .'-]{2,40}?)\s+with\s+$", before)) and (
                places := find_places(w.group(1))):  # "... Indonesia with 2,000 kits and
            recips = [Recipient(places[0].text, places[0].place.code)]  # Vietnam with 1,500"
            at = w.start()
        elif ((w := WITH_TAKER.search(before)) or (w := GAPPED.search(before)) and (
                _GAP_END.match(after))) and (places := find_places(w.group(1))):
            recips = [Recipient(places[0].text, places[0].place.code)]  # the taker's own
            at = w.start()
        elif _MORE.search(before) or n.approx in ("another", "a further", "an additional"):
            places = find_places(s[n.end:n.end + 80])
            recips = [Recipient(places[0].text, places[0].place.code)] if places else []
            if not recips:  # the caller gives it the recipients of the amount before it
                out.append(Claim(donors, last.code, last.label, n.value, [],
                                 status_of(clause, n.start), when,
                                 {**evidence(clause), "elided_at": len(s)}))
                continue
        elif _GETS.search(before):
            cut = max(s.rfind(",", prev_end, n.start), s.rfind(";", prev_end, n.start))
            lead = cut + 1 if cut >= 0 else prev_end  # the subject of "will get", not before
            subjects = [p for p in find_places(s[lead:n.start])
                        if not re.search(r"\bfrom\s+(?:the\s+)?$", s[:lead + p.start])]
            recips = [Recipient(p.text, p.place.code) for p in subjects]
            if subjects and re.fullmatch(r"[\s:;,–—-]*(?:and\s+|while\s+|but\s+)?(?:the\s+)?",
                                         s[lead:lead + subjects[0].start]):
                at = lead + subjects[0].start  # ": Peru will get 3,000": not the whole's taker
        else:
            continue
        if not recips:
            continue
        qty, each = n.value, None
        if _EACH_AFTER.match(after) and len(recips) > 1:
            qty, each = n.value * len(recips), n.value
        codes = list(dict.fromkeys(r.code for r in recips))
        recips = [next(r for r in recips if r.code == c) for c in codes]
        out.append(Claim(donors, last.code, last.label, qty, recips, status_of(clause, n.start),
                         when, {**evidence(clause), "elided_at": at}, quantity_each=each))
        prev_end = n.end
    return out
