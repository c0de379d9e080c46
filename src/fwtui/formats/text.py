"""Rich renderables for the ``table`` format. Data strings become Text, never markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from fwtui.compare import Matrix
from fwtui.formats.rows import Marks, compare_rows, fact_rows
from fwtui.model import Catalog, Framework, View
from fwtui.textsafe import safe, safe_line

STATUS_STYLES = {
    "active": "green",
    "maintenance": "yellow",
    "discontinued": "red",
    "merged": "magenta",
    "unknown": "dim",
}


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    status_col: int | None = None,
    shrink_col: int | None = None,
) -> RenderableType:
    """A simple table; cells are Text so nothing in them is markup.

    With ``shrink_col``, a table wider than the output keeps every row on one
    line: that column alone gives way, its long cells cut with an ellipsis,
    while the others (ids, fixed words, dates) stay whole. When even that
    cannot fit, every column folds instead, as without ``shrink_col``.
    """
    if shrink_col is None:
        return _table(headers, rows, status_col)
    return _OneLineRows(headers, rows, status_col, shrink_col)


#: The narrowest a shrinking column may get before folding is the lesser evil.
MIN_SHRUNK_WIDTH = 8
#: Wide enough to measure any table at its natural width.
_UNBOUNDED = 1_000_000


class _OneLineRows:
    """A table whose one column is cut short so that no row folds."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        status_col: int | None,
        shrink_col: int,
    ) -> None:
        self.headers = headers
        self.rows = rows
        self.status_col = status_col
        self.shrink_col = shrink_col

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        whole = _table(self.headers, self.rows, self.status_col)
        natural = Measurement.get(console, options.update_width(_UNBOUNDED), whole).maximum
        excess = natural - options.max_width
        if excess <= 0:
            yield whole
            return
        column = self.shrink_col
        widest = max((cell_len(row[column]) for row in self.rows), default=0)
        width = max(widest, cell_len(self.headers[column])) - excess
        if width < max(MIN_SHRUNK_WIDTH, cell_len(self.headers[column])):
            yield whole
            return
        yield _table(self.headers, self.rows, self.status_col, cut=(column, width))


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    status_col: int | None,
    cut: tuple[int, int] | None = None,
) -> Table:
    grid = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
    )
    for i, header in enumerate(headers):
        if cut is not None and i == cut[0]:
            grid.add_column(header, no_wrap=True, overflow="ellipsis", max_width=cut[1])
        elif cut is not None:
            grid.add_column(header, no_wrap=True)
        else:
            grid.add_column(header, overflow="fold")
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            style = STATUS_STYLES.get(value, "") if i == status_col else ""
            cells.append(Text(value, style=style))
        grid.add_row(*cells)
    return grid


def show(catalog: Catalog, fw: Framework, view: View, marks: Marks) -> RenderableType:
    """One framework: facts, summary, pros, cons, history, links and sources."""
    parts: list[RenderableType] = []
    title = Text(safe_line(fw.name), style="bold")
    title.append(f"  ({fw.id}, {fw.category})", style="dim")
    parts.append(title)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    for label, value, note in fact_rows(catalog, fw, view):
        cell = Text(value, style="dim" if value == "unknown" else "")
        if note:
            cell.append(f"  ({note})", style="dim")
        facts.add_row(Text(label), cell)
    parts += [Text(""), facts]
    if fw.summary:
        parts += [Text(""), Text(safe(fw.summary))]
    for heading, mark, style, points in (
        ("Pros", marks.pro, "green", catalog.pros(fw, view)),
        ("Cons", marks.con, "red", catalog.cons(fw, view)),
    ):
        parts += [Text(""), Text(heading, style="bold")]
        if not points:
            parts.append(Text("  none recorded", style="dim"))
        for point in points:
            line = Text(f"  {mark} ", style=style)
            line.append(safe_line(point.text))
            extra = [catalog.attribution(point.source)]
            if point.shared_with:
                extra.append("shared with " + ", ".join(point.shared_with))
            line.append(f"  ({'; '.join(safe_line(e) for e in extra)})", style="dim")
            parts.append(line)
    if fw.history:
        parts += [Text(""), Text("History", style="bold")]
        for event in fw.history:
            line = Text(f"  {event.date!s:<10} ", style="cyan")
            line.append(safe_line(event.event))
            parts.append(line)
    links = [
        ("Related", fw.related),
        ("Builds on", fw.builds_on),
        ("Used by", fw.used_by),
        ("Successors", fw.successors),
        ("Predecessors", fw.predecessors),
    ]
    shown = [(label, ids) for label, ids in links if ids]
    if shown or fw.homepage:
        parts.append(Text(""))
    if fw.homepage:
        parts.append(Text("Homepage: ", style="bold") + Text(safe_line(fw.homepage)))
    for label, ids in shown:
        parts.append(Text(f"{label}: ", style="bold") + Text(", ".join(safe_line(i) for i in ids)))
    if fw.sources:
        names = ", ".join(safe_line(catalog.attribution(s)) for s in fw.sources)
        parts.append(Text("Sources: ", style="bold") + Text(names))
    return Group(*parts)


def compare(
    matrix: Matrix, marks: Marks, differences_only: bool, lead: Sequence[Sequence[Text]] = ()
) -> Table:
    """The attribute matrix, differing rows marked and highlighted.

    ``lead`` rows (the needs of ``compare --need``) come first, above a line.
    """
    grid = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
    )
    grid.add_column("", style="bold", no_wrap=True)
    for fw in matrix.frameworks:
        grid.add_column(Text(safe_line(fw.name)), overflow="fold")
    for n, cells in enumerate(lead):
        grid.add_row(*cells, end_section=n == len(lead) - 1)
    rows = compare_rows(matrix, marks, differences_only)
    fact_count = len(matrix.fact_rows(differences_only))
    for i, row in enumerate(rows):
        differs = i < fact_count and row[0].startswith(marks.differs)
        style = "bold yellow" if differs else ""
        cells = [Text(row[0], style=style)]
        for value in row[1:]:
            cell_style = style
            if value.startswith(marks.pro + " ") and i >= fact_count:
                cell_style = "green"
            elif value.startswith(marks.con + " ") and i >= fact_count:
                cell_style = "red"
            cells.append(Text(value, style=cell_style))
        grid.add_row(*cells, end_section=i == fact_count - 1)
    return grid
