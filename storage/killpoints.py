"""A test hook: a process that SIGKILLs itself at its Nth write, so crash tests hit exact points.

Killing a process after a random delay mostly lands while it waits on the network; counting its
writes and dying just before one of them lands inside transactions, between the store and the
parse of a batch, between a run's start and its end: at the point asked for, not wherever the
clock fell.

    AIDLEDGER_KILL_AT="writer:17"      the crawl's writer process dies before its 17th write
    AIDLEDGER_KILL_AT="crawl:40,reconcile:3"
    AIDLEDGER_WRITE_TRACE=/tmp/trace    append one line (the role) per write, to count them

A role is "writer" in the crawl's writer process, else the `aidledger` command being run
(`crawl`, `reconcile`, `schedule`...). A write is an INSERT/UPDATE/DELETE (or DDL) statement, or the
COMMIT of a transaction that made one, on a store the process opened, and, in the crawling
process, each fetch handed to the store (`reached` below). Without the variables nothing is
installed and nothing is counted.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from typing import Any

from sqlalchemy import Engine, event

KILL_AT = "AIDLEDGER_KILL_AT"
TRACE = "AIDLEDGER_WRITE_TRACE"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP")

role = "main"  # the command; set by the `aidledger` command group
_counts: dict[str, int] = {}


def _current_role() -> str:
    return "writer" if multiprocessing.current_process().name == "aidledger-writer" else role


def _targets() -> dict[str, int]:
    out = {}
    for part in os.environ.get(KILL_AT, "").split(","):
        name, _, n = part.strip().partition(":")
        if name and n.isdigit():
            out[name] = int(n)
    return out


def active() -> bool:
    return bool(os.environ.get(KILL_AT) or os.environ.get(TRACE))


def reached(kind: str = "write") -> None:
    """Count one write of this process; die with SIGKILL if it is the one asked for."""
    if not active():
        return
    who = _current_role()
    n = _counts[who] = _counts.get(who, 0) + 1
    trace = os.environ.get(TRACE)
    if trace:
        fd = os.open(trace, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"{who} {kind}\n".encode())
        finally:
            os.close(fd)
    if _targets().get(who) == n:
        os.kill(os.getpid(), signal.SIGKILL)


def install(engine: Engine) -> None:
    """Count the writes made through `engine` (only when the hook's variables are set)."""
    if not active():
        return

    def before_execute(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:7].upper().startswith(WRITES):
            conn.info["killpoints_wrote"] = True
            reached("statement")

    def before_commit(conn: Any) -> None:
        if conn.info.pop("killpoints_wrote", False):  # a read-only commit is no write
            reached("commit")

    event.listen(engine, "before_cursor_execute", before_execute)
    event.listen(engine, "commit", before_commit)
    event.listen(engine, "rollback", lambda conn: conn.info.pop("killpoints_wrote", None))
