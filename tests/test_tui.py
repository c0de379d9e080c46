"""The explorer, driven from the keyboard with Pilot; assertions on what widgets show."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("textual")

from textual.widgets import Static

from fwtui.catalog import load_catalog
from fwtui.model import View
from fwtui.paths import DataFile, data_files
from fwtui.tui.app import FwtuiApp, build_app
from fwtui.tui.screens.compare import CompareScreen, CompareTable
from fwtui.tui.screens.detail import DetailScreen
from fwtui.tui.screens.help import HelpScreen
from fwtui.tui.screens.main import MainScreen
from fwtui.tui.screens.problems import ProblemsScreen
from fwtui.tui.widgets.detail import DetailPane, LinkList
from fwtui.tui.widgets.framework_list import FrameworkList

pytestmark = pytest.mark.tui


def make_app(files: list[DataFile] | None = None) -> FwtuiApp:
    files = files if files is not None else data_files([], bundled=True, env={})
    return build_app(load_catalog(files), files=files)


def names(app: FwtuiApp) -> list[str]:
    return [fw.name for fw in app.screen.query_one(FrameworkList).frameworks]


def static_text(widget: Static) -> str:
    return str(widget.render())


def detail_text(app: FwtuiApp) -> str:
    pane = app.screen.query_one(DetailPane)
    return "\n".join(str(s.render()) for s in pane.query(Static))


async def test_main_screen_lists_every_framework_with_count() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        total = len(app.catalog)
        assert len(names(app)) == total >= 24
        status = static_text(app.screen.query_one("#status-line", Static))
        assert f"{total}/{total} shown" in status
        # The highlighted row is marked with more than colour.
        table = app.screen.query_one(FrameworkList)
        first = table.get_row_at(0)
        assert str(first[0]).startswith("▶")
        # Its detail shows at once, without Enter.
        assert names(app)[0] in detail_text(app)


async def test_at_80x24_list_shows_at_least_12_rows_beside_the_detail() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(FrameworkList)
        detail = app.screen.query_one(DetailPane)
        assert table.scrollable_content_region.height >= 12
        assert detail.region.x > table.region.x  # side by side
        assert detail.region.y == app.screen.query_one("#list-pane").region.y


async def test_filter_forgives_a_typo_and_escape_clears() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"kears")
        await pilot.pause()
        assert names(app)[0] == "Keras"
        assert "Keras" in detail_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(names(app)) == len(app.catalog)
        assert isinstance(app.focused, FrameworkList)


async def test_filter_orders_prefix_before_substring_and_says_when_empty() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"caffe")
        await pilot.pause()
        assert names(app)[:2] == ["Caffe", "Caffe2"]
        await pilot.press(*"zzzz")
        await pilot.pause()
        assert names(app) == []
        status = static_text(app.screen.query_one("#status-line", Static))
        assert "Escape clears the filter" in status


async def test_quick_filters_and_sort_cycle() -> None:
    app = make_app()
    catalog = app.catalog
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        view = screen.filters.view
        await pilot.press("f")  # deep-learning
        await pilot.pause()
        shown = app.screen.query_one(FrameworkList).frameworks
        assert shown and all(fw.category == "deep-learning" for fw in shown)
        await pilot.press("f")  # machine-learning
        await pilot.pause()
        expected = {fw.name for fw in catalog if fw.category == "machine-learning"}
        assert set(names(app)) == expected
        assert {"scikit-learn", "Apache Mahout"} <= expected
        await pilot.press("f")  # all categories again
        for status in ("active", "maintenance", "discontinued", "merged", "unknown"):
            await pilot.press("t")
            await pilot.pause()
            expected = {fw.name for fw in catalog if catalog.status(fw, view) == status}
            assert set(names(app)) == expected, status
        await pilot.press("t")  # all statuses again
        await pilot.pause()
        assert len(names(app)) == len(catalog)
        await pilot.press("s")  # first release: known dates first, oldest first
        await pilot.pause()
        from fwtui.query import first_release

        dates = [
            first_release(catalog, fw, view)
            for fw in app.screen.query_one(FrameworkList).frameworks
        ]
        known = [d.start for d in dates if d is not None]
        assert known == sorted(known)
        assert dates[: len(known)] == [d for d in dates if d is not None]  # unknown last


async def test_marks_compare_differences_only_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("c")  # fewer than two marked: says what to do
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        for name in ("pytorch", "tensorflow", "theano"):
            await pilot.press("slash", *name, "enter", "space")
        await pilot.pause()
        assert screen.marked == ("pytorch", "tensorflow", "theano")
        assert "3 marked" in static_text(screen.query_one("#status-line", Static))
        await pilot.press("escape", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(CompareTable)
        headers = [str(c.label) for c in table.columns.values()][1:]
        assert headers == ["PyTorch", "TensorFlow", "Theano"]
        all_rows = table.row_count
        await pilot.press("d")
        await pilot.pause()
        labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert table.row_count == compare.matrix.difference_count + 2  # + Pros and Cons
        assert all_rows == len(compare.matrix.rows) + 2
        fact_labels = [label for label in labels if label.strip() not in ("Pros", "Cons")]
        assert fact_labels and all(label.startswith("≠") for label in fact_labels)
        assert any("Pros" in label for label in labels) and any("Cons" in label for label in labels)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.marked == ("pytorch", "tensorflow", "theano")


async def test_compare_columns_move_remove_and_open_detail() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.marked = ("keras", "pytorch", "theano")
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await pilot.press("greater_than_sign")  # move Keras right
        await pilot.pause()
        assert [fw.id for fw in compare.frameworks] == ["pytorch", "keras", "theano"]
        await pilot.press("x")  # remove the column under the cursor (Keras)
        await pilot.pause()
        assert [fw.id for fw in compare.frameworks] == ["pytorch", "theano"]
        await pilot.press("x")  # two is the minimum
        await pilot.pause()
        assert len(compare.frameworks) == 2
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_detail_shows_marked_pros_and_cons_and_follows_links() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"keras", "enter")
        await pilot.pause()
        text = detail_text(app)
        assert "+ Intuitive API inspired by Torch" in text
        screen = app.screen
        assert isinstance(screen, MainScreen)
        links = screen.query_one(LinkList)
        ids = [links.get_option_at_index(i).id for i in range(links.option_count)]
        assert "theano" in ids
        links.focus()
        links.highlighted = ids.index("theano")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(FrameworkList).highlighted_framework.id == "theano"  # type: ignore[union-attr]
        assert "- Error messages can be unhelpful" in detail_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert screen.query_one(FrameworkList).highlighted_framework.id == "keras"  # type: ignore[union-attr]


async def test_help_lists_bindings_of_the_current_view_and_the_data() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app.screen.query_one("#help-text", Static))
        for expected in (
            "Compare",
            "Mark",
            "Filter",
            "Sort",
            "Reload data",
            "frameworks.toml",
            "2017",
        ):
            assert expected in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_reload_keeps_last_good_catalog_and_lists_problems(tmp_path: Path) -> None:
    data = tmp_path / "extra.toml"
    data.write_text(
        'schema_version = 1\n[[framework]]\nid = "newfw"\nname = "NewFW"\ncategory = "deep-learning"\n'
    )
    files = [*data_files([], bundled=True, env={}), DataFile(data, "--data", True)]
    app = make_app(files)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "NewFW" in names(app)
        data.write_text('schema_version = 1\n[[framework]]\nid = "newfw"\nnmae = "x"\n')
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = static_text(app.screen.query_one("#problems-text", Static))
        assert "extra.toml:4" in text and "nmae" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "NewFW" in names(app)  # the last good catalog stays
        data.write_text(
            'schema_version = 1\n[[framework]]\nid = "newfw"\nname = "Renamed"\ncategory = "deep-learning"\n'
        )
        await pilot.press("r")
        await pilot.pause()
        assert "Renamed" in names(app)


async def test_view_switch_follows_the_article(tmp_path: Path) -> None:
    data = tmp_path / "today.toml"
    data.write_text(
        'schema_version = 1\n[sources.later]\ntitle = "Later news"\ndate = "2019-12"\n'
        '[[framework]]\nid = "chainer"\n[framework.facts]\nstatus = [\n'
        '  { value = "active", source = "article" },\n'
        '  { value = "maintenance", source = "later" },\n]\n'
    )
    files = [*data_files([], bundled=True, env={}), DataFile(data, "--data", True)]
    app = make_app(files)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        chainer = app.catalog.get("chainer")
        assert chainer is not None
        assert app.catalog.status(chainer, screen.filters.view) == "maintenance"
        await pilot.press("v")
        await pilot.pause()
        assert screen.filters.view is View.ARTICLE
        assert "article" in screen.sub_title


async def test_narrow_and_tiny_layouts() -> None:
    app = make_app()
    async with app.run_test(size=(70, 30)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-stacked")
        detail = app.screen.query_one(DetailPane)
        assert detail.region.y > app.screen.query_one("#list-pane").region.y
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-single")
        assert app.screen.query_one(DetailPane).display is False
        await pilot.press("tab", "tab")
        await pilot.pause()
        await pilot.press("slash", *"keras")
        await pilot.pause()
        assert names(app)[0] == "Keras"


async def test_quit_keys() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_markup_in_data_is_shown_literally(tmp_path: Path) -> None:
    data = tmp_path / "hostile.toml"
    data.write_text(
        'schema_version = 1\n[[framework]]\nid = "aaa"\nname = "[bold red]Evil[/] \\u001b[2J"\n'
        'category = "deep-learning"\nsummary = "[@click=app.quit]x[/]"\npros = ["[link=file:///etc/passwd]p"]\n'
    )
    app = make_app([DataFile(data, "--data", True)])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        row = app.screen.query_one(FrameworkList).get_row_at(0)
        assert str(row[1]).startswith("[bold red]Evil[/] ␛[2J")
        text = detail_text(app)
        assert "[@click=app.quit]x[/]" in text
        assert "[link=file:///etc/passwd]p" in text
        assert "\x1b" not in text


async def test_the_list_draws_only_the_rows_on_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    drawn: list[str] = []
    original = FrameworkList._cells

    def counting(self: FrameworkList, fw: object, cursor: bool, width: int) -> list[object]:
        drawn.append(fw.id)  # type: ignore[attr-defined]
        return original(self, fw, cursor, width)  # type: ignore[arg-type]

    monkeypatch.setattr(FrameworkList, "_cells", counting)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        visible = app.screen.query_one(FrameworkList).scrollable_content_region.height
        # Layout may paint once before the final size: allow a row or two more.
        assert 12 <= len(set(drawn)) <= visible + 2 < len(app.catalog)
        drawn.clear()
        await pilot.press("G")
        await pilot.pause()
        assert len(set(drawn)) <= visible + 2


async def test_help_in_compare_view_lists_compare_keys() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.marked = ("keras", "pytorch")
        await pilot.press("c", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app.screen.query_one("#help-text", Static))
        for expected in ("Diffs only", "Remove column", "Move column left", "Compare view"):
            assert expected in text
        assert "Rows marked ≠ differ" in text


async def test_open_homepage_without_display_shows_the_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22")
    opened: list[str] = []
    messages: list[str] = []
    app = make_app()
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    monkeypatch.setattr(app, "notify", lambda message, **kw: messages.append(str(message)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"keras", "enter", "escape", "o")
        await pilot.pause()
        assert any("https://keras.io" in m and "Address" in m for m in messages)
        assert opened == []


async def test_palette_goes_to_a_framework() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to theano")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        highlighted = screen.query_one(FrameworkList).highlighted_framework
        assert highlighted is not None and highlighted.id == "theano"


async def test_detail_timeline_marks_the_article_date() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("slash", *"theano", "enter")
        await pilot.pause()
        history = static_text(app.screen.query_one("#d-history", Static))
        assert "2017-09-28" in history
        assert history.index("2017-09-28") < history.index("the article, late 2017")


async def test_article_view_marks_frameworks_the_article_did_not_cover(tmp_path: Path) -> None:
    data = tmp_path / "new.toml"
    data.write_text(
        'schema_version = 1\n[sources.later]\ntitle = "Later"\ndate = "2020"\n'
        '[[framework]]\nid = "newcomer"\nname = "Newcomer"\ncategory = "deep-learning"\n'
        'sources = ["later"]\n[framework.facts]\nstatus = { value = "active", source = "later" }\n'
    )
    files = [*data_files([], bundled=True, env={}), DataFile(data, "--data", True)]
    app = make_app(files)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash", *"newcomer", "enter", "v")
        await pilot.pause()
        row = screen.query_one(FrameworkList).get_row_at(0)
        assert str(row[3]).strip() == "new"
        assert "not covered by the article" in detail_text(app)
        await pilot.press("i")  # only frameworks in the article: the newcomer goes
        await pilot.pause()
        assert "Newcomer" not in names(app)
        await pilot.press("i", "A")  # only active today: the newcomer is back
        await pilot.pause()
        assert "Newcomer" in names(app)
        assert "active today" in static_text(screen.query_one("#status-line", Static))


async def test_compare_jumps_between_differences_and_pins_a_reference() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.marked = ("pytorch", "torch", "tensorflow")
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        table = compare.query_one(CompareTable)
        rows = compare.matrix.fact_rows()
        differing = [i for i, row in enumerate(rows) if row.differs]
        assert differing and len(differing) < len(rows)  # some rows agree
        seen = []
        for _ in differing:
            await pilot.press("right_square_bracket")
            seen.append(table.cursor_row)
        expected = [r for r in differing if r > 0]  # the cursor starts on row 0
        assert seen[: len(expected)] == expected
        assert all(str(table.get_row_at(r)[0]).startswith("≠") for r in seen)
        await pilot.press("left_square_bracket")
        assert table.cursor_row < seen[-1]
        # Pin PyTorch (column 1) as the reference: cells that differ from it are marked.
        table.move_cursor(column=1)
        await pilot.press("p")
        await pilot.pause()
        assert compare.reference == "pytorch"
        assert "(reference)" in str(table.columns[table.ordered_columns[1].key].label)
        for i, row in enumerate(compare.matrix.fact_rows()):
            cells = table.get_row_at(i)
            for col in (1, 2):
                marked = str(cells[col + 1]).startswith("≠ ")
                assert marked == row.differs_from(col, 0), (row.attribute.key, col)
        # Swap TensorFlow (column 3) with the reference.
        table.move_cursor(column=3)
        await pilot.press("s")
        await pilot.pause()
        assert [fw.id for fw in compare.frameworks] == ["tensorflow", "torch", "pytorch"]


async def test_export_refuses_loaded_files_and_asks_before_overwriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input

    from fwtui.tui.screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.marked = ("pytorch", "tensorflow")
        await pilot.press("c", "e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        path_input = export.query_one("#export-path", Input)
        assert path_input.value == "pytorch-vs-tensorflow.md"
        # A data file fwtui loaded is refused.
        path_input.value = str(app.files[0].path)
        await pilot.press("enter")
        await pilot.pause()
        assert "Refused" in str(export.query_one("#export-message", Static).render())
        assert isinstance(app.screen, ExportScreen)
        # A new file is written at once.
        path_input.value = "decision.md"
        await pilot.press("enter")
        await pilot.pause()
        written = (tmp_path / "decision.md").read_text(encoding="utf-8")
        assert written.startswith("|  | PyTorch | TensorFlow |")
        assert isinstance(app.screen, CompareScreen)
        # An existing file needs a second Enter.
        (tmp_path / "keep.csv").write_text("mine")
        await pilot.press("e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        export.query_one("#export-path", Input).value = "keep.csv"
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "keep.csv").read_text() == "mine"
        assert "exists" in str(export.query_one("#export-message", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "keep.csv").read_text().startswith("section,label,differs,PyTorch")


async def test_user_keys_work_and_show_in_help_and_palette(tmp_path: Path) -> None:
    from fwtui.settings import Settings

    settings = Settings(keymap={"compare": "C", "next-difference": "n"}, needs=("keras",))
    files = data_files([], bundled=True, env={})
    app = build_app(load_catalog(files), files=files, settings=settings)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # Default needs start in the filter.
        assert screen.filters.text == "keras"
        assert names(app)[0] == "Keras"
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = static_text(app.screen.query_one("#help-text", Static))
        assert "C" in help_text.split("Compare")[0].splitlines()[-1]
        await pilot.press("escape")
        screen.marked = ("pytorch", "torch")
        await pilot.press("c")  # the old key does nothing now
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        commands = list(app.get_system_commands(app.screen))
        titles = {c.title: c.help for c in commands}
        jump = "Jump to the next row whose facts differ"
        assert jump in titles and titles[jump].endswith("key: n")
        assert any(t.startswith("Pin this column") for t in titles) and "Export" in titles


async def test_palette_runs_a_compare_action(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.marked = ("pytorch", "torch")
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"pin reference")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert compare.reference == "pytorch"


async def test_theme_choice_is_remembered_in_the_state_file() -> None:
    from fwtui.settings import read_state, state_file

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "ansi-light"
        await pilot.pause()
    assert read_state()["theme"] == "ansi-light"
    assert state_file().exists()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-light"
        # The highlighted row stays marked on a light theme too.
        row = app.screen.query_one(FrameworkList).get_row_at(0)
        assert str(row[0]).startswith("▶")


async def test_needs_rank_explain_and_can_be_removed_one_by_one() -> None:
    from fwtui.needs import parse_query, rank
    from fwtui.query import Filters

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash", *"lang:python status:active onnx_export:yes", "enter")
        await pilot.pause()
        shown = screen.query_one(FrameworkList)
        expected = rank(app.catalog, Filters(text=screen.filters.text), None)
        assert shown.frameworks == expected.frameworks
        meet = len(expected.meeting_all)
        assert meet >= 1
        # Rows that meet every need come first, then a divider, then the rest (marked ✗).
        first = shown.get_row_at(0)
        assert str(first[2]).startswith("✓3/3")
        if meet < len(shown.frameworks):
            assert str(shown.get_row_at(meet)[2]).startswith("✗")
        bar = static_text(screen.query_one("#needs-bar", Static))
        assert "[lang:python]" in bar and f"{meet} meet all" in bar
        # The detail says which fact decided each need.
        needs = static_text(screen.query_one("#d-needs", Static))
        assert "Needs: 3 of 3 met" in needs and "✓ met" in needs
        # H hides the ones that miss a need; x drops needs one by one.
        await pilot.press("H")
        await pilot.pause()
        assert len(shown.frameworks) == meet
        await pilot.press("H", "x")
        await pilot.pause()
        assert screen.filters.text == "lang:python status:active"
        query = parse_query(screen.filters.text, app.catalog)
        assert [n.token for n in query.needs] == ["lang:python", "status:active"]


async def test_unknown_need_gets_a_did_you_mean_and_tab_completes() -> None:
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash", *"lnag:python")
        await pilot.pause()
        bar = static_text(screen.query_one("#needs-bar", Static))
        assert "did you mean" in bar and "lang" in bar
        filter_input = screen.query_one("#filter", Input)
        filter_input.value = "status:mai"
        filter_input.cursor_position = len(filter_input.value)
        await pilot.press("tab")
        await pilot.pause()
        assert filter_input.value == "status:maintenance"
        assert app.focused is filter_input
        # Nothing to complete: Tab moves the focus on, as everywhere else.
        filter_input.value = ""
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not filter_input


async def test_compare_shows_the_filters_needs_and_copies_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash", *"lang:python gpu:rocm", "enter")
        await pilot.pause()
        screen.marked = ("pytorch", "jax", "tensorflow")
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        table = compare.query_one(CompareTable)
        first = [str(c) for c in table.get_row_at(0)]
        assert first[0].strip() == "Needs met" and first[1] == "2/2"
        assert "gpu includes ROCm" in str(table.get_row_at(2)[0])
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        written = (tmp_path / "pytorch-vs-jax-vs-tensorflow.md").read_text(encoding="utf-8")
        assert "|   Needs met | 2/2 |" in written


async def test_spaces_arriving_together_mark_consecutive_rows() -> None:
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        shown = screen.query_one(FrameworkList)
        first_three = tuple(fw.id for fw in shown.frameworks[:3])
        # Three spaces queued at once, as a paste or key repeat delivers them.
        for _ in range(3):
            app.post_message(events.Key("space", " "))
        await pilot.pause(0.3)
        assert screen.marked == first_three
        assert shown.cursor_row == 3


async def test_the_loading_spinner_stops_once_the_list_shows() -> None:
    """A spinner left under the main screen would redraw the terminal forever."""
    from textual.widgets import LoadingIndicator

    from fwtui.tui.screens.loading import LoadingScreen

    app = build_app(None, files=data_files())
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, (LoadingScreen, MainScreen))
        for _ in range(200):
            if isinstance(app.screen, MainScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, MainScreen)
        await pilot.pause()
        loading = [s for s in app.screen_stack if isinstance(s, LoadingScreen)]
        assert loading, "the main screen is pushed over the loading screen"
        assert not any(s.query(LoadingIndicator) for s in app.screen_stack)


async def test_the_same_framework_shown_again_keeps_the_detail_where_it_was() -> None:
    """Typing that keeps the top match re-renders nothing and keeps the scroll."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        first = pane.framework
        assert first is not None
        pane.scroll_to(y=5, animate=False)
        await pilot.pause()
        assert pane.scroll_y == 5
        await pilot.press("slash", *first.name[:3].lower())
        await pilot.pause()
        assert pane.framework is first
        assert pane.scroll_y == 5
        pane.show(app.catalog, first, View.TODAY)
        await pilot.pause()
        assert pane.scroll_y == 5
        other = next(fw for fw in app.catalog.frameworks if fw is not first)
        pane.show(app.catalog, other, View.TODAY)
        await pilot.pause()
        assert pane.scroll_y == 0
        assert other.name in detail_text(app)
