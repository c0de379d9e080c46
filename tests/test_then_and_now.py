"""The article view and today's view: time-scoped facts, filters, coverage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fwtui.catalog import load_paths
from fwtui.compare import build_matrix
from fwtui.model import Catalog, View
from fwtui.query import Filters, apply

DATA = """
schema_version = 1
[catalog]
base_source = "article"
[sources.article]
title = "The article"
date = "2017"
label = "the article, late 2017"
[sources.news]
title = "Later news"
date = "2019-12"
url = "https://example.org/news"
[[attributes]]
key = "graph"
label = "Graph"
kind = "set"
values = ["static", "dynamic"]
[[framework]]
id = "old"
name = "Old"
category = "deep-learning"
sources = ["article"]
[framework.facts]
status = [
  { value = "active", source = "article" },
  { value = "maintenance", source = "news" },
]
graph = [
  { value = ["static"], source = "article" },
  { value = ["static", "dynamic"], as_of = "2019-10", source = "news" },
]
[[framework]]
id = "young"
name = "Young"
category = "deep-learning"
sources = ["news"]
[framework.facts]
status = { value = "active", source = "news" }
"""


def catalog(write_toml: Callable[..., Path]) -> Catalog:
    result = load_paths([write_toml(DATA)])
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalog


def test_every_time_scoped_fact_follows_the_view(write_toml: Callable[..., Path]) -> None:
    cat = catalog(write_toml)
    old = cat.get("old")
    assert old is not None
    assert cat.status(old, View.ARTICLE) == "active"
    assert cat.status(old, View.TODAY) == "maintenance"
    graph_then = old.fact("graph", View.ARTICLE, cat.cutoff)
    graph_now = old.fact("graph", View.TODAY, cat.cutoff)
    assert graph_then is not None and graph_then.value == ("static",)
    assert graph_now is not None and graph_now.value == ("static", "dynamic")
    assert graph_now.source == "news" and str(graph_now.as_of) == "2019-10"
    # The compare matrix follows the view too.
    young = cat.get("young")
    assert young is not None
    then = build_matrix(cat, [old, young], View.ARTICLE)
    now = build_matrix(cat, [old, young], View.TODAY)
    status_then = next(r for r in then.rows if r.attribute.key == "status")
    status_now = next(r for r in now.rows if r.attribute.key == "status")
    assert [c.value if c else None for c in status_then.cells] == ["active", None]
    assert [c.value if c else None for c in status_now.cells] == ["maintenance", "active"]


def test_status_filter_and_sort_follow_the_view(write_toml: Callable[..., Path]) -> None:
    cat = catalog(write_toml)
    then = apply(cat, Filters(statuses=frozenset({"active"}), view=View.ARTICLE))
    now = apply(cat, Filters(statuses=frozenset({"active"}), view=View.TODAY))
    assert [fw.id for fw in then.frameworks] == ["old"]
    assert [fw.id for fw in now.frameworks] == ["young"]
    by_status = apply(cat, Filters(sort="status", view=View.TODAY))
    assert [fw.id for fw in by_status.frameworks] == ["young", "old"]  # active before maintenance


def test_active_today_and_in_article_filters_combine(write_toml: Callable[..., Path]) -> None:
    cat = catalog(write_toml)
    assert [fw.id for fw in apply(cat, Filters(in_article=True)).frameworks] == ["old"]
    assert [fw.id for fw in apply(cat, Filters(active_today=True)).frameworks] == ["young"]
    # "Active today" means today even while the article's view is shown.
    article_view = apply(cat, Filters(active_today=True, view=View.ARTICLE))
    assert [fw.id for fw in article_view.frameworks] == ["young"]
    assert apply(cat, Filters(active_today=True, in_article=True)).frameworks == ()


def test_coverage_by_the_article(write_toml: Callable[..., Path]) -> None:
    cat = catalog(write_toml)
    assert cat.covers(cat.get("old"))  # type: ignore[arg-type]
    assert not cat.covers(cat.get("young"))  # type: ignore[arg-type]


def test_cli_filters_and_as_of(write_toml: Callable[..., Path], cli: Callable[..., object]) -> None:
    path = write_toml(DATA)
    result = cli("--no-bundled", "--data", path, "list", "--active-today", "--format", "csv")
    assert result.code == 0  # type: ignore[attr-defined]
    assert "young" in result.out and "old" not in result.out  # type: ignore[attr-defined]
    result = cli(
        "--no-bundled", "--data", path, "list", "--in-article", "--as-of", "article", "-f", "csv"
    )
    assert "old,Old,deep-learning,active" in result.out  # type: ignore[attr-defined]
