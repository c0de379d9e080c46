"""The detail pane: facts, summary, pros, cons, history, links and sources."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fwtui.formats.rows import fact_rows
from fwtui.model import Catalog, Framework, Point, View
from fwtui.needs import Outcome, Verdict, Verdicts
from fwtui.textsafe import safe, safe_line
from fwtui.tui.widgets.badges import STATUS_VARIABLES
from fwtui.values import UNKNOWN, fact_text

LINK_LABELS = (
    ("successors", "successor"),
    ("predecessors", "predecessor"),
    ("builds_on", "builds on"),
    ("used_by", "used by"),
    ("related", "related"),
)


class LinkList(OptionList):
    """Related frameworks; Enter follows the highlighted one."""

    BINDING_GROUP_TITLE = "Related frameworks"
    BINDINGS = [
        Binding("j", "cursor_down", "Next link", show=False, id="down"),
        Binding("k", "cursor_up", "Previous link", show=False, id="up"),
    ]


class DetailPane(VerticalScroll):
    """Everything about one framework; scrolls when long.

    Composed once; :meth:`show` fills the parts in place instead of recomposing.
    """

    BINDING_GROUP_TITLE = "Detail"
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="up"),
        Binding("g", "scroll_home", "Top", show=False, id="top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="bottom"),
        Binding("ctrl+d", "page_down", "Page down", show=False, id="half-page-down"),
        Binding("ctrl+u", "page_up", "Page up", show=False, id="half-page-up"),
    ]

    @dataclass
    class LinkFollowed(Message):
        """The user chose a related framework to go to."""

        pane: DetailPane
        framework_id: str

        @property
        def control(self) -> DetailPane:
            return self.pane

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = True
        self.framework: Framework | None = None
        self._shown: tuple[Catalog, Framework | None, View, tuple[Verdict, ...] | None] | None = (
            None
        )

    def compose(self) -> ComposeResult:
        yield Static(id="d-title", classes="d-title")
        yield Static(id="d-needs", classes="d-needs")
        with Container(id="d-columns"):
            with Vertical(id="d-left"):
                yield Static(id="d-facts")
                yield Static(id="d-summary")
            with Vertical(id="d-right"):
                yield Static(id="d-pros", classes="d-section")
                yield Static(id="d-cons", classes="d-section")
        yield Static(id="d-history", classes="d-section")
        yield Static(
            "Related (Tab, then Enter to follow; b to come back)",
            id="d-links-title",
            classes="d-heading",
        )
        yield LinkList(id="d-links")
        yield Static(id="d-sources", classes="d-section")

    def show(
        self,
        catalog: Catalog,
        fw: Framework | None,
        view: View,
        verdicts: Verdicts | None = None,
    ) -> None:
        """Fill every part for ``fw`` (or an empty-state hint); with ``verdicts``,
        say for every active need whether it is met and which fact decided it."""
        # Only the needs' outcomes show here, not how the text matched.
        outcomes = verdicts.verdicts if verdicts else None  # no needs: as good as none
        shown = self._shown
        if (
            shown is not None
            and shown[0] is catalog
            and shown[1] is fw
            and shown[2] is view
            and shown[3] == outcomes
        ):
            # Typing that keeps the same framework on top changes nothing here:
            # no re-render, no layout, and the reader's scroll position stays.
            return
        self._shown = (catalog, fw, view, outcomes)
        self.framework = fw
        needs = self.query_one("#d-needs", Static)
        needs.update(
            self._needs(catalog, verdicts) if verdicts is not None and len(verdicts) else ""
        )
        needs.display = verdicts is not None and len(verdicts) > 0
        with self.app.batch_update():
            title = self.query_one("#d-title", Static)
            if fw is None:
                title.update(Content("No framework to show: clear the filter with Escape."))
                for part in (
                    "#d-facts",
                    "#d-summary",
                    "#d-pros",
                    "#d-cons",
                    "#d-history",
                    "#d-sources",
                ):
                    self.query_one(part, Static).update("")
                self.query_one("#d-links", LinkList).clear_options()
                self.set_class(True, "-no-links")
                return
            status = catalog.status(fw, view)
            heading: list[str | tuple[str, str]] = [
                (safe_line(fw.name), "bold"),
                "  ",
                (f"{status}", f"${STATUS_VARIABLES[status]} bold"),
                ("  " + fw.category, "$text-muted"),
            ]
            if view is View.ARTICLE and not catalog.covers(fw):
                credit = safe_line(catalog.attribution(catalog.base_source))
                heading.append((f"\nnot covered by {credit}", "$warning italic"))
            title.update(Content.assemble(*heading))
            self.query_one("#d-facts", Static).update(self._facts(catalog, fw, view))
            self.query_one("#d-summary", Static).update(Content(safe(fw.summary)))
            self.query_one("#d-pros", Static).update(
                self._points("Pros", "+", "$success", catalog.pros(fw, view), catalog)
            )
            self.query_one("#d-cons", Static).update(
                self._points("Cons", "-", "$error", catalog.cons(fw, view), catalog)
            )
            self.query_one("#d-history", Static).update(self._history(catalog, fw))
            self._links(catalog, fw)
            self.query_one("#d-sources", Static).update(self._sources(catalog, fw))
            self.scroll_home(animate=False)

    @staticmethod
    def _needs(catalog: Catalog, verdicts: Verdicts) -> Content:
        """Each need: met, not met or unknown, with the fact that decided it."""
        parts: list[Content | str | tuple[str, str]] = [
            (f"Needs: {verdicts.met} of {verdicts.total} met", "bold underline"),
            "\n",
        ]
        styles = {Outcome.MET: "$success", Outcome.NOT_MET: "$error", Outcome.UNKNOWN: "$warning"}
        marks = {
            Outcome.MET: "✓ met    ",
            Outcome.NOT_MET: "✗ not met",
            Outcome.UNKNOWN: "? unknown",
        }
        for verdict in verdicts:
            parts.append((f" {marks[verdict.outcome]} ", f"{styles[verdict.outcome]} bold"))
            parts.append(safe_line(verdict.need.describe()))
            if verdict.fact is not None:
                value = safe_line(fact_text(verdict.fact))
                credit = safe_line(catalog.attribution(verdict.fact.source))
                parts.append((f"  ({value}; {credit})", "$text-muted italic"))
            else:
                parts.append(("  (no value in the data)", "$text-muted italic"))
            parts.append("\n")
        return Content.assemble(*parts).rstrip()

    @staticmethod
    def _facts(catalog: Catalog, fw: Framework, view: View) -> Table:
        """Known facts as a two-column grid; the unknown ones named on one line."""
        grid = Table.grid(padding=(0, 1))
        # Long labels wrap rather than squeeze the values in a narrow pane.
        grid.add_column(style="bold", max_width=18, overflow="fold")
        grid.add_column(overflow="fold")
        unknown: list[str] = []
        for label, value, note in fact_rows(catalog, fw, view):
            if value == UNKNOWN:
                unknown.append(label)
                continue
            cell = Text(value)
            if note:
                cell.append(f" ({note})", style="dim italic")
            grid.add_row(Text(label), cell)
        if unknown:
            grid.add_row(Text("Unknown", style="dim bold"), Text(", ".join(unknown), style="dim"))
        return grid

    @staticmethod
    def _points(
        heading: str, mark: str, variable: str, points: tuple[Point, ...], catalog: Catalog
    ) -> Content:
        parts: list[Content | str | tuple[str, str]] = [(heading, "bold underline"), "\n"]
        if not points:
            parts.append(("  none recorded", "$text-muted"))
        for point in points:
            parts.append((f" {mark} ", f"{variable} bold"))
            parts.append(safe_line(point.text))
            credit = [catalog.attribution(point.source)]
            if point.shared_with:
                credit.append("shared with " + ", ".join(point.shared_with))
            if point.from_prose:
                credit.append("from its prose")
            parts.append((f"  ({'; '.join(safe_line(c) for c in credit)})", "$text-muted italic"))
            parts.append("\n")
        return Content.assemble(*parts).rstrip()

    @staticmethod
    def _history(catalog: Catalog, fw: Framework) -> Content:
        """A dated timeline with the base source's date marked, so what changed since shows."""
        parts: list[Content | str | tuple[str, str]] = [("History", "bold underline"), "\n"]
        cutoff = catalog.cutoff
        marker = None
        if cutoff is not None:
            credit = safe_line(catalog.attribution(catalog.base_source))
            marker = (f" {'─' * 3} {credit} {'─' * 3}", "$text-muted italic")
        if not fw.history:
            parts.append(("  none recorded", "$text-muted"))
            return Content.assemble(*parts)
        for event in fw.history:
            if marker is not None and cutoff is not None and event.date.start > cutoff.end:
                parts += [marker, "\n"]
                marker = None
            parts.append((f" {event.date!s:<10} ", "$accent"))
            parts.append(safe_line(event.event))
            parts.append("\n")
        if marker is not None:
            parts += [marker, "\n"]
        return Content.assemble(*parts).rstrip()

    def _links(self, catalog: Catalog, fw: Framework) -> None:
        links = self.query_one("#d-links", LinkList)
        links.clear_options()
        seen: set[str] = set()
        options = []
        for attr, label in LINK_LABELS:
            for target in getattr(fw, attr):
                other = catalog.get(target)
                if other is None or target in seen:
                    continue
                seen.add(target)
                options.append(
                    Option(
                        Content.assemble(
                            "→ ", (safe_line(other.name), "bold"), (f"  {label}", "$text-muted")
                        ),
                        id=target,
                    )
                )
        links.add_options(options)
        self.set_class(not options, "-no-links")

    @staticmethod
    def _sources(catalog: Catalog, fw: Framework) -> Content:
        parts: list[Content | str | tuple[str, str]] = [("Sources", "bold underline"), "\n"]
        for sid in fw.sources or ((catalog.base_source,) if catalog.base_source else ()):
            source = catalog.sources.get(sid)
            if source is None:
                continue
            parts.append(" • " + safe_line(source.title))
            if source.author:
                parts.append(", " + safe_line(source.author))
            if source.date:
                parts.append(f" ({source.date})")
            if source.url:
                parts.append(("  " + safe_line(source.url), "$text-muted"))
            parts.append("\n")
        if fw.homepage:
            parts.append(("Homepage ", "bold"))
            parts.append(safe_line(fw.homepage) + "  (o opens it)")
        return Content.assemble(*parts).rstrip()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.LinkFollowed(self, event.option.id))
