"""The immutable model: dates at their precision, facts over time, frozen records."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fwtui.catalog import load
from fwtui.model import Catalog, Fact, FactValue, Framework, PartialDate, Source, View
from fwtui.paths import DataFile, bundled_data


@pytest.mark.parametrize(
    ("text", "parts", "precision"),
    [
        ("2017", (2017, None, None), "year"),
        ("2017-01", (2017, 1, None), "month"),
        ("2017-09-28", (2017, 9, 28), "day"),
        ("2016-02-29", (2016, 2, 29), "day"),
    ],
)
def test_partial_date_parse_and_str(text: str, parts: tuple[Any, ...], precision: str) -> None:
    date = PartialDate.parse(text)
    assert (date.year, date.month, date.day) == parts
    assert str(date) == text  # never a day or month it was not given
    given = "day" if date.day is not None else "month" if date.month is not None else "year"
    assert given == precision


@pytest.mark.parametrize(
    "text",
    [
        "",
        "17",
        "2017-1",
        "2017-13",
        "2017-00",
        "2017-02-30",
        "2017-09-31",
        "Sept 2017",
        "2017/01",
        "2017-01-01T00:00",
        " 2017",
    ],
)
def test_partial_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_date_range_and_ordering() -> None:
    year, month, day = (PartialDate.parse(t) for t in ("2017", "2017-09", "2017-09-28"))
    assert year.start == (2017, 1, 1) and year.end == (2017, 12, 31)
    assert month.start == (2017, 9, 1) and month.end == (2017, 9, 30)
    assert day.start == day.end == (2017, 9, 28)
    assert PartialDate.parse("2016-02").end == (2016, 2, 29)
    # "2017" covers the whole year: it is on or before anything from 2017 on.
    assert year.start <= month.start <= day.start
    assert day.start <= year.end
    ordered = sorted(
        [PartialDate.parse(t) for t in ("2018", "2017-10", "2017", "2017-09-28", "2016-12")],
        key=lambda d: d.start,
    )
    assert [str(d) for d in ordered] == ["2016-12", "2017", "2017-09-28", "2017-10", "2018"]
    assert PartialDate(2017, 1) == PartialDate.parse("2017-01")
    assert PartialDate(2017) != PartialDate(2017, 1)


@given(
    st.integers(1000, 9999),
    st.one_of(st.none(), st.integers(1, 12)),
    st.integers(1, 28),
    st.booleans(),
)
def test_partial_date_round_trips(year: int, month: int | None, day: int, with_day: bool) -> None:
    text = f"{year:04d}" + (f"-{month:02d}" + (f"-{day:02d}" if with_day else "") if month else "")
    date = PartialDate.parse(text)
    assert str(date) == text
    assert date.start <= date.end


ARTICLE = PartialDate.parse("2017")


def entry(value: str, as_of: str | None) -> FactValue:
    return FactValue(value, PartialDate.parse(as_of) if as_of else None, "src")


def test_fact_at_today_and_article() -> None:
    fact = Fact(
        "status",
        (entry("active", "2017"), entry("maintenance", "2019-12"), entry("merged", "2021")),
    )
    assert fact.at(View.TODAY, ARTICLE).value == "merged"
    assert fact.at(View.ARTICLE, ARTICLE).value == "active"


def test_fact_at_article_keeps_entries_within_the_cutoff_year() -> None:
    fact = Fact("graph", (entry("static", "2015"), entry("static+eager", "2017-10")))
    # The cutoff "2017" covers the whole year, so October 2017 is included.
    assert fact.at(View.ARTICLE, ARTICLE).value == "static+eager"
    assert fact.at(View.ARTICLE, PartialDate.parse("2017-09")).value == "static"


def test_fact_with_only_later_entries_is_unknown_in_the_article_view() -> None:
    fact = Fact("backends", (entry("JAX", "2023-11"),))
    assert fact.at(View.ARTICLE, ARTICLE) is None
    assert fact.at(View.TODAY, ARTICLE).value == "JAX"


def test_timeless_entries_count_in_both_views() -> None:
    timeless = Fact("creator", (entry("Alice", None),))
    assert timeless.at(View.TODAY, ARTICLE).value == "Alice"
    assert timeless.at(View.ARTICLE, ARTICLE).value == "Alice"
    mixed = Fact("creator", (entry("Alice", None), entry("Bob", "2020")))
    assert mixed.at(View.TODAY, ARTICLE).value == "Bob"
    assert mixed.at(View.ARTICLE, ARTICLE).value == "Alice"
    assert mixed.at(View.ARTICLE, None).value == "Bob"  # no cutoff: nothing is later


def _framework(**facts: Fact) -> Framework:
    return Framework(id="alpha", name="Alpha", category="deep-learning", facts=facts)


def test_catalog_status_by_view() -> None:
    status = Fact("status", (entry("active", "2017"), entry("discontinued", "2020")))
    alpha = _framework(status=status)
    bare = Framework(id="beta", name="Beta", category="deep-learning")
    catalog = Catalog(
        frameworks=(alpha, bare),
        attributes=(),
        sources={"src": Source("src", "Source", date=ARTICLE)},
        base_source="src",
    )
    assert catalog.cutoff == ARTICLE
    assert catalog.status(alpha, View.ARTICLE) == "active"
    assert catalog.status(alpha, View.TODAY) == "discontinued"
    assert catalog.status(bare) == "unknown"
    assert catalog.get("alpha") is alpha and "beta" in catalog and len(catalog) == 2
    assert catalog.attribution(None) == "Source"
    assert catalog.attribution("nowhere") == "nowhere"


# Sources of every kind of date, against the bundled base source (the article,
# "2017": the article's view runs to the end of 2017).
IN_VIEW_OVERLAY = """\
schema_version = 1
[sources.same-year]
title = "Dated within the article's year"
date = "2017-06"
[sources.next-year]
title = "Dated after the article"
date = "2018-01"
[sources.dated-late-read-late]
title = "Dated in the article's year, read years later"
date = "2017"
accessed = "2026-11-25"
[sources.read-early]
title = "Undated, read in the article's year"
accessed = "2017-05-02"
[sources.read-late]
title = "Undated, read after the article"
accessed = "2019-03"
[sources.undated]
title = "Neither dated nor read on a known day"
[[framework]]
id = "probe"
name = "Probe"
category = "deep-learning"
pros = [
  "No source: the base source's",
  { text = "The article's", source = "article" },
  { text = "Same year", source = "same-year" },
  { text = "Next year", source = "next-year" },
  { text = "Read late", source = "read-late" },
]
cons = [
  { text = "Dated then, read late", source = "dated-late-read-late" },
  { text = "Read early", source = "read-early" },
  { text = "Undated", source = "undated" },
]
"""


def test_source_in_view_and_the_points_each_view_shows(
    write_toml: Callable[..., Path],
) -> None:
    overlay = write_toml(IN_VIEW_OVERLAY)
    result = load([DataFile(bundled_data(), "bundled", True), DataFile(overlay, "--data", True)])
    catalog = result.catalog
    assert catalog is not None, [p.format() for p in result.problems]
    assert str(catalog.cutoff) == "2017"
    expected = {
        "article": True,
        "same-year": True,
        "next-year": False,
        "dated-late-read-late": True,  # a source's own date decides, not when it was read
        "read-early": True,
        "read-late": False,  # undated: only its later reading date is known
        "undated": False,  # nothing shows it belongs to the article's time
    }
    for source, shown in expected.items():
        assert catalog.source_in_view(source, View.ARTICLE) is shown, source
        assert catalog.source_in_view(source, View.TODAY) is True, source
    assert catalog.source_in_view(None, View.ARTICLE) is True  # the base source's
    probe = catalog.get("probe")
    assert probe is not None
    assert probe.pros[0].source == "article"  # no source given: the base source
    assert [p.text for p in catalog.pros(probe, View.ARTICLE)] == [
        "No source: the base source's",
        "The article's",
        "Same year",
    ]
    assert [p.text for p in catalog.cons(probe, View.ARTICLE)] == [
        "Dated then, read late",
        "Read early",
    ]
    assert catalog.pros(probe, View.TODAY) == catalog.pros(probe) == probe.pros
    assert catalog.cons(probe, View.TODAY) == probe.cons


def test_the_model_is_immutable(bundled: Catalog) -> None:
    keras = bundled.get("keras")
    assert keras is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        keras.name = "Not Keras"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        keras.pros[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        bundled.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        keras.facts["status"] = keras.facts["status"]  # type: ignore[index]
    with pytest.raises(TypeError):
        bundled.sources["x"] = bundled.sources["article"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        keras.tags.append("x")  # type: ignore[attr-defined]
    assert isinstance(bundled.frameworks, tuple)
    assert hash(PartialDate(2017, 1)) == hash(PartialDate(2017, 1))
