"""The main screen: the framework list beside (or above) the detail pane."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from fwtui.compare import MAX_COLUMNS, MIN_COLUMNS
from fwtui.formats.documents import detail_document
from fwtui.model import CATEGORIES, STATUSES, Catalog, Framework, View
from fwtui.needs import Completion, Ranking, completions, parse_query, rank
from fwtui.query import SORT_KEYS, SORT_LABELS, Filters, Result, SearchIndex, next_in_cycle
from fwtui.textsafe import safe_line
from fwtui.tui.widgets.detail import DetailPane
from fwtui.tui.widgets.framework_list import FrameworkList

#: Below these sizes the panes switch instead of sharing the screen.
SINGLE_PANE_WIDTH = 60
SINGLE_PANE_HEIGHT = 16
#: Narrower than this, the panes stack; wider than WIDE, facts sit beside pros/cons.
STACK_WIDTH = 80
WIDE_WIDTH = 160


class FilterInput(Input):
    """The incremental filter: text and needs (``lang:python``).

    Escape clears it and goes back to the list; Tab completes a need's key or
    value when there is something to complete, and moves focus otherwise.
    """

    BINDING_GROUP_TITLE = "Filter"
    BINDINGS = [
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("down", "back_to_list", "To the list", show=False),
        Binding("enter", "back_to_list", "To the list", show=False),
        Binding("tab", "complete", "Complete a need (else next pane)", show=False),
    ]

    def __init__(self, completer: Callable[[str, int], Completion], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._completer = completer
        self._cycle: tuple[Completion, int, str] | None = None

    def action_complete(self) -> None:
        if self._cycle is not None and self._cycle[2] == self.value:
            # Tab again: the next candidate in place of the one just put there.
            completion, index, _ = self._cycle
            index = (index + 1) % len(completion.candidates)
            previous = completion.candidates[index - 1]
            base = self.value[: completion.start] + self.value[completion.start + len(previous) :]
        else:
            completion = self._completer(self.value, self.cursor_position)
            if not completion.candidates:
                self.screen.focus_next()
                return
            index, base = 0, self.value
        value, cursor = completion.apply(base, completion.candidates[index])
        self.value = value
        self.cursor_position = cursor
        self._cycle = (completion, index, value)

    def action_clear_filter(self) -> None:
        self.value = ""
        self.action_back_to_list()

    def action_back_to_list(self) -> None:
        # set_focus now, not focus(): keys typed ahead are already queued and
        # must reach the widget the user moved to.
        self.screen.set_focus(self.screen.query_one(FrameworkList))


class MainScreen(Screen[None]):
    """Browse: filter, mark, read, and open the compare view."""

    HELP = (
        "Browse frameworks: type / to filter, space to mark, c to compare the marked ones. "
        "The detail of the highlighted framework shows on the right (below in narrow terminals)."
    )
    BINDING_GROUP_TITLE = "Main screen"
    BINDINGS = [
        # Priority: the App runs it before forwarding the next key, so letters
        # typed right after "/" (a burst over SSH) land in the filter.
        Binding("slash", "focus_filter", "Filter", id="filter", priority=True),
        Binding("c", "compare", "Compare", id="compare"),
        Binding("s", "cycle_sort", "Sort", id="sort"),
        Binding("f", "cycle_category", "Category", id="category"),
        Binding("t", "cycle_status", "Status", id="status"),
        Binding("v", "toggle_view", "Switch article / today view", show=False, id="view"),
        Binding("A", "toggle_active_today", "Only active today", show=False, id="active-today"),
        Binding("i", "toggle_in_article", "Only those in the article", show=False, id="in-article"),
        Binding("u", "clear_marks", "Unmark all", show=False, id="unmark"),
        Binding("o", "open_homepage", "Open homepage", show=False, id="open"),
        Binding("y", "copy", "Copy detail as Markdown", show=False, id="copy"),
        Binding("e", "export", "Export detail to a file", show=False, id="export"),
        Binding("b", "back", "Back (after following a link)", show=False, id="link-back"),
        Binding("enter", "focus_detail", "Read detail", show=False, id="detail"),
        Binding("escape", "escape", "Clear filter / back", show=False),
        Binding("x", "drop_need", "Drop the last need", show=False, id="drop-need"),
        Binding(
            "H",
            "toggle_unmet",
            "Hide / show frameworks missing a need",
            show=False,
            id="hide-unmet",
        ),
        Binding("q", "app.quit", "Quit", show=False, id="quit"),
    ]

    filters: var[Filters] = var(Filters)
    marked: var[tuple[str, ...]] = var(tuple)
    hide_unmet: var[bool] = var(False)

    def __init__(self, catalog: Catalog, view: View = View.TODAY, query: str = "") -> None:
        super().__init__()
        self._initial_query = query
        self.catalog = catalog
        self._index = SearchIndex(catalog.frameworks)
        self._result = Result((), {}, len(catalog))
        self._ranking: Ranking | None = None
        self._history: list[str] = []
        self._needs_bar_parts: list[str | tuple[str, str]] | None = None
        self.set_reactive(MainScreen.filters, Filters(view=view))

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield FilterInput(
                    self._complete,
                    placeholder="/ filter: name, tag… or lang:python -status:merged",
                    id="filter",
                )
                yield Static(id="needs-bar")
                yield FrameworkList(id="list")
                yield Static(id="status-line")
            yield DetailPane(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self._initial_query:
            # Default needs from the settings start in the filter, removable like any text.
            self.query_one(FilterInput).value = self._initial_query
        self._refresh_list(keep=None)
        self.query_one(FrameworkList).focus()
        self._apply_layout(self.size.width, self.size.height)
        # After the first paint, not before it: ready before the first word is typed.
        self.call_after_refresh(self._index.prepare)

    # -- state -------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        """Swap in a re-read catalog, keeping filter, highlight and marks."""
        self.catalog = catalog
        self._index = SearchIndex(catalog.frameworks)
        self.call_after_refresh(self._index.prepare)
        self.marked = tuple(i for i in self.marked if i in catalog)
        current = self.query_one(FrameworkList).highlighted_framework
        self._refresh_list(keep=current.id if current else None)

    def watch_filters(self, old: Filters, new: Filters) -> None:
        # New filter text: the best match goes on top and gets the highlight,
        # as in fzf or lazygit. Clearing it, or any other change (sort, quick
        # filters, view), keeps the framework the user was on.
        current = self.query_one(FrameworkList).highlighted_framework
        keep = current.id if current and (old.text == new.text or not new.text) else None
        self._refresh_list(keep=keep)

    def watch_marked(self) -> None:
        self.query_one(FrameworkList).set_marked(frozenset(self.marked))
        self._update_status_line()
        self.refresh_bindings()

    def _complete(self, text: str, cursor: int) -> Completion:
        return completions(text, cursor, self.catalog)

    def _refresh_list(self, keep: str | None) -> None:
        query = parse_query(self.filters.text, self.catalog)
        ranking = rank(self.catalog, self.filters, query, self._index)
        if self.hide_unmet and ranking.needs:
            ranking = ranking.meeting_all_only()
        self._ranking = ranking
        # The ranking's own matches, not a dict rebuilt from 10,000 entries per key:
        # the list only looks up the rows it draws.
        self._result = Result(ranking.frameworks, ranking.matches, ranking.total)
        framework_list = self.query_one(FrameworkList)
        framework_list.show_result(
            self.catalog,
            self._result,
            frozenset(self.marked),
            self.filters.view,
            keep=keep,
            ranking=ranking,
        )
        self._update_needs_bar(ranking)
        self._update_status_line()
        if not self._result.frameworks:
            self.query_one(DetailPane).show(self.catalog, None, self.filters.view)
        self._update_title()

    def _update_needs_bar(self, ranking: Ranking) -> None:
        """The active needs, each removable, and any need that could not be used."""
        bar = self.query_one("#needs-bar", Static)
        query = ranking.query
        parts: list[str | tuple[str, str]] = []
        if query.needs:
            parts.append(("needs ", "bold"))
            for need in query.needs:
                parts += [(f"[{safe_line(need.token)}]", "$accent"), " "]
            meet = len(ranking.meeting_all)
            parts.append(f"· {meet} meet all · x drops the last · H hides the rest")
        for problem in query.problems:
            style = "$error" if problem.is_error else "$warning"
            parts += ["\n" if parts else "", ("! " + safe_line(problem.format()), style)]
        if parts == self._needs_bar_parts and bar.display == bool(parts):
            return  # unchanged, as on most keys: no update, so no layout pass
        self._needs_bar_parts = parts
        bar.update(Content.assemble(*parts))
        bar.display = bool(parts)

    def _update_title(self) -> None:
        view = "as of the article (late 2017)" if self.filters.view is View.ARTICLE else "today"
        self.title = "fwtui"
        self.sub_title = f"{self.catalog.title} · {view}"

    def _update_status_line(self) -> None:
        shown = len(self._result.frameworks)
        parts: list[str | tuple[str, str]] = [(f"{shown}/{self._result.total} shown", "bold")]
        f = self.filters
        if f.categories:
            parts.append(" · " + ",".join(sorted(f.categories)))
        if f.statuses:
            parts.append(" · " + ",".join(sorted(f.statuses)))
        if f.active_today:
            parts.append(" · active today")
        if f.in_article:
            parts.append(" · in the article")
        parts.append(f" · by {SORT_LABELS[f.sort]}")
        if self.marked:
            parts.append((f" · {len(self.marked)} marked", "bold"))
        if not shown:
            hint = "Nothing matches: Escape clears the filter"
            if f.categories or f.statuses or f.active_today or f.in_article:
                hint += "; f, t, A and i turn the quick filters off"
            parts = [(hint, "$warning")]
        # One line high whatever it says (fwtui.tcss): a repaint, no layout pass.
        self.query_one("#status-line", Static).update(Content.assemble(*parts), layout=False)

    # -- layout ------------------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width, event.size.height)

    def _apply_layout(self, width: int, height: int) -> None:
        single = width < SINGLE_PANE_WIDTH or height < SINGLE_PANE_HEIGHT
        self.set_class(single, "-single")
        self.set_class(not single and width < STACK_WIDTH, "-stacked")
        self.set_class(width >= WIDE_WIDTH, "-wide")
        self._show_focused_pane()

    def _show_focused_pane(self) -> None:
        """In single-pane mode, show whichever pane has the focus."""
        detail_focused = self.focused is not None and (
            self.focused is self.query_one(DetailPane)
            or self.query_one(DetailPane) in self.focused.ancestors
        )
        self.set_class(detail_focused, "-detail-focused")

    def on_descendant_focus(self) -> None:
        self._show_focused_pane()

    # -- messages ----------------------------------------------------------
    @on(FrameworkList.Highlighted)
    def _highlighted(self, event: FrameworkList.Highlighted) -> None:
        verdicts = self._ranking.verdicts(event.framework.id) if self._ranking else None
        self.query_one(DetailPane).show(self.catalog, event.framework, self.filters.view, verdicts)

    @on(FrameworkList.Selected)
    def _selected(self, event: FrameworkList.Selected) -> None:
        # Enter on the list: read the highlighted framework's detail.
        event.stop()
        self.action_focus_detail()

    @on(FrameworkList.MarkToggled)
    def _mark(self, event: FrameworkList.MarkToggled) -> None:
        fid = event.framework.id
        if fid in self.marked:
            self.marked = tuple(i for i in self.marked if i != fid)
        elif len(self.marked) >= MAX_COLUMNS:
            self.notify(
                f"At most {MAX_COLUMNS} frameworks can be compared; unmark one first (u unmarks all).",
                severity="warning",
            )
        else:
            self.marked = (*self.marked, fid)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._replace_filters(text=event.value)

    @on(DetailPane.LinkFollowed)
    def _follow(self, event: DetailPane.LinkFollowed) -> None:
        current = self.query_one(FrameworkList).highlighted_framework
        if current is not None:
            self._history.append(current.id)
        self.go_to(event.framework_id)

    # -- actions -----------------------------------------------------------
    def go_to(self, framework_id: str) -> None:
        """Highlight a framework, widening the filters when it is hidden."""
        framework_list = self.query_one(FrameworkList)
        if not framework_list.select_id(framework_id):
            self.query_one(FilterInput).value = ""
            self.filters = Filters(sort=self.filters.sort, view=self.filters.view)
            framework_list.select_id(framework_id)
        fw = self.catalog.get(framework_id)
        if fw is not None:
            self.query_one(DetailPane).show(self.catalog, fw, self.filters.view)

    def action_back(self) -> None:
        if not self._history:
            self.notify("Nothing to go back to: follow a related framework first.")
            return
        self.go_to(self._history.pop())
        self.set_focus(self.query_one(FrameworkList))

    def action_focus_filter(self) -> None:
        filter_input = self.query_one(FilterInput)
        if self.focused is filter_input:
            filter_input.insert_text_at_cursor("/")  # "/" is still typeable in the filter
            return
        # set_focus rather than focus(): focus() is deferred, and the letters
        # typed right after "/" would otherwise reach the list (or run bindings).
        self.set_focus(filter_input)

    def action_focus_detail(self) -> None:
        self.set_focus(self.query_one(DetailPane))

    def action_escape(self) -> None:
        if self.query_one(FilterInput).value:
            self.query_one(FilterInput).value = ""
        self.set_focus(self.query_one(FrameworkList))

    def _replace_filters(self, **changes: Any) -> None:
        self.filters = replace(self.filters, **changes)

    def watch_hide_unmet(self) -> None:
        if self.is_mounted:
            current = self.query_one(FrameworkList).highlighted_framework
            self._refresh_list(keep=current.id if current else None)

    def action_toggle_unmet(self) -> None:
        if self._ranking is None or not self._ranking.needs:
            self.notify("No needs yet: type one in the filter, e.g. lang:python.", timeout=3)
            return
        self.hide_unmet = not self.hide_unmet

    def action_drop_need(self) -> None:
        """Remove the last need from the filter (needs go one by one)."""
        if self._ranking is None or not self._ranking.needs:
            self.notify("No needs to drop.", timeout=2)
            return
        last = self._ranking.query.needs[-1]
        self.query_one(FilterInput).value = self._ranking.query.without(last)

    def action_toggle_active_today(self) -> None:
        self._replace_filters(active_today=not self.filters.active_today)

    def action_toggle_in_article(self) -> None:
        self._replace_filters(in_article=not self.filters.in_article)

    def action_cycle_sort(self) -> None:
        new = next_in_cycle(SORT_KEYS, self.filters.sort)
        self._replace_filters(sort=new)
        self.notify(f"Sorted by {SORT_LABELS[new]} (unknown values last)", timeout=2)

    def action_cycle_category(self) -> None:
        options = ("all", *CATEGORIES)
        current = next(iter(self.filters.categories), "all")
        new = next_in_cycle(options, current)
        self._replace_filters(categories=frozenset() if new == "all" else frozenset({new}))

    def action_cycle_status(self) -> None:
        options = ("all", *STATUSES)
        current = next(iter(self.filters.statuses), "all")
        new = next_in_cycle(options, current)
        self._replace_filters(statuses=frozenset() if new == "all" else frozenset({new}))

    def action_toggle_view(self) -> None:
        new = View.ARTICLE if self.filters.view is View.TODAY else View.TODAY
        self._replace_filters(view=new)
        current = self.query_one(FrameworkList).highlighted_framework
        self.query_one(DetailPane).show(self.catalog, current, new)

    def action_clear_marks(self) -> None:
        self.marked = ()

    def action_compare(self) -> None:
        if len(self.marked) < MIN_COLUMNS:
            self.notify(
                f"Mark at least {MIN_COLUMNS} frameworks with space, then press c "
                f"({len(self.marked)} marked).",
                severity="warning",
            )
            return
        from fwtui.tui.screens.compare import CompareScreen

        frameworks = [fw for fid in self.marked if (fw := self.catalog.get(fid)) is not None]
        needs = self._ranking.needs if self._ranking is not None else ()
        self.app.push_screen(CompareScreen(self.catalog, frameworks, self.filters.view, needs))

    def action_open_homepage(self) -> None:
        fw = self.query_one(FrameworkList).highlighted_framework
        if fw is None:
            return
        self.app.open_homepage(fw)  # type: ignore[attr-defined]

    def action_copy(self) -> None:
        fw = self.highlighted()
        if fw is None:
            self.notify("Nothing to copy: no framework is highlighted.", severity="warning")
            return
        text = detail_document(self.catalog, fw, self.filters.view, "markdown")
        self.app.copy_text(text, f"detail of {safe_line(fw.name)}")  # type: ignore[attr-defined]

    def action_export(self) -> None:
        fw = self.highlighted()
        if fw is None:
            self.notify("Nothing to export: no framework is highlighted.", severity="warning")
            return
        view = self.filters.view

        def render(fmt: str) -> str:
            return detail_document(self.catalog, fw, view, fmt)

        what = f"detail of {safe_line(fw.name)}"
        self.app.export_view(what, f"{fw.id}.md", render)  # type: ignore[attr-defined]

    def highlighted(self) -> Framework | None:
        """The framework under the cursor."""
        return self.query_one(FrameworkList).highlighted_framework

    def marked_names(self) -> list[str]:
        return [safe_line(fw.name) for fid in self.marked if (fw := self.catalog.get(fid))]
