"""Givers first told as a count ("Two foundations from China have donated 100,000 masks",
"received the donation from five Chinese companies"), then named in a sentence after it ("The
companies include Acme Ltd and Orvo Group", "The masks were donated by A, B and C"): the names
listed there give the claims of the counted sentence. Such a claim names a giver of its own, an
unnamed one, so it never takes the giver of an earlier claim."""

from __future__ import annotations

import re

from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.names import Name, possessive_free, split_coordinated
from aidledger.parsers.numbers import find_numbers

_COUNT = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|[2-9]|1[0-9])")
# the counted givers: "Two foundations", "three Chinese NGOs", "five business companies"
COUNTED = re.compile(rf"(?<![\w-]){_COUNT}\s+(?:[\w-]+\s+){{0,3}}?(?:foundations|companies|firms|"
                     r"organi[sz]ations|NGOs|charities|corporations|enterprises|businesses|"
                     r"groups|institutions|associations|banks|entities|conglomerates)\b", re.I)
# a count after these is who receives or shares, not who gives: "to three foundations"
_TAKER_SIDE = re.compile(r"\b(?:to|for|among|between|with|across|into|towards|at)\s+"
                         r"(?:the\s+|these\s+|those\s+|its\s+|their\s+)?$", re.I)
# how names of one list are joined: "A, B and C", "A (BPAFFC), B", "A in partnership with B"
_JOIN = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+(?:together|"
                   r"along|jointly|in partnership|in collaboration|in cooperation)\s+with\s+)"
                   r"(?:the\s+)?")
HOW_MANY = 3  # sentences after the counted one that may name them
# a giver the sentence states but does not name: "received from well-wishers in China",
# "donated by private companies" (not "from the people of India", which is India's, nor
# "bought locally from Peruvian firms", whom the giver paid)
_UNNAMED = re.compile(r"(?<!purchased )(?<!bought )(?<!procured )(?<!sourced )(?<!locally )"
                      r"(?<!made )(?<!manufactured )(?<!produced )\b(?:from|by)\s+(?:the\s+)?"
                      r"(?:(?:some|several|various|many|local|private|"
                      r"anonymous|overseas|other|individual|generous|unnamed|[A-Z][a-z]+)\s+){0,3}"
                      r"(?:well-?wishers|donors|benefactors|philanthropists|sponsors|individuals|"
                      r"businesses|companies|firms|enterprises|entrepreneurs|citizens|residents|"
                      r"nationals|diaspora)\b"
                      r"(?!\s*,?\s+(?:including|such as|like|led by|namely)\b)", re.I)


def unnamed_giver(sentence: str) -> bool:
    """Whether the sentence gives its goods from a giver it leaves unnamed: such goods take
    no giver from the statements before them."""
    return bool(_UNNAMED.search(sentence))


def counted_givers(sentence: str) -> int:
    """How many givers the sentence counts instead of naming them ("Two organizations have
    donated": 2), 0 if none; a count on the taker's side ("to three foundations") is none."""
    for m in COUNTED.finditer(sentence):
        if not _TAKER_SIDE.search(sentence[:m.start()]):
            return next((n.value for n in find_numbers(m.group(0).split()[0]) if n.value), 2)
    return 0


def fill_counted(claims: list, listed: list[str]) -> None:
    """The givers named in the list take the counted claims, also those a reference had
    resolved to only some of them ("Two foundations" read as the one named before)."""
    for c in claims:
        if set(c.donors) <= set(listed):
            c.donors = list(listed)


def listed_givers(sentence: str, names: list[Name], receivers: frozenset[str]) -> list[str]:
    """The givers one list of the sentence names, two or more ("The companies include Acme
    Ltd and Orvo Group"): its first name that can give and those joined to it."""
    usable = [n for n in names if n.kind != "place" and n.text not in receivers
              and not n.oblique and not _bracketed(sentence, n)]
    if not usable:
        return []
    run = [usable[0]]
    for n in usable[1:]:
        gap = sentence[run[-1].end:n.start]
        if not _JOIN.fullmatch(gap):
            break
        run.append(n)
    out: list[str] = []
    for n in run:
        out += [d for d in map(possessive_free, split_coordinated(n.text)) if d not in out]
    return out if len(out) >= 2 else []


def _bracketed(sentence: str, n: Name) -> bool:
    """ "(BPAFFC)": the short form of the name before it, not one more giver."""
    return sentence[n.start - 1:n.start] == "(" and sentence[n.end:n.end + 1] == ")"


_COUNTED_REF = re.compile(r"\b(two|three|four|five|six)\s+(?:[\w-]+\s+){0,2}?(?:companies|firms|"
                          r"foundations|charities|organi[sz]ations|groups|donors)\s*$", re.I)


def given_by(clause: Clause, region: str) -> list[str]:
    """ "The two companies have asked ...": the latest two givers of the article's claims
    (not countries), when a counted reference says how many."""
    m = _COUNTED_REF.search(region)
    if not m:
        return []
    count = ("two", "three", "four", "five", "six").index(m.group(1).lower()) + 2
    latest: list[str] = []
    for g in reversed(clause.givers):
        if g not in latest and g not in clause.receivers and not _country(g):
            latest.append(g)
    return list(reversed(latest[:count])) if len(latest) >= count else []


def _country(name: str) -> bool:
    place = lookup_place(name)
    return place is not None and place.kind in ("country", "demonym")


# one giver told by a description opening the sentence, its name left for later ("A Lakeside
# firm gave seven ventilators", "An Orvan-based firm sent 2,000 masks"): the words
# before the noun describe it (its town, its country's demonym), they do not name it
_DESCRIBED = re.compile(
    r"^(?:A|An)\s+(?:[\w.'’-]+\s+){0,3}?(?:(company|firm|business|manufacturer|maker|supplier|"
    r"retailer|startup|start-up|conglomerate|charity|foundation|organi[sz]ation|group|bank|"
    r"corporation|enterprise|NGO|church|mosque|temple|school|university|college|club|team|"
    r"association|union|provider|producer|distributor|operator|chain|brand|utility|insurer|"
    r"lender|developer|institution)|(businessman|businesswoman|philanthropist|entrepreneur|"
    r"tycoon|billionaire|donor|benefactor|resident|couple))"
    r"(?:\s+(?:based|headquartered)\s+in\s+(?:[\w.'’-]+\s+){1,3}?)?"
    r"(?=\s+(?:has|have|had|will|is|was|also|recently|today|yesterday|on|this|last|[a-z]+ed|"
    r"gave|gives|sent|sends|donates|provides|delivers|pledges|offers|hands)\b)")
# where a name that is only mentioned, not the giver, stands: "in a post on its page", "to X"
_MENTIONED = re.compile(r"\b(?:in|on|via|through|with|to|for|at|like|than|a|an)\s+(?:the\s+)?$")
_STATE_WORDS = re.compile(r"\b(?:Embassy|Consulate|Ministry|Government|Department|Commission|"
                          r"Council|Authority|Agency|City of|Municipality)\b")
# "the donor company Orvo", "Orvo, the donor": named as the giver, whatever comes first
_DONOR_NOUN = re.compile(r"\b(?:by|from|donor(?:\s+(?:company|firm|group|foundation|"
                         r"business))?)\s+(?:the\s+)?$")
_TAKES = re.compile(r"\s+(?:[\w'’-]+\s+){0,8}?(?:to\s+receive|received|receives|accepted|took\s+"
                    r"delivery)\b")


def described_giver(sentence: str) -> str | None:
    """ "organisation" or "person" when the sentence opens on one giver described but not
    named ("A Lakeside firm has given"), else None."""
    m = _DESCRIBED.match(sentence)
    if not m:
        return None
    return "organisation" if m.group(1) else "person"


def named_giver(sentence: str, names: list[Name], kind: str,
                receivers: frozenset[str]) -> str | None:
    """The name a later sentence gives the described giver: one introduced by "by" or "from"
    first ("the kits were provided by Orvan Ltd"), else the first of its kind the sentence
    does not merely mention ("in a post on its page", "to the hospital"); never a place, a taker
    or a body of a state."""
    fits = [n for n in names if n.kind != "place" and n.text not in receivers
            and not lookup_place(n.text) and not _STATE_WORDS.search(n.text)
            and (n.kind == "person") == (kind == "person")
            and (" " in n.text or n.text.isupper())  # "Hospitals there lack them": no name
            and not _TAKES.match(sentence, n.end)]  # "X hosted a ceremony to receive them"
    by = [n for n in fits if _DONOR_NOUN.search(sentence[:n.start])]
    rest = [n for n in fits if not _MENTIONED.search(sentence[:n.start])]
    found = (by or rest or [None])[0]
    return possessive_free(found.text) if found else None
