"""The JSON Schemas fwtui ships: of the data files, and of ``--format json``."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from fwtui import tomlcompat
from fwtui.catalog import load
from fwtui.paths import DataFile, bundled_data, data_schema, output_schema

WriteToml = Callable[..., Path]
REPO = Path(__file__).resolve().parents[1]


def _plain(value: Any) -> Any:
    """A parsed TOML document as JSON would carry it (dates become strings)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def toml_doc(text: str) -> Any:
    return _plain(tomlcompat.loads(text))


@pytest.fixture(scope="module")
def data_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(data_schema().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _schema_objects(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _schema_objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _schema_objects(value, f"{path}/{i}")


# -- the data schema -----------------------------------------------------------


def test_the_bundled_data_validates(data_validator: jsonschema.Draft202012Validator) -> None:
    doc = toml_doc(bundled_data().read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in data_validator.iter_errors(doc)]
    assert errors == []


def test_the_bundled_data_points_editors_at_the_schema() -> None:
    first = bundled_data().read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#:schema ")
    target = (bundled_data().parent / first.split(" ", 1)[1]).resolve()
    assert target == data_schema().resolve()


def _doc_example() -> str:
    text = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    match = re.search(r"## A complete example\n\n```toml\n(.*?)```", text, re.S)
    assert match is not None
    return match.group(1)


def test_the_documented_example_is_valid(
    data_validator: jsonschema.Draft202012Validator, tmp_path: Path
) -> None:
    example = _doc_example()
    assert list(data_validator.iter_errors(toml_doc(example))) == []
    path = tmp_path / "example.toml"
    path.write_text(example, encoding="utf-8")
    result = load([DataFile(bundled_data(), "bundled", True), DataFile(path, "--data", True)])
    assert [p.format() for p in result.problems] == []


def test_every_property_is_described() -> None:
    schema = json.loads(data_schema().read_text(encoding="utf-8"))
    undescribed = [
        f"{where}/{name}"
        for where, node in _schema_objects(schema)
        if isinstance(node.get("properties"), dict) and not where.endswith(("/if", "/then"))
        for name, prop in node["properties"].items()
        if "description" not in prop
    ]
    assert undescribed == []


BROKEN = {
    "no schema_version": '[[framework]]\nid = "a"\n',
    "schema_version 2": "schema_version = 2\n",
    "unknown top-level key": "schema_version = 1\nframworks = []\n",
    "unknown framework key": 'schema_version = 1\n[[framework]]\nid = "a"\nsumary = "x"\n',
    "missing id": 'schema_version = 1\n[[framework]]\nname = "A"\n',
    "bad slug": 'schema_version = 1\n[[framework]]\nid = "Alpha Beta"\n',
    "bad category": 'schema_version = 1\n[[framework]]\nid = "a"\ncategory = "deep"\n',
    "bad month": 'schema_version = 1\n[catalog]\ndate = "2017-13"\n',
    "prose date": 'schema_version = 1\n[catalog]\ndate = "Sept 2017"\n',
    "bad url": 'schema_version = 1\n[[framework]]\nid = "a"\nhomepage = "ftp://x"\n',
    "enum without values": 'schema_version = 1\n[[attributes]]\nkey = "x"\nkind = "enum"\n',
    "unknown kind": 'schema_version = 1\n[[attributes]]\nkey = "x"\nkind = "colour"\n',
    "status values changed": (
        'schema_version = 1\n[[attributes]]\nkey = "status"\nkind = "enum"\nvalues = ["on"]\n'
    ),
    "integer fact": 'schema_version = 1\n[[framework]]\nid = "a"\n[framework.facts]\nx = 1\n',
    "dated entry without value": (
        'schema_version = 1\n[[framework]]\nid = "a"\n[framework.facts]\nx = { as_of = "2017" }\n'
    ),
    "pro without text": 'schema_version = 1\n[[framework]]\nid = "a"\npros = [{ source = "s" }]\n',
    "history without date": (
        'schema_version = 1\n[[framework]]\nid = "a"\nhistory = [{ event = "x" }]\n'
    ),
    "source without title": 'schema_version = 1\n[sources.a]\nurl = "https://x"\n',
    "link without url": 'schema_version = 1\n[[framework]]\nid = "a"\nlinks = [{ label = "x" }]\n',
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_documents_do_not_validate(
    data_validator: jsonschema.Draft202012Validator, write_toml: WriteToml, name: str
) -> None:
    text = BROKEN[name]
    assert list(data_validator.iter_errors(toml_doc(text))), name
    # The loader refuses them too: the schema and the loader agree.
    result = load([DataFile(write_toml(text), "--data", True)])
    assert result.catalog is None, name


GOOD = {
    "an overlay updating a record": 'schema_version = 1\n[[framework]]\nid = "keras"\nsummary = "x"\n',
    "a removal": 'schema_version = 1\n[[framework]]\nid = "keras"\nremove = true\n',
    "a TOML date": "schema_version = 1\n[catalog]\ndate = 2017-09-28\n",
    "dated entries": (
        'schema_version = 1\n[[framework]]\nid = "keras"\n[framework.facts]\n'
        'status = [{ value = "active" }, { value = "maintenance", as_of = "2019-12" }]\n'
    ),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_valid_overlays_validate(
    data_validator: jsonschema.Draft202012Validator, name: str
) -> None:
    assert list(data_validator.iter_errors(toml_doc(GOOD[name]))) == []


# -- the output schema ---------------------------------------------------------


def _strict(schema: dict[str, Any]) -> dict[str, Any]:
    """The output schema with no room for undocumented fields.

    The shipped schema lets version 1 grow (consumers ignore what they do not
    know); this copy proves that what fwtui prints today is all documented.
    """
    strict = copy.deepcopy(schema)
    skip = {"#", "#/$defs/envelope"}
    for where, node in _schema_objects(strict):
        if where in skip or where.startswith("#/$defs/envelope/"):
            continue
        if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
            node["additionalProperties"] = False
    return strict


@pytest.fixture(scope="module")
def output_validators() -> list[jsonschema.Draft202012Validator]:
    schema = json.loads(output_schema().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return [
        jsonschema.Draft202012Validator(schema),
        jsonschema.Draft202012Validator(_strict(schema)),
    ]


OVERLAY = """\
schema_version = 1
[sources.news]
title = "Later news"
url = "https://example.org/news"
date = "2019-12"
accessed = "2026-01-02"
[[attributes]]
key = "mascot"
label = "Mascot"
kind = "text"
[[framework]]
id = "chainer"
links = [{ label = "Docs", url = "https://docs.chainer.org" }]
[framework.facts]
status = [
  { value = "active", source = "article" },
  { value = "maintenance", source = "news", note = "Moved to maintenance" },
]
mascot = "a chain"
first_release = "2015"
"""

RUNS = [
    ["list"],
    ["list", "torch"],
    ["list", "--category", "machine-learning", "--sort", "status"],
    ["list", "--status", "discontinued", "--tag", "python"],
    ["list", "nothing-matches-this"],
    ["list", "--as-of", "article"],
    ["show", "keras"],
    ["show", "pytorch"],
    ["show", "theano"],
    ["show", "cntk", "--as-of", "article"],
    ["show", "chainer"],
    ["show", "deeplearning4j"],
    ["compare", "pytorch", "tensorflow"],
    ["compare", "pytorch", "tensorflow", "theano"],
    ["compare", "keras", "theano", "--differences"],
    ["compare", "chainer", "dynet", "--as-of", "article"],
    ["compare", "chainer", "dynet", "-d", "--as-of", "article"],
    ["compare", "pytorch", "torch", "tensorflow", "caffe", "theano", "caffe2", "cntk", "chainer"],
]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_every_json_output_validates(
    cli: Any,
    write_toml: WriteToml,
    output_validators: list[jsonschema.Draft202012Validator],
    args: list[str],
) -> None:
    overlay = write_toml(OVERLAY)
    result = cli("--data", overlay, *args, "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["format"] == f"fwtui.{args[0]}"
    assert doc["version"] == 1
    for validator in output_validators:
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []


def test_the_output_schema_rejects_other_documents(
    output_validators: list[jsonschema.Draft202012Validator], cli: Any
) -> None:
    doc = json.loads(cli("show", "keras", "-f", "json").out)
    loose = output_validators[0]
    for broken in (
        {**doc, "version": 2},
        {**doc, "format": "fwtui.list"},
        {k: v for k, v in doc.items() if k != "framework"},
        {**doc, "framework": {**doc["framework"], "status": {"today": "alive", "article": "x"}}},
    ):
        assert list(loose.iter_errors(broken))


def test_json_output_is_documented() -> None:
    doc = (REPO / "docs" / "json-output.md").read_text(encoding="utf-8")
    schema = json.loads(output_schema().read_text(encoding="utf-8"))
    names = {
        name
        for _, node in _schema_objects(schema)
        if isinstance(node.get("properties"), dict)
        for name in node["properties"]
    }
    missing = sorted(name for name in names if f"`{name}`" not in doc)
    assert missing == []
