"""The atheris fuzz target (fuzz/parsers.py) runs on its seeds without atheris, so it cannot rot
between fuzzing sessions, and its property checks do catch a broken parser."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).parents[2] / "fuzz" / "parsers.py"


@pytest.fixture(scope="module")
def target():
    spec = importlib.util.spec_from_file_location("fuzz_parsers", FUZZ)
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_parsers"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["tables", "article", "claims"])
def test_every_target_passes_on_every_seed_and_its_halves(target, name):
    for seed in target.SEEDS:
        data = seed.read_bytes()
        for piece in (data, data[: len(data) // 2], data[len(data) // 3:]):
            target.one_input(name, piece)


def test_a_swallowed_parser_error_is_a_finding(target, monkeypatch):
    logger = logging.getLogger("aidledger.parsers")
    handlers, propagate = list(logger.handlers), logger.propagate
    try:
        target._instrumented()
        from aidledger.parsers import tables

        monkeypatch.setattr(tables, "_parse", lambda *a: 1 / 0)
        with pytest.raises(AssertionError, match="swallowed: .*table parser failed"):
            target.one_input("tables", b"<table></table>")
    finally:
        logger.handlers[:], logger.propagate = handlers, propagate
