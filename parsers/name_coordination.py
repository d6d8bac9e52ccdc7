"""Names joined by "and": two bodies ("the Red Cross and Doctors Without Borders") or one
whose "and" is inside it ("Industrial and Commercial Bank of China", "Ministry of Health and
Family Welfare"). Kept apart from finding names (names.py) so each stays small."""

from __future__ import annotations

import re

from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.name_kinds import classify, is_org_name, vocab

_AND_PAIR = re.compile(r"(.+?)\s+and\s+(?:the\s+)?(.+)")


def split_orgs(start: int, name: str) -> list[tuple[int, str]]:
    """ "the Red Cross and Doctors Without Borders": two bodies, when both halves are one by
    their form; "Department of Health and Human Services" stays one (the "and" is inside its
    "of" phrase)."""
    m = _AND_PAIR.fullmatch(name)
    if m and (own := re.match(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+[A-Z]", m.group(2))) \
            and lookup_place(own.group(1)) and is_org_name(m.group(2)):
        return [(start, m.group(1)), (start + m.start(2), m.group(2))]  # "Ministry of Health
        # and Chile's Red Cross": a second body, its country's own
    if m and (named := _shared_name(m.group(1), m.group(2))):
        return [(start, m.group(1)), (start + m.start(2), named)]
    if not m or " of " in f" {m.group(1)} " or not all(_is_body(x) for x in m.groups()):
        return [(start, name)]
    if _ADJECTIVE.match(m.group(1).split()[-1]) and _ADJECTIVE.match(m.group(2).split()[0]):
        return [(start, name)]  # "Pirogov National Medical and Surgical Center": one head
    return [(start, m.group(1)), (start + m.start(2), m.group(2))]


def _shared_name(first: str, second: str) -> str | None:
    """ "Orvo Sons and Trusts": a bare organisation word after "and" shares the name of the
    body before it (Orvo Trusts), when that body ends in an organisation word too."""
    orgs = vocab()["words"]["org_words"]
    words = first.split()
    if second in orgs and len(words) >= 2 and words[-1] in orgs and not lookup_place(
            " ".join(words[:-1])):
        return " ".join([*words[:-1], second])
    return None


def _is_body(name: str) -> bool:
    intl = vocab()["words"]["international_orgs"]
    return is_org_name(name) or name in intl


def split_coordinated(name: str) -> list[str]:
    """"Jack Ma Foundation and Alibaba Foundation" -> both; "Bill & Melinda Gates" stays one."""
    parts = re.split(r"\s+and\s+", name) if "and" in name else [name]  # (no "and": no split)
    if len(parts) == 2 and (shared := _SHARED_HEAD.fullmatch(name)):
        plural = shared.group(3)  # "Fidelity and ECO Banks": Fidelity Bank and ECO Bank
        head = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
        orgs = vocab()["words"]["org_words"]
        if head in orgs and plural not in orgs:  # not "Johnson and Johnson Services": a name
            return [f"{shared.group(1)} {head}", f"{shared.group(2)} {head}"]
    if len(parts) == 2 and (named := _shared_name(parts[0], parts[1])):
        return [parts[0], named]
    if len(parts) == 2 and (parts[0] in vocab()["words"]["given_names"] and re.fullmatch(
            r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\s+(?:Family\s+)?(?:Foundation|Fund|Trust)",
            parts[1])
            or re.fullmatch(r"[A-Z][a-z]+", parts[0]) and not is_org_name(parts[0]) and
            re.fullmatch(r"[A-Z][a-z]+\s+[A-Z][a-z]+\s+Family\s+(?:Foundation|Fund|Trust)",
                         parts[1])):
        return [name]  # "Joseph and Clara Tsai Foundation", "the Abel and Rosa Tan Family
    # Foundation": one couple's foundation
    if len(parts) == 2 and (_inner_and(parts[0], parts[1]) or (
            parts[0].split()[-1] in _TRADE_LEFT and _TRADE_PAIR.match(parts[1]))):
        return [name]  # (and "Orvo Import and Export": one trading firm)
    if len(parts) == 2 and parts[0] in _COMPASS and parts[1].split()[0] in _COMPASS:
        return [name]  # "East and West Yorvik Chamber of Commerce": one body of both
    if len(parts) > 2 and re.search(r"\s(?:of|for)\s+[A-Z]", parts[0]) and not any(
            is_org_name(p) for p in parts[1:]) and any(_ABSTRACT.search(p) for p in parts[1:]):
        return [name]  # "Institute of Hydropower and Water Resources Planning and Design"
    if len(parts) > 2:  # "Government of Cusco Region and Cusco Region Urban and Rural Housing
        merged: list[str] = []  # Group": the inner "and" of the second name stays in it
        for part in parts:
            if merged and _inner_and(merged[-1], part):
                merged[-1] += " and " + part
            else:
                merged.append(part)
        if len(merged) < len(parts):
            return [p for m in merged for p in split_coordinated(m)] if len(merged) > 1 else [
                name]
    if len(parts) > 1 and all(p[:1].isupper() for p in parts) and all(
            classify(p) in ("foundation", "organisation", "person") for p in parts) and not (
            len(parts[0].split()) == 1 and classify(parts[-1]) == "person"
            and not _STAGE_NAME.fullmatch(parts[0])
            and not any(len(w) > 1 and w.isupper() for w in parts[-1].split())):
        return parts  # "Tom and Ana Reyes": one couple's surname; but "DJ-K and Lil Tom": a
    # stage name of its own, and "Orvo and Lima PD Times": two firms (no person's name has
    # an acronym in it)
    return [name]


# two names sharing one plural head: "Fidelity and ECO Banks", "Energy and Mines
# Ministries", "Jane Roe and Acme Foundations" (a name of two or three words before it too)
_SHARED_HEAD = re.compile(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+and\s+"
                          r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}?)\s+([A-Z][a-z]+s)")


_TRADE_LEFT = frozenset(("Import", "Imports", "Trading", "Trade", "Research", "Manufacturing",
                         "Sales"))
_TRADE_PAIR = re.compile(r"(?:Export|Exports|Trade|Trading|Supply|Supplies|Distribution|"
                         r"Development|Construction)\b")


# a one-word stage name no given name is written like: "MC-R", "DJ-K", "KRS"
_STAGE_NAME = re.compile(r"[A-Z][A-Za-z]*-[A-Z][\w-]*|[A-Z]{2,}")


_ABSTRACT = re.compile(r"(?:ment|tion|sion|ity|ness|ure|ance|ence|are|th|ing|ics|ism|ogy|ship|"
                       r"ce|ade|try|port)$")  # "... of Industry and Trade", "... and Transport"
_COMPASS = frozenset(("North", "South", "East", "West", "Northern", "Southern", "Eastern",
                      "Western", "Central"))
_ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+(?:al|ial|ic|ive|ary|ous)|Urban|Rural|Public|Private|"
                        r"Foreign|Domestic)$")
# a field in the plural: "Affairs", "Securities", "Sciences", "Relations", "Economics"
_FIELDS = re.compile(r"[A-Z][a-z]+(?:ies|airs|ces|ions|ics)$")


_MINISTRY_OF = re.compile(r"\b(?:Ministry|Ministries|Department|Secretariat|Bureau)\s+of\s+"
                          r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$")
# the last word of a ministry's second field, though it may end a body's name elsewhere
_FIELD_HEADS = frozenset(("Affairs", "Welfare", "Development", "Resources", "Security",
                          "Planning", "Cooperation", "Fisheries"))
_FIELD_OPENERS = frozenset(("Human", "Social", "Family", "Public", "Foreign", "Home", "Rural",
                            "Urban", "Veterans", "Consumer", "Civil", "Natural"))


def _inner_and(left: str, right: str) -> bool:
    """ "Industrial and Commercial Bank of China", "Foundation for Peace and Development",
    "Ministry of Health and Family Welfare": the "and" joins words inside one name (two
    adjectives before its head, two nouns of its "of"/"for" phrase), not two names."""
    if _ADJECTIVE.match(left.split()[-1]) and is_org_name(right) and (
            " " not in left or not is_org_name(left)):
        return True  # "Taipei Economic and Cultural Office": two adjectives of one head
    if not is_org_name(left) and left.endswith("s") and re.fullmatch(
            r"[A-Z][a-z]+s\s+(?:Association|Society|Union|Federation|Council|Alliance|Club|"
            r"Network|Institute|League)", right):
        return True  # "Chinese Students and Scholars Association": members of one body
    if not is_org_name(left) and _FIELDS.search(left) and is_org_name(right) and classify(
            right) != "person":
        return True  # "Securities and Exchange Commission", "Islamic Affairs and Charitable
        # Activities Department": a field named in the plural opens the one body's name
    words = right.split()
    if _MINISTRY_OF.search(left) and len(words) <= 3 and all(
            w[:1].isupper() and not w.isupper() for w in words) and (
            words[-1] in _FIELD_HEADS or words[0] in _FIELD_OPENERS
            or not is_org_name(right) and classify(right) != "person"):
        return True  # "Ministry of Pensions and Veterans Affairs", "Department of Labour and
        # Human Services": the two fields of one ministry
    if not re.search(r"\s(?:of|for)\s+[A-Z]", left):
        return False
    if len(words) == 1 and right in vocab()["words"]["org_words"]:
        return True  # "Federation of Chambers of Commerce and Industry": a field, no body
    return not is_org_name(right) and len(words) <= 3 and all(
        w[:1].isupper() for w in words) and bool(_ABSTRACT.search(words[-1]))


def spelled_by(name: str, acronym: str) -> bool:
    """ "China Road and Bridge Corporation (CRBC)": the acronym in brackets after a name with
    "and" spells the whole, so the "and" is inside one name."""
    words = [w for w in re.split(r"[\s&-]+", name) if w and w.lower() not in _SMALL]
    return len(words) >= 3 and "".join(w[0] for w in words) == acronym.replace(".", "")


_SMALL = {"of", "for", "and", "the", "&", "de", "du", "on", "in"}


def possessive_free(name: str) -> str:
    return re.sub(r"['’]s$", "", name)


_PLACE_PART = re.compile(r"(?:(?!\s+(?:and|&)\s+)[^,])+")
_LEADING_AND = re.compile(r"^(?:and|&)\s+")


def split_places(name: str) -> list[tuple[int, str]]:
    """"France and Japan" is two places, not one organisation; so are "Serbia and Xiaomi"
    (a place and a name), unless the whole is one place ("Trinidad and Tobago")."""
    parts = [m for m in _PLACE_PART.finditer(name) if m.group(0).strip()]
    texts = [_LEADING_AND.sub("", m.group(0).strip()) for m in parts]
    if len(texts) > 1 and (all(lookup_place(t) for t in texts) or (
            any(lookup_place(t) for t in texts) and not lookup_place(name)
            and " of " not in f" {name} " and all(t[:1].isupper() for t in texts))):
        return [(m.start() + m.group(0).find(t), t) for m, t in zip(parts, texts, strict=True)]
    return [(0, name)]
