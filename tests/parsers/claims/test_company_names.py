"""Company names with their legal form, bodies named with a possessive, and common words that
open a sentence: what is one donor's name and what is none."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims
from aidledger.parsers.names import classify, find_names


def _names(text: str) -> list[str]:
    return [n.text for n in find_names(text)]


def test_a_legal_form_after_a_bracketed_country_stays_with_its_company(extract):
    out = extract("Later, Pelangi Tiles (M) Sdn Bhd donated 2,500 face masks to the Health Ministry.")
    assert out[0][0] == ["Pelangi Tiles (M) Sdn Bhd"]
    assert "Sdn Bhd" not in _names("Kota Ria (KL) Sdn Bhd gave 300 gowns.")


def test_a_legal_form_after_a_comma_stays_with_its_company():
    assert _names("Orchid Medical Supplies Co., Ltd shipped 900 gowns.")[0] == \
        "Orchid Medical Supplies Co., Ltd"
    assert _names("Hokuto Motor West Japan, Inc handed over 600 masks.")[0] == \
        "Hokuto Motor West Japan, Inc"


def test_a_lone_legal_form_is_no_donor():
    assert _names("Ltd. shipped the gowns on Monday.") == []


def test_a_peoples_government_is_one_body(extract):
    out = extract("The town received from Jinhua Wucheng District People's Government a donation "
                  "of 1,800 masks.")
    assert out[0][0] == ["Jinhua Wucheng District People's Government"]


def test_a_countrys_embassy_gives_as_the_text_names_it(extract):
    out = extract("On May 3, Korea’s Embassy in Manila said it, together with Daeyang Steel, "
                  "donated 7,000 face masks to the Department of Health.")
    assert sorted(out[0][0]) == ["Daeyang Steel", "Korea’s Embassy in Manila"]


def test_common_words_opening_a_sentence_are_no_names():
    assert _names("Products include face masks and gloves, the Kestrel Group said.") == \
        ["Kestrel Group"]
    assert _names("Helmets were also handed over.") == []
    assert _names("Medical supplies worth 1 million euros were sent.") == []
    assert _names("Former students of the college sent masks.") == []
    assert _names("Siemens donated 3,000 masks to Spain.")[0] == "Siemens"


def test_adjectives_prepositions_and_pronouns_opening_a_sentence_are_no_names():
    assert _names("Overall donation of 3 million gloves is more than planned.") == []
    assert _names("Crucial medical gear such as monitors will also be sent.") == []
    assert _names("Out of that sum, $5,000 went to the clinic.") == []
    assert _names("Along with the school, $8,000 was given to Rotterdam.") == ["Rotterdam"]
    assert _names("Me and my sons pledge $2,000 to the nurses.") == []
    assert _names("Seventeen firms here gave 5,000 masks.") == []
    assert _names("Vital donated 3,000 masks to Spain.") == ["Vital", "Spain"]
    assert _names("Aside from meals for furloughed staff, the bank gave 900 gowns.") == []
    assert _names("Ahead of schedule, Orvo sent 900 gowns.") == ["Orvo"]


def test_a_title_abbreviated_with_a_dot_is_no_name():
    assert _names("The gift was witnessed by Hon. Minister Ama Boateng.") == ["Ama Boateng"]
    assert _names("Lt. Gen. Kofi Mensah received it.") == ["Kofi Mensah"]
    assert _names("Hon Hai Precision sent 900 gowns.") == ["Hon Hai Precision"]


def test_me_in_a_tweet_is_its_author(extract):
    out = extract("It is bigger than sport! Me and my sons pledge $2,000 to the arena staff in "
                  "Leeds. — Tomas Reyes (@TReyes) May 3, 2020", publisher="Daily Courier")
    assert out == [(["Tomas Reyes"], "funds", 2_000, ["GBR"])]



def test_a_club_named_short_and_in_full_is_one_giver_of_they(extract):
    out = extract("Lotus Club raises money for masks\n\nThe Lotus Club of Eastern Ohio has asked "
                  "members for money. The Lotus Club said the appeal went well. They have donated "
                  "4,000 masks so far.")
    assert [d for d, *_ in out] == [["Lotus Club of Eastern Ohio"]]


def test_the_before_a_place_and_a_body_is_no_part_of_the_name():
    assert _names("The Xiamen Women's Federation sent 800 masks.")[0] == \
        "Xiamen Women's Federation"
    assert _names("The Hague sent 300 masks to Milan.")[0] == "The Hague"


def test_a_handle_is_read_as_the_name_it_spells():
    assert _names("We thank @MeiLing and @KestrelGroup for the gloves.") == \
        ["Mei Ling", "Kestrel Group"]
    assert _names("The gowns came from @USAID.") == ["USAID"]


def test_customs_and_csr_are_no_givers(extract):
    assert _names("Please ask Customs to let the boxes through.") == []
    out = extract("Under its CSR plan the firm gave 2,100 PPE kits to hospitals in Pune.")
    assert out[0][0] == []


def test_a_person_of_a_firm_gives_as_the_person():
    from aidledger.parsers.claim_givers import donor_name
    assert donor_name("Tunde Bakare of Lagoon Power Distribution") == "Tunde Bakare"
    assert donor_name("Tunde Bakare of Lagos") == "Tunde Bakare of Lagos"


def test_a_state_office_in_lower_case_with_its_country_gives_as_the_state(extract):
    out = extract("Thai deputy foreign minister Somchai Rattanakul presented a gift of 200,000 "
                  "cloth masks to the Peruvian government.")
    assert out[0][0] == ["Thailand"]
    out = extract("Company vice president Lin Wei presented 3,000 masks to Boston.")
    assert out[0][0] == ["Lin Wei"]


def test_two_places_joined_by_a_hyphen_are_an_adjective_not_a_name():
    assert _names("Korean-American nurses in Denver packed 900 masks.") == ["Denver"]
    assert _names("It marks the Japan-Peru friendship.") == []
    assert _names("Timor-Leste received 800 gowns.") == ["Timor-Leste"]


def test_a_brand_keeps_its_own_possessive(extract):
    out = extract("Greggs and Boots's have donated 4,000 masks to hospitals in Leeds.")
    assert sorted(d for c in out for d in c[0]) == ["Boots's", "Greggs"]
    out = extract("Morrison's has donated 2,000 masks to hospitals in York.")
    assert out[0][0] == ["Morrison's"]
    out = extract("Jack Ma's foundation has donated 1,000 masks to Peru.")
    assert out[0][0] == ["Jack Ma Foundation"]


def test_a_demonym_before_a_common_acronym_is_a_description():
    assert _names("A Korean NGO, Hope Bridge, sent 900 masks.") == ["Hope Bridge"]
    assert _names("The Korean Red Cross sent 900 masks.") == ["Korean Red Cross"]


def test_a_currency_code_is_no_name():
    assert _names("The city gave VND 2 billion and MYR 40,000 to Hanoi.") == ["Hanoi"]


def test_a_local_government_written_in_lower_case_keeps_its_name(extract):
    out = extract("The Busan Metropolitan government donated 12,000 KF94 masks to its sister "
                  "city Colombo.")
    assert out[0][0] == ["Busan Metropolitan government"]
    out = extract("The Chilean government donated 3,000 masks to Peru.")
    assert out[0][0] == ["Chilean government"]


def test_a_name_does_not_run_over_a_line_break():
    names = _names("Masks arrive in Peru\nThe Andean Relief Agency sent them.")
    assert names[-2:] == ["Peru", "Andean Relief Agency"]


def test_a_bracketed_word_before_a_legal_form_is_part_of_the_name():
    assert _names("Kestrel Holdings (Group) Co., Ltd gave 4,000 masks.") == [
        "Kestrel Holdings (Group) Co., Ltd"]


def test_an_acronym_giver_is_spelled_out_from_the_body_below_the_headline(extract):
    out = extract("The Andean Relief Agency (ARA) today handed over supplies to Peru. ARA "
                  "donated 4,000 gloves to the Lima hospital.",
                  title="ARA helps Peru fight COVID-19")
    assert out == [(["Andean Relief Agency"], "gloves", 4_000, ["PER"])]


def test_of_the_inside_a_name_keeps_the_whole_name():
    assert _names("The Northern Power Corporation of the Andes gave 2,000 masks to Peru.") == [
        "Northern Power Corporation of the Andes", "Peru"]
    assert _names("Kestrel and the Mirra Foundation gave masks.") == ["Kestrel", "Mirra Foundation"]


def test_a_terms_acronym_in_brackets_is_no_name():
    assert _names("It gave high-performance computing (HPC) systems to Lima.") == ["Lima"]
    assert _names("The Andean Relief Agency (ARA) gave masks.") == [
        "Andean Relief Agency", "ARA"]


def test_a_corporate_noun_makes_a_three_word_name_a_company(extract):
    out = extract("Kestrel Micro Devices gave servers to Lima. The company also announced "
                  "donations of $2 million to the Lima Red Cross.")
    assert [o[0] for o in out] == [["Kestrel Micro Devices"]]


def test_a_dotted_country_abbreviation_stays_in_the_name_it_opens(extract):
    assert _names("USAID and the U.S. Centers for Disease Control gave funds.") == [
        "USAID", "U.S. Centers for Disease Control"]
    out = extract("The U.S. Embassy handed over 50 ventilators to Kenya.")
    assert out == [(["U.S. Embassy"], "ventilator", 50, ["KEN"])]


def test_ands_inside_an_of_phrase_of_fields_keep_one_name(extract):
    out = extract("The Andean Institute of Mining and Water Resources Planning and Design "
                  "contributed 1,200 N95 masks to Peru.")
    assert [o[0] for o in out] == [
        ["Andean Institute of Mining and Water Resources Planning and Design"]]
    out = extract("The Bank of Lima and Tomas Reyes and Lena Varga gave $9,000 to Peru.")
    assert out[0][0] == ["Bank of Lima", "Tomas Reyes", "Lena Varga"]


def test_a_members_body_and_the_country_it_sits_in_are_one_name(extract):
    out = extract("On Monday, the Chilean Association in Peru, a group of traders, donated 9,000 "
                  "masks to the Lima General Hospital.")
    assert [o[0] for o in out] == [["Chilean Association in Peru"]]


def test_an_owner_of_unnamed_member_companies_is_no_giver(extract):
    out = extract("The goods include 2,000 test kits donated by the Rosa Ines Foundation and "
                  "Kestrel's member companies in Peru.")
    assert [o[0] for o in out] == [["Rosa Ines Foundation"]]


def test_a_currency_sign_before_its_amount_is_no_name():
    assert _names("Orvo gave food worth Rp 26 billion (US$1.7 million).") == ["Orvo"]
    assert _names("Maybank gave RM 500,000 and KSh 100 to the fund.") == ["Maybank"]


def test_the_bank_after_a_value_in_a_currency_is_the_bank_named_before(extract):
    out = extract("Private lender PT Bank Orvo Indonesia has donated food worth Rp 26 billion "
                  "to Indonesia. Aside from food aid, the bank donated 100,000 rapid test kits "
                  "to Indonesia.")
    assert out == [(["PT Bank Orvo Indonesia"], "test_kit", 100_000, ["IDN"])]


def test_an_indonesian_companys_legal_form_opens_its_name():
    assert _names("PT Kalbe Orvo Tbk sent 900 gowns.")[0] == "PT Kalbe Orvo Tbk"


def test_a_demonym_and_a_persons_noun_before_a_name_describe_the_person(extract):
    out = extract("The machines arrived.",
                  title="Nigerian Billionaire Kola Adeyemi Donates 40 Ventilators")
    assert [c[0] for c in out] == [["Kola Adeyemi"]]
    assert _names("Nigerian Billionaire Kola Adeyemi gave 40 ventilators.") == ["Kola Adeyemi"]
    assert _names("The Indian Premier League gave 900 gowns.") == ["Indian Premier League"]


def test_a_dot_before_a_capitalised_word_ends_a_name_run_into_the_next_sentence():
    assert _names("The gowns came from the Orvo Party of Kenya.Kenyan envoy Ali Bakari "
                  "spoke.")[:2] == ["Orvo Party of Kenya", "Kenyan"]
    assert _names("Lumo Co.Ltd sent 900 gowns.") == ["Lumo Co.Ltd"]


def test_new_opening_a_bodys_name_is_part_of_it():
    assert _names("The New Covenant Church gave 900 gowns.") == ["New Covenant Church"]
    assert _names("New donations arrived from Orvo.") == ["Orvo"]


def test_a_legal_forms_abbreviation_keeps_its_dot_as_written(extract):
    assert _names("Orvo Land Corp. meanwhile set aside P50 million.")[0] == "Orvo Land Corp."
    out = extract("Kestrel Heavy Industry Co., Ltd., a maker based in Hunan, shipped 9,000 "
                  "masks to Italy.")
    assert out[0][0] == ["Kestrel Heavy Industry Co., Ltd."]


def test_a_firm_s_head_word_after_its_name_makes_it_an_organisation():
    """ "Mercy Health Quito", "Orvan Dairy": a body by its head word, so it can take goods
    (carried from the giver told before); opening a name, the word is no head ("Health
    Ana Ruiz" is a person with her field before her name)."""
    out = extract_claims("Recently, Lakeside University donated protective gear to help "
                         "nurses. Staff members delivered 400 gowns and 60 goggles to Mercy "
                         "Health Quito.")
    assert [(c.donors, c.item, c.quantity) for c in out] == [
        (["Lakeside University"], "protective_suit", 400),
        (["Lakeside University"], "goggles", 60)]
    assert all(r.org == "Mercy Health Quito" for c in out for r in c.recipients)
    assert classify("Orvan Dairy") == "organisation"
    assert classify("Health Ana Ruiz") == "person"


def test_a_body_given_by_one_word_of_its_name_is_named_in_full(extract):
    out = extract("Wilfrid Brock University has joined the effort. Brock has donated 3,000 "
                  "gloves to a hospital in Ontario, Canada.")
    assert out == [(["Wilfrid Brock University"], "gloves", 3_000, ["CAN"])]
    out = extract("The Shanghai Orvo Foundation backs schools. Orvo gave 900 gloves to Chile.")
    assert out[0][0] == ["Orvo"]


def test_a_firm_by_its_short_name_is_the_name_written_first_with_its_line_and_legal_form(extract):
    out = extract("Lakeside miner PT Orvana Energy Tbk gave Rp5 billion to the relief effort.\n\n"
                  "\"Orvana has given Rp5 billion for the relief effort,\" the agency said.")
    assert [c[0] for c in out] == [["PT Orvana Energy Tbk"]]  # one gift, told twice


def test_a_participle_or_trade_word_opening_the_sentence_is_no_part_of_the_name(extract):
    assert extract("Brewer Orvana donated 9,000 masks to Peru.")[0][0] == ["Orvana"]
    assert extract("Using Orvana funds, Tessa Bank gave 9,000 masks to Peru.")[0][0] == [
        "Tessa Bank"]


def test_a_title_case_headline_of_donor_lists_names_no_giver():
    from aidledger.parsers.claim_headline import untitled
    assert untitled("Tycoons, Charities That Have Made Gifts Towards Peru's Fight Against "
                    "Covid") == ("Tycoons, charities that have made gifts towards Peru's Fight "
                                 "against Covid")
    assert _names("Items donated include 3,000 gowns.") == []


def test_an_import_and_export_firm_is_one_name(extract):
    assert extract("Ningbo Orvo Import and Export donated 760 gowns to Lima.") == [
        (["Ningbo Orvo Import and Export"], "protective_suit", 760, ["PER"])]


def test_a_firm_named_by_its_line_of_business_is_the_it_that_speaks(extract):
    assert extract("Orvo Computing said it would donate 500 masks to Peru.") == [
        (["Orvo Computing"], "face_mask", 500, ["PER"])]
    assert extract("Tarsa Diagnostics said it had donated 700 test kits to Chile.") == [
        (["Tarsa Diagnostics"], "test_kit", 700, ["CHL"])]


def test_a_grupo_is_a_firm_of_its_own_in_a_pair_of_givers(extract):
    out = extract("40,000 bottles of sanitiser will be given to clinics in Peru by "
                  "Andina and Grupo Sol.")
    assert [c[0] for c in out] == [["Andina", "Grupo Sol"]]


def test_a_short_firm_name_is_the_full_name_its_line_of_business_adds(extract):
    out = extract("Orvane Metals Group, which Ana Ruiz chairs, joined the effort. Orvane also "
                  "donated $2 million to the Holm Fund.")
    assert out == [(["Orvane Metals Group"], "funds", 2_000_000, ["org:Holm Fund"])]


def test_a_band_name_with_a_digit_is_no_amount(extract):
    out = extract("The rock band Q4 gave €3 million to Peru.")
    assert out == [(["Q4"], "funds", 3_000_000, ["PER"])]


def test_an_exchange_and_a_ticker_in_brackets_are_no_names():
    assert _names("Orvane Systems Inc. (NASDAQ: ORVS) has pledged $90 million.") == [
        "Orvane Systems Inc."]
