"""The compare view: one column per framework, facts then pros then cons."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from fwtui.compare import MIN_COLUMNS, Matrix, build_matrix
from fwtui.formats.documents import compare_document
from fwtui.formats.pick import need_text_rows
from fwtui.formats.rows import Marks
from fwtui.model import Catalog, Framework, Point, View
from fwtui.needs import Need, Verdicts, evaluate
from fwtui.textsafe import safe_line
from fwtui.tui.widgets.badges import DIFFERS
from fwtui.values import fact_text

#: The explorer always draws in UTF-8, so it uses the full marks (≠, ✓, ✗).
MARKS = Marks.for_encoding("utf-8")
LABEL_WIDTH = 22
#: Framework columns share the width left by the labels, within these bounds;
#: past what fits, the table scrolls sideways with the labels kept in place.
MIN_COLUMN_WIDTH = 24
MAX_COLUMN_WIDTH = 48


class CompareTable(DataTable[Text]):
    """The matrix; the label column stays in place when columns scroll."""

    BINDING_GROUP_TITLE = "Compare table"
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("h", "cursor_left", "Previous column", show=False, id="previous-column"),
        Binding("l", "cursor_right", "Next column", show=False, id="next-column"),
        Binding("g", "scroll_top", "First row", show=False, id="top"),
        Binding("G", "scroll_bottom", "Last row", show=False, id="bottom"),
    ]


class CompareScreen(Screen[None]):
    """Side by side: differing facts are highlighted and marked ≠."""

    HELP = (
        "Compare the marked frameworks. Rows marked ≠ differ; ] and [ jump between them, "
        "d shows only them (pros and cons stay). p pins the column under the cursor as the "
        "reference: cells that differ from it are marked ≠. x removes a column, < and > move "
        "it, s swaps it with the reference, Enter opens its detail."
    )
    BINDING_GROUP_TITLE = "Compare view"
    BINDINGS = [
        Binding(
            "right_square_bracket",
            "jump(1)",
            "Next diff",
            tooltip="Jump to the next row whose facts differ",
            id="next-difference",
        ),
        Binding(
            "left_square_bracket",
            "jump(-1)",
            "Prev diff",
            tooltip="Jump to the previous row whose facts differ",
            id="previous-difference",
        ),
        Binding(
            "d",
            "toggle_differences",
            "Diffs only",
            tooltip="Show only the fact rows that differ (pros and cons stay)",
            id="differences",
        ),
        Binding(
            "p",
            "pin",
            "Pin",
            tooltip="Pin this column as the reference the others are marked against",
            id="pin",
        ),
        Binding("s", "swap", "Swap with reference", show=False, id="swap"),
        Binding("x", "remove_column", "Remove column", show=False, id="remove-column"),
        Binding(
            "less_than_sign", "move_column(-1)", "Move column left", show=False, id="move-left"
        ),
        Binding(
            "greater_than_sign", "move_column(1)", "Move column right", show=False, id="move-right"
        ),
        Binding("enter", "open_detail", "Detail", id="open-detail"),
        Binding(
            "y",
            "copy",
            "Copy",
            tooltip="Copy the comparison as GitHub Markdown (tmux buffer or OSC 52)",
            id="copy-compare",
        ),
        Binding("e", "export", "Export", show=False, id="export-compare"),
        Binding("escape", "back", "Back", id="leave-compare"),
        Binding("q", "back", "Back", show=False),
    ]

    differences_only: var[bool] = var(False)
    reference: var[str | None] = var(None)

    def __init__(
        self,
        catalog: Catalog,
        frameworks: list[Framework],
        view: View,
        needs: Sequence[Need] = (),
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.frameworks = list(frameworks)
        self.view = view
        self.needs = tuple(needs)
        self._differing_rows: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="compare-summary")
        yield CompareTable(
            id="compare-table", fixed_columns=1, cursor_type="cell", zebra_stripes=True
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "fwtui · compare"
        self._rebuild()
        table = self.query_one(CompareTable)
        table.focus()
        if len(self.frameworks) > 0:
            table.move_cursor(column=1)

    @property
    def matrix(self) -> Matrix:
        return build_matrix(self.catalog, self.frameworks, self.view)

    @property
    def need_columns(self) -> list[Verdicts]:
        """How each column fares on the needs typed in the filter (none: empty)."""
        if not self.needs:
            return []
        return [evaluate(self.catalog, fw, self.needs, self.view) for fw in self.frameworks]

    def watch_differences_only(self) -> None:
        if self.is_mounted:
            self._rebuild()

    def watch_reference(self) -> None:
        if self.is_mounted:
            self._rebuild()

    def _colour(self, variable: str) -> str:
        return self.app.get_css_variables().get(variable, "")

    def _rebuild(self, keep_column: int | None = None) -> None:
        table = self.query_one(CompareTable)
        column = keep_column if keep_column is not None else table.cursor_column
        matrix = self.matrix
        width = self._column_width(len(matrix.frameworks))
        row_index = table.cursor_row
        table.clear(columns=True)
        ids = [fw.id for fw in matrix.frameworks]
        ref = ids.index(self.reference) if self.reference in ids else None
        table.add_column(Text("", style="bold"), key="label", width=LABEL_WIDTH)
        for i, fw in enumerate(matrix.frameworks):
            header = Text(safe_line(fw.name), style="bold")
            if i == ref:
                header = Text.assemble(("◆ ", "bold"), header, (" (reference)", "dim"))
            table.add_column(header, key=fw.id, width=width)
        warn = f"bold {self._colour('warning')}"
        self._differing_rows = []
        # The filter's needs come first, as in `fwtui compare --need`.
        for i, cells in enumerate(need_text_rows(self.need_columns, MARKS)):
            table.add_row(*cells, height=None, key=f"need:{i}")
        for row in matrix.fact_rows(self.differences_only):
            style = warn if row.differs else ""
            mark = DIFFERS if row.differs else " "
            if row.differs:
                self._differing_rows.append(table.row_count)
            # Only the label carries the difference colour; the ≠ mark reads without it.
            cells = [Text(f"{mark} {safe_line(row.attribute.label)}", style=style or "bold")]
            for i, cell in enumerate(row.cells):
                text = Text(safe_line(fact_text(cell)), style="dim" if cell is None else "")
                if ref is not None and i != ref and row.differs_from(i, ref):
                    text = Text.assemble((f"{DIFFERS} ", warn), text)
                cells.append(text)
            table.add_row(*cells, height=None, key=f"fact:{row.attribute.key}")
        for label, mark, variable, lists in (
            ("Pros", "+", "success", matrix.pros),
            ("Cons", "-", "error", matrix.cons),
        ):
            table.add_row(*self._points_row(label, mark, variable, lists), height=None, key=label)
        self._update_summary(matrix)
        count = len(table.columns)
        if count > 1:
            table.move_cursor(
                row=min(row_index, max(0, table.row_count - 1)),
                column=max(1, min(column, count - 1)),
            )

    def _column_width(self, columns: int) -> int:
        # Each column also takes two cells of padding; one more for the scrollbar.
        room = self.size.width - (LABEL_WIDTH + 2) - 1
        share = room // max(1, columns) - 2
        return max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, share))

    def on_resize(self) -> None:
        if self.is_mounted and self.query(CompareTable):
            self._rebuild()

    def _points_row(
        self, label: str, mark: str, variable: str, lists: tuple[tuple[Point, ...], ...]
    ) -> list[Text]:
        colour = self._colour(variable)
        cells = [Text(f"  {label}", style="bold")]
        for points in lists:
            text = Text()
            for i, point in enumerate(points):
                if i:
                    text.append("\n")
                text.append(f"{mark} ", style=f"bold {colour}")
                text.append(safe_line(point.text))
            if not points:
                text.append("none recorded", style="dim")
            cells.append(text)
        return cells

    def _update_summary(self, matrix: Matrix) -> None:
        mode = "differences only" if self.differences_only else "all facts"
        parts: list[str | tuple[str, str]] = [
            (f"{len(matrix.frameworks)} frameworks", "bold"),
            f" · {matrix.difference_count} of {len(matrix.rows)} facts differ ({DIFFERS}) · {mode}",
        ]
        if self.view is View.ARTICLE:
            parts.append(" · as of the article")
        self.query_one("#compare-summary", Static).update(Content.assemble(*parts))

    def _current(self) -> int | None:
        """Index into ``frameworks`` of the column under the cursor."""
        column = self.query_one(CompareTable).cursor_column - 1
        if 0 <= column < len(self.frameworks):
            return column
        return 0 if self.frameworks else None

    def action_toggle_differences(self) -> None:
        self.differences_only = not self.differences_only

    def action_jump(self, step: int) -> None:
        """Move to the next (1) or previous (-1) row whose facts differ."""
        table = self.query_one(CompareTable)
        row = table.cursor_row
        rows = self._differing_rows if step > 0 else list(reversed(self._differing_rows))
        target = next((r for r in rows if (r > row if step > 0 else r < row)), None)
        if target is None:
            where = "below" if step > 0 else "above"
            self.notify(f"No more differences {where}.", timeout=2)
            return
        table.move_cursor(row=target)

    def action_pin(self) -> None:
        """Pin the column under the cursor as the reference, or unpin it."""
        index = self._current()
        if index is None:
            return
        fid = self.frameworks[index].id
        self.reference = None if self.reference == fid else fid

    def action_swap(self) -> None:
        """Swap the column under the cursor with the reference (or the next column)."""
        index = self._current()
        if index is None:
            return
        ids = [fw.id for fw in self.frameworks]
        other = ids.index(self.reference) if self.reference in ids else index + 1
        if other == index or not 0 <= other < len(self.frameworks):
            self.notify("Pin a reference with p, then swap a column with it.", timeout=3)
            return
        frameworks = self.frameworks
        frameworks[index], frameworks[other] = frameworks[other], frameworks[index]
        self._rebuild(keep_column=other + 1)

    def action_remove_column(self) -> None:
        index = self._current()
        if index is None:
            return
        if len(self.frameworks) <= MIN_COLUMNS:
            self.notify(f"A comparison needs at least {MIN_COLUMNS} columns.", severity="warning")
            return
        removed = self.frameworks.pop(index)
        if removed.id == self.reference:
            self.reference = None
        self._rebuild(keep_column=index + 1)
        self.notify(f"Removed {safe_line(removed.name)} from the comparison.", timeout=2)

    def action_move_column(self, step: int) -> None:
        index = self._current()
        if index is None:
            return
        target = index + step
        if not 0 <= target < len(self.frameworks):
            return
        self.frameworks[index], self.frameworks[target] = (
            self.frameworks[target],
            self.frameworks[index],
        )
        self._rebuild(keep_column=target + 1)

    def action_open_detail(self) -> None:
        index = self._current()
        if index is None:
            return
        from fwtui.tui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(self.catalog, self.frameworks[index], self.view))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        # Enter on the table selects a cell: open that column's framework detail.
        event.stop()
        self.action_open_detail()

    def _document(self, fmt: str) -> str:
        return compare_document(
            self.catalog, self.matrix, fmt, MARKS, self.differences_only, self.need_columns
        )

    def action_copy(self) -> None:
        self.app.copy_text(self._document("markdown"), "comparison")  # type: ignore[attr-defined]

    def action_export(self) -> None:
        name = "-vs-".join(fw.id for fw in self.frameworks) + ".md"
        self.app.export_view("comparison", name, self._document)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.dismiss()
