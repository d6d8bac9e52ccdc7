"""The cyclic garbage collector paused around bulk work.

Loading, reconciling and writing a million records makes millions of small objects that are
all kept (records, donations, rows); each full collection walks every one of them again, and
that was a third of the CPU time of a rebuild. These objects form no reference cycles worth
collecting early, so collection waits until the bulk work ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Collection off inside, back to how it was after (nesting is fine)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
