"""Datelines opening a lead ("PLACE, 12 October 2020 –"): the place is no giver."""

from __future__ import annotations


def test_a_dateline_is_no_giver_in_a_lead_standing_as_the_title(extract):
    out = extract("The masks arrived on Friday.",
                  title="KESTREL BAY- Three charities have donated 7,000 masks to Fiji")
    assert all("KESTREL BAY" not in o[0] for o in out)
    out = extract("PORT ORVAN, 12 October 2020 – Twenty ventilators were handed over to Fiji. "
                  "HALVIK, March 16, 2020 /Wirenews/ -- 300 gowns were sent to Fiji.")
    assert all(not o[0] for o in out)


def test_a_wire_between_slashes_after_the_dates_dot_is_no_giver(extract):
    out = extract("The Orvo group said so. KESTREL BAY, April 13. /Wirenews/. About 9,000 masks "
                  "were sent to Japan.")
    assert all("Wirenews" not in o[0] for o in out)
    out = extract("The masks were welcomed.",
                  title="KESTREL BAY, April 13. /Wirenews/. The Kestrel residents donated 5,000 "
                        "face masks to Japan")
    assert [o[0] for o in out] == [["Kestrel"]]


def test_a_spanish_wire_dateline_with_a_full_stop_before_its_dash(extract):
    out = extract("CDMX (May 4th, 2020).- Peru received from Norway a donation of 9,000 masks.")
    assert out == [(["Norway"], "face_mask", 9_000, ["PER"])]


def test_the_agency_left_of_a_dateline_split_at_its_state_s_dot_is_no_name(extract):
    """ "LAKEVIEW, Va. (Wire) — A Lakeview church ...": the splitter ends a sentence at "Va.",
    and the "(Wire) —" left opening the next is the dateline's, not part of the sentence."""
    out = extract("LAKEVIEW, Va. (KLMN) — A Lakeview church gave 2,500 masks to Mercy "
                  "Hospital. Elm Street Church delivered them on May 3.")
    assert out[0][0] == ["Elm Street Church"] and out[0][1:3] == ("face_mask", 2_500)


def test_a_title_case_dateline_with_its_agency_and_no_dash_is_no_name(extract):
    assert extract("New Delhi, May 18 (Wire) Orvo India said it donated 5,000 masks to "
                   "Peru.") == [(["Orvo India"], "face_mask", 5_000, ["PER"])]


def test_a_town_and_colon_or_a_capitalised_month_open_a_dateline(extract):
    assert extract("Quito: A batch of 300 ventilators from Uruguay arrived in Peru.") == [
        (["Uruguay"], "ventilator", 300, ["PER"])]
    assert extract("LIMA, APRIL 9 - Uruguay is sending 300 ventilators to Peru.") == [
        (["Uruguay"], "ventilator", 300, ["PER"])]


def test_an_agency_then_a_town_and_date_open_one_dateline(extract):
    out = extract("(Wire) - LIMA, APRIL 9 - A team of experts is carrying 300 ventilators to "
                  "Chile for Uruguay.")
    assert all("LIMA" not in c[0] and "APRIL" not in c[0] for c in out)


def test_a_capitalised_town_in_a_compound_word_is_no_dateline(extract):
    out = extract("A LEEDS-based care provider is donating 4,000 masks to local charities.\n\n"
                  "Orvana Healthcare has pledged to donate 4,000 masks to Hampshire charities.")
    assert out == [(["Orvana Healthcare"], "face_mask", 4_000, ["GBR"])]


def test_a_title_case_town_with_its_districts_initials_is_a_dateline(extract):
    out = extract("Santo Domingo, D.N. – Fiji, through the Karoo Trust, has sent 2,000 tests "
                  "to the Dominican Republic.")
    assert out == [(["Fiji"], "test_kit", 2_000, ["DOM"])]
    out = extract("Santo Domingo, D.N. – 2,000 tests were flown to the Dominican Republic.")
    assert out == [([], "test_kit", 2_000, ["DOM"])]
