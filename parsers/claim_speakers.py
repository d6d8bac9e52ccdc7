"""Who speaks in a sentence: the author of a quoted tweet or quote (who "we" is), and the
speaker of ", the company said", who is the giver when the sentence names none; officials and
reporters who relay news are not."""

from __future__ import annotations

import re

from aidledger.parsers.claim_coref import HEAD, PEOPLE_HEADS
from aidledger.parsers.claim_coref import expand as _expand
from aidledger.parsers.claim_coref import references as _references
from aidledger.parsers.claim_coref import resolve as resolve_reference
from aidledger.parsers.claim_heads import headed
from aidledger.parsers.claim_parts import Clause

_TWEET_BY = re.compile(r"[—–]\s*([A-Z][\w.'’& -]{1,60}?)\s*\(@\w+\)")
_QUOTE_BY = re.compile(
    r"[”\"]\s*,?\s*(?:(?:said|says|wrote|tweeted|added)\s+(?:the\s+)?([A-Z][\w.-]+"
    r"(?: [A-Z][\w.-]+)*)|(?:the\s+)?([A-Z][\w.-]+(?: [A-Z][\w.-]+)*)\s+(?:said|says|wrote|"
    r"tweeted|added))")  # '...," the Orvo Foundation said': the body named after "the"
_REF_WORDS = r"it|he|she|they|the foundation|the company|the firm|the group|the billionaire"
_QUOTE_REF = re.compile(rf"[”\"]\s*,?\s*({_REF_WORDS})\s+(?:said|says|wrote|tweeted|added)\b",
                        re.I)
_QUOTE_LEAD = re.compile(
    rf"^[^“\"]{{0,80}}?\b((?-i:[A-Z][\w.-]+(?: [A-Z][\w.-]+)*)|{_REF_WORDS})\s+(?:said|says|wrote|"
    r"tweeted|added|announced|declared|stated|highlighted|noted|explained|stressed|emphasi[sz]ed|"
    r"remarked|commented|affirmed|told\s+\w+)\b[^“\"]{0,60}?[:,]\s*[“\"]", re.I)
_SPEAKS_FOR = re.compile(  # ", chief executive of Temasek Trading": "we" is the company
    r",\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:chief executive|chief executive officer|ceo|chairman|"
    r"chairwoman|president|founder|co-founder|head|director|managing director|spokesman|"
    r"spokeswoman|spokesperson|secretary general|general manager)\s+(?:of|at)\s+(?:the\s+)?"
    r"([A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*)*)", re.I)
ATTRIBUTION = re.compile(
    r",\s+((?:the\s+)?[^,;]{1,60}?)\s+(?:said|says|added|adds|wrote|writes|tweeted|confirmed|"
    r"announced|told)\b[^,;]*[.!]?$")
_OFFICIAL = re.compile(r"\b(?:governor|minister|mayor|president|secretary|premier|ambassador|"
                       r"spokes\w+|official|officials|ministry|source|sources|agency|analyst|"
                       r"report|newspaper|media|state media)\b", re.I)


_ABBREVIATED = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "U.S.", "John F.": the dot is the name's
_MINISTRY = re.compile(r"\b(?:Ministry|Department)\s+of\b")


def speaker(text: str, clause: Clause) -> list[str] | None:
    """Who "we" is in a quoted tweet or quote: the tweet's author line, "..., Ma said",
    "..., it said in a tweet", 'The foundation tweeted: "We will ...'."""
    tail = text[clause.end:clause.end + 400]
    nl = tail.find("\n")
    window = tail if nl < 0 else tail[:tail.find("\n", nl + 1) if tail.find("\n", nl + 1) > 0
                                      else len(tail)]
    s = clause.sentence  # each pattern needs its "(@" or quote mark: tested first, as cheap
    if m := ("(@" in window and _TWEET_BY.search(window)) or ("(@" in s and _TWEET_BY.search(s)):
        return [m.group(1).strip()]  # the author line after the tweet, or ending its sentence
    closing, opening = "”" in s or '"' in s, "“" in s or '"' in s
    if m := closing and _QUOTE_BY.search(s):
        name = m.group(1) or m.group(2)
        if name.endswith(".") and not _ABBREVIATED.search(name):
            name = name[:-1]  # '..., said Ana Ruiz.': the sentence's full stop, not the name's
        org = _SPEAKS_FOR.match(clause.sentence, m.end())
        return [org.group(1).rstrip(".")] if org else _heads(_expand([name], clause), clause)
    if m := ((closing and _QUOTE_REF.search(s)) or (opening and _QUOTE_LEAD.match(s))):
        who = m.group(1)
        if not re.fullmatch(_REF_WORDS, who, re.I):
            who = re.sub(r"^(?:The|A|An)\s+", "", who)
        for pattern, kind in _references():
            if pattern.fullmatch(who) and kind != "first_person":
                return _heads(resolve_reference(kind, clause, m.start(1)), clause) or None
        return _heads(_expand([who], clause), clause)
    return None


def _heads(names: list[str], clause: Clause) -> list[str]:
    """ "We" said by an executive is the company the article says the speaker heads
    ("Salesforce CEO Marc Benioff ... '... we deliver,' he added": Salesforce)."""
    seen = clause.text[:max(clause.end, 0)]  # (its own sentence too: "the Chairman of X,
    return [headed(n, seen) or n for n in names]  # Y said, 'We ...'")


def attributed_donors(clause: Clause) -> list[str]:
    """", the company said" / ", Ma wrote on Twitter": the speaker, when the sentence names no
    giver; officials and reporters who relay news are not donors."""
    m = ATTRIBUTION.search(clause.sentence)
    if not m or _OFFICIAL.search(m.group(1)):
        return []
    who = m.group(1).strip()
    for pattern, kind in _references():
        if pattern.fullmatch(who):  # "..., it said" after "the Ministry of Foreign Affairs
            return [d for d in resolve_reference(kind, clause, m.start(1))  # announced":
                    if not _MINISTRY.search(d)]  # the ministry relays, as "the ministry said"
    if (head := HEAD.fullmatch(who)) and head.group(1).lower() in PEOPLE_HEADS:
        return resolve_reference("person", clause, m.start(1))  # ", the Alibaba co-founder
        # said": the person described, not the company named in the description
    names = [n for n in clause.names if m.start(1) <= n.start < m.end(1) and n.kind != "place"]
    return _expand([names[-1].text], clause) if names else []
