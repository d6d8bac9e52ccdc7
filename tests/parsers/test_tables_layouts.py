"""The program-page table parser on small pages built inline (test_tables.py holds the fixture
pages and the accordion, conflict and composite-cell cases)."""

from __future__ import annotations

from datetime import UTC, datetime

from aidledger.parsers.tables import parse_program_page

FETCHED = datetime(2021, 4, 20, 10, 0, tzinfo=UTC)
HEAD = "<thead><tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th><th>{who}</th></tr></thead>"


def page(body: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Supplies</title></head>'
            f"<body><h1>Where our supplies go</h1>{body}</body></html>")


def block(name: str, rows: str, who: str = "Donors") -> str:
    return (f'<div class="aid"><div class="country">{name}</div><table>{HEAD.format(who=who)}'
            f"<tbody>{rows}</tbody></table></div>")


def tr(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def rows_of(html: str | bytes, **kw):
    return [r for r in parse_program_page(html, fetched_at=FETCHED, **kw).records
            if r.kind == "table_row"]


def test_one_table_per_country_block_with_the_name_before_it():
    html = page(block("Peru", tr("Face Mask", "40,000", "Stocking Up", "Lantern Trust"))
                + block("Nepal", tr("Detection Kit", "2,000", "In Transit", "Lantern Trust")))
    recs = rows_of(html)
    assert [(r.block, r.item, r.quantity, r.status) for r in recs] == [
        ("Peru", "face_mask", 40_000, "preparing"), ("Nepal", "test_kit", 2_000, "in_transit")]
    assert recs[0].recipients[0].code == "PER"
    assert recs[0].raw == {"block": "Peru", "goods": "Face Mask", "qty": "40,000",
                           "progress": "Stocking Up", "donors": "Lantern Trust",
                           "recipient": None}
    assert recs[0].locator.endswith("/table/tbody/tr")


def test_header_synonyms_and_misspellings():
    table = ("<h3>Chile</h3><table><tr><th>Item</th><th>Quantitiy</th><th>Status</th>"
             "<th>Recepient</th></tr>" + tr("Protective Suits", "1,200", "Accepted",
                                             "Chilean Red Cross") + "</table>")
    (rec,) = rows_of(page(table))
    assert (rec.block, rec.item, rec.quantity, rec.status) == ("Chile", "protective_suit", 1200,
                                                               "accepted")
    assert rec.donors == [] and rec.recipients[0].org == "Chilean Red Cross"
    assert rec.recipients[0].code == "CHL"


def test_donors_split_on_commas_but_company_suffixes_stay_whole():
    html = page(block("Japan", tr("Face Mask", "5,000", "Accepted",
                                  "Lantern Trust, Quay Foundation")
                      + tr("Face Mask", "7,000", "Accepted", "KOMORI TRADING CO.,LTD"),
                      who="Donors"))
    first, second = rows_of(html)
    assert first.donors == ["Lantern Trust", "Quay Foundation"]
    assert second.donors == ["KOMORI TRADING CO.,LTD"]


def test_block_naming_several_countries_and_a_region():
    html = page(block("Malaysia, Republic of Indonesia, The Kingdom of Thailand",
                      tr("Face Shield", "3,000", "In Transit", "Lantern Trust"))
                + block("Africa", tr("Face Mask", "8,000", "In Transit",
                                     "Recepient to be determined"), who="Recepient"))
    asean, africa = rows_of(html)
    assert [r.code for r in asean.recipients] == ["MYS", "IDN", "THA"]
    assert [(r.code, r.org) for r in africa.recipients] == [("region:africa", None)]


def test_split_progress_keeps_part_quantities_and_the_least_advanced_status():
    html = page(block("Italy", tr("Face Mask", "60,000", "20,000 In Transit, 40,000 Stocking Up",
                                  "Lantern Trust")
                      + tr("Detection Kit", "9,000", "4,000 Detection Kits [In Transit]，"
                                                    "The Rest [Arrived]", "Lantern Trust")))
    masks, kits = rows_of(html)
    assert [(p.quantity, p.status) for p in masks.status_parts] == [
        (20_000, "in_transit"), (40_000, "preparing")]
    assert masks.status == "preparing"
    assert [(p.quantity, p.status) for p in kits.status_parts] == [
        (4_000, "in_transit"), (5_000, "arrived")]


def test_rowspan_cells_belong_to_every_row_they_cover():
    table = ("<div class='country'>Europe</div><table><tr><th>Goods</th><th>QTY(Piece)</th>"
             "<th>Progress</th><th>Recepient</th></tr>"
             "<tr><td>Face Mask</td><td>10,000</td><td rowspan='2'>Arrived</td>"
             "<td rowspan='3'>Slovenian Civil Defence</td></tr>"
             "<tr><td>Gloves</td><td>800</td></tr>"
             "<tr><td>Goggles</td><td>300</td><td>In Transit</td></tr></table>")
    recs = rows_of(page(table))
    assert [(r.item, r.status, r.recipients[0].code) for r in recs] == [
        ("face_mask", "arrived", "SVN"), ("gloves", "arrived", "SVN"),
        ("goggles", "in_transit", "SVN")]


def test_a_block_nested_inside_another_by_broken_markup_keeps_its_own_rows():
    html = page('<div class="aid"><div class="country">Rwanda</div><table>'
                + HEAD.format(who="Donors") + tr("Detection Kit", "3,000", "In Transit", "X")
                + '</table><div class="aid"><div class="country">Africa</div><table>'
                + HEAD.format(who="Donors") + tr("Face Mask", "9,000", "In Transit", "X")
                + tr("Gloves", "1,000", "In Transit", "X") + "</table></div>")  # unclosed
    recs = rows_of(html)
    assert [(r.block, r.item) for r in recs] == [("Rwanda", "test_kit"), ("Africa", "face_mask"),
                                                 ("Africa", "gloves")]


def test_nothing_inside_comments_is_extracted():
    html = page("<!-- " + block("Peru", tr("Face Mask", "1", "Accepted", "X"))
                + "<h3>4th April</h3><p>Old news.</p> -->"
                + block("Chile", tr("Gloves", "5", "Accepted", "X")))
    parsed = parse_program_page(html, fetched_at=FETCHED)
    assert [r.block for r in parsed.records] == ["Chile"]


def test_notes_define_goods():
    html = page(block("Peru", tr("Detection Kit", "2,000", "In Transit", "X"))
                + "<p>Note：</p><p>Detection Kit：PCR kit for the novel coronavirus</p>")
    parsed = parse_program_page(html, fetched_at=FETCHED)
    assert parsed.notes == {"Detection Kit": "PCR kit for the novel coronavirus"}
    assert parsed.records[0].item_description == "PCR kit for the novel coronavirus"


def test_dated_entries_become_events_with_the_year_of_the_fetch():
    html = page(block("Peru", tr("Face Mask", "1", "Accepted", "X"))
                + "<div class='events'><h3>14th April</h3><p>Masks left the depot.</p>"
                "<p>More soon.</p><h3>28th December</h3><p>The appeal opened.</p></div>")
    events = [r for r in parse_program_page(html, fetched_at=FETCHED).records
              if r.kind == "event"]
    assert [(e.block, e.date) for e in events] == [("14th April", "2021-04-14"),
                                                   ("28th December", "2020-12-28")]
    assert events[0].text == "Masks left the depot.\nMore soon."


def test_page_without_a_table_gives_no_records_and_a_warning():
    parsed = parse_program_page(page("<p>The donation details moved to our annual report.</p>"))
    assert parsed.records == [] and "no donation table found" in parsed.warnings
    assert parse_program_page(b"").warnings and parse_program_page("\x00\x00").records == []


def test_unparsable_quantity_keeps_the_raw_text_and_warns():
    (rec,) = rows_of(page(block("Peru", tr("Face Mask", "a few boxes", "Accepted", "X"))))
    assert rec.quantity is None and rec.raw["qty"] == "a few boxes"
    assert rec.warnings == ["unparsable quantity 'a few boxes'"]


def test_declared_legacy_charset():
    html = page(block("Perú", tr("Face Mask", "40,000", "Stocking Up",
                                 "Fundación Lantern, Quay Trust")), charset="windows-1252")
    (rec,) = rows_of(html.encode("cp1252"))
    assert rec.donors == ["Fundación Lantern", "Quay Trust"]
    assert rec.recipients[0].code == "PER"


def test_stray_tabs_and_full_width_punctuation():
    (rec,) = rows_of(page(block("Peru", tr("Face\tMask ", "４０，０００", "Stocking\tUp",
                                          "Lantern Trust，\tQuay Trust"))))
    assert rec.item_label == "Face Mask" and rec.status == "preparing"
    assert rec.quantity == 40_000 and rec.raw["qty"] == "40,000"
    assert rec.donors == ["Lantern Trust", "Quay Trust"]


def test_a_cell_spanning_columns_belongs_to_the_first_only():
    table = ("<div class='country'>Peru</div><table><tr><th>Goods</th><th>QTY(Pieces)</th>"
             "<th>Progress</th><th>Donors</th></tr>"
             "<tr><td>Gloves</td><td>800</td><td colspan='2'>In Transit</td></tr></table>")
    (rec,) = rows_of(page(table))
    assert rec.status == "in_transit" and rec.donors == []
