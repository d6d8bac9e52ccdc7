"""What "he", "the company", "his foundation", "the two foundations" or "the society" stand
for: the latest earlier name of the kind the reference describes, never a recipient."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from aidledger.parsers.claim_counted import given_by
from aidledger.parsers.claim_heads import headed
from aidledger.parsers.claim_missions import main_country, mission_state
from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.lexicon import find_places, lookup_place
from aidledger.parsers.names import (
    Name,
    is_org_name,
    possessive_free,
    split_coordinated,
    spoken_for,
    vocab,
)

_KINDS = ("person", "organisation", "foundation", "group", "first_person", "foundations",
          "companies", "persons_foundation", "persons_company", "country", "embassy",
          "neighbour")


@cache
def references() -> list[tuple[re.Pattern[str], str]]:
    w = vocab()["words"]
    out = []
    for kind in _KINDS:
        for phrase in w[kind]:
            out.append((phrase, kind))
    out.sort(key=lambda pk: -len(pk[0]))  # "his foundation" before "his"
    return [(re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])", re.I), k) for p, k in out]


@cache
def reference_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """All reference phrases in one pattern (longest first), and each phrase's kind."""
    w = vocab()["words"]
    kinds = {p.lower(): k for k in _KINDS for p in w[k]}
    alts = "|".join(re.escape(p) for p in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I), kinds


_PERSONS_FOUNDATION = re.compile(r"\b(?:his|her)\s+(?:charitable\s+)?foundation\b", re.I)
_ROLEISH = re.compile(r"\b(?:Governor|Minister|Mayor|President|Secretary|Premier|Ambassador)\b")


def name_donors(name: Name) -> list[str]:
    parts = [name.text] if name.whole else split_coordinated(name.text)
    return [possessive_free(n) for n in parts[:-1]] + [
        parts[-1] if name.brand else possessive_free(parts[-1])]  # "Sainsbury's has": its own


HEAD = re.compile(r"\b[Tt]he\s+(?:[\w.'’-]+\s+){0,3}?(foundation|society|association|charity|"
                  r"university|college|"
                   r"trust|club|federation|council|temple|church|mosque|company|group|firm|bank|"
                   r"organisation|organization|agency|ngo|giant|maker|carmaker|automaker|"
                   r"retailer|conglomerate|airline|insurer|lender|businessman|businesswoman|"
                   r"store|chain|supermarket|manufacturer|producer|brand|startup|supplier|"
                   r"multinational|corporation|carrier|"
                   r"billionaire|tycoon|philanthropist|singer|actor|actress|footballer|star|"
                   r"entrepreneur|magnate|mogul|investor|founder|co-founder|executive|"
                   r"chairman|chairwoman|firms|companies|foundations|charities|airlines|"
                   r"province|county|prefecture)\b",
                   re.I)
PEOPLE_HEADS = ("businessman", "businesswoman", "billionaire", "tycoon", "philanthropist",
                "singer", "actor", "actress", "footballer", "star", "entrepreneur", "magnate",
                "mogul", "investor", "founder", "co-founder", "executive", "chairman",
                "chairwoman")
_HEAD_KIND = {**dict.fromkeys(PEOPLE_HEADS, "person"),
              "foundation": "foundation", "charity": "foundation", "trust": "foundation",
              "firms": "companies", "companies": "companies", "airlines": "companies",
              "foundations": "foundations", "charities": "foundations"}
_PLURAL = ("firms", "companies", "airlines", "foundations", "charities")
_REGIONS = ("province", "county", "prefecture")  # a region that gives: the one named so




_ROLE_ASIDE = re.compile(r"\s*(?:the\s+)?(?:[A-Z][a-z]+\s+){0,2}?(?:Chairman|Chairwoman|Chair|CEO|"
                         r"President|Founder|Co-founder|Director|Head|Chief|Managing\s+Director|"
                         r"Secretary|Minister|Owner|Trustee)\b")


_RELATIVE = re.compile(r",\s*(?:which|who|whose|where|(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?)?"
                       r"(?:set up|(?:co-)?founded|(?:co-)?owned|led|"
                       r"run|headed|backed|chaired|created|established|started|controlled|"
                       r"operated|launched)\s+by)\b")


def in_aside(region: str, start: int, end: int) -> bool:
    """ "Honeywell, which makes masks in Smithfield, said it": not Smithfield; "A, established
    by the founder of B, C, are donating": neither "the founder", B nor C."""
    return bool(_RELATIVE.search(region, 0, start)) and "," in region[end:]


def apposed(region: str, n: Name) -> bool:
    """ "ByteDance, the owner of TikTok, said": TikTok describes the subject, it is not one."""
    if in_aside(region, n.start, n.end):
        return True
    if re.search(r",\s*(?:the|a|an|its)\s+[^,]{0,60}\bincluding\b", region[:n.start]) and \
            "," in region[n.end:]:
        return True  # "LVMH, the parent of brands including Louis Vuitton, Celine and Fendi,"
    comma = region.rfind(",", 0, n.start)
    aside = region[comma + 1:n.start] + n.text
    if comma >= 0 and _ROLE_ASIDE.match(aside) and "," in region[n.end:] and not _OPENING.match(
            region[:comma]):  # not "Additionally, Alibaba Founder Jack Ma joined"
        return True  # "Ratan Tata, Chairman Tata Trusts and Chairman Emeritus Tata Sons, has"
    m = re.search(r",\s*(?:(?:the|a|an|its)\s+[^,]{0,50}|(?:[\w-]+\s+){0,3}?(?:CEO|"
                  r"chief executive|chairman|chairwoman|founder|co-founder|president|"
                  r"head|director|owner)\s+(?:of|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,4})$",
                  region[:n.start])
    return bool(m and re.match(r"[^,.;]{0,30},", region[n.end:])  # ", CEO of Huawei, ..."
                and not _OPENING.match(region[:m.start()]))  # not "On Saturday, a statement"


_OPENING = re.compile(r"\W*(?:On|In|At|By|After|Before|Since|Last|Earlier|Meanwhile|However|Also|"
                      r"Separately|Today|Yesterday|Now|Later|Overall|Elsewhere|Moreover|Furthermore|Besides|"
                      r"[A-Z][a-z]+ly)\b[^,]*$")


def country_like(text: str) -> bool:
    place = lookup_place(text)
    return place is not None and place.kind in ("country", "demonym")


def _by_head(noun: str, clause: Clause, before: int) -> list[str]:
    """ "the society" after "the Red Cross Society of China": the latest earlier name whose
    words include the noun; else the latest name of the noun's kind."""
    if noun in _PLURAL:  # "the Chinese firms", "the three airlines": the givers named before
        return resolve(_HEAD_KIND[noun], clause, before)
    pool = [n for n in clause.names if n.end <= before]
    if noun in _REGIONS:  # "The province has sent" after "Yongchang County in Hebei Province":
        for n in [*reversed(pool), *reversed(clause.earlier)]:  # the province, not the county
            if n.text not in clause.receivers and (region := re.search(
                    rf"(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{noun})$", n.text)):
                return [region.group(0)]  # (of "the Foreign Office of X Province": X Province)
        return []  # none named so: no giver of its own (the statement before may give one)
    if carrying := _latest_with_head(noun, pool, clause):
        return carrying
    for word in _HEAD_WORDS.get(noun, ()):  # "the carrier": the latest airline named
        if carrying := _latest_with_head(word, pool, clause):
            return carrying
    if noun in _SCHOOLS and (given := [g for g in clause.givers if not lookup_place(g)]):
        return [given[-1]]  # "Penn State has donated ... The university collected": the
        # giver before, not a hospital it gave to ("Penn State Health Hershey Medical Center")
    if described := _described_before(noun, clause, before, pool):
        return described
    if noun == "group":  # "the group raised": a body of members, not the hospital it helped
        for n in [*reversed(pool), *reversed(clause.earlier)]:
            if n.kind != "place" and n.text not in clause.receivers and not n.oblique and \
                    n.text.split()[-1] in _COLLECTIVE:
                return expand(name_donors(n), clause)
    found = resolve(_HEAD_KIND.get(noun, "organisation"), clause, before)
    if noun in _TRADES and found and all(country_like(f) for f in found):
        return []  # "The Danish toy store has donated": a firm of that country, not the state
    return found


_SCHOOLS = {"university", "college", "school"}
# the words a name carries that a head noun stands for ("the carrier": "Alaska Airlines")
_HEAD_WORDS = {"carrier": ("airlines", "airways", "air", "aviation")}
_TRADES = {"company", "firm", "maker", "carmaker", "automaker", "retailer", "conglomerate",
           "airline", "insurer", "lender", "store", "chain", "supermarket", "manufacturer",
           "producer", "brand", "startup", "supplier", "multinational", "corporation", "giant",
           "carrier"}
_COLLECTIVE = {"Association", "Society", "Club", "Federation", "Council", "Alliance", "Union",
               "Network", "Chamber", "Community", "Coalition"}


def _described_before(noun: str, clause: Clause, before: int, pool: list[Name]) -> list[str]:
    """ "the Baahubali star" after "Bahubali star Prabhas donated": the latest name the
    article introduced with the same head noun right before it."""
    seen = clause.text[:max(clause.start, 0)] + "\n" + clause.sentence[:before]
    intro = [m.group(1) for m in re.finditer(
        rf"\b{re.escape(noun)}\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", seen)]
    names = {n.text for n in [*pool, *clause.earlier] if n.kind != "place" and n.text not in
             clause.receivers}
    for text in reversed(intro):
        if text in names:
            return expand([possessive_free(text)], clause)
    return []


# "the Group", "The Church", "the Foundation": a body's generic head written capitalised alone
_HEAD_ALONE = re.compile(r"(?:[Tt]he\s+)?(Foundation|Group|Company|Church|Bank|Society|Trust|"
                         r"Association|Federation|Council|Club|Corporation|Charity|Fund|Union|"
                         r"Organisation|Organization|University|Institute|Agency|Commission|"
                         r"Alliance|Authority)")


def head_alone(name: Name, clause: Clause) -> list[str]:
    """ "the Group has also donated" after "Mah Sing Group Bhd": the latest earlier name (not a
    recipient) with that head word; none named so: [] (the caller keeps its own reading)."""
    m = _HEAD_ALONE.fullmatch(name.text)
    if not m:
        return []
    return _latest_with_head(m.group(1).lower(), [n for n in clause.names
                                                 if n.end <= name.start], clause)


def _latest_with_head(noun: str, pool: list[Name], clause: Clause) -> list[str]:
    """The givers of the latest name before (in `pool`, then earlier sentences) that is no
    place nor a recipient (nor goods went to it: "600 gloves to Lakeside Medical Group. The
    group also donated") and carries `noun` among its words, not the bare head itself
    ("Group" of "the Group"); [] when none does."""
    for n in [*reversed(pool), *reversed(clause.earlier)]:
        if n.kind != "place" and n.text not in clause.receivers and not n.oblique and noun in (
                w.lower() for w in n.text.split()) and not _HEAD_ALONE.fullmatch(n.text):
            return expand(name_donors(n), clause)
    return []


# what a site's name may add to the name of the body publishing on it ("X Newsroom")
_SITE_WORDS = re.compile(r"\s+(?:Newsroom|News\s+Room|News|Press\s+Room|Press|Media\s+Centre|"
                         r"Media\s+Center|Media|Global|Official\s+Site|Blog|Stories|Online)$",
                         re.I)


_CREDIT = re.compile(r"[(\[]\s*$")
_CREDIT_END = re.compile(r"\s*[)\]]")


def publisher_named(clause: Clause) -> str | None:
    """Who "we" with no speaker may be: the site's publisher, a body on its own site (a firm's
    or a charity's release), by the name it gives itself in its text; not a news outlet, which
    reports others' gifts and never its own ("Harbour Herald"), unless it names itself there."""
    if not clause.publisher:
        return None
    name = _SITE_WORDS.sub("", re.sub(r"^The\s+", "", clause.publisher.strip()))
    outlet = set(vocab()["words"]["news_outlet"])
    news = bool(outlet & set(re.findall(r"[\w-]+", clause.publisher.lower())))
    credited = False
    short = re.sub(r"\s*\([^()]*\)$", "", name)  # "BSS (Bangladesh Sangbad Sangstha)"
    for found in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", clause.text, re.I) if len(
            short) > 1 else ():
        if _CREDIT.search(clause.text, 0, found.start()) and (
                _CREDIT_END.match(clause.text, found.end())):
            credited = True  # "DHAKA, March 21 (BSS) –", "... in 2014. (Colombo Gazette)":
            continue  # an outlet crediting its report, no body speaking
        return found.group(0)
    return None if news or credited else name


def resolve(kind: str, clause: Clause, before: int) -> list[str]:
    if kind.startswith("head:"):
        return _by_head(kind[5:], clause, before)
    if kind == "first_person":
        if clause.speaker:
            return list(clause.speaker)
        if said := _announced_we(clause, before):
            return said
        return [own] if (own := publisher_named(clause)) else []
    if kind == "persons_company":  # "his company": the company the person before heads
        person = resolve("person", clause, before)
        seen = clause.text[:max(clause.start, 0)] + "\n" + clause.sentence[:before]
        return [c for c in [headed(person[0], seen) if person else None] if c]
    if kind == "persons_foundation":  # "his foundation": the foundation of the person before
        person = resolve("person", clause, before)
        return [f"{person[0]} Foundation"] if person else []
    if kind == "country":  # "The country will donate": the latest country that gave, else
        given = [g for g in reversed(clause.givers) if country_like(g)]  # the one the
        return given[:1] or main_country(clause, before)  # article is about
    if kind == "neighbour":  # "delivered from the neighbouring country": the latest country
        home = {pl.code for h in main_country(clause, before) if (pl := lookup_place(h))}
        seen = clause.text[:max(clause.start, 0)] + " " + clause.sentence[:before]  # named
        named = [p for p in find_places(seen) if p.place.kind == "country"]  # that is not the
        return next(([p.text] for p in reversed(named) if p.place.code not in home), [])  # home
    if kind == "embassy":  # "The embassy also donated": the state whose mission was named
        return mission_state(clause, before)
    if kind in ("group", "foundations", "companies") and (
            counted := given_by(clause, clause.sentence[:before])):
        return counted
    pool = [n for n in clause.names if n.end <= before and not n.oblique and (
        not apposed(clause.sentence[:before], n) or kind == "organisation" and spoken_for(
            clause.sentence, n.start))]  # "X, a spokesperson for Orvo, said the company"
    if kind == "organisation" and (said := _said_it(clause.sentence[:before], pool)):
        return said  # "Taiwan announced early last month that it would be donating"
    history = [n for n in [*reversed(pool), *(m for m in reversed(clause.earlier)
                                              if not m.oblique)] if not n.example]
    wanted = {"person": ("person",), "organisation": ("organisation", "foundation"),
              "foundation": ("foundation",), "group": ("foundation", "organisation"),
              "foundations": ("foundation",), "companies": ("organisation",)}[kind]
    people = {p.text.split()[-1] for p in history if p.kind == "person"}
    history = [n for n in history if n.text not in clause.receivers]
    for n in history:
        if n.kind in wanted and not (n.kind == "organisation" and (
                n.text in people or lookup_place(n.text) or _people_of_place(n.text)
                or (_ROLEISH.search(n.text) and not is_org_name(n.text)))):
            if kind in ("group", "foundations", "companies"):
                if len(joint := name_donors(n)) > 1:  # "Orvan and Tarsa ... They donated"
                    return joint
                same = [m for m in history if m.kind == n.kind and m.text not in people
                        and not lookup_place(m.text)]
                names = _one_each(possessive_free(m.text) for m in same)[:2]
                return list(reversed(names))
            return expand(name_donors(n), clause)
    places = [n for n in reversed(pool) if n.kind == "place"]
    if kind == "organisation" and places:  # "Taiwan said it would donate": a government
        return [places[0].text]
    if kind in ("organisation", "group") and (states := [
            n for n in reversed(clause.earlier) if country_like(n.text) and not n.oblique
            and n.text not in clause.receivers]):  # "They also donated": the state too
        return [states[0].text]  # "China has been sending supplies. Its relief efforts ..."
    if kind == "foundation" and _PERSONS_FOUNDATION.search(clause.text[:max(clause.start, 0)]):
        return resolve("persons_foundation", clause, before)  # "His foundation ..." earlier
    return []


# "The Orvo Foundation is pleased to announce that, together with X, we will donate": the
# body announcing what "we" will do speaks for itself
_ANNOUNCES_THAT = re.compile(r"\s+(?:is|are)\s+(?:pleased|proud|happy|delighted|glad|honou?red)"
                             r"\s+to\s+announce[ds]?\s+that\b", re.I)


def _announced_we(clause: Clause, before: int) -> list[str]:
    region = clause.sentence[:before]
    m = _ANNOUNCES_THAT.search(region) if "announce" in region else None
    lead = [n for n in clause.names if m and n.end == m.start() and n.kind != "place"]
    return name_donors(lead[-1]) if lead else []


def _people_of_place(name: str) -> bool:
    """ "Canadians", "Nigerians": a nation's people, never what "the company" refers to."""
    place = lookup_place(name[:-1]) if " " not in name and name.endswith("s") else None
    return place is not None and place.kind == "demonym"


_SAID_IT = re.compile(r"\b(?:said|says|announced|announces|confirmed|stated|added|noted|"
                      r"revealed|disclosed)\b[^,;.]{0,40}?\s(?:that\s+)?it$")
_SAID_GAP = re.compile(r"\s*(?:(?:also|has|had|have|on|last|early|earlier|then)\s+|"
                       r"[A-Z][a-z]+day\s+)*")
_IN_PHRASE = re.compile(r"\b(?:in|of|from|to|at|for|with|by)\s+(?:the\s+)?$", re.I)


def _said_it(region: str, pool: list[Name]) -> list[str]:
    """ "X announced that it would donate": X, the name right before the speech verb (a
    country or a body), not the latest organisation named sentences before."""
    m = _SAID_IT.search(region)
    lead = [n for n in pool if n.end <= m.start()] if m else []
    if not lead or not _SAID_GAP.fullmatch(region, lead[-1].end, m.start()):
        return []
    n = lead[-1]
    if n.kind == "person" or n.kind == "place" and not country_like(n.text) or _IN_PHRASE.search(
            region[:n.start]):  # "China's Embassy in Malaysia said it": not Malaysia
        return []
    return [n.text] if n.kind == "place" else name_donors(n)


def _people(names: Iterable[Name]) -> list[str]:
    """The people named, also the founder a foundation is named after ("Jack Ma's foundation":
    Jack Ma), so that his surname alone later ("Ma earlier announced") is him."""
    return [n.text.removesuffix(" Foundation") if n.implied else n.text for n in names
            if n.kind == "person" or (n.implied and n.kind == "foundation"
                                      and " " in n.text.removesuffix(" Foundation"))]


def expand(names: list[str], clause: Clause) -> list[str]:
    """A surname alone ("Ma", "Mr Ma") is the person named in full earlier ("Jack Ma"); a
    club by its last word ("City and United" after "Manchester United and Manchester City")
    the one named so just before."""
    if all(" " in name for name in names):
        return list(names)  # none to fill in: the article's names need no reading
    seen = [*clause.earlier, *clause.names]
    people = _people(seen)
    bodies = [b for n in seen if n.kind != "place" and not n.implied
              for b in split_coordinated(n.text)
              if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", b) and not lookup_place(b)]
    out = []
    for name in names:
        if " " not in name:
            full = next((p for p in reversed(people) if p.split()[-1] == name), None) or (
                next((b for b in reversed(bodies) if b.split()[-1] == name), None)
                if not lookup_place(name) else None)
            name = full or name
        out.append(name)
    return out


_GIVEN_LAST = re.compile(r"\s[A-Z][a-z]+-[a-z]+$")


def as_named(donors: list[str], names: list[Name]) -> list[str]:
    """Each giver as the article names the person in full: a surname alone ("from Ma") or a
    case slip ("Jack ma said") is the person named earlier ("Jack Ma")."""
    people = _people(names)
    out: list[str] = []
    for d in donors:
        full = next((p for p in reversed(people) if p.lower() == d.lower()), None) or (
            next((p for p in reversed(people) if p.split()[-1] == d), None) if " " not in d
            else None)
        if full is None and " " not in d:  # "director Park": Park Min-jun, his family name
            full = next((p for p in reversed(people) if p.split()[0] == d and _GIVEN_LAST.search(
                p)), None)  # first where the given name is hyphened ("Min-jun", "Seo-yeon")
        d = full or d
        if d not in out:
            out.append(d)
    return out


def _one_each(names: Iterable[str]) -> list[str]:
    """Names with a body's short form dropped beside its full one: "the Chinese Club" and "the
    Chinese Club of Western New York" are one club, not two givers of "they"."""
    out: list[str] = []
    for n in names:
        if any(n == o or o.startswith(n + " of ") for o in out):
            continue
        out = [n if n.startswith(o + " of ") else o for o in out]
        if n not in out:
            out.append(n)
    return out

