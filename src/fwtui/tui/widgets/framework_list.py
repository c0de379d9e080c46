"""The list pane: one row per framework, with marks, category and status badge."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from fwtui.model import Catalog, Framework, View
from fwtui.query import Result
from fwtui.textsafe import safe_line
from fwtui.tui.widgets.badges import (
    CATEGORY_SHORT,
    CURSOR,
    MARKED,
    STATUS_BADGES,
    STATUS_VARIABLES,
)


class FrameworkList(DataTable[Text]):
    """Frameworks as rows; the highlighted row carries a ▶ marker, not only colour.

    | Key | Action |
    | :- | :- |
    | j / k, arrows | Move down / up |
    | g / G, home / end | First / last |
    | ctrl+d / ctrl+u, page keys | Half or whole page down / up |
    | space | Mark for compare |
    """

    BINDING_GROUP_TITLE = "Framework list"
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("g", "scroll_top", "First framework", show=False, id="top"),
        Binding("G", "scroll_bottom", "Last framework", show=False, id="bottom"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="half-page-down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="half-page-up"),
        Binding("space", "toggle_mark", "Mark", id="mark"),
    ]

    @dataclass
    class Highlighted(Message):
        """The highlighted framework changed."""

        framework_list: FrameworkList
        framework: Framework

        @property
        def control(self) -> FrameworkList:
            return self.framework_list

    @dataclass
    class MarkToggled(Message):
        """The user asked to mark or unmark a framework."""

        framework_list: FrameworkList
        framework: Framework

        @property
        def control(self) -> FrameworkList:
            return self.framework_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            cursor_type="row", zebra_stripes=False, id=id, cursor_foreground_priority="renderable"
        )
        self._frameworks: tuple[Framework, ...] = ()
        self._catalog: Catalog | None = None
        self._marked: frozenset[str] = frozenset()
        self._result: Result | None = None
        self._view = View.TODAY
        self._cursor_row = -1

    def on_mount(self) -> None:
        self.add_column(" ", key="mark", width=2)
        self.add_column("Framework", key="name", width=17)
        self.add_column("", key="cat", width=2)
        self.add_column("Status", key="status", width=6)
        self.show_header = False

    @property
    def frameworks(self) -> tuple[Framework, ...]:
        """The frameworks shown, in order."""
        return self._frameworks

    @property
    def highlighted_framework(self) -> Framework | None:
        row = self.cursor_row
        if 0 <= row < len(self._frameworks):
            return self._frameworks[row]
        return None

    def show_result(
        self,
        catalog: Catalog,
        result: Result,
        marked: frozenset[str],
        view: View,
        keep: str | None = None,
    ) -> None:
        """Replace the rows; keep the highlight on ``keep`` when it is still shown."""
        self._catalog = catalog
        self._result = result
        self._marked = marked
        self._view = view
        self._frameworks = result.frameworks
        self.clear()
        self._cursor_row = -1
        for fw in self._frameworks:
            self.add_row(*self._cells(fw, False), key=fw.id)
        target = 0
        if keep is not None:
            for i, fw in enumerate(self._frameworks):
                if fw.id == keep:
                    target = i
                    break
        if self._frameworks:
            self.move_cursor(row=target, animate=False, scroll=True)
            self._set_cursor_marker(target)
            # The cursor may not have moved (row 0 before and after), in which
            # case DataTable posts nothing: tell the screen ourselves.
            self.post_message(self.Highlighted(self, self._frameworks[target]))

    def set_marked(self, marked: frozenset[str]) -> None:
        """Update the mark column without rebuilding the rows."""
        changed = marked.symmetric_difference(self._marked)
        self._marked = marked
        for i, fw in enumerate(self._frameworks):
            if fw.id in changed:
                self.update_cell(fw.id, "mark", self._mark_cell(fw, i == self._cursor_row))

    def _colour(self, variable: str) -> str:
        return self.app.get_css_variables().get(variable, "")

    def _mark_cell(self, fw: Framework, cursor: bool) -> Text:
        mark = CURSOR if cursor else " "
        return Text(mark + (MARKED if fw.id in self._marked else " "), style="bold")

    def _cells(self, fw: Framework, cursor: bool) -> list[Text]:
        assert self._catalog is not None
        name = Text(safe_line(fw.name), no_wrap=True, overflow="ellipsis")
        match = self._result.matches.get(fw.id) if self._result else None
        if match is not None:
            for start, end in match.name_spans:
                name.stylize("bold underline", start, end)
        status = self._catalog.status(fw, self._view)
        if self._view is View.ARTICLE and not self._catalog.covers(fw):
            # The article never saw it: say so rather than hide it or call it unknown.
            badge = Text("new", style="italic")
            category = Text(CATEGORY_SHORT.get(fw.category, fw.category[:2]), style="dim")
            return [self._mark_cell(fw, cursor), name, category, badge]
        badge = Text(
            STATUS_BADGES.get(status, status), style=self._colour(STATUS_VARIABLES[status])
        )
        category = Text(CATEGORY_SHORT.get(fw.category, fw.category[:2]), style="dim")
        return [self._mark_cell(fw, cursor), name, category, badge]

    def _set_cursor_marker(self, row: int) -> None:
        old = self._cursor_row
        self._cursor_row = row
        for index, cursor in ((old, False), (row, True)):
            if 0 <= index < len(self._frameworks):
                fw = self._frameworks[index]
                self.update_cell(fw.id, "mark", self._mark_cell(fw, cursor))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        row = event.cursor_row
        # Ignore a stale event from before the rows were replaced.
        if 0 <= row < len(self._frameworks) and event.row_key.value == self._frameworks[row].id:
            if row != self._cursor_row:
                self._set_cursor_marker(row)
            self.post_message(self.Highlighted(self, self._frameworks[row]))

    def action_toggle_mark(self) -> None:
        fw = self.highlighted_framework
        if fw is not None:
            self.post_message(self.MarkToggled(self, fw))

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self.move_cursor(row=self.cursor_row + direction * step)

    def select_id(self, framework_id: str) -> bool:
        """Move the highlight to ``framework_id``; False when it is not shown."""
        for i, fw in enumerate(self._frameworks):
            if fw.id == framework_id:
                self.move_cursor(row=i)
                return True
        return False
