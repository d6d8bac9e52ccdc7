"""Registers the crash tests' helper module (a killable local site and the commands to run on it)
under its own name, so each test file imports it instead of loading it again (the tests are
imported as files, not as a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("killsite", Path(__file__).with_name("killsite.py"))
killsite = importlib.util.module_from_spec(_spec)
sys.modules["killsite"] = killsite
_spec.loader.exec_module(killsite)
