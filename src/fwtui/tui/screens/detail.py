"""A framework's full detail on its own screen (opened from the compare view)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from fwtui.model import Catalog, Framework, View
from fwtui.textsafe import safe_line
from fwtui.tui.widgets.detail import DetailPane


class DetailScreen(Screen[None]):
    """One framework, full width."""

    HELP = "One framework in full. j/k scroll; Escape goes back to the comparison."
    BINDING_GROUP_TITLE = "Detail view"
    BINDINGS = [
        Binding("escape", "back", "Back", id="detail-back"),
        Binding("q", "back", "Back", show=False),
    ]

    def __init__(self, catalog: Catalog, framework: Framework, view: View) -> None:
        super().__init__()
        self.catalog = catalog
        self.framework = framework
        self.view = view

    def compose(self) -> ComposeResult:
        yield Header()
        yield DetailPane(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = f"fwtui · {safe_line(self.framework.name)}"
        pane = self.query_one(DetailPane)
        pane.show(self.catalog, self.framework, self.view)
        pane.focus()

    def on_detail_pane_link_followed(self, event: DetailPane.LinkFollowed) -> None:
        other = self.catalog.get(event.framework_id)
        if other is not None:
            self.app.push_screen(DetailScreen(self.catalog, other, self.view))

    def action_back(self) -> None:
        self.dismiss()
