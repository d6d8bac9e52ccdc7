"""Free text on SQLite as one FTS5 query that also carries the search's other filters.

Each donation's FTS row holds its search text and, since migration 0007, a token per filter
value it has: `~i` + hex(item), `~s` + hex(status), `~d` + hex(donor key), `~r` + hex(recipient
code). The table's tokenizer keeps `~` inside a token, and nothing a reader types can produce
one: search words are letters and digits only, a `~` in the text is written as a space (which
tokenizes exactly as before, `~` being a separator to the default tokenizer), and a word
beginning a term (`gl` for gloves) can never begin a term that starts with `~`. So free text
and an item (or status, donor, recipient) is one MATCH whose candidates are the matches of
both, counted and read without a lookup per candidate in `donation`.

Each word is a prefix; it is first expanded to the terms of the FTS5 vocabulary it begins
(`donation_fts_terms`, migration 0006), because a prefix query makes FTS5 merge every matching
posting list on each probe, while an OR of terms seeks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, func, literal_column, select, text
from sqlalchemy.orm import Session

from aidledger.storage import ledger_facets
from aidledger.storage.ledger import Donation
from aidledger.storage.ledger_search import FTS, party_rows, text_key

__all__ = ["MARK", "TextMatch", "fts_body", "text_match", "token"]

MARK = "~"  # a token character of the FTS table (0007), a separator everywhere else
MAX_TERMS = 200  # a word beginning more terms than this is searched as a prefix
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_TERMS = text("SELECT term, doc FROM donation_fts_terms WHERE term >= :lo AND term < :hi")
SEEK_COST = 240
_VERSION = text("SELECT block FROM donation_fts_data WHERE id = 10")  # the structure record
_TERM_CACHE: dict[tuple[str, Any], tuple[list[tuple[str, int]] | None]] = {}
_TEXT_KEY = "aidledger_text_key"
KINDS = {"item": "i", "status": "s", "donor": "d", "recipient": "r"}


def token(kind: str, value: str) -> str:
    """The FTS term of one filter value: hex keeps any stored value (quotes, operators,
    spaces) a single plain term, and distinct values distinct terms."""
    return f"{MARK}{KINDS[kind]}{value.encode().hex()}"


def fts_body(row: dict[str, Any]) -> str:
    """What a donation's FTS row holds: its search text (`row["search_text"]`) with `~` as a
    space, then a token per item, status, donor key and recipient code it has."""
    tokens = [token(k, row[k]) for k in ("item", "status") if row.get(k)]
    tokens += [token(role, key) for role, key, _, _ in party_rows(row)]
    return " ".join([row["search_text"].replace(MARK, " "), *tokens])


class TextMatch:
    """Free text, with the filters folded in, as an FTS5 MATCH: its donation ids, a probe per
    donation, and how many match (counted up to `cap` + 1)."""

    def __init__(self, ids: Any, probe: Any, size: int) -> None:
        self.ids, self.probe, self.size = ids, probe, size


def text_match(session: Session, words: list[str], reach: int, cap: int,
               folded: Iterable[tuple[str, list[str], int]] = ()) -> TextMatch | None:
    """The words, and each folded filter (kind, values, how many donations have one of them:
    an OR of their tokens), as one MATCH; None when it cannot match. The matches are read
    once, up to `cap` + 1: when that was all of them, the page and its probe use that list.

    The probe per donation is either a seek in the FTS index (the words expanded to terms)
    or a membership test in the set of its matches read once: a seek costs about 240 reads
    of a match (measured at 1M donations), and the walk needs about `reach` x ledger /
    matches probes, so the set wins while matches^2 < 240 x reach x ledger."""
    groups, estimate = [], None
    for w in words:
        terms = _terms(session, w)
        if terms is not None and not terms:
            return None  # a word that begins no term: nothing matches
        if terms is None:
            groups.append(f'"{w}"*')
            continue
        groups.append("(" + " OR ".join(f'"{t}"' for t, _ in terms) + ")")
        docs = sum(n for _, n in terms)  # at least the word's matches
        estimate = docs if estimate is None else min(estimate, docs)
    for kind, values, docs in folded:
        if not values or not docs:
            return None
        groups.append("(" + " OR ".join(f'"{token(kind, v)}"' for v in values) + ")")
        estimate = docs if estimate is None else min(estimate, docs)
    match = FTS.c.donation_fts.match(" AND ".join(groups))
    ids = select(FTS.c.donation_id).where(match)
    rowid = literal_column("donation_fts.rowid")
    key = _register_text_key(session)(Donation.id)
    seek = estimate is not None and all(g.startswith("(") for g in groups)
    if seek and estimate is not None:
        ledger = ledger_facets.stored_total(session, "all")
        seek = estimate * estimate >= SEEK_COST * reach * ledger
    first = select(rowid.label("r")).where(match).limit(cap + 1).subquery()
    packed = session.scalar(select(func.json_group_array(first.c.r))) or "[]"
    found = packed.count(",") + 1 if packed != "[]" else 0  # (packed in SQL: one string)
    if found <= cap:  # every match: probe and page read this list, not the MATCH again
        listed = select(func.json_each(packed).table_valued("value").c.value)
        return TextMatch(select(FTS.c.donation_id).where(rowid.in_(listed)),
                         key.in_(listed), found)
    probe = exists().where(match, rowid == key) if seek else key.in_(select(rowid).where(match))
    return TextMatch(ids, probe, found)


def _terms(session: Session, word: str) -> list[tuple[str, int]] | None:
    """The vocabulary terms `word` begins, with the donations each is in; None when it
    cannot be expanded here (not plain ASCII, which the tokenizer may fold differently, or
    too many terms). Reading the vocabulary costs about a posting list per term (tens of ms
    for a common word at 1M donations), so answers are kept per version of the index: FTS5
    rewrites its structure record (which counts writes) whenever the index changes. (Facet
    tokens begin with `~`, after every ASCII letter and digit: no word's range reaches them.)"""
    if not _ASCII_WORD.fullmatch(word):
        return None
    version = (str(session.get_bind().url), session.scalar(_VERSION))
    hit = _TERM_CACHE.get((word, version))
    if hit is not None:
        return hit[0]
    hi = word[:-1] + chr(ord(word[-1]) + 1)
    terms = [(t, int(n)) for t, n in session.execute(_TERMS.bindparams(lo=word, hi=hi))]
    got = None if len(terms) > MAX_TERMS else terms
    if len(_TERM_CACHE) >= 1024:
        _TERM_CACHE.clear()
    _TERM_CACHE[word, version] = (got,)
    return got


def _register_text_key(session: Session) -> Any:
    """The FTS row of a donation id, as an SQL function of this connection."""
    raw = session.connection().connection.driver_connection
    raw.create_function(_TEXT_KEY, 1, text_key, deterministic=True)
    return getattr(func, _TEXT_KEY)
