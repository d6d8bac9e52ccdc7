"""A tiny site server on 127.0.0.1 for the demo and the tests: a folder of pages, revisions.

`revision` lets a caller change the site between crawls: with revision 2, a request for
`supplies.html` is answered with `supplies.rev2.html` when that file exists. Extra routes answer
with a fixed status (500, 404...) so fault handling can be shown and tested.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass
class SiteState:
    root: Path
    revision: int = 1
    statuses: dict[str, int] = field(default_factory=dict)  # path -> forced status
    flaky: dict[str, list[int]] = field(default_factory=dict)  # path -> statuses, then normal
    retry_after: str | None = None  # sent with 429 and 503
    delay: float = 0.0  # seconds before each answer (a slow site)
    hits: dict[str, int] = field(default_factory=dict)
    etags: bool = True  # answer conditional requests with 304 like a real server
    not_modified: int = 0

    def file_for(self, path: str) -> Path | None:
        name = path.split("?", 1)[0].lstrip("/") or "index.html"
        if "/" in name or name.startswith("."):
            return None
        stem, dot, ext = name.rpartition(".")
        for candidate in ([f"{stem}.rev{self.revision}.{ext}"] if dot and self.revision > 1
                          else []) + [name]:
            f = self.root / candidate
            if f.is_file():
                return f
        return None


def _handler(state: SiteState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do (every answer has a length)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            if state.delay:
                time.sleep(state.delay)
            forced = state.statuses.get(self.path)
            if not forced and state.flaky.get(self.path):
                forced = state.flaky[self.path].pop(0)
            f = state.file_for(self.path)
            if forced or f is None:
                self.send_response(forced or 404)
                if forced in (429, 503) and state.retry_after:
                    self.send_header("Retry-After", state.retry_after)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "9")
                self.end_headers()
                self.wfile.write(b"not here\n")
                return
            body = f.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if state.etags and self.headers.get("If-None-Match") == etag:
                state.not_modified += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            ctype = "text/plain" if f.suffix == ".txt" else "text/html; charset=utf-8"
            self.send_response(200)
            if state.etags:
                self.send_header("ETag", etag)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def serve(root: Path | None = None) -> Iterator[tuple[str, SiteState]]:
    """Serve `root` (default: the bundled sample site) on 127.0.0.1, on a free port."""
    folder = root or Path(str(resources.files("aidledger.demo").joinpath("site")))
    state = SiteState(folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
