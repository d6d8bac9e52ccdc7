"""Names after a destination word that still take nothing: the subject of their own giving
clause, a news outlet that reports, an airport or port where goods land; and where the
places that take the goods stop (a clause of reasons or of another act, another list).

A list of gifts ("X donated 40 ventilators to the NDMA, Y contributed 28,000 gloves, Z Co.,
Ltd gave 40,000 masks") puts each giver after a comma, which also opens recipient lists; a
name followed by its own verb of giving is that clause's giver, never the earlier one's taker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aidledger.parsers.claim_parts import RECEIVE
from aidledger.parsers.lexicon import find_places
from aidledger.parsers.places import region_members
from aidledger.parsers.prefilter import may_hold
from aidledger.parsers.records import Recipient

_WILL_GIVE = re.compile(r"\s+(?:will|would|is|are|has|have|had)\s+(?:also\s+)?(?:be\s+)?"
                        r"[a-z]+ing\b|\s+(?:will|would)\s+(?:also\s+)?(?:donate|give|send|"
                        r"provide|make)\b"
                        r"|\s+(?:has|have)\s+(?:also\s+)?(?:started|begun|been)\s+[a-z]+ing\b")
# a name whose own verb of giving follows (after its legal form): the subject of a clause
_GIVES_NEXT = re.compile(r"(?:\s*\([^)]{1,30}\))?(?:,?\s*(?:Co|Ltd|Inc|LLC|Corp|Limited|Plc|"
                         r"PLC|Group|Pvt|Bhd|AG|SA|GmbH)\b\.?)*(?:,|\s+[–—-])?\s+(?:has\s+|have\s+|had\s+|"
                         r"also\s+|then\s+)*(?:gave|donated|provided|contributed|sent|supplied|"
                         r"delivered|handed|presented|offered|pledged|committed|granted|"
                         r"allocated|earmarked|weighed\s+in)\b")
# "to the Ambassador of Chile in Beijing": the envoy's seat, no taker
SEAT_WORDS = ("ambassador", "envoy", "embassy", "consul")  # each SEAT match holds one
SEAT = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Ee]mbassy|[Cc]onsul|[Cc]onsulate)s?\s+"
                  r"(?:of\s+(?:the\s+)?[A-Z][\w ]{1,30}?\s+)?in\s+(?:the\s+)?$")
# "to Belgium's Liege Airport and then on to Rome": a stop on the way
THEN_ON = re.compile(r"(?:['’]s)?[\w ’'-]{0,30}?,?\s+(?:and\s+)?then\s+(?:on\s+)?"
                     r"(?:to|onwards?)\b")
# "landed in Ghana so that it could be sent on to all of West Africa",
# "landed in Dubai, from where they will be sent to 20 countries": a hub, the goods go on
_ONWARD = re.compile(r"[^.;]{0,40}?\b(?:so\s+(?:that\s+)?(?:it|they)\s+(?:can|could|will|would)\s+"
                     r"be|to\s+be|before\s+being|(?:from\s+)?where\s+(?:it|they)\s+(?:will|would)\s+"
                     r"be|for\s+(?:onward\s+)?)\s*(?:further\s+|then\s+|later\s+)?(?:distributed|"
                     r"dispatched|shipped|forwarded|sent|distribution|delivered)\s+(?:on\s+|onwards?\s+)?"
                     r"(?:across|to|among|throughout|around|in)\s+(?:the\s+)?", re.I)


# "donated to 54 African countries, arrived on Sunday in Addis Ababa": where the goods
# for a region landed
_LANDED_IN = re.compile(r"\b(?:arrived|arrives|arriving|landed|lands|landing|touched\s+down|"
                        r"reached)\b[^.;]{0,40}?\b(?:in|at)\s+(?:the\s+)?$", re.I)
_TO_REGION = re.compile(r"\bto\s+(?:the\s+)?(?:(?:all|each|every\s+one)\s+of\s+(?:the\s+)?)?"
                        r"(?:\d+\s+)?$", re.I)


def hub(s: str, place) -> bool:
    """The place is where goods land before they go on to a region or other countries named
    right after, or where goods given to a region named before landed: a stop, not the taker."""
    if not place.place.code.startswith("region:") and _LANDED_IN.search(
            s, max(0, place.start - 120), place.start) and any(
            q.end <= place.start and q.place.code.startswith("region:")
            and place.place.code in region_members(q.place.code)
            and _TO_REGION.search(s, 0, q.start) for q in find_places(s)):
        return True
    m = _ONWARD.match(s, place.end)
    if m is None:
        return False
    return any(q.place.code != place.place.code for q in find_places(s[m.end():m.end() + 60])
               ) or bool(re.match(r"(?:\w+\s+){0,2}(?:continent|region|world|countries|"
                                 r"nations)\b", s[m.end():]))


# "the U.S. announced March 27 that USAID is providing $274 million ...": who tells of it
SPEAKS = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:announced|said|says|stated|"
                    r"reported|confirmed|declared|told)\b")
_NEWS_OUTLET = re.compile(r"\b(?:News|Times|Post|Daily|Herald|Tribune|Gazette|Journal|"
                          r"News Agency|Television|TV|Radio)$")
_ARRIVAL_POINT = re.compile(r"\b(?:Airport|Airbase|Air Base|Seaport|Port|Harbou?r|Terminal)$")


def gives_next(sentence: str, end: int) -> bool:
    """The name ending at `end` gives ("his foundation and the Alibaba Foundation will be
    making", ", Qiaoxin Holdings (Group) Co., Ltd gave 40,000 masks"): a giver, no taker."""
    if _WILL_GIVE.match(sentence, end):
        return True
    return bool(_GIVES_NEXT.match(sentence, end)) and not RECEIVE.search(
        sentence[end:end + 60])


def not_a_taker(name: str, code: str | None) -> bool:
    """ "Netease Technology News" reports; "Jinnah International Airport" is where goods
    land, a taker only through a country it is known to be in."""
    return bool(_NEWS_OUTLET.search(name) or (_ARRIVAL_POINT.search(name) and code is None))


_SUBORDINATE = re.compile(r",\s+(?:when|because|although|though|since|as (?!well\b|part\b)"
                          r"|which (?:will|would|is|are|plans|then|in turn)\s+(?!includ|(?:be|"
                          r"being)\s+(?:sent|shipped|delivered|distributed|handed|given|donated)"
                          r"|go(?:ing)?\s+to|[\w ]{0,50}?\bdistribution\s+to\b)"  # ", which
                          # will be sent to Italy", a hub "which will lead the distribution to"
                          r"|which (?:has|have|had) (?:now |since |just |already )?(?:overtaken|"
                          r"surpassed|become|overtook|replaced|recorded|reported|confirmed|seen|"
                          r"suffered|registered)\b"  # ", which has overtaken Italy": the taker
                          r"|(?:and\s+)?(?:sending|building|setting up|opening|training|"
                          r"dispatching)\b"  # ", sending doctors to Iran": another act
                          r"|who (?:will|would|then)\s+"
                          r"|after (?:a|an|the)\b|before (?:a|an|the)\b|where (?:the|it|they)\b"
                          r"|(?:after|before) (?:previously |earlier |already |first )?"
                          r"(?:having )?[a-z]+ing\b"  # ", after previously sending ... to X"
                          r"|(?:and |while )?(?:also )?(?:promising|pledging|vowing|planning|"
                          r"announcing|offering) to\b"  # ", also promising to send ... to Y"
                          r"|on top of\b|in addition to\b|besides\b|apart from\b"
                          r"|(?:similar|similarly) to\b|just like\b"  # ", similar to the
                          r"|like (?:its|the|their|his|her)\b"  # Kingdom's earlier ..."
                          r"|following (?:its|the|their|his|her|an|a)\b)")
# "in return for the help Japan gave China" is the reason for the gift, not a second one;
# ", two of the hardest-hit countries in South America" tells of the takers already named
_IN_RETURN = re.compile(r"\bin\s+(?:return|exchange|gratitude|thanks)\s+for\b"
                        r"|\b(?:after|before)\s+(?:previously\s+|earlier\s+|already\s+)?"
                        r"(?:having\s+)?(?:sending|donating|giving|shipping|delivering|providing|"
                        r"supplying|pledging)\b"  # "... after sending 5,000 to Chile last week"
                        r"|,\s+(?:two|three|four|five|six|both|one|all|each)\s+of\s+the\b"
                        r"|,?\s+and\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+\d"  # "and
                        # Chile 5,000": a gapped clause with its own taker
                        r"|,\s+(?:has|have|had|is|was)\s+(?:now|since|then)\s+[a-z]+\b"
                        # "amid a surge of cases in Uganda", "as cases rose in Tanzania", "with
                        # the flags of Peru and Chile behind him": the setting; "and will soon send
                        # more to Uganda": a later gift
                        r"|\b(?:as|while|with|under)\s+(?:the\s+)?(?:national\s+)?flags\s+of\b"
                        r"|\bamid(?:st)?\b|\bas\s+(?:the\s+)?(?:number\s+of\s+)?(?:cases|infections|"
                        r"deaths|the\s+(?:virus|pandemic|outbreak))\b"
                        r"|\band\s+(?:will|would|plans\s+to|intends\s+to)\s+(?:also\s+|soon\s+|later\s+)?"
                        r"(?:send|donate|give|ship|deliver|provide|supply)\s+more\b")  # "Ma, who
# has already donated ... to Japan, has now turned his attention to Europe": the main clause
_BOUNDARY = re.compile(r";|\bwhile\b|\bwhereas\b|\bwith the rest\b|\bthe rest\b|\bbut\b"
                       r"|\band\s+(?:more|other|further|additional)\s+(?:\w+\s+)?(?:were|was|are|"
                       r"is|will|have|has)\b")  # "..., and more supplies were sent to Fiji"


def reason_start(sentence: str, end: int) -> int | None:
    """Where a clause that is no part of the gift begins after `end` (", when the outbreak was
    in China", " in return for the help Japan gave China"): nothing after it takes."""
    found = [m.start() for m in (_SUBORDINATE.search(sentence, end),
                                 _IN_RETURN.search(sentence, end)) if m]
    return min(found) if found else None


# "to Iran as part of its support for countries in the Middle East": the wider effort the
# gift belongs to, whose places are no takers once the gift has named its own
_PART_OF = re.compile(r"\bas\s+(?:a\s+)?part\s+of\s+(?:its|their|his|her|the|a|an|our)\s+"
                      r"(?:[\w-]+\s+){0,3}?(?:support|efforts?|aid|assistance|help|campaign|"
                      r"programmes?|programs?|initiatives?|response|commitments?|drive|"
                      r"solidarity|cooperation)\b", re.I)


def effort_start(sentence: str, end: int) -> int | None:
    """Where "as part of its support for ..." begins after `end`, if it does."""
    m = _PART_OF.search(sentence, end) if may_hold(sentence, ("part of",)) else None
    return m.start() if m else None


def list_end(sentence: str, end: int, numbers: Sequence = ()) -> int | None:
    """Where the goods' own list of takers ends ("; ", ", while", ", and more supplies were
    sent to", another amount with its own "to": "1 million units to Spain and 800,000 units
    to Holland"): later places belong to other goods."""
    found = [m.start()] if (m := _BOUNDARY.search(sentence, end)) else []
    found += [n.start for n in numbers if n.start > end and n.value
              and _OWN_TO.match(sentence, n.end)][:1]
    return min(found) if found else None


_OWN_TO = re.compile(r"\s*(?:thousand|million|lakh|crore)?\s*(?:[\w-]+\s+){0,3}?(?:to|for)\s+"
                     r"(?:the\s+)?[A-Z]")


_SCENE = re.compile(r"^\s*(?:In|Across|Throughout|Elsewhere in|Meanwhile in|Meanwhile,? in)\s+"
                    r"(?:the\s+)?$")
_SCENE_BACK = re.compile(r"\b(?:across|throughout|in|to) the (?:continent|region|country|bloc)\b")


def scene(before: str, sentence: str) -> bool:
    """ "In Europe, ...": the place opening the sentence is its scene, unless the goods go
    "across the continent" (back to it)."""
    return bool(_SCENE.match(before)) and not _SCENE_BACK.search(sentence)


_COUNTED_BACK = re.compile(r"\b(?:to|for|between|among)\s+(?:both\s+|all\s+|each\s+of\s+)?the\s+"
                           r"(two|three|four|five|six|2|3|4|5|6)\s+(?:countries|nations)\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def counted_back(sentence: str, before: str) -> list[tuple[int, int, Recipient]]:
    """ "each to the two countries": the countries the text named last, when it named at
    least that many (the latest of them)."""
    m = _COUNTED_BACK.search(sentence) if may_hold(sentence, ("countries", "nations")) else None
    if not m:  # (each match holds one of its two nouns)
        return []
    n = _NUMBER_WORDS.get(m.group(1).lower()) or int(m.group(1))
    codes: dict[str, str] = {}
    for p in reversed(find_places(before)):
        if p.place.kind == "country" and p.place.code not in codes and len(codes) < n:
            codes[p.place.code] = p.text
    if len(codes) < n:
        return []
    return [(m.start(1), m.end(), Recipient(name, code)) for code, name in reversed(
        list(codes.items()))]


# "to healthcare workers based in Syria": where the taker is, not the seat of a giver
def taker_seat(s: str, start: int) -> bool:
    """The place at `start` follows "based in" said of a taker: "to healthcare workers based
    in Syria", or a subject that receives ("Doctors based in Yemen received $3 million")."""
    near = s[max(0, start - 90):start]
    return bool(TAKER_BASED.search(near) or _SUBJECT_BASED.match(near) and RECEIVE.search(
        s, start, start + 60))


_SUBJECT_BASED = re.compile(r"^(?:the\s+|some\s+|many\s+)?(?:[\w'’-]+\s+){1,3}?(?:(?:who|that)\s+"
                            r"(?:are|is|were|was)\s+)?(?:based|located)\s+in\s+(?:the\s+)?$",
                            re.I)
TAKER_BASED = re.compile(r"\b(?:to|for|towards|among)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}?"
                         r"(?:(?:who|that)\s+(?:are|is)\s+)?(?:based|located)\s+in\s+"
                         r"(?:the\s+)?$", re.I)


# what a demonym before it makes a taker of that country ("a Kenyan hospital")
COUNTRY_NOUNS = re.compile(r"^\s+(countries|nations|states|hospitals?|cities|city|towns?|people|"
                           r"(?:sister|partner|twin|friendship)\s+(?:cit(?:y|ies)|provinces?|"
                           r"states?|towns?|regions?)|"
                           r"governments?|health|medical|authorities|doctors|capital|province|"
                           r"region|port|clinics?|families|communities|workers|nurses|patients|"
                           r"citizens|children|schools|frontline|healthcare|refugees|institut"
                           r"(?:es?|ions?)|universit(?:y|ies)|laborator(?:y|ies)|labs?|ministr"
                           r"(?:y|ies)|departments?|agenc(?:y|ies)|charit(?:y|ies)|NGOs?|researchers|scientists|"
                           r"villages?|villagers|farmers|students|victims|survivors|army|military|"
                           r"police|troops|soldiers|navy|ambassadors?|envoys?|consuls?|"
                           r"high\s+commissioners?)\b", re.I)
# "to the American Ambassador to Vietnam": an envoy who takes for the state sent from; the
# country sent to is the envoy's seat, no taker
ENVOY_TAKER_SEAT = re.compile(r"\b(?:to|for)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:Ambassador|Envoy|"
                              r"Consul(?:[\s-]General)?|High\s+Commissioner)(?:\s+of\s+(?:the\s+)?"
                              r"[A-Z][\w ]{1,30}?)?\s+to\s+(?:the\s+)?$")


_THEN_STATE = re.compile(r"(?:\s+[A-Z][\w'’-]+){0,2},\s*")
_LIST_ON = re.compile(r"\s*(?:,|\band\b|&|\bor\b)\s*(?:the\s+)?[A-Z]")


def unqualified(s: str, places: list) -> list:
    """The places but towns placed by the state or country after them ("Newport Beach,
    California", "Valencia, Venezuela"): that one names the country, the town's other
    namesake does not. A second town ("Quito, Lima and Bogota") is a list, no qualifier."""
    out: set[int] = set()
    for p, q in zip(places, places[1:], strict=False):
        if p.place.kind != "city" or p.place.code == q.place.code or re.search(
                r"(?:,|\band|&)\s*$", s[:p.start]) or not _THEN_STATE.fullmatch(
                s, p.end, q.start):
            continue
        if q.place.kind == "country" or q.place.kind == "city" and not _LIST_ON.match(s, q.end):
            out.add(p.start)
    return [p for p in places if p.start not in out]


_APPOSED = re.compile(r",\s+the\s+$")
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?(?:the\s+)?[A-Z]|(?:and|or|&)\b)")


def unapposed(s: str, orgs: list) -> list:
    """Bodies but one that only describes the body before it ("Gavi, the Vaccine Alliance",
    "Oxfam, the Anti-Poverty Charity."): one taker. "WHO, the Red Cross and UNICEF" goes on
    as a list, so each is a taker."""
    out = []
    for a, b, r in orgs:
        if out and _APPOSED.fullmatch(s, out[-1][1], a) and not _LIST_NEXT.match(s, b):
            continue
        out.append((a, b, r))
    return out


# "handed over a cheque of Rs 5 crore to Chief Minister Uddhav Thackeray", "presented to
# President Akufo-Addo": the holder of a state office takes for the state the article is about
_OFFICER = re.compile(r"\b(?:to|for)\s+(?:the\s+)?((?:(?:Union|State|Federal|Deputy|Vice)\s+)?"
                      r"(?:Chief\s+Minister|Prime\s+Minister|President|Governor|Premier|Mayor|"
                      r"(?:[A-Z][a-z]+\s+){1,2}Minister)(?:\s+[A-Z][\w.'’-]*){0,4})"
                      r"(?=\s*(?:[,.;:)]|$|\s(?:to|for|and|in|on|at|as|who|which|during|"
                      r"last|this|via|by|from|with)\b))")


def officers(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of each state officer a sentence gives to, by title and name."""
    if "Minister" not in sentence and not re.search(r"President|Governor|Premier|Mayor",
                                                    sentence):
        return []
    found = [(m.start(1), m.group(1).rstrip(".")) for m in _OFFICER.finditer(sentence)]
    return [(a, a + len(w), w) for a, w in found if not w.endswith(("'s", "’s"))]
