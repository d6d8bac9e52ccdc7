"""Co-donors: "Lenovo, together with the Safaricom Foundation, donated", "donated by the Fosun
Foundation together with Fosun's member companies Fidelidade and Luz Saude"; every partner
named after "together with", "along with", "jointly with", "in partnership with" gives too."""

from __future__ import annotations

import re
from dataclasses import replace

from aidledger.parsers.claim_donors import names_at, verb_givers
from aidledger.parsers.claim_parts import Clause, Trigger
from aidledger.parsers.claim_subject import subject
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.prefilter import may_hold

_PARTNER = re.compile(r"(?:,?\s+|^\W*)(?:together|along|jointly|in partnership|in cooperation|"
                      r"in collaboration|in conjunction|joined hands|joined forces|teamed up|"
                      r"partnered|partnering|teaming up)\s+with\s+(?:the\s+)?", re.I)
# every _PARTNER match holds one of these (keep in step): a sentence with none is not searched
_PARTNER_WORDS = ("together", "along", "jointly", "in partnership", "in cooperation",
                  "in collaboration", "in conjunction", "joined hands", "joined forces",
                  "teamed up", "partnered", "partnering", "teaming up")


_DESCRIBED = re.compile(r"(?:[A-Z][\w&-]*['’]s\s+|its\s+|their\s+)(?:[\w-]+\s+){0,3}?(?:member\s+)?"
                        r"(?:compan(?:y|ies)|subsidiar(?:y|ies)|units?|partners?|affiliates?|"
                        r"arms?)\s*,?\s+(?=[A-Z])")


# only the amount between the verb and "along with": "pledged Rs 1,125 crore along with"
_AMOUNT_ONLY = re.compile(r"\s+(?:an?\s+)?(?:amount\s+of\s+|sum\s+of\s+|total\s+of\s+)?"
                          r"(?:about\s+|over\s+|nearly\s+|more than\s+|up to\s+)?"
                          r"[A-Za-z$€£¥₹₦]{0,4}\.?\s?\d[\d,.]*\s*(?:million|billion|crore|"
                          r"lakh|bn|m|cr)?\s*(?:[a-z]+\s*)?")


# (not the goods' maker: "kits developed by X")
_BY_NAME = re.compile(r"(?<!developed )(?<!manufactured )(?<!produced )(?<!made )"
                      r"(?<!designed )\bby\s+(?:the\s+)?(?=[A-Z])")


# a part of a list of gifts: up to ";", ", and", or "and" before the next count
_LIST_PART = re.compile(r"(?:[^;,\s]|,(?!\s+and\s)|\s(?!and\s+\d))+")


def listed_by(clause: Clause, pos: int) -> list[str]:
    """ "2,000 masks by the Orvo Group; 300 gowns by Tessaro; ...": in a list of gifts that each
    name their giver with "by", the goods at `pos` are given by the "by" of their own part."""
    s = clause.sentence
    if ";" not in s and " and " not in s:
        return []
    parts = list(_LIST_PART.finditer(s))  # "...; ...", "..., and ..." or "... and 300 ..."
    if sum(1 for p in parts if _BY_NAME.search(p.group(0))) < 2:
        return []
    part = next((p for p in parts if p.start() <= pos < p.end()), None)
    by = _BY_NAME.search(s, pos, part.end()) if part else None
    return [d for d in names_at(clause, by.end()) if not lookup_place(d)] if by else []


def resolve_donors(clause: Clause, trig: Trigger, pos: int | None = None) -> list[str]:
    """The givers of the donation verb `trig`; "X, together with Y, donated" and "donated
    by X together with Y" give both."""
    if pos is not None and (listed := listed_by(clause, pos)):
        return listed
    donors = verb_givers(clause, trig)
    s = clause.sentence
    for m in _PARTNER.finditer(s) if may_hold(s, _PARTNER_WORDS) else ():
        at = m.end()
        if d := _DESCRIBED.match(s, at):  # "with Fosun's member companies A and B"
            at = d.end()
        partners = [q for p in names_at(clause, at, countries=True)
                    for q in (re.split(r"\s+and\s+", p) if not re.search(
                        r"\b(?:Foundation|Fund|Trust)$", p) else [p])]
        if not partners or not donors:
            continue
        if m.start() < trig.start and _TO_CARRY.search(s, m.end(), trig.end):
            continue  # "He has partnered with Y and Z to deliver to Africa": who carries it
        if m.start() < trig.start:  # the subject side: "X, together with Y, ... donated"
            lead = subject(clause, m.start())
            if not lead and _FRONTED.fullmatch(s, 0, m.start()) and _JOINT.search(m.group(0)):
                donors = donors + [p for p in partners if p not in donors]  # "Together with Y,
                continue  # X will donate", "... announce that, together with Y, we will donate"
                # (not "In partnership with Y, X provided": Y helps, X gives)
            if lead and set(partners) & set(donors):
                donors = lead + [p for p in partners if p not in lead]
            elif lead and set(lead) & set(donors):
                donors = donors + [p for p in partners if p not in donors]
        elif any(d in s[trig.end:m.start()] for d in donors) and m.start() - trig.end < 120:
            donors = donors + [p for p in partners if p not in donors]
        elif _AMOUNT_ONLY.fullmatch(s, trig.end, m.start()):  # "Wipro pledged Rs 1,125
            donors = donors + [p for p in partners if p not in donors]  # crore along with Y"
        elif (m.start() - trig.end < 120 and not re.search(r"[,;]", s[trig.end:m.start()]) or (
                d and d.group(0).startswith(("its ", "their ")))) and not any(
                lookup_place(p) for p in partners):  # "donated 500 masks to Kenya
            donors = donors + [p for p in partners if p not in donors]  # together with Y"
    return donors


_FRONTED = re.compile(r"\W*|.*\bthat\s*,?", re.S)
_TO_CARRY = re.compile(r"\bto\s+(?:help\s+)?(?:deliver|distribute|transport|ship|fly|airlift|"
                       r"carry)$", re.I)
_JOINT = re.compile(r"together|along|jointly", re.I)
_ONE = r"[A-Z][\w&.'’-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.'’-]*)*"
_WITH_AMOUNT = re.compile(rf"({_ONE}(?:\s*(?:,|\band\b)\s*{_ONE})*)\s+with\s+(?:a\s+|an\s+)?$")
_EACH = re.compile(r"\s*,?\s*(?:each|apiece)\b", re.I)
_TOTAL = re.compile(r"\b(?:totall?ing|a total of|in total|bringing (?:the|its) total to|taking the "
                    r"total to)\b[^,;]*$", re.I)


# "will provide Armenia with $1 million": the name before "with" is given the amount
_PROVIDED = re.compile(r"\b(?:provid|suppl|present|equipp?|assist|support|help|furnish)\w*\s+"
                       r"(?:the\s+)?$", re.I)


def amount_owners(clause: Clause, claims: list) -> None:
    """ "joined by Wipro Ltd with Rs 100 crore and Wipro Enterprises Ltd with Rs 25 crore,
    totaling Rs 1,125 crore": each amount is given by the name before its "with", and the
    stated total by all of them with the sentence's own giver."""
    s = clause.sentence
    owners: list[str] = []
    totals = []
    for c in list(claims):
        at = s.find(c.item_label) if c.item == "funds" and c.item_label else -1
        if at < 0:
            continue
        if (m := _WITH_AMOUNT.search(s[:at])) and not _PROVIDED.search(s, 0, m.start(1)):
            named = [n for n in re.split(r"\s*(?:,|\band\b)\s*", m.group(1)) if n]
            if not (c.donors and set(c.donors) <= set(named)):  # "A and B with Sh100 million
                c.donors = named  # each": the per-giver split stands
            if len(c.donors) > 1 and _EACH.match(s, at + len(c.item_label)):
                claims[claims.index(c):claims.index(c) + 1] = [  # "A and B with N each"
                    replace(c, donors=[d], recipients=list(c.recipients)) for d in c.donors]
            owners += [n for n in named if n not in owners]
        elif _TOTAL.search(s[:at]):
            totals.append(c)
    if len(owners) < 2:
        return
    joined = s[:s.find(owners[0])]
    lead = [d for d in (subject(clause, len(joined)) or []) if d not in owners]
    for c in totals:
        c.donors = lead + [o for o in owners if o not in lead]
