"""A misbehaving web server on 127.0.0.1 for fault tests: each path has a behaviour (error bursts,
rate limits, resets, stalls, truncated or oversized bodies, gzip bombs, redirects).

It records what it did, so tests can compare the store with what was really sent: `hits` per
path, and `sent`, the sha256 of every complete 200 body it finished writing.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Behaviour = Callable[["Handler", int], None]


def program_page(name: str, quantity: int) -> bytes:
    """A small program page with one donation row; `name` makes each path's page distinct."""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{name}</title></head>"
            f"<body><h1>Supplies: {name}</h1><div class='aid'><div class='country'>Peru</div>"
            "<table><tr><th>Goods</th><th>QTY(Pieces)</th><th>Progress</th><th>Donors</th></tr>"
            f"<tr><td>Face Mask</td><td>{quantity:,}</td><td>In Transit</td>"
            "<td>Harbor Light Foundation</td></tr></table></div></body></html>").encode()


@cache
def gzip_bomb(size: int = 32 * 1024 * 1024) -> bytes:
    """A few kilobytes that inflate to `size` bytes of zeros."""
    return gzip.compress(b"\0" * size, 9)


@dataclass
class FaultSite:
    routes: dict[str, Behaviour] = field(default_factory=dict)
    robots: str = "User-agent: *\nDisallow:\n"
    hits: dict[str, int] = field(default_factory=dict)
    sent: dict[str, list[str]] = field(default_factory=dict)
    stopping: threading.Event = field(default_factory=threading.Event)
    base: str = ""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: FaultSite

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?", 1)[0]
        n = self.site.hits[path] = self.site.hits.get(path, 0) + 1
        if path == "/robots.txt":  # not a page: not in `sent`
            self.answer(200, self.site.robots.encode(), "text/plain")
        elif path in self.site.routes:
            self.site.routes[path](self, n)
        else:
            self.answer(404, b"not here\n", "text/plain")

    def answer(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
               **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        if status == 200 and self.path != "/robots.txt":
            self.site.sent.setdefault(self.path, []).append(hashlib.sha256(body).hexdigest())

    def reset(self) -> None:
        """Close with a TCP reset (linger 0), the way a crashed proxy or a firewall does."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def stall(self, seconds: float) -> None:
        self.site.stopping.wait(seconds)

    def log_message(self, *args: Any) -> None:
        pass


# Behaviours: each gets the handler and the how-many-th request for its path this is.

def ok(name: str, quantity: int = 1000) -> Behaviour:
    return lambda h, n: h.answer(200, program_page(name, quantity))


def statuses_then_ok(codes: list[int], name: str, retry_after: str | None = None) -> Behaviour:
    def run(h: Handler, n: int) -> None:
        if n <= len(codes):
            extra = {"Retry_After": retry_after} if retry_after else {}
            h.answer(codes[n - 1], b"busy\n", "text/plain", **extra)
        else:
            h.answer(200, program_page(name, 2000))
    return run


def always(status: int) -> Behaviour:
    return lambda h, n: h.answer(status, b"broken\n", "text/plain")


def reset(h: Handler, n: int) -> None:
    h.reset()


def slow(seconds: float) -> Behaviour:
    """Says nothing for `seconds`, then hangs up."""
    def run(h: Handler, n: int) -> None:
        h.stall(seconds)
        h.close_connection = True
    return run


def trickle(h: Handler, n: int) -> None:
    """Answers at once, then sends the body a byte at a time, never quite stalling."""
    body = program_page("trickle", 5000)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    try:
        for i in range(len(body)):
            if h.site.stopping.wait(0.2):
                break
            h.wfile.write(body[i:i + 1])
            h.wfile.flush()
    except OSError:
        pass  # the client gave up, as it should
    h.close_connection = True


def truncated(h: Handler, n: int) -> None:
    """Promises the whole page, sends half of it, hangs up."""
    body = program_page("truncated", 4000)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body[:len(body) // 2])
    h.wfile.flush()
    h.reset()


def bomb(h: Handler, n: int) -> None:
    body = gzip_bomb()
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def oversized(size: int, chunked: bool = False) -> Behaviour:
    """A body of `size` bytes, announced (Content-Length) or streamed in chunks without one."""
    def run(h: Handler, n: int) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header(*(("Transfer-Encoding", "chunked") if chunked
                        else ("Content-Length", str(size))))
        h.end_headers()
        chunk, written = b"<p>filler</p>" * 5000, 0
        try:
            while written < size and not h.site.stopping.is_set():
                part = chunk[:size - written]
                h.wfile.write(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
                written += len(part)
            if chunked:
                h.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client gave up, as it should
        h.close_connection = True
    return run


def redirect(location: str | Callable[[FaultSite], str], status: int = 302) -> Behaviour:
    def run(h: Handler, n: int) -> None:
        target = location(h.site) if callable(location) else location
        h.answer(status, b"moved\n", "text/plain", Location=target)
    return run


def changing(h: Handler, n: int) -> None:
    """A different page on every request, the first one refused: the site is edited while we
    crawl it, even between the tries of one fetch."""
    if n == 1:
        h.answer(503, b"busy\n", "text/plain")
    else:
        h.answer(200, program_page(f"changing, edition {n}", 1000 * n))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # resets and hang-ups are the point here, not errors


@contextmanager
def fault_server(routes: dict[str, Behaviour] | None = None,
                 robots: str | None = None) -> Iterator[FaultSite]:
    """Serve `routes` on a free port of 127.0.0.1; `site.base` is its root URL."""
    site = FaultSite(routes=dict(routes or {}))
    if robots is not None:
        site.robots = robots
    handler = type("SiteHandler", (Handler,), {"site": site})
    server = _Server(("127.0.0.1", 0), handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        server.shutdown()
        server.server_close()
        time.sleep(0.05)
