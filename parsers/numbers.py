"""Quantities as journalists write them: digits, separators, scale words and number words.

News copy mixes "300,000", "1,00,000" (Indian grouping), "1.8 million", "400k", "2.1 lakh",
"half a million" and "two hundred thousand" in one article, often behind "more than" or a
currency sign. One scanner finds them all with offsets, so the claim extractor can ask "which
number sits right before this item?" without re-parsing. Values are exact integers (Decimal
arithmetic, no float rounding: 1.8 million is 1800000, not 1799999); absurd values are dropped
to None rather than raising, the raw text is always kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from aidledger.parsers.prefilter import may_hold
from aidledger.parsers.vocab_files import _load

MAX_VALUE = 10**13  # above this a "quantity" is a typo, an ID or an attack, not a donation
# (one limit for prose and tables: parsers/cells.py reads its cells against the same value)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {
    "hundred": 100, "thousand": 1000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
    "million": 10**6, "crore": 10**7, "crores": 10**7, "billion": 10**9, "trillion": 10**12,
    "k": 1000, "cr": 10**7, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "b": 10**9,
    "tn": 10**12,
}
FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "third": Decimal(1) / 3}
APPROX = ("more than", "over", "nearly", "almost", "around", "about", "up to", "some",
          "at least", "roughly", "approximately", "close to", "in excess of", "an estimated",
          "upwards of", "as many as", "a total of", "totalling", "totaling", "a further",
          "another", "an additional", "under", "less than", "fewer than")

# sign or code before the amount / word after it -> ISO 4217 (vocab/currencies.toml)
_CURRENCIES = _load("currencies.toml")
CURRENCY_PREFIX: dict[str, str] = _CURRENCIES["prefix"]
CURRENCY_SUFFIX: dict[str, str] = _CURRENCIES["suffix"]

_NUMWORD = "|".join(sorted([*UNITS, "hundred", "thousand", "million", "billion", "trillion",
                            "lakh", "lakhs", "crore", "crores"], key=len, reverse=True))
_SCALEWORD = r"hundred|thousand|lakhs?|lac|million|crores?|billion|trillion"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
           "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Jan.", "Feb.", "Mar.", "Apr.",
           "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")
_NO_DATE_BEFORE = "".join(f"(?<!{re.escape(m)} )" for m in _MONTHS) + r"(?<!\d )(?<!, )"
_DIGITS = (r"\d+(?:\.\d+)?[eE][+-]?\d{1,6}(?![\d.])"  # "1e400": seen whole, value None
           r"|[1-9]\d{0,2}(?:\.\d{3})+(?![\d.,%]|\s*(?:k|m|mn|mln|bn|b|tn|cr|per\s*cent|percent)\b"
           rf"|(?:\s+|-)(?:{_SCALEWORD}))"  # "200.000 masks": a European thousands dot
           rf"|\d{{1,3}},\d(?=(?:\s+|-)(?:{_SCALEWORD})\b)"  # "1,1 million": a decimal comma
           r"|\d{1,3}(?:,\d{2,3})+(?:\.\d+)?(?!\d)"  # 300,000 / 1,00,000 / 1,234.5
           r"|\d{1,3}(?:, 000)+(?![\d,.]\d)"  # "50, 000 masks": a space slipped in after the
           # comma; only a group of zeros ("on May 5, 300 masks" are two numbers), or any
           # group when no month or day word is before it ("87, 315 masks")
           r"|" + _NO_DATE_BEFORE + r"[1-9]\d{0,2}(?:, \d{3})+(?![\d,.]\d)(?!,? (?:and|or) )"
           r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)"  # 300 000 with a narrow space
           r"|(?<!\d\s)\d{1,3}(?: \d{3})+(?![\d,.]\d)"  # "60 000 protective suits"
           r"|\d+(?:\.\d+)?")
_WORDS = (rf"(?:(?:a|an|one|two|three)\s+)?(?:half|quarter|third)[\s-]+(?:of\s+)?(?:an?\s+)?"
          rf"(?:{_SCALEWORD})"
          rf"|(?:an?\s+(?=(?:{_SCALEWORD}|dozen)\b))?(?:{_NUMWORD})"
          rf"(?:(?:\s+and\s+|\s*-\s*|\s+)(?:an?\s+half\b|{_NUMWORD}))*"
          rf"(?:(?:(?<=hundred)|(?<=thousand))-\d{{1,3}}(?![\d,.]))?")  # "two-thousand-500"
_LEAD = (r"(?:(?<![\w.,$^])|(?<=[a-z],))"  # "masks,5,000 suits": a space lost after a comma
         r"(?<![A-Za-z]-)(?<!covid )(?<!#)")
_APPROX = rf"(?P<approx>(?:{'|'.join(APPROX)})\s+)?"
_SIGN = (r"(?P<cur>(?:(?:(?:US|HK|NT|A|C|S|R|NZ|J|TT|EC|BDS|BD|G)?\$|GH¢|¥|￥|€|£|₹|₩|₦|₱|฿|"
         r"RMB|CNY|USD|EUR|GBP|HKD|"
         r"AUD|INR|JPY|KRW|SGD|CAD|CHF|NGN|ZAR|KES|NPR|PKR|BDT|PHP|MYR|IDR|THB|AED|SAR|EGP|GHS|UGX|"
         r"TZS|NZD|VND|SEK|NOK|DKK|ETB|ZMW|MWK|KWD|QAR|QR|OMR|BHD|Rs\.?|Kshs\.?|K?Shs?\.?|U[Ss]hs?\.?|T[Ss]hs?\.?|Tk\.?|"
         r"RM|Rp\.?|Baht|Birr|Dhs?)\s?"
         r"|[NRP](?=\d[\d,.]*(?:\s*|-)(?:billion|million|bn|m)\b)))?")
_NUMBER = re.compile(
    _LEAD + _APPROX + _SIGN +
    rf"(?P<num>(?:{_DIGITS})(?:\s*(?:k|K|m|M|mn|mln|bn|b|tn)(?![\w'-])|\s*-?(?:crores?|cr|lakhs?)\b"
    rf"|(?:(?:\s+|-|(?<=\d))(?:{_SCALEWORD}))+)?"
    rf"|\b(?:{_WORDS}))(?:(?![\w])|(?<=\d)(?=(?:pcs?|pairs?|sets|units|nos)\b))"  # "10,000pcs"
    rf"(?!-(?!plus\b|odd\b)[^\W\d_])"  # "three-ply masks": no count
    r"(?!-?\s(?:ply|layers?)\b)"  # nor "3- ply", "3 ply", "3 layer" as printed
    rf"(?![,.]\d)(?!(?:\s+|-)(?:{_SCALEWORD})\b)"  # never a part of a longer number
    rf"(?P<pct>\s*(?:%|per\s*cent\b|percent\b))?",
    re.I,
)
_VAGUE = re.compile(
    r"\b(?:(?:tens|hundreds|thousands|millions|billions|dozens|scores)(?:\s+(?:and|or)\s+"
    r"(?:tens|hundreds|thousands|millions|billions))?(?:\s+of\s+(?:thousands|millions))?"
    r"|(?:several|a\s+few|many|a\s+number\s+of)\s+(?:hundred|thousand|million)s?"
    r"|(?:lakhs|crores)"
    r"|(?:a\s+)?large\s+(?:number|quantity|quantities|amount)s?|a\s+batch|batches"
    r"|(?:a\s+)?lots?)\s+of\b"
    r"|\b(?:several|a\s+few|many|some)\s+(?:hundred|thousand|million)(?!\s+of\b)\b",
    re.I,
)
_BARE_US = re.compile(r"(?<=[a-z])\s+(?:US|U\.S\.)(?=\s*[,;)]|\s*\.?\s*$|\.\s|\s+(?:to|for|in|"
                      r"towards|and|as|from|on|at|by|into|worth|each)\b)")  # not "US troops"
_SUFFIX_CUR = re.compile(
    r"\s*(?:of\s+)?(" + "|".join(sorted(map(re.escape, CURRENCY_SUFFIX), key=len, reverse=True))
    + r")\b", re.I)


# currencies counted in lakhs and crores (South Asia)
LAKH_CURRENCIES = frozenset({"INR", "PKR", "BDT", "NPR", "LKR"})
_LAKH_LETTER = re.compile(r"\s?L(?![\w'’-])")


@dataclass(frozen=True)
class NumberMention:
    """A number in running text; `value` is None when vague or out of range (raw is kept)."""

    start: int
    end: int
    raw: str
    value: int | None
    approx: str | None = None  # "more than", "nearly", ... (the claim keeps the stated X)
    currency: str | None = None  # ISO 4217 when written with a sign, code or currency word
    percent: bool = False
    vague: bool = False  # "thousands of": a donation with no usable number
    num_start: int = -1  # where the digits/words begin (after approx and currency sign)


_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _decimal(token: str, dots: bool = False) -> Decimal | None:
    """The value of a digit token, reading commas and narrow spaces as group separators (and
    dots too when `dots`: "200.000" with no scale word or percent after it)."""
    if "e" in token.lower():  # "1e400", "1e5": no journalist writes that; unreadable
        return None
    if re.fullmatch(r"\d{1,3},\d", token):  # "1,1 million" (only ever before a scale word)
        token = token.replace(",", ".")
    if dots and _DOT_GROUPS.fullmatch(token):
        token = token.replace(".", "")
    cleaned = re.sub(r"[, \u00a0\u202f\u2009]", "", token)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _words_value(words: list[str]) -> Decimal | None:
    """Classic word-number fold: units add, "hundred" multiplies, big scales close a group."""
    total, current, seen = Decimal(0), Decimal(0), False
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("a", "an") and i + 1 < len(words) and words[i + 1] == "half" and seen:
            current += Decimal("0.5") if seen else Decimal(0)  # "one and a half million"
            i += 2
            continue
        if w in ("a", "an", "of"):
            current = current or Decimal(1) if w != "of" else current
            i += 1
            continue
        if w in FRACTIONS:
            current = (current or Decimal(1)) * FRACTIONS[w]
            seen = True
        elif w.isdigit() and seen:  # the digits closing "two-thousand-500"
            current += Decimal(w)
        elif w == "dozen":  # "a dozen", "two dozen"
            current = (current or Decimal(1)) * 12
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w == "hundred":
            current = (current or Decimal(1)) * 100
            seen = True
        elif w in SCALES:
            total += (current or Decimal(1)) * SCALES[w]
            current, seen = Decimal(0), True
        elif w != "and":
            return None
        i += 1
    return total + current if seen else None


def _num_value(num: str, percent: bool = False) -> Decimal | None:
    m = re.match(rf"({_DIGITS})\s*(.*)$", num, re.S)
    if m:
        base = _decimal(m.group(1), dots=not percent and not m.group(2).strip())
        if base is None:
            return None
        for scale in m.group(2).lower().replace("-", " ").split():  # "R1.5-billion"
            if scale not in SCALES:
                return None
            base *= SCALES[scale]
        return base
    words = [w for w in re.split(r"[\s-]+", num.lower()) if w]
    return _words_value(words)


def quantity_warning(raw: str) -> str:
    """Why a written number gave no quantity, in the words the table parser uses, so a prose
    claim and a table row with the same unreadable cell carry the same warning."""
    digits = re.sub(r"[,\s.]", "", raw)
    if digits.isdigit() and int(digits) > MAX_VALUE:
        return f"implausible quantity {raw!r}"
    return f"unparsable quantity {raw!r}"


def _to_int(value: Decimal | None) -> int | None:
    if value is None or value < 0 or value > MAX_VALUE:
        return None
    return int(value.to_integral_value())


@lru_cache(maxsize=4096)
def parse_number(text: str) -> int | None:
    """The value of a whole number expression ("2.1 lakh" -> 210000), else None."""
    found = find_numbers(text.strip())
    return found[0].value if len(found) == 1 and not found[0].percent else None


def _negative(text: str, start: int) -> bool:
    """A minus sign right before the number ("-5,000 masks"), not a range dash ("5,000-10,000")
    nor a list's bullet after a colon or semicolon ("the items include; -100,000 masks")."""
    return start > 0 and text[start - 1] in "-\u2212" and (
        start == 1 or not text[start - 2].isalnum()) and not (
        start > 2 and text[start - 2].isspace() and text[:start - 1].rstrip()[-1:] in (";", ":"))


_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
                           r"\.?\s$", re.I)


_DATE_BEFORE = re.compile(r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
                          r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)"
                          r",?\s+$|\b(?:in|since|year|fiscal|fy)\s+$", re.I)
# "15,000 to 20,000 masks", "100,000-300,000 masks": a range is no count
_RANGE_BEFORE = re.compile(r"\d(?:\s*(?:million|thousand|lakh|crore|[mk]))?\s*(?:to|-|–|or)\s*$"
                           r"|\bbetween\s+\S+\s+and\s+$", re.I)


def _mention(m: re.Match[str], text: str) -> NumberMention | None:
    num = m.group("num")
    if not num.strip() or num.lower() in ("a", "an") or re.fullmatch(r"0{2,}", num):
        return None  # "R1 000" split by a prefix: the zeros alone are no number
    if re.fullmatch(r"(?:thousand|million|billion|trillion|lakh|crore)s?", num, re.I):
        return None  # a scale word with no number or "a": "K10 million"'s tail, "million dollars"
    if re.match(r"\d{1,3} \d{3}", num) and _MONTH_BEFORE.search(text[:m.start()]):
        return None  # "May 20 100 masks": a day, then a count
    if re.fullmatch(r"(?:19|20)\d\d", num) and _DATE_BEFORE.search(text[:m.start()]):
        return None  # "on 10th July, 2020 for the use of ...": a year, not 2,020 masks
    pct = bool(m.group("pct"))
    value = None if _negative(text, m.start()) else _num_value(num, pct)  # none negative
    approx = m.group("approx")
    currency = None
    if m.group("cur") and m.group("cur")[0].isalpha() and re.fullmatch(r"[A-Z][a-z]+", num):
        return None  # "the Free SHS One Meal vendors": a code-like word, then a name (not
        # "Rs One Crore" in a headline)
    if m.group("cur"):
        currency = CURRENCY_PREFIX.get(m.group("cur").strip().lower())
    end = m.end()
    if not m.group("pct"):
        suffix = _SUFFIX_CUR.match(text, end)
        bare_dollar = (m.group("cur") or "").strip() == "$" and suffix is not None and \
            suffix.group(1).lower().endswith(" dollars")  # "$90 million Jamaican dollars"
        if suffix and (currency is None or suffix.group(1).lower() in ("yuan", "rmb")
                       or bare_dollar):
            currency = CURRENCY_SUFFIX[suffix.group(1).lower()] if bare_dollar else (
                currency or CURRENCY_SUFFIX[suffix.group(1).lower()])
            end = suffix.end()
        elif currency is None and (us := _BARE_US.match(text, end)):  # "5 Million US": dollars
            currency, end = "USD", us.end()
    if currency in LAKH_CURRENCIES and value is not None and not pct and (
            lakh := _LAKH_LETTER.match(text, end)) and re.fullmatch(r"\d+(?:\.\d+)?", num):
        value, end = value * 100_000, lakh.end()  # "Rs 24 L", "Rs 5L": lakhs in a headline
    return NumberMention(
        start=m.start(), end=end, raw=text[m.start():end], value=_to_int(value),
        approx=approx.strip().lower() if approx else None, currency=currency,
        percent=bool(m.group("pct")), num_start=m.start("cur") if m.group("cur") else
        m.start("num"),
    )


# every _NUMBER match has a digit or one of these words, every _VAGUE match one of those:
# a sentence with none is not scanned (most have none; same result, a fraction of the time)
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = (*UNITS, "hundred", "thousand", "million", "billion", "trillion", "lakh",
                 "crore", *FRACTIONS)
_VAGUE_WORDS = ("tens", "hundred", "thousand", "million", "billions", "dozens", "scores",
                "lakhs", "crores", "large", "batch", "lot")


# A match starts at most _REACH characters before its first digit or number word: the
# longest approx phrase, a currency sign or code (at most 5 characters: "KShs."), "an " and
# one space after each (tests/parsers/test_numbers.py checks it against the pattern). So the
# search for the next match starts that far before the next digit or number word, not at
# every word before it; a text with a wider space, or a letter whose case folds onto another
# ("ſ", "ı", "İ"), is searched from its start.
_REACH = max(map(len, APPROX)) + 1 + 6 + 3
_WIDE_SPACE = re.compile(r"\s\s")
_DIGIT_RUN = re.compile(r"\d+")


def _number_matches(text: str) -> list[re.Match[str]]:
    """The matches of _NUMBER.finditer(text), left to right."""
    low = text.lower()
    if _WIDE_SPACE.search(text) or len(low) != len(text) or not text.isascii() and any(
            c in text for c in ("İ", "ı", "ſ")):
        return list(_NUMBER.finditer(text))
    cores = [d.start() for d in _DIGIT_RUN.finditer(text)]  # a number's digits start a run
    for w in _NUMBER_WORDS:  # and its first word starts a word
        i = low.find(w)
        while i >= 0:
            if not i or not (text[i - 1].isalnum() or text[i - 1] == "_"):
                cores.append(i)
            i = low.find(w, i + 1)
    out: list[re.Match[str]] = []
    pos = 0  # where the last match ends: no match starts before the next core's reach
    for c in sorted(cores):
        if c >= pos:
            if (m := _NUMBER.search(text, max(pos, c - _REACH))) is None:
                break
            out.append(m)
            pos = m.end()
    return out


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in `text`, left to right, with offsets into `text`."""
    out: list[NumberMention] = []
    if _DIGIT.search(text) or may_hold(text, _NUMBER_WORDS):
        for m in _number_matches(text):
            mention = _mention(m, text)
            if mention is not None:
                out.append(mention)
    for i, n in enumerate(out):  # the upper end of "15,000 to 20,000" and its lower end
        if _RANGE_BEFORE.search(text[max(0, n.start - 40):n.start]) and i and not n.currency:
            low = out[i - 1]
            out[i] = NumberMention(low.start, n.end, text[low.start:n.end], None, vague=True,
                                   num_start=low.start)
            out[i - 1] = out[i]
    out = list(dict.fromkeys(out))
    for m in _VAGUE.finditer(text) if may_hold(text, _VAGUE_WORDS) else ():  # "several
        # thousand": a vague amount, not 1,000
        out = [n for n in out if not (n.start < m.end() and m.start() < n.end)]
        out.append(NumberMention(m.start(), m.end(), m.group(0), None, vague=True,
                                 num_start=m.start()))
    return sorted(out, key=lambda n: n.start)
