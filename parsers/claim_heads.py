"""Who a person's company or foundation is, as the article tells it: "Salesforce CEO Marc
Benioff" heads Salesforce, "Rihanna started the Clara Lionel Foundation". "His company" and
"Rihanna's foundation" are those bodies, not names made of the person's."""

from __future__ import annotations

import re

from aidledger.parsers.lexicon import lookup_place

_FOUNDED = r"(?:started|founded|set up|established|created|launched)"
_FOUNDATION = r"((?:[A-Z][\w'’&.-]*\s+){1,5}(?:Foundation|Fund|Trust|Charity))"


def founded_names(donors: list[str], text: str) -> list[str]:
    """ "Rihanna's foundation has donated" where the article tells "Rihanna started the Clara
    Lionel Foundation": the foundation by the name it has, not one made of its founder's."""
    out = []
    for d in donors:
        founder = d.removesuffix(" Foundation")
        if founder != d and f"{d}" not in text:
            who = re.escape(founder)
            m = re.search(rf"\b{who}\s+(?:had\s+|has\s+)?{_FOUNDED}\s+(?:the\s+|her\s+|his\s+)?"
                          rf"{_FOUNDATION}", text) or re.search(
                rf"{_FOUNDATION},?\s+(?:which\s+(?:she|he)\s+|(?:was\s+)?){_FOUNDED}\s+(?:by\s+)?"
                rf"{who}\b", text)
            d = m.group(1).strip() if m else d
        out.append(d)
    return out


_HEADS = r"(?:CEO|chief executive(?: officer)?|president|President|chairman|Chairman|chairwoman|" \
    r"Chairwoman|managing director|Managing Director|head)"
_COMPANY = r"([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"


# heads of a body named before their title, never after it ("the WHO chief, Tedros": "chief of"
# is rarer than "chief", so it stays out of the "X, title of Y" shape)
_LEADS = rf"(?:{_HEADS}|chief|Chief|director[- ]general|Director[- ]General|secretary[- ]general|" \
    r"Secretary[- ]General|executive director|Executive Director)"


def headed(person: str, text: str) -> str | None:
    """The company the article says a person heads: "Salesforce CEO Marc Benioff", "Brad
    Smith, president of Microsoft,", "the agency's chief, Ana Ruiz" written "the X chief, Ana
    Ruiz" (the latest such phrase)."""
    who = re.escape(person)
    found = [m for m in re.finditer(rf"{_COMPANY}\s+{_LEADS},?\s+{who}\b", text)] + [
        m for m in re.finditer(rf"\b{who},\s+(?:the\s+)?{_HEADS}\s+(?:of|at)\s+{_COMPANY}",
                               text)] + [  # "the Board Chairman of the X Foundation, Prof. Y"
        m for m in re.finditer(rf"\b(?:[Bb]oard\s+)?{_LEADS}\s+(?:of|at)\s+(?:the\s+)?{_COMPANY},"
                               rf"\s+(?:(?:Prof|Dr|Mr|Mrs|Ms|Hon)\.?\s+)?{who}\b", text)]
    if not found:
        return None
    name = max(found, key=lambda m: m.start()).group(1)
    return None if lookup_place(name) else name
