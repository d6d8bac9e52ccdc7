"""Donor names as the ledger keeps them, and the last checks of a claim's parties.

The rules that find a giver return the words of the text, and a state giver keeps them: the
state is named as the text names it where it gives ("the Government of Australia", "the
Peruvian embassy", "the Republic of Chile": Government of Australia, Peruvian embassy, Republic
of Chile; "Japan donated": Japan), "the" dropped and the country spelled as written. Where the
text names no country, the country's name as the article writes it stands in: a demonym for a
state's plane or force ("A Turkish military cargo plane": Turkey), a capital that gives
("Beijing will send": China), an envoy of a demonym ("the Chinese Ambassador handed over").
Members or volunteers of a body give as the body. The checks that need the state read it back
from the name (country_of, state_of). A giver is not its own recipient: a country donor's own
code is dropped from a claim that names other recipients ("The United States will give Russia
200 ventilators, the US embassy said" goes to Russia).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from aidledger.parsers.dates import WEEKDAYS
from aidledger.parsers.lexicon import country_name, find_places, lookup_place
from aidledger.parsers.name_kinds import legal_words
from aidledger.parsers.names import classify, is_org_name, vocab
from aidledger.parsers.prefilter import may_hold
from aidledger.parsers.records import Recipient

_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?:federal|national|central|royal)\s+)?(?:government|govt|embassy|"
    r"consulate(?:[\s-]general)?|high\s+commission|people|republic|kingdom)\s+of\s+(?:the\s+)?"
    r"(?P<a>.+)$"
    r"|^(?:the\s+)?(?P<b>.+?)(?:['’]s)?\s+(?:(?:federal|national|central)\s+)?(?:government|govt|"
    r"embassy|consulate(?:\s+general)?|authorities|administration|armed forces|air force|army|"
    r"navy|military|defen[cs]e ministry|ministry of defen[cs]e|foreign ministry|"
    r"ministry of foreign affairs)$"
    r"|^(?:the\s+)?(?:ministry of foreign affairs|foreign ministry)\s+of\s+(?:the\s+)?(?P<c>.+)$",
    re.I)
_OF_COMPANY = re.compile(r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+of\s+(.+)")
_MEMBERS = re.compile(r"^(?:members|volunteers|staff|employees|workers|students|"
                      r"representatives|officials)\s+(?:of|from|at)\s+(?:the\s+)?(.+)$", re.I)


# Taiwan's missions, named for its capital: "the Taipei Economic and Cultural Office in
# Boston", "TECO-Boston", "TECRO"
_TAIPEI_MISSION = re.compile(r"(?:the\s+)?(?:Taipei\s+(?:Economic\s+and\s+Cultural\s+"
                             r"(?:Representative\s+)?|Representative\s+)Offices?|TECRO|TECO)\b")


# where a mission sits, after its name ("the Chinese Embassy in Tanzania"): not its state
_MISSION_WORD = re.compile(r"\b(?:[Ee]mbassy|[Cc]onsulate|[Hh]igh\s+[Cc]ommission)\b")
_SEAT_AFTER = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")


def _seat_code(where: str) -> str | None:
    """The country of a mission's seat: a country or a city, nothing else."""
    place = lookup_place(where) if where else None
    return place.code if place is not None and place.kind in ("country", "city") else None


def seat_of(name: str) -> tuple[str, str] | None:
    """Where a mission named with its seat sits, and that place's country ("Chinese Consulate
    General in Toronto": Toronto, CAN); None for other names."""
    m = _SEAT_AFTER.search(name) if _MISSION_WORD.search(name) else None
    where = re.sub(r"^\s+in\s+(?:the\s+)?", "", m.group(0)) if m else ""
    return (where, code) if (code := _seat_code(where)) else None


# where a mission sits, as the text names it right after the mission ("the Chinese Embassy in
# Tanzania")
_MISSION_SEAT = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def seat_after(text: str, pos: int) -> str:
    """The seat a mission named up to `pos` has in the text (" in Tanzania"), "" if none."""
    seat = _MISSION_SEAT.match(text, pos)
    return seat.group(0) if seat and _seat_code(seat.group(1)) else ""


def seatless(name: str) -> str:
    """A mission's name without the place it sits in ("Embassy of Japan in Kenya": Embassy
    of Japan), for the state it stands for; other names as they are."""
    return _SEAT_AFTER.sub("", name) if _MISSION_WORD.search(name) else name


@lru_cache(maxsize=4096)  # each claim's givers, asked again by several rules
def country_of(name: str) -> str | None:
    """The ISO code a donor name stands for when it is a country, its government or demonym."""
    if _TAIPEI_MISSION.match(name.strip()):
        return "TWN"
    place = lookup_place(name)
    if place is not None and place.kind in ("country", "demonym"):
        return place.code
    name = seatless(name.strip())  # "Chinese Embassy in Tanzania": China
    m = _GOVERNMENT.match(name)
    if m:
        place = lookup_place(m.group("a") or m.group("b") or m.group("c"))
        if place is not None and place.kind in ("country", "demonym"):
            return place.code
    return None


_SHORT = {"RUS": "Russia", "CZE": "Czech Republic", "MKD": "North Macedonia", "TUR": "Turkey",
          "COD": "Democratic Republic of the Congo", "PSE": "Palestine", "FSM": "Micronesia",
          "CIV": "Ivory Coast", "VAT": "Vatican"}


def state_name(code: str) -> str:
    """The short name news uses for a country ("Russia", "Turkey"), not its formal one: the
    stand-in where the text names no country (a demonym, a capital), until the article's own
    spelling replaces it (as_the_text_writes)."""
    return _SHORT.get(code) or country_name(code)


# a day or date the name ran on into ("the Government of Ruritania Thursday donated")
_DAY_AFTER = re.compile(r"\s+(?:on\s+)?(?:" + "|".join(d.capitalize() for d in WEEKDAYS)
                        + r")$")


def _as_written(name: str) -> str:
    """A state giver as the text names it: "the" dropped, a weekday after it too."""
    return _DAY_AFTER.sub("", re.sub(r"^the\s+", "", name.strip(), flags=re.I))


# a state's force gives as the state ("the German army": Germany), its people too
_FORCE = re.compile(r"(?:\s|^)(?:armed forces|air force|army|navy|military)$|^people\s+of\s", re.I)


def _stand_in(name: str, code: str) -> str:
    """The name of a state the text names without its country (a demonym alone: "Turkish";
    its force: "the Turkish army") is the country's short name; a name holding the country
    or the state's government or mission ("US", "Government of Japan", "Peruvian Embassy",
    "Republic of Chile") as written."""
    place = lookup_place(name)
    if (place is not None and place.kind == "demonym") or _FORCE.search(name):
        return state_name(code)
    return _as_written(name)


_ENVOY = re.compile(r"^([A-Z][\w.]*)\s+(?:President|Prime\s+Minister|Premier|Ambassador|Envoy|"
                    r"Foreign\s+Minister|Consul(?:\s+General)?)\s+[A-Z]")


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+(?=[A-Z][\w'’-]*$)")


@lru_cache(maxsize=4096)  # the same givers are named again at each step of an article
def donor_name(name: str) -> str:
    """The name the ledger keeps for a donor: as written, "the" dropped; a state, its
    government or mission as the text names it ("Canadian government", "Embassy of Japan",
    "Republic of Chile"); a person of a state's mission gives as the mission ("Director X of
    the Ruritanian Embassy": Ruritanian Embassy); a demonym alone or a capital as the country
    ("Turkish", "Beijing": Turkey, China)."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = _HONORIFIC.sub("", name)  # "Mr Ma said in a tweet": the person named before
    # by the surname (a full name keeps its title as written: "Ms Ama Boateng")
    if m := _MEMBERS.match(name):
        name = m.group(1)
    if (m := _OF_COMPANY.fullmatch(name)) and classify(m.group(1)) == "person":
        if (code := country_of(m.group(2))) and not code.startswith("region:"):
            return _stand_in(m.group(2), code)  # "Director X of the Ruritanian Embassy"
        if is_org_name(firm := _home_free(m.group(2))) or _firm_like(firm):
            name = m.group(1)  # "Deji Adeleke of Pacific Holding Ltd" gives himself
    name = _role_holder(name)
    if (dated := _DAY_AFTER.sub("", name)) != name and country_of(dated):
        name = dated  # "the Government of Ruritania Thursday donated"
    place = lookup_place(name)
    if place is not None and place.kind == "city" and name in vocab()["words"]["capitals"]:
        return state_name(place.code)  # "Beijing will send"
    if (envoy := _ENVOY.match(name)) and lookup_place(envoy.group(1)):
        name = envoy.group(1)  # "US Ambassador John Sullivan" hands over for the US
    code = country_of(name)
    if code is not None and not code.startswith("region:"):
        return _stand_in(name, code)
    return name


# "WHO Representative to Maldives Dr X", "UNICEF Country Representative": the agency acts
_AGENCY_ROLE = re.compile(r"(.+?)\s+(?:(?:Resident|Country|Chief|Chef|Regional|Acting|Deputy|"
                          r"Special)\s+)?Representative\b.*")
# "Chairperson of Reliance Foundation Nita Ambani": a role of a body, then maybe its holder
_ROLE_OF = re.compile(r"(?:(?:Founder|Vice|Deputy|Executive|Managing|Acting)[\s-]+)?(?:"
                      r"Chairperson|Chairman|Chairwoman|Chair|President|CEO|Founder|Co-founder|"
                      r"Director|Head|Representative|Trustee)\s+of\s+(?:the\s+)?(.+)")


def _role_holder(name: str) -> str:
    """The giver a role names: the person named after "Role of Body" ("Chairperson of
    Reliance Foundation Nita Ambani": Nita Ambani, as "X of Body" is X), else the body;
    an agency's representative ("WHO Representative Dr X") hands over for the agency."""
    if (m := _ROLE_OF.fullmatch(name)) and m.group(1)[:1].isupper():
        words = m.group(1).split()
        for k in range(len(words) - 2, 0, -1):
            body, holder = " ".join(words[:k]), " ".join(words[k:])
            if is_org_name(body) and classify(holder) == "person" and not is_org_name(holder):
                return holder
        return m.group(1) if is_org_name(m.group(1)) else name
    if (m := _AGENCY_ROLE.fullmatch(name)) and not lookup_place(m.group(1)) and is_org_name(
            m.group(1)):
        return m.group(1)
    return name


_HOME = re.compile(r"(.+?)\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")


def _home_free(firm: str) -> str:
    """The firm without the country it is "of" ("Orvo Holdings Limited of Singapore")."""
    m = _HOME.fullmatch(firm)
    return m.group(1) if m and lookup_place(m.group(2)) else firm


def _firm_like(name: str) -> bool:
    """A capitalised name of two words or more that is no place ("Amperion Power
    Distribution"): after a person's name and "of", the firm the person heads."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not lookup_place(name)


def giver_key(donor: str) -> str:
    """What two claims compare to tell one giver: a state however the text names it ("Peru",
    "Peruvian Embassy", "the government of Peru" are one), else the name in lower case."""
    code = country_of(donor)
    return f"state:{code}" if code and not code.startswith("region:") else donor.lower()


def ampersand_pairs(donors: Sequence[str], text: str) -> list[str]:
    """ "Orvex & Tarsa" is two givers when the article names one of them alone too
    ("Tarsa's depot"); "Procter & Gamble", never named so, stays one."""
    out: list[str] = []
    for d in donors:
        parts = d.split(" & ") if " & " in d else [d]
        if len(parts) == 2 and parts[0] != parts[1] and all(
                _ALONE.fullmatch(p) for p in parts) and any(
                re.search(rf"(?<!& )(?<!&)\b{re.escape(p)}\b(?!\s*&)", text) for p in parts):
            out += parts
        else:
            out.append(d)
    return out


_ALONE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?")


_REGION_WORD = re.compile(r"(?:(?:Central|South|North|East|West|Southeast|Latin|Western|Eastern|"
                          r"Northern|Southern)\s+)?(?:[A-Z][a-z]+(?:an|ean|ic))")


def donor_names(names: Sequence[str]) -> list[str]:
    """Each giver once, a state once however often and however the claim names it ("the
    Peruvian Embassy ... Peru": the first)."""
    out: list[str] = []
    states: set[str] = set()
    for n in names:
        if not n.strip():
            continue
        d = donor_name(n)
        code = country_of(d)
        if d in out or (code is not None and code in states):
            continue
        if _REGION_WORD.fullmatch(d) and ((p := lookup_place(d)) is not None and p.kind == (
                "region") or p is None and " " in d):
            continue  # "the European shipment", "the Central American ally's": a region's
            # adjective, no giver
        out.append(d)
        if code is not None:
            states.add(code)
    return out


def as_the_text_writes(donors: Sequence[str], text: str) -> list[str]:
    """A country's stand-in name the text never wrote (from "Turkish", "Beijing", a
    "Japanese" envoy) is the country as the article writes it, most often ("UK", "U.S.",
    "Korea"): the ledger's name for a giver is one the text gives."""
    codes = {d: country_of(d) for d in donors}
    if not any(code and not code.startswith("region:") for code in codes.values()):
        return list(donors)
    forms: dict[str, Counter[str]] = {}
    for p in find_places(text):
        if p.place.kind == "country":  # "American" writes no name of the country
            forms.setdefault(p.place.code, Counter())[re.sub(r"^the\s+", "", p.text,
                                                              flags=re.I)] += 1
    out = []
    for d in donors:
        written = forms.get(codes[d] or "", Counter())
        if d == state_name(codes[d] or "") and written and d not in written:
            d = written.most_common(1)[0][0]
        out.append(d)
    return out


# a state's office, envoy or house named with its country ("the Ruritanian Ambassador",
# "the Senate of the Republic of Ruritania")
_STATE_OFFICE = re.compile(r"\b(?:High\s+Commission(?:er)?|Ambassador|Embassy|Consul|Consulate|"
                           r"Parliament|House\s+of\s+Representatives|Senate|Government|"
                           r"Ministry|Minister|Communist\s+Party)\b", re.I)


def state_of(donor: str) -> str | None:
    """The country a giving state, its government, envoy or house stands for."""
    if (code := country_of(donor)) or not _STATE_OFFICE.search(donor):
        return code
    found = [p.place.code for p in find_places(donor) if p.place.kind in ("country", "demonym")]
    return found[0] if len(set(found)) == 1 else None


def without_own_country(donors: Sequence[str], recipients: list[Recipient]
                        ) -> list[Recipient]:
    """A country's gift goes to others: its own code goes when other recipients remain."""
    own = {state_of(d) for d in donors} - {None}
    if not own:
        return recipients
    kept = [r for r in recipients if r.code not in own]
    return kept if kept else recipients


_ENVOY_PHRASE = re.compile(r"(?:\b([A-Z][a-z]+)['’]s|\b[Tt]he\s+([A-Z][a-z]+)|^\W*([A-Z][a-z]+)|"
                           r"[A-Z][a-z]+,\s+([A-Z][a-z]+))\s+"
                           r"(?:new\s+|outgoing\s+|acting\s+)?(?:ambassador|envoy|consul(?:\s+general)?|"
                           r"charg[eé] d'affaires|embassy|consulate(?:[\s-]general)?)\b", re.I)

_ENVOY_OF = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul(?:[\s-][Gg]eneral)?|"
                       r"[Cc]harg[eé]\s+d['’]\s?[Aa]ffaires\s+(?:at|of)\s+the\s+[Ee]mbassy)\s+of\s+"
                       r"(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")  # "Chargé d'Affaires
# at the Embassy of Oman"

_ENVOY_WORDS = ("ambassador", "envoy", "consul", "charg", "embassy")  # one in every match


def envoy_state(region: str) -> str | None:
    """ "China's Ambassador to Pakistan Yao Jing handed over": an envoy gives for the state."""
    if not may_hold(region, _ENVOY_WORDS):  # (every match of both patterns holds one)
        return None
    found = list(_ENVOY_PHRASE.finditer(region))
    of = list(_ENVOY_OF.finditer(region))
    if of and (not found or of[-1].start() > found[-1].start()):  # "The Ambassador of
        m = of[-1]  # Switzerland to Thailand, Anna Meier, handed over": Switzerland
        if re.search(r"\b(?:to|for|from|with|by|at|of)\s+(?:the\s+)?$", region[:m.start()]) or \
                len(region) - m.end() > 70 or re.search(r"[.;]", region[m.end():]):
            return None
        return government_state(m.group(1))
    if not found:
        return None
    m = found[-1]
    if re.search(r"\b(?:to|for|from|with|by|at|of)\s+(?:the\s+)?$", region[:m.start()]) or len(
            region) - m.end() > 70:
        return None
    if m.group(4) is None and re.search(r"[,;]\s*$", region[m.end():].strip()[-2:]):
        return None
    if m.group(4) is not None and not re.fullmatch(r"[^,;]*,\s*", region[m.end():]):
        return None  # "Chao Xiaoliang, Chinese Ambassador to Samoa, donated": the aside names
    group = next(g for g in (1, 2, 3, 4) if m.group(g) is not None)
    state = government_state(m.group(group))  # the envoy's state; its mission as written
    if state is not None and lookup_place(state) is not None and re.search(
            r"(?:embassy|consulate(?:[\s-]general)?)$", m.group(0), re.I):  # ("the Peruvian
        # Embassy donated", "the Chinese Consulate General")
        return f"{m.group(group)}{region[m.end(group):m.end()]}{seat_after(region, m.end())}"
    return state


def government_state(name: str) -> str | None:
    """The state a phrase ending in a place names: a country as written ("Japan's" ->
    "Japan"), a demonym's country ("Japanese" -> "Japan", in the article's spelling later),
    a state itself ("the New South Wales government"); the longest place name that ends the
    phrase decides ("South Korean", not "Korean")."""
    words = name.split()
    for i in range(len(words)):
        place = lookup_place(" ".join(words[i:]))
        if place is not None:
            if place.kind == "demonym":
                return state_name(place.code)
            return re.sub(r"['’]s$", "", " ".join(words[i:]))
    return None


# what a firm's full name adds to the short name an article goes on with: its country or
# city, its line and its legal form ("Hyundai Motor India", "Tarsa Bank Ghana Ltd")
_FIRM_TAIL = frozenset(("Motor", "Motors", "Bank", "International", "Industries",
                        "Technologies", "Technology", "Energy", "Electronics", "Pharmaceuticals",
                        "Pharma", "Telecom", "Airlines", "Foods", "Steel", "Power", "Holdings",
                        "Group", "Corporation", "Company", "Mining", "Resources", "Logistics",
                        "Metals", "Oil", "Petroleum", "Gas", "Chemicals", "Petrochemicals",
                        "Cement", "Insurance", "Airways", "Automotive", "Communications",
                        "Telecommunications", "Systems", "Solutions", "Enterprises",
                        "Entertainment", "Media", "Capital", "Financial", "Properties",
                        "Construction", "Engineering", "Healthcare", "Semiconductor",
                        "Semiconductors", "Textiles", "Breweries", "Beverages", "Investments",
                        "Networks", "Manufacturing", "Shipping", "Trading", "Games", "Studios",
                        "Software", "Labs", "Pictures")
                       ) | legal_words()
_LEGAL_PREFIX = re.compile(r"(?:PT|CV|JSC|OJSC|PJSC|M/s\.?)\s+$")  # "PT Adaro Energy Tbk"

_TAIL = re.compile(r"(?:[^\S\n]+[A-Z][\w.&-]*){1,3}")
_ROLE_NEXT = re.compile(r"\s+(?:CEO|chief|Chief|president|President|chairman|Chairman|head|"
                        r"managing|Managing|director|Director|spokes\w+|executive|Executive)\b")


_BODY_HEAD = re.compile(r"\s(?:University|College|School|Institute|Academy|Hospital|Church|"
                        r"Association|Society|Club|Group|Company|Corporation|Bank|Council|"
                        r"Federation|Union|Chamber of Commerce)$")  # (a firm's foundation is a
# giver of its own: "Fosun" is not the "Shanghai Fosun Foundation")


def named_in_full(donors: Sequence[str], found: Sequence[str]) -> list[str]:
    """A body given by one word of its name ("Brock has donated 3,000 gloves") is named as the
    article wrote it in full: the first of `found` (the article's names of more than one word
    that are no place) holding that word, not as its first (firm_full_names reads those), and
    ending in a body's head ("Wilfrid Brock University")."""
    todo = [d for d in donors if d and " " not in d and d[0].isupper() and not d.isupper()
            and lookup_place(d) is None]
    if not todo:
        return list(donors)
    out = []
    for d in donors:
        if d in todo:
            d = next((n for n in found if d in n.split()[1:] and _BODY_HEAD.search(n)), d)
        out.append(d)
    return out


def firm_full_names(donors: Sequence[str], text: str) -> list[str]:
    """A firm given by the short name the article goes on with ("Hyundai has donated") is
    named as the article first wrote it in full ("Hyundai Motor India today announced"),
    when what the full name adds is only its place, line of business or legal form; not a
    person's name, a foundation (a giver of its own), or a name before a role ("Orvo Peru
    CEO Ana Ruiz")."""
    out = []
    for d in donors:
        first = re.search(rf"(?<![\w-]){re.escape(d)}(?![\w-])", text) if d and d[
            0].isupper() and len(d.split()) <= 2 and not country_of(d) else None
        if first and (m := _TAIL.match(text, first.end())):
            tail = m.group(0).split()
            while tail and not (tail[-1] in _FIRM_TAIL or lookup_place(tail[-1])):
                tail = tail[:-1]  # "Hyundai Motor India Today": the words that fit only
            fits = tail and all(w in _FIRM_TAIL or lookup_place(w) or lookup_place(
                " ".join(tail[i:])) for i, w in enumerate(tail))
            full = f"{d} {' '.join(tail)}" if fits else None
            if full and not _ROLE_NEXT.match(text, first.start() + len(full)):
                lead = _LEGAL_PREFIX.search(text, max(0, first.start() - 5), first.start())
                d = f"{lead.group(0)}{full}" if lead else full
        out.append(d)
    return out
