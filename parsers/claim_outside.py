"""Places in a sentence that are no takers of its goods: origins and stops on the way ("loaded
in Guangzhou", "via Dubai"), the givers' own places and funders ("donated by the city of
Harbin", "funded by the Government of Japan"), sources and speakers (", according to ...",
", the ministry in Tokyo said") and the scene opening the sentence ("In Europe, ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from aidledger.parsers import claim_takers as takers
from aidledger.parsers.name_kinds import vocab
from aidledger.parsers.prefilter import may_hold

# where goods come from or pass through, not recipients (lead test: as in _DEST)
_NOT_DEST = re.compile(
    r"(?:(?<!\w)(?=\w)|^)"
    r"(?:\b(?:from|loaded|made|produced|manufactured|packed|assembled|bought|purchased|departed|"
    r"left|out of|via|through|based|headquartered|originated|emerged|began|started|broke out|"
    r"first (?:detected|reported|identified))\s+(?:in\s+|at\s+|from\s+)?(?:the\s+)?"
    r"(?:[A-Za-z]+\s+(?:city|province|region|town)\s+of\s+)?"
    r"|\bfrom\s+(?:its|their|his|her|our)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:the\s+)?"
    r"|\bfrom\s+(?:the\s+)?(?i:people|government|citizens|governments?\s+and\s+people)\s+of\s+"
    r"(?:the\s+)?"  # "a gift from the people of India to the people of Nepal"
    r"|\b(?:funded|financed|sponsored|supported|paid\s+for|made\s+possible)\s+(?:through|by|"
    r"with)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:(?:partnership|grant|funding|support|"
    r"contribution)\s+(?:with|from|by)\s+)?(?:the\s+)?(?:(?i:governments?|people)\s+of\s+)?"
    r"|\b(?:funding|financing|grants?|financial\s+support|contributions?)\s+(?:from|by)\s+"
    r"(?:the\s+)?(?:(?i:governments?|people)\s+of\s+)?"  # "supported through a partnership
    # with the Government of Japan", "with funding from the people of Japan": a funder
    r"|\bfrom\s+(?:(?!\b(?:to|for|into|towards|in)\b)[^;.:()])*?\band\s+(?:the\s+)?"  # "from
    # five Chinese companies and Dongguan municipal government": the givers' own place
    r"|\bby\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?i:governments?|government\s+and\s+people|people|"
    r"city|municipality|province|state|citizens)\s+of\s+(?:the\s+)?"  # "donated by the city of
    # Harbin": the giver's own place
    r"|\b(?:via|through)\s+(?:his|her|its|their|the)\s+(?:[\w'’-]+\s+){1,3}and\s+(?:the\s+)?"
    r"|\b(?:via|through)\s+(?:his|her|its|their|the|a|an)\s+(?:[\w'’-]+\s+){1,3}?(?:in|at)\s+"
    r"(?:the\s+)?"  # "through its subsidiary in Nigeria": the way, not the taker
    r"|\b(?:from|via|through|based\s+in|headquartered\s+in|located\s+in)\s+(?:the\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*"  # "from Guangzhou, China": the country of
    # an origin is an origin too, and so is a seat's ("a charity based in Shenzhen, China")
    r"|\bfrom\s+(?:the\s+)?(?:[a-z]+\s+|\d+\s+)?(?:countries|nations|places|suppliers|"
    r"sources),?\s+(?:namely|including|such\s+as|like|notably|especially|mainly)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,\s*|\band\s+|&\s*)(?:and\s+)?(?:the\s+)?)*"
    # "masks bought from three countries, namely Chile, Peru and Japan"
    r"|\b(?:bought|purchased|sourced|made|produced|manufactured|ordered)\s+(?:[\w,.-]+\s+){1,4}?"
    r"(?:in|from)\s+(?:the\s+)?"
    r"|\b(?i:ambassadors?|envoys?|consuls?(?:[\s-]general)?)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w.'’ -]{1,40}?\s+to\s+(?:the\s+)?"  # "to the Ambassador of Peru to China": a seat
    r"|^\s*[A-Z][A-Z .'-]{2,40},\s*)$")
# every _NOT_DEST match holds one of these words (case aside) or is the last branch, a window
# that is only a capitalised dateline and its comma (at most 42 characters, ending in the
# comma): a window with neither is not searched (most are not; same answer). Keep in step.
_NOT_DEST_WORDS = ("from", "loaded", "made", "produced", "manufactured", "packed", "assembled",
                   "bought", "purchased", "departed", "left", "out of", "via", "through",
                   "based", "headquartered", "originated", "emerged", "began", "started",
                   "broke out", "first", "funded", "financed", "sponsored", "supported", "paid",
                   "funding", "financing", "grant", "financial", "contribution", "by",
                   "sourced", "ordered", "ambassador", "envoy", "consul")


def _not_dest(near: str) -> bool:
    return (may_hold(near, _NOT_DEST_WORDS) or near.rstrip().endswith(",") and len(
        near.strip()) <= 42) and _NOT_DEST.search(near) is not None
ATTRIBUTION = re.compile(  # ", the embassy spokeswoman, Rebecca Ross, told ...": a name apposed
    r",\s+(?!(?:has|have|had|is|was|will|would|also)\s)(?:the\s+)?(?:[^,;]{0,40}?\b(?:spokes\w+|official|minister|ambassador|secretary|"
    r"director|chief|head|envoy),\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){1,2},|[^,;]{1,60}?)"
    r"\s+(?:said|says|added|adds|wrote|writes|tweeted|confirmed|announced|told|reported|"
    r"reports|stated|noted)\b"
    r"(?!\s+(?:that|it|they|he|she)\b|[^,;\d]{0,12}\d|\s+(?:the\s+(?:company|firm|group|"
    r"foundation|government)|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?:would|will|had|has|"
    r"planned\s+to|plans\s+to)\s)"  # ", when he said Apple would donate ... to": the gift
    r"[^,;]{0,80}"  # ", X said that ...": a
    # lead-in; ", the USAID has announced USD 5.9 million": the gift's own verb
    r"(?:,\s+(?:again\s+|also\s+|while\s+)?[a-z]+ing\b[^;]*)?[.!]?$")  # "..., urging ..."


@lru_cache(maxsize=256)  # asked for each place and recipient rule of the same sentence
def cut(sentence: str) -> int:
    """Where the claim's own words end: a trailing ", the ministry in Tokyo said" only says
    who speaks, so places in it are not recipients."""
    m = ATTRIBUTION.search(sentence) or _ACCORDING.search(sentence)
    return m.start() if m else len(sentence)


# ", according to Ethiopian officials and the Jack Ma Foundation.": sources, to the end
_ACCORDING = re.compile(r",\s+(?:according to|citing|as reported by)\b[^;]*$", re.I)


@lru_cache(maxsize=1)
def _givers_home() -> re.Pattern[str]:
    """ "Kenyan doctors in Britain donated": where a giving group lives, ending at the place."""
    nouns = "|".join(vocab()["words"]["peoples"])
    return re.compile(r"\b(?:" + nouns + r")\s+(?:(?:living|based|residing)\s+)?in\s+"
                      r"(?:the\s+)?$")


def outside(s: str, start: int, trig_start: int) -> bool:
    """A place that is an origin, a stop on the way, the home of a giving group, or the scene
    ("In Europe, ...") of a sentence whose goods go elsewhere."""
    before, near = s[:start], s[max(0, start - 90):start]
    return bool(_not_dest(near) and not takers.taker_seat(s, start)
                or start >= cut(s) or start < trig_start and (
                    takers.scene(before, s) or _givers_home().search(near) is not None))
