"""The vocabulary data files in `vocab/` and the folding every lookup of them uses: a table
cell, a news sentence and a query filter are compared only after the same `fold`."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from importlib import resources


def _load(name: str) -> dict:
    text = resources.files("aidledger.parsers").joinpath("vocab", name).read_text("utf-8")
    return tomllib.loads(text)


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, NFKC (full-width punctuation to ASCII), curly quotes and spaces unified."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return _SPACES.sub(" ", text).strip().lower()


def trie_pattern(words: list[str]) -> str:
    """One regex for many literal phrases, as a character trie: Python's regex engine tries
    the alternatives of "a|b|c..." one by one at every position, a trie only what can match."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _alias_regex(aliases: list[str]) -> re.Pattern[str]:
    parts = sorted({fold(a) for a in aliases})
    return re.compile(r"(?<![\w-])" + trie_pattern(parts) + r"(?![\w-])")
