"""Who "we" is in a quotation that runs over several sentences: the author named where the
quote closes ("... Thank you," writes Ma.) or on a tweet's author line, even one whose handle
the page cut short ("— Jack Ma Foundation (@foundati")."""

from __future__ import annotations

import re

from aidledger.parsers.claim_coref import expand
from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.name_kinds import name_sets

_SAYS = r"(?:said|says|wrote|writes|tweeted|tweets|added|adds|posted|posts)"
_NAME = r"([A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*){0,4})"
_NAME_SAID = r"([A-Z][\w'’-]*(?:[ ]+[A-Za-z][\w'’-]*){0,4}?)"  # "Jack ma said": case slips
_AFTER_CLOSE = re.compile(rf"\s*,?\s*(?:{_SAYS}\s+(?:the\s+)?{_NAME}|(?:the\s+)?{_NAME_SAID}"
                          rf"\s+{_SAYS}\b)")
_ATTRIBUTED = re.compile(rf"[”\"]\s*,?\s*(?:{_SAYS}\s+(?:the\s+)?{_NAME}|(?:the\s+)?{_NAME}\s+"
                         rf"{_SAYS}\b)")
# a tweet's author line: "— Jack Ma (@JackMa)", cut short ("(@foundati") or with no handle at
# all, then at the end of its paragraph ("— Mirra Foundation")
_AUTHOR_LINE = re.compile(r"[—–]\s*([A-Z][\w.'’& -]{1,60}?)\s*\(@\w*")
_BARE_AUTHOR = re.compile(r"[—–][ \t]*([A-Z][\w.'’& -]{1,60}?)[ \t]*$")
# 'Varga wrote, "...': the speaker named before the quotation opens
_LEAD_IN = re.compile(rf"\b{_NAME}\s+{_SAYS}\s*[,:]?\s*$")
_OPEN, _CLOSE = "“", "”"
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def _open_quote(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside a quotation opened earlier in the paragraph."""
    before = text[start:pos]
    if before.count(_OPEN) > before.count(_CLOSE):
        return True
    return before.count('"') % 2 == 1


def quote_author(text: str, clause: Clause) -> list[str] | None:
    """The author of the quotation holding this sentence, if the text names one."""
    if clause.start < 0 or not _FIRST_PERSON.search(clause.sentence):
        return None  # only "we" needs its speaker
    par_start, par_end = _paragraph(text, clause.start)
    window = text[clause.end:min(par_end, clause.end + 600)]
    m = _AUTHOR_LINE.search(text[clause.end:clause.end + 400]) or _BARE_AUTHOR.search(
        text[clause.end:par_end])
    if m and m.group(1).strip() not in name_sets()[0]:  # "— Reuters": a wire's credit
        return [m.group(1).strip()]
    s = clause.sentence
    inside = _open_quote(text, par_start, clause.start) or s.lstrip()[:1] in (_OPEN, '"') or (
        s.count(_OPEN) > s.count(_CLOSE)) or s.count('"') % 2 == 1
    if not inside:
        return None
    close = min((i for i in (window.find(_CLOSE), window.find('"')) if i >= 0), default=-1)
    if close >= 0 and (m := _AFTER_CLOSE.match(window, close + 1)):
        return expand([m.group(1) or m.group(2)], clause)
    said = list(_ATTRIBUTED.finditer(text, par_start, clause.start))  # '"...," said the X.
    if said:  # "We and Y will send ...": a second quote of the speaker named before'
        return expand([said[-1].group(1) or said[-1].group(2)], clause)
    opened = text.rfind(_OPEN, par_start, clause.start + 1)
    if opened < 0:
        opened = text.rfind('"', par_start, clause.start + 1)
    if opened >= 0 and (lead := _LEAD_IN.search(text, par_start, opened)):
        return expand([lead.group(1)], clause)  # 'Varga wrote, "One fight! We will send'
    return None
