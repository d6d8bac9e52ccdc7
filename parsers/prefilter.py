"""Cheap tests run before a slow pattern: a pattern that needs one of some words cannot match
a sentence holding none of them, and a substring test says so in a fraction of the time
(the claims rules search each sentence with dozens of patterns, most of which never match).

Exact under re.IGNORECASE: an ASCII letter, space, hyphen or apostrophe of a pattern matches
only the characters whose lower() is it, except "i" (also "İ" and "ı") and "s" (also "ſ"),
found by trying every code point; a text holding one of those three always passes.
"""

from __future__ import annotations

_ODD_FOLDS = ("İ", "ı", "ſ")


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when none of `words` (lowercase ASCII) occurs in `text`, case ignored as
    re.IGNORECASE ignores it; a pattern that needs one of them can then be skipped."""
    low = text.lower()
    for w in words:
        if w in low:
            return True
    return not text.isascii() and any(c in text for c in _ODD_FOLDS)
