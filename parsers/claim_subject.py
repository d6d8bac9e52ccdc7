"""The subject of a donation verb: the name (or reference) nearest before it that can give,
with the co-donors listed before it ("Lenovo, ZTE and Haier", "Qatar and Kuwait")."""

from __future__ import annotations

import re
from dataclasses import replace

from aidledger.parsers.claim_coref import (
    HEAD,
    PEOPLE_HEADS,
    apposed,
    country_like,
    expand,
    head_alone,
    in_aside,
    name_donors,
    reference_regex,
    resolve,
)
from aidledger.parsers.claim_described import (
    branded,
    dashed,
    described_and,
    pair_head,
    represented,
    seated_and,
    titled,
)
from aidledger.parsers.claim_givers import state_name
from aidledger.parsers.claim_parts import Clause, origin_before, speech_before
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.names import Name, is_org_name, vocab

_SPEAKER_OF = re.compile(r"^[^.;]*?\b(?:said|says|told|announced|added|confirmed)\b"
                         r"(?:(?:\s+\w+){0,2}?|[^.;“\"]{0,60}?\s+that)"  # "told Xinhua", "told a
                         # reporter", "said on its website on Monday, May 4, that"
                         r"(?:\s+that)?\s+(?:another|a further|an additional|the|all|these|those|"
                         r"(?<=that )(?:after|following|during)\b|"
                         r"some|about|around|approximately|almost|roughly|more than|nearly|over|"
                         r"\d)", re.I)
_CLAUSE_START = re.compile(r"(?:^\W*|[,;:—–]\s*|\b(?:says|said|announced|stated|confirmed)\s+"
                           r"(?:that\s+)?)(?i:the\s+)?(?:"
                           r"(?:(?i:[a-z]+ern\s+)?[A-Z][\w]+['’]s\s+)?"  # "Southern China's"
                           r"(?:[a-z]+ern\s+)?(?:[A-Z][a-z]+\s+)?"
                           r"(?i:state|city|province|government|prefecture|county)\s+of\s+"
                           r"|(?i:sister\s+)?(?i:city|town)\s+)?$")  # "Sister city Tacna gave"


_GOVERNMENT_OF = re.compile(r"\b((?:federal\s+|central\s+|national\s+)?(?:government|govt)\s+of\s+"
                            r"(?:the\s+)?)$", re.I)
_JOINED_IN = re.compile(r"\s(?:has\s+|have\s+|had\s+)?join(?:s|ed)\s+(?:the\s+)?(?=[A-Z])"
                        r"(?=[^,;]*\sin\s+$)")
_PARTNERED_TO = re.compile(r"\s(?:has\s+|have\s+|had\s+)?(?:partnered|teamed\s+up|worked)\s+with\s"
                           r"[^;]*\bto\s+(?:help\s+)?$")
_TITLED_REF = re.compile(r"(?:^|\s)[Tt]he\s+$")
_TAKES = re.compile(r"\s*(?:(?:has|have|had|will|would|also|already|earlier|now)\s+){0,2}"
                    r"(?:received|receives|receive|got|gets|accepted|accepts|obtained)\b", re.I)


def _city_of(clause: Clause, region: str, country: Name) -> Name:
    """ "Toyokawa, Japan donated": the city gives; the country after its comma only places it."""
    if not country_like(country.text):
        return country
    prev = [n for n in clause.names if n.end <= country.start
            and re.fullmatch(r",\s*", region[n.end:country.start])]
    if prev and not country_like(prev[-1].text) and not _SOURCE.search(
            region[:prev[-1].start]):  # not "According to the website of NDMA, China has"
        return prev[-1]
    return country


# a state's officer giving in office gives as the state: "US Ambassador X handed 50 ..."
_STATE_ROLE = re.compile(r"(?<![\w-])\[?([A-Z][\w.]*?)\]?(?:['’]s)?\s+(?:President|"
                         r"Prime\s+Minister|Premier|Chancellor|Ambassador|High\s+Commissioner|Envoy|"
                         r"Foreign\s+Minister|Health\s+"
                         r"Minister|Minister\s+of\s+\w+(?:\s+Affairs)?|Consul(?:\s+General)?|"
                         r"Embassy)\s+(?:\[[^\]]{1,30}\]\s+)?\[?$")
# an envoy read as one name with his title: "Indian High Commissioner (Asha Verma)": the state
_ENVOY_NAME = re.compile(r"([A-Z][a-z]+)\s+(?:High\s+Commissioner|Ambassador|Envoy)\b")
# a body's officer who hands over its gift at a ceremony: "Orvan Ltd regional sales manager
# Tom Reyes handed over", "Orvan Foundation Chairperson, Tom Reyes, presented", "Orvan
# Foundation, whose chairman Tom Reyes handed over": the body gives (its founder, "Orvan founder
# X donated", and "Chief Executive of Orvan Ltd X handed over", a person "of" it, stay the person)
_OFFICER = (r"(?:(?!(?:and|or|the|a|an|of|to|by|with|from|for|in|at)\s)[A-Za-z]+\s+){0,2}?"
            r"(?:chairman|chairwoman|chairperson|chair|president|"
            r"chief\s+executive(?:\s+officer)?|ceo|managing\s+director|director|manager|head|"
            r"secretary[\s-]general|chief\s+operating\s+officer|representative|commander)")
_HONORIFIC = r"(?:(?:Prof|Dr|Mr|Mrs|Ms|Sir|Dame|Datuk|Dato|Tan\s+Sri)\.?\s+)*"
_BODY_OFFICER = re.compile(rf"(?:\s*\([^()]{{1,40}}\))?(?:['’]s)?\s+{_OFFICER},?\s+{_HONORIFIC}|"
                           rf",\s+whose\s+{_OFFICER}\s+{_HONORIFIC}", re.I)
_TITLE_END = re.compile(rf"\s+{_OFFICER[_OFFICER.index('(?:chairman'):]}$", re.I)
_HANDS = re.compile(r",?\s*(?:(?:has|had|also|then|yesterday|today|on\s+[A-Z][a-z]+day)\s+)*"
                    r"(?:handed|presented)\b")


def _officer_of(clause: Clause, name: Name) -> Name | None:
    """The body whose officer `name` hands over the gift (see _BODY_OFFICER), else None."""
    if name.kind not in ("person", "organisation") or name.kind == "organisation" and is_org_name(
            name.text) or not _HANDS.match(clause.sentence, name.end):
        return None
    for o in reversed([o for o in clause.names if o.end <= name.start]):
        if clause.sentence[o.start - 1:o.start] == "(":
            continue  # "Orvan Ltd (Orvan Asia) sales manager X": the body's own short name
        if o.kind in ("organisation", "foundation") and not country_like(o.text):
            gap = clause.sentence[o.end:name.start]
            if _BODY_OFFICER.fullmatch(gap):
                return o
            if re.fullmatch(r",\s*", gap) and (t := _TITLE_END.search(o.text)) and " " in o.text[
                    :t.start()]:
                return Name(o.start, o.start + t.start(), o.text[:t.start()], o.kind,
                            whole=o.whole)  # the title read into the body's name
        return None
    return None


# "According to the ministry's spokeswoman X, ...": a source, not the subject of the gift
_SOURCE = re.compile(r"\baccording\s+to\b[^,;]*$", re.I)
# "Meanwhile, the army has donated": a lone opener before a comma and a subject of its own
# (not a surname of a person named before: "Orvo, the Kenyan tycoon, has donated")
_OPENER = re.compile(r",\s+(?:the|a|an|its|their)\s+[^,]*$")
_HOME_GOVERNMENT = re.compile(r"\b(?:the\s+)?(?:Central|Union|Federal|National)\s+[Gg]overnment\b")
_STATE_ORGAN = re.compile(r"\b(?:the\s+)?([A-Z][a-z]+|(?<!\w)U\.S\.|[A-Z]{2,4})\s+(?:army|military|"
                          r"navy|air force|armed forces|government|embassy)\b")
# "X says China has pledged to donate": the country right before the verb chain gives
_VERB_CHAIN = re.compile(r"\s*(?:(?:has|have|had|will|would|also|already|now|is|was|decided|"
                         r"agreed|pledged|promised|offered|plans|planned|vowed|committed|"
                         r"announced|set|then|later|recently|[a-z]+ly)\s+(?:to\s+)?"
                         r"|(?:made|makes|make|making)\s+(?:an?\s+)?(?:[a-z]+\s+)?)*")  # "Qatar has
# made a contribution of": the noun after "made a" is the giving word
# "An Ethiopian Airlines cargo flight ... arrived with": the carrier, not the giver
_CARRIER = re.compile(r"\s+(?:[A-Z]?\d{2,4}[A-Z]?\s+)?(?:cargo\s+|charter(?:ed)?\s+|special\s+)?"
                      r"(?:plane|flight|aircraft|jet|freighter|airplane|airliner|ship|vessel|truck|"
                      r"lorry)s?\b", re.I)  # (a model's number too: "an Airbus A330 aircraft")
_WITH = re.compile(r"\b(?:met|meeting|meets)?\s*with\s+(?:the\s+)?$", re.I)  # "met with X and
# donated": X is who was met, not who gave
_QUOTED = re.compile(r"[”\"’]\s+[a-z]")  # 'pass the "Hangzhou-Liege" life channel': a label
# "a flight from Guangzhou, China arrived": the country only places the origin city
_ORIGIN_CITY = re.compile(r"\b(?:from|in|via|at|to)\s+(?:the\s+)?([A-Z][\w'’.-]*"
                          r"(?:\s+[A-Z][\w'’.-]*)*),\s*$")


def _origin_city(region: str) -> bool:
    """`region` ends on "from Guangzhou, ": the place next names the city's country, not a
    subject; after a country ("Besides the gift to Chile, Norway has donated") it is one."""
    m = _ORIGIN_CITY.search(region)
    return bool(m) and not ((p := lookup_place(m.group(1))) and p.kind == "country")
# "Chinese firms have stood behind the Philippines, donating": whom the givers back, not one
_BEHIND = re.compile(r"\b(?:behind|alongside|beside|against|among|to|for|with|towards|into)\s+"
                     r"(?:the\s+)?$", re.I)
_PLACE_OBJECT = re.compile(r"\b(?:across|in|to|from|for|at|into|throughout|over|on|with|by|"
                           r"via|towards|than|of)\s+(?:the\s+)?$", re.I)
_AFTER_PREP = re.compile(r"\b(?:to|from|for|in|with|by|at|via|into|towards|on|than)\s+"
                         r"(?:the\s+)?$", re.I)


# "At the request of the Ministry of Health, UNICEF has provided": a name that is the object
# of a phrase fronted before the subject's comma is no giver listed with the subject
_FRONTED = re.compile(r"\W*(?:(?:At|On|In|Upon|Under|Following|After|With|Amid|Thanks\s+to|"
                      r"Due\s+to|Owing\s+to|Because\s+of)\b[^,;]*\b(?:of|at|on|in|from|for|with|by|"
                      r"to)\s+|"
                      r"To\s+(?:mark|celebrate|honou?r|commemorate|observe)\s+)(?:the\s+)?$")
# ("To mark Hands Week, Orvo is donating": the occasion neither)


_SAYS_THAT = re.compile(r"\s*(?:(?:has|have|had)\s+)?(?:said|says|told\s+\w+|announced|added|noted|"
                        r"stated|confirmed|explained|tweeted|wrote)(?:\s+that)?\s*", re.I)


# "China has promised Pakistan to supply": the place after the verb is its object
_OBJECT = re.compile(r"\b(?:promised|promises|offered|offers|assured|assures|told|tells|asked|"
                     r"urged|helped|helps|follow(?:s|ed|ing)?(?:\s+in)?|emulat(?:es|ed|ing)|"
                     r"(?:mark|honou?r|celebrat|commemorat)(?:s|es|ed|ing)"
                     r")\s+(?:the\s+)?$")  # "Orvo is following Tarsa's lead by donating",
# "Orvo marks Hands Week with a gift": the occasion is no giver


_PLACES_PERSON = re.compile(r"\b([A-Z][a-z]+)(?:['’]s\s+(?:[a-z]+\s+){0,2}(?:man|woman|businessman|"
                            r"businesswoman|billionaire|tycoon|philanthropist|entrepreneur)|"
                            r"\s+(?:captain|skipper|striker|forward|midfielder|defender|goalkeeper|"
                            r"winger|international|star|coach|manager|businessman|businesswoman|"
                            r"philanthropist|entrepreneur|billionaire|tycoon))\b")  # "the Ireland
# captain", "Reyes, a South Harbour businessman who gave": a person described


_MAKER_BY = re.compile(r"\b(?:developed|manufactured|produced|designed|invented)\s+by\s+"
                       r"(?:the\s+)?$", re.I)
_NATION_AID = re.compile(r"\W*(?:(?:the|a|an|another|more|new)\s+)?([A-Z][a-z]+)\s+(?:(?:medical|"
                         r"humanitarian|emergency|anti-epidemic|relief)\s+)?(?:assistance|aid|"
                         r"donations?|shipments?|consignments?|supplies|gifts?|batch)\b")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[A-Z][\w-]*\s+)*")
# "Members of the Greater Dayton Chinese Association delivered": the body gives
_MEMBERS_OF = re.compile(r"\b(?:members|volunteers|staff|employees|workers|students|group|"
                         r"representatives)\s+(?:of|from|at)\s+(?:the\s+)?$", re.I)


# "Director of the Orvo Foundation, Lin Bao, handed over": the role's holder, in apposition,
# gives (as "Lin Bao, Director of the Orvo Foundation," does); the body is no co-giver
_ROLE_OF = re.compile(r"\b(?:Chairperson|Chairman|Chairwoman|Chair|President|CEO|(?:Co-)?Founder|"
                      r"Director|Head|Representative|Trustee|(?:Co-)?Owner|Captain|Coach|"
                      r"Manager|Boss)\s+of\s+(?:the\s+)?[A-Z][^,]*$",
                      re.I)


_GOVERNMENT_SAID = re.compile(r"\bthe government\s+(?:[a-z]+\s+){0,3}?(?:announced|said|stated|"
                              r"confirmed|decided|pledged)\s+(?:that\s+)?$")


# "X and Y said it would give": the pronoun after a speech verb stands for all its subjects
_PAIR_SAID = re.compile(r"\b(?:said|say|says|announced|confirmed|stated|pledged|promised|decided|"
                        r"agreed)\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+)?(?:that\s+)?(?:it|they)$", re.I)


# "Lin Bao, the founder of Orvo Group and a member of the Lima Club, donated": the aside after
# the subject's comma describes the subject by its roles; the names in it do not give
_ROLE_OPEN = re.compile(r",\s*(?:the|a|an|its|his|her)\s|,\s*(?:[a-z-]+\s+){0,2}?(?:founder|"
                        r"co-founder|chairman|chairwoman|chair|ceo|president|head|owner|"
                        r"director|chief|member|boss)\b")


def _described(clause: Clause, region: str, n: Name) -> bool:
    comma = region.rfind(",", 0, n.start)
    close = re.match(r"[^,.;:]{0,60},(?:[^,;:]|(?<=\d),(?=\d))*$", region[n.end:])
    return comma > 0 and bool(close) and bool(_ROLE_OPEN.match(region, comma)) and any(
        o.kind != "place" and re.fullmatch(r"(?:['’]s)?", region[o.end:comma])
        for o in clause.names if o.end <= comma)


# "Taiwan announced early last month that it would": the pronoun is the speaker
_IT_SAID = re.compile(r"(?<=[A-Za-z])\s+(?:has\s+|had\s+)?(?:said|says|announced|confirmed|stated|"
                      r"pledged|promised|decided|agreed)\s+(?:[A-Za-z]+\s+){0,3}?(?:that\s+)?it$")


# references whose noun a body's name carries ("PT Bank DBS Indonesia ... the bank donated")
_BY_HEAD = frozenset(("the group", "the bank", "the club", "the foundation", "the charity",
                      "the carrier"))


_MISSION_SAID = re.compile(r"\bthe\s+(?:embassy|consulate(?:[\s-]general)?|high commission)$", re.I)


def _names_next(clause: Clause, at: int) -> bool:
    """Whether a name (not a place) follows right after `at`: "the charity Good Hands"."""
    return any(n.start == at + 1 and n.kind != "place" for n in clause.names)


def _possessor(clause: Clause, region: str, at: int) -> Name | None:
    """The name opening the clause when a verb stands between it and a possessive at `at`."""
    lead = next((n for n in clause.names if n.end <= at and _CLAUSE_START.search(
        region[:n.start]) and (n.kind != "place" or country_like(n.text)
                               or n.text in vocab()["words"]["capitals"])), None)
    between = region[lead.end:at] if lead is not None else ""
    if lead is not None and re.search(r"\b[a-z]{3,}\b", between) and not _SAYS_THAT.fullmatch(
            between):  # "X said its clubs would give": the clubs give, as X's (reference path)
        return lead
    return None


# a subordinate clause whose pronoun subject is the main clause's: "X ..., when he announced"
_WHEN_HE = re.compile(r"\b(?:when|as|after|because|since|while|before|once)\s+$")


_OWNER_BEFORE = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+$")


def _owned_place_start(before: str) -> bool:
    """ "China's Hainan sent", "Earlier Hainan's Haikou sent": a place's own province or city
    opening the clause is its subject, as the place alone would be."""
    m = _OWNER_BEFORE.search(before) if before.endswith(("s ", "’s ")) else None
    if m is None:
        return False
    words = m.group(1).split()
    lead = before[:m.start()]
    if len(words) > 1 and not lookup_place(m.group(1)) and lookup_place(" ".join(words[1:])):
        lead, words = lead + words[0] + " ", words[1:]  # "Earlier China's": the opener
    return bool(lookup_place(" ".join(words))) and bool(
        _CLAUSE_START.search(lead) or re.fullmatch(r"\W*[A-Z][a-z]+\s+", lead))


def _lead_state(region: str, n: Name) -> bool:  # "Japan and the Asian Development Bank gave"
    return country_like(n.text) and bool(_CLAUSE_START.search(region[:n.start]))


def _state_subject(n: Name, region: str, before: int) -> bool:
    """A country, demonym or capital right before the verb chain, not after a preposition:
    "days after Beijing donated", "China has urgently provided", "Japan plans to send"."""
    return n.kind == "place" and n.end <= before and (
        country_like(n.text) or n.text in vocab()["words"]["capitals"]) and not origin_before(
        region[:n.start]) and bool(_VERB_CHAIN.fullmatch(region, n.end)) and not \
        _AFTER_PREP.search(region[:n.start]) and not _origin_city(region[:n.start])


# "X has been backing the Y Alliance, a new mechanism, and has already made a contribution",
# "X launched a fund named Y and gave $1m": a second predicate joined by "and" with no
# subject of its own shares the first one's
_AND_PREDICATE = re.compile(r"(?:,\s*|\s+)and\s+(?=(?:has|have|had|will|would|is|are|was|were|"
                            r"also|already|then|later|now|since|recently|subsequently|donated|"
                            r"gave|contributed|sent|provided|pledged|offered|supplied|handed)\s"
                            r"|$)")  # (the region may end right before the second verb)
_PREDICATE = re.compile(r"\s+(?:has|have|had|will|would|is|are|was|were|also|already|recently|"
                        r"earlier|[a-z]{3,}ed)\s")


def _first_predicate(clause: Clause, region: str) -> int | None:
    """Where the subject of the first predicate ends, when `region` closes on a second
    predicate joined by "and" ("..., and has also sent"); None otherwise."""
    if " and " not in region:
        return None
    joined = next(reversed(list(_AND_PREDICATE.finditer(region))), None)
    if joined is None or not _VERB_CHAIN.fullmatch(re.sub(r"\b(?:since|so far)\s", "", region[
            joined.end():])):  # "and has since donated"
        return None
    for n in reversed([n for n in clause.names if n.end <= joined.start()]):
        if _PREDICATE.match(region, n.end) and not n.oblique:
            return n.end + 1
    return None


# "after a call between the two ministers A and B, a cargo was delivered": who met, not
# who gave
_AT_AN_EVENT = re.compile(r"\b(?:after|following|during|at)\s+(?:a|an|the|their)\s+"
                          r"(?:[\w-]+\s+){0,2}?(?:conversation|call|meeting|talks?|visit|summit|"
                          r"videoconference)\s+(?:between|with|of)\b[^,;:]*$"
                          r"|\bon\s+(?:its|his|her|their|the)\s+$", re.I)  # "on its Facebook page"
# "The Orvo Group, of which Reyes is a founder, had given": a name inside the aside
_RELATIVE_ASIDE = re.compile(r",\s+(?:of\s+which|of\s+whom|whose|which|who|where)\b[^,;]*$")


def _relative_aside(region: str, start: int, end: int) -> bool:
    """Within a relative clause set off by commas (", of which ..., had given")."""
    return bool(_RELATIVE_ASIDE.search(region, 0, start)) and "," in region[end:]


def _aside(region: str, start: int, end: int) -> bool:
    """Within an aside: one the giver's name opens, or a relative clause."""
    return in_aside(region, start, end) or _relative_aside(region, start, end)


FACILITATED = re.compile(r"\b(?:facilitated|facilitates|arranged|arranges|coordinated|"
                          r"brokered|helped\s+(?:to\s+)?secure|helped\s+(?:to\s+)?arrange)\s+"
                          r"(?:a|an|the)\s+(?:[\w-]+\s+)?(?:donation|gift|shipment|delivery)\b")
_THROUGH = re.compile(r"\s(?:through|via)\s[^,;]*$")


# "Chile's response to the virus got a lift from a donation": the effort of the taker
_OWN_EFFORT = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:response|fight|battle|efforts?|war|"
                         r"campaign|struggle|drive)\b")


_PRONOUN_NEXT = re.compile(r"(?:it|they|he|she|we|its|their|his|her|our)\b", re.I)


# "Chile's part of the cargo reached Santiago": the state that takes its part, no giver
_SHARE_OF = re.compile(r"['’]s?\s+(?:[a-z]+\s+)?(?:share|portion|allocation|allotment|quota|"
                       r"part)\b")


# a giving verb in the passive, its agent unnamed: "(masks) will be donated", "were given"
_GIVEN = r"(?:donated|given|provided|gifted|contributed)\b(?!\s+by\b)"
_GIVEN_PASSIVE = re.compile(r"(?:(?:will|would|are to|is to)\s+be|were|was|has\s+been|have\s+been|"
                            r"be)\s+" + _GIVEN)
_GIVEN_PART = re.compile(_GIVEN)
_AUX_END = re.compile(r"\b(?:will|would|to)\s+be\s+$|\b(?:were|was|been)\s+$")


def _passive_gift(sentence: str, at: int) -> bool:
    """Whether the verb at `at` gives in the passive with no agent, its auxiliary before `at`
    or part of the verb found there."""
    if _AUX_END.search(sentence, 0, at):
        return bool(_GIVEN_PART.match(sentence, at))
    return bool(_GIVEN_PASSIVE.match(sentence, at))


def subject(clause: Clause, before: int) -> list[str]:
    heard = speech_before(clause, before)
    if heard is not None and heard.start() > 0 and not _PRONOUN_NEXT.match(clause.sentence,
                                                                          heard.end()):
        own = replace(clause, sentence=" " * heard.end() + clause.sentence[heard.end():],
                      names=[n for n in clause.names if n.start >= heard.end()])
        if said := subject(own, before):  # "The council of Arequipa says the city of
            return said  # Antofagasta will give it": the speaker's clause has its own subject
    region = clause.sentence[:before]
    if FACILITATED.search(region):
        return []  # "the Norwegian government facilitated a gift of 900 ventilators": who
        # helped it along, not who gave (the article names the givers elsewhere)
    if any(_OWN_EFFORT.match(region, n.end) for n in clause.names if n.end <= before):
        clause = replace(clause, names=[n for n in clause.names if n.end > before or not
                                        _OWN_EFFORT.match(region, n.end)])
    if (carried := _PARTNERED_TO.search(region)) and (lead := subject(clause, carried.start())):
        return lead  # "Ma has partnered with the WFP and Andes Airlines to deliver": Ma
    if (joined := _JOINED_IN.search(region)) and (lead := subject(clause, joined.start())):
        other = [n.text for n in clause.names if joined.end() <= n.start and n.end <= before
                 and n.kind != "place"]  # "Alibaba joined Tencent in donating": both give
        return lead + [o for o in other[:1] if o not in lead]
    if (first := _first_predicate(clause, region)) is not None and (lead := subject(clause,
                                                                                     first)):
        return lead
    cands: list[tuple[int, str, Name | None]] = []
    if described := [n for n in clause.names if n.end <= before and " " in n.text
                     and n.text.split()[-1].lower() in PEOPLE_HEADS
                     and _TITLED_REF.search(region, 0, n.start)]:
        clause = replace(clause, names=[n for n in clause.names if n not in described])
        cands += [(n.end, "person", None) for n in described]  # "the Alibaba Co-founder sent":
        # the person the company's title describes, named before
    for n in clause.names:
        if n.end <= before and (not origin_before(region[:n.start]) or _MEMBERS_OF.search(
                region[:n.start])) and n.kind != "place" \
                and not _TAKES.match(region, n.end) and not _SOURCE.search(region[:n.start]) \
                and not (n.start == 0 and " " not in n.text and _OPENER.match(region, n.end)
                         and expand([n.text], clause) == [n.text]) \
                and region.count("(", 0, n.start) <= region.count(")", 0, n.start) \
                and not _CARRIER.match(region, n.end) and not _QUOTED.match(region, n.end) \
                and not titled(region, n) and not dashed(region, n) and not n.oblique \
                and not represented(clause, region, n) \
                and not _WITH.search(region, max(0, n.start - 80), n.start) \
                and not _OBJECT.search(region, max(0, n.start - 80), n.start) \
                and not _AT_AN_EVENT.search(region, 0, n.start) \
                and not _relative_aside(region, n.start, n.end):
            cands.append((n.end, "name", n))  # not "it helped Northern Cyprus and sent"
    for m in _HOME_GOVERNMENT.finditer(region):  # "The Central government provided": the
        cands = [c for c in cands if c[2] is None or not (m.start() <= c[2].start < m.end())]
        cands.append((m.end(), "country", None))  # state the article is about
    for m in _STATE_ORGAN.finditer(region):  # "the German army has donated": Germany
        if country_like(m.group(1)) and not origin_before(region[:m.start()]):
            cands.append((m.end(), "name", Name(m.start(1), m.end(), m.group(0).strip(),
                                                 "organisation")))
    pattern, kinds = reference_regex()
    for m in pattern.finditer(region):
        if m.group(0).isupper() and len(m.group(0)) > 1:
            continue  # "US$5 million", "IT": an abbreviation, not "us" or "it"
        if m.group(0)[:4].lower() == "the " and _names_next(clause, m.end()):
            continue  # "to the charity Good Hands": the name it describes, no reference
        if _aside(region, m.start(), m.end()):
            continue  # "A, established by the founder of B, are donating": not the founder
        if re.search(r",\s", region[m.end():]) and any(re.fullmatch(
                r"\s*,\s*", region[n.end:m.start()]) for n in clause.names if n.end <= m.start()):
            continue  # "Tata Sons, the group's holding company, committed": an aside
        word = m.group(0).lower()
        if word in ("he", "she") and _WHEN_HE.search(region, 0, m.start()) and (
                lead := _possessor(clause, region, m.start())) and lead.kind != "place":
            cands.append((m.end(), "name", lead))  # "Ortiz won praise when he announced a
            continue  # gift": the name the sentence opens on, not the person before
        if word in ("its", "their", "his", "her"):
            if any(re.fullmatch(r"\s+(?:and|&)\s+", region[n.end:m.start()])
                   for n in clause.names):
                continue  # "Orvo FC and its players have given": the name before gives
            if lead := _possessor(clause, region, m.start()):
                cands.append((m.end(), "name", lead))  # "Taiwan began its second round by
                continue  # pledging": the possessive is the subject's own, in the object
        if kinds[word] == "country" and not re.match(r"['’]s\b", region[
                m.end():]) and not re.fullmatch(
                r"\W*(?:[\w ]{1,20},\s*)?|.*\band\s+", region[:m.start()]):
            continue  # "X, the richest banker in the country, will": not the subject
        if not (m.group(0)[0].isupper() and any(n.start <= m.start() < n.end
                                                 for n in clause.names)):
            kind = kinds[word]  # "the group": by its head noun, a body of members; "the
            # bank": the latest name with "Bank" in it first
            cands.append((m.end(), f"head:{word[4:]}" if word in _BY_HEAD else kind, None))
    for m in _PLACES_PERSON.finditer(region):  # "India's richest man also pledged": a person
        if lookup_place(m.group(1)):
            apposed_to = next((n for n in reversed(clause.names) if n.end <= m.start(1)
                               and _APPOSITION.fullmatch(region, n.end, m.start(1))
                               and n.kind != "place"), None)
            cands.append((m.end(), "name", apposed_to) if apposed_to else (
                m.end(), "person", None))  # "Reyes, a South Harbour businessman who": Reyes
    covered = [(m.start(), m.end()) for m in pattern.finditer(region)]
    cands = [c for c in cands if c[2] is None or not any(  # "The Kingdom": the reference
        a <= c[2].start and c[2].end <= b for a, b in covered) or head_alone(c[2], clause)]
    for n in clause.names:  # "the 2,000 test kits that China donated": a country as subject
        if _state_subject(n, region, before) or (
                n.kind == "place" and n.end <= before and country_like(n.text)
                and _VERB_CHAIN.fullmatch(region, n.end) and region[n.end:].strip()
                and re.search(r"\b(?:says?|said|told|announced|confirmed)\s+(?:that\s+)?$",
                              region[:n.start])):
            cands.append((n.end, "name", _city_of(clause, region, n)))
    cands = [c for c in cands if c[2] is None or not apposed(region, c[2])] or cands
    cands = [c for c in cands if c[2] is None or not _MAKER_BY.search(region, 0, c[2].start)]
    # ("test kits, developed by the Orvo Institute, were sent": the maker, no subject)
    if (way := _THROUGH.search(region)) and any(
            c[2] is not None and c[2].end <= way.start() for c in cands):
        cands = [c for c in cands if c[2] is None or c[2].end <= way.start()]  # "X through
        # the Ministry of Foreign Affairs and its aid agency will provide": X, not the way
    cands = [c for c in cands if c[2] is None or not _described(clause, region, c[2])] or cands
    for m in HEAD.finditer(region):  # "the Seattle-based foundation", "the society"
        if _names_next(clause, m.end()):
            continue  # (as above)
        if m.group(1).islower() and not any(c[0] == m.end() for c in cands) and not _aside(
                region, m.start(), m.end()) and not (
                re.search(r",\s*$", region[:m.start()]) and ("," in region[m.end():] or any(
                    c[2] is not None and c[2].kind != "place" and re.fullmatch(
                        r",\s*", region[c[2].end:m.start()]) for c in cands))):
            if brand := branded(clause, m):  # "The Tata group said": a name, no reference
                cands.append((m.end(), "name", brand))
                continue
            cands.append((m.end(), "head:" + m.group(1).lower(), None))  # not ", the X maker,"
            # nor "Orvo, the tycoon had" (no closing comma): the name described is the subject
    if not cands and (aid := _NATION_AID.match(region)) and (
            place := lookup_place(aid.group(1))) is not None and place.kind == "demonym":
        return [state_name(place.code)]  # "Chinese assistance comprised of ... arrived": China
    if not cands:  # "Taiwan will donate": a country gives; a city ("in Dayton") does not
        places = [n for n in clause.names if n.end <= before and n.kind == "place"
                  and not _OBJECT.search(region, max(0, n.start - 80), n.start)
                  and not _BEHIND.search(region, max(0, n.start - 80), n.start)
                  and not origin_before(region[:n.start]) and not _TAKES.match(region, n.end)
                  and not _origin_city(region[:n.start]) and not dashed(region, n)
                  and not _SHARE_OF.match(region, n.end)
                  and (country_like(n.text) or _CLAUSE_START.search(region[:n.start])
                       or _owned_place_start(region[:n.start]))]
        if not places:
            return []
        lead = [_city_of(clause, region, places[-1]).text]
        earlier = [p for p in clause.names if p.kind == "place" and p.end <= places[-1].start]
        for p in reversed(earlier):
            gap = region[p.end:clause.names[clause.names.index(p) + 1].start]
            if not re.fullmatch(r"\s*(?:,|and|&)\s*(?:the\s+)?", gap) or not country_like(
                    p.text) or _PLACE_OBJECT.search(region, 0, p.start):
                break  # not "sweeping across China, Toyokawa donated": where, not who
            lead.insert(0, p.text)  # "Qatar and Kuwait have sent"
        return lead
    end, kind, name = max(cands, key=lambda c: c[0])
    if name is not None and name.kind == "place" and (organ := _GOVERNMENT_OF.search(
            region, 0, name.start)) and country_like(name.text):
        return [region[organ.start(1):name.end]]  # "the government of Peru donated": the
        # state's body as the text names it (its capitalised form is one name already)
    if name is None and kind == "organisation" and _GOVERNMENT_SAID.search(region, 0, end - 2):
        kind = "country"  # "the government announced that it would donate": the state
    if name is None and (said := _PAIR_SAID.search(region, 0, end)) and len(
            pair := subject(clause, said.start())) > 1:
        return pair  # "Hyundai and SK announced that it would donate": both, not the last
    if name is None and (said := _IT_SAID.search(region, 0, end)) and (
            lead := subject(clause, said.start())) and (lead[-1] in region[:said.start()] or (
                _MISSION_SAID.search(region, 0, said.start()))) and not any(
            n.text == lead[-1] and n.kind == "person" and not any(  # "PNB Housing said it":
                len(w) > 1 and w.isupper() for w in n.text.split())  # an acronym's company
            for n in clause.names):
        return lead  # "Taiwan announced last month that it would donate": Taiwan
    if _SPEAKER_OF.match(region[name.end if name is not None else end:]) and not (
            name is not None and name.kind == "organisation" and name.text not in
            clause.receivers and _passive_gift(clause.sentence, before)):
        return []  # "Dangote said another 60,000 kits would arrive": a speaker, not the giver
        # (but "Tarsa said that 3 million masks will be donated": the firm speaks of its own)
    if name is not None and (named := head_alone(name, clause)):
        return named  # "the Group has donated": the group named before
    if name is not None and name.text in ("Foundation", "Fund", "Company", "Group", "Charity"):
        kind, name = "foundation" if name.text != "Company" else "organisation", None
    if name is not None and name.implied and name.kind == "foundation":
        person = name.text.removesuffix(" Foundation")
        if " " not in person:  # "Ma's foundation": the foundation of the Jack Ma named before
            return [f"{expand([person], clause)[0]} Foundation"]
    if name is not None and name.kind in ("person", "organisation") and (
            envoy := _STATE_ROLE.search(region[:name.start])) and country_like(envoy.group(1)):
        place = lookup_place(envoy.group(1))  # "Taiwanese President Tsai Ing-wen": Taiwan
        return [state_name(place.code) if place and place.kind == "demonym" else
                envoy.group(1)]
    if name is not None and name.kind != "place" and (envoy := _ENVOY_NAME.match(name.text)) and (
            place := lookup_place(envoy.group(1))) and country_like(envoy.group(1)):
        return [state_name(place.code) if place.kind == "demonym" else  # "Indian High
                envoy.group(1)]  # Commissioner in Nepal X handed over": India
    if name is not None and (body := _officer_of(clause, name)):
        return expand(name_donors(body), clause)
    donors = (expand(name_donors(name), clause) if name is not None
              else resolve(kind, clause, end))
    start = name.start if name is not None else end - 1
    if name is not None:
        co = [n for n in clause.names if n.end <= start and (n.kind != "place" or name.kind ==
              "place" or _lead_state(region, n)) and n.text.split()[-1] not in vocab()[
            "words"]["roles"] and (re.fullmatch(  # "Qatar and Kuwait"; not "Alibaba Founder and"
            r"(?:,\s+(?:the|a|an|its|their)\s+[^,]{1,60},)?,?\s+and\s+(?:its|his|her|their)?"
            r"\s*(?:[\w-]+\s+){0,2}(?:(?:wife|husband|son|daughter|partner),\s+)?",
            region[n.end:start])  # "A, the arm of B, and C"; "A and his wife, B,"
            or described_and(region, n.end, start) or seated_and(region, n.end, start))]
        if co:
            donors = name_donors(co[-1]) + donors
            start = co[-1].start
        elif first := pair_head(clause, region, start):
            donors = name_donors(first) + donors
            start = first.start
        while listed := [n for n in clause.names if n.end <= start and n.kind != "place"
                         and re.fullmatch(r"\.?,\s*(?:the\s+)?", region[n.end:start])
                         and not n.oblique  # "Through the Red Cross, X donated": a channel
                         and not _AFTER_PREP.search(region[:n.start])  # "At the X House, Y"
                         and not _FRONTED.match(region[:n.start])  # "At the request of X, Y"
                         and not _SOURCE.search(region[:n.start])  # "According to X, Y has"
                         and not (n.start == 0 and " " not in n.text
                                  and _OPENER.match(region, n.end))
                         and not _ROLE_OF.search(region[:n.start] + n.text)]:
            donors = name_donors(listed[-1]) + donors  # "Lenovo, ZTE and Haier"
            start = listed[-1].start
        m = re.search(r"\b(we|our foundation|he|she)\s+and\s+(?:the\s+)?$", region[:start],
                      re.I)
        if m:
            kind = "first_person" if m.group(1).lower().startswith(("we", "our")) else "person"
            donors = resolve(kind, clause, m.start()) + donors
    return [d for d in donors if d]


