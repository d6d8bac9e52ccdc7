"""International bodies by name: the vocabulary's list ("World Health Organization", "Save
the Children", "PAHO"), which keep no country of their own as takers, found in a sentence even
where the name rules miss or cut them ("Doctors Without Borders")."""

from __future__ import annotations

import re
from functools import cache

from aidledger.parsers.names import Name, vocab


@cache
def international() -> tuple[str, ...]:
    return tuple(sorted(vocab()["words"]["international_orgs"], key=len, reverse=True))


@cache
def _titled() -> dict[str, str]:
    """The list's acronyms as some outlets write them, as words: "Unicef", "Unhcr"."""
    return {b.capitalize(): b for b in international() if b.isupper() and len(b) >= 4}


def canonical(name: str) -> str:
    """A body's acronym as the list writes it ("Unicef": UNICEF); any other name unchanged."""
    return _titled().get(name, name)


@cache
def _bodies() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(b) for b in (
        *international(), *_titled()) if len(b) > 3) + r")(?!\w)")


def with_known_bodies(s: str, names: list) -> list:
    """The names, with the international bodies of the vocabulary written in the sentence that
    the name rules miss or cut ("Doctors Without Borders", "Save the Children", "PAHO")."""
    out = list(names)
    for m in _bodies().finditer(s):
        at, end = m.span()
        if any(n.start <= at and end <= n.end for n in out):
            continue
        out = [n for n in out if n.end <= at or n.start >= end]
        out.append(Name(at, end, m.group(0), "organisation"))
    return sorted(out, key=lambda n: n.start)
