"""Whole documents for a view: what `y` copies, `e` exports and the CLI prints."""

from __future__ import annotations

from collections.abc import Sequence

from fwtui.compare import Matrix
from fwtui.formats import csvout, markdown
from fwtui.formats.detail import detail_csv, detail_markdown
from fwtui.formats.jsonout import compare_json, show_json
from fwtui.formats.pick import need_records, need_rows, needs_json
from fwtui.formats.rows import COMPARE_CSV_LEAD, Marks, compare_records, compare_rows
from fwtui.model import Catalog, Framework, View
from fwtui.needs import Verdicts
from fwtui.textsafe import safe_line

#: What each export format is called and the file extension it gets.
EXPORT_FORMATS: dict[str, str] = {"markdown": ".md", "csv": ".csv", "json": ".json"}


def compare_markdown(
    matrix: Matrix,
    marks: Marks,
    differences_only: bool = False,
    needs: Sequence[Verdicts] = (),
) -> str:
    """The compare view as a GFM table with a legend for its marks.

    ``needs``: one :class:`~fwtui.needs.Verdicts` per column (``needs.evaluate``),
    shown as rows above the facts, as ``fwtui compare --need`` does.
    """
    names = [safe_line(fw.name) for fw in matrix.frameworks]
    rows = [*need_rows(needs, marks), *compare_rows(matrix, marks, differences_only)]
    table = markdown.table(["", *names], rows)
    legend = f"{marks.differs} marks facts that differ; {marks.pro} pro, {marks.con} con."
    if needs and needs[0].verdicts:
        legend += f" Needs: {marks.met} met, {marks.not_met} not met, {marks.unknown} unknown."
    return f"{table}\n\n{legend}\n"


def compare_document(
    catalog: Catalog,
    matrix: Matrix,
    fmt: str,
    marks: Marks,
    differences_only: bool = False,
    needs: Sequence[Verdicts] = (),
) -> str:
    """The compare view in ``fmt``: markdown, csv or json (with ``needs`` rows, if any)."""
    if fmt == "json":
        return compare_json(catalog, matrix, differences_only, needs=needs_json(needs)) + "\n"
    if fmt == "csv":
        names = [safe_line(fw.name) for fw in matrix.frameworks]
        records = [*need_records(needs), *compare_records(matrix, differences_only)]
        return csvout.table([*COMPARE_CSV_LEAD, *names], records)
    return compare_markdown(matrix, marks, differences_only, needs)


def detail_document(catalog: Catalog, fw: Framework, view: View, fmt: str) -> str:
    """One framework in ``fmt``: markdown, csv or json."""
    if fmt == "json":
        return show_json(catalog, fw, view) + "\n"
    if fmt == "csv":
        return detail_csv(catalog, fw, view)
    return detail_markdown(catalog, fw, view)
