"""Sentences that state no donation or take one back: questions, conditionals, a correction
restating the wrong figure, "That is false." after a claim, and the taker paying for the goods
("The US government does pay for this"), which makes the statement before a sale."""

from __future__ import annotations

import re

from aidledger.parsers.claim_model import Claim
from aidledger.parsers.lexicon import find_places
from aidledger.parsers.names import vocab

_RETRACTED = re.compile(r"\b(?:an earlier version of this (?:article|story|report|post)|"
                        r"(?:we|this (?:article|story|report)) (?:had )?(?:incorrectly |wrongly |"
                        r"mistakenly )?(?:said|reported|stated|wrote|gave)\b)", re.I)


def skip_sentence(sentence: str) -> bool:
    """Questions, conditionals and a correction's restatement of the wrong figure."""
    w = vocab()["words"]
    low = f" {sentence.lower()} "
    if sentence.rstrip().endswith("?") or _RETRACTED.search(sentence):
        return True
    return any(h in low for h in w["hypothetical"] if h.strip() in ("if", "unless", "whether"))


_PAYS = re.compile(r"\b(?:pay|pays|paid|paying)\s+for\s+(?:this|that|them|it|these|those|the\s+"
                   r"(?:kits|tests|masks|goods|supplies|equipment|ventilators|respirators|gear))\b"
                   r"(?!\s+(?:by|with)\b)", re.I)


def paid_by_recipient(sentence: str, claims: list[Claim]) -> int | None:
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


def denies(sentence: str) -> bool:
    """ "That is false.": the claim of the sentence before is not one."""
    return bool(_DENIAL.match(sentence))
