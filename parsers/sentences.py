"""Sentences with their offsets, for evidence that points back into the article text."""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "st", "no", "co", "inc", "ltd", "corp", "jr", "sr",
           "vs", "etc", "gov", "gen", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul",
           "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "approx",
           "rs", "tk", "ksh", "kshs", "rp",  # "Rs. 50 lakh": a currency sign, not an end
           # ranks and titles before a name: "Lt. Col. Jeffrey Bostic", "Hon. Minister"
           "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig", "hon", "rev", "fr",
           "pres", "supt", "insp", "messrs", "engr", "atty", "dept", "govt", "mt", "ft", "sra",
           "dra", "mme"}
_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“(\[]?[A-Z0-9]|\s*$|[A-Z][a-z])|\n+")

# words that open a sentence and never continue a name: after "U.S." they start a new one
_OPENER = re.compile(r"\s+(?:The|A|An|It|He|She|They|We|This|That|These|Those|Its|His|Her|"
                     r"Their|But|However|Meanwhile|In|On|At|Last|Earlier|Now)\s")


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; paragraph breaks always end one."""
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            token = _word_before(text, start, m.start()).lower()
            dotted = re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)
            if (token in _ABBREV or re.fullmatch(r"[a-z]", token) or dotted) and not (
                    dotted and _OPENER.match(text, end)):
                continue  # "the U.S. Embassy"; but "from the U.S. The firm said": an end
        span = _strip(text, start, end)
        if span:
            yield span
        start = end
    span = _strip(text, start, len(text))
    if span:
        yield span


def _word_before(text: str, start: int, dot: int) -> str:
    r"""The word (letters, digits, "_" and dots) that ends at the dot `text[dot]`, the dot left
    off: what `([\w.]+)\.$` finds in `text[start:dot + 1]`, read back from the dot instead of
    searched for from the sentence's start (which made splitting quadratic in its length)."""
    i = dot
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "_."):
        i -= 1
    return text[i:dot]


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
