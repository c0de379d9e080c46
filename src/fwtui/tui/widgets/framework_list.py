"""The list pane: one row per framework, with marks, category and status badge.

A line-API widget: it draws only the rows on screen, so 10,000 frameworks
cost the same to show, scroll and filter as twenty. Colours come from
component classes styled in fwtui.tcss with theme variables.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from fwtui.model import Catalog, Framework, View
from fwtui.needs import Ranking
from fwtui.query import Result
from fwtui.textsafe import safe_line
from fwtui.tui.widgets.badges import CATEGORY_SHORT, CURSOR, MARKED, STATUS_BADGES

MARK_WIDTH = 3  # cursor, mark, space
CATEGORY_WIDTH = 3
BADGE_WIDTH = 7
NEEDS_WIDTH = 6  # "✓3/4 " when needs are active


class FrameworkList(ScrollView, can_focus=True):
    """Frameworks as rows; the highlighted row carries a ▶ marker, not only colour.

    | Key | Action |
    | :- | :- |
    | j / k, arrows | Move down / up |
    | g / G, home / end | First / last |
    | ctrl+d / ctrl+u, page keys | Half or whole page down / up |
    | space | Mark for compare |
    | enter | Read the detail |
    """

    BINDING_GROUP_TITLE = "Framework list"
    BINDINGS = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("home", "first", "First framework", show=False),
        Binding("end", "last", "Last framework", show=False),
        Binding("g", "first", "First framework", show=False, id="top"),
        Binding("G", "last", "Last framework", show=False, id="bottom"),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="half-page-down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="half-page-up"),
        Binding("space", "toggle_mark", "Mark", id="mark"),
        Binding("enter", "select", "Read detail", show=False),
    ]

    COMPONENT_CLASSES = {
        "framework-list--cursor",
        "framework-list--match",
        "framework-list--category",
        "framework-list--status-active",
        "framework-list--status-maintenance",
        "framework-list--status-discontinued",
        "framework-list--status-merged",
        "framework-list--status-unknown",
        "framework-list--status-new",
        "framework-list--unmet",
        "framework-list--divider",
    }

    cursor_row: reactive[int] = reactive(0, always_update=False)

    @dataclass
    class FrameworkMessage(Message):
        """Base of the list's messages: which list, and which framework."""

        framework_list: FrameworkList
        framework: Framework

        @property
        def control(self) -> FrameworkList:
            return self.framework_list

    class Highlighted(FrameworkMessage):
        """The highlighted framework changed."""

    class MarkToggled(FrameworkMessage):
        """The user asked to mark or unmark a framework."""

    class Selected(FrameworkMessage):
        """Enter on a framework: its detail is wanted."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._frameworks: tuple[Framework, ...] = ()
        self._catalog: Catalog | None = None
        self._marked: frozenset[str] = frozenset()
        self._result: Result | None = None
        self._ranking: Ranking | None = None
        self._divider: int | None = None  # frameworks before the "meets every need" line
        self._view = View.TODAY

    # -- data ----------------------------------------------------------------
    @property
    def frameworks(self) -> tuple[Framework, ...]:
        """The frameworks shown, in order."""
        return self._frameworks

    @property
    def row_count(self) -> int:
        return len(self._frameworks)

    @property
    def _lines(self) -> int:
        """Screen rows: one per framework, plus the divider line when needs rank."""
        return len(self._frameworks) + (1 if self._divider is not None else 0)

    def _row_of(self, index: int) -> int:
        """The screen row of framework ``index``."""
        return index + (1 if self._divider is not None and index >= self._divider else 0)

    def _index_at(self, row: int) -> int | None:
        """The framework at screen row ``row``; None for the divider line."""
        if self._divider is None or row < self._divider:
            return row
        return None if row == self._divider else row - 1

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
        ranking: Ranking | None = None,
    ) -> None:
        """Replace the rows; keep the highlight on ``keep`` when it is still shown."""
        self._catalog = catalog
        self._result = result
        self._ranking = ranking if ranking is not None and ranking.needs else None
        self._divider = self._ranking.divider if self._ranking is not None else None
        self._marked = marked
        self._view = view
        self._frameworks = result.frameworks
        target = 0
        if keep is not None:
            target = next((i for i, fw in enumerate(self._frameworks) if fw.id == keep), 0)
        # Width 0: rows are cut to the pane, never scrolled sideways.
        self._set_virtual_height(self._lines)
        self.set_reactive(FrameworkList.cursor_row, target)
        self._scroll_cursor_into_view(center=True)
        self.refresh()
        if self._frameworks:
            self.post_message(self.Highlighted(self, self._frameworks[target]))

    def _set_virtual_height(self, lines: int) -> None:
        """Set how many lines there are to scroll through.

        Setting ``virtual_size`` asks for a layout of the whole screen (about a
        third of a keystroke's cost at 10,000 frameworks). When the scrollbar
        stays as it was (shown, or not), only its numbers change: they are set
        without a layout (``_scroll_update``: Textual's own update of them,
        private, and pinned with Textual in constraints.txt).
        """
        size = Size(0, lines)
        if size == self.virtual_size:
            return
        height = self.scrollable_content_region.height
        if self.is_mounted and height and (lines > height) == (self.virtual_size.height > height):
            self.set_reactive(FrameworkList.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size

    def set_marked(self, marked: frozenset[str]) -> None:
        """Update the marks; only a repaint, the rows stay."""
        self._marked = marked
        self.refresh()

    def select_id(self, framework_id: str) -> bool:
        """Move the highlight to ``framework_id``; False when it is not shown."""
        for i, fw in enumerate(self._frameworks):
            if fw.id == framework_id:
                self.cursor_row = i
                return True
        return False

    def move_cursor(self, *, row: int) -> None:
        """Move the highlight to ``row`` (clamped)."""
        self.cursor_row = row

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._frameworks) - 1)) if self._frameworks else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        fw = self.highlighted_framework
        if fw is not None and old != new:
            self.post_message(self.Highlighted(self, fw))

    def _scroll_cursor_into_view(self, center: bool = False) -> None:
        if self.size.height:
            self.scroll_to_region(
                Region(0, self._row_of(self.cursor_row), 1, 1),
                animate=False,
                center=center,
                immediate=True,
            )

    def on_resize(self) -> None:
        self.virtual_size = Size(0, self._lines)
        self._scroll_cursor_into_view()

    # -- drawing -------------------------------------------------------------
    def get_row_at(self, index: int) -> list[Text]:
        """The cells of a row as text: marks, name, category, status badge."""
        fw = self._frameworks[index]
        return self._cells(fw, index == self.cursor_row, self._name_width())

    def _name_width(self) -> int:
        fixed = MARK_WIDTH + CATEGORY_WIDTH + BADGE_WIDTH
        if self._ranking is not None:
            fixed += NEEDS_WIDTH
        return max(4, self.scrollable_content_region.width - fixed)

    def _cells(self, fw: Framework, cursor: bool, name_width: int) -> list[Text]:
        assert self._catalog is not None
        marks = Text((CURSOR if cursor else " ") + (MARKED if fw.id in self._marked else " ") + " ")
        name = Text(safe_line(fw.name), no_wrap=True, overflow="ellipsis")
        match = self._result.matches.get(fw.id) if self._result else None
        if match is not None:
            match_style = self.get_component_rich_style("framework-list--match", partial=True)
            for start, end in match.name_spans:
                name.stylize(match_style, start, end)
        name.truncate(name_width, overflow="ellipsis", pad=True)
        category_style = self.get_component_rich_style("framework-list--category", partial=True)
        category = Text(
            CATEGORY_SHORT.get(fw.category, fw.category[:2]).ljust(CATEGORY_WIDTH), category_style
        )
        if self._view is View.ARTICLE and not self._catalog.covers(fw):
            # The article never saw it: say so rather than hide it or call it unknown.
            status, label = "new", "new"
        else:
            status = self._catalog.status(fw, self._view)
            label = STATUS_BADGES.get(status, status)
        badge_style = self.get_component_rich_style(
            f"framework-list--status-{status}", partial=True
        )
        badge = Text(label.ljust(BADGE_WIDTH)[:BADGE_WIDTH], badge_style)
        verdicts = self._ranking.verdicts(fw.id) if self._ranking is not None else None
        if verdicts is None:
            return [marks, name, category, badge]
        # How many needs it meets; ✓ or ✗ so the count reads without colour.
        sign = "✓" if verdicts.meets_all else "✗"
        needs = Text(f"{sign}{verdicts.met}/{verdicts.total}".ljust(NEEDS_WIDTH))
        cells = [marks, name, needs, category, badge]
        if not verdicts.meets_all:
            unmet = self.get_component_rich_style("framework-list--unmet", partial=True)
            for cell in cells[1:]:
                cell.stylize(unmet)
        return cells

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = self._index_at(row)
        if index is None and self._ranking is not None:
            meet = self._divider or 0
            label = f" {meet} meet every need · {len(self._frameworks) - meet} do not "
            style = self.get_component_rich_style("framework-list--divider")
            return Strip([Segment(label.center(width, "─")[:width], style)]).crop_extend(
                0, width, base
            )
        if index is None or not 0 <= index < len(self._frameworks):
            return Strip.blank(width, base)
        cursor = index == self.cursor_row
        cells = self._cells(self._frameworks[index], cursor, self._name_width())
        line = Text.assemble(*cells, no_wrap=True, end="")
        line.truncate(width, pad=True)
        segments = list(line.render(self.app.console))
        strip = Strip(segments).apply_style(base)
        if cursor:
            cursor_style = self.get_component_rich_style("framework-list--cursor")
            strip = strip.apply_style(cursor_style + Style(bold=True))
            if self.has_focus:
                # Reverse video too: the row stays visible in monochrome and light themes.
                strip = Strip(
                    [Segment(s.text, (s.style or Style()) + Style(reverse=True)) for s in strip]
                )
        return strip.crop_extend(0, width, base)

    # -- actions ---------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self._frameworks) - 1

    def action_page(self, direction: int) -> None:
        self.cursor_row += direction * max(1, self.scrollable_content_region.height)

    def action_half_page(self, direction: int) -> None:
        self.cursor_row += direction * max(1, self.scrollable_content_region.height // 2)

    def action_toggle_mark(self) -> None:
        fw = self.highlighted_framework
        if fw is not None:
            self.post_message(self.MarkToggled(self, fw))
            # Move on here, not in the screen's handler: spaces that arrive
            # together (key repeat, a paste, a slow link) each mark the next row.
            self.cursor_row += 1

    def action_select(self) -> None:
        fw = self.highlighted_framework
        if fw is not None:
            self.post_message(self.Selected(self, fw))

    def on_click(self, event: events.Click) -> None:
        row = self._index_at(self.scroll_offset.y + event.y)
        if row is not None and 0 <= row < len(self._frameworks):
            self.cursor_row = row
            if event.chain == 2:
                self.action_select()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
