"""Social-media handles of international bodies read as their names: a quoted tweet gives
"to @_africanunion and @AfricaCDC" where prose would write "to the African Union and Africa
CDC". Only handles that spell a body of the vocabulary are read (letters and digits compared,
case and underscores aside); any other handle stays as written, for the name rules."""

from __future__ import annotations

import re
from functools import cache

from aidledger.parsers.claim_bodies import international
from aidledger.parsers.names import vocab

_HANDLE = re.compile(r"(?<![\w@.])@(\w{2,30})")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@cache
def _bodies() -> dict[str, str]:
    short = vocab().get("org_short", {})
    names = [*international(), *short.values(), *short]
    return {_key(n): short.get(n, n) for n in sorted(names, key=len)}


def handles_as_names(text: str) -> str:
    """`text` with each known body's handle written as the body's name, padded to the
    handle's length so every offset into `text` still holds (a name longer than its handle
    is left as the handle)."""
    if "@" not in text:
        return text

    def name(m: re.Match[str]) -> str:
        body = _bodies().get(_key(m.group(1)))
        return body.ljust(len(m.group(0))) if body and len(body) <= len(m.group(0)) else \
            m.group(0)
    return _HANDLE.sub(name, text)
