"""The attribute matrix behind ``fwtui compare`` and the compare view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fwtui.model import Attribute, Catalog, FactValue, Framework, Point, View
from fwtui.values import comparable

#: The compare view shows at most this many columns at once.
MAX_COLUMNS = 8
MIN_COLUMNS = 2


@dataclass(frozen=True)
class FactRow:
    """One declared attribute across the compared frameworks."""

    attribute: Attribute
    cells: tuple[FactValue | None, ...]

    @property
    def differs(self) -> bool:
        """True when at least two columns hold different values."""
        return len({_hashable(comparable(c)) for c in self.cells}) > 1

    def differs_from(self, column: int, reference: int) -> bool:
        """True when ``column`` holds another value than the ``reference`` column."""
        a = _hashable(comparable(self.cells[column]))
        b = _hashable(comparable(self.cells[reference]))
        return a != b

    @property
    def all_unknown(self) -> bool:
        return all(c is None for c in self.cells)


def _hashable(value: object) -> object:
    return value if value is None or isinstance(value, (str, bool, frozenset)) else repr(value)


@dataclass(frozen=True)
class Matrix:
    """Facts, then pros, then cons, one column per framework."""

    frameworks: tuple[Framework, ...]
    rows: tuple[FactRow, ...]
    pros: tuple[tuple[Point, ...], ...]
    cons: tuple[tuple[Point, ...], ...]
    view: View

    def fact_rows(self, differences_only: bool = False) -> tuple[FactRow, ...]:
        """Fact rows; with ``differences_only`` just those that differ."""
        if differences_only:
            return tuple(r for r in self.rows if r.differs)
        return self.rows

    @property
    def difference_count(self) -> int:
        return sum(1 for r in self.rows if r.differs)


def build_matrix(
    catalog: Catalog, frameworks: Sequence[Framework], view: View = View.TODAY
) -> Matrix:
    """Compare ``frameworks`` on every declared attribute.

    Attributes nobody has a value for are left out: a row of "unknown" in
    every column says nothing.
    """
    cutoff = catalog.cutoff
    rows = []
    for attr in catalog.attributes:
        cells = tuple(fw.fact(attr.key, view, cutoff) for fw in frameworks)
        row = FactRow(attr, cells)
        if not row.all_unknown:
            rows.append(row)
    return Matrix(
        frameworks=tuple(frameworks),
        rows=tuple(rows),
        pros=tuple(catalog.pros(fw, view) for fw in frameworks),
        cons=tuple(catalog.cons(fw, view) for fw in frameworks),
        view=view,
    )
