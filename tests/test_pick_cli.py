"""``fwtui pick`` and ``fwtui compare --need`` on the command line."""

from __future__ import annotations

import copy
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from fwtui.paths import output_schema

Cli = Callable[..., Any]
WriteToml = Callable[..., Path]

ISSUE = ["lang:python", "status:active", "graph:dynamic", "onnx_export:yes"]


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


@pytest.fixture(scope="module")
def validators() -> list[jsonschema.Draft202012Validator]:
    """The shipped output schema, and a copy that allows no undocumented field."""
    schema = json.loads(output_schema().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    strict = copy.deepcopy(schema)
    envelope = strict["$defs"]["envelope"]
    for node in _objects(strict["$defs"]):
        if node is envelope:
            continue
        if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
            node["additionalProperties"] = False
    return [jsonschema.Draft202012Validator(schema), jsonschema.Draft202012Validator(strict)]


def valid(doc: Any, validators: list[jsonschema.Draft202012Validator]) -> None:
    for validator in validators:
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []


def lines_of(out: str) -> list[str]:
    return out.splitlines()


# -- pick, every format ------------------------------------------------------------


def test_pick_table_ranks_and_divides(cli: Cli) -> None:
    result = cli("pick", *ISSUE)
    assert result.code == 0, result.err
    lines = lines_of(result.out)
    header = lines[0].split()
    assert header[:5] == ["#", "ID", "Framework", "Met", "Unknown"]
    assert header[5:] == ISSUE
    assert lines[2].split()[:5] == ["1", "pytorch", "PyTorch", "4/4", "0"]
    assert "✓ Python" in lines[2] and "✓ dynamic" in lines[2]
    # The divider: a rule right under the frameworks that meet every need.
    assert set(lines[3]) == {"─"}
    assert lines[4].split()[:4] == ["2", "chainer", "Chainer", "3/4"]
    assert "✗ maintenance" in lines[4]
    assert "? unknown" in result.out
    assert "Above the line: 1 framework meets every need." in result.out


def test_pick_markdown_has_a_rule_between_the_two_groups(cli: Cli) -> None:
    result = cli("pick", *ISSUE, "--format", "markdown")
    assert result.code == 0, result.err
    blocks = result.out.strip().split("\n\n")
    assert blocks[0].splitlines()[0] == (
        "| # | ID | Framework | Met | Unknown | lang:python | status:active "
        "| graph:dynamic | onnx_export:yes |"
    )
    assert blocks[0].splitlines()[2].startswith("| 1 | pytorch | PyTorch | 4/4 | 0 | ✓ Python |")
    assert len(blocks[0].splitlines()) == 3  # header, alignment, PyTorch
    assert blocks[1] == "---"
    assert blocks[2].splitlines()[2].startswith("| 2 | chainer | Chainer | 3/4 | 0 |")
    assert "✗ maintenance" in blocks[2]
    assert blocks[3].startswith("Above the line")


def test_pick_csv(cli: Cli) -> None:
    result = cli("pick", *ISSUE, "-f", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0])[:7] == ["rank", "id", "name", "meets_all", "met", "total", "unknown"]
    first = rows[0]
    assert (first["rank"], first["id"], first["meets_all"], first["met"]) == (
        "1",
        "pytorch",
        "yes",
        "4",
    )
    assert (first["lang:python"], first["lang:python value"]) == ("met", "Python")
    chainer = rows[1]
    assert (chainer["status:active"], chainer["status:active value"]) == (
        "not met",
        "maintenance",
    )
    assert chainer["meets_all"] == "no"
    assert any(r["graph:dynamic"] == "unknown" for r in rows)


def test_pick_json_validates(cli: Cli, validators: list[jsonschema.Draft202012Validator]) -> None:
    result = cli("pick", *ISSUE, "keras", "-f", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    valid(doc, validators)
    assert doc["format"] == "fwtui.pick"
    assert doc["query"]["text"] == "keras"
    assert [n["text"] for n in doc["query"]["needs"]] == ISSUE
    assert doc["query"]["needs"][0]["key"] == "api_languages"
    assert doc["query"]["needs"][0]["name"] == "lang"
    first = doc["frameworks"][0]
    assert (first["rank"], first["id"], first["meets_all"]) == (1, "keras", False)
    assert [v["need"] for v in first["verdicts"]] == ISSUE
    assert first["verdicts"][0]["outcome"] == "met"
    assert first["verdicts"][0]["value"]["value"] == ["Python"]
    assert doc["count"] == len(doc["frameworks"])


@pytest.mark.parametrize(
    "args",
    [
        ISSUE,
        ["lang:python,julia", "status!=discontinued", "--hide-unmet"],
        ["accelerators:rocm", "first_release:2016..", "--as-of", "article"],
        ["license:apache", "-c", "machine-learning", "--sort", "status"],
        ["lang:rust"],
        ["keras"],
    ],
    ids=" ".join,
)
def test_every_pick_json_validates(
    cli: Cli, validators: list[jsonschema.Draft202012Validator], args: list[str]
) -> None:
    result = cli("pick", *args, "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    valid(doc, validators)
    meeting = doc["meeting_all"]
    assert all(fw["meets_all"] for fw in doc["frameworks"][:meeting])
    assert not any(fw["meets_all"] for fw in doc["frameworks"][meeting:])
    for fw in doc["frameworks"]:
        assert fw["met"] + fw["not_met"] + fw["unknown"] == fw["total"]
        for verdict in fw["verdicts"]:
            if verdict["value"] is None:  # no value: unknown, never met
                assert verdict["outcome"] == "unknown"


def test_hide_unmet(cli: Cli) -> None:
    doc = json.loads(cli("pick", *ISSUE, "--hide-unmet", "-f", "json").out)
    assert [fw["id"] for fw in doc["frameworks"]] == ["pytorch"]
    assert doc["hide_unmet"] is True
    table = cli("pick", *ISSUE, "--hide-unmet").out
    assert "pytorch" in table and "chainer" not in table


def test_unknown_is_never_met(cli: Cli) -> None:
    doc = json.loads(cli("pick", "graph:dynamic", "-f", "json").out)
    by_id = {fw["id"]: fw for fw in doc["frameworks"]}
    keras = by_id["keras"]  # no graph fact
    assert keras["verdicts"][0] == {"need": "graph:dynamic", "outcome": "unknown", "value": None}
    assert not keras["meets_all"]
    negated = json.loads(cli("pick", "graph!=static", "-f", "json").out)
    keras = {fw["id"]: fw for fw in negated["frameworks"]}["keras"]
    assert keras["verdicts"][0]["outcome"] == "unknown"


def test_the_app_negation_works_on_the_command_line(cli: Cli) -> None:
    app = cli("pick", "lang:python", "-status:discontinued", "-f", "json")
    cli_form = cli("pick", "lang:python", "status!=discontinued", "-f", "json")
    after_dashes = cli("pick", "--", "lang:python", "-status:discontinued", "-f", "json")
    assert app.code == 0, app.err
    assert app.out == cli_form.out
    assert after_dashes.code == 0
    # `-s` is --status in pick: "-status:..." must not become "-s tatus:...".
    assert json.loads(app.out)["query"]["needs"][1]["negated"] is True


def test_filters_and_view(cli: Cli) -> None:
    doc = json.loads(cli("pick", "lang:python", "-s", "discontinued", "-f", "json").out)
    assert doc["frameworks"]
    assert {fw["status"] for fw in doc["frameworks"]} == {"discontinued"}
    ml = json.loads(cli("pick", "lang:python", "--category", "machine-learning", "-f", "json").out)
    assert {fw["category"] for fw in ml["frameworks"]} == {"machine-learning"}
    today = json.loads(cli("pick", "status:active", "-f", "json").out)
    then = json.loads(cli("pick", "status:active", "--as-of", "article", "-f", "json").out)
    assert then["view"] == "article"
    now = {fw["id"]: fw["meets_all"] for fw in today["frameworks"]}
    before = {fw["id"]: fw["meets_all"] for fw in then["frameworks"]}
    assert now != before
    assert before["chainer"] and not now["chainer"]  # active in 2017, maintenance since


def test_free_text_narrows_the_pick(cli: Cli) -> None:
    listed = json.loads(cli("list", "jax", "-f", "json").out)
    doc = json.loads(cli("pick", "jax", "first_release:2020..", "-f", "json").out)
    ids = [fw["id"] for fw in doc["frameworks"]]
    assert sorted(ids) == sorted(fw["id"] for fw in listed["frameworks"])
    assert doc["query"]["text"] == "jax"
    # JAX matches the text best, but its first release is unknown: needs rank first.
    assert ids[0] != "jax" and doc["frameworks"][0]["meets_all"]
    assert ids.index("jax") >= doc["meeting_all"]


# -- ASCII where the output cannot carry more ------------------------------------


def run_ascii(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    from fwtui.cli import main

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict", newline="\n")
    monkeypatch.setattr(sys, "stdout", stream)
    code = main(list(args))
    stream.flush()
    return code, raw.getvalue().decode("ascii")


def test_ascii_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run_ascii(monkeypatch, "pick", *ISSUE)
    assert code == 0
    lines = out.splitlines()
    assert "+ Python" in lines[2]
    assert set(lines[3].replace("+", "")) == {"-"}  # the divider, in ASCII
    assert "- maintenance" in out and "? unknown" in out
    assert "+ met, - not met, ? unknown" in out
    code, out = run_ascii(monkeypatch, "pick", *ISSUE, "-f", "markdown")
    assert code == 0
    assert "| + Python |" in out and "\n---\n" in out
    code, out = run_ascii(monkeypatch, "compare", "pytorch", "jax", "--need", "gpu_support:yes")
    assert code == 0
    assert "+ yes" in out


# -- compare --need ------------------------------------------------------------------


def test_compare_need_rows_come_first(cli: Cli) -> None:
    args = ["compare", "pytorch", "jax", "tensorflow", "--need", "accelerators:rocm"]
    table = cli(*args, "--need", "lang:python")
    assert table.code == 0, table.err
    lines = lines_of(table.out)
    assert lines[2].split() == ["Needs", "met", "2/2", "1/2", "1/2"]
    assert lines[3].split()[:3] == ["accelerators", "includes", "ROCm"]
    assert "✓ CUDA, ROCm" in lines[3] and "? unknown" in lines[3]
    assert "✓ Python, Java" in lines[4]
    markdown = cli(*args, "--format", "markdown")
    rows = lines_of(markdown.out)
    assert rows[0] == "|  | PyTorch | JAX | TensorFlow |"
    assert rows[2] == "|   Needs met | 1/1 | 0/1 | 0/1 |"
    assert rows[3].startswith("|   accelerators includes ROCm | ✓ CUDA, ROCm")
    assert "✓ met, ✗ not met, ? unknown" in markdown.out
    records = list(csv.reader(io.StringIO(cli(*args, "-f", "csv").out)))
    assert records[1] == ["need", "Needs met", "yes", "1/1", "0/1", "0/1"]
    assert records[2] == ["need", "accelerators:ROCm", "yes", "met", "unknown", "unknown"]
    assert records[3][0] == "fact"


def test_compare_need_json(cli: Cli, validators: list[jsonschema.Draft202012Validator]) -> None:
    result = cli(
        "compare",
        "pytorch",
        "jax",
        "--need",
        "gpu_support:yes",
        "-n",
        "status!=active",
        "-f",
        "json",
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    valid(doc, validators)
    assert [n["need"]["text"] for n in doc["needs"]] == ["gpu_support:yes", "status!=active"]
    assert doc["needs"][0]["outcomes"] == ["met", "met"]
    assert doc["needs"][0]["values"][0]["value"] is True
    assert doc["needs"][1]["outcomes"] == ["not_met", "not_met"]
    plain = json.loads(cli("compare", "pytorch", "jax", "-f", "json").out)
    valid(plain, validators)
    assert plain["needs"] == []


def test_compare_without_need_is_unchanged(cli: Cli) -> None:
    out = cli("compare", "pytorch", "jax", "-f", "markdown").out
    assert "Needs met" not in out and "need met" not in out


def test_compare_decision_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("compare", "pytorch", "jax", "tensorflow", "--need", "gpu:rocm", "-f", "markdown")
    assert result.code == 0, result.err
    assert "gpu includes ROCm" in result.out  # described with the key as written
    result = cli("compare", "pytorch", "jax", "--need", "mobile:rocm", "-f", "markdown")
    assert result.code == 2
    assert "did you mean accelerators:rocm?" in result.err
    result = cli("compare", "pytorch", "jax", "--need", "-status:active", "-f", "markdown")
    assert result.code == 0, result.err
    assert "not status = active" in result.out


# -- bad needs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["pick", "lnag:python"], "did you mean lang:python"),
        (["pick", "status:actve"], "did you mean status:active?"),
        (["pick", "mobile:rocm"], "did you mean accelerators:rocm?"),
        (["pick", "lang:pyhton"], "did you mean lang:python?"),
        (["pick", "first_release:soon"], "takes a date"),
        (["pick", "status!=actve"], "did you mean status!=active?"),
        (["compare", "pytorch", "jax", "--need", "stauts:active"], "did you mean status:active"),
        (["compare", "pytorch", "jax", "--need", "keras"], "--need takes key:value"),
    ],
)
def test_bad_needs_exit_2_with_did_you_mean(cli: Cli, args: list[str], expected: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("fwtui: ")
    assert expected in result.err


def test_every_bad_need_is_reported(cli: Cli) -> None:
    result = cli("pick", "lnag:python", "stauts:active", "gpu_support:yes")
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("fwtui: ") for line in lines)
    assert "lang:python" in lines[0] and "status:active" in lines[1]


def test_a_value_nobody_has_is_a_note_not_an_error(cli: Cli) -> None:
    result = cli("pick", "lang:rust")
    assert result.code == 0
    assert result.err == "fwtui: note: no framework's lang matches 'rust'\n"
    assert "No framework meets every need." in result.out


def test_pick_needs_an_argument_and_has_help(cli: Cli) -> None:
    assert cli("pick").code == 2
    result = cli("pick", "--help")
    assert result.code == 0
    assert "--hide-unmet" in result.out and "key!=value" in result.out
    assert "pick" in cli("--help").out
    assert "--need" in cli("compare", "--help").out


def test_an_attribute_added_in_toml_works_in_pick(cli: Cli, write_toml: WriteToml) -> None:
    overlay = write_toml(
        """
        schema_version = 1
        [[attributes]]
        key = "mascot"
        label = "Mascot"
        kind = "enum"
        values = ["flame", "owl"]
        [[framework]]
        id = "pytorch"
        [framework.facts]
        mascot = "flame"
        """
    )
    result = cli("--data", overlay, "pick", "mascot:flame", "-f", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert [fw["id"] for fw in doc["frameworks"][: doc["meeting_all"]]] == ["pytorch"]
    bad = cli("--data", overlay, "pick", "mascot:flam")
    assert bad.code == 2 and "did you mean mascot:flame?" in bad.err


def test_docs_show_pick_and_need() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "fwtui pick lang:python status:active graph:dynamic onnx_export:yes" in doc
    assert (
        "fwtui compare pytorch jax tensorflow --need gpu:rocm --format markdown > decision.md"
        in doc
    )


def test_short_need_option_takes_the_app_negation(cli: Cli) -> None:
    result = cli("compare", "pytorch", "jax", "-n", "-status:active", "-f", "csv")
    assert result.code == 0, result.err
    assert "need,status!=active,no,not met,not met" in result.out


def test_compare_documents_carry_needs(
    bundled: Any, validators: list[jsonschema.Draft202012Validator]
) -> None:
    """What the explorer copies and exports can carry the needs too."""
    from fwtui.compare import build_matrix
    from fwtui.formats.documents import compare_document
    from fwtui.formats.rows import Marks
    from fwtui.needs import evaluate, parse_query

    frameworks = [bundled.get("pytorch"), bundled.get("jax")]
    matrix = build_matrix(bundled, frameworks)
    needs = parse_query("accelerators:rocm lang:python", bundled).needs
    columns = [evaluate(bundled, fw, needs) for fw in frameworks]
    marks = Marks.for_encoding("utf-8")
    text = compare_document(bundled, matrix, "markdown", marks, needs=columns)
    assert "|   Needs met | 2/2 | 1/2 |" in text
    assert "Needs: ✓ met" in text
    assert "need,accelerators:ROCm,yes,met,unknown" in compare_document(
        bundled, matrix, "csv", marks, needs=columns
    )
    doc = json.loads(compare_document(bundled, matrix, "json", marks, needs=columns))
    valid(doc, validators)
    assert doc["needs"][1]["outcomes"] == ["met", "met"]
    plain = compare_document(bundled, matrix, "markdown", marks)
    assert "Needs" not in plain


@pytest.mark.slow
def test_pythonioencoding_ascii(fwtui_cmd: list[str]) -> None:
    import os
    import subprocess

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for args in (["pick", *ISSUE], ["pick", *ISSUE, "-f", "markdown"]):
        result = subprocess.run(
            [*fwtui_cmd, *args], capture_output=True, timeout=60, env=env, stdin=subprocess.DEVNULL
        )
        assert (result.returncode, result.stderr) == (0, b""), args
        out = result.stdout.decode("ascii")
        assert "+ Python" in out and "- maintenance" in out and "? unknown" in out


@pytest.mark.slow
def test_needs_is_light() -> None:
    import subprocess

    code = "import sys, fwtui.needs;print([m for m in ('textual', 'rich') if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stderr
