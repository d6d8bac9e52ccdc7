"""Free text on PostgreSQL: a stored tsvector with the item and status as lexemes.

`donation.search_vector` (migration 0008, a generated column the models leave out) holds the
words of the search text and a lexeme per item and status, `~i` / `~s` and the value's md5
(a generated column must be immutable, and `convert_to`, which a hex of the value would need,
is not). Search words are letters and digits (`search_words`); a prefix of one never begins a
`~` lexeme. So free text and an item or status is one GIN lookup. The column tests stay in the
query too (an md5 never decides a match alone), written so that no index serves them. A
recipient filter narrows the same lookup by the words of its codes, which the search text
holds (an OR of exact lexemes: a superset of the recipient's donations; the exact test of
the donation's recipient codes stays in the query).

The same condition comes in two forms: `@@`, which the GIN index serves (read the matches),
and `ts_match_vq`, the function behind `@@`, which no index serves, so that a page of many
matches walks the sort key's index and tests each row's stored vector (about a microsecond).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ARRAY, Text, cast, func, literal_column, select, text
from sqlalchemy.dialects.postgresql import JSONB, TSQUERY, array
from sqlalchemy.orm import Session
from sqlalchemy.types import UserDefinedType

from aidledger.storage.ledger import Donation

__all__ = ["PgText", "code_words", "pg_plan_settings", "pg_recipient", "pg_text",
           "pg_text_condition"]

KINDS = {"item": "i", "status": "s"}
_VECTOR = literal_column("donation.search_vector")


_CODE = re.compile(r"[a-z]+(?:[:_][a-z]+)*")


def code_words(code: str) -> list[str] | None:
    """The exact words a recipient code leaves in the search text (which holds every
    recipient's code, lowered: "KOR" -> kor, "region:latin_america" -> region, latin,
    america), or None for a code whose words the text parser might split otherwise."""
    low = code.lower()
    return low.replace(":", " ").replace("_", " ").split() if _CODE.fullmatch(low) else None


def pg_recipient(keys: list[str]) -> tuple[list[list[str]], Any] | None:
    """The words of each recipient code (for `pg_text`) and the exact test of a candidate,
    or None when a code has no exact words in the text. The test is on the donation's own
    row (its `recipients` are the codes its party rows were written from): a test of each
    candidate's party rows was a semi-join the planner made by hashing every party row of
    the codes (200,000 for Europe at 1M donations: 70 of 95 ms)."""
    words = [code_words(k) for k in keys]
    if any(w is None for w in words):
        return None
    exact = cast(Donation.recipients, JSONB).op("?|")(cast(array(keys), ARRAY(Text)))
    return [w for w in words if w is not None], exact


def _query(words: list[str], folded: Iterable[tuple[str, str]],
           codes: Iterable[list[str]] = ()) -> Any:
    query = func.to_tsquery(literal_column("'simple'::regconfig"),
                            " & ".join(f"{w}:*" for w in words))
    lexemes = [f"'~{KINDS[k]}{hashlib.md5(v.encode()).hexdigest()}'" for k, v in folded]
    if lexemes:
        query = query.op("&&")(cast(" & ".join(lexemes), TSQUERY))
    anyof = [" & ".join(f"'{w}'" for w in c) for c in codes]
    if anyof:
        query = query.op("&&")(cast(" | ".join(f"({a})" for a in anyof), TSQUERY))
    return query


def pg_text_condition(words: list[str], folded: Iterable[tuple[str, str]] = (),
                      indexed: bool = True, codes: Iterable[list[str]] = ()) -> Any:
    """Every word begins a word of the text, and the donation has each folded (kind, value)
    and the words of one of `codes` (from `code_words`: exact, not prefixes). The codes
    only narrow the candidates (a donor named "Kor Trust" has the word too): the caller
    keeps the exact recipient test. `indexed`: the form the GIN index serves; else the same
    test per row."""
    query = _query(words, folded, codes)
    if indexed:
        return _VECTOR.op("@@")(query)
    return func.ts_match_vq(_VECTOR, query)


class PgText:
    """Free text (with the item and status folded in) as a source of the page planner."""

    def __init__(self, direct: Any, probe: Any, size: int) -> None:
        self.direct, self.probe, self.size = direct, probe, size
        self.ids = select(Donation.id).where(direct)


def pg_text(session: Session, words: list[str], folded: list[tuple[str, str]],
            also: list[Any], cap: int, count: bool = True,
            codes: list[list[str]] | None = None) -> PgText:
    """The matches counted up to `cap` + 1 (see `_count`; `also`: the exact tests of the
    folded filters, `codes`: the recipient's, see `pg_text_condition`). Not `count`: another
    source (a donor's rows) will drive, and the size is given as `cap` + 1."""
    direct = pg_text_condition(words, folded, codes=codes or ())
    probe = pg_text_condition(words, folded, indexed=False, codes=codes or ())
    n = _count(session, direct, [probe, *also], also, cap) if count else cap + 1
    return PgText(direct, probe, n)


SAMPLE_SHARE = 0.05  # the share of the ledger expected to match from which a part is tried
_SIZE = text("SELECT reltuples, relpages FROM pg_class WHERE oid = 'donation'::regclass")


def _count(session: Session, direct: Any, tests: list[Any], also: list[Any], cap: int) -> int:
    """Up to `cap` + 1. The GIN bitmap holds every match before the first is counted (55
    CPU-ms for a word in a third of 1M donations), so when the planner expects a large share
    of the ledger to match, the first pages of the table are tested instead (a TID range
    scan, about 0.5 us a row, stopping at `cap` + 1 matches: 16 CPU-ms there), as many as
    should hold twice `cap` matches at the expected rate.
    More than `cap` there proves the total is at least that (any part of the table gives a
    lower bound); fewer (the estimate was high) falls back to the bitmap, which is exact."""
    def capped(q: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(
            q.limit(cap + 1).subquery())) or 0)

    one = select(literal_column("1")).select_from(Donation)
    tuples, pages = session.execute(_SIZE).one()
    expected = _estimate(session, one.where(direct))  # (`also` repeats it: no less likely)
    if tuples > 0 and pages > 0 and expected >= max(SAMPLE_SHARE * tuples, 2 * cap):
        n = _count_head(session, one, tests, int(2 * (cap + 1) * pages / expected) + 1, cap)
        if n > cap:
            return n
    return capped(one.where(direct, *also))


def _count_head(session: Session, one: Any, tests: list[Any], pages: int, cap: int) -> int:
    """The matches in the table's first `pages` pages, up to `cap` + 1."""
    first = literal_column("donation.ctid") < cast(f"({pages},0)", TID)
    return int(session.scalar(select(func.count()).select_from(
        one.where(first, *tests).limit(cap + 1).subquery())) or 0)


def _estimate(session: Session, q: Any) -> int:
    """The planner's estimate of the rows `q` gives (its plan, not a run)."""
    compiled = q.compile(dialect=session.get_bind().dialect)
    plan = session.connection().exec_driver_sql(
        f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params).scalar()
    return int(plan[0]["Plan"]["Plan Rows"])


# The plans above, whatever the estimates: the planner's guess at a prefix query's matches is
# far off either way, so on a LIMIT it chose a sequential scan over the GIN bitmap (120 ms at
# 1M donations, where the bitmap takes 20), and a query of that estimated cost was compiled by
# JIT first (30 ms). Both are set for the search's own statements and put back after.
PLAN_SETTINGS = {"enable_seqscan": "off", "jit": "off"}
_SET = text("SELECT set_config(:name, :value, true)")
_GET = text("SELECT current_setting(:name)")


class TID(UserDefinedType[str]):
    """PostgreSQL's row address type (for a TID range: the first pages of a table)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "tid"


@contextmanager
def pg_plan_settings(session: Session) -> Iterator[None]:
    """Inside the caller's transaction (`set_config(..., true)`: local to it)."""
    before = {k: session.scalar(_GET, {"name": k}) for k in PLAN_SETTINGS}
    for k, v in PLAN_SETTINGS.items():
        session.execute(_SET, {"name": k, "value": v})
    try:
        yield
    finally:
        for k, v in before.items():
            session.execute(_SET, {"name": k, "value": v})
