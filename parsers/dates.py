"""Dates in claim sentences: absolute ("March 13") or relative to publication ("last Friday").

The phrases a claim sentence can carry are a closed set (the `DATE_PHRASE` pattern), so they are
resolved here with date arithmetic: dateparser costs 1.2-1.6 ms a call (0.25 s the first time),
which a per-sentence extractor cannot pay. It stays the fallback for a phrase the arithmetic
does not cover.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

_MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_M = "|".join(sorted(_MONTHS, key=len, reverse=True))
# a month's name right before a day ("March 19"): that number is a date, never a count
MONTH_BEFORE = re.compile(rf"\b(?i:{_M})\.?\s+$")
_D = "|".join(WEEKDAYS)
DATE_PHRASE = re.compile(
    rf"\b(?:(?:last|this|next|on|past)\s+)?(?:{_D})\b"
    rf"|\b(?:{_M})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_M})\b(?:,?\s+\d{{4}})?"
    r"|\b(?:yesterday|today|tonight|this (?:morning|afternoon|evening|week)|last (?:week|month))\b",
    re.I)
_RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
             "this evening": 0, "this week": 0, "last week": -7}


def _base(published: datetime | date | None) -> datetime | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        if published.tzinfo is None:
            return published
        try:
            return published.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # 9999-12-31T23:00-12:00 is past the last UTC date
            return published.replace(tzinfo=None)
    return datetime.combine(published, time(12))


def _weekday(phrase: str, base: date) -> date:
    """ "last Friday", "on Friday", "Friday": the latest such day up to the base (strictly
    before it for "last"); "this/next Friday": the coming one."""
    word, _, day = phrase.rpartition(" ")
    delta = (base.weekday() - WEEKDAYS.index(day)) % 7
    if word in ("this", "next"):
        ahead = (7 - delta) % 7 or (7 if word == "next" else 0)
        return base + timedelta(days=ahead)
    if word == "last" and delta == 0:
        delta = 7
    return base - timedelta(days=delta)


def _absolute(phrase: str, base: date | None) -> date | None:
    m = re.match(rf"(?:(?P<m1>{_M})\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                 rf"(?:of\s+)?(?P<m2>{_M}))\D*?(?P<y>\d{{4}})?$", phrase)
    if not m:
        return None
    month = _MONTHS[m.group("m1") or m.group("m2")]
    day = int(m.group("d1") or m.group("d2"))
    year = int(m.group("y")) if m.group("y") else (base or datetime.now()).year
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if base is not None and not m.group("y") and found > base:
        found = found.replace(year=found.year - 1) if not (month == 2 and day == 29) else found
    return found


@lru_cache(maxsize=2048)
def _parse(phrase: str, base: datetime | None) -> str | None:
    try:
        return _resolve(phrase, base)
    except (OverflowError, ValueError):  # relative to a date near year 1 or 9999: no date
        return None


def _resolve(phrase: str, base: datetime | None) -> str | None:
    text = re.sub(r"^(?:on|past)\s+", "", phrase.strip())
    day = base.date() if base is not None else None
    if text in _RELATIVE and day is not None:
        return (day + timedelta(days=_RELATIVE[text])).isoformat()
    if text == "last month" and day is not None:
        return (day.replace(day=1) - timedelta(days=1)).replace(
            day=min(day.day, (day.replace(day=1) - timedelta(days=1)).day)).isoformat()
    if text.split()[-1] in WEEKDAYS and day is not None:
        return _weekday(text, day).isoformat()
    found = _absolute(text, day)
    return found.isoformat() if found else _dateparser(text, base)


def _dateparser(text: str, base: datetime | None) -> str | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    if base is not None and parsed.date() > base.date() and not re.search(r"\d{4}", text):
        parsed = parsed.replace(year=parsed.year - 1)
    return parsed.date().isoformat()


def date_in(sentence: str, published: datetime | date | None) -> str | None:
    """The first date phrase of the sentence as an ISO date, relative phrases resolved against
    the publication date; without one, only a phrase that states its year gives a date."""
    m = DATE_PHRASE.search(sentence)
    if not m:
        return None
    phrase, base = m.group(0).lower(), _base(published)
    if base is None and not re.search(r"\d{4}", phrase):
        return None  # "last Friday" or "May 3" in an undated text: nothing to resolve it against
    return _parse(phrase, base)
