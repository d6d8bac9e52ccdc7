"""Who gave: "by X", "from X" after received or after the goods, "courtesy of X", a thanked
giver, an envoy or a government, else the subject of the verb (claim_subject)."""

from __future__ import annotations

import re
from functools import cache

from aidledger.parsers.claim_coref import HEAD, country_like, name_donors, references, resolve
from aidledger.parsers.claim_described import described_as
from aidledger.parsers.claim_givers import country_of, envoy_state, government_state, state_name
from aidledger.parsers.claim_items import item_mentions
from aidledger.parsers.claim_parts import (
    RECEIVE,
    Clause,
    Trigger,
    _all_triggers,
    noun,
    speech_before,
)
from aidledger.parsers.claim_subject import FACILITATED, subject
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.names import Name, roles_before, vocab
from aidledger.parsers.prefilter import may_hold

# (the words are the kin's noun phrase: no verb or preposition of the clause after it, as in
# "by his trusts landed in Peru")
_KIN = re.compile(r"(?:its|their|his|her|our)\s+(?:(?!(?:in|at|to|on|from|for|with|into|via|"
                  r"is|are|was|were|has|have|had|will|would|[a-z]+ed)\s)[a-z-]+\s+){0,3}?"
                  r"(?:of\s+(?:the\s+)?)?(?=[A-Z])")


# "its sister state", "their partner city": a possessive and a noun that is no reference phrase
# of its own ("his foundation" is one) nor the possessor's own members or money
_RELATIVE_OF = re.compile(r"(?:its|their|his|her)\s+(?!(?:own|members?|staff|employees|workers|"
                          r"volunteers|students|people|citizens|foundations?|company|charity|"
                          r"trust|group|firm|team|club|government)\b)[a-z][a-z-]*\s+"
                          r"(?!(?:foundations?|company|charity|trust|group|firm)\b)[a-z]")


_PEOPLE_OF = re.compile(r"(?:people|citizens|government|Government|People|Citizens)\s+of\s+"
                        r"(?:the\s+)?(?=[A-Z])")
# an envoy named by title and mission after "from"/"by": the mission's state gives
_ENVOY_AT = re.compile(r"(?i:charg[eé]\s+d['’]\s?affaires|ambassador|envoy|consul(?:[\s-]general)?)"
                       r"\s+(?:(?:of|at|from)\s+)?(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
                       r"(?i:embassy|consulate|mission)\b")
_PLACE_OWNER = re.compile(r"(?:[a-z]*(?:north|south|east|west)[a-z]*\s+|central\s+)?"
                          r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+(?=[A-Z])")


_BARE_DESCRIBED = re.compile(r"(?:voluntary|volunteer|local|community|charitable|non-?profit|"
                             r"aid|relief)\s+(?:group|organi[sz]ation|association|charity),\s+"
                             r"(?=[A-Z])")
_DESCRIBED_FIRST = re.compile(r"(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:foundation|charity|company|firm|"
                              r"group|businessman|businesswoman|billionaire|philanthropist|"
                              r"trust|organi[sz]ation|association|society|fund|bank|"
                              r"conglomerate|maker|manufacturer|giant|couple|family)"
                              r",\s+(?:the\s+)?(?=[A-Z])", re.I)


# what joins the next giver of a list on ("X, Y and the Z Foundation"), after a name or after
# its seat ("by the Chinese Embassy in the Philippines and the X Foundation")
_NEXT_NAME = re.compile(r"\.?\s*(?:,(?:\s*(?:and|&|as well as)\b)?|and|&|as well as)\s*(?:the\s+)?")
_NEXT_AFTER_SEAT = re.compile(r",?\s*(?:and|&|as well as)\s+(?:the\s+)?")


_DEMONYM_DESCRIBED = re.compile(r"([A-Z][a-z]+)\s+(?:billionaire|businessman|businesswoman|"
                                r"philanthropist|tycoon|entrepreneur|charity|firm|company|"
                                r"conglomerate|giant)\s*,\s+(?:the\s+)?(?=[A-Z])")


def names_at(clause: Clause, pos: int, countries: bool = False, cities: bool = False
             ) -> list[str]:
    """The donor names starting at `pos` ("by X, Y and the Z Foundation"), or what a reference
    there ("the two foundations", "the company") stands for; countries only when asked, and
    cities too when `cities` (the agent of "donated by": "masks donated by Chengdu")."""
    s = clause.sentence
    donors: list[str] = []
    kin = _KIN.match(s, pos)  # "from its partner province of Jiangxi": the province gives
    if kin:
        pos = kin.end()
    elif described := described_as().match(s, pos):  # "by the Chinese charity Mammoth Foundation"
        pos = described.end()
    elif apposed := _DESCRIBED_FIRST.match(s, pos) or _BARE_DESCRIBED.match(s, pos):
        pos = apposed.end()  # "donated by a Chilean charity, the Orvo Foundation", "by
        # voluntary group, Lima-Aid": the name after the description
    elif (apposed := _DEMONYM_DESCRIBED.match(s, pos)) and (
            (p := lookup_place(apposed.group(1))) is not None and p.kind == "demonym"):
        pos = apposed.end()  # "donated by Norwegian tycoon, Lars Holm"
    if (envoy := _ENVOY_AT.match(s, pos)) and (state := government_state(envoy.group(1))):
        return [state]  # "from Chargé d'affaires of the Peruvian Embassy Ana Ruiz": Peru
    if (owner := _PLACE_OWNER.match(s, pos)) and lookup_place(owner.group(1)):
        pos = owner.end()  # "donated by (northwest) China's Fosun Group": the company gives
    mission = pos - 4 if s[pos - 4:pos].lower() == "the " else pos
    if (m := _missions().match(s, mission)) and not re.match(  # "by the Consulate General":
            r"\s+(?:of|in)\s", s[m.end():]) and (state := resolve("embassy", clause, pos)):
        return state  # the state of the mission named before
    if people := _PEOPLE_OF.match(s, pos):
        state = next((n for n in clause.names if n.start == people.end()), None)
        if people.group(0)[0] in "gG" and state and (country_of(state.text) or "")[:1].isalpha():
            donors.append(s[pos:state.end])  # "from the government of Peru": as the text
            more = _NEXT_NAME.match(s, state.end)  # names it, and the givers listed after
            if not more or not s[more.end():more.end() + 1].isupper():
                return donors
            pos = more.end()
        else:
            pos, countries = people.end(), True  # "a gift from the people of India": India
    for n in (n for n in clause.names if n.start >= pos - 1):
        if (n.start - pos > 3 and not _HONORIFIC.fullmatch(s, pos, n.start)) or _STOP.search(
                n.text):
            break  # "departed from Hangzhou Airport": where goods leave or land, no giver
        organ = _ORGAN_AFTER.match(s, n.end)  # "on behalf of the Chilean government"
        state = lookup_place(n.text) if organ else None
        organ = organ if state is not None and state.kind in ("country", "demonym") else None
        place = lookup_place(n.text) if n.kind == "place" else None
        if n.kind == "place" and place is not None and not (countries and organ) and not (
                countries and (place.kind == "country" or kin or n.text in vocab()["words"].get(
                    "capitals", ()) or (cities and place.kind == "city"))):
            break  # (a unit-named place, "Gansu Province", found by no lookup, gives)
        if donors and _REPORTS.match(s, n.end):
            break  # "from China, the Department of Foreign Affairs said": who speaks
        named = n.end
        chief = _chief_after(clause, n)
        if organ:
            donors.append(s[n.start:organ.end()])  # "by Japan's government": as written
            named = organ.end()
        elif chief is not None:
            donors.append(chief.text)  # "donated by Senate President Lena Varga": the person
            named = chief.end
        else:
            donors += name_donors(n)
        seat = _SEAT_IN.match(s, named)  # "by the Chinese Embassy in the Philippines and the
        end = seat.end() if seat and lookup_place(seat.group(1)) else named  # X Foundation"
        if short := re.match(r"\s*\([A-Z][\w&.-]*\)", s[end:]):
            end += short.end()  # "China Enterprises Chamber of Commerce (CECCM), ...": its acronym
        tail = (_NEXT_NAME if end == named or short else _NEXT_AFTER_SEAT).match(s[end:])
        if not tail:
            break
        pos = end + tail.end()
        if described := described_as().match(s, pos):  # ", Chinese humanitarian group Mammoth
            pos = described.end()  # Foundation as well as BGI Group": the name gives
    if donors:
        return donors
    at = pos - 4 if s[pos - 4:pos].lower() == "the " else pos
    if _RELATIVE_OF.match(s, at):
        return []  # "from its sister city in Japan": a relation of the one before, unnamed
    for pattern, kind in references():
        if pattern.match(s, at):
            return resolve(kind, clause, pos)
    if (head := HEAD.match(s, at)) and head.group(1).islower():  # "by the Chinese firms"
        return resolve("head:" + head.group(1).lower(), clause, pos)
    return []


@cache
def _missions() -> re.Pattern[str]:
    """ "the embassy", "the Consulate General": the references that stand for a mission."""
    phrases = sorted(vocab()["words"]["embassy"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w-])", re.I)


_GAP = re.compile(r"\s+")


def _chief_after(clause: Clause, n: Name) -> Name | None:
    """The person a body's office title introduces right after the body's name ("National
    Assembly President Lena Varga"): who gave, the body only says what office they hold."""
    s = clause.sentence
    if n.kind == "person" or not (gap := _GAP.match(s, n.end)) \
            or not (m := roles_before().match(s, gap.end())):
        return None
    return next((p for p in clause.names if p.kind == "person" and p.start >= m.end() and
                 re.fullmatch(r"(?:[A-Z][\w.-]*\s+){0,4}", s[m.end():p.start])),
                None)  # (an honorific may stand between title and name)


# a state's government or mission written in lower case after its country ("by Japan's
# government", "from the US embassy"): the giver is the whole phrase
_ORGAN_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:federal|central|national)\s+)?(?:government|govt|"
                          r"embassy|consulate(?:[\s-]general)?|authorities)\b")
_SEAT_IN = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")
# a title with its dot before the name ("by Mr. X", "from Dr. Y"): no break between them
_HONORIFIC = re.compile(r"(?:the\s+)?(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Madam|Hon|Rev)\.?\s+)+")
_STOP = re.compile(r"\s(?:Airport|Airfield|Airbase|Air Base|Port|Harbou?r|Station|Terminal)$")
_REPORTS = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:said|says|told|added|announced|reported|"
                      r"reports|confirmed|stated)\b")


_THANKING = r"\b(?:[Tt]hank(?:s|ed|ful|ing)?|[Gg]rateful|gratitude)\s+(?:to\s+)?(?:the\s+)?#?"
_THANKS = re.compile(_THANKING + r"([A-Z][^,;]{1,60}?)(?:\s+for\s+(?:(?:its|their|his|her|the)"
                     r"\s+(?:[\w-]+\s+)?)?"
                     r"|,\s+(?:which|who)\s+(?:(?:has|have|had)\s+)?(?:also\s+)?)$")
# ("grateful to Lin Bao, who donated": the one thanked gives)


_THANKS_FOR_GIVING = re.compile(_THANKING + r"([A-Z][^,;]{1,60}?),?\s+for\s+(?:"
                                r"announc|contribut|donat|provid|pledg|send|giv|offer|supply|"
                                r"extend)ing\b")


def _thanked_for_giving(s: str, end: int) -> re.Match[str] | None:
    """ "Grateful to Ana Ruiz of Peru for announcing $1 million as contribution": the one
    thanked for a gift whose noun comes after its amount gives it."""
    m = _THANKS_FOR_GIVING.search(s, 0, end)
    return m if m and not re.search(r"[;!?]|\.\s", s[m.end():end]) else None


# "Detroit was a recent recipient of Orvo's efforts", "benefited from Tessaro's generosity"
_BENEFICIARY_OF = re.compile(
    r"\b(?:(?:recipients?|beneficiar(?:y|ies))\s+of|benefit(?:s|ed|ted|ing)?\s+from)\s+"
    r"(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}['’]s?)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:donations?|efforts|generosity|aid|gifts?|support|assistance|largesse|contributions?|"
    r"programmes?|programs?|initiatives?|campaign)\b")


# givers described in the plural, then named as examples: "by companies and foundations,
# including tech giant Tencent, ...": the named ones give
_MANY_INCLUDING = re.compile(r"(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*s(?:\s+and\s+(?:[a-z][\w-]*\s+)"
                             r"{0,2}?[a-z][\w-]*s)?\s*,?\s+(?:including|such\s+as|among\s+them)"
                             r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?=[A-Z])")


def _owned_gift(clause: Clause, trig: Trigger) -> list[str]:
    """The owner of a gift named after the verb with its possessive ("the Norwegian
    Government's second donation of"), whoever hands it over."""
    s = clause.sentence
    own = _OWNED_GIFT.search(s, trig.end) if "'" in s or "’" in s else None
    if own is None or ";" in s[trig.end:own.start()]:
        return []
    return [re.sub(r"['’]s?$", "", d) for d in names_at(clause, own.end(), countries=True)]


# "received a US shipment of", "took delivery of a Chinese donation of": the state it is from
_STATE_GIFT = re.compile(r"\s+(?:a|an|the)\s+(?:first\s+|second\s+|third\s+|new\s+|further\s+)?"
                         r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:shipment|donation|gift|consignment|"
                         r"delivery|batch|planeload)\s+of\b")


def _state_gift(clause: Clause, trig: Trigger) -> list[str]:
    m = _STATE_GIFT.match(clause.sentence, trig.end)
    place = lookup_place(m.group(1)) if m else None
    if m is None or place is None or place.kind not in ("country", "demonym"):
        return []
    return [m.group(1) if place.kind == "country" else state_name(place.code)]


_ANNOUNCED = re.compile(r"announc\w*|unveil\w*", re.I)
# an owner's possessive before a gift noun ("the Norwegian Government's second donation"):
# searched anywhere after a verb, or right after "announced" (a date between)
_OWNER = r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}['’]s?\s+"
_GIFT_NOUN = r"(?:donations?|gifts?|contributions?)\b"
_OWNED_GIFT = re.compile(r"(?<![\w-])(?:the\s+)?(?=" + _OWNER + r"(?:[a-z-]+\s+){0,2}?"
                         + _GIFT_NOUN + ")")
_OWN_GIFT = re.compile(r"\s+(?:on\s+(?:[A-Z][a-z]+\s+\d{1,2}|\w+day)\s+)?(?:the\s+)?(?="
                       + _OWNER + r"(?:[a-z-]+\s+)?" + _GIFT_NOUN + ")")


_CARGO_FROM = re.compile(r"\b(?:shipments?|consignments?|cargo|donations?|gifts?|supplies|aid|"
                         r"batch|delivery|planeload|assistance)\s+(?:donated\s+|sent\s+)?from\s+"
                         r"(?:the\s+)?", re.I)


def cargo_givers(clause: Clause) -> list[str]:
    """ "The shipment from Beijing included 200 ventilators": with no giving verb, the giver
    of a consignment is whom it comes from (a state by its capital)."""
    for m in _CARGO_FROM.finditer(clause.sentence):
        if donors := names_at(clause, m.end(), countries=True):
            return donors
    return []


_ALLIES = re.compile(r"\b([A-Z][\w]+)['’]s\s+(?:diplomatic\s+)?(?:allies|partners|friends|"
                     r"neighbou?rs|sister cities)\s+(?:will\s+|would\s+|are to\s+)?(?:also\s+)?$")


# the gift itself named with its giver after a receiving verb: "a (major) donation made by X"
_DONATION_BY = re.compile(r"\b(?:donations?|gifts?|contributions?)\s+(?:made\s+|given\s+)?"
                          r"by\s+(?:the\s+)?")


_HANDLES = re.compile(r"\b(?:distribut|deliver|transport|carri|carry|flown|fly|flew|airlift|"
                      r"handl|manag|coordinat|ship)", re.I)


# a purpose after the gift, up to the "by" ("to support the work by", "to help efforts by"):
# the "by" names whose work is helped, not who gives
_PURPOSE = re.compile(r"\b(?:to|will|would|can|could)\s+(?:help\s+(?:to\s+)?)?(?:support|help|"
                      r"assist|aid|boost|strengthen|bolster|fight|combat|tackle|contain|curb|back|"
                      r"battle|address|enhance|improve|complement|reinforce|sustain)\s[^,;]*$",
                      re.I)


_HANDLED = re.compile(r"\b(?:distributed|delivered|transported|carried|flown|airlifted|handled|"
                      r"managed|coordinated|shipped|handed over|handed out|received|accepted|"
                      r"collected|welcomed)\s+$", re.I)  # "..., which were received by": who takes


_AGENT_BY = re.compile(r"(?<!followed )(?<!trailed )(?<!represented )(?<!manufactured )"
                       r"(?<!produced )(?<!headed )(?<!led )(?<!chaired )(?<!run )(?<!directed )"
                       r"(?<!founded )(?<!owned )(?<!coordinated )(?<!developed )(?<!designed )"
                       r"(?<!invented )(?<!sewn )(?<!stitched )\bby\s+(?:the\s+)?")
_MADE_BY = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbe )"
                      r"(?<!\bbeing )\bmade\s+$")
_FROM_DEST = re.compile(r"\s+(?:first\s+|initially\s+)?to\s")
_VEHICLE_BY = re.compile(r"(?:(?:a|an|its|their)\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}"
                         r"(?:(?:cargo|military|special|chartered|relief|transport)\s+)?"
                         r"(?:plane|aircraft|jet|flight|airplane|ship|vessel|truck|lorry|train|"
                         r"airlifter)s?\b")


def verb_givers(clause: Clause, trig: Trigger) -> list[str]:
    """The givers the verb `trig` names: "courtesy of", "by", "from" after receiving, the
    subject, a government; co-donors "together with" are added by claim_partners."""
    s = clause.sentence
    thanks = _THANKS.search(s[:trig.start]) or _thanked_for_giving(s, trig.start)
    first = next((n.start for n in clause.names if thanks and thanks.start(1) <= n.start
                  < thanks.end(1)), None)  # ("Grateful to Prime Minister Ana Ruiz of Peru")
    if first is not None and (donors := names_at(clause, first, countries=True)):
        return donors
    if (owned := _BENEFICIARY_OF.search(s)) and (donors := names_at(
            clause, owned.start(1), countries=True)):  # "a recipient of Orvo's donation,
        return [re.sub(r"['’]s?$", "", d) for d in donors]  # receiving ...": Orvo gives
    if envoy := envoy_state(s[:trig.start]):  # unless the goods come from a body it names:
        after = [names_at(clause, m.end()) for m in _SUPPLY_FROM.finditer(s, trig.end)] + [
            names_at(clause, m.end(), countries=True) for m in _GOODS_BY.finditer(s, trig.start)
            if ";" not in s[trig.start:m.start()]]  # or "5,000 masks donated by Orvana"
        if gift := _owned_gift(clause, trig):
            after.append(gift)  # "handed over the Norwegian Government's donation of"
        behalf = re.search(r"\bon behalf of\s+(?:the\s+)?", s)  # "on behalf of the Chilean
        if behalf and (state := names_at(clause, behalf.end(), countries=True)) and all(
                country_of(d) for d in state):  # government": the state's body as written
            after.append(state)
        return next((d for d in after if d), [envoy])  # "two ventilators from the Temasek
        # Foundation" handed over by an embassy
    gift = re.search(r"\bas\s+(?:a|an)\s+(?:\w+\s+)?(?:gift|donation|present)\s+from\s+(?:the\s+)?",
                     s[trig.end:])  # "Norway flew 40 ventilators in as a gift from the
    if gift and (donors := names_at(clause, trig.end + gift.end(), countries=True)):
        return donors  # Chilean community in Norway": the community gives
    courtesy = re.search(r"\bcourtesy of\s+(?:the\s+)?", s, re.I)
    if courtesy and (donors := names_at(clause, courtesy.end())):
        return donors
    behalf = re.search(r"\bon behalf of\s+(?:the\s+)?", s, re.I) if not RECEIVE.search(
        trig.phrase) else None  # ("on behalf of X, received": X takes) "X donated ... on behalf
    if behalf and (donors := names_at(clause, behalf.end(), countries=True)):  # of Orvan
        return donors  # Group": the body X acts for gives
    by = _AGENT_BY.search(s[trig.end:trig.end + 66])  # "gave N, followed by X with M": a
    by = by if by is not None and by.start() < 60 else None  # (the window holds its "the")
    # ranking, not the agent; "to the city, represented by its mayor": who stands for the
    # taker; "masks manufactured by X": their maker
    if by is None and _FROM_DEST.match(s, trig.end) and (  # "was sent to the seat of the
            late := _AGENT_BY.search(s[trig.end:trig.end + 200])) and not re.search(
            r"[;:!?]", s[trig.end:trig.end + late.start()]) and s[  # Andean Community in
            trig.end + late.end():][:1].isupper():  # Lima, Peru by X": the agent after a long
        by = late  # destination
    if by and _MADE_BY.search(s, 0, trig.end + by.start()):
        by = None  # "1,000 masks made by the Saboli battalion": their maker ("a contribution
        # was made by X" still names the giver)
    if by and by.start() < 3 and RECEIVE.search(trig.phrase) and not trig.phrase.lower(
            ).startswith("present"):
        by = None  # "received by officials of the NCDC": who receives
    if by and RECEIVE.search(trig.phrase) and re.search(r"\bfrom\b", s[trig.end:trig.end
                                                                   + by.start()]):
        by = None  # "will receive masks from two foundations set up by X": the foundations
    if by and by.start() < 3 and _HANDLES.search(trig.phrase):
        by = None  # "will be distributed by the WHO": who hands it on, not who gives
    if by and by.start() >= 3 and _HANDLED.search(s, 0, trig.end + by.start()):
        by = None  # "donated masks to Spain, which were distributed by the Red Cross"
    if by and _VEHICLE_BY.match(s, trig.end + by.end()):
        by = None  # "reached Lima by a Peruvian Navy cargo plane": how it came
    if by and _PURPOSE.search(s, trig.end, trig.end + by.start()):
        by = None  # "The gift is to support the response by the member states": whose work
    if by and (many := _MANY_INCLUDING.match(s, trig.end + by.end())) and (
            donors := names_at(clause, many.end(), countries=True)):
        return donors  # "donated by companies and foundations, including Tencent and ..."
    if by and (donors := names_at(clause, trig.end + by.end(), countries=True,
                                  cities=by.group(0).startswith("by") and by.start() < 3)):
        return donors
    people = _people_by().match(s, trig.end + by.end()) if by and by.start() < 3 else None
    if people and all(lookup_place(w) for w in re.findall(
            r"[A-Z][\w-]*", s[trig.end + by.end():people.start("noun")])):  # (or a demonym:
        return [people.group(0).rstrip(" ,.")]  # "Chinese businesses") "donated by youth
        # rugby players from Nantes": the givers as the text describes them
    gov_from = re.search(r"(?<!facilitated )(?<!arranged )(?<!coordinated )(?<!brokered )"
                         r"(?<!organized )(?<!organised )\b(?:from|by)\s+(?:the\s+)?"
                         r"([A-Z][a-z]+)\s+(?:government|authorities|embassy)\b", s[trig.end:])
    taking = trig.status in ("accepted", "arrived") or RECEIVE.search(trig.phrase)
    if gov_from and lookup_place(gov_from.group(1)) and (taking or not subject(clause,
                                                                                  trig.start)
                                                         or (gov_from.start() < 3 and gov_from
                                                             .group(0).startswith("by"))):
        return [gov_from.group(0).split(None, 1)[1].removeprefix("the ").removeprefix(
            "The ")]  # "from the Peruvian embassy": the state's mission as written
    made = _DONATION_BY.search(s, trig.end) if RECEIVE.search(trig.phrase) else None
    if made and (donors := names_at(clause, made.end(), countries=True)):
        return donors  # "received ventilators ... thanks to a donation made by Orvo"
    frm = re.search(r"\b(?<!imported )(?<!transported )(?<!shipped )(?<!flown )(?<!made )"
                    r"(?<!on arrival )(?<!arriving )(?<!transit )(?<!transiting )"
                    r"(?<!manufactured )(?<!produced )(?<!sourced )(?<!bought )(?<!purchased )"
                    r"(?<!developed )(?<!designed )"
                    r"(?:from|by)\s+(?:both\s+)?(?:the\s+)?", s[trig.end:])  # not "imported
    # from X": where the goods came from
    if frm and frm.group(0).startswith("by") and frm.start() < 3 and RECEIVE.search(trig.phrase):
        frm = re.search(r"\bfrom\s+(?:both\s+)?(?:the\s+)?", s[trig.end:])  # "received
        # by X": X receives
    if frm and _VEHICLE_BY.match(s, trig.end + frm.end()):
        frm = None  # (as above: the plane that brought it)
    if RECEIVE.search(trig.phrase) and (gift := _owned_gift(clause, trig) or _state_gift(
            clause, trig)):  # "received from Ambassador X the Norwegian Government's donation
        return gift  # of", "received a Chilean shipment of 90 ventilators"
    if (trig.status in ("accepted", "arrived") or RECEIVE.search(trig.phrase)) and frm and (
            donors := names_at(clause, trig.end + frm.end(), countries=True, cities=bool(
                frm.group(0).startswith("from") and RECEIVE.search(trig.phrase)))) and not set(
            donors) <= set(subject(clause, trig.start)):  # "X received masks from its sister
        # city": the taker's own pronoun names the taker, not who gives; "received masks from
        # Tacna": a city a taker receives from gives
        return [] if trig.status == "arrived" and _told_before(clause, donors) else donors
    supplies = _SUPPLY_FROM.finditer(s) if may_hold(s, ("from",)) else ()  # (none without it)
    for m in supplies:  # "30 tonnes of supplies from the Jack Ma Foundation"
        counted = bool(re.match(r"\w+\s+of\s", m.group(0)))  # "an offer of $10 million from
        if (donors := names_at(clause, m.end(), countries=counted)) and not (  # India": India
                _DONATED.fullmatch(trig.phrase) and (
                own := subject(clause, trig.start))):
            return donors
        if donors:  # "The university donated two ventilators from its veterinary college":
            return own  # the subject of "donated" gives what came from its own unit
    # the one nearest the verb: not "At the request of the Serbian government, ..."
    government = next(reversed(list(re.finditer(
        r"\b(?:the\s+)?((?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+)\s+(?:state\s+)?(?:government|"
        r"authorities|embassy)\b", s[:trig.start]))), None)
    if government and FACILITATED.search(s, government.end(), trig.start):
        government = None  # "the Norwegian government facilitated a gift": a helper
    if government and not re.search(r",\s+(?:the\s+)?[A-Z]", s[government.end():trig.start]) and (
            where := government_state(re.sub(r"^The\s+", "", government.group(1)))):
        if (place := lookup_place(where)) is None or place.kind not in ("country", "demonym"):
            return [where]  # "the New South Wales government": the state itself
        words = government.group(1).split()  # the state's body as the text names it: its
        at = next(i for i in range(len(words)) if lookup_place(" ".join(words[i:])))  # place
        return [" ".join(words[at:]) + s[government.end(1):government.end()]]  # and role word
    allies = _ALLIES.search(s[:trig.start])
    if RECEIVE.search(trig.phrase) and allies and country_like(allies.group(1)):
        return [allies.group(1)]  # "Taiwan's allies will receive 1 million masks": Taiwan gives
    if _ANNOUNCED.fullmatch(trig.phrase) and (own := _OWN_GIFT.match(s, trig.end)) and (
            donors := names_at(clause, own.end(), countries=True)):
        return [re.sub(r"['’]s?$", "", d) for d in donors]  # "announced on June 2 Norway's
        # donation of": the gift's owner gives ("received Orvo's donation of": _owned_gift)
    if RECEIVE.search(trig.phrase):
        # "...announce donations to the US, which will receive...": the giver is the subject of
        # an earlier verb; with none, the subject of "received" is the recipient, donor unstated
        earlier = [t for t in _all_triggers(s) if t.end <= trig.start
                   and not RECEIVE.search(t.phrase)]
        if earlier:
            return subject(clause, earlier[-1].start)
        return _body_speaking(clause, trig)
    if _PASSIVE_TAKER.search(s, 0, trig.start) and _GIVEN.match(trig.phrase):
        by = [m for m in _GOODS_BY.finditer(s, 0, trig.start) if ";" not in s[m.end():trig.start]]
        if by and (donors := names_at(clause, by[-1].end(), countries=True)):
            return donors  # "supplies donated by the government of Chile was handed over"
        return []  # "UNICEF was provided US$500,000 of this grant": who takes, giver unstated
    if _PASSIVE_GIFT.search(s, max(0, trig.start - 30), trig.start) and _PARTICIPLE.fullmatch(
            trig.phrase) and _TO_AFTER.match(s, trig.end):
        return []
    if _CARRYING.match(trig.phrase) and (sent := [t for t in _all_triggers(s) if t.end <= trig.start
                                                 and _VEHICLE.fullmatch(s, t.end, trig.start)]):
        trig = sent[-1]  # "China sent a plane carrying 450,000 masks": who sent the plane
    if (main := _main_verb(clause, trig)) is not None:
        trig = main  # "Orvo had donated supplies to A, B and C, sending 10,000 masks each"
    return subject(clause, trig.start) or _from_donor(clause) or _arrived_from(clause, trig)


_GERUND_AFTER = re.compile(r",\s*(?:and\s+)?(?:also\s+)?$")


def _main_verb(clause: Clause, trig: Trigger) -> Trigger | None:
    """The verb of the main clause a giving participle after a comma belongs to: its subject
    is the participle's ("..., sending 10,000 masks"), not the last name before the comma."""
    if not trig.phrase.lower().endswith("ing") or " " in trig.phrase or not _GERUND_AFTER.search(
            clause.sentence, max(0, trig.start - 12), trig.start):
        return None
    return next((t for t in _all_triggers(clause.sentence) if t.end <= trig.start - 2
                 and not t.phrase.lower().endswith("ing") and not RECEIVE.search(t.phrase)
                 and not noun(t.phrase)), None)


# goods an envoy hands over that the sentence says another "donated": the envoy only passes
# them on ("the ambassador also handed over 5,000 masks donated by the Orvana Foundation")
@cache
def _people_by() -> re.Pattern[str]:
    """Givers described, not named: a plural of people (words before it, no owner; the caller
    lets only a demonym among them be capitalised), with where they are from: "youth rugby
    players from Nantes", "local residents", "Chinese businesses"."""
    w = vocab()["words"]
    nouns = "|".join([*w["peoples"], *w["described_peoples"]])
    return re.compile(r"(?!(?:its|their|his|her|our|the)\s)(?:[A-Za-z][\w-]*\s+){0,3}?"
                      rf"(?P<noun>{nouns})\b(?:\s+(?:from|in|of)\s+(?:the\s+)?[A-Z][\w'’-]*"
                      r"(?:\s+[A-Z][\w'’-]*){0,2})?")


_GOODS_BY = re.compile(r"\b(?:donated|provided|gifted|given|contributed|funded)\s+by\s+(?:the\s+)?")


# a named body as the subject of a passive giving verb: "UNICEF was provided", "The Red Cross
# of Kenya will be handed" (not goods: "of which 5 million would be given to")
_PASSIVE_TAKER = re.compile(r"(?<![\w'’-])[A-Z][\w.&'’-]*[A-Za-z]\s+(?:was|were|has been|have been|"
                            r"had been|will be|would be|is being|are being)\s+"
                            r"(?:also\s+|then\s+|now\s+|already\s+)?$")
_GIVEN = re.compile(r"(?:given|provided|handed|awarded|granted|presented|gifted|offered)\b", re.I)
# "The ceremony took place in X, and was given to Y": a passive predicate with no subject of
# its own, whose subject is the gift (never a name the first predicate placed it at)
_PASSIVE_GIFT = re.compile(r"(?:,\s*|\s)and\s+(?:was|were|is|are|has been|have been|had been)\s+"
                           r"(?:also\s+|then\s+|now\s+|already\s+|later\s+)?$", re.I)
_PARTICIPLE = re.compile(r"given|provided|donated|sent|delivered|handed(?: over)?|presented|"
                         r"distributed|shipped|offered|supplied|gifted|dispatched|allocated|"
                         r"awarded|granted|transferred", re.I)
_TO_AFTER = re.compile(r"\s+(?:to|for|among|between)\s")


def _arrived_from(clause: Clause, trig: Trigger) -> list[str]:
    """ "40,000 masks from Chile arrive in Peru": goods from a country that arrive, with no
    giver named, come from that country; after an earlier giver ("Alibaba donated ... masks
    from China arrived") they are that giver's, carried later, unless it is the same one or
    gave other goods ("X gives 20 ventilators", then "test kits from China arrived")."""
    if trig.status not in ("arrived", "in_transit"):  # "a plane carrying masks from Chile"
        return []
    for m in _SUPPLY_FROM.finditer(clause.sentence) if may_hold(
            clause.sentence, ("from",)) else ():
        if donors := names_at(clause, m.end(), countries=True):
            return [] if _told_before(clause, donors) else donors
    return []


def _told_before(clause: Clause, donors: list[str]) -> bool:
    """The goods arriving "from" `donors` are ones another giver was told giving before
    ("the Holm Fund donated test kits ...", then "the kits arrived from Chile")."""
    return bool(clause.givers) and not set(donors) <= set(clause.givers) and any(
        code in clause.given_items for _, _, code in item_mentions(clause))


_CARRYING = re.compile(r"carr|loaded", re.I)
_VEHICLE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:plane|flight|aircraft|jet|freighter|airplane|ship|"
                      r"vessel|truck|lorry|convoy)s?\s+", re.I)


def _from_donor(clause: Clause) -> list[str]:
    """ "The donation of 100,000 masks from Fosun": the giver after "from", when no subject."""
    for m in re.finditer(r"\bfrom\s+(?:the\s+)?", clause.sentence):
        gift = _GIFT_FROM.search(clause.sentence, 0, m.start())  # "donations from China"
        if donors := names_at(clause, m.end(), countries=bool(gift)):
            return donors
    return []


# a donation noun right before "from" (or its goods between): whom the gift is from gives,
# a country too; bare "masks from China" tells where goods were made, not who gave them
_GIFT_FROM = re.compile(r"\b(?:donations?|gifts?|contributions?)\s+(?:of\s+[^;()]{0,60}?\s+)?$",
                        re.I)


_DONATED = re.compile(r"(?:has\s+|have\s+|had\s+)?(?:donated|donates|gave|gives)", re.I)
_SUPPLY_FROM = re.compile(
    r"\b(?:(?:donations?|grants?|gifts?|contributions?|offers?|pledges?)\s+of\s+"
    r"(?:[A-Z]{2,3}\$?\s?|Rs\.?\s?|[$€£¥₹]\s?)?\d[\d,.]*"  # "an offer of USD 4 million from"
    r"(?:\s+(?:million|billion|thousand|lakh|crore))?(?:\s+[a-z][\w-]*){0,3}?\s+"  # "a donation
    r"|(?:supplies|aid|donations?|grants?|gifts?|contributions?|equipment|gear|assistance|"  # of
    r"materials|goods|items|cargo|"  # $200,000 from the X Foundation"
    r"masks|kits|tests|ventilators|suits|gowns|gloves|respirators|goggles|shields|thermometers|"
    r"swabs|reagents)\s+(?:donated\s+|provided\s+|sent\s+)?)from\s+(?:the\s+)?", re.I)


_OFFICIAL = re.compile(r"\b(?:ministry|minister|government|govt|department|authority|"
                       r"authorities|agency|council|office|president|governor|mayor|embassy|"
                       r"official|spokes\w+|health|hospital|state)\b", re.I)


def _body_speaking(clause: Clause, trig: Trigger) -> list[str]:
    """ "The X Foundation said on Sunday that Kenya would receive 20,000 kits": with no giver
    written, a foundation or company announcing what others will receive gives it; a ministry,
    an office or a state saying so is on the taking side, so the giver stays unstated."""
    said = speech_before(clause, trig.start)
    if said is None:
        return []
    who = [n for n in clause.names if n.end <= said.start()]
    lead = subject(clause, said.start())
    if not lead or not all(any(n.text == d and n.kind in ("organisation", "foundation")
                               and not _OFFICIAL.search(n.text) and not lookup_place(n.text)
                               for n in who) for d in lead):
        return []
    return lead
