"""The attribute matrix behind ``fwtui compare`` and the compare view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fwtui.catalog import load_paths
from fwtui.compare import FactRow, build_matrix
from fwtui.model import Attribute, Catalog, FactValue, PartialDate, View

WriteToml = Callable[..., Path]

TEXT = Attribute("creator", "Created by", "text")
LIST = Attribute("api_languages", "API languages", "list")


def row(attr: Attribute, *values: object) -> FactRow:
    cells = tuple(None if v is None else FactValue(v) for v in values)  # type: ignore[arg-type]
    return FactRow(attr, cells)


def test_rows_differ_when_values_differ() -> None:
    assert row(TEXT, "Google", "Facebook").differs
    assert not row(TEXT, "Google", "Google").differs
    assert not row(TEXT, "Google", " google ").differs  # case and spaces do not count
    assert row(TEXT, "Google", "Google", "Baidu").differs
    assert row(Attribute("gpu", "GPU", "bool"), True, False).differs
    assert not row(Attribute("gpu", "GPU", "bool"), True, True).differs
    date = Attribute("first_release", "First release", "date")
    assert row(date, PartialDate(2017, 1), PartialDate(2017)).differs
    assert not row(date, PartialDate(2017, 1), PartialDate(2017, 1)).differs


def test_lists_compare_as_sets() -> None:
    assert not row(LIST, ("Python", "Lua"), ("lua", "python")).differs
    assert not row(LIST, ("Python", "Python"), ("Python",)).differs
    assert row(LIST, ("Python",), ("Python", "Lua")).differs


def test_unknown_equals_only_unknown() -> None:
    assert row(TEXT, "Google", None).differs
    assert row(LIST, (), None).differs  # "none" is known, unlike unknown
    assert not row(TEXT, None, None).differs
    assert row(TEXT, None, None).all_unknown
    assert not row(TEXT, "x", None).all_unknown


CATALOG = """\
schema_version = 1

[[attributes]]
key = "creator"
label = "Created by"
kind = "text"
order = 20

[[attributes]]
key = "api_languages"
label = "API languages"
kind = "list"
order = 30

[[attributes]]
key = "mascot"
label = "Mascot"
kind = "text"
order = 40

[[framework]]
id = "alpha"
name = "Alpha"
category = "deep-learning"
pros = ["Fast"]
cons = ["Young", "Small"]
[framework.facts]
status = "active"
creator = "Alice"
api_languages = ["Python", "Lua"]

[[framework]]
id = "beta"
name = "Beta"
category = "deep-learning"
pros = ["Mature"]
[framework.facts]
status = "active"
creator = "Bob"
api_languages = ["lua", "python"]

[[framework]]
id = "gamma"
name = "Gamma"
category = "deep-learning"
"""


@pytest.fixture
def small(write_toml: WriteToml) -> Catalog:
    result = load_paths([write_toml(CATALOG)])
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalog


def test_matrix_rows_follow_the_declared_attributes(small: Catalog) -> None:
    frameworks = [small.get("alpha"), small.get("beta")]
    matrix = build_matrix(small, frameworks)  # type: ignore[arg-type]
    # Mascot: nobody knows it, so no row; status is always declared.
    assert [r.attribute.key for r in matrix.rows] == ["status", "creator", "api_languages"]
    assert [r.differs for r in matrix.rows] == [False, True, False]
    assert [r.attribute.key for r in matrix.fact_rows(differences_only=True)] == ["creator"]
    assert matrix.difference_count == 1
    assert [[p.text for p in col] for col in matrix.pros] == [["Fast"], ["Mature"]]
    assert [[p.text for p in col] for col in matrix.cons] == [["Young", "Small"], []]
    assert matrix.view is View.TODAY


def test_a_column_of_unknowns_makes_rows_differ(small: Catalog) -> None:
    frameworks = [small.get(i) for i in ("alpha", "beta", "gamma")]
    matrix = build_matrix(small, frameworks)  # type: ignore[arg-type]
    assert [r.differs for r in matrix.rows] == [True, True, True]
    assert [c is None for c in matrix.rows[0].cells] == [False, False, True]


def test_matrix_of_the_bundled_data(bundled: Catalog) -> None:
    frameworks = [bundled.get("pytorch"), bundled.get("tensorflow")]
    matrix = build_matrix(bundled, frameworks, View.ARTICLE)  # type: ignore[arg-type]
    rows = {r.attribute.key: r for r in matrix.rows}
    assert not rows["status"].differs
    assert rows["graph"].differs
    assert not rows["commercial_support"].differs
    assert "license" not in rows  # neither has a licence fact
    assert [r.attribute.order for r in matrix.rows] == sorted(
        r.attribute.order for r in matrix.rows
    )
