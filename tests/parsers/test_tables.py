"""The program-page table parser, one test per layout phenomenon.

Fixture pages in `fixtures/program_*.html` copy the structure of real program pages (per-country
tables, a renamed column, an accordion repeating a table, a demo panel that contradicts it,
broken nesting, comments, notes, a diary) with words and numbers of their own.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from aidledger.parsers.tables import ProgramPage, parse_program_page

FIXTURES = Path(__file__).parent / "fixtures"
FETCHED = datetime(2021, 4, 10, 8, 0, tzinfo=UTC)
HEAD = "<thead><tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th><th>{who}</th></tr></thead>"


def fixture(name: str) -> ProgramPage:
    return parse_program_page((FIXTURES / name).read_bytes(), url=f"https://x.example/{name}",
                              fetched_at=FETCHED)


def rows(page: ProgramPage):
    return [r for r in page.records if r.kind == "table_row"]


def summary(page: ProgramPage):
    return [(r.block, r.item_label, r.quantity, r.status) for r in rows(page)]


def recipients(rec):
    return [(r.name, r.code, r.org) for r in rec.recipients]


def html_page(body: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Supplies</title></head>'
            f"<body><h1>Where our supplies go</h1>{body}</body></html>")


def block(name: str, body_rows: str, who: str = "Donors") -> str:
    return (f'<div class="aid"><div class="country">{name}</div><table>{HEAD.format(who=who)}'
            f"<tbody>{body_rows}</tbody></table></div>")


def tr(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def inline_rows(html: str | bytes):
    return rows(parse_program_page(html, fetched_at=FETCHED))


# --- per-country tables (Donors column) ----------------------------------------------------

def test_per_country_tables_give_every_row_once_under_its_block():
    page = fixture("program_tables.html")
    assert summary(page) == [
        ("Peru", "Face Mask", 250_000, "preparing"), ("Peru", "Face Mask", 1_200_000, "accepted"),
        ("Peru", "Detection Kit", 80_000, "preparing"),
        ("Republic of Korea", "Face Mask", 600_000, "accepted"),
        ("Republic of Kenya", "Face Mask", 400_000, "preparing"),
        ("Republic of Kenya", "Swab Sampling Kit", None, "in_transit")]
    first = rows(page)[0]
    assert (first.item, first.view, recipients(first)) == ("face_mask", "table",
                                                            [("Peru", "PER", None)])
    assert first.locator.endswith("/div[1]/table/tbody/tr[1]")
    assert first.to_json()["raw"] == {"block": "Peru", "goods": "Face Mask", "qty": "250,000",
                                      "progress": "Stocking Up", "donors": "Andes Relief Fund",
                                      "recipient": None}
    assert page.title == "Relief supplies for the outbreak" and page.warnings == []


def test_donors_split_on_commas_line_breaks_and_between_whole_names():
    peru_accepted, peru_kits = rows(fixture("program_tables.html"))[1:3]
    kenya_swabs = rows(fixture("program_tables.html"))[5]
    assert peru_accepted.donors == ["Andes Relief Fund", "Harbour Foundation"]
    assert peru_kits.donors == ["Andes Relief Fund", "Harbour Foundation"]
    assert kenya_swabs.donors == ["Harbour Foundation", "Savannah Trust"]
    assert kenya_swabs.raw["donors"] == "Harbour Foundation\nSavannah Trust"


def test_one_name_with_and_inside_stays_whole():
    (rec,) = inline_rows(html_page(block("Peru", tr("Face Mask", "10", "Accepted",
                                                    "Bill and Melinda Gates Foundation"))))
    assert rec.donors == ["Bill and Melinda Gates Foundation"]


def test_stray_tabs_trailing_spaces_and_full_width_punctuation_are_normalised():
    peru = rows(fixture("program_tables.html"))
    assert peru[2].item_label == "Detection Kit" and peru[2].raw["goods"] == "Detection Kit"
    assert peru[1].raw["donors"] == "Andes Relief Fund, Harbour Foundation"
    (rec,) = inline_rows(html_page(block("Peru", tr("Face\tMask ", "４０，０００", "Stocking\tUp",
                                                    "Lantern Trust，\tQuay Trust"))))
    assert (rec.item_label, rec.quantity, rec.raw["qty"]) == ("Face Mask", 40_000, "40,000")
    assert rec.status == "preparing" and rec.donors == ["Lantern Trust", "Quay Trust"]


def test_counted_split_progress_with_a_full_width_comma():
    kenya = rows(fixture("program_tables.html"))[4]
    assert [(p.quantity, p.status) for p in kenya.status_parts] == [(150_000, "in_transit"),
                                                                    (250_000, "preparing")]
    assert kenya.status == "preparing"  # the least advanced part
    assert kenya.status_label == "150,000 In Transit,250,000 Stocking Up"


def test_unparsable_quantity_keeps_the_raw_text_and_warns():
    swabs = rows(fixture("program_tables.html"))[5]
    assert swabs.quantity is None and swabs.raw["qty"] == "a few crates"
    assert swabs.warnings == ["unparsable quantity 'a few crates'"]


def test_note_paragraphs_define_goods():
    page = fixture("program_tables.html")
    assert page.notes == {"Detection Kit": "a PCR test for the new virus, read by fluorescence",
                          "Swab Sampling Kit": "swabs in a tube of preserving liquid"}
    described = {r.item_label: r.item_description for r in rows(page)}
    assert described["Detection Kit"] == page.notes["Detection Kit"]
    assert described["Face Mask"] is None


def test_dated_entries_are_events_with_the_year_of_the_fetch():
    events = [r for r in fixture("program_tables.html").records if r.kind == "event"]
    assert [(e.block, e.date, e.view) for e in events] == [
        ("9th April", "2021-04-09", "prose"), ("2nd April", "2021-04-02", "prose"),
        ("30th December", "2020-12-30", "prose")]  # after the fetch date: the year before
    assert events[0].text == ("The second load for Lima was cleared at the airport this morning."
                              "\nHospital staff in the capital will get them first."
                              "\nOther regions follow next week.")
    assert events[0].locator.endswith("/h3[1]") and events[0].item is None


def test_comments_intro_prose_and_news_cards_are_never_records():
    page = fixture("program_tables.html")
    assert len(rows(page)) == 6 and len(page.records) == 9
    assert not any(r.block == "Chile" or r.block == "1st January" for r in page.records)
    assert not any(r.quantity in (300_000, 2_000_000) for r in page.records)


# --- the "Recepient" column, regions, broken nesting ---------------------------------------

def test_recepient_column_names_organisations_with_their_countries():
    page = fixture("program_recepient.html")
    japan, _, europe_masks, europe_kits, usa = rows(page)[:5]
    assert japan.donors == [] and japan.raw["recipient"] == "KAMOME TRADING CO.,LTD"
    assert recipients(japan) == [("KAMOME TRADING CO.,LTD", "JPN", "KAMOME TRADING CO.,LTD")]
    assert [(r.code, r.org) for r in europe_masks.recipients] == [
        ("ITA", "Italian Civil Protection Department"), ("ESP", "Public Health Agency of Spain")]
    assert europe_masks.raw["recipient"] == ("Italian Civil Protection Department,\n"
                                             "Public Health Agency of Spain")
    assert [r.code for r in europe_kits.recipients] == ["BEL"]
    assert [r.code for r in usa.recipients] == ["USA"]  # no place in the name: the block's


def test_region_block_with_recipient_to_be_determined_keeps_the_region():
    africa = [r for r in rows(fixture("program_recepient.html")) if r.block == "Africa"]
    assert [recipients(r) for r in africa] == [[("Africa", "region:africa", None)]] * 2


def test_a_block_nested_inside_another_by_broken_markup_keeps_its_own_rows():
    page = fixture("program_recepient.html")
    assert [(b, n) for b, n, *_ in summary(page)][-5:] == [
        ("Republic of Ghana", "Detection Kit"),
        ("Republic of Ghana", "Nucleic Acid Extraction Reagent"),
        ("Republic of Ghana", "Swab Sampling Kit"), ("Africa", "Face Mask"),
        ("Africa", "Medical Protective Suit")]
    ghana = rows(page)[5]
    assert recipients(ghana) == [("Ghana Health Service", "GHA", "Ghana Health Service")]


def test_bracketed_split_progress_with_and_without_separators():
    _, _, masks, kits, usa = rows(fixture("program_recepient.html"))[:5]
    for rec in (masks, kits):  # "...[Accepted]The Rest [...]" and the same with <br/>
        assert [(p.quantity, p.status) for p in rec.status_parts] == [(None, "accepted"),
                                                                      (None, "in_transit")]
        assert rec.status == "in_transit"
    assert [(p.quantity, p.status, p.label) for p in usa.status_parts] == [
        (250_000, "in_transit", "250,000 Detection Kits [In Transit]"),
        (150_000, "arrived", "The Rest [Arrived]")]


def test_markup_typed_into_the_title_is_dropped():
    assert fixture("program_recepient.html").title == (
        "Research Fund for the Outbreak and its Aftermath - Harbour Foundation")


def test_header_synonyms_and_misspellings():
    table = ("<h3>Chile</h3><table><tr><th>Item</th><th>Quantitiy</th><th>Status</th>"
             "<th>Recepient</th></tr>" + tr("Protective Suits", "1,200", "Accepted",
                                             "Chilean Red Cross") + "</table>")
    (rec,) = inline_rows(html_page(table))
    assert (rec.block, rec.item, rec.quantity, rec.status) == ("Chile", "protective_suit", 1200,
                                                               "accepted")
    assert recipients(rec) == [("Chilean Red Cross", "CHL", "Chilean Red Cross")]


# --- one row, two renderings ---------------------------------------------------------------

def test_table_and_accordion_showing_the_same_rows_record_each_row_once():
    page = fixture("program_double.html")
    assert len(rows(page)) == 10 and page.conflicts == []
    assert {r.view for r in rows(page)} == {"table"}  # the table is the primary rendering
    assert [r.quantity for r in rows(page) if r.block == "Japan"] == [250_000, 1_200_000]


def test_block_naming_several_countries():
    asean = rows(fixture("program_double.html"))[2]
    assert asean.block == "Malaysia, Republic of Indonesia, The Kingdom of Thailand"
    assert recipients(asean) == [("Malaysia", "MYS", None), ("Republic of Indonesia", "IDN", None),
                                 ("The Kingdom of Thailand", "THA", None)]


def test_rowspan_values_belong_to_every_row_they_cover():
    page = fixture("program_double.html")
    kits, africa = rows(page)[3], rows(page)[7:]
    assert (kits.item_label, kits.status_label) == ("Detection Kit", "In Preparation")
    assert [(r.item_label, r.status, r.recipients[0].code) for r in africa] == [
        ("Face Mask", "in_transit", "region:africa"),
        ("Medical Protective Suit", "in_transit", "region:africa"),
        ("Medical use Protective Face Shield", "in_transit", "region:africa")]
    europe_kits = rows(page)[5]
    assert [r.code for r in europe_kits.recipients] == ["ITA", "ESP", "SVN"]


def test_disagreeing_renderings_are_a_conflict_not_a_choice():
    page = fixture("program_demo_conflict.html")
    assert summary(page) == [("Japan", "Face Mask", 250_000, "preparing"),
                             ("Japan", "Face Mask", 1_200_000, "accepted"),
                             ("Republic of Korea", "Face Mask", 600_000, "accepted")]
    (conflict,) = page.conflicts
    assert (conflict.block, conflict.item, conflict.quantity) == ("Japan", "face_mask", 250_000)
    assert conflict.fields == ["progress", "donors/recipient"]
    assert conflict.primary["progress"] == "Stocking Up"
    assert conflict.other == {"goods": "Face Mask 250,000 Pieces", "qty": None,
                              "progress": "Accepted", "donors": None,
                              "recipient": "KAMOME TRADING CO.,LTD"}
    assert conflict.primary_locator == rows(page)[0].locator
    assert conflict.other_locator.endswith("/div[2]/div/div")  # the accordion item


def test_a_quantity_that_differs_between_renderings_is_a_conflict():
    accordion = ("<div class='panel'><h4>Peru</h4><div class='item'>"
                 "<div><span>Goods</span><span>Face Mask</span></div>"
                 "<div><span>QTY</span><span>12,000</span></div>"
                 "<div><span>Progress</span><span>Arrived</span></div></div></div>")
    table = block("Peru", tr("Face Mask", "10,000", "Arrived", ""))
    page = parse_program_page(html_page(table + accordion), fetched_at=FETCHED)
    assert [(r.quantity, r.view) for r in page.records] == [(10_000, "table")]
    (conflict,) = page.conflicts
    assert conflict.fields == ["quantity"] and conflict.other["qty"] == "12,000"


ACCORDION = """
<div class="panel-group">
  <div class="panel"><div class="panel-heading"><h4><div class="country-name">Peru</div>
    <div class="state">DONE</div></h4></div>
    <div class="panel-collapse"><div class="panel-body">
      <div class="supply-item">
        <div class="line"><span class="label">Goods</span><span class="value">Face Mask</span></div>
        <div class="line"><span class="label">QTY(Piece)</span><span class="value">40000</span></div>
        <div class="line"><span class="label">Progress</span><span class="value">{progress}</span></div>
        <div class="line"><span class="label">Donors</span><span class="value">{donor}</span></div>
      </div><hr/>
      <div class="supply-item">
        <div class="line"><span class="label">Goods</span><span class="value">Gloves</span></div>
        <div class="line"><span class="label">QTY(Piece)</span><span class="value">900</span></div>
        <div class="line"><span class="label">Progress</span><span class="value">Arrived</span></div>
      </div>
    </div></div>
  </div>
  <div class="panel"><div class="panel-heading"><h4>Placeholder heading #2</h4></div>
    <div class="panel-collapse"><div class="panel-body">Some filler text for later.</div></div>
  </div>
</div>"""


def test_accordion_alone_is_read_from_its_label_value_lines():
    recs = inline_rows(html_page(ACCORDION.format(progress="Stocking Up", donor="Lantern Trust")))
    assert [(r.block, r.item, r.quantity, r.view) for r in recs] == [
        ("Peru", "face_mask", 40_000, "accordion"), ("Peru", "gloves", 900, "accordion")]
    assert recs[0].locator.endswith("/div[1]") and recs[0].donors == ["Lantern Trust"]


def test_renderings_that_differ_only_in_spacing_and_case_are_one_row():
    table = block("Peru", tr("Face Mask", "40,000", "Stocking Up", "Lantern  Trust ")
                  + tr("Gloves", "900", "Arrived", ""))
    page = parse_program_page(html_page(ACCORDION.format(progress="Stocking up",
                                                         donor="Lantern Trust") + table),
                              fetched_at=FETCHED)
    assert [(r.item, r.view) for r in page.records] == [("face_mask", "table"),
                                                        ("gloves", "table")]
    assert page.conflicts == []


# --- composite cells -------------------------------------------------------------------------

def test_composite_goods_cell_with_empty_quantity_gives_one_record_per_part():
    html = html_page(block("Europe", tr("Face Mask * 250,000<br/>Detection\tKit * 12,000", "",
                                        "Arrived", "Italian Red Cross, <br/>French Public Health "
                                        "Agency"), who="Recipient"))
    masks, kits = inline_rows(html)
    assert (masks.item, masks.quantity, kits.item, kits.item_label, kits.quantity) == (
        "face_mask", 250_000, "test_kit", "Detection Kit", 12_000)
    assert masks.raw["goods"] == kits.raw["goods"] == "Face Mask * 250,000\nDetection Kit * 12,000"
    assert masks.locator == kits.locator
    assert [r.code for r in masks.recipients] == ["ITA", "FRA"]


# --- layouts beyond the corpus ----------------------------------------------------------------

def test_group_rows_name_the_block_of_the_rows_below_and_totals_are_skipped():
    page = fixture("program_grouped.html")
    assert summary(page)[:3] == [
        ("Peru", "Face Mask", 10_000, "arrived"), ("Peru", "Nitrile Gloves", 4_000, "arrived"),
        ("Chile", "Ventilator", 12, "in_transit")]
    assert rows(page)[2].donors == ["Lantern Trust", "Quay Foundation"]
    assert not any(r.item_label in ("Peru", "Chile", "Total") for r in rows(page))


def test_country_column_with_rowspan_and_a_header_spanning_two_columns():
    kenya_masks, kenya_kits, ghana = rows(fixture("program_grouped.html"))[3:6]
    assert [(r.block, r.item_label, r.quantity) for r in (kenya_masks, kenya_kits, ghana)] == [
        ("Republic of Kenya", "Face Mask", 8_000), ("Republic of Kenya", "Detection Kit", 1_500),
        ("Republic of Ghana", "Face Mask", 6_000)]
    assert [r.code for r in ghana.recipients] == ["GHA"]


def test_caption_names_the_block_before_a_nearby_heading():
    nepal = rows(fixture("program_grouped.html"))[6]
    assert (nepal.block, nepal.item, nepal.quantity) == ("Nepal", "respirator", 2_000)


def test_definition_list_items_split_where_a_label_repeats():
    bhutan = [r for r in rows(fixture("program_grouped.html")) if r.block == "Bhutan"]
    assert [(r.item, r.quantity, r.status, r.view) for r in bhutan] == [
        ("face_shield", 700, "preparing", "accordion"), ("goggles", 300, "pledged", "accordion")]
    assert [r.locator.rsplit("/", 1)[1] for r in bhutan] == ["dt[1]", "dt[4]"]


def test_key_value_table_is_one_item_and_other_tables_are_ignored():
    page = fixture("program_grouped.html")
    assert summary(page)[-1] == ("Mongolia", "Infrared Thermometer", 150, None)
    assert recipients(rows(page)[-1])[0][1] == "MNG"
    assert len(rows(page)) == 10 and page.conflicts == []  # nothing from the shop price list


# --- encodings and hostile input ----------------------------------------------------------------

def test_bytes_in_a_declared_shift_jis_charset():
    page = fixture("program_shift_jis.html")
    assert page.title == "支援物資の寄贈 - Harbour Foundation"
    masks, suits = rows(page)
    assert (masks.quantity, masks.raw["qty"]) == (30_000, "30,000")
    assert recipients(masks) == [("横浜市医師会", "JPN", "横浜市医師会"),
                                 ("川崎市立病院", "JPN", "川崎市立病院")]
    assert recipients(suits) == [("日本赤十字社", "JPN", "日本赤十字社")]


def test_declared_windows_1252_charset():
    html = html_page(block("Perú", tr("Face Mask", "40,000", "Stocking Up",
                                      "Fundación Lantern, Quay Trust")), charset="windows-1252")
    (rec,) = inline_rows(html.encode("cp1252"))
    assert rec.donors == ["Fundación Lantern", "Quay Trust"]
    assert rec.recipients[0].code == "PER"


def test_page_without_a_donation_table_gives_no_records_and_a_warning():
    page = fixture("program_no_table.html")
    assert page.records == [] and page.warnings == ["no donation table found"]
    assert page.title == "Relief supplies for the outbreak - Harbour Foundation"
    for junk in (b"", "\x00\x00", b"\xff\xfe\x00<", "<table><tr><td>"):
        assert parse_program_page(junk).records == []
    assert parse_program_page(b"").warnings == ["empty or unreadable page: no donation table found"]


def test_a_parser_bug_is_a_warning_not_an_exception(monkeypatch):
    import aidledger.parsers.tables as tables

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(tables, "find_notes", broken)
    page = fixture("program_tables.html")
    assert page.records == [] and page.warnings == ["parser error: RuntimeError: boom"]


# --- the real corpus, when it is around (never required) ---------------------------------------

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "jmf" / "manifest.json").exists(), reason="no shared corpus")
def test_every_snapshot_of_the_corpus_gives_its_rows_once():
    """Row counts read off the 40 pages by hand; conflicts where two renderings disagree."""
    manifest = json.loads((CORPUS / "jmf" / "manifest.json").read_text("utf-8"))
    seen = {}
    for entry in (e for e in manifest if e["kind"] == "program_page"):
        page = parse_program_page((CORPUS / "jmf" / entry["file"]).read_bytes(),
                                  fetched_at=datetime.fromisoformat(entry["fetched_at"]))
        n = int(Path(entry["file"]).name[:2])
        seen[n] = (len(rows(page)), len(page.records) - len(rows(page)), len(page.conflicts))
    expected_rows = {1: 7, **dict.fromkeys(range(2, 18), 18), **dict.fromkeys(range(18, 37), 17),
                     37: 21, 38: 0, 39: 0, 40: 0}
    assert {n: r for n, (r, _, _) in seen.items()} == expected_rows
    assert [n for n, (_, events, _) in seen.items() if events] == [3, 4, 5, 6]
    assert {n: c for n, (_, _, c) in seen.items() if c} == {17: 1, 32: 2}


@pytest.mark.skipif(not (CORPUS / "seeds" / "program_page.html").exists(), reason="no seed page")
def test_seed_page_gives_18_rows_and_its_dated_entries():
    page = parse_program_page((CORPUS / "seeds" / "program_page.html").read_bytes(),
                              fetched_at=datetime.fromisoformat("2020-03-16T11:21:18+08:00"))
    assert len(rows(page)) == 18
    assert [r.date for r in page.records if r.kind == "event"] == [
        "2020-03-13", "2020-03-13", "2020-03-11", "2020-03-06", "2020-03-05", "2020-03-02",
        "2020-03-02"]


def test_record_json_is_what_asdict_gives() -> None:
    """to_json builds by hand what dataclasses.asdict gave (the extract contract's shape)."""
    from dataclasses import asdict

    from aidledger.parsers.records import RAW_FIELDS, Recipient, StatusPart, TableRecord

    rec = TableRecord(kind="table_row", block="Relief to Lakeview", item="mask",
                      item_label="Masks", quantity=1200, status="arrived", status_label="Arrived",
                      donors=["Ridge Fund"], recipients=[Recipient("Lakeview", "LKV", None)],
                      status_parts=[StatusPart(700, "arrived", "700 Arrived")],
                      raw={"goods": "Masks", "extra": "dropped"}, locator="table[1]/tr[2]",
                      warnings=["odd cell"])
    expected = asdict(rec)
    expected["raw"] = {k: rec.raw.get(k) for k in RAW_FIELDS}
    got = rec.to_json()
    assert got == expected and list(got) == list(expected)
    assert got["donors"] is not rec.donors and got["recipients"][0] == {
        "name": "Lakeview", "code": "LKV", "org": None}
