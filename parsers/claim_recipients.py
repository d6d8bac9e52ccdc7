"""Recipients of a claim in one sentence: places and organisations after a destination word,
the subject of "received", a country an organisation belongs to."""

from __future__ import annotations

import re
from functools import lru_cache

from aidledger.parsers import claim_takers as takers
from aidledger.parsers.claim_bodies import canonical, international, with_known_bodies
from aidledger.parsers.claim_home import defined_state_body, other_acronym, stateless
from aidledger.parsers.claim_items import _item_mentions
from aidledger.parsers.claim_outside import cut, outside
from aidledger.parsers.claim_parts import (
    _ORIGIN,
    FROM_ONE_IN,
    FROM_SEAT,
    RECEIVE,
    Clause,
    _all_triggers,
    speech_before,
)
from aidledger.parsers.lexicon import (
    PlaceMention,
    code_place,
    find_places,
    lookup_place,
    one_of_region,
    org_country,
    unit_place,
)
from aidledger.parsers.names import Name, is_org_name, possessive_free, vocab
from aidledger.parsers.numbers import parse_number
from aidledger.parsers.prefilter import may_hold
from aidledger.parsers.records import Recipient

# each branch starts a word or at its mark: tested once first (same matches, 3x quicker)
_DEST = re.compile(r"(?:(?<!\w)(?=\w)|(?=[,&:–—]))"
                   r"(?:\b(?:provide|provides|provided|supply|supplies|supplied|present|"
                   r"presented)\s+(?:the\s+)?"
                   r"|\breceived\s+by\s+(?:the\s+)?(?:officials\s+(?:of|from)\s+(?:the\s+)?)?"
                   r"|\b(?:gave|give|gives|provided|provides|offered|handed|sent|sends|"
                   r"supplied|to|for|in|across|into|throughout|towards?|at|including|include|"
                   r"includes|such as|like|among|between|on|reach|reached|receive|received)"
                   r"\s+(?:the\s+|(?:his|her|its|their|our)\s+(?:\S+\s+)?|(?:each|every\s+one)\s+of\s+(?:the\s+)?(?:\S+\s+)?|all\s+)?"
                   r"(?:(?:over|more\s+than|nearly|almost|about|around|at\s+least|up\s+to)\s+)?"
                   r"(?:\S+\s+)?"  # "to over 54 African countries"
                   r"|[,&:–—]\s*(?:the\s+|some\s+|several\s+|many\s+|most\s+|other\s+|its\s+|their\s+)?"
                   r"|\b(?:help|helps|helping|support|supporting|assist|assisting|complement|"
                   r"bolster|strengthen)\s+(?:the\s+)?"
                   r"(?:\d{1,3}\s+)?"  # "to help 12 African countries"
                   r"|\bin\s+support\s+of\s+(?:the\s+)?"  # "$5 million in support of Italy's"
                   r"|\b(?:funds?|governments?|people|hospitals|ministr(?:y|ies)|states?|provinces?"
                   r"|municipalit(?:y|ies)|city|town|county|prefecture|council"
                   r"|regions?|cities|citizens|residents|authorities|capitals?|rest|nations?|"
                   r"countries|country|islands?|ambassadors?|envoys?|embass(?:y|ies))\s+of\s+(?:the\s+)?"
                   r"|\b(?:each(?:\s+one)?|every\s+one)\s+of\s+(?:the\s+)?(?:\S+\s+)?"
                   r"|\b(?:namely|notably|particularly|especially|mainly|mostly|chiefly|"
                   r"primarily|viz\.?|member\s+states|"
                   r"member\s+countries)\s+(?:the\s+)?"  # "seven countries, namely Bhutan"
                   r"|\b(?:and|as\s+well\s+as)\s+(?:the\s+|some\s+|several\s+|many\s+|most\s+|"
                   r"other\s+)?)$", re.I)
_EACH = re.compile(r"\b(?:each(?: one)?|every one) of (?:the |its |these |those )?"
                   r"(?:[A-Za-z]+['’]s )?([\w,-]+)\b"  # "each of Africa's 54 countries"
                   r"|\b([\w,-]+) (?:\w+ )?(?:countries|nations|states|hospitals) "
                   r"(?:will )?(?:each|apiece)\b", re.I)



def _dest_before(window: str) -> bool:
    """Whether `window` (the text before a place or body) ends in a destination phrase. The
    phrase nearly always sits in the last few characters ("to ", ", "), so they are tried
    first: a match starting there is a match of the whole window (the lead tests see the
    characters before it); the whole window is searched only when they hold none. Same answer
    as searching the whole window, which tries every position before the phrase first."""
    tail = max(0, len(window) - 10)
    return _DEST.search(window, tail) is not None or (
        tail > 0 and _DEST.search(window) is not None)


_AID_FORM = re.compile(r"\b(?:Aid|Assistance|Support|Relief|Funding|Grants?|Donations?|"
                       r"Supplies|Loans?)$", re.I)
_AMOUNT_IN = re.compile(r"(?:\d|\b(?:million|billion|thousand|crore|lakh))"
                        r"(?:\s+[A-Za-z]+)?\s+in\s+$", re.I)


def _org_recipients(clause: Clause) -> list[tuple[int, int, Recipient]]:
    s = clause.sentence
    out = []
    trig = _first_trigger(clause)
    for n in with_known_bodies(s, clause.names):
        if (written := canonical(n.text)) != n.text:  # "to Unicef": UNICEF
            n = Name(n.start, n.end, written, "organisation")
        bare = possessive_free(n.text)  # "to support UNICEF's work": UNICEF takes
        intl = n.text.endswith(international()) or bare.endswith(international())
        if not (is_org_name(n.text) or is_org_name(bare) or intl) or not _dest_before(
                s[max(0, n.start - 90):n.start].rstrip("“\"‘'")):  # 'to the “PM Cares Fund”'
            continue
        if lookup_place(n.text) is not None:
            continue  # "the European Union": the region, found as a place
        if _AID_FORM.search(n.text) and _AMOUNT_IN.search(s, max(0, n.start - 30), n.start):
            continue  # "$5 Million in Emergency Aid" (a headline): the gift's form, no body
        if takers.gives_next(s, n.end) or takers.THEN_ON.match(s, n.end):
            continue  # "his foundation ... will be making", ", Qiaoxin Co., Ltd gave": a giver;
            # "to Liege Airport and then on to Rome": a stop
        if outside(s, n.start, trig) or re.search(r"\baccording\s+to\s+(?:the\s+)?$",
                                                   s[:n.start]):
            continue
        owner = re.search(r"([A-Z][\w]*(?:\s+[A-Z][\w]*)*)['’]s\s+$", s[:n.start])
        place = lookup_place(owner.group(1)) if owner else None
        code = place.code if place else None if n.text in international() else org_country(
            n.text)  # "Pan American Health Organization": a body of no country
        if code is None and (not intl or not stateless(n.text)) and (
                m := re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w .'-]{2,40})", s[n.end:])):
            where = find_places(m.group(1))  # "the Hospital Clinic in Barcelona": ESP; "the
            # Red Cross in Peru": that country's own society
            code = where[0].place.code if where and where[0].start == 0 else None
        if code is None and not intl and ((n.text.isupper() and not defined_state_body(
                n.text, clause.text)) or re.search(
                r"\b(?:thanks|according|belonging|linked|close|due|owing)\s+to\s+(?:the\s+)?$",
                s[:n.start])):
            continue
        if takers.not_a_taker(n.text, code):
            continue  # a news outlet, an airport
        name = possessive_free(n.text)  # "the World Health Organization's fund": WHO's
        short = vocab().get("org_short", {}).get(name, name)
        out.append((n.start, n.end, Recipient(name, code or f"org:{short}", name)))
    return out


def _place_recipients(clause: Clause, orgs: list[tuple[int, int, Recipient]],
                      donors: list[str]) -> list[tuple[int, int, Recipient]]:
    s = clause.sentence
    out = []
    trig = _first_trigger(clause)
    places = takers.unqualified(s, find_places(s))
    seated = "from" in s  # (every _GIVER_SEAT match holds it)
    for i, p in enumerate(places):
        if p.place.code.startswith("region:") and _OFFICE_OF_REGION.match(s, p.end):
            continue  # "the Deputy Premier for European Affairs": an office's field, no taker
        if i and p.place.code.startswith("region:") and _APPOSED_REGION.fullmatch(
                s, places[i - 1].end, p.start) and re.search(
                r"\b(?:countries|nations|states)$", p.text, re.I):
            continue  # "to Greece and Malta, the European states worst hit": those two
        if any(a <= p.start < b and p.end <= b for a, b, _ in orgs) or any(d and (s.find(d, max(
                0, p.end - len(d)), p.start + len(d)) >= 0 or s[p.end:].lstrip(" '’s").startswith(
                d)) for d in donors):  # a place in the giver's name as written, "the U.S.
            continue  # Centers for Disease Control" giving: the giver's own place
        if any(re.fullmatch(r"(?:\s*\([A-Z][\w-]{1,12}\))?\s+in\s+(?:the\s+)?|['’]s\s+",
                            s[b:p.start]) for _, b, _ in orgs):
            continue  # "the World Food Program in Iran": where the body sits, not a second taker;
            # "to UNICEF's India response": the body's own work there
        if any(b <= p.start and _OWN_WORK.match(s, b, p.start) for _, b, _ in orgs):
            continue  # "to support UNICEF's work against the virus in the Americas", "to
            # PAHO, in support of its work in Caribbean countries": where the body works
        if p.place.kind == "demonym" and _ABROAD.match(s, p.end):
            continue  # "to Syrian refugees in Jordan": the people's origin; the place they
            # are in takes
        if p.place.kind == "demonym" and not takers.COUNTRY_NOUNS.match(  # "the Peruvian and
                re.sub(r"^\s+and\s+[A-Z]\w+", "", s[p.end:])):  # Chilean governments"
            continue
        if may_hold(s[:p.start], takers.SEAT_WORDS) and (takers.SEAT.search(s[:p.start]) or
                                                        takers.ENVOY_TAKER_SEAT.search(
                                                            s[:p.start])):
            continue  # "to the Ambassador of Chile in Beijing": the envoy's seat
        if seated and (_GIVER_SEAT.search(s, 0, p.start) or FROM_SEAT.search(
                s, max(0, p.start - 120), p.start)):
            continue  # "will receive masks from Orvo in China": where the giver is
        if _FROM_CITY.search(s, max(0, p.start - 60), p.start):
            continue  # "flew from Chengdu, China, to Lima": the origin city's country; "from
            # Tacna, its Chilean partner city": the giver described
        if re.match(r"-[a-z]", s[p.end:p.end + 2]):
            continue  # "US-produced ventilators", "China-made masks": an origin, not a taker
        if s[p.end:p.end + 2] in ("'s", "’s") and _ALLIES.match(s, p.end + 2):
            continue  # "to Taiwan's diplomatic allies": the allies take, Taiwan is no taker
        if s[p.end:p.end + 2] in ("'s", "’s") and (not re.search(
                r"\b(?:to|for|help|support|assist|complement|bolster|strengthen|support\s+of)\s+"
                r"(?:(?:each|all|every\s+one|many|most|some)"
                r"\s+of\s+)?(?:the\s+)?$", s[:p.start]) or any(
                0 <= a - p.end <= 4 for a, _, _ in orgs)):
            continue  # "Ethiopia's prime minister": the owner of something, not a recipient
        if not _dest_before(s[max(0, p.start - 90):p.start]) or outside(s, p.start, trig):
            continue
        if takers.THEN_ON.match(s, p.end) or other_acronym(p.text, clause.text):
            continue  # "to Belgium's Liege Airport and then on to Rome": a stop on the way;
            # "the Philippine Red Cross (PRC)": an acronym the article gives another sense
        if takers.hub(s, p):
            continue  # "landed in Ghana so that it could be sent on to West Africa"
        if (code := one_of_region(p, s, clause.text[:max(clause.start, 0)])) is not None:
            out.append((p.start, p.end, Recipient(p.text, code)))  # "the Gulf state": one
    return out


_FROM_CITY = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},\s*"
                        r"(?:(?:its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2})?$")
_GIVER_SEAT = re.compile(r"\b(?:receive[sd]?|receiving|get|gets|got|getting)\b"
                         r"(?:[^,;]|,(?=\d)){0,60}?" + FROM_ONE_IN)
_OFFICE_OF_REGION = re.compile(r"\s+(?:Affairs|Integration|Commission(?:er)?|Parliament|Council|"
                               r"Delegation|Department|Desk|Studies)\b")
_APPOSED_REGION = re.compile(r"\s*,\s+(?:the\s+)?(?:two\s+|three\s+|both\s+)?")
_OWN_WORK = re.compile(r"(?:['’]s?)?(?:\s+|[^;]{0,60}?\b(?:its|their|his|her)\s+)"
                       r"(?:[\w-]+\s+){0,2}?(?:work|efforts?|response|operations?|programmes?|programs?|activities|"
                       r"cooperation|mission|campaign)\b[^;]{0,80}?\b(?:in|across|throughout)\s+"
                       r"(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_ABROAD = re.compile(r"\s+(?:refugees|migrants|nationals|expatriates|expats|workers|students|"
                     r"citizens|diaspora|communit(?:y|ies))\s+(?:(?:living|hosted|stranded|"
                     r"based|sheltering|staying)\s+)?(?:in|across)\s+(?:the\s+)?"
                     r"(?:neighbou?ring\s+)?[A-Z]")
_ALLIES = re.compile(r"\s+(?:\w+\s+)?(?:allies|partners|friends|neighbou?rs|sister cities|"
                     r"sister city|twin cities|twin towns|counterparts)\b")


def _first_trigger(clause: Clause) -> int:
    return next((t.start for t in _all_triggers(clause.sentence)), len(clause.sentence))


_MEMBER_STATE = re.compile(r"\s+member\s+(?:states?|countries|nations)\b")


def receivers_of(clause: Clause) -> list[tuple[int, int, Recipient]]:
    """The subject of "received"/"will receive" is a recipient ("Peru received 100...")."""
    triggers = _all_triggers(clause.sentence)
    s = clause.sentence
    trig = next((t for t in triggers if RECEIVE.search(t.phrase) or _handed(s, t)), None)
    at = trig.start if trig is not None else None
    if trig is not None and any(t.end <= trig.start and not RECEIVE.search(t.phrase)
                                for t in triggers):
        return []
    if at is None and (told := announced_gift(s)) and not any(
            t.end <= told.start() for t in triggers):
        at = told.start()  # "Mercy Clinic announced a $30,000 grant from Orvo": it takes
    if at is None:
        return []
    heard = speech_before(clause, at)
    out = []
    for n in clause.names:
        if heard is not None and n.end <= heard.end():
            continue  # "X said on Sunday that Kenya would receive": X speaks, Kenya takes
        if n.end > at or (_ORIGIN.search(s[:n.start]) and not re.search(
                r"\b(?:governments?|governor|mayor|minister|ministry|president|premier|people|"
                r"embassy|ambassador)\s+of\s+(?:the\s+)?$", s[:n.start], re.I)):
            continue
        if re.search(r"\bfrom\s+(?:the\s+)?$", s[:n.start]):
            continue
        if re.match(r"['’]s\s+(?:diplomatic\s+)?(?:allies|partners|friends|neighbou?rs)\b",
                    s[n.end:]) or re.search(r"['’]s$", n.text) and re.match(
                r"\s+(?:diplomatic\s+)?(?:allies|partners|friends|neighbou?rs)\b", s[n.end:]):
            continue  # "Taiwan's allies will receive": the allies take, Taiwan gives
        place = lookup_place(possessive_free(n.text)) or unit_place(n.text) or code_place(n.text)
        if (members := _MEMBER_STATE.match(s, n.end)) and (
                bloc := lookup_place(f"{n.text} member states")):
            out.append((n.start, members.end(), Recipient(f"{n.text} member states", bloc.code)))
            continue  # "every EU member state got 500 ventilators": the bloc's region
        if place and place.kind == "region":  # "the president of the African ally
            code = one_of_region(PlaceMention(n.start, n.end, n.text, place), s,  # received":
                                 clause.text[:max(clause.start, 0)] + s[:n.start])  # one state
            if code is not None:
                out.append((n.start, n.end, Recipient(possessive_free(n.text), code)))
        elif place:
            out.append((n.start, n.end, Recipient(possessive_free(n.text), place.code)))
        elif n.kind != "place" and _OFFICE.search(s[:n.start]):  # "Health minister X, who
            out.append((n.start, n.end, Recipient(n.text, UNNAMED_STATE, "the government")))
        elif is_org_name(n.text) or (n.kind == "organisation" and re.fullmatch(
                r"\W*(?:the\s+)?", s[:n.start], re.I)):  # (a body the sentence opens with)
            code = org_country(n.text)
            out.append((n.start, n.end, Recipient(n.text, code or f"org:{n.text}", n.text)))
    if not out and (ref := _COUNTRY_TAKES.search(s, 0, at)) and (
            heard is None or ref.start() >= heard.end()):
        seen = clause.text[:max(clause.start, 0)]  # "Then the republic also got":
        for p in reversed(find_places(seen)):  # the country that took the gift told before
            if p.place.kind == "country" and p.text in clause.receivers:
                out.append((ref.start(), ref.end(), Recipient(p.text, p.place.code)))
                break
    return out


_COUNTRY_TAKES = re.compile(r"\b[Tt]he\s+(?:country|republic|nation|kingdom)\s+(?:(?:has|have|had|"
                            r"also|now|then|will|would|was|is)\s+)*(?:also\s+)?$")


@lru_cache(maxsize=256)  # asked again for each amount and item of the sentence
def announced_gift(sentence: str) -> re.Match[str] | None:
    """ "X has announced a $30,000 grant from Y", "X announced a donation of 900 shields from
    Y": the body announcing a gift it has from another takes it."""
    return _ANNOUNCED_GIFT.search(sentence) if "from" in sentence else None


_ANNOUNCED_GIFT = re.compile(
    r"\b(?:announced|announces|unveiled|secured|won|(?:been|was|were)\s+awarded)\s+"
    r"(?:[A-Z]?[a-z]+day\s+)?(?:a|an|the)\s+(?:[\w$€£¥,.-]+\s+){0,3}?(?:grant|donation|gift|"
    r"contribution)s?\s+(?:of\s+[^;]{1,50}?\s+)?from\s+(?:the\s+)?[A-Z]")


# "Chile and Peru were then handed over a gift of 90,000 masks", "Peru was given 300
# ventilators": a giving verb in the passive with the goods as its object, its subject takes
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:also\s+|then\s+|later\s+)?$")
_GIVING_PASSIVE = re.compile(r"^(?:handed|handed\s+over|given|provided|gifted|awarded|offered)$")
_NOT_TO = re.compile(r"\s+(?:over\s+|out\s+)?(?:to|by|for|in|at|on|from|as|through|via)\b|\s*[,.;]")


def _handed(s: str, t) -> bool:
    return bool(_GIVING_PASSIVE.match(t.phrase) and _PASSIVE_BEFORE.search(s, 0, t.start)
                and not _NOT_TO.match(s, t.end))


# the holder of a state office who receives takes for the state ("Health minister X, who
# received R2 million from Y"): the article's country, as "the government" is
_OFFICE = re.compile(r"\b(?:minister|president|premier|governor|mayor|(?-i:CM|PM))\s+"
                     r"(?:of\s+[A-Z]\w+\s+)?$", re.I)  # "CM Paz received": a chief minister


# "towards the Prime Minister's Citizen Assistance and Relief in Emergency Situation (PM-CARES)
# Fund", "to Prime Minister Narendra Modi's PM-Cares fund": a fund named in full after "to"
_FUND_NAME = re.compile(
    r"\b(?:to|towards|into|for|and)\s+(?:the\s+)?((?:(?:[A-Z][\w’'.-]*|of|and(?!\s+the\b)|in|for|"
    r"the|&)\s+){0,10}?"  # not "to PM-CARES and the State Relief Fund": two funds
    r"(?:(?:relief|welfare|emergency|cares|national|disaster)\s+){0,2}"  # "the Prime
    r"(?:\([A-Z][\w -]{1,20}\)\s+)?(?:[Ff]und(?:raiser)?|Appeal))\b")  # Minister's relief
# fund", "(PM CARES) Fund"
# "the Holm Foundation's Combat Virus Fundraiser": a body's own fund takes as the body
_OWNED_FUND = re.compile(r"(.+?)['’]s?\s+(?:[\w-]+\s+){0,4}?(?:fund|fundraiser|appeal)", re.I)


_ROLE_WORD = re.compile(r"\b(?:Minister|President|Governor|Mayor|Premier|Chief|King|Queen)\b")


def _funds_named(clause: Clause) -> list[tuple[int, int, Recipient]]:
    out = []
    for m in _FUND_NAME.finditer(clause.sentence):
        name = m.group(1)
        if not name[0].isupper() or m.start(1) >= cut(clause.sentence):
            continue
        if (owned := _OWNED_FUND.fullmatch(name)) and is_org_name(owned.group(1)) and not \
                _ROLE_WORD.search(owned.group(1)):
            name = owned.group(1)  # (not "the Prime Minister's relief fund": the state's)
        code = org_country(name)
        short = vocab().get("org_short", {}).get(name, name)  # "Solidarity Response Fund": WHO's
        out.append((m.start(1), m.end(1), Recipient(name, code or f"org:{short}", name)))
    return out


# "to help the government with relief", "to support authorities of Central and State
# government", "to authorities": the state the article is about, which place_bodies
# names (or drops when it cannot tell)
_LEVEL = r"(?:national|federal|central|state|union|local|provincial)"
_THE_GOVERNMENT = re.compile(
    rf"\b(?:help|helping|support|supporting|assist|assisting|to|for|towards)\s+((?:the\s+)?"
    rf"(?:authorities\s+of\s+)?(?:{_LEVEL}\s+(?:and\s+{_LEVEL}\s+)?)?(?:governments?|"
    rf"authorities))(?:['’]s)?\b(?!\s+of\b)(?!\s+in\s+(?:the\s+)?(?-i:[A-Z]))", re.I)
UNNAMED_STATE = "org:the government"


def _the_government(clause: Clause) -> list[tuple[int, int, Recipient]]:
    m = _THE_GOVERNMENT.search(clause.sentence) if may_hold(
        clause.sentence, ("government", "authorities")) else None  # (each match holds one)
    if not m or m.start(1) >= cut(clause.sentence):
        return []
    return [(m.start(1), m.end(1), Recipient(m.group(1), UNNAMED_STATE, "the government"))]


def _each(sentence: str) -> re.Match[str] | None:
    return _EACH.search(sentence) if may_hold(sentence, ("each", "apiece", "every one")) else None


def each_at(sentence: str) -> int | None:
    """Where the sentence's "each of the N countries" is written, if anywhere."""
    m = _each(sentence)
    return m.start() if m else None


def _each_count(sentence: str) -> int | None:
    m = _each(sentence)
    if not m:
        return None
    return parse_number((m.group(1) or m.group(2) or "").strip(","))


_TO_WHICH = re.compile(r",\s+to\s+(?:which|whom)\s")
# "received 200 ventilators through partnerships with the US and Chile": partners, no takers
_PARTNERS_WITH = re.compile(r"\b(?:partnerships?|cooperation|collaboration|agreements?|partnered|"
                            r"partnering|teamed\s+up|teaming\s+up)\s+with\s")
_TO_AFTER = re.compile(r"\b(?:to|for)\s")


def recipients_in(clause: Clause, item: object, donors: list[str]
                  ) -> tuple[list[Recipient], int | None, bool]:
    """(recipients for the item, per-recipient count if "each of N", "respectively" seen)."""
    given = {d.lower() for d in donors}
    orgs = [o for o in _org_recipients(clause)  # a giver is not its own recipient
            if o[2].name.lower() not in given and not any(
                re.search(rf"\b{re.escape(d)}\b", o[2].name.lower()) for d in given)]
    funds = [f for f in _funds_named(clause) if f[2].name.lower() not in given]
    orgs = [o for o in orgs if o[2].code != f"org:{o[2].name}" or not any(  # a body known
        a <= o[0] and o[1] <= b and (b - a) > (o[1] - o[0]) for a, b, _ in funds)]  # stays
    orgs += [f for f in funds if not any(a < f[1] and f[0] < b for a, b, _ in orgs)]
    orgs = takers.unapposed(clause.sentence, sorted(orgs, key=lambda o: o[0]))
    places = _place_recipients(clause, orgs, donors) + _the_government(clause) + [
        (a, b, Recipient(w, UNNAMED_STATE, "the government")) for a, b, w in takers.officers(
            clause.sentence) if a < cut(clause.sentence)]  # "to Chief Minister X"
    orgs = [o for o in orgs if not any(a <= o[0] and o[1] <= b and (b - a) > (o[1] - o[0])
                                       for a, b, _ in places)]  # "member states of the AU"
    found = sorted(orgs + places + receivers_of(clause) + takers.counted_back(
        clause.sentence, clause.text[:max(clause.start, 0)]), key=lambda r: r[0])
    if (pw := _PARTNERS_WITH.search(clause.sentence)) is not None:
        found = [r for r in found if r[0] < pw.end() or _TO_AFTER.search(
            clause.sentence, pw.end(), r[0])]  # "through partnerships with the US and Chile"
    end, limit = getattr(item, "end", 0), getattr(item, "limit", None)
    if (rel := _TO_WHICH.search(clause.sentence, 0, end)) and (
            before := [r for r in found if r[1] <= rel.start()]):
        last = max(before, key=lambda r: r[1])  # "..., countries like Chile, to which Orvo
        found = [last] + [r for r in found if r[0] >= end]  # gave masks": Chile alone takes
    if (hard := takers.reason_start(clause.sentence, end)) is not None:  # ", when it was in China"
        found = [r for r in found if r[0] < hard]
    effort = takers.effort_start(clause.sentence, end)
    if effort is not None and any(end <= r[0] < effort for r in found):
        found = [r for r in found if r[0] < effort]  # (with none before, it names the takers)
    after = [r for r in found if r[0] >= end and (limit is None or r[0] < limit)]
    if (stop := takers.list_end(clause.sentence, end, clause.numbers)) is not None:
        after = [r for r in after if r[0] < stop] or after
    nearest = [r for r in after if not _items_between(clause, end, r[0])]
    if not nearest and after and limit is None:  # "500,000 kits and 1 million masks to the
        first = after[0][0]  # US, as well as 200,000 kits for Russia": the next group's
        nearest = [r for r in after if not _items_between(clause, first, r[0])]
    if not nearest and limit is None:  # only places before the goods: not one that speaks
        told = announced_gift(clause.sentence)
        found = [r for r in found if not takers.SPEAKS.match(clause.sentence, r[1]) or (
            told and r[1] <= told.start())]  # (but one announcing a gift it has from another)
    nearest = nearest or (found if limit is None else after)
    firsts: dict[str | None, Recipient] = {}
    for _, _, r in nearest:
        firsts.setdefault(r.code, r)  # the first of each code, in order
    out = list(firsts.values()) or (_scene_taker(clause) or _speaker_taker(clause)
                                    if limit is None else [])
    return out, _each_count(clause.sentence), "respectively" in clause.sentence.lower()


# "The council of Arequipa says Antofagasta will give it 6,000 masks": "it" is the speaker
_GIVE_IT = re.compile(r"\b(?:give|gives|send|sends|donate|donates|provide|provides|offer|offers|"
                      r"hand|hands)\s+(?:it|them)\s", re.I)
_SAYS = re.compile(r"\s(?:says|said|announced|stated)\s+(?:that\s+)?", re.I)


def _speaker_taker(clause: Clause) -> list[Recipient]:
    s = clause.sentence
    give = _GIVE_IT.search(s) if " it " in s or " them " in s else None
    says = _SAYS.search(s, 0, give.start()) if give else None
    if says is None:
        return []
    places = [p for p in find_places(s[:says.start()]) if p.place.kind in ("country", "city")
              or p.place.kind == "demonym" and takers.COUNTRY_NOUNS.match(s, p.end)]
    return [Recipient(places[-1].text, places[-1].place.code)] if places else []


def _scene_taker(clause: Clause) -> list[Recipient]:
    """ "In Afghanistan, the UAE dispatched 20,000 testing units": the scene opening a sentence
    that names no other taker is where the goods went."""
    s = clause.sentence
    if not s.startswith(("In ", "Across ", "Throughout ")):
        return []
    p = next(iter(find_places(s[:60])), None)
    if p is None or p.place.kind == "demonym" or not takers.scene(s[:p.start], s) or not re.match(
            r"\s*,", s[p.end:]) or p.start >= _first_trigger(clause):
        return []
    return [Recipient(p.text, p.place.code)]


def _items_between(clause: Clause, a: int, b: int) -> bool:
    """Goods named between `a` and `b` (the next group's), not goods a taker lacks ("some
    U.S. states that are in dire need of protective equipment, some Caribbean countries")."""
    s = clause.sentence
    return any(a <= i and e <= b and not _NEED.search(s, max(0, i - 40), i)
               for i, e, _ in _item_mentions(s))


_NEED = re.compile(r"\b(?:need|needs|needing|short|shortage|shortages|lack|lacking|want)\s+of\s+"
                   r"(?:the\s+)?(?:[\w-]+\s+)?$|\b(?:needs?|needing|lacks?|lacking)\s+(?:the\s+)?$",
                   re.I)
