"""A site of N linked program pages on 127.0.0.1 that counts every fetch of every page.

Run as a process of its own (`python linksite.py N`), so serving does not share a GIL with the
test: it prints its port, then serves `/p{i}.html` (a one-row donation table, links to pages
i+1, 2i+1, 2i+2 and 7i+3), answers 304 to a matching If-None-Match, and reports its counts at
`/_counts` (JSON: {"200": {path: n}, "304": {path: n}}). Pages are small so that a crawl of
thousands takes seconds, not minutes.
"""

from __future__ import annotations

import json
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOODS = ["Face Mask", "Detection Kit", "Protective Suit", "Gloves", "Ventilator"]
COUNTRIES = ["Peru", "Kenya", "Nepal", "Chile", "Italy", "Ghana", "Laos"]


def page(i: int, n: int) -> bytes:
    links = "".join(f'<a href="/p{k}.html">{k}</a> ' for k in (i + 1, 2 * i + 1, 2 * i + 2,
                                                               7 * i + 3) if k < n)
    return (f"<html><body><nav>{links}</nav><div class='country'>{COUNTRIES[i % 7]}</div>"
            f"<table><tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th></tr>"
            f"<tr><td>{GOODS[i % 5]}</td><td>{i + 1:,}</td><td>In Transit</td></tr></table>"
            "</body></html>").encode()


def serve(n: int) -> None:
    counts = {"200": Counter(), "304": Counter()}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: object) -> None:
            pass

        def _send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None
                  ) -> None:
            self.send_response(code)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            path = self.path
            if path == "/_counts":
                with lock:
                    body = json.dumps({k: dict(v) for k, v in counts.items()}).encode()
                self._send(200, body, {"Content-Type": "application/json"})
                return
            if path.startswith("/p") and path.endswith(".html") and path[2:-5].isdigit() \
                    and int(path[2:-5]) < n:
                etag = f'"{path[2:-5]}"'
                if self.headers.get("If-None-Match") == etag:
                    with lock:
                        counts["304"][path] += 1
                    self._send(304, headers={"ETag": etag})
                    return
                with lock:
                    counts["200"][path] += 1
                self._send(200, page(int(path[2:-5]), n),
                           {"Content-Type": "text/html; charset=utf-8", "ETag": etag})
                return
            self._send(404, b"not here", {"Content-Type": "text/plain"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    serve(int(sys.argv[1]))
