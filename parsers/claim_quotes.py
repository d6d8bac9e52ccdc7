"""Who "we" is in a quotation that runs over several sentences: the author named where the
quote closes ("... Thank you," writes Ma.) or on a tweet's author line, even one whose handle
the page cut short ("— Jack Ma Foundation (@foundati")."""

from __future__ import annotations

import re

from aidledger.parsers.claim_coref import expand, references, resolve
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
# the speaker named at the end of the paragraph before a quotation that opens its own
# paragraph ("He tweeted;", "The company said in a statement:", "Lee Ann Roe said:")
_LEAD_BEFORE = re.compile(rf"\b(?:{_NAME}|(he|she|it|they|the\s+(?:company|firm|foundation|"
                          rf"group|billionaire)))\s+{_SAYS}(?:\s+(?:in|on)\s+(?:a|an|the|"
                          rf"his|her|its)\s+[\w\s]{{0,30}}?)?\s*[,:;]?\s*$", re.I)
_OPEN, _CLOSE = "“", "”"
_MARKS = re.compile(r"[“”‘’\"]")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The line `pos` is on: the article's text holds one paragraph a line."""
    start = text.rfind("\n", 0, pos)
    end = text.find("\n", pos)
    return start + 1, (len(text) if end < 0 else end)


def _open_quote(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside a quotation opened earlier in the paragraph."""
    before = text[start:pos]
    if before.count(_OPEN) > before.count(_CLOSE):
        return True
    return before.count('"') % 2 == 1


def recalled_gift(text: str, clause: Clause, trigger: int) -> bool:
    """A speaker's quoted words about someone else's gift ("“And the people of Peru sent us
    gloves too,” the envoy said"): a memory the quote recalls, not the gift the report
    goes on to tell; a gift of the speaker's own side ("we sent") is theirs to tell."""
    if clause.start < 0 or re.search(r"\b(?:we|our)\b", clause.sentence[:trigger], re.I):
        return False
    par_start, _ = _paragraph(text, clause.start)
    return clause.sentence.lstrip().startswith((_OPEN, '"')) or _open_quote(
        text, par_start, clause.start)


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
        return _continued(text, par_start, clause)
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
    if opened >= 0 and not text[par_start:opened].strip():  # 'He tweeted;' ends the paragraph
        return _lead_before(text, par_start, clause) or _continued(  # before, or it opened
            text, par_start, clause, marked=True) or _quoted_before(  # the quotation this one
            text, par_start, clause)  # goes on with, or its speaker quoted just before
    return None


def _quoted_before(text: str, par_start: int, clause: Clause) -> list[str] | None:
    """A quotation paragraph right after a quoted one that names its speaker ('"We stand
    with you," the X said.' then '"We will send ..."'): the same speaker goes on."""
    prev = _previous_paragraph(text, par_start)
    if prev is None or text[prev[0]:prev[0] + 1] not in (_OPEN, '"'):
        return None
    said = list(_ATTRIBUTED.finditer(text, *prev))
    return expand([said[-1].group(1) or said[-1].group(2)], clause) if said else None


def _unclosed(s: str) -> int:
    """Where a quotation opened in `s` and not closed in it begins, else -1: curly double or
    single marks, or straight ones (a closing single mark before a letter is an apostrophe)."""
    opened, kind = -1, ""
    for m in _MARKS.finditer(s):
        ch, i = m.group(0), m.start()
        if opened < 0 and ch in "“‘\"":
            opened, kind = i, ch
        elif (kind, ch) in (("“", "”"), ('"', '"')) or (
                kind == "‘" and ch == "’" and not s[i + 1:i + 2].isalpha()):
            opened, kind = -1, ""
    return opened


def _previous_paragraph(text: str, par_start: int) -> tuple[int, int] | None:
    end = par_start - 1  # the line break before this paragraph
    while end > 0 and text[end - 1] == "\n":
        end -= 1  # blank lines between paragraphs
    return _paragraph(text, end - 1) if end > 0 else None


def _lead_before(text: str, par_start: int, clause: Clause) -> list[str] | None:
    """The speaker a paragraph of quotation is introduced by at the end of the one before."""
    prev = _previous_paragraph(text, par_start)
    if prev is None or not (lead := _LEAD_BEFORE.search(text, *prev)):
        return None
    return _speaking(lead.group(1) or lead.group(2), clause)


def _continued(text: str, par_start: int, clause: Clause, marked: bool = False
               ) -> list[str] | None:
    """A paragraph with no quotation mark of its own before the sentence, inside a quotation
    an earlier paragraph opened and left open (a long quote runs on over paragraphs, each
    opening again or, in looser copy, not marked at all): that quotation's speaker, named
    before it opens ('X said: "...' or 'X said:' ending the paragraph before it)."""
    if not marked and _MARKS.search(text, par_start, clause.start):
        return None
    for _ in range(3):
        prev = _previous_paragraph(text, par_start)
        if prev is None:
            return None
        p0, p1 = prev
        opened = _unclosed(text[p0:p1])
        if opened < 0:
            return None
        if lead := _LEAD_IN.search(text, p0, p0 + opened):
            return _speaking(lead.group(1), clause)
        if text[p0:p0 + opened].strip():
            return None  # opened after a sentence that names no speaker
        if found := _lead_before(text, p0, clause):
            return found
        par_start = p0  # a paragraph of the quotation itself, opened again: go on back
    return None


def _speaking(who: str, clause: Clause) -> list[str] | None:
    """The speaker as a giver: a pronoun or "the company" read back, a surname in full."""
    for pattern, kind in references():
        if pattern.fullmatch(who) and kind != "first_person":
            return resolve(kind, clause, 0) or None
    return expand([re.sub(r"^(?:The|A|An)\s+", "", who)], clause)
