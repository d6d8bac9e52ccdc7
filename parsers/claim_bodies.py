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


def with_known_bodies(s: str, names: list) -> list:
    """The names, with the international bodies of the vocabulary written in the sentence that
    the name rules miss or cut ("Doctors Without Borders", "Save the Children", "PAHO")."""
    out = list(names)
    for body in international():
        at = s.find(body) if len(body) > 3 else -1
        if at < 0 or not re.fullmatch(r"\W?", s[at - 1:at] if at else "") or re.match(r"\w", s[
                at + len(body):at + len(body) + 1]) or any(n.start <= at and at + len(body) <= n.end
                                                          for n in out):
            continue
        out = [n for n in out if n.end <= at or n.start >= at + len(body)]
        out.append(Name(at, at + len(body), body, "organisation"))
    return sorted(out, key=lambda n: n.start)
