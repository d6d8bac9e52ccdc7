"""Helpers for the per-phenomenon claim tests (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aidledger.parsers.claims import extract_claims

PUB = datetime(2020, 4, 8, 9, 0, tzinfo=UTC)


def facts(text: str, **kw) -> list[tuple]:
    """(donors, item, quantity, recipient codes) of each claim, the way the benchmark scores."""
    return [(c.donors, c.item, c.quantity, [r.code for r in c.recipients])
            for c in extract_claims(text, PUB, **kw)]


@pytest.fixture
def extract():
    return facts
