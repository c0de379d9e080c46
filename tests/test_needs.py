"""Needs: parsing, evaluating, ranking and completing (fwtui.needs)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fwtui.catalog import load, load_paths
from fwtui.model import Catalog, View
from fwtui.needs import (
    Completion,
    Need,
    Outcome,
    Query,
    complete,
    completions,
    evaluate,
    parse_query,
    parse_tokens,
    rank,
    text_matches,
)
from fwtui.paths import DataFile, bundled_data
from fwtui.query import Filters

WriteToml = Callable[..., Path]

CATALOG = """\
schema_version = 1

[catalog]
base_source = "old"

[sources.old]
title = "The old survey"
date = "2017"

[sources.new]
title = "Later news"
date = "2020"

[[attributes]]
key = "api_languages"
label = "API languages"
kind = "list"
aliases = ["lang"]

[[attributes]]
key = "graph"
label = "Computation graph"
kind = "set"
values = ["static", "dynamic"]

[[attributes]]
key = "license"
label = "Licence"
kind = "text"
aliases = ["licence"]

[[attributes]]
key = "creator"
label = "Created by"
kind = "text"

[[attributes]]
key = "gpu"
label = "GPU support"
kind = "bool"

[[attributes]]
key = "first_release"
label = "First release"
kind = "date"

[[attributes]]
key = "accelerators"
label = "Accelerators"
kind = "set"
values = ["CUDA", "ROCm"]

[[framework]]
id = "alpha"
name = "Alpha"
category = "deep-learning"
[framework.facts]
status = "active"
api_languages = ["Python"]
graph = ["dynamic"]
license = "Apache-2.0"
creator = "Google Brain, with friends"
gpu = true
first_release = "2016"
accelerators = ["CUDA", "ROCm"]

[[framework]]
id = "beta"
name = "Beta"
category = "deep-learning"
[framework.facts]
status = [
  { value = "active", source = "old" },
  { value = "discontinued", source = "new" },
]
api_languages = ["Python", "Julia"]
graph = ["static"]
license = "MIT"
gpu = false
first_release = "2018"

[[framework]]
id = "gamma"
name = "Gamma"
category = "machine-learning"
[framework.facts]
status = "maintenance"
api_languages = ["C++"]

[[framework]]
id = "delta"
name = "Delta"
category = "deep-learning"
[framework.facts]
api_languages = ["Lua"]
license = "BSD-3-Clause"
first_release = "2019-03"

[[framework]]
id = "eta"
name = "Eta"
category = "deep-learning"
summary = "Built for fast training."
[framework.facts]
api_languages = ["Python"]
license = "MIT"

[[framework]]
id = "fastai"
name = "Fastai"
category = "deep-learning"
[framework.facts]
api_languages = ["Python"]
first_release = "2015"
"""


@pytest.fixture
def small(write_toml: WriteToml) -> Catalog:
    result = load_paths([write_toml(CATALOG)])
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalog


def one(text: str, catalog: Catalog) -> Need:
    query = parse_query(text, catalog)
    assert query.problems == (), [p.format() for p in query.problems]
    assert len(query.needs) == 1
    return query.needs[0]


def outcome(text: str, catalog: Catalog, fw_id: str, view: View = View.TODAY) -> Outcome:
    fw = catalog.get(fw_id)
    assert fw is not None
    verdicts = evaluate(catalog, fw, [one(text, catalog)], view)
    return verdicts.verdicts[0].outcome


# -- parsing -------------------------------------------------------------------


def test_needs_and_free_text_are_split(small: Catalog) -> None:
    query = parse_query("lang:python  graph:dynamic fast", small)
    assert query.ok and query.problems == ()
    assert [(n.key, n.name, n.values, n.negated) for n in query.needs] == [
        ("api_languages", "lang", ("python",), False),
        ("graph", "graph", ("dynamic",), False),
    ]
    assert query.text == "fast"
    lang = query.needs[0]
    assert query.source[lang.start : lang.end] == "lang:python"


@pytest.mark.parametrize("text", ["-status:discontinued", "status!=discontinued"])
def test_negation_in_both_forms(small: Catalog, text: str) -> None:
    need = one(text, small)
    assert (need.key, need.values, need.negated) == ("status", ("discontinued",), True)
    assert need.describe() == "not status = discontinued"
    assert need.token == "-status:discontinued"
    assert need.cli_token == "status!=discontinued"


def test_negating_twice_is_a_problem(small: Catalog) -> None:
    query = parse_query("-status!=active", small)
    assert query.needs == ()
    assert "negates twice" in query.problems[0].message


def test_several_values_mean_any_of_them(small: Catalog) -> None:
    need = one("lang:julia,lua", small)
    assert need.values == ("julia", "lua")
    assert need.describe() == "lang contains julia or lua"
    assert outcome("lang:julia,lua", small, "beta") is Outcome.MET
    assert outcome("lang:julia,lua", small, "delta") is Outcome.MET
    assert outcome("lang:julia,lua", small, "alpha") is Outcome.NOT_MET
    # Negated: none of them.
    assert outcome("lang!=julia,lua", small, "alpha") is Outcome.MET
    assert outcome("lang!=julia,lua", small, "beta") is Outcome.NOT_MET


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("licence:apache", "license"),
        ("LANG:Python", "api_languages"),
        ("api-languages:python", "api_languages"),
        ("First_Release:2016", "first_release"),
    ],
)
def test_aliases_case_and_dashes_in_keys(small: Catalog, text: str, key: str) -> None:
    assert one(text, small).key == key


def test_quoted_values_hold_spaces_and_commas(small: Catalog) -> None:
    need = one('creator:"google brain, with"', small)
    assert need.values == ("google brain, with",)
    assert outcome('creator:"google brain, with"', small, "alpha") is Outcome.MET
    # On the command line the shell has split the words already.
    query = parse_tokens(["creator:Google Brain", "fast"], small)
    assert [n.values for n in query.needs] == [("Google Brain",)]
    assert query.text == "fast"


def test_unknown_key_has_a_did_you_mean(small: Catalog) -> None:
    query = parse_query("lnag:python gpu:yes", small)
    assert [n.key for n in query.needs] == ["gpu"]
    (problem,) = query.problems
    assert problem.is_error and not query.ok
    assert problem.token == "lnag:python"
    assert problem.suggestions[0] == "lang:python"
    assert problem.format().endswith("did you mean lang:python?")
    assert query.source[problem.start : problem.end] == "lnag:python"


def test_unknown_key_keeps_the_negation_in_its_suggestion(small: Catalog) -> None:
    assert parse_query("-stauts:active", small).problems[0].suggestions == ("-status:active",)
    assert parse_query("stauts!=active", small).problems[0].suggestions == ("status!=active",)


def test_a_key_nothing_resembles_still_says_so(small: Catalog) -> None:
    (problem,) = parse_query("zzz:1", small).problems
    assert problem.is_error and "unknown key 'zzz'" in problem.message


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("status:actve", "status:active"),
        ("graph:dynamc", "graph:dynamic"),
        ("gpu:yse", "gpu:yes"),
        ("lang:pyhton", "lang:python"),
        ("lang:python,juila", "lang:python,julia"),
        # A value only another attribute takes: gpu is a bool, ROCm an accelerator.
        ("gpu:rocm", "accelerators:rocm"),
        ("hardware:rocm", "accelerators:rocm"),
    ],
)
def test_unknown_values_have_a_did_you_mean(small: Catalog, text: str, suggestion: str) -> None:
    query = parse_query(text, small)
    assert query.needs == ()
    (problem,) = query.problems
    assert problem.is_error
    assert suggestion in problem.suggestions, problem.format()


def test_a_bad_date_and_an_empty_value_are_problems(small: Catalog) -> None:
    assert "takes a date" in parse_query("first_release:soon", small).problems[0].message
    (problem,) = parse_query("graph:", small).problems
    assert "no value" in problem.message
    assert problem.suggestions[:2] == ("graph:static", "graph:dynamic")


def test_a_free_value_no_framework_has_is_kept_with_a_warning(small: Catalog) -> None:
    query = parse_query("lang:rust", small)
    assert query.ok
    (problem,) = query.problems
    assert not problem.is_error
    assert "rust" in problem.message
    assert [n.values for n in query.needs] == [("rust",)]
    ranking = rank(small, Filters(), query)
    assert ranking.meeting_all == ()


def test_a_token_with_a_colon_that_is_no_need_is_reported(small: Catalog) -> None:
    (problem,) = parse_query("c++:fast", small).problems
    assert "not a need" in problem.message


def test_without_removes_one_need(small: Catalog) -> None:
    query = parse_query("lang:python  fast -status:discontinued", small)
    assert query.without(query.needs[0]) == "fast -status:discontinued"
    assert query.without(query.needs[1]) == "lang:python  fast"


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("licence:apache", "licence contains apache"),
        ("graph:DYNAMIC", "graph includes dynamic"),
        ("accelerators:rocm,cuda", "accelerators includes ROCm or CUDA"),
        ("gpu:true", "gpu = yes"),
        ("first_release:>2017", "first_release > 2017"),
        ("first_release:2016..2018", "first_release from 2016 to 2018"),
        ("first_release:2016", "first_release in 2016"),
    ],
)
def test_describe(small: Catalog, text: str, described: str) -> None:
    assert one(text, small).describe() == described


# -- evaluating, kind by kind --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fw_id", "expected"),
    [
        # enum: one of the declared values, any case
        ("status:active", "alpha", Outcome.MET),
        ("status:ACTIVE", "gamma", Outcome.NOT_MET),
        ("status:active", "delta", Outcome.UNKNOWN),
        # set: the framework's set holds it
        ("graph:dynamic", "alpha", Outcome.MET),
        ("graph:dynamic", "beta", Outcome.NOT_MET),
        ("accelerators:rocm", "alpha", Outcome.MET),
        ("graph:dynamic", "gamma", Outcome.UNKNOWN),
        # list: a whole value or a word, any case
        ("lang:python", "alpha", Outcome.MET),
        ("lang:c++", "gamma", Outcome.MET),
        ("lang:julia", "gamma", Outcome.NOT_MET),
        ("lang:lua", "alpha", Outcome.NOT_MET),
        # text: a word, or a substring from three letters on
        ("license:apache", "alpha", Outcome.MET),
        ("license:bsd", "delta", Outcome.MET),
        ("license:bsd-3", "delta", Outcome.MET),
        ("license:apache", "beta", Outcome.NOT_MET),
        ("license:mit", "gamma", Outcome.UNKNOWN),
        # bool
        ("gpu:yes", "alpha", Outcome.MET),
        ("gpu:no", "beta", Outcome.MET),
        ("gpu:true", "beta", Outcome.NOT_MET),
        ("gpu:yes", "gamma", Outcome.UNKNOWN),
        # date
        ("first_release:2016", "alpha", Outcome.MET),
        ("first_release:>2017", "beta", Outcome.MET),
        ("first_release:>2017", "alpha", Outcome.NOT_MET),
        ("first_release:<2017", "alpha", Outcome.MET),
        ("first_release:>=2018", "beta", Outcome.MET),
        ("first_release:<=2018", "beta", Outcome.MET),
        ("first_release:2016..2018", "beta", Outcome.MET),
        ("first_release:2017..", "delta", Outcome.MET),
        ("first_release:..2016", "delta", Outcome.NOT_MET),
        ("first_release:>2019-02", "delta", Outcome.MET),
        # the data says "2018": neither in nor out of "after June 2018"
        ("first_release:>2018-06", "beta", Outcome.UNKNOWN),
        ("first_release:2018-03", "beta", Outcome.UNKNOWN),
        ("first_release:2019", "gamma", Outcome.UNKNOWN),
    ],
)
def test_each_kind(small: Catalog, text: str, fw_id: str, expected: Outcome) -> None:
    assert outcome(text, small, fw_id) is expected


def test_unknown_is_never_met_even_negated(small: Catalog) -> None:
    assert outcome("graph:dynamic", small, "gamma") is Outcome.UNKNOWN
    assert outcome("-graph:dynamic", small, "gamma") is Outcome.UNKNOWN
    assert outcome("graph!=static", small, "gamma") is Outcome.UNKNOWN
    fw = small.get("gamma")
    assert fw is not None
    verdicts = evaluate(small, fw, parse_query("graph:dynamic gpu:yes", small).needs)
    assert (verdicts.met, verdicts.unknown, verdicts.meets_all) == (0, 2, False)


def test_the_verdict_carries_the_deciding_fact(small: Catalog) -> None:
    fw = small.get("beta")
    assert fw is not None
    (verdict,) = evaluate(small, fw, parse_query("status:active", small).needs)
    assert verdict.outcome is Outcome.NOT_MET
    assert verdict.fact is not None
    assert (verdict.fact.value, verdict.fact.source) == ("discontinued", "new")


def test_text_matches() -> None:
    assert text_matches("apache", "Apache-2.0")
    assert text_matches("APACHE-2.0", "Apache-2.0")
    assert text_matches("c", "C/C++")
    assert not text_matches("c", "C++")
    assert not text_matches("py", "Python")  # too short for a substring
    assert text_matches("pyth", "Python")
    assert not text_matches("", "Python")


# -- ranking -------------------------------------------------------------------


def test_ranking_order_met_then_unknowns_then_name(small: Catalog) -> None:
    query = parse_query("lang:python graph:dynamic gpu:yes", small)
    ranking = rank(small, Filters(), query)
    assert [e.framework.id for e in ranking.entries] == [
        "alpha",  # 3 met
        "beta",  # 1 met, 0 unknown
        "eta",  # 1 met, 2 unknown; Eta before Fastai by name
        "fastai",
        "delta",  # 0 met, 2 unknown: Delta before Gamma
        "gamma",
    ]
    assert [(e.met, e.unknown, e.total) for e in ranking.entries][:3] == [
        (3, 0, 3),
        (1, 0, 3),
        (1, 2, 3),
    ]
    assert ranking.meeting_all == (small.get("alpha"),)
    assert ranking.divider == 1
    assert ranking.total == 6
    beta = ranking.verdicts("beta")
    assert beta is not None
    assert [v.outcome for v in beta] == [Outcome.MET, Outcome.NOT_MET, Outcome.NOT_MET]


def test_needs_rank_they_do_not_hide(small: Catalog) -> None:
    ranking = rank(small, Filters(), parse_query("lang:cobol", small))
    assert len(ranking.entries) == 6
    assert ranking.divider == 0
    assert ranking.meeting_all_only().entries == ()
    assert ranking.meeting_all_only().unmet_hidden


def test_the_chosen_sort_breaks_ties(small: Catalog) -> None:
    query = parse_query("lang:python graph:dynamic gpu:yes", small)
    by_release = rank(small, Filters(sort="first_release"), query)
    ids = [e.framework.id for e in by_release.entries]
    assert ids.index("fastai") < ids.index("eta")  # 2015 before unknown
    by_name = rank(small, Filters(sort="name"), query)
    ids = [e.framework.id for e in by_name.entries]
    assert ids.index("eta") < ids.index("fastai")


def test_text_relevance_comes_after_needs(small: Catalog) -> None:
    # "fast": a prefix of Fastai, only in Eta's summary; both meet lang:python.
    ranking = rank(small, Filters(), parse_query("lang:python fast", small))
    assert [e.framework.id for e in ranking.entries] == ["fastai", "eta"]
    assert ranking.query.text == "fast"
    entry = ranking.verdicts("fastai")
    assert entry is not None and entry.match is not None
    # Needs first: Eta meets license:mit, Fastai's licence is unknown.
    ranking = rank(small, Filters(), parse_query("license:mit fast", small))
    assert [e.framework.id for e in ranking.entries] == ["eta", "fastai"]
    # Then unknowns: Fastai's first release is known (and not 2016), Eta's is not.
    ranking = rank(small, Filters(), parse_query("first_release:2016 fast", small))
    assert [(e.framework.id, e.met, e.unknown) for e in ranking.entries] == [
        ("fastai", 0, 0),
        ("eta", 0, 1),
    ]


def test_filters_combine_with_needs(small: Catalog) -> None:
    query = parse_query("lang:python", small)
    ranking = rank(small, Filters(categories=frozenset({"machine-learning"})), query)
    assert [e.framework.id for e in ranking.entries] == ["gamma"]
    ranking = rank(small, Filters(statuses=frozenset({"active"})), query)
    assert [e.framework.id for e in ranking.entries] == ["alpha"]
    ranking = rank(small, Filters(active_today=True, view=View.ARTICLE), query)
    assert [e.framework.id for e in ranking.entries] == ["alpha"]


def test_rank_parses_the_filter_text_when_no_query_is_given(small: Catalog) -> None:
    ranking = rank(small, Filters(text="fast lang:python lnag:x"))
    assert [n.key for n in ranking.needs] == ["api_languages"]
    assert ranking.query.text == "fast"
    assert len(ranking.query.errors) == 1
    assert [e.framework.id for e in ranking.entries] == ["fastai", "eta"]


def test_no_needs_is_the_plain_filtered_list(small: Catalog) -> None:
    ranking = rank(small, Filters(sort="first_release"), Query())
    assert ranking.divider is None
    assert all(e.meets_all for e in ranking.entries)
    assert [e.framework.id for e in ranking.entries][:3] == ["fastai", "alpha", "beta"]


def test_needs_follow_the_view(small: Catalog) -> None:
    query = parse_query("status:active", small)
    today = rank(small, Filters(view=View.TODAY), query)
    then = rank(small, Filters(view=View.ARTICLE), query)
    assert [fw.id for fw in today.meeting_all] == ["alpha"]
    assert [fw.id for fw in then.meeting_all] == ["alpha", "beta"]
    verdict = then.verdicts("beta")
    assert verdict is not None
    assert verdict.verdicts[0].fact is not None
    assert verdict.verdicts[0].fact.source == "old"
    assert outcome("status:active", small, "beta", View.ARTICLE) is Outcome.MET
    assert outcome("status:active", small, "beta", View.TODAY) is Outcome.NOT_MET


def test_the_bundled_catalog_answers_the_issue(bundled: Catalog) -> None:
    query = parse_query("lang:python status:active graph:dynamic onnx_export:yes", bundled)
    assert query.problems == ()
    ranking = rank(bundled, Filters(), query)
    assert ranking.entries[0].framework.id == "pytorch"
    assert ranking.entries[0].meets_all
    # The issue's own example: gpu is an alias of the accelerator back-ends.
    query = parse_query("lang:python graph:dynamic status:active license:apache gpu:rocm", bundled)
    assert query.problems == ()
    assert [n.key for n in query.needs][-1] == "accelerators"
    assert len(query.needs) == 5


# -- an attribute added in TOML ---------------------------------------------------

OVERLAY = """\
schema_version = 1

[[attributes]]
key = "mascot"
label = "Mascot"
kind = "enum"
values = ["flame", "owl", "none"]
aliases = ["animal"]

[[attributes]]
key = "tested_on_arm"
label = "Tested on ARM"
kind = "bool"

[[framework]]
id = "pytorch"
[framework.facts]
mascot = "flame"
tested_on_arm = true

[[framework]]
id = "keras"
[framework.facts]
mascot = "none"
"""


def test_an_attribute_added_in_toml_is_queryable(write_toml: WriteToml) -> None:
    overlay = write_toml(OVERLAY, "mine.toml")
    result = load([DataFile(bundled_data(), "bundled", True), DataFile(overlay, "--data", True)])
    catalog = result.catalog
    assert catalog is not None, [p.format() for p in result.problems]
    query = parse_query("animal:flame tested_on_arm:yes", catalog)
    assert query.problems == ()
    ranking = rank(catalog, Filters(), query)
    assert [fw.id for fw in ranking.meeting_all] == ["pytorch"]
    keras = ranking.verdicts("keras")
    assert keras is not None
    assert [v.outcome for v in keras] == [Outcome.NOT_MET, Outcome.UNKNOWN]
    assert parse_query("mascot:flme", catalog).problems[0].suggestions == ("mascot:flame",)
    assert complete("masc", 4, catalog) == ["mascot:"]
    assert complete("mascot:", 7, catalog) == ["flame", "owl", "none"]
    assert complete("tested_on_arm:", 14, catalog) == ["yes", "no"]


# -- completion ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cursor", "expected"),
    [
        ("la", 2, ["lang:"]),
        ("lic", 3, ["license:", "licence:"]),
        ("fast gr", 7, ["graph:"]),
        ("-st", 3, ["status:"]),
        ("graph:", 6, ["static", "dynamic"]),
        ("graph:d", 7, ["dynamic"]),
        ("graph:static,", 13, ["dynamic"]),  # what is typed is not offered again
        ("accelerators:r", 14, ["ROCm"]),
        ("status!=dis", 11, ["discontinued"]),
        ("gpu:", 4, ["yes", "no"]),
        ("lang:", 5, ["C++", "Julia", "Lua", "Python"]),
        ("creator:goo", 11, ['"Google Brain, with friends"']),
        ("lang:py graph", 7, ["Python"]),  # the cursor decides, not the end
        # Nothing to offer: Tab moves focus.
        ("", 0, []),
        ("fast ", 5, []),
        ("fastai", 6, []),
        ("status:active", 13, []),
        ("nokey:", 6, []),
        ("first_release:", 14, []),
    ],
)
def test_completion(small: Catalog, text: str, cursor: int, expected: list[str]) -> None:
    assert complete(text, cursor, small) == expected


def test_completion_says_what_to_replace(small: Catalog) -> None:
    found = completions("fast -gr", 8, small)
    assert found == Completion(6, 8, ("graph:",))
    assert found.apply("fast -gr", "graph:") == ("fast -graph:", 12)
    found = completions("lang:python,j x", 13, small)
    assert found.candidates == ("Julia",)
    assert found.apply("lang:python,j x", "Julia") == ("lang:python,Julia x", 17)
    # A completed value parses as a need.
    text, _ = found.apply("lang:python,j x", "Julia")
    assert [n.values for n in parse_query(text, small).needs] == [("python", "Julia")]
