"""Capitalised words that are no names: goods opening a sentence ("Masks donated by"), common
nouns and adjectives capitalised only because they open it ("Products include", "Medical
supplies"), and two places joined by a hyphen ("Chinese-American"). Kept apart from finding
names (names.py) so each stays small."""

from __future__ import annotations

import re
from functools import lru_cache

from aidledger.parsers.lexicon import item_matches, lookup_place

_PLURAL_NEXT = re.compile(r"\s+(?:include[ds]?|including|are|were|have|arrived|came|worth|"
                          r"from|of|for|totall?ing|valued|went|will\s+be|have\s+been)\b")


# the rest of a description opening the sentence before the firm's name: its fields joined by
# "and", then the kind of body it is
_FIELD_OF_FIRM = re.compile(r"\s+and\s+[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?(?:company|firm|maker|"
                            r"manufacturer|giant|group|conglomerate|producer|major|provider|"
                            r"operator|retailer|lender|bank|supplier)\s+[A-Z]")


def common_opening(word: str, after: str) -> bool:
    """A common noun or adjective capitalised only because it opens the sentence: a plural
    before a plural verb ("Products include", "Helmets were", "Donations from"), an adjective
    before a lowercase noun ("Medical supplies", "Former students"). A company opening a
    sentence is followed by what it did ("Siemens donated", "Medtronic will")."""
    if lookup_place(word) or word.isupper():
        return False
    if _FIELD_OF_FIRM.match(after):
        return True  # "Construction and mining company Orvo", "Software and cloud firm X"
    if _PREPOSITION_NEXT.match(after) or (word in _PREPOSITION_HEADS and re.match(
            r"\s+(?:of|from|with|to)\s", after)):
        return True  # "Out of that amount", "Along with the arena", "Aside from food aid"
    if re.fullmatch(r"[A-Z][a-z]+(?:ts|ns|es|ds|ks|ls|ps|rs|gs)", word) and _PLURAL_NEXT.match(
            after):
        return True
    if re.fullmatch(r"[A-Z][a-z]+ful", word) and re.match(r"\s+(?:to|for|that)\b", after):
        return True  # "Grateful to the Prime Minister", "Thankful for"
    if word in ("Chief", "Managing", "Deputy", "Vice", "Senior", "Executive") and re.match(
            r"\s+(?:executive|operating|financial|officer|director|president|minister|"
            r"secretary|manager|chairman)\b", after):
        return True  # "Chief executive officer Ana Ruiz said": a role, no name
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:al|ive|ary|ous)|Former", word)) and bool(
        re.match(r"\s+[a-z]+\b", after)) and not _PLURAL_NEXT.match(after) and not \
        _VERB_NEXT.match(after)  # "Essential medical equipment", "Total donation of"


# a word a company opening the sentence goes on with: what it did ("Total donated", "Vital
# will send"), not a noun it describes ("Total donation", "Essential medical equipment")
_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ed|has|was|is|does|says|gives|sends|donates|offers|plans|"
                        r"makes|hands|provides|pledges|ships|delivers|contributes|will|would|"
                        r"can|could|may|might|shall|should|must|also|gave|sent|made|took|put|"
                        r"won|brought|bought|set|paid|sold|led|said|and|or|to)\b")
# words that open a sentence only as a compound preposition's head, whatever follows it
_PREPOSITION_HEADS = frozenset(("Aside", "Apart", "Ahead", "Instead", "Because", "Prior",
                                "Regardless", "Thanks", "Owing", "Due"))
# an opener that is a preposition's head: "Out of", "Along with", "Apart from", "Ahead of",
# "Aside from food aid" (a company opening the sentence is not followed by "of" or "from" and
# a common word)
_PREPOSITION_NEXT = re.compile(r"\s+(?:(?:of|with|from)\s+(?:the|that|this|these|those|its|their|"
                               r"his|her|our|[a-z]+ing|[\d$€£])|(?:of|from)\s+[a-z])")


def place_pair(name: str) -> bool:
    """Two places or peoples joined by a hyphen, and no one place as a whole ("Guinea-Bissau")."""
    parts = name.split("-")
    return len(parts) == 2 and " " not in name and all(parts) and not lookup_place(name) and all(
        lookup_place(p) for p in parts)


@lru_cache(maxsize=4096)
def goods_word(word: str) -> bool:
    """A word that is an item's name by itself ("Masks", "Ventilators", "Tests")."""
    return any(s == 0 and e == len(word) for s, e, _ in item_matches(word))


# a count right before a name: "15 Acme portable ventilators" (not a year: "in 2020 Acme")
_COUNT_BEFORE = re.compile(r"(?<![\w.,])(?:(?!(?:19|20)\d\d\b)\d[\d,.]*|(?i:two|three|four|five|"
                           r"six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundreds?|"
                           r"thousands?))(?:[^\S\n]+(?:million|thousand|hundred|lakh|crore))?"
                           r"[^\S\n]+$")  # "two AR 100C ventilators" as "2"
_KIND_WORD = re.compile(r"(?!(?:to|for|from|by|of|and|or|with|in|at|on|the|a|an|its|their|his|"
                        r"her|more|than|over|about|some|nearly|around)$)[a-z][a-z-]+")


_COUNTISH = re.compile(r"\d|(?i:\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|twenty|fifty|hundreds?|thousands?)\b)")


def _kind_counted(before: str) -> bool:
    """A count, then one or two lowercase kind words ("specialist", "single-use") that are no
    goods and no preposition, ending `before`."""
    if not before[-1:].isspace() or not _COUNTISH.search(before):
        return False  # (most names: no count in the few words before them)
    words = before.rstrip().rsplit(None, 2)
    for k in (1, 2):
        kind = words[-k:]
        if len(words) > k and all(_KIND_WORD.fullmatch(w) and not goods_word(w) for w in kind) \
                and _COUNT_BEFORE.search(before[:len(before.rstrip()) - len(" ".join(kind))]):
            return True
    return False
_WORD_AFTER = re.compile(r"[^\S\n]+([a-z][a-z-]*|[A-Za-z]*\d[\w-]*)\b")  # or a model: "100C"


# a mask's grade written as a word: "N-95", "KN95", "FFP2", "KF-94"
_GRADE = re.compile(r"(?:K?N|KF|FFP|P)-?\d{1,3}")


def grade(name: str) -> bool:
    """ "adding that N-95 masks would follow": a grade of the goods, never a giver."""
    return name[:1] in "KNFP" and _GRADE.fullmatch(name) is not None


_DIGIT = re.compile(r"\d")


def counted_goods(name: str, before: str) -> bool:
    """ "9,000 Disposable Coverall", "20,000 Nucleic Acid Test Kits": goods written in
    capitals after their count, no giver."""
    if " " not in name or not _DIGIT.search(before, max(0, len(before) - 24)):
        return False  # (most names: no count right before them)
    words = name.split()
    return bool(_COUNT_BEFORE.search(before[-40:])) and (
        goods_word(words[-1]) or goods_word(" ".join(words[-2:])))


def goods_modifier(before: str, after: str) -> bool:
    """A name between a count and the goods it counts ("50 Acme-9 grade respirators", "15
    Vantor BiPAP ventilators"): a brand, model or grade of the goods, no giver; the words
    between the name and the goods noun are lowercase (at most three)."""
    if not _COUNT_BEFORE.search(before[-40:]) and not _kind_counted(before[-60:]):
        return False  # "eight specialist Tarvel lab coats": a kind word between count and brand
    pos, prev = 0, ""
    for _ in range(4):
        m = _WORD_AFTER.match(after, pos)
        if not m:
            return False
        if goods_word(m.group(1)) or prev and goods_word(f"{prev} {m.group(1)}"):
            return True  # ("lab coats": goods of two words)
        pos, prev = m.end(), m.group(1)
    return False


def term_acronym(name: str, before: str) -> bool:
    """An acronym in brackets whose initials are the lowercase words before it."""
    if not (name.isupper() and before.endswith("(")):
        return False
    words = re.split(r"[\s-]+", before[:-1].strip())[-len(name):]
    return len(words) == len(name) and all(w[:1].islower() for w in words) and "".join(
        w[0] for w in words) == name.lower()
