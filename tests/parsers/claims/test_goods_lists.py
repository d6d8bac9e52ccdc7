"""Which goods claims a list of goods states: each entry with its own count, even when two
entries share item and count, and no second copy when a later sentence restates the list."""

from __future__ import annotations


def test_two_entries_of_one_item_with_equal_counts_are_two_claims(extract):
    out = extract("Norvale Medical handed over to Peru 300 units of Airflow Oxygen Concentrators "
                  "5L and 300 units of Airflow Oxygen Concentrators 8L.")
    assert out == [(["Norvale Medical"], "other", 300, ["PER"])] * 2
    out = extract("Delmar Group has donated 4,000 cloth masks for nurses, 4,000 surgical masks "
                  "and 900 gowns to Chile.")
    assert out == [(["Delmar Group"], "face_mask", 4_000, ["CHL"])] * 2 + [
        (["Delmar Group"], "protective_suit", 900, ["CHL"])]


def test_one_entry_told_twice_is_one_claim(extract):
    out = extract("Delmar Group has donated 4,000 surgical masks to Chile. The 4,000 masks "
                  "arrived in Santiago on Monday.")
    assert out == [(["Delmar Group"], "face_mask", 4_000, ["CHL"])]
