"""Plain rows for list, show and compare, shared by every text format."""

from __future__ import annotations

from dataclasses import dataclass

from fwtui.compare import Matrix
from fwtui.model import Catalog, Framework, View
from fwtui.query import first_release
from fwtui.textsafe import safe_line
from fwtui.values import UNKNOWN, fact_text

LIST_HEADERS = ("ID", "Name", "Category", "Status", "First release")


def list_rows(catalog: Catalog, frameworks: tuple[Framework, ...], view: View) -> list[list[str]]:
    """One row per framework, display-safe."""
    rows = []
    for fw in frameworks:
        date = first_release(catalog, fw, view)
        rows.append(
            [
                safe_line(fw.id),
                safe_line(fw.name),
                fw.category,
                catalog.status(fw, view),
                str(date) if date else UNKNOWN,
            ]
        )
    return rows


def fact_rows(catalog: Catalog, fw: Framework, view: View) -> list[tuple[str, str, str]]:
    """(label, value, note) for every declared attribute, unknowns included."""
    out = []
    for attr in catalog.attributes:
        value = fw.fact(attr.key, view, catalog.cutoff)
        note = safe_line(value.note) if value is not None and value.note else ""
        out.append((safe_line(attr.label), safe_line(fact_text(value)), note))
    return out


@dataclass(frozen=True)
class Marks:
    """The marks text output uses; ASCII where the encoding cannot carry more."""

    differs: str
    same: str
    pro: str = "+"
    con: str = "-"
    met: str = "+"  # a need met, not met, or unknown (``fwtui pick``, ``--need``)
    not_met: str = "-"
    unknown: str = "?"

    @classmethod
    def for_encoding(cls, encoding: str | None) -> Marks:
        enc = (encoding or "").lower().replace("_", "-")
        if enc.startswith("utf"):
            return cls("≠", " ", met="✓", not_met="✗")
        return cls("!=", "  ")


def compare_rows(matrix: Matrix, marks: Marks, differences_only: bool = False) -> list[list[str]]:
    """Label column plus one column per framework: facts, then pros, then cons."""
    rows: list[list[str]] = []
    for row in matrix.fact_rows(differences_only):
        mark = marks.differs if row.differs else marks.same
        rows.append(
            [f"{mark} {safe_line(row.attribute.label)}"]
            + [safe_line(fact_text(c)) for c in row.cells]
        )
    for label, mark, lists in (("Pros", marks.pro, matrix.pros), ("Cons", marks.con, matrix.cons)):
        depth = max((len(points) for points in lists), default=0)
        for i in range(depth):
            cells = [
                f"{mark} {safe_line(points[i].text)}" if i < len(points) else "" for points in lists
            ]
            rows.append([f"{marks.same} {label}" if i == 0 else "", *cells])
    return rows


COMPARE_CSV_LEAD = ("section", "label", "differs")


def compare_records(matrix: Matrix, differences_only: bool = False) -> list[list[str]]:
    """Compare rows for CSV: a section column instead of marks."""
    rows: list[list[str]] = []
    for row in matrix.fact_rows(differences_only):
        rows.append(
            ["fact", safe_line(row.attribute.label), "yes" if row.differs else "no"]
            + [safe_line(fact_text(c)) for c in row.cells]
        )
    for section, lists in (("pro", matrix.pros), ("con", matrix.cons)):
        depth = max((len(points) for points in lists), default=0)
        for i in range(depth):
            rows.append(
                [section, "", ""]
                + [safe_line(points[i].text) if i < len(points) else "" for points in lists]
            )
    return rows
