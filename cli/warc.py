"""Reading web archives (WARC, as written by Webrecorder, wget or the Wayback Machine)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from aidledger.cli.documents import Document, parse_when
from aidledger.errors import AidledgerError


def is_warc(path: Path) -> bool:
    return path.name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def read_warc(path: Path) -> Iterator[Document]:
    """Every HTML `response` record of an archive, with the archive's capture time."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise AidledgerError(f"cannot read {path}: {exc.strerror}") from exc
    with stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            when = record.rec_headers.get_header("WARC-Date")
            captured = parse_when(when) if when else datetime.now(UTC)
            body = record.content_stream().read()
            yield Document(f"{path}#{url}", body, url, captured, None, ctype)
