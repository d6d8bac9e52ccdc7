"""Where a local article is from when its text never names its country: the state or
province its dateline writes after the town ("SPRINGFIELD, Ill. -", "LAKEVIEW, NY -",
"Marlow, Ont. (Agency) -"), and the country of its web address ("...co.uk", "...ca").

Both are signals for the country the article is about (claim_home.home_country), never
recipients of their own: the dateline counts as one place named, the address only breaks a tie
or stands alone when nothing else is named.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import pycountry

from aidledger.parsers.vocab_files import _load

# the town, then its state or province (a dotted abbreviation, a postal code), then perhaps a
# date and the agency in brackets, then the dash or colon before the story
_DATELINE = re.compile(
    r"\s*[A-Z][\w.'’ -]{1,40}?,\s*(?P<where>(?:[A-Z][a-z]{0,4}\.\s?){1,3}|[A-Z]{2}(?![\w.]))"
    r"(?:\s*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:--|—|–|―|-|:)\s")


@cache
def _states() -> dict[str, str]:
    """Abbreviation (dots and case dropped) -> country: the vocabulary's dotted forms and the
    two-letter postal codes of US states and Canadian provinces."""
    table = dict(_load("places.toml")["dateline_states"])
    for alpha2, alpha3 in (("US", "USA"), ("CA", "CAN")):
        for sub in pycountry.subdivisions.get(country_code=alpha2):
            if sub.type != "Outlying area":
                table.setdefault(sub.code.split("-")[1].lower(), alpha3)
    return table


def dateline_country(text: str) -> tuple[str, int] | None:
    """(country, end of the dateline) when the text opens with a dateline whose town is
    followed by a US state's or Canadian province's abbreviation; None otherwise."""
    m = _DATELINE.match(text[:160])
    code = _states().get(re.sub(r"[.\s]", "", m.group("where")).lower()) if m else None
    return (code, m.end()) if m and code else None


# country-code domains that sites all over the world use for their letters, not their country
_GENERIC = frozenset({"co", "me", "tv", "io", "fm", "ly", "ai", "cc", "ws", "to", "nu", "am",
                      "gg", "sh", "ac", "ms", "vc", "tk", "ml", "ga", "cf", "gq", "la", "md",
                      "pw", "cx", "st", "su", "eu", "gs"})


# the sections of a site for news from abroad: "/world/", "/international/", "/global-news/"
_ABROAD = re.compile(r"/(?:world|international|global|foreign|abroad|world-news|"
                     r"international-news|global-news|africa|asia|europe|americas|"
                     r"middle-east|mideast)(?:/|$)", re.I)


def url_country(url: str | None) -> str | None:
    """The country of a web address's country-code domain (".ca": CAN, ".co.uk": GBR, ".edu"
    and ".gov": USA); None for ".com", ".org" and the country domains used as words (".tv",
    ".io", ".co")."""
    parts = urlsplit(url) if url else None
    host = (parts.hostname or "") if parts else ""
    if parts and _ABROAD.search(parts.path):
        return None  # a national outlet's world pages report other countries' news
    tld = host.rsplit(".", 1)[-1].lower()
    if tld in ("edu", "gov", "mil"):
        return "USA"
    if tld == "uk":
        return "GBR"
    if len(tld) != 2 or tld in _GENERIC:
        return None
    country = pycountry.countries.get(alpha_2=tld.upper())
    return country.alpha_3 if country else None
