"""What is given: item codes of goods nouns, grades, units, labels, mixed and other goods."""

from __future__ import annotations

from aidledger.parsers.names import find_names


def test_a_hyphenated_goods_noun_is_the_same_item(extract):
    assert extract("The Lakeside Trust donated 40,000 face-masks to Ghana.") == [
        (["Lakeside Trust"], "face_mask", 40_000, ["GHA"])]
    assert extract("Borealis sent 1,200 high-tech-test-kits to Chile.") == [
        (["Borealis"], "test_kit", 1_200, ["CHL"])]


def test_korean_and_other_grades_are_respirators(extract):
    assert extract("Seoul Metro donated 60,000 KF94 masks to Vietnam.") == [
        (["Seoul Metro"], "respirator", 60_000, ["VNM"])]
    assert extract("Orion Works gave 9,000 N90 masks to Peru.") == [
        (["Orion Works"], "respirator", 9_000, ["PER"])]


def test_a_grade_a_few_words_before_the_masks_makes_them_respirators(extract):
    out = extract("Kestrel Labs shipped 25,000 FFP2-grade masks and 4,000 N95 standard medical "
                  "masks to Norway.")
    assert out == [(["Kestrel Labs"], "respirator", 25_000, ["NOR"]),
                   (["Kestrel Labs"], "respirator", 4_000, ["NOR"])]


def test_a_grade_and_another_kind_of_mask_stay_two_items(extract):
    out = extract("Kestrel Labs shipped 5,000 N95 and surgical masks to Norway.")
    assert [o[1] for o in out] == ["respirator", "face_mask"]


def test_a_few_ungraded_respirators_beside_masks_are_ventilators(extract):
    out = extract("The medical team from Fujian is carrying 40 respirators and 150,000 masks "
                  "for hospitals in Serbia.")
    assert ([], "ventilator", 40, ["SRB"]) in out
    assert ([], "face_mask", 150_000, ["SRB"]) in out


def test_respirators_by_the_thousand_or_with_a_grade_stay_respirators(extract):
    assert extract("Harbor Mills gave 50,000 respirators to Kenya.")[0][1] == "respirator"
    out = extract("Harbor Mills gave 300 N95 masks and 200 respirators to Kenya.")
    assert [o[1] for o in out] == ["respirator", "respirator"]


def test_ppe_kits_and_ppes_are_protective_suits(extract):
    assert extract("Vardhan Steel donated 3,500 PPE kits to hospitals in Pune.") == [
        (["Vardhan Steel"], "protective_suit", 3_500, ["IND"])]
    assert extract("Vardhan Steel donated 900 PPEs to hospitals in Pune.") == [
        (["Vardhan Steel"], "protective_suit", 900, ["IND"])]


def test_bare_suits_and_safety_clothing_are_protective_suits(extract):
    out = extract("Quill Foundation donated 12,000 suits, 3,000 sets of safety clothing and "
                  "600 ventilators to Laos.")
    assert [(o[1], o[2]) for o in out] == [("protective_suit", 12_000),
                                            ("protective_suit", 3_000), ("ventilator", 600)]


def test_extraction_kits_are_reagents_and_share_the_count_before(extract):
    out = extract("Quill Foundation sent 2 million swabs and extraction kits to Zambia.")
    assert out == [(["Quill Foundation"], "sampling_medium", 2_000_000, ["ZMB"]),
                   (["Quill Foundation"], "reagent", 2_000_000, ["ZMB"])]


def test_testing_units_are_test_kits(extract):
    assert extract("Falcon Air flew 15,000 testing units to Nepal.") == [
        (["Falcon Air"], "test_kit", 15_000, ["NPL"])]


def test_named_other_goods_are_other(extract):
    assert extract("The Okafor Group donated six ambulances to Ghana.") == [
        (["Okafor Group"], "other", 6, ["GHA"])]
    assert extract("The Okafor Group donated 800 hygiene kits to Ghana.") == [
        (["Okafor Group"], "other", 800, ["GHA"])]


def test_a_count_of_mixed_goods_is_no_claim(extract):
    assert extract("Crescent Bank donated 31,000 medical supplies to Oman.") == []
    assert extract("Crescent Bank donated 12,400 items to Oman.") == []
    assert extract("Crescent Bank donated 700 personal protective equipment to Oman.") == []


def test_mixed_goods_after_a_counted_item_do_not_take_its_count(extract):
    assert extract("Crescent Bank donated 9,000 masks and medical supplies to Oman.") == [
        (["Crescent Bank"], "face_mask", 9_000, ["OMN"])]


def test_goods_counted_by_their_container_are_other(extract):
    out = extract("The relief package comprised 3,100 bottles of hand gel and 40,000 medical "
                  "gloves for Bhutan.")
    assert out == [([], "other", 3_100, ["BTN"]), ([], "gloves", 40_000, ["BTN"])]
    assert extract("Marisol Foods donated 2,500 boxes of powdered milk to Honduras.") == [
        (["Marisol Foods"], "other", 2_500, ["HND"])]


def test_a_container_of_known_goods_or_of_people_is_not_other(extract):
    assert extract("Acme donated 500 boxes of masks to Kenya.") == [
        (["Acme"], "face_mask", None, ["KEN"])]
    assert extract("Acme sent 12 teams of doctors to Kenya.") == []


def test_bare_unknown_plural_nouns_are_not_read_as_goods(extract):
    assert extract("Acme donated 50,000 masks, 20 nurses and 300 smartphones to Kenya.") == [
        (["Acme"], "face_mask", 50_000, ["KEN"])]


def test_protective_clothes_are_protective_suits(extract):
    assert extract("Harbor Mills shipped 8,000 protective clothes to Peru.") == [
        (["Harbor Mills"], "protective_suit", 8_000, ["PER"])]


def test_two_grades_joined_name_one_kind_of_masks(extract):
    assert extract("Volta Motors gave 150,000 FFP-2 and FFP-3 face masks to Austria.") == [
        (["Volta Motors"], "respirator", 150_000, ["AUT"])]


def test_hyphened_adjectives_count_as_one_word_between_number_and_goods(extract):
    assert extract("Vela Group gave 3 million high-quality medical-grade disposable face masks "
                   "to Bolivia.") == [(["Vela Group"], "face_mask", 3_000_000, ["BOL"])]


def test_face_coverings_are_masks_and_temperature_scanners_thermometers(extract):
    assert extract("Vela Group gave 7,000 cloth face coverings and 90 temperature scanners to "
                   "Bolivia.") == [(["Vela Group"], "face_mask", 7_000, ["BOL"]),
                                   (["Vela Group"], "thermometer", 90, ["BOL"])]


def test_a_grade_stated_after_the_masks_makes_them_respirators(extract):
    for text in ("Nordhav donated 12,000 masks (KN95) to Iceland.",
                 "Nordhav donated 12,000 masks of the N95 standard to Iceland.",
                 "Nordhav donated 12,000 masks, rated FFP2, to Iceland."):
        assert extract(text) == [(["Nordhav"], "respirator", 12_000, ["ISL"])], text


def test_a_breakdown_in_brackets_does_not_grade_the_whole(extract):
    out = extract("Nordhav donated 2,000 masks (500 N95 masks and 1,500 surgical masks) to "
                  "Iceland.")
    assert out[0] == (["Nordhav"], "face_mask", 2_000, ["ISL"])


def test_respirators_for_patients_who_cannot_breathe_are_ventilators(extract):
    assert extract("Harbor Mills donated 1,500 respirators for intensive care units in "
                   "Kenya.") == [(["Harbor Mills"], "ventilator", 1_500, ["KEN"])]
    assert extract("Harbor Mills donated 1,500 respirators to hospitals in Kenya.") == [
        (["Harbor Mills"], "respirator", 1_500, ["KEN"])]


def test_the_label_is_the_goods_as_written_from_grade_to_noun(extract):
    from aidledger.parsers.claims import extract_claims
    claims = extract_claims("Acme gave 50,000 N95 respirator masks and 20,000 FFP2-grade masks "
                            "to Chile.")
    assert [c.item_label for c in claims] == ["N95 respirator masks", "FFP2-grade masks"]


def test_medical_kits_are_mixed_goods_not_test_kits(extract):
    assert extract("Serra Group donated 4,000 medical kits to Angola.") == []


def test_machines_and_lines_that_make_goods_are_not_the_goods(extract):
    assert extract("Ostra Motors donated 4 mask-making machines to Laos.") == [
        (["Ostra Motors"], "other", 4, ["LAO"])]
    assert extract("Ostra Motors donated 6 mask production lines to Laos.") == [
        (["Ostra Motors"], "other", 6, ["LAO"])]
    assert extract("Ostra Motors donated 30 ventilator machines to Laos.") == [
        (["Ostra Motors"], "ventilator", 30, ["LAO"])]


def test_machines_that_hand_out_or_clean_goods_are_not_the_goods(extract):
    assert extract("Ostra Motors donated 12 mask vending machines to Laos.") == [
        (["Ostra Motors"], "other", 12, ["LAO"])]
    out = extract("Ostra Motors gave 90,000 masks and 15 mask-dispensing units to Laos.")
    assert [(o[1], o[2]) for o in out] == [("face_mask", 90_000), ("other", 15)]


def test_counted_medical_devices_and_relief_goods_are_other_goods(extract):
    out = extract("Varda Aid donated 40 pacemakers, 300 oxygen-flow meters, 250 nasal cannula "
                  "and 120 non-rebreather masks to Chad.")
    assert out == [(["Varda Aid"], "other", n, ["TCD"]) for n in (40, 300, 250, 120)]
    out = extract("Varda Aid distributed 70 tents, 310 sleeping mats, 95 mosquito nets and "
                  "8,000 vaccines to Niger.")
    assert [(o[1], o[2]) for o in out] == [("other", 70), ("other", 310), ("other", 95),
                                           ("other", 8_000)]


def test_protective_shields_and_medical_outfits_by_their_names(extract):
    assert extract("Ostra Care donated 650 protective shields and 90 medical outfits to "
                   "Laos.") == [(["Ostra Care"], "face_shield", 650, ["LAO"]),
                                (["Ostra Care"], "protective_suit", 90, ["LAO"])]


def test_other_kits_and_bipap_units_are_other_goods(extract):
    out = extract("Kisumu Mills donated 100 BiPAP units, 7 BiPAP ventilators and 4,000 "
                  "sanitation kits to Kenya.")
    assert [(o[1], o[2]) for o in out] == [("other", 100), ("ventilator", 7), ("other", 4_000)]


def test_outfits_garments_and_hospital_machines_by_their_names(extract):
    assert extract("Ostra Care donated 700 protective outfits and 40 protection clothes to "
                   "Laos.") == [(["Ostra Care"], "protective_suit", 700, ["LAO"]),
                                (["Ostra Care"], "protective_suit", 40, ["LAO"])]
    out = extract("Kessel Group gave Chad 30 electrocardiograms, 4 portable x-rays, 9 x-ray "
                  "machines, 800 headcovers and 2,000 bottled waters.")
    assert [(i, q) for _, i, q, _ in out] == [("other", 30), ("other", 4), ("other", 9),
                                              ("other", 800), ("other", 2_000)]


def test_a_count_in_brackets_after_the_goods_counts_them(extract):
    out = extract("Kessel Group turned over gowns (12,500 pcs) and face shields (3,000 pieces) "
                  "to Peru, and masks (about 9 tonnes).")
    assert out == [(["Kessel Group"], "protective_suit", 12_500, ["PER"]),
                   (["Kessel Group"], "face_shield", 3_000, ["PER"])]


def test_goods_after_as_well_as_do_not_take_the_count_before(extract):
    out = extract("Ostra Care donated 9,000 masks, 4,000 test kits as well as protective "
                  "clothing to Laos.")
    assert out == [(["Ostra Care"], "face_mask", 9_000, ["LAO"]),
                   (["Ostra Care"], "test_kit", 4_000, ["LAO"])]


def test_goods_named_with_their_buyer_or_as_makers_are_not_given(extract):
    out = extract("Ostra Care delivered 5,000 test kits to Chile, as well as 90,000 KN95 masks "
                  "purchased by its local partner.")
    assert out == [(["Ostra Care"], "test_kit", 5_000, ["CHL"])]
    out = extract("Ostra Care sent 300 ventilators bought by the firm and then donated to Chile.")
    assert out == [(["Ostra Care"], "ventilator", 300, ["CHL"])]
    assert extract("Ostra Care sent its engineers to four mask producing firms in Chile.") == []


def test_kits_of_everyday_goods_are_other_and_sample_collection_kits_sampling(extract):
    assert extract("Ostra Care donated 4,000 kits, including soap and towels, to Chile.") == [
        (["Ostra Care"], "other", 4_000, ["CHL"])]
    assert extract("Ostra Care donated 4,000 kits, including swabs, to Chile.") == [
        (["Ostra Care"], "test_kit", 4_000, ["CHL"])]
    assert extract("Ostra Care donated 4,000 sample collection kits to Chile.") == [
        (["Ostra Care"], "sampling_medium", 4_000, ["CHL"])]


def test_common_relief_goods_are_other_goods(extract):
    out = extract("Ostra Care is giving away 900 blankets, 300 food packs, 40 ICU beds and 2,000 "
                  "sanitizers to Chile.")
    assert [(i, q) for _, i, q, _ in out] == [("other", 900), ("other", 300), ("other", 40),
                                              ("other", 2_000)]


def test_kits_of_another_kind_are_other_goods_but_a_makers_kits_are_test_kits(extract):
    assert extract("Ostra Care donated 3,000 first aid kits and 200 school kits to Chile.") == [
        (["Ostra Care"], "other", 3_000, ["CHL"]), (["Ostra Care"], "other", 200, ["CHL"])]
    assert extract("Ostra Care donated 3,000 PCR kits and 200 Sansure kits to Chile.") == [
        (["Ostra Care"], "test_kit", 3_000, ["CHL"]),
        (["Ostra Care"], "test_kit", 200, ["CHL"])]
    assert extract("Ostra Care donated 12 thermal cameras to Chile.") == [
        (["Ostra Care"], "thermometer", 12, ["CHL"])]


def test_a_count_with_its_unit_after_the_goods_counts_them(extract):
    out = extract("Ostra Care donated supplies to Chile, including masks 9,000 pieces, gloves "
                  "4,000 pairs and goggles 300 pieces.")
    assert [(i, q) for _, i, q, _ in out] == [("face_mask", 9_000), ("gloves", 4_000),
                                              ("goggles", 300)]


def test_item_words_of_lists_from_many_outlets(extract):
    out = extract("Veltra Group donated 3,000 pieces of thermometre, 600 eye guards, 12,000 "
                  "alcohol swabs, 45 temperature check guns and one ambulance to Benin.")
    assert [(c[1], c[2]) for c in out] == [("thermometer", 3_000), ("goggles", 600),
                                          ("other", 12_000), ("thermometer", 45), ("other", 1)]


def test_powered_respirators_transport_tubes_and_oxygen_generators(extract):
    out = extract("Veltra Group donated 400 PAPR respirators, 3,000 VTM tubes and 20 oxygen "
                  "generators to Benin.")
    assert [(c[1], c[2]) for c in out] == [("respirator", 400), ("sampling_medium", 3_000),
                                          ("other", 20)]


def test_pcr_sets_are_test_kits(extract):
    assert extract("Earlier, Norway had donated 6,500 PCR sets to Benin.") == [
        (["Norway"], "test_kit", 6_500, ["BEN"])]


def test_masks_including_a_graded_kind_stay_masks(extract):
    assert extract("Norway sent 20,000 masks including KN95 to Mali.") == [
        (["Norway"], "face_mask", 20_000, ["MLI"])]


def test_one_unit_of_a_machine_and_transport_mediums_are_counted(extract):
    assert extract("Orvo Group contributed one unit of water purifying machine worth $9,000 "
                   "to Kenya.") == [(["Orvo Group"], "other", 1, ["KEN"])]
    assert extract("Orvo Group donated 8,000 viral transport mediums to Kenya.") == [
        (["Orvo Group"], "sampling_medium", 8_000, ["KEN"])]


def test_machines_that_hand_out_or_clean_worn_goods_are_other(extract):
    assert extract("Ostra Motors donated 300 face masks and 12 mask dispensing machines to "
                   "Laos.") == [(["Ostra Motors"], "face_mask", 300, ["LAO"]),
                                (["Ostra Motors"], "other", 12, ["LAO"])]
    assert extract("Ostra Motors gave 8 glove dispensers and 3 mask-sterilising units to "
                   "Laos.") == [(["Ostra Motors"], "other", 8, ["LAO"]),
                                (["Ostra Motors"], "other", 3, ["LAO"])]
    assert extract("Ostra Motors donated 70 ventilator machines to Laos.") == [
        (["Ostra Motors"], "ventilator", 70, ["LAO"])]


def test_oxygen_therapy_masks_and_cannulas_are_other_goods(extract):
    assert extract("Ostra Motors sent 40 non-rebreather masks, 90 nasal cannula and 25 oxygen "
                   "flow meters to Laos.") == [(["Ostra Motors"], "other", n, ["LAO"])
                                                for n in (40, 90, 25)]


def test_a_grade_written_after_the_masks_makes_them_respirators(extract):
    out = extract("Chad received aid from Norway. It includes 70 thousand masks KN95 and 9 "
                  "thousand disposable masks.")
    assert [(c[1], c[2]) for c in out] == [("respirator", 70_000), ("face_mask", 9_000)]


def test_lung_ventilation_devices_are_ventilators_and_pyrometers_thermometers(extract):
    out = extract("Norway gave Chad 12 lung ventilation devices and 300 "
                  "pyrometers.")
    assert [(c[1], c[2]) for c in out] == [("ventilator", 12), ("thermometer", 300)]


def test_a_unit_written_against_the_count_still_counts(extract):
    assert extract("Ostra Care gave 6,000pcs surgical masks and 1,500pair gloves to Chile.") == [
        (["Ostra Care"], "face_mask", 6_000, ["CHL"]), (["Ostra Care"], "gloves", 1_500, ["CHL"])]


def test_two_kinds_of_one_goods_share_the_count(extract):
    assert extract("Ostra Care gave 8,000 surgical and isolation gowns to Chile.") == [
        (["Ostra Care"], "protective_suit", 8_000, ["CHL"])]
    assert extract("Ostra Care gave 8,000 exam or surgical gloves to Chile.") == [
        (["Ostra Care"], "gloves", 8_000, ["CHL"])]


def test_goods_added_with_plus_and_no_count_take_none(extract):
    assert extract("Ostra Care gave Chile 3,000 gowns plus printed visors.") == [
        (["Ostra Care"], "protective_suit", 3_000, ["CHL"])]


def test_respiratory_masks_are_respirators(extract):
    assert extract("Ostra Care gave 700 pieces of respiratory mask to Chile.") == [
        (["Ostra Care"], "respirator", 700, ["CHL"])]


def test_describing_words_listed_with_a_comma_still_count_the_goods(extract):
    out = extract("The Karoo Trust donated 40 brand new, top-of-the-range ventilators to Peru.")
    assert out == [(["Karoo Trust"], "ventilator", 40, ["PER"])]
    out = extract("The Karoo Trust donated 4,000 masks, gloves and gowns to Peru.")
    assert out == [(["Karoo Trust"], "face_mask", 4_000, ["PER"])]


def test_artificial_respirators_are_ventilators_and_reagent_test_kits_are_kits(extract):
    out = extract("The Karoo Trust sent 12 artificial respirators and 900 reagent test kits to "
                  "Peru.")
    assert [(i, q) for _, i, q, _ in out] == [("ventilator", 12), ("test_kit", 900)]


def test_a_products_name_with_its_acronym_between_count_and_goods(extract):
    out = extract("The Karoo Trust sent 64 Lumo QuickPlex V-3 (RUO) test kits to Kenya.")
    assert out == [(["Karoo Trust"], "test_kit", 64, ["KEN"])]
    out = extract("The Karoo Trust sent 7,500(RT-PCR) detection kits to Kenya.")
    assert out == [(["Karoo Trust"], "test_kit", 7_500, ["KEN"])]
    out = extract("The Karoo Trust sent 1,200 surgical (3-ply) masks to Kenya.")
    assert out == [(["Karoo Trust"], "face_mask", 1_200, ["KEN"])]


def test_a_mask_grade_written_with_a_space_is_no_count(extract):
    from aidledger.parsers.claims import extract_claims
    text = "Orvo donated 100,000 N 95 masks and 2,000 FFP 2 respirators to Peru."
    assert extract(text) == [(["Orvo"], "respirator", 100_000, ["PER"]),
                             (["Orvo"], "respirator", 2_000, ["PER"])]
    assert extract_claims(text)[0].evidence["sentence"] == text  # quoted as written


def test_units_of_personal_protective_equipment_are_protective_suits(extract):
    out = extract("Orvo gave 400,000 surgical masks and 6,000 units of Personal Protective "
                  "Equipment (PPE) to Peru.")
    assert [(c[1], c[2]) for c in out] == [("face_mask", 400_000), ("protective_suit", 6_000)]


def test_a_part_told_after_its_whole_by_of_which_is_its_own_grade(extract):
    out = extract("Tarsa donated 70,000 masks to Chile, 20,000 of which are N95 masks.")
    assert out == [(["Tarsa"], "face_mask", 70_000, ["CHL"]),
                   (["Tarsa"], "respirator", 20_000, ["CHL"])]


def test_a_grade_whose_noun_comes_once_after_the_next_count(extract):
    out = extract("Hubei has donated 6,000 surgical and 1,500 N95 masks to Peru.")
    assert [(i, q) for _, i, q, _ in out] == [("face_mask", 6_000), ("respirator", 1_500)]
    out = extract("Orvo donated 800 cloth and 300 surgical masks to Peru.")
    assert [(i, q) for _, i, q, _ in out] == [("face_mask", 800), ("face_mask", 300)]



def test_bedding_and_care_kits_are_other_goods_counted_one_by_one(extract):
    out = extract("Orvo also gave 320 duvets, 140 mattress protectors and 2,100 amenity kits to "
                  "clinics in Lima.")
    assert [(i, q) for _, i, q, _ in out] == [("other", 320), ("other", 140), ("other", 2_100)]


def test_protection_suits_are_protective_suits_and_drones_other_goods(extract):
    out = extract("Orvo donated 4,000 disposable protection suits, 80 drones and 900 cotton swabs "
                  "to Peru.")
    assert [(i, q) for _, i, q, _ in out] == [("protective_suit", 4_000), ("other", 80),
                                              ("other", 900)]


def test_a_mask_kind_before_few_respirators_keeps_them_masks(extract):
    out = extract("Orvo gave 6 particulate respirators and 40 respirators to Lima.")
    assert out == [(["Orvo"], "respirator", 6, ["PER"]), (["Orvo"], "ventilator", 40, ["PER"])]


def test_a_brand_after_a_kind_word_is_no_name():
    names = [n.text for n in find_names("Some 200 gloves were sent to Lima, alongside nine "
                                        "specialist Tarvel lab coats.")]
    assert names == ["Lima"]
    names = [n.text for n in find_names("Orvo gave 300 masks to Tarsa hospital staff.")]
    assert names == ["Orvo", "Tarsa"]  # a preposition between: the name is no brand


def test_kits_each_holding_goods_are_other_goods_and_their_contents_no_gift(extract):
    out = extract("The Lima Elders Club donated 250 kits, each comprising a bar of soap and "
                  "three masks, to the police.")
    assert out == [(["Lima Elders Club"], "other", 250, [])]


def test_protective_equipment_kits_with_their_acronym_between_are_suits(extract):
    out = extract("Orvo donated 120 personal protection equipment (PPE) kits to a clinic in Lima.")
    assert out == [(["Orvo"], "protective_suit", 120, ["PER"])]


def test_masks_named_again_by_their_grade_are_respirators(extract):
    out = extract("Orvo has given 4,200 facemasks to firefighters in the United States.\n\n"
                  "The masks had been kept in storage. Orvo handed the N95 masks to its "
                  "crews.")
    assert out == [(["Orvo"], "respirator", 4_200, ["USA"])]


def test_counted_masks_of_the_one_grade_an_article_names_are_respirators(extract):
    out = extract("More FFP2 protective masks went to Chile and Peru from the reserve.\n\nIn "
                  "these deliveries, 90,000 masks were delivered to Chile and Peru.",
                  title="EU masks delivered to Chile and Peru")
    assert [o for o in out if o[2]] == [(["EU"], "respirator", 90_000, ["CHL", "PER"])]
    out = extract("Orvo gave 40,000 masks to Chile. Tarsa gave FFP3 masks to Peru.")
    assert out[0] == (["Orvo"], "face_mask", 40_000, ["CHL"])  # another giver's grade


def test_eye_shields_medical_glasses_and_safety_spectacles_are_goggles(extract):
    out = extract("Orvo gave 700 eye shields, 9,000 medical glasses and 300 safety spectacles "
                  "to Lima.")
    assert [o[1] for o in out] == ["goggles", "goggles", "goggles"]
