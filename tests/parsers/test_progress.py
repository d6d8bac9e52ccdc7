"""Split progress cells."""

from __future__ import annotations

import pytest

from aidledger.parsers.progress import progress_status, split_progress


def parts(text, total=None):
    return [(p.quantity, p.status) for p in split_progress(text, total)]


def test_counted_parts():
    assert parts("1,500 In Transit, 2,500 Stocking Up", 4000) == [(1500, "in_transit"),
                                                                   (2500, "preparing")]


@pytest.mark.parametrize("sep", ["，", ",", "，\n", "\n", ""])
def test_bracketed_parts_with_any_separator_and_the_rest(sep):
    text = f"700 Detection Kits [In Transit]{sep}The Rest [Arrived]"
    assert parts(text, 1000) == [(700, "in_transit"), (300, "arrived")]


def test_uncounted_bracketed_parts_keep_null_quantities():
    text = "First and Second Batch [Accepted]The Rest [In Transit]"
    assert parts(text, 5000) == [(None, "accepted"), (None, "in_transit")]
    assert progress_status(text, split_progress(text, 5000)) == "in_transit"


def test_plain_status_is_not_split():
    assert split_progress("In Transit", 10) == []
    assert progress_status("Stocking Up", []) == "preparing"
    assert progress_status("", []) is None
