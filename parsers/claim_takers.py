"""Names after a destination word that still take nothing: the subject of their own giving
clause, a news outlet that reports, an airport or port where goods land.

A list of gifts ("X donated 40 ventilators to the NDMA, Y contributed 28,000 gloves, Z Co.,
Ltd gave 40,000 masks") puts each giver after a comma, which also opens recipient lists; a
name followed by its own verb of giving is that clause's giver, never the earlier one's taker.
"""

from __future__ import annotations

import re

from aidledger.parsers.claim_parts import RECEIVE

_WILL_GIVE = re.compile(r"\s+(?:will|would|is|are|has|have|had)\s+(?:also\s+)?(?:be\s+)?"
                        r"[a-z]+ing\b|\s+(?:will|would)\s+(?:also\s+)?(?:donate|give|send|"
                        r"provide|make)\b")
# a name whose own verb of giving follows (after its legal form): the subject of a clause
_GIVES_NEXT = re.compile(r"(?:\s*\([^)]{1,30}\))?(?:,?\s*(?:Co|Ltd|Inc|LLC|Corp|Limited|Plc|"
                         r"PLC|Group|Pvt|Bhd|AG|SA|GmbH)\b\.?)*,?\s+(?:has\s+|have\s+|had\s+|"
                         r"also\s+|then\s+)*(?:gave|donated|provided|contributed|sent|supplied|"
                         r"delivered|handed|presented|offered|pledged|weighed\s+in)\b")
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
