"""The pieces of a claim found in one sentence: items with their quantities, the donation
verb and its tense, the donors (named or referred back to) and the recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from aidledger.parsers.lexicon import (
    _items,
    country_name,
    lookup_place,
    trie_pattern,
)
from aidledger.parsers.names import (
    Name,
    find_names,
    possessive_free,
    split_coordinated,
    vocab,
)
from aidledger.parsers.numbers import NumberMention

_EXTRA_ITEMS = {"ppe": "other", "personal protective equipment": "other",
                "protective equipment": "other", "medical supplies": "other",
                "protective kits": "other", "medical kits": "other"}


@dataclass
class Clause:
    text: str
    start: int
    end: int
    sentence: str
    names: list[Name]  # in this sentence, offsets relative to it
    earlier: list[Name]  # every name of earlier sentences, in order
    numbers: list[NumberMention]
    publisher: str | None
    speaker: list[str] | None = None  # who says "we" here (a quoted tweet's author), if known
    receivers: frozenset[str] = frozenset()  # names the article has shown receiving goods


@dataclass
class Item:
    start: int
    end: int
    code: str
    label: str
    quantity: NumberMention | None


@dataclass
class Trigger:
    start: int
    end: int
    phrase: str
    status: str


# --- items ---------------------------------------------------------------------------------

@cache
def _item_patterns() -> list[tuple[re.Pattern[str], str, int]]:
    types, patterns = _items()
    out = [(p, code, types[code].priority) for p, code in patterns]
    extra = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, _EXTRA_ITEMS)) + r")(?![\w-])")
    out.append((extra, "other", 0))
    return out


@lru_cache(maxsize=512)
def _item_mentions(sentence: str) -> list[tuple[int, int, str]]:
    low = sentence.lower()
    found = []
    for pattern, code, prio in _item_patterns():
        for m in pattern.finditer(low):
            c = _EXTRA_ITEMS.get(m.group(0), code) if prio == 0 else code
            found.append((m.start(), m.end(), c, prio))
    found.sort(key=lambda f: (-(f[1] - f[0]) - 10 * f[3], f[0]))
    chosen: list[tuple[int, int, str]] = []
    for s, e, c, _ in found:
        if any(s < ce and cs < e for cs, ce, _ in chosen):
            continue
        if sentence.count("(", 0, s) > sentence.count(")", 0, s):
            continue  # "(a rating similar to N95)": an aside, not a second item
        chosen.append((s, e, c))
    return sorted(chosen)


_GAP = re.compile(r"^\s*(?:[\w-]+\s+){0,4}$")


@cache
def _stop_gap() -> re.Pattern[str]:
    w = vocab()["words"]
    words = sorted(map(re.escape, [*w["not_goods"], *w["units"]]), key=len, reverse=True)
    return re.compile(r"\b(?:to|and|or|in|for|from|with|by|each|" + "|".join(words) + r")\b")


def _quantity_before(clause: Clause, start: int) -> NumberMention | None:
    best = None
    for n in clause.numbers:
        if n.end <= start and _GAP.match(clause.sentence[n.end:start]):
            best = n
    if best is None or best.percent or best.currency:
        return None
    gap = clause.sentence[best.end:start].lower()
    if _stop_gap().search(gap) or any(best.end <= t.start < start
                                      for t in _all_triggers(clause.sentence)):
        return None  # "7 tonnes of masks", "Three tech giants each pledge masks"
    if best.vague:
        return NumberMention(best.start, best.end, best.raw, None, vague=True)
    return best


def _paired_amounts(clause: Clause, items: list[Item]) -> list[Item]:
    """ "200,000 and 150,000 masks": the first amount is of the same goods."""
    out: list[Item] = []
    for it in items:
        q = it.quantity
        if q is not None:
            before = [n for n in clause.numbers if n.end <= q.start and not n.currency
                      and not n.percent and n.value is not None and re.fullmatch(
                          r"\s*(?:and|or|,)\s*", clause.sentence[n.end:q.start])]
            if before:
                n = before[-1]
                out.append(Item(n.start, n.end, it.code, it.label, n))
        out.append(it)
    return out


def item_mentions(clause: Clause) -> list[tuple[int, int, str]]:
    return _item_mentions(clause.sentence)


def find_items(clause: Clause) -> list[Item]:
    """Items with the number right before them ("2 million face masks"); bare items only when
    the sentence names a donor and a recipient (a claim of unknown quantity)."""
    out = []
    for s, e, code in _item_mentions(clause.sentence):
        q = _quantity_before(clause, s)
        label = clause.sentence[s:e]
        if q is not None and q.vague:
            q = None
        out.append(Item(s, e, code, label, q))
    for prev, cur in zip(out, out[1:], strict=False):  # "60,000 suits and face shields"
        if cur.quantity is None and prev.quantity and re.fullmatch(
                r"\s*(?:and|&|as well as)\s*", clause.sentence[prev.end:cur.start]):
            cur.quantity = prev.quantity
    out = _paired_amounts(clause, out)
    with_qty = [i for i in out if i.quantity]
    if with_qty:
        return with_qty
    plural_specific = [i for i in out if i.code != "other" and i.label.endswith("s")]
    return plural_specific[:1]


# --- triggers and status ---------------------------------------------------------------------

@cache
def _triggers() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {p: status for status, phrases in vocab()["triggers"].items() for p in phrases}
    return re.compile(r"(?<![\w-])" + trie_pattern(sorted(table)) + r"(?![\w-])", re.I), table


@lru_cache(maxsize=512)
def _all_triggers(sentence: str) -> list[Trigger]:
    pattern, table = _triggers()
    return [Trigger(m.start(), m.end(), m.group(0), table[m.group(0).lower()])
            for m in pattern.finditer(sentence)]


def trigger_in(clause: Clause, pos: int | None = None) -> Trigger | None:
    """The donation verb that governs the item at `pos`: the nearest one before it, else the
    first one after it; nouns ("donation") only when the sentence has no verb."""
    found = _all_triggers(clause.sentence)
    verbs = [t for t in found if not t.phrase.lower().startswith(("donation", "gift"))] or found
    if not verbs:
        return None
    if pos is None:
        return verbs[0]
    before = [t for t in verbs if t.start < pos]
    return before[-1] if before else verbs[0]


_FUTURE = re.compile(r"\b(will|would|shall|to be|plans? to|planning to|is set to|are set to|"
                     r"going to|intends? to|expected to|aims? to)\s+(?:\w+\s+){0,2}$", re.I)


def status_of(clause: Clause, pos: int) -> str | None:
    found = _all_triggers(clause.sentence)
    verbs = [t for t in found if not t.phrase.lower().startswith(("donation", "gift"))] or found
    before = [t for t in verbs if t.start < pos] or verbs
    if not before:
        return None
    t = before[-1]
    if t.status != "pledged" and _FUTURE.search(clause.sentence[max(0, t.start - 40):t.start]):
        return "pledged"
    return t.status


# --- donors ----------------------------------------------------------------------------------

@cache
def _references() -> list[tuple[re.Pattern[str], str]]:
    w = vocab()["words"]
    out = []
    for kind in ("person", "organisation", "foundation", "group", "first_person",
                 "foundations", "companies", "persons_foundation"):
        for phrase in w[kind]:
            out.append((phrase, kind))
    out.sort(key=lambda pk: -len(pk[0]))  # "his foundation" before "his"
    return [(re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])", re.I), k) for p, k in out]


@cache
def _reference_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """All reference phrases in one pattern (longest first), and each phrase's kind."""
    w = vocab()["words"]
    kinds = {p.lower(): k for k in ("person", "organisation", "foundation", "group",
                                    "first_person", "foundations", "companies",
                                    "persons_foundation") for p in w[k]}
    alts = "|".join(re.escape(p) for p in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I), kinds


_PERSONS_FOUNDATION = re.compile(r"\b(?:his|her)\s+(?:charitable\s+)?foundation\b", re.I)
_SPEAKER_OF = re.compile(r"^[^.;]*?\b(?:said|says|told|announced|added|confirmed)\b(?:\s+\w+)?"
                         r"(?:\s+that)?\s+(?:another|a further|an additional|the|some|about|"
                         r"more than|nearly|over|\d)", re.I)
_ORIGIN = re.compile(r"\b(?:to|in|across|for|into|from|at|of)\s+(?:the\s+)?$", re.I)
_ROLEISH = re.compile(r"\b(?:Governor|Minister|Mayor|President|Secretary|Premier|Ambassador)\b")


def _donor_names(name: Name) -> list[str]:
    return [possessive_free(n) for n in split_coordinated(name.text)]


def _resolve(kind: str, clause: Clause, before: int) -> list[str]:
    if kind == "first_person":
        return list(clause.speaker or ([clause.publisher] if clause.publisher else []))
    if kind == "persons_foundation":  # "his foundation": the foundation of the person before
        person = _resolve("person", clause, before)
        return [f"{person[0]} Foundation"] if person else []
    pool = [n for n in clause.names if n.end <= before] + []
    history = list(reversed(pool)) + list(reversed(clause.earlier))
    wanted = {"person": ("person",), "organisation": ("organisation", "foundation"),
              "foundation": ("foundation",), "group": ("foundation", "organisation"),
              "foundations": ("foundation",), "companies": ("organisation",)}[kind]
    people = {p.text.split()[-1] for p in history if p.kind == "person"}
    history = [n for n in history if n.text not in clause.receivers]
    for n in history:
        if n.kind in wanted and not (n.kind == "organisation" and (
                n.text in people or lookup_place(n.text) or _ROLEISH.search(n.text))):
            if kind in ("group", "foundations", "companies"):
                same = [m for m in history if m.kind == n.kind and m.text not in people
                        and not lookup_place(m.text)]
                names = list(dict.fromkeys(possessive_free(m.text) for m in same))[:2]
                return list(reversed(names))
            return _expand(_donor_names(n), clause)
    places = [n for n in reversed(pool) if n.kind == "place"]
    if kind == "organisation" and places:  # "Taiwan said it would donate": a government
        return [places[0].text]
    if kind == "foundation" and _PERSONS_FOUNDATION.search(clause.text[:max(clause.start, 0)]):
        return _resolve("persons_foundation", clause, before)  # "His foundation ..." earlier
    return []


def _expand(names: list[str], clause: Clause) -> list[str]:
    """A surname alone ("Ma", "Mr Ma") is the person named in full earlier ("Jack Ma")."""
    people = [n.text for n in [*clause.earlier, *clause.names] if n.kind == "person"]
    out = []
    for name in names:
        if " " not in name:
            full = next((p for p in reversed(people) if p.split()[-1] == name), None)
            name = full or name
        out.append(name)
    return out


def _names_at(clause: Clause, pos: int, countries: bool = False) -> list[str]:
    """The donor names starting at `pos` ("by X, Y and the Z Foundation"), or what a reference
    there ("the two foundations", "the company") stands for; countries only when asked."""
    s = clause.sentence
    donors: list[str] = []
    for n in (n for n in clause.names if n.start >= pos - 1):
        if n.start - pos > 3:
            break
        place = lookup_place(n.text) if n.kind == "place" else None
        if n.kind == "place" and not (countries and place and place.kind == "country"):
            break
        donors += _donor_names(n)
        tail = re.match(r"\s*(?:,|and|&)\s*(?:the\s+)?", s[n.end:])
        if not tail:
            break
        pos = n.end + tail.end()
    if donors:
        return donors
    for pattern, kind in _references():
        if pattern.match(s, pos - 4 if s[pos - 4:pos] == "the " else pos):
            return _resolve(kind, clause, pos)
    return []


def resolve_donors(clause: Clause, trig: Trigger) -> list[str]:
    s = clause.sentence
    courtesy = re.search(r"\bcourtesy of\s+(?:the\s+)?", s, re.I)
    if courtesy and (donors := _names_at(clause, courtesy.end())):
        return donors
    by = re.search(r"\bby\s+(?:the\s+)?", s[trig.end:trig.end + 60])
    if by and (donors := _names_at(clause, trig.end + by.end())):
        return donors
    gov_from = re.search(r"\b(?:from|by)\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:government|"
                         r"authorities|embassy)\b", s[trig.end:])
    taking = trig.status in ("accepted", "arrived") or RECEIVE.search(trig.phrase)
    if gov_from and lookup_place(gov_from.group(1)) and (taking or not _subject(clause,
                                                                                  trig.start)):
        return [country_name(lookup_place(gov_from.group(1)).code)]  # type: ignore[union-attr]
    frm = re.search(r"\b(?:from|by)\s+(?:the\s+)?", s[trig.end:])
    if (trig.status in ("accepted", "arrived") or RECEIVE.search(trig.phrase)) and frm and (
            donors := _names_at(clause, trig.end + frm.end(), countries=True)):
        return donors
    for m in _SUPPLY_FROM.finditer(s):  # "30 tonnes of supplies from the Jack Ma Foundation"
        if donors := _names_at(clause, m.end()):
            return donors
    government = re.search(r"\b(?:the\s+)?((?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+)\s+(?:state\s+)?"
                           r"(?:government|authorities|embassy)\b", s[:trig.start])
    if government and (where := _government(re.sub(r"^The\s+", "", government.group(1)))):
        return [where]
    if RECEIVE.search(trig.phrase):
        # "...announce donations to the US, which will receive...": the giver is the subject of
        # an earlier verb; with none, the subject of "received" is the recipient, donor unstated
        earlier = [t for t in _all_triggers(s) if t.end <= trig.start
                   and not RECEIVE.search(t.phrase)]
        return _subject(clause, earlier[-1].start) if earlier else []
    return _subject(clause, trig.start) or _from_donor(clause)


def _government(name: str) -> str | None:
    """ "The Japanese government" -> "Japan"; "the New South Wales government" stays a state;
    the longest place name that ends the phrase decides ("South Korean", not "Korean")."""
    words = name.split()
    for i in range(len(words)):
        place = lookup_place(" ".join(words[i:]))
        if place is not None:
            if place.kind in ("country", "demonym"):
                return country_name(place.code)
            return " ".join(words[i:])
    return None


def _from_donor(clause: Clause) -> list[str]:
    """ "The donation of 100,000 masks from Fosun": the giver after "from", when no subject."""
    for m in re.finditer(r"\bfrom\s+(?:the\s+)?", clause.sentence):
        if donors := _names_at(clause, m.end()):
            return donors
    return []


RECEIVE = re.compile(r"\breceiv|\bget\b|\bgets\b|\bgot\b|delivery of\b|\bcollected\b|\bpresented\b|"
                     r"\baccepted\b|\bsigned for\b", re.I)
_SUPPLY_FROM = re.compile(
    r"\b(?:supplies|aid|donations?|equipment|gear|assistance|materials|goods|items|cargo|"
    r"masks|kits|tests|ventilators|suits|gowns|gloves|respirators|goggles|shields|thermometers|"
    r"swabs|reagents)\s+(?:donated\s+|provided\s+|sent\s+)?from\s+(?:the\s+)?", re.I)


def _subject(clause: Clause, before: int) -> list[str]:
    region = clause.sentence[:before]
    cands: list[tuple[int, str, Name | None]] = []
    for n in clause.names:
        if n.end <= before and not _ORIGIN.search(region[:n.start]) and n.kind != "place" \
                and region.count("(", 0, n.start) <= region.count(")", 0, n.start):
            cands.append((n.end, "name", n))
    pattern, kinds = _reference_regex()
    for m in pattern.finditer(region):
        if not (m.group(0)[0].isupper() and any(n.start <= m.start() < n.end
                                                 for n in clause.names)):
            cands.append((m.end(), kinds[m.group(0).lower()], None))
    if not cands:
        places = [n for n in clause.names if n.end <= before and n.kind == "place"
                  and not _ORIGIN.search(region[:n.start])]
        return [places[-1].text] if places else []
    end, kind, name = max(cands, key=lambda c: c[0])
    if name is not None and _SPEAKER_OF.match(region[name.end:]):
        return []  # "Dangote said another 60,000 kits would arrive": a speaker, not the giver
    if name is not None and name.text in ("Foundation", "Fund", "Company", "Group", "Charity"):
        kind, name = "foundation" if name.text != "Company" else "organisation", None
    if name is not None and name.implied and name.kind == "foundation":
        person = name.text.removesuffix(" Foundation")
        if " " not in person:  # "Ma's foundation": the foundation of the Jack Ma named before
            return [f"{_expand([person], clause)[0]} Foundation"]
    donors = (_expand(_donor_names(name), clause) if name is not None
              else _resolve(kind, clause, end))
    start = name.start if name is not None else end - 1
    if name is not None:
        co = [n for n in clause.names if n.end <= start and n.kind != "place" and re.fullmatch(
            r"\s+and\s+(?:its|his|her|their)?\s*(?:[\w-]+\s+){0,2}", region[n.end:start])]
        if co:
            donors = _donor_names(co[-1]) + donors
            start = co[-1].start
        while listed := [n for n in clause.names if n.end <= start and n.kind != "place"
                         and re.fullmatch(r",\s*(?:the\s+)?", region[n.end:start])]:
            donors = _donor_names(listed[-1]) + donors  # "Lenovo, ZTE and Haier"
            start = listed[-1].start
        m = re.search(r"\b(we|our foundation|he|she)\s+and\s+(?:the\s+)?$", region[:start],
                      re.I)
        if m:
            kind = "first_person" if m.group(1).lower().startswith(("we", "our")) else "person"
            donors = _resolve(kind, clause, m.start()) + donors
    return [d for d in donors if d]


__all__ = ["Clause", "Item", "Trigger", "find_items", "find_names", "item_mentions",
           "resolve_donors",
           "status_of", "trigger_in"]
