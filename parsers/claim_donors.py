"""Who gave: the subject of the donation verb, "by X", "from X", "courtesy of X", and what
"he", "the company", "his foundation" or "the two foundations" refer back to."""

from __future__ import annotations

import re
from functools import cache

from aidledger.parsers.claim_givers import envoy_state, government_state
from aidledger.parsers.claim_parts import _ORIGIN, RECEIVE, Clause, Trigger, _all_triggers
from aidledger.parsers.lexicon import country_name, find_places, lookup_place
from aidledger.parsers.names import Name, is_org_name, possessive_free, split_coordinated, vocab


@cache
def _references() -> list[tuple[re.Pattern[str], str]]:
    w = vocab()["words"]
    out = []
    for kind in ("person", "organisation", "foundation", "group", "first_person",
                 "foundations", "companies", "persons_foundation", "country"):
        for phrase in w[kind]:
            out.append((phrase, kind))
    out.sort(key=lambda pk: -len(pk[0]))  # "his foundation" before "his"
    return [(re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])", re.I), k) for p, k in out]


@cache
def _reference_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """All reference phrases in one pattern (longest first), and each phrase's kind."""
    w = vocab()["words"]
    kinds = {p.lower(): k for k in ("person", "organisation", "foundation", "group",
                                    "first_person", "foundations", "companies",
                                    "persons_foundation", "country") for p in w[k]}
    alts = "|".join(re.escape(p) for p in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I), kinds


_PERSONS_FOUNDATION = re.compile(r"\b(?:his|her)\s+(?:charitable\s+)?foundation\b", re.I)
_SPEAKER_OF = re.compile(r"^[^.;]*?\b(?:said|says|told|announced|added|confirmed)\b(?:\s+\w+)?"
                         r"(?:\s+that)?\s+(?:another|a further|an additional|the|some|about|"
                         r"more than|nearly|over|\d)", re.I)
_ROLEISH = re.compile(r"\b(?:Governor|Minister|Mayor|President|Secretary|Premier|Ambassador)\b")


def _donor_names(name: Name) -> list[str]:
    return [possessive_free(n) for n in split_coordinated(name.text)]


_HEAD = re.compile(r"\b[Tt]he\s+(?:[\w.'’-]+\s+){0,3}?(foundation|society|association|charity|"
                   r"trust|club|federation|council|temple|church|mosque|company|group|firm|bank|"
                   r"organisation|organization|agency|ngo|giant|maker|carmaker|automaker|"
                   r"retailer|conglomerate|airline|insurer|lender|businessman|businesswoman|"
                   r"billionaire|tycoon|philanthropist|singer|actor|actress|footballer|star)\b",
                   re.I)
_HEAD_KIND = {"businessman": "person", "businesswoman": "person", "billionaire": "person",
              "tycoon": "person", "philanthropist": "person", "singer": "person",
              "actor": "person", "actress": "person", "footballer": "person", "star": "person",
              "foundation": "foundation", "charity": "foundation", "trust": "foundation"}


_CLAUSE_START = re.compile(r"(?:^\W*|[,;:—–]\s*)(?:the\s+)?(?:(?:state|city|province|government)\s+"
                           r"of\s+)?$", re.I)


def _apposed(region: str, n: Name) -> bool:
    """ "ByteDance, the owner of TikTok, said": TikTok describes the subject, it is not one."""
    if re.search(r",\s*(?:which|who|whose|where)\b[^,]*$", region[:n.start]) and "," in region[
            n.end:]:
        return True  # "Honeywell, which makes masks in Smithfield, said it": not Smithfield
    return bool(re.search(r",\s*(?:(?:the|a|an|its)\s+[^,]{0,50}|(?:[\w-]+\s+){0,3}?(?:CEO|"
                          r"chief executive|chairman|chairwoman|founder|co-founder|president|"
                          r"head|director|owner)\s+(?:of|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})$",
                          region[:n.start])
                and re.match(r"[^,.;]{0,30},", region[n.end:]))  # ", CEO of Huawei, ..."


def _country_like(text: str) -> bool:
    place = lookup_place(text)
    return place is not None and place.kind in ("country", "demonym")


def _by_head(noun: str, clause: Clause, before: int) -> list[str]:
    """ "the society" after "the Red Cross Society of China": the latest earlier name whose
    words include the noun; else the latest name of the noun's kind."""
    pool = [n for n in clause.names if n.end <= before]
    for n in [*reversed(pool), *reversed(clause.earlier)]:
        if n.kind != "place" and n.text not in clause.receivers and noun in (
                w.lower() for w in n.text.split()):
            return _expand(_donor_names(n), clause)
    return _resolve(_HEAD_KIND.get(noun, "organisation"), clause, before)


def _resolve(kind: str, clause: Clause, before: int) -> list[str]:
    if kind.startswith("head:"):
        return _by_head(kind[5:], clause, before)
    if kind == "first_person":
        return list(clause.speaker or ([clause.publisher] if clause.publisher else []))
    if kind == "persons_foundation":  # "his foundation": the foundation of the person before
        person = _resolve("person", clause, before)
        return [f"{person[0]} Foundation"] if person else []
    if kind == "country":  # "The country will donate": the country the article is about
        return _main_country(clause, before)
    pool = [n for n in clause.names if n.end <= before
            and not _apposed(clause.sentence[:before], n)]
    history = list(reversed(pool)) + list(reversed(clause.earlier))
    wanted = {"person": ("person",), "organisation": ("organisation", "foundation"),
              "foundation": ("foundation",), "group": ("foundation", "organisation"),
              "foundations": ("foundation",), "companies": ("organisation",)}[kind]
    people = {p.text.split()[-1] for p in history if p.kind == "person"}
    history = [n for n in history if n.text not in clause.receivers]
    for n in history:
        if n.kind in wanted and not (n.kind == "organisation" and (
                n.text in people or lookup_place(n.text)
                or (_ROLEISH.search(n.text) and not is_org_name(n.text)))):
            if kind in ("group", "foundations", "companies"):
                same = [m for m in history if m.kind == n.kind and m.text not in people
                        and not lookup_place(m.text)]
                names = list(dict.fromkeys(possessive_free(m.text) for m in same))[:2]
                return list(reversed(names))
            return _expand(_donor_names(n), clause)
    places = [n for n in reversed(pool) if n.kind == "place"]
    if kind == "organisation" and places:  # "Taiwan said it would donate": a government
        return [places[0].text]
    if kind == "foundation" and _PERSONS_FOUNDATION.search(clause.text[:max(clause.start, 0)]):
        return _resolve("persons_foundation", clause, before)  # "His foundation ..." earlier
    return []


def _main_country(clause: Clause, before: int) -> list[str]:
    """The country named most often so far (the latest on a tie), receivers aside."""
    seen = clause.text[:max(clause.start, 0)] + " " + clause.sentence[:before]
    counts: dict[str, tuple[int, int, str]] = {}
    for p in find_places(seen):
        if p.place.kind == "country" and p.text not in clause.receivers:
            n, _, _ = counts.get(p.place.code, (0, 0, ""))
            counts[p.place.code] = (n + 1, p.start, p.text)
    if not counts:
        return []
    return [max(counts.values())[2]]


def _expand(names: list[str], clause: Clause) -> list[str]:
    """A surname alone ("Ma", "Mr Ma") is the person named in full earlier ("Jack Ma")."""
    people = [n.text for n in [*clause.earlier, *clause.names] if n.kind == "person"]
    out = []
    for name in names:
        if " " not in name:
            full = next((p for p in reversed(people) if p.split()[-1] == name), None)
            name = full or name
        out.append(name)
    return out


_KIN = re.compile(r"(?:its|their|his|her|our)\s+(?:[a-z-]+\s+){0,3}?(?:of\s+(?:the\s+)?)?(?=[A-Z])")


_DESCRIBED_AS = re.compile(r"(?:the\s+)?(?:(?:[A-Z][a-z]+|[a-z][\w-]*)\s+){0,3}?(?:organi[sz]ation|"
                           r"charity|company|firm|ngo|association|group|conglomerate|giant|"
                           r"maker)\s+(?=[A-Z])")


def _names_at(clause: Clause, pos: int, countries: bool = False) -> list[str]:
    """The donor names starting at `pos` ("by X, Y and the Z Foundation"), or what a reference
    there ("the two foundations", "the company") stands for; countries only when asked."""
    s = clause.sentence
    donors: list[str] = []
    kin = _KIN.match(s, pos)  # "from its partner province of Jiangxi": the province gives
    if kin:
        pos = kin.end()
    elif described := _DESCRIBED_AS.match(s, pos):  # "by the Chinese charity Mammoth Foundation"
        pos = described.end()
    for n in (n for n in clause.names if n.start >= pos - 1):
        if n.start - pos > 3:
            break
        place = lookup_place(n.text) if n.kind == "place" else None
        if n.kind == "place" and not (countries and place and (
                place.kind == "country" or kin or n.text in vocab()["words"].get("capitals", ()))):
            break
        if donors and _REPORTS.match(s, n.end):
            break  # "from China, the Department of Foreign Affairs said": who speaks
        donors += _donor_names(n)
        tail = re.match(r"\s*(?:,|and|&)\s*(?:the\s+)?", s[n.end:])
        if not tail:
            break
        pos = n.end + tail.end()
    if donors:
        return donors
    for pattern, kind in _references():
        if pattern.match(s, pos - 4 if s[pos - 4:pos] == "the " else pos):
            return _resolve(kind, clause, pos)
    return []


_THANKS = re.compile(r"\b(?:thank(?:s|ed|ful|ing)?|grateful)\s+(?:to\s+)?(?:the\s+)?#?"
                     r"([A-Z][^,;]{1,60}?)\s+for\s+$")


_CARGO_FROM = re.compile(r"\b(?:shipments?|consignments?|cargo|donations?|gifts?|supplies|aid|"
                         r"batch|delivery|planeload|assistance)\s+(?:donated\s+|sent\s+)?from\s+"
                         r"(?:the\s+)?", re.I)


def cargo_givers(clause: Clause) -> list[str]:
    """ "The shipment from Beijing included 200 ventilators": with no giving verb, the giver
    of a consignment is whom it comes from (a state by its capital)."""
    for m in _CARGO_FROM.finditer(clause.sentence):
        if donors := _names_at(clause, m.end(), countries=True):
            return donors
    return []


_ALLIES = re.compile(r"\b([A-Z][\w]+)['’]s\s+(?:diplomatic\s+)?(?:allies|partners|friends|"
                     r"neighbou?rs|sister cities)\s+(?:will\s+|would\s+|are to\s+)?(?:also\s+)?$")


def verb_givers(clause: Clause, trig: Trigger) -> list[str]:
    """The givers the verb `trig` names: "courtesy of", "by", "from" after receiving, the
    subject, a government; co-donors "together with" are added by claim_partners."""
    s = clause.sentence
    thanks = _THANKS.search(s[:trig.start])  # "is thankful to Taiwan for donating"
    if thanks and (donors := _names_at(clause, thanks.start(1), countries=True)):
        return donors
    if envoy := envoy_state(s[:trig.start]):
        return [envoy]
    courtesy = re.search(r"\bcourtesy of\s+(?:the\s+)?", s, re.I)
    if courtesy and (donors := _names_at(clause, courtesy.end())):
        return donors
    by = re.search(r"\bby\s+(?:the\s+)?", s[trig.end:trig.end + 60])
    if by and by.start() < 3 and RECEIVE.search(trig.phrase) and not trig.phrase.lower(
            ).startswith("present"):
        by = None  # "received by officials of the NCDC": who receives
    if by and (donors := _names_at(clause, trig.end + by.end(), countries=True)):
        return donors
    gov_from = re.search(r"\b(?:from|by)\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:government|"
                         r"authorities|embassy)\b", s[trig.end:])
    taking = trig.status in ("accepted", "arrived") or RECEIVE.search(trig.phrase)
    if gov_from and lookup_place(gov_from.group(1)) and (taking or not _subject(clause,
                                                                                  trig.start)):
        return [country_name(lookup_place(gov_from.group(1)).code)]  # type: ignore[union-attr]
    frm = re.search(r"\b(?:from|by)\s+(?:the\s+)?", s[trig.end:])
    if frm and frm.group(0).startswith("by") and frm.start() < 3 and RECEIVE.search(trig.phrase):
        frm = re.search(r"\bfrom\s+(?:the\s+)?", s[trig.end:])  # "received by X": X receives
    if (trig.status in ("accepted", "arrived") or RECEIVE.search(trig.phrase)) and frm and (
            donors := _names_at(clause, trig.end + frm.end(), countries=True)):
        return donors
    for m in _SUPPLY_FROM.finditer(s):  # "30 tonnes of supplies from the Jack Ma Foundation"
        if donors := _names_at(clause, m.end()):
            return donors
    # the one nearest the verb: not "At the request of the Serbian government, ..."
    government = next(reversed(list(re.finditer(
        r"\b(?:the\s+)?((?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+)\s+(?:state\s+)?(?:government|"
        r"authorities|embassy)\b", s[:trig.start]))), None)
    if government and (where := government_state(re.sub(r"^The\s+", "", government.group(1)))):
        return [where]
    allies = _ALLIES.search(s[:trig.start])
    if RECEIVE.search(trig.phrase) and allies and _country_like(allies.group(1)):
        return [allies.group(1)]  # "Taiwan's allies will receive 1 million masks": Taiwan gives
    if RECEIVE.search(trig.phrase):
        # "...announce donations to the US, which will receive...": the giver is the subject of
        # an earlier verb; with none, the subject of "received" is the recipient, donor unstated
        earlier = [t for t in _all_triggers(s) if t.end <= trig.start
                   and not RECEIVE.search(t.phrase)]
        return _subject(clause, earlier[-1].start) if earlier else []
    return _subject(clause, trig.start) or _from_donor(clause)


def _from_donor(clause: Clause) -> list[str]:
    """ "The donation of 100,000 masks from Fosun": the giver after "from", when no subject."""
    for m in re.finditer(r"\bfrom\s+(?:the\s+)?", clause.sentence):
        if donors := _names_at(clause, m.end()):
            return donors
    return []


_SUPPLY_FROM = re.compile(
    r"\b(?:supplies|aid|donations?|equipment|gear|assistance|materials|goods|items|cargo|"
    r"masks|kits|tests|ventilators|suits|gowns|gloves|respirators|goggles|shields|thermometers|"
    r"swabs|reagents)\s+(?:donated\s+|provided\s+|sent\s+)?from\s+(?:the\s+)?", re.I)


_TAKES = re.compile(r"\s*(?:(?:has|have|had|will|would|also|already|earlier|now)\s+){0,2}"
                    r"(?:received|receives|receive|got|gets|accepted|accepts|obtained)\b", re.I)


def _city_of(clause: Clause, region: str, country: Name) -> Name:
    """ "Toyokawa, Japan donated": the city gives; the country after its comma only places it."""
    if not _country_like(country.text):
        return country
    prev = [n for n in clause.names if n.end <= country.start
            and re.fullmatch(r",\s*", region[n.end:country.start])]
    if prev and not _country_like(prev[-1].text):
        return prev[-1]
    return country


# a state's officer giving in office gives as the state: "US Ambassador X handed 50 ..."
_STATE_ROLE = re.compile(r"(?<![\w-])\[?([A-Z][\w.]*?)\]?(?:['’]s)?\s+(?:President|"
                         r"Prime\s+Minister|Premier|Chancellor|Ambassador|Envoy|Foreign\s+Minister|Health\s+"
                         r"Minister|Minister\s+of\s+\w+(?:\s+Affairs)?|Consul(?:\s+General)?|"
                         r"Embassy)\s+(?:\[[^\]]{1,30}\]\s+)?\[?$")
_REPORTS = re.compile(r"\s+(?:said|says|told|added|announced|reported|confirmed|stated)\b")
# "According to the ministry's spokeswoman X, ...": a source, not the subject of the gift
_SOURCE = re.compile(r"\baccording\s+to\b[^,;]*$", re.I)
# "Meanwhile, the army has donated": a lone opener before a comma and a subject of its own
_OPENER = re.compile(r",\s+(?:the|a|an|its|their)\s+[^,]*$")
_STATE_ORGAN = re.compile(r"\b(?:the\s+)?([A-Z][a-z]+)\s+(?:army|military|navy|air force|"
                          r"armed forces|government|embassy)\b")
# "X says China has pledged to donate": the country right before the verb chain gives
_VERB_CHAIN = re.compile(r"\s*(?:(?:has|have|had|will|would|also|already|now|is|was|decided|"
                         r"agreed|pledged|promised|offered|plans|planned|vowed|committed|"
                         r"announced|set)\s+(?:to\s+)?)*")


def _subject(clause: Clause, before: int) -> list[str]:
    region = clause.sentence[:before]
    cands: list[tuple[int, str, Name | None]] = []
    for n in clause.names:
        if n.end <= before and not _ORIGIN.search(region[:n.start]) and n.kind != "place" \
                and not _TAKES.match(region, n.end) and not _SOURCE.search(region[:n.start]) \
                and not (n.start == 0 and " " not in n.text and _OPENER.match(region, n.end)) \
                and region.count("(", 0, n.start) <= region.count(")", 0, n.start):
            cands.append((n.end, "name", n))
    for m in _STATE_ORGAN.finditer(region):  # "the German army has donated": Germany
        if _country_like(m.group(1)) and not _ORIGIN.search(region[:m.start()]):
            cands.append((m.end(), "name", Name(m.start(1), m.end(), m.group(0).strip(),
                                                 "organisation")))
    pattern, kinds = _reference_regex()
    for m in pattern.finditer(region):
        if m.group(0).isupper() and len(m.group(0)) > 1:
            continue  # "US$5 million", "IT": an abbreviation, not "us" or "it"
        if kinds[m.group(0).lower()] == "country" and not re.fullmatch(
                r"\W*(?:[\w ]{1,20},\s*)?|.*\band\s+", region[:m.start()]):
            continue  # "X, the richest banker in the country, will": not the subject
        if not (m.group(0)[0].isupper() and any(n.start <= m.start() < n.end
                                                 for n in clause.names)):
            cands.append((m.end(), kinds[m.group(0).lower()], None))
    for n in clause.names:  # "the 2,000 test kits that China donated": a country as subject
        if n.kind == "place" and n.end <= before and _country_like(n.text) and not _ORIGIN.search(
                region[:n.start]) and re.fullmatch(
                r"\s*(?:has\s+|have\s+|had\s+)?(?:also\s+|already\s+)?", region[n.end:]) or (
                n.kind == "place" and n.end <= before and _country_like(n.text)
                and _VERB_CHAIN.fullmatch(region, n.end) and region[n.end:].strip()
                and re.search(r"\b(?:says?|said|told|announced|confirmed)\s+(?:that\s+)?$",
                              region[:n.start])):
            cands.append((n.end, "name", _city_of(clause, region, n)))
    cands = [c for c in cands if c[2] is None or not _apposed(region, c[2])] or cands
    for m in _HEAD.finditer(region):  # "the Seattle-based foundation", "the society"
        if m.group(1).islower() and not any(c[0] == m.end() for c in cands) and not (
                re.search(r",\s*$", region[:m.start()]) and "," in region[m.end():]):
            cands.append((m.end(), "head:" + m.group(1).lower(), None))  # not ", the X maker,"
    if not cands:  # "Taiwan will donate": a country gives; a city ("in Dayton") does not
        places = [n for n in clause.names if n.end <= before and n.kind == "place"
                  and not _ORIGIN.search(region[:n.start]) and not _TAKES.match(region, n.end)
                  and (_country_like(n.text) or _CLAUSE_START.search(region[:n.start]))]
        if not places:
            return []
        lead = [_city_of(clause, region, places[-1]).text]
        earlier = [p for p in clause.names if p.kind == "place" and p.end <= places[-1].start]
        for p in reversed(earlier):
            gap = region[p.end:clause.names[clause.names.index(p) + 1].start]
            if not re.fullmatch(r"\s*(?:,|and|&)\s*(?:the\s+)?", gap) or not _country_like(p.text):
                break
            lead.insert(0, p.text)  # "Qatar and Kuwait have sent"
        return lead
    end, kind, name = max(cands, key=lambda c: c[0])
    if name is not None and _SPEAKER_OF.match(region[name.end:]):
        return []  # "Dangote said another 60,000 kits would arrive": a speaker, not the giver
    if name is not None and name.text in ("Foundation", "Fund", "Company", "Group", "Charity"):
        kind, name = "foundation" if name.text != "Company" else "organisation", None
    if name is not None and name.implied and name.kind == "foundation":
        person = name.text.removesuffix(" Foundation")
        if " " not in person:  # "Ma's foundation": the foundation of the Jack Ma named before
            return [f"{_expand([person], clause)[0]} Foundation"]
    if name is not None and name.kind in ("person", "organisation") and (
            envoy := _STATE_ROLE.search(region[:name.start])) and _country_like(envoy.group(1)):
        place = lookup_place(envoy.group(1))  # "Taiwanese President Tsai Ing-wen": Taiwan
        return [country_name(place.code) if place else envoy.group(1)]
    donors = (_expand(_donor_names(name), clause) if name is not None
              else _resolve(kind, clause, end))
    start = name.start if name is not None else end - 1
    if name is not None:
        co = [n for n in clause.names if n.end <= start and (
            n.kind != "place" or name.kind == "place") and re.fullmatch(  # "Qatar and Kuwait"
            r"\s+and\s+(?:its|his|her|their)?\s*(?:[\w-]+\s+){0,2}", region[n.end:start])]
        if co:
            donors = _donor_names(co[-1]) + donors
            start = co[-1].start
        while listed := [n for n in clause.names if n.end <= start and n.kind != "place"
                         and re.fullmatch(r",\s*(?:the\s+)?", region[n.end:start])
                         and not (n.start == 0 and " " not in n.text
                                  and _OPENER.match(region, n.end))]:
            donors = _donor_names(listed[-1]) + donors  # "Lenovo, ZTE and Haier"
            start = listed[-1].start
        m = re.search(r"\b(we|our foundation|he|she)\s+and\s+(?:the\s+)?$", region[:start],
                      re.I)
        if m:
            kind = "first_person" if m.group(1).lower().startswith(("we", "our")) else "person"
            donors = _resolve(kind, clause, m.start()) + donors
    return [d for d in donors if d]


