"""Counts the cases the property-based parser tests generate, and prints the total after the
run, so a CI log shows how much hostile input the parsers survived."""

from __future__ import annotations

from collections import Counter

import pytest

GENERATED: Counter[str] = Counter()


@pytest.fixture(scope="session")
def generated() -> Counter[str]:
    """Add 1 under the test's name for each generated case (session scope: hypothesis-safe)."""
    return GENERATED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if GENERATED:
        parts = ", ".join(f"{name} {n}" for name, n in sorted(GENERATED.items()))
        terminalreporter.write_line(f"hostile-input cases generated: {sum(GENERATED.values())} "
                                    f"({parts})")
