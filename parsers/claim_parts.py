"""The pieces of a claim found in one sentence: items with their quantities, the donation
verb and its tense, the donors (named or referred back to) and the recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from aidledger.parsers.lexicon import trie_pattern
from aidledger.parsers.names import (
    Name,
    find_names,
    vocab,
)
from aidledger.parsers.numbers import NumberMention
from aidledger.parsers.prefilter import may_hold


@dataclass
class Clause:
    text: str
    start: int
    end: int
    sentence: str
    names: list[Name]  # in this sentence, offsets relative to it
    earlier: list[Name]  # every name of earlier sentences, in order
    numbers: list[NumberMention]
    publisher: str | None
    speaker: list[str] | None = None  # who says "we" here (a quoted tweet's author), if known
    receivers: frozenset[str] = frozenset()  # names the article has shown receiving goods
    givers: tuple[str, ...] = ()  # the givers of the article's claims so far, in order
    given_items: frozenset[str] = frozenset()  # the item codes of those claims


@dataclass
class Item:
    start: int
    end: int
    code: str
    label: str
    quantity: NumberMention | None


@dataclass
class Trigger:
    start: int
    end: int
    phrase: str
    status: str


# --- triggers and status ---------------------------------------------------------------------

@cache
def _triggers() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {p: status for status, phrases in vocab()["triggers"].items() for p in phrases}
    return re.compile(r"(?<![\w-])" + trie_pattern(sorted(table)) + r"(?![\w-])", re.I), table


@lru_cache(maxsize=512)
def _all_triggers(sentence: str) -> list[Trigger]:
    pattern, table = _triggers()
    return [Trigger(m.start(), m.end(), m.group(0), table[m.group(0).lower()])
            for m in pattern.finditer(sentence)
            if not (m.group(0).lower().startswith("announce") and _REPORTS.match(sentence,
                                                                                 m.end()))
            and not _as_noun(sentence, m.start(), m.end(), m.group(0).lower())
            and not (m.group(0).lower() == "reach" and _HARD_TO.search(sentence, max(
                0, m.start() - 16), m.start()))
            and not (m.group(0).lower() == "equipped" and _EQUIPPED_STATE.search(
                sentence, max(0, m.start() - 24), m.end() + 4))]


# "are well equipped to respond", "better equipped": a state, no gift (unlike "equipped the
# hospital with 10 ventilators")
_EQUIPPED_STATE = re.compile(r"\b(?:(?:well|better|fully|poorly|ill|adequately|properly)\s+"
                             r"equipped|equipped\s+to)\b", re.I)
# "hard-to-reach areas", "difficult to reach communities": a place described, no arrival
_HARD_TO = re.compile(r"\b(?:hard|difficult|harder|hardest|easy|impossible|tough)[- ]to[- ]$", re.I)


# "the supply of masks", "supply chains", "a hospital ship": words that are donation verbs
# only when used as verbs
_NOUN_VERBS = {"supply", "ship"}
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|medical|global|"
                          r"steady|short|food|water|power|oxygen|blood|mask|masks)|['’]s)\s+$",
                          re.I)
_NOUN_AFTER = re.compile(r"\s+(?:chains?|lines?|shortages?|routes?|crunch|problems?|issues?|"
                         r"gaps?|of|and demand|deals?|contracts?|agreements?)\b", re.I)


def _as_noun(sentence: str, start: int, end: int, phrase: str) -> bool:
    return phrase in _NOUN_VERBS and bool(
        _NOUN_BEFORE.search(sentence, max(0, start - 20), start)
        or _NOUN_AFTER.match(sentence, end))


_NOUNS = ("donation", "gift", "contribution")


def noun(phrase: str) -> bool:
    """A trigger that names the gift ("donation", "a contribution of") rather than the act: it
    makes a sentence about a donation, but a verb, when there is one, says who and when."""
    return phrase.lower().startswith(_NOUNS)


# "announced that X has received ...": reporting a donation, not making one
_REPORTS = re.compile(r"\s+(?:[\w-]+\s+){0,3}?that\b")


def trigger_in(clause: Clause, pos: int | None = None) -> Trigger | None:
    """The donation verb that governs the item at `pos`: the nearest one before it, else the
    first one after it; nouns ("donation") only when the sentence has no verb."""
    found = _all_triggers(clause.sentence)
    verbs = [t for t in found if not noun(t.phrase) or _made(clause.sentence, t)] or found
    if not verbs:
        return None
    if pos is None:
        return verbs[0]
    before = [t for t in verbs if t.start < pos]
    return before[-1] if before else verbs[0]


_MADE = re.compile(r"\b(?:made|make|makes|making)\s+(?:an?\s+)?(?:[a-z]+\s+)?$")


def _made(sentence: str, t: Trigger) -> bool:
    """ "Qatar has made a contribution of $140 million": the noun after "made a" is the verb."""
    return bool(_MADE.search(sentence, max(0, t.start - 30), t.start))


_FUTURE = re.compile(r"\b(will|would|shall|to be|plans? to|planning to|is set to|are set to|"
                     r"going to|intends? to|expected to|aims? to|(?:committed|pledged|promised|"
                     r"vowed|agreed|decided|offered|ready|prepared|willing) to)\s+(?:\w+\s+){0,2}$",
                     re.I)


def status_of(clause: Clause, pos: int) -> str | None:
    found = _all_triggers(clause.sentence)
    verbs = [t for t in found if not noun(t.phrase) or _made(clause.sentence, t)] or found
    if not verbs:
        return None
    before = [t for t in verbs if t.start < pos]
    t = before[-1] if before else verbs[0]  # else the nearest verb after the goods
    if t.status != "pledged" and _FUTURE.search(clause.sentence[max(0, t.start - 40):t.start]):
        return "pledged"
    return t.status


# --- shared with the donor and recipient rules ------------------------------------------------

_ORIGIN = re.compile(r"\b(?:to|in|across|for|into|from|at|(?<!\bcity )(?<!\bstate )"
                     r"(?<!\bprovince )(?<!\bprefecture )(?<!\bgovernment )(?<!\bpeople )"
                     r"(?<!\bmunicipality )(?<!\beach )(?<!\ball )(?<!\bevery one )of)\s+"
                     r"(?:the\s+)?$", re.I)


def origin_before(text: str) -> bool:
    """_ORIGIN ends `text` ("... from the "). A match holds two words at most, so it is looked
    for from the second-last word on (the same answer), not over a whole sentence's prefix."""
    head = text.rstrip().rsplit(None, 2)
    return bool(_ORIGIN.search(text, len(head[0]) if len(head) == 3 else 0))


# "from Orvo in China", "from well-wishers in China", "from firms based in": a giver and where
# it is (no verb between: not "from the trust arrived in Namibia"); ends where the place starts
FROM_ONE_IN = (r"\bfrom\s+(?:both\s+)?(?:the\s+)?(?:(?![a-z]+ed\b|arrives?\b|lands?\b|"
               r"reach(?:es)?\b|was\b|were\b|is\b|are\b|which\b|that\b)[\w&'’.-]+\s+){1,6}?"
               r"(?:in|based\s+in)\s+(?:the\s+)?$")
# "9,000 masks from the city government in Sichuan province in western China": where
# the goods' giver is, whatever the verb (not "from Hangzhou to hospitals in Spain")
FROM_SEAT = re.compile(r"\bfrom\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:(?![a-z]+ed\b|arrives?\b|"
                       r"lands?\b|reach(?:es)?\b|was\b|were\b|is\b|are\b|which\b|that\b|to\b|"
                       r"for\b|towards?\b|and\b)[\w&'’.-]+\s+){1,8}?(?:in|based\s+in)\s+"
                       r"(?:the\s+)?(?:[a-z][\w-]*\s+)?$")
# every _SPOKEN match holds one of these (keep in step)
_SPOKEN_WORDS = ("said", "says", "announce", "stated", "confirmed", "told")
_SPOKEN = re.compile(r"\b(?:said|says|announced|announces|stated|confirmed|told\s+\w+)"
                     r"(?:\s+(?:on|last|this)\s+\w+)?(?:\s+that)?\s", re.I)


def speech_before(clause: Clause, at: int) -> re.Match[str] | None:
    """ "X said on Sunday that Kenya would receive": the speech verb before the receiving verb
    at `at` when a name of its own follows it, so X is the speaker and not who takes ("X said
    it had received" has none: X is told again and takes)."""
    if not may_hold(clause.sentence, _SPOKEN_WORDS):
        return None  # (asked by every subject search: most sentences hold no speech verb)
    heard = list(_SPOKEN.finditer(clause.sentence, 0, at))
    if heard and any(heard[-1].end() <= n.start and n.end <= at for n in clause.names):
        return heard[-1]
    return None


RECEIVE = re.compile(r"\breceiv|\brecipients? of\b|\breceipt of\b|\bwelcom|\bget\b|\bgets\b|"
                     r"\bgot\b|\bgetting\b|"
                     r"delivery of\b|\bcollected\b|"
                     r"\b(?:was|were|been|being|is|are)\s+presented\b|\baccept(?:ed|ing|s)\b|"
                     r"\bsigned for\b", re.I)


__all__ = ["RECEIVE", "Clause", "Item", "Trigger", "find_names", "noun", "status_of",
           "trigger_in"]
