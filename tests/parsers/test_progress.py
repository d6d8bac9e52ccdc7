"""Split progress cells: parts, their quantities, and the row's status."""

from __future__ import annotations

import pytest

from aidledger.parsers.progress import STATUS_ORDER, least_advanced, progress_status, split_progress


def parts(text, total=None):
    return [(p.quantity, p.status) for p in split_progress(text, total)]


@pytest.mark.parametrize("sep", [", ", "，", ",", "; ", "\n", "，\n"])
def test_counted_parts_with_any_separator(sep):
    assert parts(f"1,500 In Transit{sep}2,500 Stocking Up", 4000) == [(1500, "in_transit"),
                                                                      (2500, "preparing")]


@pytest.mark.parametrize("sep", ["，", ",", ", ", "，\n", "\n", ""])
def test_bracketed_parts_with_any_separator_and_the_rest(sep):
    text = f"700 Detection Kits [In Transit]{sep}The Rest [Arrived]"
    assert parts(text, 1000) == [(700, "in_transit"), (300, "arrived")]


def test_the_rest_stays_unknown_without_a_total_or_when_parts_exceed_it():
    text = "700 Detection Kits [In Transit]，The Rest [Arrived]"
    assert parts(text) == [(700, "in_transit"), (None, "arrived")]
    assert parts(text, 500) == [(700, "in_transit"), (None, "arrived")]


def test_uncounted_bracketed_parts_keep_null_quantities():
    text = "First and Second Batch [Accepted]The Rest [In Transit]"
    assert parts(text, 5000) == [(None, "accepted"), (None, "in_transit")]
    assert [p.label for p in split_progress(text)] == ["First and Second Batch [Accepted]",
                                                       "The Rest [In Transit]"]
    assert progress_status(text, split_progress(text, 5000)) == "in_transit"


def test_batches_are_not_pieces():
    assert parts("2 batches [Arrived], The Rest [In Transit]", 10) == [(None, "arrived"),
                                                                        (None, "in_transit")]


def test_percentages_and_the_rest_without_brackets():
    assert parts("60% Arrived, the rest in transit", 1000) == [(600, "arrived"),
                                                               (400, "in_transit")]
    assert parts("50% Arrived, 50% In Transit") == [(None, "arrived"), (None, "in_transit")]
    assert parts("100 in transit, 200 arrived, the rest stocking up", 500) == [
        (100, "in_transit"), (200, "arrived"), (200, "preparing")]


def test_thousands_separators_and_single_statuses_are_not_split():
    assert split_progress("1,000,000 In Transit", 1_000_000) == []
    assert split_progress("In Transit", 10) == []
    assert split_progress("In Transit (ETA 3 April)", 10) == []
    assert split_progress("1,000 Arrived, 2,000", 3000) == []  # a part without a status
    assert split_progress("", 1) == [] and split_progress(None) == []


def test_uncounted_lists_are_stages_of_one_shipment_not_parts():
    text = "Arrived, handed over to the Red Cross"
    assert split_progress(text, 10) == []
    assert progress_status(text, []) == "accepted"


def test_a_split_row_is_as_far_along_as_its_least_advanced_part():
    assert STATUS_ORDER == ("pledged", "preparing", "in_transit", "arrived", "accepted",
                            "donated")
    assert least_advanced(["accepted", "in_transit", None, "arrived"]) == "in_transit"
    assert least_advanced([None, "unknown"]) is None
    text = "500,000 In Transit, 500,000 Stocking Up"
    assert progress_status(text, split_progress(text, 1_000_000)) == "preparing"


def test_plain_status():
    assert progress_status("Stocking Up", []) == "preparing"
    assert progress_status("", []) is None
