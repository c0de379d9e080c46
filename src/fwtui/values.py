"""Turn fact values into plain text, the same way everywhere."""

from __future__ import annotations

from fwtui.model import FactScalar, FactValue, PartialDate

UNKNOWN = "unknown"


def value_text(value: FactScalar) -> str:
    """``yes``/``no`` for booleans, comma-joined lists, dates as written."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, tuple):
        return ", ".join(value) if value else "none"
    return value


def fact_text(fact: FactValue | None) -> str:
    """A fact value as text, ``unknown`` when there is none."""
    return UNKNOWN if fact is None else value_text(fact.value)


def comparable(fact: FactValue | None) -> object:
    """A normalised form for deciding whether two values differ.

    Lists and sets compare as sets, text ignores case and surrounding spaces,
    and unknown (None) is equal only to unknown.
    """
    if fact is None:
        return None
    value = fact.value
    if isinstance(value, tuple):
        return frozenset(v.strip().casefold() for v in value)
    if isinstance(value, str):
        return value.strip().casefold()
    if isinstance(value, PartialDate):
        return str(value)
    return value
