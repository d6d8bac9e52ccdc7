"""Hostile pages through `aidledger ingest`: every page is stored whatever it contains, a parser
failure is kept as the snapshot's parse_error next to the untouched body, and the store stays
consistent (`aidledger db check`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from aidledger.cli.main import cli
from aidledger.storage.db import open_store
from aidledger.storage.models import Blob, CrawlRun, Record, Snapshot
from aidledger.storage.pages import snapshot_body

REV1 = (Path(__file__).parents[1] / "cli" / "fixtures" / "rev1.html").read_bytes()
HOSTILE = {
    "binary.bin": bytes(range(256)) * 40,
    "nul.html": REV1.replace(b"><", b">\x00<"),
    "utf16.html": REV1.decode().encode("utf-16"),
    "truncated.html": REV1[: len(REV1) // 2],
    "deep.html": b"<div>" * 20_000 + b"x",
    "empty.html": b"",
    "wrong-charset.html": REV1.replace(b"utf-8", b"shift_jis") + "Côte d’Ivoire".encode(),
    "bom.html": b"\xef\xbb\xbf" + REV1,
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_every_hostile_page_is_stored_and_the_store_stays_consistent(tmp_path):
    entries = []
    for i, (name, body) in enumerate(HOSTILE.items()):
        (tmp_path / name).write_bytes(body)
        entries.append({"file": name, "url": f"https://harbor.example/{name}",
                        "fetched_at": f"2021-04-0{1 + i % 8}T10:00:00+00:00"})
    (tmp_path / "manifest.json").write_text(json.dumps(entries))
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    code, out = run("ingest", "--manifest", str(tmp_path / "manifest.json"), "--db", db)
    assert code == 0, out
    assert f"ingested {len(HOSTILE)} pages" in out and "0 failed to parse" in out
    _, sessions = open_store(db)
    with sessions() as s:
        snaps = {snap.page.url.rsplit("/", 1)[1]: snap for snap in s.scalars(select(Snapshot))}
        stored = {name: snapshot_body(s, snap) for name, snap in snaps.items()}
        rows = {name: snap.n_records for name, snap in snaps.items()}
        errors = {name: snap.parse_error for name, snap in snaps.items()}
    assert stored == HOSTILE  # byte for byte, whatever the bytes are
    assert errors == dict.fromkeys(HOSTILE)
    # the page's 3 rows survive NUL bytes, UTF-16, a BOM and a wrong declared charset
    assert rows == {"binary.bin": 0, "nul.html": 3, "utf16.html": 3, "truncated.html": 1,
                    "deep.html": 0, "empty.html": 0, "wrong-charset.html": 3, "bom.html": 3}
    code, out = run("db", "check", "--db", db)
    assert code == 0, out


def test_a_parser_failure_is_stored_as_the_snapshots_parse_error(tmp_path, monkeypatch):
    """A parser bug (here forced) loses no page: the body is kept, the error stored with it."""
    from aidledger.parsers import page

    def broken(*_args, **_kw):
        raise RecursionError("maximum recursion depth exceeded while walking the table")

    monkeypatch.setattr(page, "parse_program", broken)
    (tmp_path / "p.html").write_bytes(REV1)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    code, out = run("ingest", str(tmp_path / "p.html"), "--url", "https://harbor.example/p",
                    "--fetched-at", "2021-04-01T10:00:00+00:00", "--kind", "program_page",
                    "--db", db)
    assert code == 0, out
    assert "ingested 1 pages (0 unchanged, 1 failed to parse)" in out
    _, sessions = open_store(db)
    with sessions() as s:
        snap = s.scalars(select(Snapshot)).one()
        assert snap.parse_error == ("RecursionError: maximum recursion depth exceeded while "
                                    "walking the table")
        assert snap.parsed_at is not None and snap.n_records == 0
        assert s.get(Blob, snap.blob_sha256).sha256 == hashlib.sha256(REV1).hexdigest()
        assert snapshot_body(s, snap) == REV1
        assert s.scalars(select(Record)).all() == []
        assert s.scalars(select(CrawlRun.outcome)).one() == "partial"
    monkeypatch.undo()
    code, out = run("db", "check", "--db", db)
    assert code == 0, out


def test_a_bug_the_parser_catches_itself_is_a_parse_error_too(tmp_path, monkeypatch):
    """The table parser's safety net turns its own exception into a warning; the store must
    still see a failed parse, not a page that lost its table."""
    from aidledger.parsers import tables

    def broken(*_args, **_kw):
        raise IndexError("list index out of range")

    monkeypatch.setattr(tables, "_parse", broken)
    (tmp_path / "p.html").write_bytes(REV1)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    code, out = run("ingest", str(tmp_path / "p.html"), "--url", "https://harbor.example/p",
                    "--fetched-at", "2021-04-01T10:00:00+00:00", "--kind", "program_page",
                    "--db", db)
    assert code == 0, out
    assert "1 failed to parse" in out
    _, sessions = open_store(db)
    with sessions() as s:
        snap = s.scalars(select(Snapshot)).one()
        assert snap.parse_error == "parser error: IndexError: list index out of range"
        assert snapshot_body(s, snap) == REV1
