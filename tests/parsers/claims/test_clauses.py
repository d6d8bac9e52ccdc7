"""One sentence, several coordinated donations."""

from __future__ import annotations


def test_each_clause_has_its_own_giver_goods_and_recipient(extract):
    out = extract("Among donors, Lenovo gave 300,000 masks to Kenya, Acer sent 40,000 to "
                  "Ghana and Asus shipped 5,000 face shields to Lagos.")
    assert out == [(["Lenovo"], "face_mask", 300_000, ["KEN"]),
                   (["Acer"], "face_mask", 40_000, ["GHA"]),
                   (["Asus"], "face_shield", 5_000, ["NGA"])]


def test_a_coordinated_subject_does_not_split_the_sentence(extract):
    out = extract("Half a million masks donated by the Orrin Foundation and the Lakeside "
                  "Foundation reached Rome on Tuesday.")
    assert out == [(["Orrin Foundation", "Lakeside Foundation"], "face_mask", 500_000,
                    ["ITA"])]


def test_a_later_receiving_clause_keeps_the_giver_and_counts_each_recipient(extract):
    out = extract("Oregon received 90,000 masks from Taiwan last week, and Idaho and Utah "
                  "will get 20,000 each.")
    assert out == [(["Taiwan"], "face_mask", 90_000, ["USA"]),
                   (["Taiwan"], "face_mask", 40_000, ["USA"])]


def test_the_evidence_is_the_whole_sentence(extract):
    from aidledger.parsers.claims import extract_claims
    text = "Lenovo gave 300,000 masks to Kenya, and Acer sent 40,000 to Ghana."
    out = extract_claims(text)
    assert [c.evidence["sentence"] for c in out] == [text, text]
    assert all((c.evidence["start"], c.evidence["end"]) == (0, len(text)) for c in out)


def test_provide_a_with_n_and_b_with_m(extract):
    out = extract("Japan will provide Laos with 3,000 test kits and Cambodia with 2,500.")
    assert out == [(["Japan"], "test_kit", 3_000, ["LAO"]),
                   (["Japan"], "test_kit", 2_500, ["KHM"])]


def test_coordinated_countries_pair_with_amounts_respectively(extract):
    out = extract("Oman and Bahrain have sent 200 and 100 ventilators to Jordan and Iraq "
                  "respectively.")
    assert out == [(["Oman"], "ventilator", 200, ["JOR"]),
                   (["Bahrain"], "ventilator", 100, ["IRQ"])]


def test_a_negation_in_another_clause_leaves_the_gift(extract):
    assert extract("Norway will donate 5,000 masks to Ghana but has refused to send "
                   "ventilators.") == [(["Norway"], "face_mask", 5_000, ["GHA"])]
    assert extract("Norway donated 5,000 masks to Ghana while Sweden is considering a similar "
                   "gift.") == [(["Norway"], "face_mask", 5_000, ["GHA"])]
    assert extract("Norway has not donated masks to Ghana but sent 300 ventilators to "
                   "Togo.") == [(["Norway"], "ventilator", 300, ["TGO"])]


def test_a_denial_anywhere_still_takes_the_sentence_back(extract):
    assert extract("Reports that Norway donated 5,000 masks to Ghana are false.") == []
    assert extract("Norway did not donate 5,000 masks to Ghana.") == []


def test_a_receiver_after_a_from_phrase_starts_its_own_clause(extract):
    out = extract("Ghana received 5,000 masks from Norway, and Togo got 3,000 gloves from "
                  "Sweden.")
    assert out == [(["Norway"], "face_mask", 5_000, ["GHA"]),
                   (["Sweden"], "gloves", 3_000, ["TGO"])]


def test_a_second_giver_that_weighed_in_gives_its_own_goods(extract):
    out = extract("Kestrel donated 3,000 masks to Lima, while Tarsa Group weighed in with 500 "
                  "goggles and 20 ventilators.")
    assert out == [(["Kestrel"], "face_mask", 3_000, ["PER"]),
                   (["Tarsa Group"], "goggles", 500, ["PER"]),
                   (["Tarsa Group"], "ventilator", 20, ["PER"])]


def test_a_semicolons_clause_reported_by_someone_has_its_own_giver(extract):
    out = extract("Kestrel gave 4 million masks, its chief said; and on Monday, the mayor said "
                  "that Tarsa Group donated 30,000 masks to her city of Lima.")
    assert [(c[0], c[2]) for c in out] == [(["Kestrel"], 4_000_000), (["Tarsa Group"], 30_000)]
