"""Whole documents for a view: what `y` copies, `e` exports and the CLI prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fwtui.textsafe import safe_line

# The renderers are imported when a document is made: fwtui.export (and through
# it fwtui.settings, read at every start) needs only EXPORT_FORMATS from here.
if TYPE_CHECKING:
    from fwtui.compare import Matrix
    from fwtui.formats.rows import Marks
    from fwtui.model import Catalog, Framework, View
    from fwtui.needs import Verdicts

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
    from fwtui.formats import markdown
    from fwtui.formats.pick import need_rows
    from fwtui.formats.rows import compare_rows

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
        from fwtui.formats.jsonout import compare_json
        from fwtui.formats.pick import needs_json

        return compare_json(catalog, matrix, differences_only, needs=needs_json(needs)) + "\n"
    if fmt == "csv":
        from fwtui.formats import csvout
        from fwtui.formats.pick import need_records
        from fwtui.formats.rows import COMPARE_CSV_LEAD, compare_records

        names = [safe_line(fw.name) for fw in matrix.frameworks]
        records = [*need_records(needs), *compare_records(matrix, differences_only)]
        return csvout.table([*COMPARE_CSV_LEAD, *names], records)
    return compare_markdown(matrix, marks, differences_only, needs)


def detail_document(catalog: Catalog, fw: Framework, view: View, fmt: str) -> str:
    """One framework in ``fmt``: markdown, csv or json."""
    if fmt == "json":
        from fwtui.formats.jsonout import show_json

        return show_json(catalog, fw, view) + "\n"
    from fwtui.formats.detail import detail_csv, detail_markdown

    if fmt == "csv":
        return detail_csv(catalog, fw, view)
    return detail_markdown(catalog, fw, view)
