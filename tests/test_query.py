"""Filtering, ranking and sorting: the same rules for the CLI and the explorer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from fwtui.catalog import load_paths
from fwtui.model import Catalog, Framework, View
from fwtui.query import (
    Filters,
    SearchIndex,
    Tier,
    apply,
    match_all,
    next_in_cycle,
    resolve_id,
    suggestions,
)

WriteToml = Callable[..., Path]


def ids(catalog: Catalog, **filters: object) -> list[str]:
    return [fw.id for fw in apply(catalog, Filters(**filters)).frameworks]  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "found"), [("kears", "keras"), ("pytroch", "pytorch")])
def test_one_typo_finds_the_framework_first(bundled: Catalog, typed: str, found: str) -> None:
    result = apply(bundled, Filters(text=typed))
    assert result.frameworks[0].id == found
    assert result.matches[found].tier is Tier.TYPO


@pytest.mark.parametrize("typed", ["KERAS", "Keras", " keras "])
def test_case_and_spaces_do_not_matter(bundled: Catalog, typed: str) -> None:
    assert ids(bundled, text=typed)[0] == "keras"


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


@pytest.mark.parametrize("typed", ["ptrch", "krs", "hlvpy", "tnsrflw", "trflw"])
def test_a_scattered_subsequence_matches_nothing(bundled: Catalog, typed: str) -> None:
    # Each is a subsequence of some name or summary: a fuzzy matcher would hit.
    assert any(_is_subsequence(typed, f"{fw.name} {fw.summary}".casefold()) for fw in bundled), (
        typed
    )
    assert ids(bundled, text=typed) == []


CATALOG = """\
schema_version = 1

[[attributes]]
key = "first_release"
kind = "date"

[[framework]]
id = "zeta-flow"
name = "Zeta Flow"
category = "deep-learning"
summary = "Substring in the name."

[[framework]]
id = "flowable"
name = "Flowable"
category = "deep-learning"
summary = "A prefix match, a tool."
[framework.facts]
status = "discontinued"
first_release = "2015"

[[framework]]
id = "alpha"
name = "Alpha"
category = "machine-learning"
summary = "Mentions flow in its summary; a tool."
[framework.facts]
status = "active"
first_release = "2016-05"

[[framework]]
id = "folw"
name = "Folw"
category = "deep-learning"
summary = "One typo away, a tool."
tags = ["streams"]
[framework.facts]
status = "maintenance"

[[framework]]
id = "beta"
name = "Beta"
category = "deep-learning"
summary = "Tagged."
tags = ["flows", "gpu"]
[framework.facts]
first_release = "2016"
"""


@pytest.fixture
def small(write_toml: WriteToml) -> Catalog:
    result = load_paths([write_toml(CATALOG)])
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalog


def test_ranking_prefix_then_substrings_then_typos(small: Catalog) -> None:
    result = apply(small, Filters(text="flow"))
    assert [fw.id for fw in result.frameworks] == [
        "flowable",  # prefix
        "beta",  # substring (a tag), then
        "zeta-flow",  # substring (name): substrings in the chosen sort (name)
        "alpha",  # substring in the summary
        "folw",  # one typo
    ]
    tiers = [result.matches[fw.id].tier for fw in result.frameworks]
    assert tiers == sorted(tiers)
    assert tiers[0] is Tier.PREFIX and tiers[-1] is Tier.TYPO
    assert result.total == 5


def test_the_chosen_sort_orders_within_a_tier(small: Catalog) -> None:
    # Three summaries say "tool": one tier, ordered by the chosen sort.
    assert ids(small, text="tool") == ["alpha", "flowable", "folw"]
    assert ids(small, text="tool", sort="status") == ["alpha", "folw", "flowable"]
    assert ids(small, text="tool", sort="first_release") == ["flowable", "alpha", "folw"]


def test_name_spans_mark_the_matched_letters(small: Catalog) -> None:
    index = SearchIndex(small.frameworks)
    zeta = small.get("zeta-flow")
    assert zeta is not None
    match = match_all(index, zeta, "flow")
    assert match is not None and match.name_spans == ((5, 9),)
    folw = small.get("folw")
    assert folw is not None
    typo = match_all(index, folw, "flow")
    assert typo is not None and typo.name_spans == ((0, 4),)


def test_every_term_must_match(small: Catalog) -> None:
    assert ids(small, text="flow gpu") == ["beta"]
    assert ids(small, text="flow nothing-like-this") == []
    assert ids(small, text="   ") == ids(small)


def test_short_queries_forgive_no_typo(small: Catalog) -> None:
    assert ids(small, text="flw") == []  # three letters: no typo tolerance


def test_sort_by_name_first_release_and_status(small: Catalog) -> None:
    assert ids(small) == ["alpha", "beta", "flowable", "folw", "zeta-flow"]
    # Unknown last, dates by the day they start.
    assert ids(small, sort="first_release") == ["flowable", "beta", "alpha", "folw", "zeta-flow"]
    # active, maintenance, discontinued, merged, then unknown.
    assert ids(small, sort="status") == ["alpha", "folw", "flowable", "beta", "zeta-flow"]


def test_category_status_and_tag_filters(small: Catalog, bundled: Catalog) -> None:
    assert ids(small, categories=frozenset({"machine-learning"})) == ["alpha"]
    assert ids(small, statuses=frozenset({"unknown"})) == ["beta", "zeta-flow"]
    assert ids(small, statuses=frozenset({"active", "maintenance"})) == ["alpha", "folw"]
    assert ids(small, tags=frozenset({"gpu"})) == ["beta"]
    assert ids(small, tags=frozenset({"gpu"}), text="zeta-flow") == []

    def by_name(frameworks: Iterable[Framework]) -> list[str]:
        return [fw.id for fw in sorted(frameworks, key=lambda fw: (fw.name.casefold(), fw.id))]

    ml = frozenset({"machine-learning"})
    assert ids(bundled, categories=ml) == by_name(
        fw for fw in bundled if fw.category == "machine-learning"
    )
    # The article's four general machine-learning frameworks, its two dead ones
    # and its three NLP ones.
    assert ids(bundled, categories=ml, in_article=True) == [
        "mahout",
        "dmtk",
        "scikit-learn",
        "systemml",
    ]
    gone = frozenset({"discontinued"})
    assert ids(bundled, statuses=gone, view=View.ARTICLE) == ["pylearn2", "theano"]
    assert ids(bundled, statuses=gone) == by_name(
        fw for fw in bundled if bundled.status(fw) == "discontinued"
    )
    assert {"pylearn2", "theano"} <= set(ids(bundled, statuses=gone))
    nlp = frozenset({"nlp"})
    assert ids(bundled, tags=nlp, in_article=True) == ["chainer", "dynet", "gensim"]
    assert ids(bundled, tags=nlp) == by_name(fw for fw in bundled if "nlp" in fw.tags)


def test_status_filter_follows_the_view(write_toml: WriteToml) -> None:
    path = write_toml(
        """\
        schema_version = 1
        [catalog]
        base_source = "old"
        [sources.old]
        title = "Old"
        date = "2017"
        [[framework]]
        id = "alpha"
        name = "Alpha"
        category = "deep-learning"
        [framework.facts]
        status = [
          { value = "active", source = "old" },
          { value = "discontinued", as_of = "2020", source = "old" },
        ]
        """
    )
    catalog = load_paths([path]).catalog
    assert catalog is not None
    gone = frozenset({"discontinued"})
    assert ids(catalog, statuses=gone) == ["alpha"]
    assert ids(catalog, statuses=gone, view=View.ARTICLE) == []


def test_resolve_by_id_name_or_alias(bundled: Catalog) -> None:
    for wanted in ("paddle", "Paddle", "PaddlePaddle", "paddlepaddle", "PADDLE"):
        found = resolve_id(bundled, wanted)
        assert found is not None and found.id == "paddle", wanted
    assert resolve_id(bundled, "TF") is not None and resolve_id(bundled, "tf").id == "tensorflow"  # type: ignore[union-attr]
    assert resolve_id(bundled, "sklearn").id == "scikit-learn"  # type: ignore[union-attr]
    assert resolve_id(bundled, "pytroch") is None  # a typo is suggested, never guessed


@pytest.mark.parametrize(
    ("wanted", "first"),
    [
        ("kears", "keras"),
        ("pytroch", "pytorch"),
        ("tensorflw", "tensorflow"),
        ("theono", "theano"),
        ("PaddlePadle", "paddle"),
        ("sklearn2", "scikit-learn"),
        ("Microsoft DMKT", "dmtk"),
    ],
)
def test_suggestions_name_close_ids(bundled: Catalog, wanted: str, first: str) -> None:
    close = suggestions(bundled, wanted)
    assert close and close[0] == first
    assert len(close) <= 3


def test_a_close_id_or_name_outranks_a_near_miss_in_a_longer_alias(
    write_toml: WriteToml,
) -> None:
    # "Alpha Lite" is listed first by name and its alias starts with "zeta",
    # one typo from "zeat"; the framework called Zeta is still the better guess.
    path = write_toml(
        """\
        schema_version = 1
        [[framework]]
        id = "zeta"
        name = "Zeta"
        category = "deep-learning"
        [[framework]]
        id = "alpha-lite"
        name = "Alpha Lite"
        aliases = ["Zeta Lite"]
        category = "deep-learning"
        """
    )
    catalog = load_paths([path]).catalog
    assert catalog is not None
    assert suggestions(catalog, "zeat") == ["zeta", "alpha-lite"]
    assert suggestions(catalog, "zet") == ["zeta", "alpha-lite"]  # prefixes: the closer first
    assert suggestions(catalog, "zeta lit") == ["alpha-lite"]


def test_suggestions_ignore_summaries_and_tags(bundled: Catalog) -> None:
    assert suggestions(bundled, "kears") == ["keras"]  # not deeplearning4j (tag keras-backend)
    assert suggestions(bundled, "xyzzy") == []
    assert suggestions(bundled, "") == []


def test_next_in_cycle() -> None:
    assert next_in_cycle(("name", "first_release", "status"), "name") == "first_release"
    assert next_in_cycle(("name", "first_release", "status"), "status") == "name"
    assert next_in_cycle(("name", "status"), "other") == "name"


def test_filters_describe() -> None:
    filters = Filters(text="k", statuses=frozenset({"active"}), sort="first_release")
    assert filters.describe() == "text='k', status=active, sorted by first release"
