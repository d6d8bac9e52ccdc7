"""The pieces of a claim found in one sentence: items with their quantities, the donation
verb and its tense, the donors (named or referred back to) and the recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from aidledger.parsers.lexicon import (
    _items,
    country_name,
    find_places,
    lookup_place,
    org_country,
)
from aidledger.parsers.names import (
    Name,
    find_names,
    is_org_name,
    possessive_free,
    split_coordinated,
    vocab,
)
from aidledger.parsers.numbers import NumberMention, parse_number
from aidledger.parsers.records import Recipient

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


def _quantity_before(clause: Clause, start: int) -> NumberMention | None:
    not_goods = vocab()["words"]["not_goods"]
    best = None
    for n in clause.numbers:
        if n.end <= start and _GAP.match(clause.sentence[n.end:start]):
            best = n
    if best is None or best.percent or best.currency:
        return None
    gap = clause.sentence[best.end:start].lower()
    units = vocab()["words"]["units"]
    if any(re.search(rf"\b{re.escape(w)}\b", gap) for w in [*not_goods, *units]) or re.search(
            r"\b(to|and|or|in|for|from|with|by)\b", gap):
        return None
    if best.vague:
        return NumberMention(best.start, best.end, best.raw, None, vague=True)
    return best


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
    with_qty = [i for i in out if i.quantity]
    if with_qty:
        return with_qty
    plural_specific = [i for i in out if i.code != "other" and i.label.endswith("s")]
    return plural_specific[:1]


# --- triggers and status ---------------------------------------------------------------------

@cache
def _triggers() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {p: status for status, phrases in vocab()["triggers"].items() for p in phrases}
    alts = sorted(map(re.escape, table), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I), table


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
    for kind in ("person", "organisation", "foundation", "group", "first_person"):
        for phrase in w[kind]:
            out.append((re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.I), kind))
    return out


_ORIGIN = re.compile(r"\b(?:to|in|across|for|into|from|at|of)\s+(?:the\s+)?$", re.I)


def _donor_names(name: Name) -> list[str]:
    return [possessive_free(n) for n in split_coordinated(name.text)]


def _resolve(kind: str, clause: Clause, before: int) -> list[str]:
    if kind == "first_person":
        return [clause.publisher] if clause.publisher else []
    pool = [n for n in clause.names if n.end <= before] + []
    history = list(reversed(pool)) + list(reversed(clause.earlier))
    wanted = {"person": ("person",), "organisation": ("organisation", "foundation"),
              "foundation": ("foundation",), "group": ("foundation", "organisation")}[kind]
    for n in history:
        if n.kind in wanted:
            if kind == "group":
                same = [m for m in history if m.kind == n.kind][:2]
                return [possessive_free(m.text) for m in reversed(same)]
            return _expand(_donor_names(n), clause)
    places = [n for n in reversed(pool) if n.kind == "place"]
    if kind == "organisation" and places:  # "Taiwan said it would donate": a government
        return [places[0].text]
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


def resolve_donors(clause: Clause, trig: Trigger) -> list[str]:
    s = clause.sentence
    by = re.search(r"\bby\s+(?:the\s+)?", s[trig.end:trig.end + 60])
    if by:
        pos = trig.end + by.end()
        donors: list[str] = []
        for n in (n for n in clause.names if n.start >= pos - 1 and n.kind != "place"):
            if n.start - pos > 3:
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
                return _resolve(kind, clause, trig.start)
    gov_from = re.search(r"\b(?:from|by)\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:government|"
                         r"authorities|embassy)\b", s[trig.end:])
    if gov_from and lookup_place(gov_from.group(1)):
        return [country_name(lookup_place(gov_from.group(1)).code)]  # type: ignore[union-attr]
    frm = re.search(r"\b(?:from|by)\s+(?:the\s+)?", s[trig.end:])
    if trig.status in ("accepted", "arrived") and frm:
        pos = trig.end + frm.end()
        after = [n for n in clause.names if n.start >= pos and n.start - pos < 3
                 and n.kind != "place"]
        if after:
            return _donor_names(after[0])
    government = re.search(r"\b(?:the\s+)?([A-Z][a-z]+)\s+(?:government|authorities|embassy)\b",
                           s[:trig.start])
    if government and lookup_place(government.group(1)):
        return [country_name(lookup_place(government.group(1)).code)]  # type: ignore[union-attr]
    if _RECEIVE.search(trig.phrase):
        # "...announce donations to the US, which will receive...": the giver is the subject of
        # an earlier verb; with none, the subject of "received" is the recipient, donor unstated
        earlier = [t for t in _all_triggers(s) if t.end <= trig.start
                   and not _RECEIVE.search(t.phrase)]
        return _subject(clause, earlier[-1].start) if earlier else []
    return _subject(clause, trig.start) or _from_donor(clause)


def _from_donor(clause: Clause) -> list[str]:
    """ "The donation of 100,000 masks from Fosun": the giver after "from", when no subject."""
    for m in re.finditer(r"\bfrom\s+(?:the\s+)?", clause.sentence):
        after = [n for n in clause.names if 0 <= n.start - m.end() < 2 and n.kind != "place"]
        if after:
            return _donor_names(after[0])
    return []


_RECEIVE = re.compile(r"\breceiv", re.I)


def _subject(clause: Clause, before: int) -> list[str]:
    region = clause.sentence[:before]
    cands: list[tuple[int, str, Name | None]] = []
    for n in clause.names:
        if n.end <= before and not _ORIGIN.search(region[:n.start]) and n.kind != "place":
            cands.append((n.end, "name", n))
    for pattern, kind in _references():
        for m in pattern.finditer(region):
            if not (m.group(0)[0].isupper() and any(n.start <= m.start() < n.end
                                                     for n in clause.names)):
                cands.append((m.end(), kind, None))
    if not cands:
        places = [n for n in clause.names if n.end <= before and n.kind == "place"
                  and not _ORIGIN.search(region[:n.start])]
        return [places[-1].text] if places else []
    end, kind, name = max(cands, key=lambda c: c[0])
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
        m = re.search(r"\b(we|our foundation|he|she)\s+and\s+(?:the\s+)?$", region[:start],
                      re.I)
        if m:
            kind = "first_person" if m.group(1).lower().startswith(("we", "our")) else "person"
            donors = _resolve(kind, clause, m.start()) + donors
    return [d for d in donors if d]


# --- recipients ------------------------------------------------------------------------------

_DEST = re.compile(r"(?:\b(?:gave|give|gives|provided|provides|offered|handed|sent|sends|"
                   r"supplied|to|for|in|across|into|throughout|towards?|at|including|include|"
                   r"includes|such as|like|among|between|on|reach|reached|receive|received)"
                   r"\s+(?:the\s+|each\s+of\s+(?:the\s+)?(?:\S+\s+)?|all\s+)?(?:\S+\s+)?|[,&]\s*(?:the\s+)?"
                   r"|\beach(?:\s+one)?\s+of\s+(?:the\s+)?(?:\S+\s+)?"
                   r"|\band\s+(?:the\s+)?)$", re.I)
_COUNTRY_NOUNS = re.compile(r"^\s+(countries|nations|states|hospitals|cities|people|"
                            r"governments?|health|medical|authorities|doctors)", re.I)
_EACH = re.compile(r"\beach(?: one)? of (?:the |its |these |those )?([\w,-]+)\b"
                   r"|\b([\w,-]+) (?:\w+ )?(?:countries|nations|states|hospitals) "
                   r"(?:will )?(?:each|apiece)\b", re.I)


@cache
def _international() -> tuple[str, ...]:
    return tuple(sorted(vocab()["words"]["international_orgs"], key=len, reverse=True))


def _org_recipients(clause: Clause) -> list[tuple[int, int, Recipient]]:
    s = clause.sentence
    out = []
    for n in clause.names:
        if not is_org_name(n.text) or not _DEST.search(s[:n.start]):
            continue
        if re.search(r"\bfrom\s+(?:the\s+)?$", s[:n.start]):
            continue
        owner = re.search(r"([A-Z][\w ]+?)['’]s\s+$", s[:n.start])
        place = lookup_place(owner.group(1)) if owner else None
        code = place.code if place else org_country(n.text)
        intl = any(n.text == o or n.text.endswith(o) for o in _international())
        if code is None and not intl and (n.kind == "foundation" or n.text.isupper()):
            continue
        out.append((n.start, n.end, Recipient(n.text, code or f"org:{n.text}", n.text)))
    return out


def _place_recipients(clause: Clause, orgs: list[tuple[int, int, Recipient]],
                      donors: list[str]) -> list[tuple[int, int, Recipient]]:
    s = clause.sentence
    out = []
    for p in find_places(s):
        if any(a <= p.start < b for a, b, _ in orgs) or any(p.text in d for d in donors):
            continue
        if p.place.kind == "demonym" and not _COUNTRY_NOUNS.match(s[p.end:]):
            continue
        if s[p.end:p.end + 2] in ("'s", "’s"):
            continue  # "Ethiopia's prime minister": the owner of something, not a recipient
        if not _DEST.search(s[:p.start]) or re.search(r"\bfrom\s+(?:the\s+)?$", s[:p.start]):
            continue
        out.append((p.start, p.end, Recipient(p.text, p.place.code)))
    return out


def _receivers(clause: Clause) -> list[tuple[int, int, Recipient]]:
    """The subject of "received"/"will receive" is a recipient ("Peru received 100...")."""
    triggers = _all_triggers(clause.sentence)
    trig = next((t for t in triggers if _RECEIVE.search(t.phrase)), None)
    if trig is None or any(t.end <= trig.start and not _RECEIVE.search(t.phrase)
                           for t in triggers):
        return []
    out = []
    for n in clause.names:
        if n.end > trig.start or _ORIGIN.search(clause.sentence[:n.start]):
            continue
        place = lookup_place(n.text)
        if place:
            out.append((n.start, n.end, Recipient(n.text, place.code)))
        elif is_org_name(n.text):
            code = org_country(n.text)
            out.append((n.start, n.end, Recipient(n.text, code or f"org:{n.text}", n.text)))
    return out


def _each_count(sentence: str) -> int | None:
    m = _EACH.search(sentence)
    if not m:
        return None
    return parse_number((m.group(1) or m.group(2) or "").strip(","))


def recipients_in(clause: Clause, item: object, donors: list[str]
                  ) -> tuple[list[Recipient], int | None, bool]:
    """(recipients for the item, per-recipient count if "each of N", "respectively" seen)."""
    orgs = _org_recipients(clause)
    found = sorted(orgs + _place_recipients(clause, orgs, donors) + _receivers(clause),
                   key=lambda r: r[0])
    end = getattr(item, "end", 0)
    after = [r for r in found if r[0] >= end]
    nearest = [r for r in after if not _items_between(clause, end, r[0])] or found
    out: list[Recipient] = []
    for _, _, r in nearest:
        if r.code not in {o.code for o in out}:
            out.append(r)
    respectively = "respectively" in clause.sentence.lower()
    return out, _each_count(clause.sentence), respectively


def _items_between(clause: Clause, a: int, b: int) -> bool:
    return any(a <= s and e <= b for s, e, _ in _item_mentions(clause.sentence))


__all__ = ["Clause", "Item", "Trigger", "find_items", "find_names", "recipients_in",
           "resolve_donors", "status_of", "trigger_in"]
