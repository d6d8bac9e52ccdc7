"""Receiving bodies that are not international ones get a country: their own, the one their
claim names, else the article's; `org:<name>` is for international bodies (and bodies whose
country stays unclear). Common-noun local takers go to the article's country."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims

from .conftest import PUB


def test_a_medical_center_gets_the_articles_country(extract):
    out = extract("Kenya has taken in ventilators from three donors this month. Torvi Mills "
                  "donated 300 gowns to the Lakeside Medical Center.")
    assert (["Torvi Mills"], "protective_suit", 300, ["KEN"]) in out


def test_a_mission_hospital_and_a_community_health_centre(extract):
    out = extract("Ghana's regions are short of gear, officials in Accra said. Farlow Bank "
                  "gave 2,000 masks to the Greenhill Mission Hospital. The Oduya Foundation "
                  "donated 400 face shields to the Bantama Community Health Centre.")
    assert (["Farlow Bank"], "face_mask", 2_000, ["GHA"]) in out
    assert (["Oduya Foundation"], "face_shield", 400, ["GHA"]) in out


def test_a_university_a_company_and_a_council_take_for_their_country(extract):
    out = extract("Peru's hospitals are stretched, the health ministry in Lima said. Orvo "
                  "Group gave 500 gloves to the Andes Valley University, 200 goggles to "
                  "Pacaya Textiles and 90 thermometers to the Nasca District Council.")
    assert (["Orvo Group"], "gloves", 500, ["PER"]) in out
    assert (["Orvo Group"], "goggles", 200, ["PER"]) in out
    assert (["Orvo Group"], "thermometer", 90, ["PER"]) in out


def test_money_to_a_charity_gets_the_articles_country(extract):
    out = extract("Zambia's clinics need help, the health minister said in Lusaka. The Kilo "
                  "Trust gave ZMW 2 million to the Chisamba Hope Foundation.")
    assert (["Kilo Trust"], "funds", 2_000_000, ["ZMB"]) in out


def test_the_red_cross_alone_is_the_countrys_own_society(extract):
    out = extract("Iraq's hospitals in Basra are full. Norden Oil donated 10,000 masks to the "
                  "Red Cross.")
    assert (["Norden Oil"], "face_mask", 10_000, ["IRQ"]) in out


def test_international_bodies_keep_their_org_code(extract):
    out = extract("Iraq's hospitals in Basra are full. Norden Oil gave 200 gowns to the WHO, "
                  "300 gloves to Doctors Without Borders and 100 goggles to the "
                  "International Committee of the Red Cross.")
    assert (["Norden Oil"], "protective_suit", 200, ["org:WHO"]) in out
    assert (["Norden Oil"], "gloves", 300, ["org:Doctors Without Borders"]) in out
    assert (["Norden Oil"], "goggles", 100, ["org:ICRC"]) in out


def test_a_body_named_for_a_region_keeps_its_org_code(extract):
    out = extract("Ghana's hospitals in Accra are full. Norden Oil gave 800 gowns to the "
                  "West African Health Organisation.")
    assert (["Norden Oil"], "protective_suit", 800, [
        "org:West African Health Organisation"]) in out


def test_the_claims_own_country_before_the_articles(extract):
    out = extract("Chile's northern towns need gear. The Marsh Fund gave 700 masks to Peru "
                  "and to the Tacna Relief Society.")
    assert (["Marsh Fund"], "face_mask", 700, ["PER"]) in out


def test_no_country_found_keeps_the_org_code(extract):
    out = extract("Torvi Mills donated 300 gowns to the Lakeside Medical Center.")
    assert out == [(["Torvi Mills"], "protective_suit", 300, ["org:Lakeside Medical Center"])]


def test_two_countries_named_alike_keep_the_org_code(extract):
    out = extract("Torvi Mills sent 200 gowns to France and 300 gowns to Spain. It also gave "
                  "300 gloves to the Lakeside Medical Center.")
    assert (["Torvi Mills"], "gloves", 300, ["org:Lakeside Medical Center"]) in out


def test_the_body_keeps_its_name_and_org_field():
    claims = extract_claims("Kenya has taken in ventilators from three donors. Torvi Mills "
                            "donated 300 gowns to the Lakeside Medical Center.", PUB)
    (r,) = claims[-1].recipients
    assert (r.name, r.code, r.org) == ("Lakeside Medical Center", "KEN",
                                       "Lakeside Medical Center")


def test_goods_for_local_hospitals_go_to_the_articles_country(extract):
    out = extract("Nigeria's hospitals in Kano are short of gear. Danlo Cement gave 6,000 "
                  "masks to local hospitals and 900 gowns to health-care workers.")
    assert (["Danlo Cement"], "face_mask", 6_000, ["NGA"]) in out
    assert (["Danlo Cement"], "protective_suit", 900, ["NGA"]) in out


def test_money_for_local_organisations_and_care_homes(extract):
    out = extract("Malawi's districts around Blantyre need support. Kumbo Tea gave $50,000 "
                  "to local healthcare organizations. Lilo Bank gave $20,000 to care homes. "
                  "Zeka Mills gave $10,000 to help frontline workers.")
    assert (["Kumbo Tea"], "funds", 50_000, ["MWI"]) in out
    assert (["Lilo Bank"], "funds", 20_000, ["MWI"]) in out
    assert (["Zeka Mills"], "funds", 10_000, ["MWI"]) in out


def test_local_takers_with_no_clear_country_stay_without(extract):
    out = extract("Danlo Cement gave $6,000 to local healthcare organizations.")
    assert out == [(["Danlo Cement"], "funds", 6_000, [])]


def test_the_red_cross_in_a_named_country_is_that_countrys_society(extract):
    out = extract("The Holm Fund pledged $300,000 to the Red Cross in Peru. Separately, Lin "
                  "Bao gave 8,000 masks to clinics in Ohio.")
    assert (["Holm Fund"], "funds", 300_000, ["PER"]) in out
    assert (["Lin Bao"], "face_mask", 8_000, ["USA"]) in out


def test_a_country_word_before_a_landmark_in_a_body_name_is_a_local_place(extract):
    out = extract("Texas care homes are short of masks, officials in Austin said. Gibbs "
                  "Hardware gave 75 N95 masks to the Jordan Valley Nursing Center.")
    assert out == [(["Gibbs Hardware"], "respirator", 75, ["USA"])]
