"""Loader errors one by one: code, file, line (and column), framework and field.

Every document here is loaded on its own (no bundled data), so the line
numbers are those of the text written in each test.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fwtui.catalog import load, load_paths
from fwtui.paths import DataFile
from fwtui.problems import CODES, Problem

WriteToml = Callable[..., Path]

# A valid document; tests append to it. Line 3 is the [[framework]] header,
# line 4 the id, line 6 the category.
BASE = """\
schema_version = 1

[[framework]]
id = "alpha"
name = "Alpha"
category = "deep-learning"
"""


def errors_of(path: Path, **kwargs: object) -> list[Problem]:
    result = load_paths([path], **kwargs)  # type: ignore[arg-type]
    assert result.catalog is None, "expected the document to be refused"
    assert result.errors, "a refused document must say why"
    for problem in result.problems:
        assert problem.code in CODES
    return list(result.errors)


def the_one(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, [p.format() for p in problems]
    return found[0]


def assert_place(
    problem: Problem,
    path: Path,
    line: int,
    column: int | None = None,
    framework: str | None = None,
    field: str | None = None,
) -> None:
    assert problem.file == str(path)
    assert problem.line == line, problem.format()
    if column is not None:
        assert problem.column == column, problem.format()
    assert problem.framework == framework, problem.format()
    assert problem.field == field, problem.format()


def test_the_base_document_is_valid(write_toml: WriteToml) -> None:
    result = load_paths([write_toml(BASE)])
    assert result.catalog is not None, [p.format() for p in result.problems]
    assert result.problems == ()
    assert [fw.id for fw in result.catalog] == ["alpha"]


def test_unknown_top_level_key_with_did_you_mean(write_toml: WriteToml) -> None:
    path = write_toml("schema_version = 1\nframwork = []\n")
    problem = the_one(errors_of(path), "E011")
    assert_place(problem, path, line=2, column=1, field="framwork")
    assert "framwork" in problem.message
    assert problem.hint == "did you mean 'framework'?"


def test_unknown_framework_key_with_did_you_mean(write_toml: WriteToml) -> None:
    path = write_toml(BASE + 'sumary = "A typo"\n')
    problem = the_one(errors_of(path), "E011")
    assert_place(problem, path, line=7, column=1, framework="alpha", field="sumary")
    assert problem.hint is not None and "'summary'" in problem.hint
    assert "framework 'alpha'" in problem.format()
    assert "did you mean 'summary'?" in problem.format()


def test_wrong_type_is_reported_once(write_toml: WriteToml) -> None:
    text = BASE.replace('name = "Alpha"', "name = 3")
    path = write_toml(text)
    problems = errors_of(path)
    problem = the_one(problems, "E012")
    assert_place(problem, path, line=5, column=1, framework="alpha", field="name")
    assert "expected a string, found an integer" in problem.message
    # The name was written, wrongly: not also "missing".
    assert not [p for p in problems if p.code == "E013"]


def test_wrong_type_for_a_list(write_toml: WriteToml) -> None:
    path = write_toml(BASE + 'tags = "python"\n')
    problem = the_one(errors_of(path), "E012")
    assert_place(problem, path, line=7, framework="alpha", field="tags")
    assert "array" in problem.message and "a string" in problem.message


def test_missing_id(write_toml: WriteToml) -> None:
    path = write_toml(BASE.replace('id = "alpha"\n', ""))
    problem = the_one(errors_of(path), "E013")
    assert_place(problem, path, line=3, column=1)
    assert "no id" in problem.message
    assert problem.hint == "add an id, e.g. id = 'alpha'"


def test_missing_name(write_toml: WriteToml) -> None:
    path = write_toml(BASE.replace('name = "Alpha"\n', ""))
    problem = the_one(errors_of(path), "E013")
    assert_place(problem, path, line=3, column=1, framework="alpha", field="name")


def test_missing_category(write_toml: WriteToml) -> None:
    path = write_toml(BASE.replace('category = "deep-learning"\n', ""))
    problem = the_one(errors_of(path), "E013")
    assert_place(problem, path, line=3, framework="alpha", field="category")
    assert problem.hint is not None and "deep-learning" in problem.hint


def test_bad_category(write_toml: WriteToml) -> None:
    path = write_toml(BASE.replace('"deep-learning"', '"deep-learnin"'))
    problem = the_one(errors_of(path), "E014")
    assert_place(problem, path, line=6, column=1, framework="alpha", field="category")
    assert "'deep-learnin'" in problem.message
    assert problem.hint is not None and "'deep-learning'" in problem.hint


def test_bad_slug(write_toml: WriteToml) -> None:
    path = write_toml(BASE.replace('id = "alpha"', 'id = "Alpha Beta"'))
    problem = the_one(errors_of(path), "E014")
    assert_place(problem, path, line=4, column=1, framework="Alpha Beta", field="id")
    assert problem.hint == "try 'alpha-beta'"


DATED = BASE.replace(
    "[[framework]]",
    '[[attributes]]\nkey = "first_release"\nkind = "date"\n\n[[framework]]',
)
# DATED: the [[framework]] header is now on line 7, its category on line 10.


@pytest.mark.parametrize("bad", ["2017-13", "Sept 2017", "2017-02-30", "17"])
def test_bad_date_in_a_fact(write_toml: WriteToml, bad: str) -> None:
    path = write_toml(DATED + f'\n[framework.facts]\nfirst_release = "{bad}"\n')
    problem = the_one(errors_of(path), "E014")
    assert_place(problem, path, line=13, column=1, framework="alpha", field="facts.first_release")
    assert repr(bad) in problem.message
    assert '"2017-09-28"' in problem.message  # says what was expected


def test_bad_date_in_history(write_toml: WriteToml) -> None:
    text = BASE + '\n[[framework.history]]\nevent = "Released"\ndate = "2017-13"\n'
    path = write_toml(text)
    problem = the_one(errors_of(path), "E014")
    assert_place(problem, path, line=10, column=1, framework="alpha", field="history[0].date")


def test_bad_url(write_toml: WriteToml) -> None:
    path = write_toml(BASE + 'homepage = "ftp://example.org"\n')
    problem = the_one(errors_of(path), "E014")
    assert_place(problem, path, line=7, column=1, framework="alpha", field="homepage")
    assert "http(s)://" in problem.message


def test_link_without_url(write_toml: WriteToml) -> None:
    path = write_toml(BASE + 'links = [{ label = "Docs" }]\n')
    problem = the_one(errors_of(path), "E013")
    assert_place(problem, path, line=7, framework="alpha", field="links[0]")


def test_duplicate_id_in_one_file(write_toml: WriteToml) -> None:
    text = (
        BASE + '\n[[framework]]\nid = "alpha"\nname = "Alpha again"\ncategory = "deep-learning"\n'
    )
    path = write_toml(text)
    problem = the_one(errors_of(path), "E020")
    assert_place(problem, path, line=9, column=1, framework="alpha", field="id")
    assert "first defined on line 4" in problem.message


TWO = """\
schema_version = 1

[[framework]]
id = "pytorch"
name = "PyTorch"
category = "deep-learning"

[[framework]]
id = "keras"
name = "Keras"
category = "deep-learning"
"""


def test_link_to_missing_id_with_did_you_mean(write_toml: WriteToml) -> None:
    path = write_toml(TWO + 'related = ["kears"]\n')
    problem = the_one(errors_of(path), "E021")
    assert_place(problem, path, line=12, column=12, framework="keras", field="related[0]")
    assert "'kears'" in problem.message
    assert problem.hint == "did you mean 'keras'?"


def test_link_by_name_hints_the_id(write_toml: WriteToml) -> None:
    path = write_toml(TWO + 'builds_on = ["theano", "PyTorch"]\n')
    problems = errors_of(path)
    assert len(problems) == 2
    by_field = {p.field: p for p in problems}
    assert by_field["builds_on[1]"].code == "E021"
    assert by_field["builds_on[1]"].line == 12
    assert by_field["builds_on[1]"].column == 24
    assert "'pytorch'" in (by_field["builds_on[1]"].hint or "")
    assert by_field["builds_on[0]"].code == "E021"


def test_related_by_name_hints_the_id(write_toml: WriteToml) -> None:
    path = write_toml(TWO + 'related = ["PyTorch"]\n')
    problem = the_one(errors_of(path), "E021")
    assert_place(problem, path, line=12, column=12, framework="keras", field="related[0]")
    assert problem.hint is not None and "'pytorch'" in problem.hint


def test_a_link_matched_only_by_name_or_alias(write_toml: WriteToml) -> None:
    text = TWO.replace('name = "PyTorch"', 'name = "Torch for Python"\naliases = ["PT2"]')
    path = write_toml(text + 'related = ["Torch for Python", "pt2"]\n')
    problems = errors_of(path)
    assert [p.hint for p in problems] == ["did you mean 'pytorch'?"] * 2


SOURCED = """\
schema_version = 1

[sources.article]
title = "Comparison of AI Frameworks"

[[framework]]
id = "alpha"
name = "Alpha"
category = "deep-learning"
"""


def test_unknown_source(write_toml: WriteToml) -> None:
    path = write_toml(SOURCED + 'sources = ["artcle"]\n')
    problem = the_one(errors_of(path), "E022")
    assert_place(problem, path, line=10, column=12, framework="alpha", field="sources[0]")
    assert problem.hint == "did you mean 'article'?"


def test_unknown_source_of_a_pro(write_toml: WriteToml) -> None:
    path = write_toml(SOURCED + 'pros = [{ text = "Fast", source = "blog" }]\n')
    problem = the_one(errors_of(path), "E022")
    assert_place(problem, path, line=10, framework="alpha", field="pros[0].source")


def test_fact_for_undeclared_attribute(write_toml: WriteToml) -> None:
    path = write_toml(BASE + '\n[framework.facts]\ncolour = "red"\n')
    problem = the_one(errors_of(path), "E023")
    assert_place(problem, path, line=9, column=1, framework="alpha", field="facts.colour")
    assert "[[attributes]]" in (problem.hint or "")


def test_enum_value_not_allowed(write_toml: WriteToml) -> None:
    path = write_toml(BASE + '\n[framework.facts]\nstatus = "activ"\n')
    problem = the_one(errors_of(path), "E014")
    assert_place(problem, path, line=9, column=1, framework="alpha", field="facts.status")
    assert "'activ'" in problem.message and "active" in problem.message
    assert problem.hint == "did you mean 'active'?"


def test_set_value_not_allowed(write_toml: WriteToml) -> None:
    declared = BASE.replace(
        "[[framework]]",
        '[[attributes]]\nkey = "graph"\nkind = "set"\nvalues = ["static", "dynamic"]\n\n'
        "[[framework]]",
    )
    path = write_toml(declared + '\n[framework.facts]\ngraph = ["static", "dynamik"]\n')
    problem = the_one(errors_of(path), "E014")
    assert_place(problem, path, line=14, framework="alpha", field="facts.graph")
    assert problem.hint == "did you mean 'dynamic'?"


def test_dated_fact_entry_value_not_allowed(write_toml: WriteToml) -> None:
    text = BASE + (
        '\n[framework.facts]\nstatus = [\n  { value = "active" },\n  { value = "gone", as_of = "2019" },\n]\n'
    )
    path = write_toml(text)
    problem = the_one(errors_of(path), "E014")
    assert problem.field == "facts.status[1].value"
    assert problem.line == 11


def test_toml_syntax_error_has_line_column_and_excerpt(write_toml: WriteToml) -> None:
    path = write_toml('schema_version = 1\n\n[[framework]]\nid = "alpha\nname = "Alpha"\n')
    problem = the_one(errors_of(path), "E003")
    assert problem.file == str(path)
    assert problem.line == 4
    assert problem.column is not None and problem.column > 1
    assert problem.excerpt == 'id = "alpha'
    lines = problem.format().splitlines()
    assert lines[0].startswith(f"{path}:4:{problem.column}: E003 TOML syntax error")
    assert "(at line" not in lines[0]  # the position is not repeated
    assert lines[1].strip() == 'id = "alpha'


def test_toml_error_at_end_of_document(write_toml: WriteToml) -> None:
    path = write_toml("schema_version = 1\n[framework")
    problem = the_one(errors_of(path), "E003")
    assert problem.line == 2


def test_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b"schema_version = 1\n# caf\xe9\n")
    problem = the_one(errors_of(path), "E002")
    assert (problem.file, problem.line, problem.column) == (str(path), 2, 6)
    assert "0xe9" in problem.message
    assert "\n" not in problem.format()


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert load_paths([path]).catalog is not None


@pytest.mark.parametrize("content", ["", "  \n\n\t\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.toml"
    path.write_text(content)
    problem = the_one(errors_of(path), "E004")
    assert problem.file == str(path)
    assert "empty" in problem.message
    assert "\n" not in problem.format()


def test_directory(tmp_path: Path) -> None:
    problem = the_one(errors_of(tmp_path), "E001")
    assert problem.file == str(tmp_path)
    assert "directory" in problem.message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    problem = the_one(errors_of(path), "E001")
    assert problem.file == str(path)
    assert "no such file" in problem.message


def test_no_permission(write_toml: WriteToml) -> None:
    path = write_toml(BASE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user chmod cannot lock out (root)")
        problem = the_one(errors_of(path), "E001")
        assert problem.file == str(path)
        assert "permission denied" in problem.message
    finally:
        path.chmod(0o644)


def test_file_too_large(write_toml: WriteToml) -> None:
    path = write_toml(BASE + "# padding\n" * 200)
    problem = the_one(errors_of(path, max_bytes=1024), "E005")
    assert problem.file == str(path)
    assert "over the limit" in problem.message
    assert "--max-data-mb" in (problem.hint or "")
    assert load_paths([path], max_bytes=1 << 20).catalog is not None


def test_endless_file_is_refused_not_read_forever(tmp_path: Path) -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    problem = the_one(errors_of(zero, max_bytes=4096), "E005")
    assert "over the limit" in problem.message


def test_missing_schema_version(write_toml: WriteToml) -> None:
    path = write_toml(BASE.replace("schema_version = 1\n", ""))
    problem = the_one(errors_of(path), "E010")
    assert (problem.file, problem.line) == (str(path), 1)


def test_unsupported_schema_version(write_toml: WriteToml) -> None:
    path = write_toml(BASE.replace("schema_version = 1", "schema_version = 2"))
    problem = the_one(errors_of(path), "E010")
    assert (problem.line, problem.column, problem.field) == (1, 1, "schema_version")


def test_every_problem_at_once_in_file_order(write_toml: WriteToml) -> None:
    text = BASE.replace('"deep-learning"', '"deep-learnin"') + (
        'sumary = "typo"\n\n[framework.facts]\ncolour = "red"\n'
    )
    path = write_toml(text)
    problems = errors_of(path)
    assert [(p.code, p.line) for p in problems] == [("E014", 6), ("E011", 7), ("E023", 10)]


def test_problems_of_several_files_are_all_reported(write_toml: WriteToml) -> None:
    first = write_toml(BASE + 'sumary = "x"\n', "first.toml")
    second = write_toml("schema_version = 1\n[[framework]]\nid = 3\n", "second.toml")
    missing = first.with_name("missing.toml")
    result = load([DataFile(p, "--data", True) for p in (first, second, missing)])
    assert result.catalog is None
    assert [(p.file, p.code) for p in result.errors] == [
        (str(first), "E011"),
        (str(second), "E012"),
        (str(missing), "E001"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "schema_version = 1\nframework = 'x'\n",
        "schema_version = 1\nframework = [1, 'x', []]\n",
        "schema_version = 1\nattributes = 3\nsources = []\ncatalog = 'x'\n",
        "schema_version = 1\n[catalog]\ndate = 2017\nbase_source = 'nowhere'\n",
        "schema_version = 1\n[sources.A]\ntitle = 3\n[sources.b]\nurl = 'x'\n",
        "schema_version = 1\n[[attributes]]\nkey = 'Bad Key'\nkind = 'colour'\n"
        "[[attributes]]\nkey = 'x'\nkind = 'enum'\n[[attributes]]\nkey = 'status'\n"
        "kind = 'enum'\nvalues = ['on']\norder = 'first'\n",
        "schema_version = 1\n[[framework]]\nid = 'a'\nname = {x = 1}\ncategory = []\n"
        "facts = 'x'\npros = [1, {text = 2}, {source = 'a'}]\nhistory = [{}, 3]\n"
        "links = ['x', {url = 1}]\nremove = 'yes'\nrelated = [1]\n",
        "schema_version = 1\n[[framework]]\nid = 'a'\nname = 'A'\ncategory = 'deep-learning'\n"
        "[framework.facts]\nstatus = [{}, {value = 1}, {value = 'active', as_of = 'x'}]\n"
        "first_release = 2017-01-02T03:04:05\n",
        "schema_version = true\n" + "[a]\n" * 3,
        "schema_version = 1\nx = " + "[" * 200 + "]" * 200 + "\n",
    ],
)
def test_bad_shapes_never_raise(write_toml: WriteToml, text: str) -> None:
    path = write_toml(text)
    result = load_paths([path])  # must not raise
    assert result.catalog is None
    for problem in result.errors:
        assert problem.code in CODES
        assert problem.file == str(path)
        assert problem.line is None or 1 <= problem.line <= len(text.splitlines()) + 1
        problem.format()


def test_strict_reports_records_without_a_source(write_toml: WriteToml) -> None:
    path = write_toml(BASE)
    assert load_paths([path]).problems == ()
    result = load_paths([path], strict=True)
    assert [p.code for p in result.problems] == ["W030"]
    assert result.catalog is not None  # a warning does not refuse the data


def test_positions_survive_tricky_toml(write_toml: WriteToml) -> None:
    path = write_toml(
        BASE
        + 'summary = """\n[[framework]]\nsumary = "not a key"\n"""\n'  # lines 7-10
        + "tags = ['a]', \"b\\\"]\", # comment ]\n  'c']\n"  # lines 11-12
        + '"sumary" = "quoted key"\n'  # line 13
        + 'facts.colour = "dotted"\n'  # line 14
        + 'pros = [\n  "fine",\n  { text = "x", sorce = "typo" },\n]\n'  # lines 15-18
    )
    problems = errors_of(path)
    assert [(p.code, p.line, p.field) for p in problems] == [
        ("E011", 13, "sumary"),
        ("E023", 14, "facts.colour"),
        ("E011", 17, "pros[1].sorce"),
    ]
    assert problems[2].column == 17


_FRAGMENTS = [
    "schema_version = 1\n",
    "schema_version = '1'\n",
    "[[framework]]\n",
    "[framework.facts]\n",
    "[[framework.history]]\n",
    "[[attributes]]\n",
    "[sources.a]\n",
    "[catalog]\n",
    'id = "a"\n',
    'id = "A b"\n',
    'name = "A"\n',
    "name = 1\n",
    'category = "deep-learning"\n',
    "category = []\n",
    'status = "x"\n',
    "status = [{ value = 1 }]\n",
    'date = "2017-13"\n',
    "date = 2017-01-01\n",
    'event = "e"\n',
    'key = "k"\nkind = "set"\n',
    "values = [1, 2]\n",
    'related = ["b"]\n',
    'pros = ["p", { text = 1 }]\n',
    "remove = true\n",
    'title = "t"\n',
    "x = {\n",
    "\x00",
    '"',
    "]]\n",
    "é\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25), st.binary(max_size=8))
def test_random_documents_never_raise(tmp_path_factory: Any, parts: list[str], tail: bytes) -> None:
    path = tmp_path_factory.mktemp("random") / "data.toml"
    data = "".join(parts).encode() + tail
    path.write_bytes(data)
    result = load_paths([path])  # never raises
    line_count = data.count(b"\n") + 1
    for problem in result.problems:
        assert problem.code in CODES
        assert problem.file == str(path)
        assert problem.line is None or 1 <= problem.line <= line_count, problem.format()
        problem.format()
    if result.catalog is None:
        assert result.errors
