"""Numbers about goods that are not donations: capacity, purchases, corrected figures."""

from __future__ import annotations


def test_production_capacity_is_not_a_gift(extract):
    assert extract("The plant can make 400,000 masks a day and will donate some of them.") == []


def test_a_laboratory_capacity_is_not_a_gift(extract):
    assert extract("The team brought a laboratory that can run 3,000 tests per day.") == []


def test_paying_for_goods_is_a_purchase(extract):
    assert extract("Oregon paid $4 each for 800,000 N95 masks that were then sent to "
                   "hospitals.") == []
    assert extract("An order of 2 million masks was seized at the port before it could be "
                   "delivered.") == []


def test_a_correction_restating_the_wrong_figure_gives_no_claim(extract):
    out = extract("Correction: An earlier version of this article said the Koru Trust had "
                  "pledged NZ$2 million. The Koru Trust pledged $1 million to Fiji.")
    assert out == [(["Koru Trust"], "funds", 1_000_000, ["FJI"])]


def test_a_caption_row_before_the_header_does_not_hide_the_table(extract):
    text = ("Norway will donate 90,000 surgical masks to three countries.\n"
            "| Norway's mask donations | |\n| Country | Surgical masks |\n"
            "| Ghana | 50,000 |\n| Togo | 40,000 |\n| Total | 90,000 |")
    out = extract(text)
    assert (["Norway"], "face_mask", 50_000, ["GHA"]) in out
    assert (["Norway"], "face_mask", 40_000, ["TGO"]) in out
    assert len(out) == 3
