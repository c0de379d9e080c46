"""The command line, in-process: every command, option and format."""

from __future__ import annotations

import csv
import errno
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fwtui import __version__
from fwtui import cli as fwtui_cli
from fwtui.model import STATUSES, Catalog, Framework, PartialDate, View
from fwtui.paths import bundled_data, output_schema

WriteToml = Callable[..., Path]
Cli = Callable[..., Any]


def table_rows(out: str) -> list[list[str]]:
    """The data rows of a plain-text table (after the header rule)."""
    lines = out.splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line.strip()) == {"─"})
    return [line.split() for line in lines[rule + 1 :] if line.strip()]


def by_name(frameworks: Any) -> list[str]:
    """Ids in the default order: by name, any case."""
    return [fw.id for fw in sorted(frameworks, key=lambda fw: (fw.name.casefold(), fw.id))]


def released(catalog: Catalog, fw: Framework, view: View = View.TODAY) -> PartialDate | None:
    value = fw.fact("first_release", view, catalog.cutoff)
    return value.value if value is not None and isinstance(value.value, PartialDate) else None


# -- list ----------------------------------------------------------------------


def test_list_everything(cli: Cli, bundled: Catalog) -> None:
    result = cli("list")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "Name", "Category", "Status", "First", "release"]
    rows = table_rows(result.out)
    assert len(rows) == len(bundled)
    assert [row[0] for row in rows] == by_name(bundled)
    assert ["keras", "Keras", "deep-learning", "active", "unknown"] in rows
    assert ["pytorch", "PyTorch", "deep-learning", "active", "2017-01"] in rows
    assert "\x1b" not in result.out  # captured: not a terminal, so no colour


def test_list_text_filter(cli: Cli) -> None:
    rows = table_rows(cli("list", "kears").out)
    assert rows[0][0] == "keras"
    assert [r[0] for r in table_rows(cli("list", "dynamic", "graph").out)] == [
        "chainer",
        "dynet",
        "gluon",
        "pytorch",
        "tensorflow",
    ]
    nothing = cli("list", "ptrch")
    assert nothing.code == 0
    assert table_rows(nothing.out) == []


def test_list_filters_and_sort(cli: Cli, bundled: Catalog) -> None:
    def listed(*args: str) -> list[str]:
        result = cli("list", *args, "--format", "csv")
        assert result.code == 0, result.err
        return [row[0] for row in csv.reader(io.StringIO(result.out))][1:]

    def status(fid: str, view: View = View.TODAY) -> str:
        record = bundled.get(fid)
        assert record is not None
        return bundled.status(record, view)

    machine_learning = [fw for fw in bundled if fw.category == "machine-learning"]
    assert listed("--category", "machine-learning") == by_name(machine_learning)
    # The article's four general machine-learning frameworks.
    assert listed("--category", "machine-learning", "--in-article") == [
        "mahout",
        "dmtk",
        "scikit-learn",
        "systemml",
    ]
    assert listed("-c", "machine-learning", "-c", "deep-learning") == listed()
    for wanted in ("discontinued", "unknown"):
        assert listed("--status", wanted) == by_name(
            fw for fw in bundled if bundled.status(fw) == wanted
        )
    assert {"pylearn2", "theano"} <= set(listed("--status", "discontinued"))
    nlp = by_name(fw for fw in bundled if "nlp" in (t.casefold() for t in fw.tags))
    assert {"chainer", "dynet", "gensim"} <= set(nlp)
    assert listed("--tag", "NLP") == nlp
    assert listed("--tag", "nlp", "--tag", "lua") == by_name(
        fw for fw in bundled if {"nlp", "lua"} & {t.casefold() for t in fw.tags}
    )
    assert listed("--tag", "NLP", "--in-article") == ["chainer", "dynet", "gensim"]
    # First release: known dates oldest first, then the unknown ones by name.
    by_release = listed("--sort", "first_release")
    dated = sorted(
        (fw for fw in bundled if released(bundled, fw)),
        key=lambda fw: (released(bundled, fw).start, fw.name.casefold()),  # type: ignore[union-attr]
    )
    assert by_release == [fw.id for fw in dated] + by_name(
        fw for fw in bundled if not released(bundled, fw)
    )
    # The article dates two first releases: PyTorch (January) and Gluon (October 2017).
    assert listed("--as-of", "article", "--in-article", "--sort", "first_release")[:2] == [
        "pytorch",
        "gluon",
    ]
    # By status, in the order of STATUSES: unknown last, ties by name.
    by_status = listed("--sort", "status")
    ranks = [STATUSES.index(status(fid)) for fid in by_status]
    assert ranks == sorted(ranks)
    assert sorted(by_status) == sorted(fw.id for fw in bundled)
    for wanted in STATUSES:
        group = [fid for fid in by_status if status(fid) == wanted]
        assert group == listed("--status", wanted), wanted
    assert status(by_status[-1]) == "unknown"
    # The article's view: only Pylearn2 (dead by March 2016) and Theano were over.
    assert listed("--as-of", "article", "--status", "discontinued") == ["pylearn2", "theano"]
    assert listed("--as-of", "article", "--sort", "status")[-1] in listed(
        "--as-of", "article", "--status", "unknown"
    )
    assert listed("python", "--category", "machine-learning", "--in-article") == ["scikit-learn"]
    python_ml = listed("python", "--category", "machine-learning")
    assert "scikit-learn" in python_ml
    assert set(python_ml) <= {fw.id for fw in machine_learning}


def test_list_keeps_one_line_per_framework(
    cli: Cli, bundled: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A known terminal width: long names give way with "…", ids never do.
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli("list").out.splitlines()
    assert len(lines) == 2 + len(bundled)
    assert max(len(line) for line in lines) <= 80
    assert sorted(line.split()[0] for line in lines[2:]) == sorted(fw.id for fw in bundled)
    names = {fw.id: fw.name for fw in bundled}
    for line in lines[2:]:
        fid, rest = line.split(maxsplit=1)
        shown = rest.split("  ")[0]
        assert shown == names[fid] or names[fid].startswith(shown.removesuffix("…")), line
    # Too narrow even for that: cells fold, and the table still fits.
    monkeypatch.setenv("COLUMNS", "60")
    lines = cli("list").out.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert "…" not in "\n".join(lines)


def test_list_bad_option_is_a_usage_error(cli: Cli) -> None:
    result = cli("list", "--status", "dead")
    assert result.code == 2
    assert "invalid choice: 'dead'" in result.err
    assert result.out == ""


# -- show ----------------------------------------------------------------------


def test_show(cli: Cli, bundled: Catalog) -> None:
    # The article's view: its values, its notes, unknown where it gives none.
    result = cli("show", "keras", "--as-of", "article")
    assert (result.code, result.err) == (0, "")
    out = result.out
    assert out.startswith("Keras  (keras, deep-learning)\n")
    assert (
        "Back-ends                  Theano, TensorFlow, Deeplearning4j  (CNTK back-end to come)"
        in out
    )
    assert "Licence                    unknown" in out
    assert "  + Intuitive API inspired by Torch  (the article, late 2017)" in out
    assert "Cons\n  none recorded" in out
    assert "Builds on: theano, tensorflow" in out
    assert "Sources: the article, late 2017" in out
    # Today's view (the default): the latest values, each point with its source.
    result = cli("show", "keras")
    assert (result.code, result.err) == (0, "")
    out = result.out
    assert out.startswith("Keras  (keras, deep-learning)\n")
    assert "Back-ends                  JAX, TensorFlow, PyTorch  (Keras 3" in out
    assert "Licence                    Apache-2.0" in out
    assert "  + Intuitive API inspired by Torch  (the article, late 2017)" in out
    later = bundled.attribution("keras-repo")
    assert "  + Keras 3 runs the same model code on JAX, TensorFlow or PyTorch" in out
    assert f"back-end  ({later})\n" in out
    assert "Cons\n  none recorded" not in out
    assert (
        f"  - Keras 3 targets Linux and macOS; Windows users are advised to use WSL2  ({later})"
        in out
    )
    assert "Builds on: theano, tensorflow" in out
    assert "Sources: the article, late 2017, " in out


def test_show_marks_shared_points_and_history(cli: Cli) -> None:
    out = cli("show", "pytorch").out
    assert "  - Spotty documentation  (the article, late 2017; shared with torch)" in out
    assert "  2017-01    Open-sourced by Facebook" in out
    out = cli("show", "theano").out
    assert "2017-09-28 Yoshua Bengio announces" in out


def test_show_by_name_or_alias(cli: Cli) -> None:
    for wanted in ("PaddlePaddle", "paddlepaddle", "Paddle", "TF", "sklearn"):
        result = cli("show", wanted)
        assert result.code == 0, (wanted, result.err)


def test_unknown_id_suggests_close_ids(cli: Cli) -> None:
    result = cli("show", "kears")
    assert result.code == 2
    assert result.out == ""
    assert result.err == "fwtui: no framework 'kears'; did you mean keras? (see `fwtui list`)\n"
    result = cli("compare", "pytorch", "tensorflw")
    assert result.code == 2
    assert "; did you mean tensorflow" in result.err  # the closest comes first
    result = cli("show", "zzzzzz")
    assert result.err == "fwtui: no framework 'zzzzzz' (see `fwtui list`)\n"


# -- compare -------------------------------------------------------------------


def test_compare_two(cli: Cli) -> None:
    result = cli("compare", "pytorch", "tensorflow")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0].split() == ["PyTorch", "TensorFlow"]
    graph = next(line for line in lines if "Computation graph" in line)
    # TensorFlow 2 added eager execution to its graphs: still not PyTorch's set.
    assert graph.split() == ["≠", "Computation", "graph", "dynamic", "static,", "dynamic"]
    status = next(line for line in lines if "Status" in line)
    assert status.split() == ["Status", "active", "active"]  # same: not marked
    assert any(line.split()[:3] == ["Pros", "+", "Lots"] for line in lines)
    # Every fact row is marked exactly when its values differ.
    doc = json.loads(cli("compare", "pytorch", "tensorflow", "-f", "json").out)
    assert any(row["differs"] for row in doc["rows"])
    assert any(not row["differs"] for row in doc["rows"])
    for row in doc["rows"]:
        (line,) = [line for line in lines if line[2:].startswith(row["label"] + "  ")]
        assert line.startswith("≠ " if row["differs"] else "  "), row["label"]
    # The article's view compares the article's values.
    then = cli("compare", "pytorch", "tensorflow", "--as-of", "article").out.splitlines()
    graph = next(line for line in then if "Computation graph" in line)
    assert graph.split() == ["≠", "Computation", "graph", "dynamic", "static"]


def test_compare_three_and_eight(cli: Cli) -> None:
    three = cli("compare", "pytorch", "tensorflow", "theano", "--format", "csv")
    assert three.code == 0
    header = next(csv.reader(io.StringIO(three.out)))
    assert header == ["section", "label", "differs", "PyTorch", "TensorFlow", "Theano"]
    ids = ["pytorch", "torch", "tensorflow", "caffe", "theano", "caffe2", "cntk", "chainer"]
    eight = cli("compare", *ids, "--format", "json")
    assert eight.code == 0
    assert json.loads(eight.out)["frameworks"] == ids


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (["keras"], "fwtui: compare needs at least 2 different frameworks\n"),
        (["keras", "Keras"], "fwtui: compare needs at least 2 different frameworks\n"),
        (
            [
                "pytorch",
                "torch",
                "tensorflow",
                "caffe",
                "theano",
                "caffe2",
                "cntk",
                "chainer",
                "dsstne",
            ],
            "fwtui: compare shows at most 8 frameworks, 9 given\n",
        ),
    ],
)
def test_compare_needs_two_to_eight(cli: Cli, ids: list[str], message: str) -> None:
    result = cli("compare", *ids)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_compare_without_ids_is_a_usage_error(cli: Cli) -> None:
    result = cli("compare")
    assert result.code == 2
    assert "ID" in result.err


def _markdown_rows(out: str) -> list[list[str]]:
    """The cells of a Markdown table's body rows."""
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in out.splitlines()[2:]
        if line.startswith("| ")
    ]


def test_compare_differences_only(cli: Cli) -> None:
    args = ("compare", "pytorch", "tensorflow", "--format", "markdown")
    full = cli(*args).out
    diff = cli(*args, "--differences").out
    then = cli(*args, "--as-of", "article", "--differences").out
    assert "| ≠ Computation graph | dynamic | static, dynamic |" in full
    assert "|   Status | active | active |" in full
    assert "| ≠ Computation graph | dynamic | static |" in then
    for table in (full, diff, then):
        assert table.rstrip().endswith("≠ marks facts that differ; + pro, - con.")
    facts = {
        row[0]: row for row in _markdown_rows(full) if row[0] and row[0] not in ("Pros", "Cons")
    }
    assert any(label.startswith("≠ ") for label in facts)
    same = [label for label in facts if not label.startswith("≠ ")]
    assert "Status" in same and "Commercial support" in same
    # Differences only: exactly the ≠ rows of the full table, then pros and cons.
    kept = [row for row in _markdown_rows(diff) if row[0] and row[0] not in ("Pros", "Cons")]
    assert kept == [row for label, row in facts.items() if label.startswith("≠ ")]
    assert not set(same) & {row[0] for row in _markdown_rows(diff)}
    assert _markdown_rows(diff)[len(kept) :] == _markdown_rows(full)[len(facts) :]
    assert "+ Lots of modular pieces" in diff  # pros and cons stay
    assert "- Spotty documentation" in diff
    short = cli("compare", "pytorch", "tensorflow", "-d", "-f", "json")
    doc = json.loads(short.out)
    assert doc["differences_only"] is True
    assert doc["rows"]
    assert all(row["differs"] for row in doc["rows"])
    assert [row["label"] for row in doc["rows"]] == [
        label[2:] for label in facts if label[0] == "≠"
    ]


def test_compare_as_of_article(cli: Cli, write_toml: WriteToml) -> None:
    later = write_toml(
        """
        schema_version = 1
        [sources.news]
        title = "Later news"
        date = "2019-12"
        [[framework]]
        id = "chainer"
        [framework.facts]
        status = [
          { value = "active", source = "article" },
          { value = "maintenance", source = "news" },
        ]
        """
    )
    today = json.loads(cli("--data", later, "compare", "chainer", "dynet", "-f", "json").out)
    then = json.loads(
        cli("--data", later, "compare", "chainer", "dynet", "--as-of", "article", "-f", "json").out
    )
    assert (today["view"], then["view"]) == ("today", "article")
    assert today["rows"][0]["values"][0]["value"] == "maintenance"
    assert then["rows"][0]["values"][0]["value"] == "active"
    assert today["rows"][0]["differs"] and not then["rows"][0]["differs"]
    table = cli("--as-of", "article", "--data", later, "list", "chainer").out
    assert table_rows(table)[0][3] == "active"


# -- formats -------------------------------------------------------------------

COMMANDS = [["list"], ["show", "keras"], ["compare", "pytorch", "tensorflow", "theano"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_every_format(cli: Cli, command: list[str], fmt: str) -> None:
    result = cli(*command, "--format", fmt)
    assert (result.code, result.err) == (0, "")
    out = result.out
    assert out.endswith("\n") and "\x1b" not in out
    if fmt == "json":
        doc = json.loads(out)
        assert doc["format"] == f"fwtui.{command[0]}"
        assert doc["version"] == 1
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(r) for r in rows}) == 1  # a rectangle
        assert len(rows) > 3
    elif fmt == "markdown":
        assert out.startswith("# Keras\n") if command[0] == "show" else out.startswith("| ")
        assert "|---|" in out
    else:
        assert "─" in out or command[0] == "show"
    assert "Keras" in out or "PyTorch" in out


def test_json_points_say_whether_the_article_view_shows_them(cli: Cli, bundled: Catalog) -> None:
    doc = json.loads(cli("show", "pytorch", "-f", "json").out)
    pros = {p["text"]: p for p in doc["framework"]["pros"]}
    article = pros["Lots of modular pieces that are easy to combine"]
    assert (article["source"], article["in_article_view"]) == ("article", True)
    later = next(p for p in pros.values() if p["text"].startswith("torch.compile (2.0)"))
    assert bundled.sources[later["source"]].date == PartialDate(2023, 3, 15)
    assert later["in_article_view"] is False
    # Whatever the view, every point is there, each saying where it belongs.
    then = json.loads(cli("show", "pytorch", "--as-of", "article", "-f", "json").out)
    assert then["framework"]["pros"] == doc["framework"]["pros"]
    for point in (*doc["framework"]["pros"], *doc["framework"]["cons"]):
        expected = bundled.source_in_view(point["source"], View.ARTICLE)
        assert point["in_article_view"] is expected, point["text"]
    # The text formats of the article's view show exactly the points marked so.
    shown = cli("show", "pytorch", "--as-of", "article").out
    assert "+ Lots of modular pieces that are easy to combine" in shown
    assert "+ torch.compile (2.0)" not in shown
    compared = json.loads(cli("compare", "pytorch", "keras", "-f", "json").out)
    marks = {p["text"]: p["in_article_view"] for col in compared["pros"] for p in col}
    assert marks["Intuitive API inspired by Torch"] is True
    assert marks[later["text"]] is False


def test_short_format_option(cli: Cli) -> None:
    assert cli("show", "keras", "-f", "json").out == cli("show", "keras", "--format", "json").out


def test_csv_cells_cannot_start_formulas(cli: Cli, write_toml: WriteToml) -> None:
    path = write_toml(
        'schema_version = 1\n[[framework]]\nid = "calc"\nname = "=HYPERLINK(1)"\n'
        'category = "deep-learning"\n'
    )
    out = cli("--data", path, "list", "calc", "-f", "csv").out
    assert list(csv.reader(io.StringIO(out)))[1][1] == "'=HYPERLINK(1)"


# -- validate ------------------------------------------------------------------


def test_validate_the_data_in_use(cli: Cli, bundled: Catalog) -> None:
    result = cli("validate")
    assert result.code == 0
    assert result.out == f"fwtui: 1 file OK ({bundled_data()}); {len(bundled)} frameworks\n"


def test_validate_a_good_file(cli: Cli, write_toml: WriteToml, bundled: Catalog) -> None:
    path = write_toml('schema_version = 1\n[[framework]]\nid = "keras"\nsummary = "An overlay."\n')
    result = cli("validate", path)
    assert result.code == 0, result.out
    # The overlay updates a record: the merged catalog has no more and no fewer.
    assert result.out == f"fwtui: 1 file OK ({path}); {len(bundled)} frameworks\n"
    assert cli("validate", bundled_data()).code == 0


def test_validate_a_broken_file(cli: Cli, write_toml: WriteToml) -> None:
    path = write_toml(
        'schema_version = 1\n[[framework]]\nid = "keras"\nsumary = "typo"\nrelated = ["pytroch"]\n'
    )
    result = cli("validate", path)
    assert result.code == 2
    lines = result.out.splitlines()
    assert lines == [
        f"{path}:4:1: E011 unknown key 'sumary' (framework 'keras', field 'sumary'); "
        "did you mean 'summary'?",
        f"{path}:5:12: E021 links to unknown framework 'pytroch' "
        "(framework 'keras', field 'related[0]'); did you mean 'pytorch' or 'torch'?",
        "fwtui: 2 errors",
    ]


def test_validate_a_toml_syntax_error(cli: Cli, write_toml: WriteToml) -> None:
    path = write_toml('schema_version = 1\n[[framework]\nid = "x"\n')
    result = cli("validate", path)
    assert result.code == 2
    first, excerpt, summary = result.out.splitlines()
    assert first.startswith(f"{path}:2:")
    assert "E003 TOML syntax error" in first
    assert excerpt == "    [[framework]"
    assert summary == "fwtui: 1 error"


def test_validate_several_files_and_no_bundled(
    cli: Cli, write_toml: WriteToml, tmp_path: Path
) -> None:
    good = write_toml(
        'schema_version = 1\n[[framework]]\nid = "x"\nname = "X"\ncategory = "deep-learning"\n',
        "good.toml",
    )
    missing = tmp_path / "missing.toml"
    result = cli("validate", good, missing)
    assert result.code == 2
    assert result.out.splitlines() == [f"{missing}: E001 no such file", "fwtui: 1 error"]
    result = cli("--no-bundled", "validate", good)
    assert result.out == f"fwtui: 1 file OK ({good}); 1 framework\n"


def test_validate_strict(cli: Cli, write_toml: WriteToml) -> None:
    path = write_toml(
        'schema_version = 1\n[[framework]]\nid = "x"\nname = "X"\ncategory = "deep-learning"\n'
    )
    assert cli("--no-bundled", "validate", path).code == 0
    strict = cli("--no-bundled", "validate", "--strict", path)
    assert strict.code == 2
    assert "W030" in strict.out
    assert strict.out.splitlines()[-1] == "fwtui: 0 errors, 1 warning"


def test_validate_never_writes(cli: Cli, write_toml: WriteToml) -> None:
    path = write_toml('schema_version = 1\nsumary = "x"\n')
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    cli("validate", path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["data.toml"]


# -- bad data, every command ---------------------------------------------------


@pytest.mark.parametrize(
    "command", [["list"], ["show", "keras"], ["compare", "keras", "theano"], []]
)
def test_bad_data_exits_2_with_every_problem(
    cli: Cli, write_toml: WriteToml, command: list[str]
) -> None:
    path = write_toml('schema_version = 1\ncolour = 1\n[[framework]]\nid = "Bad"\n')
    result = cli("--data", path, *command)
    assert result.code == 2
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    if command:
        assert lines[0].startswith(f"{path}:2:1: E011 unknown key 'colour'")
        assert lines[1].startswith(f"{path}:4:1: E014 id 'Bad'")
        assert lines[2] == "fwtui: 2 errors"


def test_data_too_large_names_the_flag(cli: Cli, write_toml: WriteToml) -> None:
    path = write_toml("schema_version = 1\n" + "# padding\n" * 120_000)
    assert cli("--data", path, "list").code == 0  # the default limit is 16 MB
    result = cli("--max-data-mb", "1", "--data", path, "list")
    assert result.code == 2
    assert (
        f"{path}: E005 is 1.1 MB, over the limit of 1 MB; raise it with --max-data-mb N"
        in result.err
    )
    assert cli("list", "--max-data-mb", "2", "--data", path).code == 0


@pytest.mark.parametrize("value", ["0", "-1", "lots"])
def test_max_data_mb_must_be_positive(cli: Cli, value: str) -> None:
    result = cli("--max-data-mb", value, "list")
    assert result.code == 2
    assert "--max-data-mb" in result.err


# -- the rest ------------------------------------------------------------------


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert (result.code, result.out) == (0, f"fwtui {__version__}\n")


@pytest.mark.parametrize("command", [[], ["list"], ["show"], ["compare"], ["validate"]])
def test_help(cli: Cli, command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    assert result.out.startswith("usage: fwtui")
    assert "--format" in result.out or not command or command == ["validate"]
    assert "(default 16)" in result.out


def test_help_names_every_command(cli: Cli) -> None:
    out = cli("--help").out
    for name in ("list", "show", "compare", "validate", "--paths", "--data", "--as-of"):
        assert name in out


def test_paths(cli: Cli, isolated_env: Any, write_toml: WriteToml) -> None:
    extra = write_toml("schema_version = 1\n")
    result = cli("--data", extra, "--paths")
    assert result.code == 0
    rows = {line[:14].strip(): line for line in result.out.splitlines()}
    assert rows["bundled data"].endswith(str(bundled_data()))
    assert "exists" in rows["bundled data"]
    assert rows["user data"].endswith(str(isolated_env.user_data))
    assert "missing" in rows["user data"]
    assert rows["--data"].endswith(str(extra))
    assert rows["output schema"].endswith(str(output_schema()))
    assert "exists" in rows["data schema"] and "exists" in rows["output schema"]
    assert rows["state"].endswith(str(isolated_env.state / "fwtui" / "state.json"))
    assert rows["crash logs"].endswith(str(isolated_env.state / "fwtui"))
    assert rows["settings"].endswith(str(isolated_env.config / "fwtui" / "config.toml"))
    assert not (isolated_env.state / "fwtui").exists()  # listing creates nothing


def test_no_terminal_for_the_explorer(cli: Cli) -> None:
    result = cli()  # under pytest, standard input is not a terminal
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("fwtui: ")
    assert result.err.count("\n") == 1


def test_interrupt_exits_130(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(args: Any, out: Any) -> int:
        out.write("partial")
        raise KeyboardInterrupt

    monkeypatch.setitem(fwtui_cli.COMMANDS, "list", interrupted)
    result = cli("list")
    assert result.code == 130
    assert result.err == ""


def test_console_script_entry_exits_130_on_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(argv: Any = None) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(fwtui_cli, "main", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        fwtui_cli.entry()
    assert exit_info.value.code == 130


class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_output_that_cannot_be_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    code = fwtui_cli.main(["show", "pytorch", "--format", "json"])
    assert code == 1
    err = capsys.readouterr().err
    assert err == "fwtui: could not write the output: No space left on device\n"


def test_no_standard_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert fwtui_cli.main(["list"]) == 1
    assert capsys.readouterr().err == "fwtui: no standard output to write to\n"
