"""Pause Python's cyclic garbage collector around bulk object creation."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Hold off the cycle collector while many long-lived objects are made.

    Parsing and building a catalog, or unpickling one, creates hundreds of
    thousands of objects that all stay alive: the collector would run over
    them again and again (a third of the load time at 10,000 frameworks).

    At the end every object is moved to the oldest generation without a
    walk over them (``gc.freeze`` then ``gc.unfreeze``): otherwise the first
    collection after the load would walk all 460,000 of them (at 10,000
    frameworks, about 0.13 s), and full collections, which walk the oldest
    generation, come rarely. Nothing stays frozen: garbage cycles made
    meanwhile are still collected.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
