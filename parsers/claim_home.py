"""The country of a receiving body that does not name it: "the National Disaster Management
Authority", "the PM CARES Fund", "the Ministry of Health", "the Lakeside Medical Center",
"the Kafue Relief Trust" in an article about one country.

A receiving organisation keeps its name and gets its country; for a body of a country's state
(a ministry, a national authority, a prime minister's fund, a national relief or
solidarity fund), a public institution or hospital, and any other body that is not an
international one (a university, a charity, a company, "the Red Cross" alone) that country is
the one its claim names beside it, else the one the article is about, even when the name does
not say it. That is the country the article names most (its recipients and places, the
dateline counted too, a dateline's US state or Canadian province as well, the page's web
address as a tie-breaker), leaving out the givers' own countries. International bodies (WHO,
UNICEF, the African Union) stay `org:<name>`, and so does a body when no country is found.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

import pycountry

from aidledger.parsers.claim_bodies import international
from aidledger.parsers.claim_givers import country_of, seatless, state_of
from aidledger.parsers.claim_locale import dateline_country, url_country
from aidledger.parsers.claim_model import Claim
from aidledger.parsers.claim_parts import FROM_ONE_IN
from aidledger.parsers.lexicon import country_name, find_places, lookup_place, org_country
from aidledger.parsers.names import vocab
from aidledger.parsers.records import Recipient
from aidledger.parsers.vocab_files import fold

_STATE_BODY = re.compile(
    r"^(?:the\s+)?(?:National|Ministry|Department|Prime\s+Minister|PM|Chief\s+Minister|CM|"
    r"Federal|Government|President|Presidential|Cabinet|Parliament|Senate|Centre|Center|Union|"
    r"State|States|Central|Provincial|Municipal)\b(?!\s+(?:University|"
    r"College|School|Bank|Museum|Theatre|Theater|Library|Zoo))"
    r"|\b(?:Ministry|Authority|Department)\s+(?:of|for)\b|\bDisaster\b|\bMinistry$"
    # "the Health Department", "the Public Health Agency", "the Civil Protection", "the Army"
    r"|\b(?:Health|Interior|Home\s+Affairs|Foreign\s+Affairs|Social\s+Welfare|Immigration|"
    r"Fire)\s+(?:Department|Office|Agency|Bureau|Directorate)$"
    r"|\bCivil\s+(?:Protection|Defen[cs]e)\b"
    r"|(?<!Salvation )\b(?:Army|Navy|Air\s+Force|Defen[cs]e\s+Forces)$"
    r"|\b(?:Relief|Solidarity|Emergency|Cares|CARES|National|Emergency\s+Response)\s+Fund$"
    r"|\bNational\s+(?:[\w-]+\s+){1,2}Fund$"  # "the COVID-19 National Trust Fund"
    # a fund named for the pandemic alone, no owner ("the COVID-19 Fund", "Covid-19 Relief Fund")
    r"|^(?:the\s+)?(?:COVID|Covid|Coronavirus|Corona)(?:-19)?\s+(?!Solidarity\s+Response)"
    r"(?:[\w-]+\s+){0,2}Fund$"
    # public institutions the article's country runs: "the King Institute of Preventive
    # Medicine", "the Central Medical Stores Depot", "Mercy General Hospital"
    r"|\b(?:Institute|Hospital|Hospitals|Depot|Medical\s+Stores|Directorate|Health\s+Services?"
    r"|Medical\s+College|Police|Armed\s+Forces)\b", re.I)
_ACRONYM = re.compile(r"((?:[A-Z][\w’'-]*\s+)(?:(?:of|for|and|in|the|&)\s+|[A-Z][\w’'-]*\s+)*?"
                      r"[A-Z][\w’'-]*)\s*\(([A-Z][A-Za-z-]{1,12})\)")


@lru_cache(maxsize=64)
def _expansions(text: str) -> dict[str, str]:
    """ "National Disaster Management Authority (NDMA)": what each acronym stands for."""
    return {m.group(2): m.group(1) for m in _ACRONYM.finditer(text)}


def defined_state_body(name: str, text: str) -> bool:
    """An acronym the article spells out as a state body ("... Authority (NDMA)")."""
    return state_body(name, _expansions(text))


def other_acronym(name: str, text: str) -> bool:
    """ "PRC" where the article spells out "Philippine Red Cross (PRC)": not the place the
    letters usually stand for."""
    full = _expansions(text).get(name) if name.isupper() else None
    return bool(full) and lookup_place(full) is None


def state_body(name: str, expansions: dict[str, str]) -> bool:
    """A body of a country's state by its name (or the name its acronym stands for)."""
    full = expansions.get(name) or expansions.get(name.split()[0], "") + " " + name
    return bool(_STATE_BODY.search(name) or _STATE_BODY.search(full.strip()))


def home_country(text: str, title: str | None, claims: list[Claim],
                 besides: frozenset[str] = frozenset(), url: str | None = None) -> str | None:
    """The country the article is about: most named, the givers' own countries aside (a
    country that also takes another's gift is no mere giver: "Pakistan" handing on goods in
    an article on China's aid to Pakistan). A dateline's state or province ("SPRINGFIELD,
    Ill. -") counts as one place named (its town not as another); the country of the page's
    web address (".ca") only breaks a tie or stands alone when nothing else is named, so a
    country the article names clearly outweighs both."""
    givers = {country_of(d) for c in claims for d in c.donors} | {  # "Bank of China"
        p.place.code for c in claims for d in c.donors for p in find_places(d)
        if re.search(r"\bof\s+(?:the\s+)?$", d[:p.start])} | _owners(text, claims)
    givers -= {r.code for c in claims for r in c.recipients
               if r.code not in {country_of(d) for d in c.donors}}
    givers |= besides  # countries ruled out for this claim: counted as givers' are
    counts: Counter[str] = Counter()  # (a web address counts half)
    seen = f"{title or ''}\n{text}"
    dateline = dateline_country(text.lstrip())
    opened = len(seen) - len(text.lstrip())  # where the text (and its dateline) starts
    if dateline and dateline[0] not in givers:
        counts[dateline[0]] += 1  # "LAKEVIEW, NY -": the United States
    for d in {seatless(d) for c in claims for d in c.donors
              if len(d) > 3 and not lookup_place(d)}:
        seen = seen.replace(d, " ")  # "Ostrava Mining Group" names no country it is about (a
        # mission's seat does: "the Chinese Embassy in Tanzania")
    for p in find_places(seen):
        if dateline and opened <= p.start < opened + dateline[1]:
            continue  # "LONDON, Ont.": the town of a state's or province's dateline
        if p.place.kind == "city" and (re.match(r" [A-Z]", seen[p.end:p.end + 2]) or re.search(
                r"(?<![.!?:])\b[A-Z][a-z]+ $", seen[max(0, p.start - 20):p.start])):
            continue  # "Tata Sons", "Ratan Tata": a name that is also a town, no place
        if _FROM.search(seen, max(0, p.start - 12), p.start) or _FROM_IN.search(
                seen, max(0, p.start - 60), p.start):
            continue  # "1,048 from China", "flights from Nevada", "from well-wishers in
            # China": where goods came from; "the Kenyan embassy in Beijing": an envoy's seat
        if (p.place.kind != "demonym" or _STATE_NOUN.match(seen, p.end)) and ":" not in \
                p.place.code and p.place.code not in givers:
            counts[p.place.code] += 1  # "the Kenyan government" names Kenya
    for c in claims:
        for r in c.recipients:
            if r.code and ":" not in r.code and r.code not in givers:
                counts[r.code] += 2
    if not counts:  # no place but in the givers' own names: a firm named for the country
        for d in {d for c in claims for d in c.donors if not country_of(d)}:  # it works in
            for p in find_places(d):  # ("MTN Ghana Foundation" gave to "the Hospital")
                if p.place.kind == "country" and p.place.code not in givers:
                    counts[p.place.code] += 1
    if (where := url_country(url)) and where not in givers:
        counts[where] += 0.5  # the web address's country: a tie broken, or the only one
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    return best if n > rest[0][1] else None


def _owners(text: str, claims: list[Claim]) -> set[str | None]:
    """The countries the text writes as a giver's owner ("China's Orvo Province", "Kenya's
    Tarn Bank"): the giver's own country, as its name's would be."""
    out: set[str | None] = set()
    for d in {d for c in claims for d in c.donors if " " in d}:
        for m in re.finditer(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+" + re.escape(d), text):
            place = lookup_place(m.group(1))
            if place is not None and place.kind == "country":
                out.add(place.code)
    return out


# currencies many countries pay in, or no one country's own
_SHARED_CURRENCIES = {"USD", "EUR", "GBP", "CHF"}


def currency_country(currency: str | None) -> str | None:
    """The country whose own currency this is ("KES": Kenya, "GHS": Ghana): the state whose
    fund or body takes money in it when the article names no country; none for the dollar,
    the euro and the other currencies money crosses borders in."""
    if not currency or currency in _SHARED_CURRENCIES or currency.startswith("X"):
        return None
    country = pycountry.countries.get(alpha_2=currency[:2])
    return country.alpha_3 if country else None


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_FROM_IN = re.compile(FROM_ONE_IN + r"|\b(?:embassy|consulate|mission|high\s+commission)\s+in\s+"
                      r"(?:the\s+)?$", re.I)
_STATE_NOUN = re.compile(r"\s+(?:government|authorities|ministry|health\s+ministry|"
                         r"president|people|capital|parliament|(?:[Hh]ealth\s+|[Pp]rime\s+)?"
                         r"[Mm]inister|[Hh]ealth\s+[Mm]inistry)\b")


@lru_cache(maxsize=8)
def _named(text: str) -> frozenset[str]:
    """The countries an article names (by name or demonym)."""
    return frozenset(p.place.code for p in find_places(text)
                     if p.place.kind in ("country", "demonym"))


# the movement's name alone ("the Red Cross", "the Red Crescent") is the country's own society,
# though the list of international bodies holds it (for its full international names)
_LOCAL_SOCIETIES = frozenset({"red cross", "red crescent"})


@cache
def _stateless_bodies() -> re.Pattern[str]:
    """The vocabulary's international bodies, their short names and the other bodies of no
    one country (the movement's bare names aside), as whole words in a name."""
    v = vocab()
    names = {*international(), *v.get("org_short", {}), *v.get("org_short", {}).values(),
             *v["words"].get("stateless_bodies", [])}
    names = {n for n in names if fold(n) not in _LOCAL_SOCIETIES}
    return re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")


def stateless(name: str) -> bool:
    """An international body with no country of its own: one of the vocabulary's (WHO, the
    African Union, Gavi, "the WHO country office"), or one named for a region ("the West
    African Health Organisation"); not "the Red Cross" alone, the country's own society."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if fold(bare) in _LOCAL_SOCIETIES:
        return False
    return bool(_stateless_bodies().search(bare) or org_country(bare) == "" or any(
        p.place.kind == "region" for p in find_places(bare)))


def place_bodies(text: str, title: str | None, claims: list[Claim],
                 url: str | None = None) -> None:
    """Give each receiving body without a country (a state body, a hospital, a university,
    a charity, a company, "the Red Cross" alone; not an international body) the one country
    its claim names beside it, else the article's country; kept `org:<name>` when neither
    is found."""
    todo = [(c, i) for c in claims for i, r in enumerate(c.recipients)
            if r.code and r.code.startswith("org:") and not org_country(r.org or r.name)]
    if not todo:
        return
    expansions = _expansions(f"{title or ''}\n{text}")
    todo = [(c, i) for c, i in todo if not stateless(c.recipients[i].org or c.recipients[i].name)
            and not stateless(expansions.get(c.recipients[i].org or c.recipients[i].name, ""))
            and not stateless(c.recipients[i].code.removeprefix("org:"))]
    home = home_country(text, title, claims, url=url) if todo else None
    for c, i in todo:
        own = {r.code for r in c.recipients if r.code and ":" not in r.code}
        # the claim's own one country ("to the X Hospital and SAMU, two hospitals in Paris,
        # France"); a state's fund takes its own money: cedis to "the Trust Fund" in an
        # article naming Ghana are Ghana's even when Ghana's own bodies give them (and the
        # article's country found without Ghana is only a town's, not a country named)
        cur = currency_country(c.currency)
        named = cur if cur and cur in _named(text) else None
        if home and home in _named(text):  # the article's country, named as one
            named = None
        where = next(iter(own)) if len(own) == 1 else named or home or cur
        if where is None:
            continue
        r = c.recipients[i]
        c.recipients[i] = Recipient(r.name, where, r.org or r.name)
    for c in {id(c): c for c, _ in todo}.values():
        kept: list[Recipient] = []
        for r in c.recipients:
            if r.code not in {k.code for k in kept}:
                kept.append(r)
        c.recipients = kept


# goods the sentence sends to countries it does not name ("to five countries other than
# China", "to 24 Latin American nations", "to its partners", "to Uganda's closest
# neighbours", "abroad", "around the world"): those, not the article's own country
OTHER_COUNTRIES = re.compile(r"\b(?:to|for|among|between)\s+(?:the\s+|its\s+|their\s+|over\s+|"
                              r"some\s+|several\s+|\d[\d,]*\s+|[a-z]+\s+)?(?:[\w’'-]+\s+){0,2}?"
                              r"(?:countries|nations|states|partners|allies|neighbou?rs|"
                              r"friends)\b|\b(?:abroad|overseas|worldwide|globally|around\s+the\s+"
                              r"(?:world|globe)|across\s+the\s+(?:world|globe))\b", re.I)


# "to the Andean nation", "for the South American country", "to fight the virus in the
# country", "to help the country fight": the article's country by a description (money too,
# which otherwise has no taker it does not name)
EPITHET = re.compile(r"\b(?:to|for|towards)\s+the\s+(?:[\w-]+\s+){1,2}?(?:nation|country|"
                      r"republic|kingdom)\b(?!\s+(?:of|and)\b)"
                      r"|\b(?:to|for|towards|into|in|help(?:ing)?|support(?:ing)?|assist(?:ing)?)\s+"
                      r"the\s+(?:nation|country)\b(?!\s+(?:of|and)\b|"
                      r"['’]s\s+(?:allies|partners|neighbou?rs))", re.I)  # "... into the country"


def _epithet(c: Claim) -> bool:
    return _after_goods(c, EPITHET) or bool(_GIVE_THE_COUNTRY.search(
        c.evidence["sentence"], 0, max(0, c.evidence["sentence"].find(c.item_label or "\0"))))


# "it will give the country $90,000": the country as the object the amount goes to
_GIVE_THE_COUNTRY = re.compile(r"\b(?:give|gives|gave|given|giving|provide[ds]?|providing|"
                               r"offer(?:s|ed)?|grant(?:s|ed)?|hand(?:s|ed)?)\s+the\s+"
                               r"(?:nation|country)\s+(?:with\s+|an?\s+)?(?:[\w-]+\s+){0,2}$",
                               re.I)


def _after_goods(c: Claim, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` follows the claim's goods in its sentence with no other amount
    between (that amount would be its own taker's; "COVID-19" is no amount)."""
    s, label = c.evidence["sentence"], c.item_label or ""
    at = s.find(label)
    m = pattern.search(s, max(0, at))
    return bool(m) and not re.search(r"\d", _VIRUS.sub("", s[at + len(label):m.start()]))


_VIRUS = re.compile(r"\b(?:covid|sars-cov)-?(?:19|2)\b", re.I)


# money given to a group of people or local bodies the sentence names by a common noun, no
# place ("R3 million to students who lost their jobs", "to help small firms and the
# people they employ", "to support nurses", "to local healthcare organizations", "to care
# homes"): a cause inside the
# article's country, which takes it as it takes goods with no taker
_PEOPLE = re.compile(r"\b(?:to|for|towards|help(?:ing)?|support(?:ing)?|assist(?:ing)?|"
                     r"benefit(?:ing)?|feed(?:ing)?)\s+(?:the\s+|its\s+|their\s+)?"
                     r"(?:[\w-]+\s+){0,2}?(?:students|workers|employees|staff|families|"
                     r"households|businesses|communities|residents|citizens|hospitals|clinics|"
                     r"patients|doctors|nurses|frontliners|farmers|vendors|traders|labou?rers|"
                     r"artists|artisans|orphans|widows|villagers|organi[sz]ations|facilities|"
                     r"providers|charities|non-?profits|NGOs|shelters|food\s+banks|hospices|"
                     r"schools|responders|(?:care|nursing|retirement)\s+homes|"
                     r"the\s+(?:poor|needy|elderly|homeless|vulnerable|unemployed))\b", re.I)


# the headline or first sentence tells what a place received: "Nigeria receives billions in
# donations", "The relief committee of the city of Hanoi on Monday received donations from
# local firms"
_RECEIVED = re.compile(r"\b(?:receives?|received|gets|got|has\s+received|have\s+received)\s+"
                       r"(?:[\w,-]+\s+){0,6}?(?:donations?|contributions|gifts|aid|support|"
                       r"funds|funding|money|cash)\b", re.I)


def _lead_taker(title: str | None, text: str) -> str | None:
    """The country of the place that receives in the headline or first sentence, if one."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])|\n", text.strip(), maxsplit=1)[0]
    for line in (title or "", first):
        m = _RECEIVED.search(line)
        if not m:
            continue
        places = [p for p in find_places(line[:m.start()]) if p.place.kind != "demonym"
                  and ":" not in p.place.code and not _FROM.search(line, 0, p.start)]
        if len({p.place.code for p in places}) == 1:
            return places[0].place.code
    return None


def _people_country(text: str, title: str | None, c: Claim, home: str | None,
                    url: str | None = None) -> str | None:
    """The country of money for people named by a noun: the one whose own currency it is, if
    the article names it; else the article's country, named outside the money's sentence
    (the giver's seat before the money, "the X Foundation in Austin, Texas", is no taker) or
    told by the page's dateline or web address alone ("SPRINGFIELD, Ill. -")."""
    cur = currency_country(c.currency)
    if cur and cur in _named(text):
        return cur
    s = c.evidence["sentence"]
    rest = f"{title or ''}\n{text.replace(s, ' ')}"
    told = {url_country(url), (dateline_country(text.lstrip()) or ("", 0))[0]}
    return home if home and (home in told or home in {
        p.place.code for p in find_places(rest)}) else None


def _people_taker(c: Claim) -> bool:
    return _after_goods(c, _PEOPLE)


def place_unplaced(text: str, title: str | None, claims: list[Claim],
                   unplaced: list[Claim], url: str | None = None) -> None:
    """Goods with no taker in an article about one country go to that country: "The
    consignment included 20,000 masks" after a statement that named none, and goods given
    with no taker in their sentence ("Huawei donated 30,000 masks" in an article on a
    consignment for Zimbabwe, "Japan will also supply 12 ventilators" in one on aid to
    Pakistan), unless the sentence sends them to countries it leaves unnamed. Never to the
    giver's own country, never money unless a description names the taker ("$5 million to
    the Andean nation"), and only when the article names one country clearly
    more than any other."""
    shared = [claims[c.parent] for c in claims  # a whole shared out among its parts goes
              if c.parent is not None and 0 <= c.parent < len(claims)]  # where they go (and
    wholes = {id(c) for c in claims if any(  # so does the headline that tells of it)
        (c.item, c.quantity) == (w.item, w.quantity) for w in shared)}
    todo = [c for c in unplaced if not c.recipients and c in claims and id(c) not in wholes]
    todo += [c for c in claims if not c.recipients and c not in todo and id(c) not in wholes
             and c.donors and (c.item != "funds" or _epithet(c) or _people_taker(c))
             and not OTHER_COUNTRIES.search(c.evidence["sentence"])]
    taker = _lead_taker(title, text)
    if taker:  # an article on what one place received: its money naming no taker too
        todo += [c for c in claims if not c.recipients and c not in todo and id(c) not in
                 wholes and c.donors and c.item == "funds"
                 and not OTHER_COUNTRIES.search(c.evidence["sentence"])]
    home = home_country(text, title, claims, url=url) if todo else None
    for c in todo:
        where = home
        if c.item == "funds" and taker and not _epithet(c):
            where = taker
        elif c.item == "funds" and not _epithet(c):  # money for people named by a noun:
            where = _people_country(text, title, c, home, url)
        if where is None:
            continue
        others = frozenset(r.code for o in claims if o is not c and ("elided_at" in o.evidence
                                                                     or _epithet(c))
                           and o.evidence.get("start") == c.evidence.get("start")
                           for r in o.recipients if r.code)
        if where in others:  # "500 to the Andean nation, and 300 to Chile": the taker of
            # the amount with its noun left out is another than the first amount's
            where = home_country(text, title, claims, others, url)
        if where is not None and where not in _own_countries(c.donors):
            c.recipients = [Recipient(country_name(where), where)]
    _kept_at_home(text, title, claims, home if todo else None, url)


def _kept_at_home(text: str, title: str | None, claims: list[Claim], home: str | None,
                  url: str | None) -> None:
    """A whole with no taker whose parts all go within the article's country ("two of the
    ventilators are headed for Tamale" after a gift received in Ghana) was given there too;
    a whole shared out abroad keeps no taker."""
    looked = home is not None  # the article's country, read once if the caller had none
    for i, c in enumerate(claims):
        if c.recipients or not c.donors or c.item == "funds" or OTHER_COUNTRIES.search(
                c.evidence.get("sentence", "")):  # "masks for workers around the world"
            continue
        codes = {r.code for p in claims if p.parent == i for r in p.recipients}
        if not codes or any(p.parent == i and not p.recipients for p in claims):
            continue
        if not looked:
            home, looked = home_country(text, title, claims, url=url), True
        if codes == {home} and home not in _own_countries(c.donors):
            c.recipients = [Recipient(country_name(home), home)]


def _own_countries(donors: list[str]) -> set[str | None]:
    """The givers' own countries: a state's, and a city's or province's ("Hainan": China)."""
    return {country_of(d) for d in donors} | {
        p.code for d in donors if (p := lookup_place(d)) is not None and ":" not in p.code}


# names of a country that are also a state of another: the state when the article is about
# that other country ("nonprofits in Georgia" in a story on American giving)
_ALSO_A_STATE = {("Georgia", "GEO"): "USA"}


def states_of_home(text: str, title: str | None, claims: list[Claim],
                   url: str | None = None) -> None:
    """Read "Georgia" as the US state in an article whose country is the United States."""
    todo = [(c, i) for c in claims for i, r in enumerate(c.recipients)
            if (r.name, r.code) in _ALSO_A_STATE]
    if not todo:
        return
    besides = frozenset(code for _, code in _ALSO_A_STATE)
    home = home_country(text, title, claims, besides, url)
    for c, i in todo:
        r = c.recipients[i]
        if _ALSO_A_STATE[(r.name, r.code)] == home:
            c.recipients[i] = Recipient(r.name, home, r.org)
    for c in {id(c): c for c, _ in todo}.values():  # "Georgia and Alabama": one country
        c.recipients = list({r.code: r for r in reversed(c.recipients)}.values())[::-1]


def not_to_itself(text: str, title: str | None, claims: list[Claim],
                  url: str | None = None) -> None:
    """A state does not give to itself: a claim whose one taker is its giving state's own
    country ("Norway" handing gloves over, read as to Norway) goes to the country the article
    is about, that state left out; kept when the article names no other country clearly."""
    todo = [c for c in claims if len(c.recipients) == 1 and c.recipients[0].code
            and c.recipients[0].code in {state_of(d) for d in c.donors}]
    for c in todo:
        home = home_country(text, title, claims, frozenset({c.recipients[0].code}), url)
        if home is not None:
            c.recipients = [Recipient(country_name(home), home)]
