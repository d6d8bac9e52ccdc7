"""Names in news prose: donors and organisations, and what "he" or "the company" refers to.

Rules, not a model: a name is a run of capitalised words (with "of", "and", "&" inside), stripped
of sentence-initial words; a name with an organisation word is an organisation, two or three
plain capitalised words a person. Pronouns and descriptions resolve to the latest earlier name
of the kind they describe.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from aidledger.parsers.dates import WEEKDAYS
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.name_coordination import (
    possessive_free,
    spelled_by,
    split_coordinated,
    split_orgs,
    split_places,
)
from aidledger.parsers.name_filters import (
    common_opening,
    counted_goods,
    goods_modifier,
    goods_word,
    grade,
    place_pair,
    term_acronym,
)
from aidledger.parsers.name_kinds import (
    Name,
    classify,
    is_org_name,
    legal_forms,
    name_sets,
    vocab,
)
from aidledger.parsers.numbers import CURRENCY_PREFIX, SCALES, UNITS

__all__ = ["Name", "classify", "find_names", "is_org_name", "possessive_free",
           "split_coordinated", "vocab"]

# a company's legal form, part of its name: "Rotol (M) Sdn Bhd", "Acme Co., Ltd", "Toyota, Inc"
_ABBREVIATED = "|".join(legal_forms()["abbreviated"])
_SUFFIX = "(?:" + _ABBREVIATED + "|" + "|".join(legal_forms()["suffixes"]) + r"|S\.A)\b"
# a word of a name; "U.S." keeps its dots when a capitalised word follows ("U.S. Centers for
# Disease Control", "the U.S. Embassy"); a dot before a capitalised word ends it ("of
# China.Chinese ambassador": two sentences run together)
# a plural owner inside a body's name: "Malaysian Shipowners' Association", "Farmers' Union"
_PLURAL_OWNER = (r"(?:(?<=[a-z]s)['’](?=[^\S\n]+(?:Association|Union|Federation|Council|Fund|"
                 r"Trust|Society|Club|Forum|Chamber|Alliance|Network|Cooperative|Co-operative|"
                 r"Guild|League|Welfare|Foundation|Institute)\b))?")
_WORD = (r"(?:(?:[A-Z]\.){2,}(?=[^\S\n]+[A-Z])"
         r"|(?:[A-Z]|Jr|Sr|St|Mt)\.(?=[^\S\n]+[A-Z][a-z])"  # "Ralph T. Orvo Jr. Foundation",
         # "St. Jude Children’s Research Hospital"
         r"|[A-Z](?:[\w'’&-]|\.(?!(?!" + _ABBREVIATED + r")[A-Z][a-z]{2}))*[\w&]" + _PLURAL_OWNER
         + r"|[A-Z])")
# "the International Initiative on COVID-19", "Task Force on Coronavirus": "on" inside a name
_ON_TOPIC = r"on(?=[^\S\n]+(?i:covid|coronavirus))"
# a name never runs over a line break (a headline's last word and the text's first are two)
_AMOUNT_AHEAD = r"(?![NR]\d|RM\d|Rs\d|KSh\d|Ksh\d|Sh\d)"  # "R1-billion", "N200m", "RM210,000"
_NAME = re.compile(  # an amount in rand, naira, ringgit ..., not a name's word
    r"(?<![\w-])" + _AMOUNT_AHEAD + _WORD + r"(?:(?:[^\S\n]+|[^\S\n]*&[^\S\n]*|-|"
    r"\.?,?[^\S\n]+(?=" + _SUFFIX + r")|[^\S\n]+\([A-Z][\w&.-]*\)[^\S\n]+(?=" + _SUFFIX
    + r"))(?:(?:of[^\S\n]+the|of|for|and|de|du|do|da|von|" + _ON_TOPIC + r")[^\S\n]+)?"
    + _AMOUNT_AHEAD + _WORD + r")*")  # ("Vila do Conde", "Rio de Janeiro": one name)
_ONLY_SUFFIX = re.compile(r"(?:" + _SUFFIX + r"\.?,?\s*)+")


# a verb right after "X's": the "'s" is the brand's own ("Sainsbury's has donated")
_BRAND = re.compile(r"\s+(?:has|have|had|is|was|will|would|said|says|announced|pledged|gave|"
                    r"sent|also)\b")


# the patterns find_names tries on every name, compiled once
_POSS = re.compile(r"['’]s$")
_BRAND_POSS = re.compile(r"[a-z]['’]s$")
_CAP_POSS = re.compile(r"[A-Z]\w+['’]s")
_POSS_SPLIT = re.compile(r"['’]s\s+")
_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_LOWER_FOUNDATION = re.compile(r"\s+(foundation|trust)\b")
_LOWER_GOVERNMENT = re.compile(r"\s+government\b")
_LOWER_FAMILY = re.compile(r"\s+family\b")
# a plural head after names joined by "and", shared by each: "the Roe and Doe families"
_LOWER_PLURAL = re.compile(r"[^\S\n]+(families|foundations)\b")
_COMMA_ONLY = re.compile(r",[^\S\n]*")
_PAIR_SPLIT = re.compile(r"((?:(?!\s+and\s+|,\s+).)+)(?:\s+and\s+|,\s+|$)")
_CONTRACTION = re.compile(r"(?:We|I|It|They|You|He|She|There|That|Let)['’](?:re|ve|ll|d|m|s)")
_COMPASS = frozenset(("Northern", "Southern", "Eastern", "Western", "Central", "Northeastern",
                      "Northwestern", "Southeastern", "Southwestern", "Northeast", "Northwest",
                      "Southeast", "Southwest", "North", "South", "East", "West"))
_PERSON_NOUNS = frozenset(("Billionaire", "Businessman", "Businesswoman", "Tycoon", "Mogul",
                           "Philanthropist", "Entrepreneur", "Investor", "Actor", "Actress",
                           "Singer", "Footballer", "Star", "Superstar", "Megastar", "Cricketer",
                           "Rapper", "Filmmaker", "Director", "Comedian", "Co-founder",
                           "Co-founders", "Founder", "Founders", "Cofounder", "Cofounders"))
# a role "of" a body right before a name that runs on into its holder's name
_ROLE_OF_BEFORE = re.compile(r"\b(?i:chairman|chairwoman|chairperson|founder|co-founder|ceo|"
                             r"president|director|chief|owner|executive|officer|manager|head)"
                             r"\s+of\s+(?:the\s+)?$")
_HELD_BY = re.compile(r"(.+\b(?:Group|Bank|Foundation|Company|Corporation|Holdings|Inc|Ltd|"
                      r"Limited|Industries|Technologies|Airlines|Motors))\s+([A-Z][\w'’-]+"
                      r"(?:\s+[A-Z][\w'’-]+){1,2})")
# "co-founder of Orvex Lin Bao": a one-word body, then its holder's first and last names
_ROLE_RIGHT_BEFORE = re.compile(r"\b(?:Chairman|Chairwoman|Chairperson|President|CEO|Founder|"
                                r"Co-founder|Owner)[^\S\n]+$")
# "TTD Executive Officer Ana Ruiz": a body's capitalised name, a role, then its holder
_ROLE_WITHIN = re.compile(r"((?:[A-Z][\w&'’-]*[^\S\n]+){0,3}[A-Z][\w&'’-]*)[^\S\n]+(?:Executive"
                          r"[^\S\n]+Officer|Chief[^\S\n]+Executive(?:[^\S\n]+Officer)?|CEO|"
                          r"Chairman|Chairwoman|Chairperson|Managing[^\S\n]+Director|"
                          r"Executive[^\S\n]+Director|Founder|Spokesperson|Spokesman)[^\S\n]+"
                          r"([A-Z][a-z][\w'’-]*(?:[^\S\n]+[A-Z][a-z][\w'’-]*){1,2})")
_HELD_BY_ONE = re.compile(r"([A-Z][\w'’&-]+)\s+([A-Z][a-z][\w'’-]*\s+[A-Z][a-z][\w'’-]*)")
_LEGAL_DOT = re.compile(r"\s(?:" + _ABBREVIATED + r")$")
_AMOUNT_NEXT = re.compile(r"\.?[^\S\n]?\d")
_SEAT_ACRONYM = re.compile(r"[^\S\n]+in[^\S\n]+([A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)[^\S\n]*"
                           r"\(([A-Z][A-Z&.]{2,9})\)")
# an occupation word (an agent noun) opening the sentence before a person's name
_AGENT_NOUN = re.compile(r"[A-Z][a-z]{3,}(?:er|or|ist|ian)")
# an adverb opening the sentence before a comma: "Afterwards,", "Subsequently,"
_OPENING_ADVERB = re.compile(r"[A-Z][a-z]*wards|[A-Z][a-z]{5,}ly")
_GROUP_AFTER = re.compile(r"[^\S\n]+(?:allies|partners|neighbou?rs|countries|nations|"
                          r"islands|territories)\b")
_FACILITY_AFTER = re.compile(r"[^\S\n]+(?:factory|plant|warehouse|facility|depot|hub|"
                             r"base|site|mill|workshop)\b")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|its\s+|their\s+|a\s+)?$")
_WEEKDAYS = frozenset(d.capitalize() for d in WEEKDAYS)
# one head closing a name its acronym follows: "Turkish Cooperation and Coordination Agency
# (TIKA)" is one body, whatever language its acronym was made in (the name is the body's own)
_ONE_HEAD = re.compile(r"\s(?:Agency|Corporation|Company|Bank|Association|Council|Commission|"
                       r"Authority|Organi[sz]ation|Institute|Society|Federation|Union|Office|"
                       r"Centre|Center|Board|Administration|Programme|Program)$")
_EXCHANGE = re.compile(r"NASDAQ|Nasdaq|NYSE|HKEX|SEHK|SSE|SZSE|BSE|NSE|LSE|TSX|ASX|KRX|TSE|OTC|SGX|"
                       r"IDX|PSE|JSE|NGX|Euronext")
_TICKER = re.compile(r"\(\s*(?:" + _EXCHANGE.pattern + r")\s*:\s*$")
# a person's description right after two capitalised words: they name where the person is
# from ("South Harbour philanthropist Tom Reyes"), not a person
_LOCAL_NOUN = re.compile(r"[^\S\n]+(?:businessman|businesswoman|businessmen|philanthropist|"
                         r"entrepreneur|billionaire|tycoon|resident|native|couple)\b")
_ACRONYM_AFTER = re.compile(r"[^\S\n]*\(([A-Z][A-Z&.]{2,9})\)")


def find_names(text: str, offset: int = 0) -> list[Name]:
    """Capitalised names in `text` (offsets shifted by `offset`), leading filler removed."""
    not_names, leading, _ = name_sets()
    out = []
    inside = -1  # the end of a group's name that holds the places after its demonym
    for m in _attributive_split(text):
        if offset + m.start() < inside:
            continue
        whole = m.group(0)
        if text[m.end():m.end() + 1] == "$":  # "US$5 million", "HK$2m": a currency
            whole = re.sub(r"(?:['’]s)?\s*\S+$", "", whole)  # "Tencent's US$100m": Tencent
            if not whole:
                continue
        if _POSS.search(whole) and _OWNED.match(text, m.end()):
            whole = re.sub(r"\s+(?:and|&)\s+(?:(?!\s(?:and|&)\s).)*$", "", whole) if re.search(
                r"\s(?:and|&)\s", whole) else ""  # "A and Fosun's
            if not whole:  # member companies": A; the companies, unnamed, are not Fosun
                continue
        raw = _owner_part(whole)
        words = raw.split(" ")
        start = m.start() + max(0, m.group(0).find(raw))
        group = _people_group(words, text, m, leading) if raw == whole else None
        if group is not None:  # "Nigerian expatriates in Canada have sent": one giver, not
            s, end = group  # Nigeria, and Canada is no taker
            out.append(Name(offset + s, offset + end, text[s:end], "organisation"))
            inside = offset + end
            continue
        if office := _OFFICE_OF.match(raw):  # "Minister of Health Mary Otieno": the person
            start += office.end()
            words = raw[office.end():].split(" ")
        if len(words) == 2 and words[0] in _COMPASS and _POSS.search(words[1]) and lookup_place(
                words[1][:-2]) and not lookup_place(f"{words[0]} {words[1][:-2]}"):
            start += len(words[0]) + 1  # "Southern China's province of Hainan": the country's
            words = words[1:]  # part (but "South Korea's" is the country's own)
        if len(words) in (1, 2) and _POSS.search(words[-1]) and lookup_place(
                " ".join(words)[:-2]):
            words = [*words[:-1], words[-1][:-2]]  # "Japan's donation of", "South Korea's
            # foreign ministry": the country, its gift or its body
        if len(words) > 2 and words[1] in _PERSON_NOUNS and lookup_place(words[0]):
            start += len(words[0]) + 1  # "Zimbabwean Billionaire Strive Masiyiwa Donates":
            words = words[1:]  # the demonym describes the person, as the noun after it does
        if start == m.start() == 0 and len(words) in (3, 4) and _AGENT_NOUN.fullmatch(
                words[0]) and words[0] not in vocab()["words"]["given_names"] and not \
                lookup_place(words[0]) and classify(" ".join(words[1:])) == "person":
            start += len(words[0]) + 1  # "Cricketer Jo Tan donated": the occupation word
            words = words[1:]  # opening the sentence describes the person, no part of the name
        while words and (words[0] in leading or words[0] in not_names
                         or _POSS.sub("", words[0]) in leading  # "Today's donations"
                         or words[0] in ("of", "for", "and", "the", "&")) and not _kept_head(
                             words):  # "As for Peru, ...": Peru; no name opens with "for"
            start += len(words[0]) + 1
            words = words[1:]
        cut = next((i for i, w in enumerate(words[1:-1], 1) if w in ("and", "&")
                    and words[i + 1] in not_names), None)
        if cut is not None:  # "the PM CARES Fund and Rs 5 crore": the name ends at "and"
            words = words[:cut]
        if len(words) > 2 and words[-2] in ("and", "&") and words[-1] in vocab()["words"][
                "titles"] and text[m.end():m.end() + 1] == ".":
            words = words[:-1]  # "Tom Reyes and Lt. Col. Ana Ruiz": the rank opens the next name
        while words and words[-1] in ("of", "and", "the", "&"):
            words = words[:-1]
        while len(words) > 1 and words[-1] in _WEEKDAYS:  # "the Government of Tarn Thursday
            words = words[:-1]  # donated": the day the news tells of, no part of the name
        noun = next((i for i in range(len(words) - 2, -1, -1) if words[i] in _PERSON_NOUNS
                     and len(words) - i - 1 in (2, 3)), None)
        if noun is None and len(words) > 4 and words[0] in _PERSON_NOUNS and all(
                classify(p) == "person" for p in " ".join(words[1:]).split(" and ")):
            noun = 0  # "Co-founders Lin Bao and Tom Reyes donated"
        if noun is not None and all(classify(p) == "person" for p in " ".join(
                words[noun + 1:]).split(" and ")):
            start += len(" ".join(words[:noun + 1])) + 1  # "Superstar Lin Bao", "Tarsa Nights
            words = words[noun + 1:]  # Actor Lin Bao": the person the words describe
        name = _GIFT_COMPOUND.sub("", " ".join(words)).strip(" .'’")
        if _DOTTED.fullmatch(re.sub(r"^[Tt]he\s+", "", name)) and text[m.end():m.end() + 1] == ".":
            name += "."  # "U.S.", "U.K.": the last dot is the abbreviation's, not the sentence's
        elif " " in name and _LEGAL_DOT.search(name) and text[m.end():m.end() + 1] == ".":
            name += "."  # "Robinsons Land Corp.", "Co., Ltd.": the legal form as written
        if not name or name in not_names or name.rstrip("'’s") in not_names:
            continue
        if _CONTRACTION.fullmatch(name):
            continue  # "We’re giving them 250 ventilators": a pronoun, read by the quote rules
        if _as_reference(name, text, start):
            continue  # "the Foundation said": a reference to the foundation named before
        if name in vocab()["words"]["titles"] and text[m.end():m.end() + 1] == ".":
            continue  # "Hon. Minister of Health": a title's abbreviation, no name
        if name.lower() in CURRENCY_PREFIX and _AMOUNT_NEXT.match(text, m.end()):
            continue  # "worth Rp 26 billion", "KSh 100": a currency's sign, no body
        if " " in name and name.rsplit(" ", 1)[1] in not_names and (place := lookup_place(
                name.rsplit(" ", 1)[0])) and (place.kind == "demonym" or not is_org_name(name)):
            continue  # "a Korean NGO", "Chinese PPE": a description, not a name (but "the
            # Boston Foundation" is the town's foundation's name)
        if place_pair(name):
            continue  # "Chinese-American students", "the U.S.-Vietnam partnership": adjectives
        if _ONLY_SUFFIX.fullmatch(name):
            continue  # "Sdn Bhd", "Ltd" cut from their company: no donor of their own
        if m.start() > 0 and text[m.start() - 1] == "#" and re.search(
                r"[\d_]|^(?:covid|corona|virus|ppe)", name, re.I):
            continue  # "#Covid_19", "#PPE": a topic's hashtag, no body
        if len(name) == 1 or term_acronym(name, text[:m.start()]) or grade(name):
            continue  # "high-performance computing (HPC) systems": a term, not a body
        if " " not in name and _GROUP_AFTER.match(text, m.end()) and not lookup_place(name):
            continue  # "its three Pacific allies", "Nordic partners": a word describing them
        if _FACILITY_AFTER.match(text, m.end()) and _FROM_BEFORE.search(text, 0, m.start()):
            continue  # "shipped from the Orvo factory in Lyon": where goods left, no giver
        if goods_modifier(text[:m.start()], text[m.end():]) and not lookup_place(name):
            continue  # "15 Acme portable ventilators": the goods' brand, no giver
        if counted_goods(name, text[:m.start()]):
            continue  # "9,000 Disposable Coverall (PPEs)": the goods themselves
        if all(w in UNITS or w in SCALES for w in re.split(r"[\s-]+", name.lower())):
            continue  # "Thirty-thousand gowns reached the clinics": a count, no name
        if start == offset and " " not in name and goods_word(name):
            continue  # "Masks donated by ...": the goods opening the sentence, not a name
        if start == offset and " " not in name and _OPENING_ADVERB.fullmatch(name) and \
                text[m.end():m.end() + 1] == "," and not lookup_place(name):
            continue  # "Afterwards, he went": an adverb opening the sentence, no name
        if start == offset and " " not in name and common_opening(name, text[m.end():]):
            continue  # "Products include ...", "Medical supplies were ...": no name at all
        if start == offset and " " not in name and name.endswith("ing") and re.match(
                r"\s+(?:able|to|a|an|the|up|on|in|with|from|for|by|at|its|their|his|her|more|under|"
                r"over|into|out|that|this|these|those|about|after|been|so)\b", text[m.end():]) \
                and not lookup_place(name):
            continue  # "Being able to produce ...": a participle opening the sentence
        if _TICKER.search(text, max(0, m.start() - 12), m.start()) or (
                _EXCHANGE.fullmatch(name) and text[m.end():m.end() + 1] == ":"):
            continue  # "Orvo Systems Inc. (NASDAQ: ORVO)": an exchange and a share's ticker
        if " " not in name and name.endswith("ed") and (start == offset or text[
                max(0, start - 1):start] in ("“", '"', "‘")) and re.match(
                r"[^\S\n]+by\b", text[m.end():]) and not lookup_place(name):
            continue  # "Motivated by a wish to help, each club ...": a participle, no name
        if " " not in name and name.endswith("ing") and text[max(0, start - 1):start] in (
                "“", '"', "‘") and re.match(r"[^\S\n]+[a-z]", text[m.end():]) and not (
                lookup_place(name)):
            continue  # '“Helping friends is what we do”': a word opening a quote
        lower_org = _LOWER_FOUNDATION.match(text, m.end())
        if lower_org and not lookup_place(name) and name not in leading and not _POSS.search(
                m.group(0)):  # "Alibaba foundation"; "Ma's foundation" is implied
            s = offset + start
            out.append(Name(s, offset + lower_org.end(), f"{name} {lower_org.group(1).title()}",
                            "foundation"))
            continue
        local = _LOWER_GOVERNMENT.match(text, m.end())
        if local and re.search(r"\b(?:Metropolitan|Municipal|Provincial|Prefectural|Regional|"
                               r"City|County|District)$", name):  # "the Seoul Metropolitan
            s = offset + start  # government": a local government named as written
            out.append(Name(s, offset + local.end(), f"{name} government",
                            "organisation"))
            continue
        seat = _SEAT.match(text, m.end()) if (name.endswith(_SEATED_BODIES) and _SEATED_BODY.search(
            name)) or _MISSION_OF.match(name) or _BODY_OF.match(name) else None  # (no name
        # ends in a line break; "the Chamber of Peruvian Firms in Chile": one body)
        if seat and (p := lookup_place(seat.group(1))) is not None and (
                p.kind == "country" or p.kind == "city" and (
                    _MISSION.search(name) or _MISSION_OF.match(name))):
            s = offset + start  # "the Taiwanese Association in the Philippines", "the
            # Chinese Embassy in Tanzania", "the Consulate General in Toronto": one body
            out.append(Name(s, offset + seat.end(), name + seat.group(0), "organisation"))
            continue
        shared = _LOWER_PLURAL.match(text, m.end()) if " and " in name else None
        if shared and not lookup_place(name) and not _POSS.search(m.group(0)) and all(
                p[:1].isupper() and not lookup_place(p) for p in _PAIR_SPLIT.findall(name)):
            head = "family" if shared.group(1) == "families" else "Foundation"
            for p in _PAIR_SPLIT.finditer(name):  # "the Roe and Doe families": a Roe
                s = offset + start + p.start(1)  # family and a Doe family, two givers
                end = offset + shared.end() if p.end() == len(name) else s + len(p.group(1))
                out.append(Name(s, end, f"{p.group(1)} {head}", "foundation"))
            continue
        shared = _LOWER_PLURAL.match(text, m.end()) if " " not in name else None
        if shared and out and _COMMA_ONLY.fullmatch(text, out[-1].end - offset, start) \
                and not lookup_place(name) and not lookup_place(out[-1].text) and \
                out[-1].kind != "person" and " " not in out[-1].text:
            head = "family" if shared.group(1) == "families" else "Foundation"
            prev = out[-1]  # "from China's Tencent, Fosun foundations": a Tencent Foundation
            out[-1] = Name(prev.start, prev.end, f"{prev.text} {head}", "foundation")  # and a
            s = offset + start  # Fosun Foundation, a headline's comma for "and"
            out.append(Name(s, offset + shared.end(), f"{name} {head}", "foundation"))
            continue
        family = _LOWER_FAMILY.match(text, m.end())
        if family and not lookup_place(name):  # "the Weston family" gives as one
            s = offset + start
            out.append(Name(s, offset + family.end(), f"{name} family", "foundation"))
            continue
        if m.start() > 0 and text[m.start() - 1] in "@#" and " " not in name and (
                text[m.start() - 1] == "@" or re.fullmatch(r"(?:[A-Z][a-z]+){2,3}", name)):
            handle = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)  # "@JackMa", "#PopeFrancis"
            s = offset + start
            out.append(Name(s, s + len(name), handle, classify(handle)))
            continue
        held = (_HELD_BY.fullmatch(name) or _held_by_one(name)) if " of" in text[
            max(0, start - 5):start] and _ROLE_OF_BEFORE.search(
                text, max(0, start - 40), start) else _HELD_BY.fullmatch(name) if (
            _ROLE_RIGHT_BEFORE.search(text, max(0, start - 20), start)) else None
        # ("Chairman Orvo Group Lin Bao": the role's body and its holder, no "of" between)
        if held is None and (within := _ROLE_WITHIN.fullmatch(name)) and classify(
                within.group(2)) == "person" and not lookup_place(within.group(1)):
            held = within  # "Orvo Executive Officer Lin Bao said": the body, its officer
        if held and not name_sets()[2].search(held.group(2)):  # "chairman of Alibaba Group
            s = offset + start  # Jack Ma": the body of the role, then the person holding it
            p = s + held.start(2)
            out += [Name(s, s + len(held.group(1)), held.group(1), classify(held.group(1))),
                    Name(p, p + len(held.group(2)), held.group(2), "person")]
            continue
        seated = _SEAT_ACRONYM.match(text, m.end())
        if seated and lookup_place(seated.group(1)) and spelled_by(
                f"{name} in {seated.group(1)}", seated.group(2)):
            s = offset + start  # "Board of Control for Sport in Peru (BCSP)": the place is
            whole_name = f"{name} in {seated.group(1)}"  # part of the name its acronym spells
            out.append(Name(s, s + len(whole_name), whole_name, classify(whole_name)))
            continue
        acronym = _ACRONYM_AFTER.match(text, m.end())
        if " and " in name and acronym and (spelled_by(name, acronym.group(1)) or (
                _ONE_HEAD.search(name) and not is_org_name(name.split(" and ")[0]))):
            s = offset + start  # "China Road and Bridge Corporation (CRBC)": one body
            out.append(Name(s, s + len(name), name, classify(name), whole=True))
            continue
        for part_start, part in (q for ps, pt in split_places(name)
                                 for q in split_orgs(ps, pt)):
            s = offset + start + part_start
            brand = part == name and bool(_BRAND.match(text, m.end())) and bool(
                _BRAND_POSS.search(part))
            kind = classify(part)
            if kind == "person" and part == name and _LOCAL_NOUN.match(text, m.end()):
                kind = "place"  # "a South Harbour businessman": where the person is from
            out.append(Name(s, min(s + len(part), offset + start + len(name)), part,
                            kind, brand=brand))  # (a shared name: as long as written)
        out += _implied(m, text, offset)
        if spoken_for(text, start):  # "a spokesperson for
            out = [replace(n, kind="organisation") if n.start == offset + start and  # Holm
                   n.kind == "person" else n for n in out]  # Brandt": a body, whatever its words
        if _oblique(text, m.start()) or (start != m.start() and _oblique(text, start)):
            out = [replace(n, oblique=True) if n.start == offset + start else n for n in out]
    return _examples_marked(text, offset, _aliases_dropped(text, offset, sorted(
        out, key=lambda n: n.start)))


# "Lin Bao, or Bao Lin, said ...": a second name the person goes by, no other person
_ALIAS_BEFORE = re.compile(r",[^\S\n]+(?:or|aka|also[^\S\n]+known[^\S\n]+as)[^\S\n]+$")


def _aliases_dropped(text: str, offset: int, names: list[Name]) -> list[Name]:
    if ", or " not in text and "known as" not in text and "aka" not in text:
        return names
    out: list[Name] = []
    for n in names:
        if out and n.kind == "person" and out[-1].kind == "person" and _ALIAS_BEFORE.fullmatch(
                text, out[-1].end - offset, n.start - offset) and re.match(
                r"[^\S\n]*,", text[n.end - offset:]):
            continue
        out.append(n)
    return out


# "organisations like the WHO, the CDC and ...": names listed as examples of a kind
_LIKE = re.compile(r"\b(?:like|such\s+as)\s+(?:the\s+)?$", re.I)
_LIST_ON = re.compile(r"(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")


def _examples_marked(text: str, offset: int, names: list[Name]) -> list[Name]:
    if " like " not in text and "such as" not in text:
        return names
    out: list[Name] = []
    for n in names:
        s, prev = n.start - offset, out[-1] if out else None
        if _LIKE.search(text, max(0, s - 12), s) or (
                prev is not None and prev.example and _LIST_ON.fullmatch(
                    text, prev.end - offset, s)):
            n = replace(n, example=True)
        out.append(n)
    return out


_SPOKES_FOR = re.compile(r"\b(?:spokes(?:person|man|woman)|representative|"
                         r"spokespeople)\s+(?:for|of|at)\s+(?:the\s+)?$", re.I)


def spoken_for(text: str, start: int) -> bool:
    """The name at `start` follows "a spokesperson for": the body its speaker speaks for."""
    return bool(_SPOKES_FOR.search(text, max(0, start - 40), start))


_OWNED = re.compile(r"\s+(?:[a-z]+\s+)?(?:companies|subsidiaries|units|affiliates|members|"
                    r"employees|staff)\b")
# a members' body and the country it sits in, named as one: "Chinese Association in Kenya"
_MEMBERS_BODIES = ("Association", "Society", "Chamber of Commerce", "Federation", "Club",
                   "Council", "Community")
_MEMBERS_BODY = re.compile(r"\b(?:" + "|".join(_MEMBERS_BODIES) + r")$")
# a state's mission abroad, named with where it sits as readers name it
_MISSIONS = ("Embassy", "Consulate", "Consulate General", "Consulate-General",
             "High Commission")
_MISSION = re.compile(r"\b(?:" + "|".join(_MISSIONS) + r")$")
_MISSION_OF = re.compile(r"(?:" + "|".join(_MISSIONS) + r")\s+of\s")  # "Embassy of Japan"
_BODY_OF = re.compile(r"(?:Chamber|Association|Federation|Council|Society|Union)\s+of\s")
_SEATED_BODIES = _MEMBERS_BODIES + _MISSIONS
_SEATED_BODY = re.compile(r"\b(?:" + "|".join(_SEATED_BODIES) + r")$")
_SEAT = re.compile(r"[^\S\n]+in[^\S\n]+(?:the[^\S\n]+)?([A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)\b")


@cache
def _peoples() -> re.Pattern[str]:
    """A people noun after a demonym: "Kenyan nurses", "the Chinese community"."""
    return re.compile(r"[^\S\n]+(?:" + "|".join(vocab()["words"]["peoples"]) + r")\b")


_LIVING_IN = re.compile(r"[^\S\n]+(?:(?:living|based|residing)[^\S\n]+)?in[^\S\n]+"
                        r"(?:the[^\S\n]+)?([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,2})")


@cache
def _reference_heads() -> frozenset[str]:
    """Head nouns whose "the X" refers back ("the company", "the foundation")."""
    w = vocab()["words"]
    return frozenset(p[4:] for k in ("organisation", "foundation", "embassy") for p in w[k]
                     if p.startswith("the ") and " " not in p[4:])


def _as_reference(name: str, text: str, start: int) -> bool:
    """ "In a statement the Foundation said": a head noun alone, capitalised, after "the"."""
    if name.rpartition(" ")[2].lower() not in _reference_heads():
        return False  # (most names end in no reference head)
    words = name.split(" ")
    if len(words) == 2:
        return words[0].lower() == "the"  # "the Foundation" kept as one head
    return len(words) == 1 and bool(_THE_BEFORE.search(text, max(0, start - 8), start))


_THE_BEFORE = re.compile(r"(?<![\w-])(?i:the)[^\S\n]+$")


# words that may open the run of a group's demonym: "Members of the Lebanese diaspora"
_GROUP_LEAD = frozenset(("of", "the", "Members", "Group"))


def _people_group(words: list[str], text: str, m: re.Match[str], leading: frozenset[str]
                  ) -> tuple[int, int] | None:
    """Where a group named by its nationality starts and ends in `text` ("Pakistani
    expatriates in Singapore", the run `m` ending at its demonym, one or two words: "Sri
    Lankan"): such a group gives as itself, not as its state, and the place it lives in is
    part of it. None when no people noun follows the demonym (most runs)."""
    group = _peoples().match(text, m.end())
    if group is None:
        return None
    tail = next((t for t in (2, 1) if len(words) >= t and all(
        w in leading or w in _GROUP_LEAD for w in words[:-t])), 0)
    if not tail or _oblique(text, m.start()):
        return None
    demonym = " ".join(words[-tail:])
    place = lookup_place(demonym)
    if place is None or place.kind != "demonym":
        return None
    seat = _LIVING_IN.match(text, group.end())
    end = seat.end() if seat and lookup_place(seat.group(1)) is not None else group.end()
    if text[end - 1] == "." and not _INITIAL_END.search(text, max(0, end - 3), end):
        end -= 1  # "... in Norway.": the sentence's full stop, not the name's
    return m.end() - len(demonym), end


_INITIAL_END = re.compile(r"\b[A-Z]\.$")  # "... in the U.S.": the dot is the name's


# a name after a preposition of direction is what goods go to or through, not a subject
# a later "he" or "the company" could stand for
_OBLIQUE = re.compile(r"\b(?:to|towards|into|through|via)\s+(?:(?:the|its|their|his|her)\s+"
                      r"(?:[a-z][\w-]*\s+){0,2})?$", re.I)  # "Through its nonprofit X"


def _oblique(text: str, end: int) -> bool:
    """A direction word right before `end` (each match ends in a space: none, no search). A
    match holds at most four runs of spaces ("to the new field ", ending in one), so only
    the last five words are searched (the text before them cannot start one)."""
    if not (end > 0 and text[end - 1].isspace()):
        return False
    head = text[:end].rsplit(None, 4)
    return bool(_OBLIQUE.search(text, len(head[0]) if len(head) == 5 else 0, end))


# an office "of" a field before a person's name: "Minister of Health", "Secretary of State"
_OFFICE_OF = re.compile(r"(?:Deputy\s+|Vice\s+)?(?:Minister|Secretary|Governor|Director)\s+of\s+"
                        r"(?:State\s+for\s+)?[A-Z][\w&-]*(?:\s+(?:and|&)\s+[A-Z][\w&-]*)?\s+"
                        r"(?=[A-Z][a-z])")


_ROLE_SPLIT = re.compile(r"^([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)\s+(?:CEO|Chairman|Chairwoman|"
                         r"Founder|Co-founder|President|Chief)\b")
_FOUNDATION_OF = re.compile(r"['’]s?\s+(?:charitable\s+|namesake\s+)?(?:foundation|charity|"
                            r"charitable arm)\b")
_FOUNDATION_TITLED = re.compile(r"['’]s?\s+(?:Charitable\s+|Namesake\s+)?(?:Foundation|Charity)$")


def _implied(m: re.Match[str], text: str, offset: int) -> list[Name]:
    """Names a phrase implies: the company of "Apple CEO Tim Cook", the foundation of "Jack
    Ma's foundation", so that "the company" or "it" can refer back to them."""
    out = []
    role = _ROLE_SPLIT.match(m.group(0))
    if role and not lookup_place(role.group(1)) and not all(  # "Vice President Lin Bao":
            w in name_sets()[1] for w in role.group(1).split()):  # a rank, no company
        s = offset + m.start()
        out.append(Name(s, s + len(role.group(1)), role.group(1), "organisation"))
    tail = _FOUNDATION_OF.match(text, m.end() - 2) if m.group(0).endswith(("'s", "’s")) else \
        _FOUNDATION_OF.match(text, m.end())  # "Bill Gates' foundation" too
    if tail is None and (titled := _FOUNDATION_TITLED.search(m.group(0))):
        tail = _FOUNDATION_OF.match(text.lower(), m.start() + titled.start())  # "Jack Ma's
        # Foundation": the same foundation, its word capitalised
    if tail:
        person = re.sub(r"['’]s$", "", _owner_part(m.group(0)))
        words = person.split()
        while words and words[0] in name_sets()[1]:
            words = words[1:]
        if words:
            name = " ".join(words) + " Foundation"
            out.append(Name(offset + tail.start(), offset + tail.end(), name, "foundation",
                            implied=True))
    return out


def _place_or_part(name: str) -> bool:
    """A place, or a part of one by its compass point ("Southwest China" of "Southwest
    China's Guizhou Province", the agencies' way of placing a province)."""
    first, _, rest = name.partition(" ")
    return bool(lookup_place(name) or (first in _COMPASS and rest and lookup_place(rest)))


def _owner_part(text: str) -> str:
    """"JMF's RMB" -> "JMF"; "Japan's Softbank" -> "Softbank" (a place's company is the
    company); "Tesla CEO Elon Musk" -> "Elon Musk" (the person after a role word)."""
    parts = _POSS_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and (opener := parts[0].split(" ", 1))[0] in name_sets()[1] and len(
            opener) == 2 and lookup_place(opener[1]):  # "Earlier China's Hainan sent": the
        parts = [opener[1], parts[1]]  # opening word is no part of the owner
    if len(parts) == 2 and (lookup_place(text.replace("’", "'")) or (
            re.search(r"\bPeople$", parts[0]) and lookup_place("People's " + parts[1]))):
        return text  # "the People's Republic of China", "the Embassy of the People's ...": one
    if len(parts) == 2 and lookup_place(parts[0]) and re.match(
            r"(?:Embassy|Consulate|High Commission|Ministry of Foreign Affairs|Foreign "
            r"Ministry)\b", parts[1]):
        return text  # "China's Embassy in Malaysia" gives for China, not as "Embassy"
    if len(parts) == 2 and (_OFFICE.search(parts[0]) or _MEMBERS.search(parts[0])) and \
            is_org_name(parts[1]):
        return text  # "the Prime Minister's Fund", "Ningbo People's Government": one body
    if len(parts) == 2:
        head = parts[1].split()[0] if parts[1].split() else ""
        not_names, leading, _ = name_sets()
        owned = len(parts[1].split()) >= 2 and head not in not_names and head not in leading \
            and all(w[:1].isupper() for w in parts[0].split()) and not re.search(
            r"['’]s\b", parts[1]) and not lookup_place(parts[1].split()[0]) and ("person" in (
            classify(parts[0]), classify(parts[1])) or (classify(parts[1]) == "foundation"
                                                     and not parts[0].isupper()))
        # not "WHO's Solidarity Fund": the WHO's; "Rihanna's Clara Lionel Foundation" gives
        text = parts[1] if parts[1][:1].isupper() and (_place_or_part(parts[0]) or owned) \
            else parts[0]  # "Vedanta Resources' Anil Agarwal", "Mukesh Ambani's Reliance
        # Industries": the person or company named after the owner is the one who acts
    m = roles_before().search(text)
    return text[m.end():] if m else text


def _held_by_one(name: str) -> re.Match[str] | None:
    """ "Orvex Lin Bao" after "founder of", unless its first words are a place ("New York
    Presbyterian") or its last two a body's ("Tesla Motor Works")."""
    m = _HELD_BY_ONE.fullmatch(name)
    if not m or lookup_place(m.group(1)) or lookup_place(name.rsplit(" ", 1)[0]) or \
            name_sets()[2].search(m.group(2)):
        return None
    return m


@cache
def roles_before() -> re.Pattern[str]:
    """A role word before a capitalised name ("CEO", "President", "Secretary of State")."""
    roles = vocab()["words"]["roles"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, roles)) + r")\s+(?=[A-Z])")


_ATTRIBUTES = ("based", "owned", "headquartered", "listed", "born", "registered", "made",
               "funded", "backed")
_ATTRIBUTIVE = re.compile(r"(?<![\w-])[A-Z][\w'’.&]*(?:[ -][A-Z][\w'’.&]*)*-(?:"
                          + "|".join(_ATTRIBUTES) + r")\b")
_ATTRIBUTE_ENDS = tuple(f"-{a}" for a in _ATTRIBUTES)  # each match holds one: a text with
# none is not searched (most sentences; same matches)
# "the U.S. Embassy-donated masks": unlike the attributes above (taken out whole, "-funded"
# among them), a participle of giving keeps the giver it is joined to, cut from the name's end
_GIFT_COMPOUND = re.compile(r"-(?:donated|sponsored|supplied|provided|gifted)$")


def _attributive_split(text: str) -> list[re.Match[str]]:
    """Name matches with "Seattle-based", "Hong Kong-based" taken out: an adjective of place
    or ownership in front of a name is not part of it (nor a donor of its own)."""
    if not any(e in text for e in _ATTRIBUTE_ENDS):
        return list(_NAME.finditer(text))
    out: list[re.Match[str]] = []
    pos = 0
    for a in _ATTRIBUTIVE.finditer(text):
        out += [m for m in _NAME.finditer(text, pos, a.start())]
        pos = a.end()
    out += [m for m in _NAME.finditer(text, pos)]
    return out


# whose body it is, said in the name itself: "People's Government", "Women's Federation"
_MEMBERS = re.compile(r"(?:^|\s)(?:People|Women|Children|Men|Workers|Farmers|Veterans|Citizens)$")
_OFFICE = re.compile(r"(?:^|\s)(?:Prime\s+Minister|PM|Chief\s+Minister|CM|President|Governor|"
                     r"Mayor)$")


def _kept_head(words: list[str]) -> bool:
    """A leading word that is part of the name after all: "PM CARES Fund", "Chinese Red Cross
    Foundation" (a demonym before an organisation word names the organisation's country)."""
    if len(words) < 2:
        return False
    if words[0] == "PM" and (words[1].isupper() or words[-1] == "Fund"):
        return True
    if words[0] == "New" and len(words) >= 3 and is_org_name(" ".join(words[1:])):
        return True  # "the New Apostolic Church", "New Development Bank": the body's own word
    if words[0] == "PT" and words[1][:1].isupper():
        return True  # "PT Bank DBS Indonesia": an Indonesian company's legal form, not a time zone
    if _CAP_POSS.fullmatch(words[0]) and lookup_place(words[0][:-2]) and re.match(
            r"(?:Ministry of Foreign Affairs|Foreign Ministry)\b", " ".join(words[1:])):
        return True  # "Japan's Ministry of Foreign Affairs" acts for Japan
    if _OFFICE.search(" ".join(words[:2]).replace("’s", "").replace("'s", "")) and is_org_name(
            " ".join(words[2:]) or words[-1]):
        return True  # "Prime Minister's Fund"
    if len(words) == 2 and words[1] in ("League", "Group", "Bank", "Foundation", "Fund"):
        return True  # "Premier League", "Giant Group": the leading word names the body
    if words[0] == "The" and len(words) > 2 and lookup_place(words[1]):
        return False  # "The Chinese Club": "The" is no part of "Chinese", as it is of "The Hague"
    if lookup_place(words[0]) and lookup_place(words[1]) and not lookup_place(" ".join(
            words[:2])):  # "Chinese Dongguan Municipal Government": the city's own body,
        return False  # the demonym describes it
    if any(lookup_place(" ".join(words[:k])) for k in (2, 3) if k <= len(words)):
        return True  # "New Jersey", "New South Wales": the leading word is the place's
    rest = " ".join(words[1:])  # "a Korean NGO": a description, the NGO's name follows
    return bool(lookup_place(words[0])) and is_org_name(rest) and rest not in name_sets()[0]
