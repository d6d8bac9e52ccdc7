"""Coordinated clauses of one sentence, each with its own giver and verb.

"Huawei gave 1 million masks to Italy, ZTE sent 200,000 to Serbia and Xiaomi shipped 50,000
respirators to Lombardy" is three donations: read as one clause, every amount would take the
first subject and every recipient. A sentence splits where a new subject (a name or a pronoun)
stands right before a donation verb after a comma, "and", "while", "whereas", "but" or a
semicolon, and a donation verb came before. An amount with no goods noun in a later clause
("ZTE sent 200,000 to Serbia") is more of the goods of the clause before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from aidledger.parsers.claim_items import _item_mentions, item_mentions
from aidledger.parsers.claim_other_goods import FUNCTION_WORDS, stop_words
from aidledger.parsers.claim_parts import (
    RECEIVE,
    Clause,
    Item,
    Trigger,
    _all_triggers,
    noun,
)
from aidledger.parsers.names import Name, vocab
from aidledger.parsers.numbers import NumberMention

_BOUNDARY = re.compile(r"(?:,\s*(?:and\s+|while\s+|whereas\s+|but\s+|as\s+(?:did|has|had|have)\s+)?"
                       r"|;\s*|\s+(?:and|while|whereas|but)\s+)(?:the\s+)?$", re.I)
_AUX = re.compile(r"\s*(?:(?:has|have|had|will|would|also|is|are|was|were|then|later|"
                  r"separately|itself|each|too|already|started|begun|began)\s+)*", re.I)
_FROM_END = re.compile(r"\s+from\s+(?:the\s+)?$")
_PRONOUN = re.compile(r"(?:,\s*(?:and\s+|while\s+|but\s+)?|;\s*|\s+(?:and|while|but)\s+)"
                      r"(?:it|he|she|they)\s+$", re.I)


def _verbs(sentence: str) -> list:
    return [t for t in _all_triggers(sentence)
            if not noun(t.phrase) and not t.phrase.lower().startswith("courtesy")]


def split_points(sentence: str, names: list[Name]) -> list[int]:
    """Offsets where a new coordinated clause (its own subject and donation verb) starts."""
    verbs = _verbs(sentence)
    if len(verbs) < 2:
        return []
    cuts: list[int] = []
    for t in verbs[1:]:
        if not any(v.end <= t.start and (not cuts or v.start > cuts[-1]) for v in verbs):
            continue
        subject = next((n for n in reversed(names) if n.end <= t.start and (_AUX.fullmatch(
            sentence[n.end:t.start]) or _relative(sentence, n.end, t))), None)
        if subject is not None and subject.kind == "place" and (fr := _FROM_END.search(
                sentence, 0, subject.start)):  # "..., Orvo Trading from Chile donated S/900":
            subject = next((m for m in names if m.end == fr.start()), subject)  # Orvo's
        if subject is not None:
            b = _subject_start(sentence, names, subject)
            if b is None:  # "...; the governor said that Orvo gave": a semicolon's clause
                b = _after_semicolon(sentence, subject.start, cuts[-1] if cuts else 0)
            if b is None and _relative(sentence, subject.end, t) and not _AGENT.search(
                    sentence, 0, subject.start):  # "... and thanked Honda, which donated":
                b = subject.start  # Honda's clause; not "from X, which raised": X's gift
            if b is not None and (not cuts or b > cuts[-1]) and _verb_before(verbs, b) \
                    and (not _agent_list(sentence, names, b) or _OBJECT.match(sentence, t.end)):
                cuts.append(b)
            continue
        p = _PRONOUN.search(sentence[:t.start].rstrip() + " ")
        if p and _verb_before(verbs, p.start()):
            cuts.append(p.start())
    return cuts


# "..., and the Vingroup which also donated", "as did Orvo, which gave": the giver's own verb
# in a relative clause right after its name
_RELATIVE = re.compile(r",?\s*(?:which|who)\s+")


def _relative(sentence: str, end: int, verb: Trigger) -> bool:
    """A giving verb in a relative clause on the name ending at `end`; not one of receiving
    or handing on ("the Red Cross, which distributed them"): that name does not give."""
    rel = _RELATIVE.match(sentence, end)
    return bool(rel) and bool(_AUX.fullmatch(sentence, rel.end(), verb.start)) and not (
        RECEIVE.search(verb.phrase) or _HANDS_ON.match(verb.phrase))


_HANDS_ON = re.compile(r"distribut|deliver|transport|carri|carry|handl|manag|coordinat", re.I)


def _subject_start(sentence: str, names: list[Name], subject: Name) -> int | None:
    """Where the clause of `subject` begins: the boundary before it, or before the first of
    a coordinated subject ("..., and Pennsylvania and Rhode Island will get")."""
    best = None
    n: Name | None = subject
    while n is not None:
        if b := _BOUNDARY.search(sentence, 0, n.start):
            best = b.start()
        first = n
        n = next((m for m in names if m.end <= first.start and re.fullmatch(
            r"\s*(?:,|and|&)\s*(?:the\s+)?", sentence[m.end:first.start])), None)
    return best


_AGENT = re.compile(r"\b(?:by|from|with|of|courtesy of)\s+(?:the\s+)?$", re.I)


# a verb with its own amount after it ("..., and Togo got 3,000 gloves") has its own subject,
# even after a name that ended a "from"/"by" phrase
_OBJECT = re.compile(r"\s+(?:(?:about|over|some|nearly|around|more than|another|a further|"
                     r"an additional)\s+)?\d")


def _agent_list(sentence: str, names: list[Name], pos: int) -> bool:
    """ "donated by the Jack Ma Foundation and the Alibaba Foundation arrived": the names
    before `pos` are a list after "by", so the one after "and" continues it."""
    start = pos
    while prev := next((n for n in names if n.end <= start and re.fullmatch(
            r",?\s*(?:and\s+)?(?:the\s+)?|\s+in\s+(?:the\s+)?", sentence[n.end:start])), None):
        # (a body's seat "in the Philippines" goes on the list: "by the Chinese Embassy in the
        # Philippines and the China Mammoth Foundation arrived")
        if _AGENT.search(sentence[:prev.start]):
            return True
        start = prev.start
    return False


def _after_semicolon(sentence: str, pos: int, since: int) -> int | None:
    """The last semicolon before `pos` and after `since`: a new clause, whoever reports it."""
    at = sentence.rfind(";", since, pos)
    return at if at >= 0 else None


def _verb_before(verbs: list, pos: int) -> bool:
    return any(v.end <= pos for v in verbs)


def sub_clauses(clause: Clause) -> list[Clause]:
    """The clause itself, or one Clause per coordinated part (offsets of its own text)."""
    cuts = split_points(clause.sentence, clause.names)
    if not cuts:
        return [clause]
    out = []
    bounds = [0, *cuts, len(clause.sentence)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        part = clause.sentence[a:b]
        lead = len(part) - len(part.lstrip(",;: "))
        a += lead
        part = clause.sentence[a:b]
        names = [replace(n, start=n.start - a, end=n.end - a)
                 for n in clause.names if a <= n.start and n.end <= b]
        numbers = [_shift(n, -a) for n in clause.numbers if a <= n.start and n.end <= b]
        sub = Clause(clause.text, clause.start + a if clause.start >= 0 else -1,
                     clause.start + b if clause.start >= 0 else -1, part, names,
                     clause.earlier + [n for n in clause.names if n.end <= a], numbers,
                     clause.publisher, clause.speaker, clause.receivers)
        out.append(sub)
    return out


def _shift(n: NumberMention, by: int) -> NumberMention:
    return replace(n, start=n.start + by, end=n.end + by,
                   num_start=n.num_start + by if n.num_start >= 0 else -1)


_BARE = re.compile(r"\s+(?:more\s+)?(?:to|for)\b", re.I)


_OF_THEM = re.compile(r"\s+(?:more\s+)?of\s+(?:them|those|these)\b"
                      r"|\s+(?:more\s+)?(?:units|pieces|sets)\b(?!\s+of\b)"  # "3,000 units"
                      r"(?!,?\s+(?:including|such as|comprising)\b)", re.I)  # (not "70,000
# units, including masks and kits": a count of mixed goods)


@cache
def _counted_people() -> re.Pattern[str]:
    """Nouns that "of them" can refer back to instead of goods (vocab `not_goods`)."""
    words = sorted(map(re.escape, vocab()["words"]["not_goods"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


_SPLIT_INTO = re.compile(r"\b(?:into|in|by|per)\s+$", re.I)  # "separated into three units"


def referred_items(clause: Clause, carry: tuple[str, str] | None) -> list[Item]:
    """ "it would donate 1 million of them": the goods named last before the amount in the
    sentence ("... making N95 masks ..."), else the latest goods of the article."""
    s = clause.sentence
    out = []
    for n in clause.numbers:
        if not n.value or n.currency or n.percent or not _OF_THEM.match(s, n.end) or (
                _SPLIT_INTO.search(s, 0, n.start)):
            continue
        if _counts_people(clause, n.start):
            continue  # "102 confirmed cases ..., and 13 of them have recovered"
        before = [m for m in item_mentions(clause) if m[1] <= n.start]
        if _counted_people().search(s, before[-1][1] if before else 0, n.start):
            continue  # "102 confirmed cases, and 13 of them have recovered": not goods
        if before:
            out.append(Item(n.start, n.end, before[-1][2], s[before[-1][0]:before[-1][1]], n))
        elif clause.start > 0 and (prior := _item_mentions(
                window := clause.text[max(0, clause.start - 300):clause.start])):
            ps, pe, code = prior[-1]  # the sentence before
            out.append(Item(n.start, n.end, code, window[ps:pe], n))
        elif carry:
            out.append(Item(n.start, n.end, carry[0], carry[1], n))
    return out


@cache
def _not_goods_count() -> re.Pattern[str]:
    words = sorted(map(re.escape, vocab()["words"]["not_goods"]), key=len, reverse=True)
    return re.compile(r"\d[\d,.]*(?:\s+(?:million|thousand|lakh|crore))?\s+(?:[\w-]+\s+)?(?:"
                      + "|".join(words) + r")\b", re.I)


def _counts_people(clause: Clause, at: int) -> bool:
    """ "them" stands for the nearest counted noun before it: cases, patients, people, not
    goods, when such a count comes after the last goods named."""
    if clause.start >= 0:
        head = clause.text[max(0, clause.start - 300):clause.start + at]
    else:
        head = clause.sentence[:at]
    counts = list(_not_goods_count().finditer(head))
    if not counts:
        return False
    goods = _item_mentions(head)
    return not goods or goods[-1][0] < counts[-1].start()


def carried_items(clause: Clause, code: str, label: str) -> list[Item]:
    """ "ZTE sent 200,000 to Serbia" after "... 1 million masks ...", "Another 50 are
    expected": amounts with no noun, before a destination, after "get" or "another", are
    more of the goods named just before."""
    s = clause.sentence
    return [Item(n.start, n.end, code, label, n) for n in clause.numbers
            if n.value and not n.currency and not n.percent and (
                _BARE.match(s, n.end) or _GETS.search(s, 0, n.start)
                or n.approx in ("another", "a further", "an additional")
                or re.search(r"\b(?:remaining|rest of the|other)\s+$", s[:n.start], re.I))
            and not _counts_else(s, n.end)]


def _counts_else(sentence: str, end: int) -> bool:
    """ "extended the lockdown by a further 14 days", "Another 8,000 confirmed infections":
    the amount counts what the next words name (days, cases, people), not the goods."""
    m = _NEXT_WORDS.match(sentence, end)
    if m is None:
        return False
    stop = stop_words()
    for word in m.group(1).lower().split():
        if word in FUNCTION_WORDS:
            return False
        if word in stop:
            return True
    return False


_NEXT_WORDS = re.compile(r"\s+((?:[A-Za-z-]+\s+)?[A-Za-z-]+)")


_GETS = re.compile(r"\b(?:get|gets|got|getting|receive|receives|received|receiving)\s+$", re.I)
