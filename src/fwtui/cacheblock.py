"""One framework's deferred fields as plain tuples, for the cache's blocks.

``marshal`` writes tuples of strings, numbers, booleans and None about ten
times faster than ``pickle`` writes the model's dataclasses (0.35 s for the
blocks of 10,000 frameworks), and reading one back runs no code a file
names. The model's classes are rebuilt here, when a block is read.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from fwtui.model import (
    Fact,
    FactScalar,
    FactValue,
    Framework,
    HistoryEvent,
    Link,
    PartialDate,
    Point,
)

_VERSION = 4  # marshal's format: tuples, strings, ints, bools, None

# A fact value's kind, written before it: a tuple of strings and a date are
# both tuples once encoded.
_TEXT, _FLAG, _DATE, _LIST = 0, 1, 2, 3

Encoded = tuple[Any, ...]


def _date(date: PartialDate | None) -> tuple[int, int | None, int | None] | None:
    return None if date is None else (date.year, date.month, date.day)


def _undate(encoded: tuple[int, int | None, int | None] | None) -> PartialDate | None:
    return None if encoded is None else PartialDate(*encoded)


def _scalar(value: FactScalar) -> Encoded:
    if isinstance(value, bool):
        return (_FLAG, value)
    if isinstance(value, str):
        return (_TEXT, value)
    if isinstance(value, PartialDate):
        return (_DATE, _date(value))
    return (_LIST, tuple(value))


def _unscalar(encoded: Encoded) -> FactScalar:
    kind, value = encoded
    if kind == _DATE:
        date = _undate(value)
        assert date is not None
        return date
    return value  # type: ignore[no-any-return]


def encode(fw: Framework) -> bytes:
    """``fw``'s links, pros, cons, facts and history as one block."""
    points = [
        tuple((p.text, p.source, p.shared_with, p.from_prose, p.note) for p in part)
        for part in (fw.pros, fw.cons)
    ]
    facts = tuple(
        (
            key,
            tuple((_scalar(v.value), _date(v.as_of), v.source, v.note) for v in fact.values),
        )
        for key, fact in fw.facts.items()
    )
    history = tuple((_date(e.date), e.event, e.kind, e.source) for e in fw.history)
    links = tuple((link.label, link.url) for link in fw.links)
    return marshal.dumps((links, points[0], points[1], facts, history), _VERSION)


def decode(block: bytes) -> Mapping[str, object]:
    """The deferred fields :func:`encode` wrote, as the model's objects."""
    links, pros, cons, facts, history = marshal.loads(block)
    return {
        "links": tuple(Link(*link) for link in links),
        "pros": tuple(Point(*p) for p in pros),
        "cons": tuple(Point(*p) for p in cons),
        "facts": MappingProxyType(
            {
                key: Fact(
                    key,
                    tuple(
                        FactValue(_unscalar(value), _undate(as_of), source, note)
                        for value, as_of, source, note in values
                    ),
                )
                for key, values in facts
            }
        ),
        "history": tuple(
            HistoryEvent(_undate(date), event, kind, source)  # type: ignore[arg-type]
            for date, event, kind, source in history
        ),
    }
