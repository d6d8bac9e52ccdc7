"""Article extraction: declared metadata first, main text without page furniture."""

from __future__ import annotations

from pathlib import Path

from aidledger.parsers.article import extract_article

PAGE = (Path(__file__).parent / "fixtures" / "article_gazette.html").read_bytes()


def test_metadata_comes_from_json_ld_and_meta_tags():
    a = extract_article(PAGE, "https://gazette.example/x")
    assert a.title == "Courier firm flies gowns to Lima"
    assert a.outlet == "Harbor Gazette" and a.authors == ["Ana Pereira"]
    assert a.published == "2021-05-11T07:30:00+01:00"
    assert a.updated == "2021-05-11T10:00:00+01:00"
    assert a.canonical_url == "https://gazette.example/world/2021/05/11/courier-gowns"
    assert a.language == "en"


def test_an_advertisement_date_is_never_taken_for_the_publication_date():
    no_ld = PAGE.replace(b"datePublished", b"dateX").replace(b"dateModified", b"dateY")
    a = extract_article(no_ld, "https://gazette.example/world/2021/05/11/courier-gowns")
    assert a.published == "2021-05-11"  # from the URL, not "31 December 2021"


def test_text_keeps_the_story_and_drops_furniture_with_offsets():
    a = extract_article(PAGE)
    assert "45,000 isolation gowns" in a.text and "second flight" in a.text
    for junk in ("Reading Time", "Advertisement", "newsletter", "Picture:", "offer valid",
                 "Copyright"):
        assert junk.lower() not in a.text.lower(), junk
    first = a.paragraphs[0]
    assert a.text[first[0]:first[1]].startswith("The courier company Swiftline")


def test_legacy_charset_bytes_decode():
    page = PAGE.replace(b'charset="utf-8"', b'charset="windows-1252"').replace(
        b"Ana Pereira", "Ana Pereirá".encode("cp1252"))
    assert extract_article(page).authors == ["Ana Pereirá"]


def test_junk_gives_empty_text_and_a_warning_not_an_exception():
    for junk in (b"", b"\x00\xff\xfe", b"<html><body></body></html>", "<p>" * 5000):
        a = extract_article(junk)
        assert a.text == "" and a.warnings
