"""Turning ledger rows into what templates show: highlighted quotes, safe links, CSV, a chart.

Nothing here builds HTML: functions return plain values that the autoescaping templates render,
so a scraped string can only ever appear as text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote, urlsplit

NUMBER = re.compile(r"\d(?:[\d,.\u00a0\u202f]*\d)?(?:\s?(?:million|billion|thousand|mn|bn)\b)?",
                    re.IGNORECASE)
DELIVERED = ("arrived", "accepted", "donated")
CSV_COLUMNS = ("id", "donors", "item", "quantity", "quantity_rule", "recipients", "status",
               "independent_sources", "conflicts", "first_seen", "last_seen")
RAW_COLUMNS = ("block", "goods", "qty", "progress", "donors", "recipient")


def highlight(text: str | None) -> list[tuple[str, bool]]:
    """A quote split into (text, is_number) parts; the template marks the numbers."""
    if not text:
        return []
    parts: list[tuple[str, bool]] = []
    last = 0
    for m in NUMBER.finditer(text):
        if m.start() > last:
            parts.append((text[last:m.start()], False))
        parts.append((m.group(), True))
        last = m.end()
    if last < len(text):
        parts.append((text[last:], False))
    return parts


def link(url: Any) -> str | None:
    """`url` if it is safe to put in an href (http or https), else None (shown as text only):
    a stored `javascript:` or `data:` URL must not become a clickable link."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def place(code: Any) -> str:
    """A recipient code as a reader says it: "CHL" -> "Chile", "region:europe" -> "Europe"."""
    from aidledger.parsers.lexicon import country_name

    try:
        return country_name(str(code))
    except (LookupError, ValueError):
        return str(code)


def path_part(value: Any) -> str:
    """A name as one URL path segment (slashes included), for entity page links."""
    return quote(str(value), safe="")


def cells(raw: Any) -> list[tuple[str, str]]:
    """A table row's cells as written, in the page's column order, for the evidence box."""
    if not isinstance(raw, dict):
        return [("cells", json.dumps(raw, ensure_ascii=False))] if raw else []
    known = [k for k in RAW_COLUMNS if raw.get(k) not in (None, "")]
    other = [k for k in raw if k not in RAW_COLUMNS and raw.get(k) not in (None, "")]
    return [(k, raw[k] if isinstance(raw[k], str) else json.dumps(raw[k], ensure_ascii=False))
            for k in (*known, *other)]


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "; ".join(value)
    elif isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # a scraped "=HYPERLINK(...)" stays text in a spreadsheet
    return value


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] = CSV_COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_csv_cell(r.get(c)) for c in columns])
    return out.getvalue()


def monthly(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quantity per month, split by whether the donation had been delivered by then: each
    donation counts in the month its status history says it reached its latest status."""
    months: dict[str, dict[str, int]] = defaultdict(lambda: {"announced": 0, "delivered": 0})
    for r in rows:
        qty = r.get("quantity") or 0
        history = r.get("status_history") or []
        step = history[-1] if history else {"status": r.get("status"),
                                            "since": r.get("first_seen")}
        since = str(step.get("since") or r.get("first_seen") or "")[:7]
        if not qty or not re.fullmatch(r"\d{4}-\d{2}", since):
            continue
        months[since]["delivered" if step.get("status") in DELIVERED else "announced"] += qty
    return [{"month": m, **months[m]} for m in sorted(months)]


def bar_chart(series: list[dict[str, Any]], width: int = 640, height: int = 200
              ) -> dict[str, Any] | None:
    """Geometry of a stacked bar chart (template draws it as SVG); None when nothing to draw."""
    if not series:
        return None
    top = max(s["announced"] + s["delivered"] for s in series) or 1
    left, bottom, plot_h = 70, 30, height - 40
    slot = (width - left - 10) / len(series)
    bars = []
    for i, s in enumerate(series):
        w = min(slot * 0.7, 48)
        x = left + i * slot + (slot - w) / 2
        d_h = s["delivered"] / top * plot_h
        a_h = s["announced"] / top * plot_h
        base = height - bottom
        bars.append({"x": round(x, 1), "w": round(w, 1), "month": s["month"],
                     "delivered": s["delivered"], "announced": s["announced"],
                     "dy": round(base - d_h, 1), "dh": round(d_h, 1),
                     "ay": round(base - d_h - a_h, 1), "ah": round(a_h, 1),
                     "label_x": round(x + w / 2, 1)})
    return {"width": width, "height": height, "bars": bars, "top": top, "left": left,
            "base": height - bottom, "every": max(1, len(series) // 8)}
