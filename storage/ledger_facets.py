"""Facet counts kept in a table, so nothing counts millions of donations per request.

`ledger_facet` holds, per facet value, how many donations have it: donors (by entity key, shown
by their first name in order), recipient codes, items, statuses, independent sources and
has-conflicts, and under facet "all" the number of donations. The ledger writer keeps it in
step block by block: `block_facets` before it deletes the blocks it rewrites, `apply_block_facets`
after it inserted them (the difference goes in), `rebuild_facets` after a rebuild. Unfiltered
facets and the totals of searches with one filter (an item, a status, a donor, one recipient,
conflicts only, a minimum of sources) are then lookups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from aidledger.storage.ledger import Donation, DonationParty, LedgerFacet

__all__ = ["FACETS", "apply_block_facets", "block_facets", "facet_value", "rebuild_facets",
           "stored_counts", "stored_facets", "stored_total"]

FACETS = ("donor", "recipient", "item", "status", "sources", "has_conflicts")
_COLUMNS = {"item": Donation.item, "status": Donation.status,
            "sources": Donation.independent_sources, "has_conflicts": Donation.has_conflicts}
CHUNK = 500
_UPSERT = text("INSERT INTO ledger_facet (facet, key, shown, n) VALUES (:facet, :key, :shown, :n) "
               "ON CONFLICT (facet, key) DO UPDATE SET n = ledger_facet.n + excluded.n")
_SHOWN = text("UPDATE ledger_facet SET shown = coalesce((SELECT min(p.value) FROM "
              "donation_party p WHERE p.role = :facet AND p.key = :key), shown) "
              "WHERE facet = :facet AND key = :key")


def facet_value(v: Any) -> str:
    """A facet value as text: booleans are yes/no, numbers their digits."""
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


def _counts(session: Session, where: list[Any]) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    out["all", ""] = session.scalar(select(func.count()).select_from(Donation).where(*where)) or 0
    for facet, col in _COLUMNS.items():
        q = select(col, func.count()).where(*where, col.is_not(None)).group_by(col)
        for v, n in session.execute(q):
            out[facet, facet_value(bool(v) if facet == "has_conflicts" else v)] += n
    q = (select(DonationParty.role, DonationParty.key, func.count())
         .join(Donation, Donation.id == DonationParty.donation_id).where(*where)
         .group_by(DonationParty.role, DonationParty.key))
    for role, key, n in session.execute(q):
        out[role, key] += n
    return out


def block_facets(session: Session, block_keys: Iterable[str]) -> Counter[tuple[str, str]]:
    """What the donations of these blocks add to each facet value (call before deleting them)."""
    keys = sorted(set(block_keys))
    out: Counter[tuple[str, str]] = Counter()
    for i in range(0, len(keys), CHUNK):
        out.update(_counts(session, [Donation.block_key.in_(keys[i:i + CHUNK])]))
    return out


def apply_block_facets(session: Session, block_keys: Iterable[str],
                       before: Counter[tuple[str, str]]) -> None:
    """After rewriting these blocks: add what they count now minus what they counted before."""
    after = block_facets(session, block_keys)
    delta = {k: after.get(k, 0) - before.get(k, 0) for k in set(after) | set(before)}
    _apply(session, {k: n for k, n in delta.items() if n})


def rebuild_facets(session: Session) -> None:
    """Recount every facet value from the ledger (after a rebuild, a migration, a copy)."""
    session.execute(delete(LedgerFacet))
    _apply(session, dict(_counts(session, [])))


def _apply(session: Session, delta: dict[tuple[str, str], int]) -> None:
    if not delta:
        return
    rows = [{"facet": f, "key": k, "shown": k, "n": n} for (f, k), n in sorted(delta.items())]
    session.execute(_UPSERT, rows)
    named = [{"facet": f, "key": k} for (f, k) in sorted(delta) if f in ("donor", "recipient")]
    if named:
        session.execute(_SHOWN, named)
    session.execute(delete(LedgerFacet).where(LedgerFacet.n <= 0))


def stored_facets(session: Session, limit: int = 20) -> dict[str, list[tuple[str, int]]]:
    """The most frequent values of every facet over the whole ledger, count first."""
    out: dict[str, list[tuple[str, int]]] = {}
    for facet in FACETS:
        q = (select(LedgerFacet.shown, LedgerFacet.n).where(LedgerFacet.facet == facet)
             .order_by(LedgerFacet.n.desc(), LedgerFacet.shown).limit(limit))
        out[facet] = [(v, int(n)) for v, n in session.execute(q)]
    return out


def stored_counts(session: Session, facet: str, keys: Iterable[str]) -> dict[str, int]:
    """The stored count of each of these keys of a facet (0 when absent)."""
    keys = sorted(set(keys))
    got = dict(session.execute(select(LedgerFacet.key, LedgerFacet.n).where(
        LedgerFacet.facet == facet, LedgerFacet.key.in_(keys))).all())
    return {k: int(got.get(k, 0)) for k in keys}


def stored_total(session: Session, facet: str, keys: Iterable[str] | None = None,
                 at_least: int | None = None) -> int:
    """Donations with one of these facet values (the facet's keys are disjoint per donation
    except for recipients, which the caller asks one at a time), or with "sources" of at
    least `at_least`; facet "all" is the whole ledger."""
    q = select(func.coalesce(func.sum(LedgerFacet.n), 0)).where(LedgerFacet.facet == facet)
    if keys is not None:
        q = q.where(LedgerFacet.key.in_(sorted(keys)))
    total = 0
    if at_least is not None:
        for key, n in session.execute(select(LedgerFacet.key, LedgerFacet.n)
                                      .where(LedgerFacet.facet == facet)):
            total += int(n) if int(key) >= at_least else 0
        return total
    return int(session.scalar(q) or 0)
