"""Every remappable action of the explorer, read from the BINDINGS themselves."""

from __future__ import annotations

from textual.binding import Binding

from fwtui.settings import Action
from fwtui.tui.app import FwtuiApp
from fwtui.tui.screens.compare import CompareScreen, CompareTable
from fwtui.tui.screens.detail import DetailScreen
from fwtui.tui.screens.main import FilterInput, MainScreen
from fwtui.tui.widgets.detail import DetailPane, LinkList
from fwtui.tui.widgets.framework_list import FrameworkList

#: The classes whose bindings carry ids; the App's are global.
BOUND_CLASSES: tuple[type, ...] = (
    FwtuiApp,
    MainScreen,
    FilterInput,
    FrameworkList,
    DetailPane,
    LinkList,
    CompareScreen,
    CompareTable,
    DetailScreen,
)


def actions() -> list[Action]:
    """One Action per binding with an id, in declaration order."""
    found: list[Action] = []
    for cls in BOUND_CLASSES:
        for binding in getattr(cls, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                scope = "App" if cls is FwtuiApp else cls.__name__
                found.append(Action(binding.id, binding.key, scope, binding.description))
    return found
