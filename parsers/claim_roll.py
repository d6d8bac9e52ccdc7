"""Givers read off a roll of names and amounts: "Donors include the Bank of Tamar, which gave
a cheque for GH¢5 million; the Ports Authority, GH¢1 million; the Miners Association,
GH¢300,000". Round-ups of a fund's donors list each giver with its own amount, the pairs set
apart by semicolons (the last often by "and"); a sentence's verb, if it has one, belongs to its
first giver only, and a roll that goes on ("Others are ...", "The rest are ...") has none: each
pair is a gift of money to where the roll's gifts go."""

from __future__ import annotations

import re

from aidledger.parsers.claim_model import Claim, evidence
from aidledger.parsers.claim_parts import Clause

_WORD = r"(?:[A-Z][\w.&'’-]*|\([\w.&'’ -]{1,30}\))"
_PAIR = re.compile(
    r"\s*(?:and\s+|as\s+well\s+as\s+)?(?i:(?:they|donors|others|other\s+donors|contributors|"
    r"these|the\s+rest)\s+(?:include|included|are|were)\s+)?(?:the\s+)?"
    rf"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+|the\s+|-\s+)*{_WORD})*)"
    r"\s*,\s*(?:(?:which|that|who)\s+(?:presented|gave|donated|contributed|made|offered)\s+"
    r"[^;:]{0,40}?)?(?:(?:an?\s+)?(?:amount|sum|cheque|check|donation)\s+(?:of|for)\s+)?")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Z&.]{1,9}\)$")
_AND_AFTER_AMOUNT = re.compile(r"[\d)]\s+and\s+")


def _pair_name(sentence: str, pos: int) -> str | None:
    """The name a roll pairs with the amount at `pos`: the segment before it, since the last
    semicolon, colon or "and" after an amount, is "<name>, "."""
    cuts = [sentence.rfind(";", 0, pos), sentence.rfind(":", 0, pos)]
    cuts += [m.end() - 1 for m in _AND_AFTER_AMOUNT.finditer(sentence, 0, pos)][-1:]
    for cut in sorted({c for c in cuts if c >= 0} | {-1}, reverse=True):
        if m := _PAIR.fullmatch(sentence, cut + 1, pos):
            return _ACRONYM_AFTER.sub("", m.group("name"))
    return None


def roll_claims(clause: Clause, earlier: list[Claim], found: list[Claim]) -> list[Claim]:
    """The gifts of a roll sentence (two or more amounts each paired with its giver's name,
    some pair set apart by a semicolon): the sentence's own money claims take the name paired
    with their amount; a pair no claim read becomes one; all go to the takers of the gift of
    money told before the sentence (a roll's first sentence, with none before it, to its own
    first taker). Returns the new claims."""
    s = clause.sentence
    if clause.start < 0 or ";" not in s:
        return []
    pairs = [(n, name) for n in clause.numbers if n.currency and n.value
             and (name := _pair_name(s, n.start)) is not None]
    if len(pairs) < 2:
        return []
    at = {c.at: c for c in found if c.item == "funds" and c.at is not None}
    before = next((c for c in reversed(earlier) if c.item == "funds"), None)
    template = before or next((c for c in found if c.recipients), None) or next(iter(
        at.values()), None)
    if template is None:
        return []  # a roll with no gift told before it lists amounts of something else
    new = []
    for n, name in pairs:
        if (c := at.get(clause.start + n.start)) is not None:
            c.donors = [name]  # the roll goes where the gift before it went: a place in a
            if before is not None or not c.recipients:  # pair ("makers of Tampico") is
                c.recipients = list(template.recipients)  # the giver's, no taker
            continue
        new.append(Claim([name], "funds", n.raw, n.value, list(template.recipients),
                         template.status or "donated", template.date, evidence(clause),
                         currency=n.currency, at=clause.start + n.start))
    return new
