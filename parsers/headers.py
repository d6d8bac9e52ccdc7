"""Column and label names of donation tables, with the synonyms and misspellings pages use."""

from __future__ import annotations

import difflib
import re
from functools import cache, lru_cache

from aidledger.parsers.lexicon import fold

# field -> names seen on pages (folded, punctuation dropped). Unknown spellings are matched
# fuzzily against these, so "Recepient" or "Quantitiy" still find their column.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "goods": ("goods", "good", "item", "items", "supplies", "supply", "goods name", "material",
              "materials", "product", "products", "description", "donated goods", "物资"),
    "qty": ("qty", "qtypieces", "qtypiece", "qtypcs", "quantity", "quantities", "amount",
            "number", "pieces", "volume", "units", "数量"),
    "progress": ("progress", "status", "state", "delivery status", "stage", "进度", "状态"),
    "donors": ("donors", "donor", "donated by", "donator", "donators", "捐赠方"),
    "recipient": ("recipient", "recipients", "recepient", "recipent", "beneficiary",
                  "beneficiaries", "receiver", "receivers", "consignee", "受赠方"),
}


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", "", fold(text))


@cache
def _table() -> dict[str, str]:
    return {_key(name): field for field, names in HEADER_SYNONYMS.items() for name in names}


@lru_cache(maxsize=8192)
def header_field(text: str | None, cutoff: float = 0.8) -> str | None:
    """The field a header or label names ("QTY(Piece)" -> "qty"), or None."""
    if not text:
        return None
    key = _key(text)
    if not key or len(key) > 40:
        return None
    table = _table()
    if key in table:
        return table[key]
    for name, field in table.items():  # "qtypiecesunit", "goodsname2"
        if len(name) >= 3 and key.startswith(name):
            return field
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=cutoff)
    return table[close[0]] if close else None


def is_goods_label(text: str) -> bool:
    """Exact (not fuzzy) check, cheap enough to run over every text node of a block."""
    return len(text) < 24 and _table().get(_key(text)) == "goods"
