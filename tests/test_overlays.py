"""Overlays: how files merge, in which order, and what removing a record does."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fwtui.catalog import load, load_paths
from fwtui.model import View
from fwtui.paths import DataFile, bundled_data, data_files

WriteToml = Callable[..., Path]

BASE = """\
schema_version = 1

[catalog]
title = "Base catalog"
date = "2017"
base_source = "article"

[sources.article]
title = "The article"
date = "2017"

[[attributes]]
key = "creator"
label = "Created by"
kind = "text"
order = 20

[[framework]]
id = "alpha"
name = "Alpha"
category = "deep-learning"
summary = "The first one."
tags = ["one", "first"]
pros = ["Fast", "Small"]
cons = ["Young"]
related = ["beta"]

[framework.facts]
status = "active"
creator = [
  { value = "Alice" },
  { value = "Alice and Bob", as_of = "2020" },
]

[[framework]]
id = "beta"
name = "Beta"
category = "machine-learning"
summary = "The second one."
"""


def merged(*paths: Path) -> Any:
    result = load_paths(list(paths))
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalog


def test_fields_replace_field_by_field(write_toml: WriteToml) -> None:
    base = write_toml(BASE, "base.toml")
    overlay = write_toml(
        """
        schema_version = 1
        [[framework]]
        id = "alpha"
        summary = "Rewritten."
        pros = ["Only this"]
        """,
        "overlay.toml",
    )
    alpha = merged(base, overlay).get("alpha")
    assert alpha.summary == "Rewritten."
    assert [p.text for p in alpha.pros] == ["Only this"]  # replaced whole
    assert alpha.name == "Alpha"  # kept
    assert alpha.tags == ("one", "first")
    assert [p.text for p in alpha.cons] == ["Young"]
    assert alpha.related == ("beta",)


def test_facts_merge_by_key(write_toml: WriteToml) -> None:
    base = write_toml(BASE, "base.toml")
    overlay = write_toml(
        """
        schema_version = 1
        [[framework]]
        id = "alpha"
        [framework.facts]
        creator = "Carol"
        """,
        "overlay.toml",
    )
    catalog = merged(base, overlay)
    alpha = catalog.get("alpha")
    assert set(alpha.facts) == {"status", "creator"}
    assert catalog.status(alpha) == "active"  # a key the overlay left out is kept
    creator = alpha.facts["creator"]
    assert [v.value for v in creator.values] == ["Carol"]  # older entries replaced whole


def test_new_record_is_added(write_toml: WriteToml) -> None:
    base = write_toml(BASE, "base.toml")
    overlay = write_toml(
        """
        schema_version = 1
        [[framework]]
        id = "gamma"
        name = "Gamma"
        category = "deep-learning"
        builds_on = ["alpha"]
        """,
        "overlay.toml",
    )
    catalog = merged(base, overlay)
    assert [fw.id for fw in catalog] == ["alpha", "beta", "gamma"]
    assert catalog.get("alpha").used_by == ("gamma",)  # links resolve both ways


def test_remove_deletes_the_record(write_toml: WriteToml) -> None:
    base = write_toml(BASE.replace('related = ["beta"]\n', ""), "base.toml")
    overlay = write_toml('schema_version = 1\n[[framework]]\nid = "beta"\nremove = true\n')
    catalog = merged(base, overlay)
    assert "beta" not in catalog
    assert [fw.id for fw in catalog] == ["alpha"]


def test_link_to_a_removed_record_is_reported(write_toml: WriteToml) -> None:
    base = write_toml(BASE, "base.toml")
    overlay = write_toml('schema_version = 1\n[[framework]]\nid = "beta"\nremove = true\n')
    result = load_paths([base, overlay])
    assert result.catalog is None
    (problem,) = result.errors
    assert problem.code == "E021"
    assert f"removed by an overlay, {overlay}:2" in problem.message
    assert (problem.file, problem.framework, problem.field) == (str(base), "alpha", "related[0]")
    assert problem.line == BASE.splitlines().index('related = ["beta"]') + 1


def test_a_removed_record_can_come_back_later(write_toml: WriteToml) -> None:
    base = write_toml(BASE.replace('related = ["beta"]\n', ""), "base.toml")
    remove = write_toml(
        'schema_version = 1\n[[framework]]\nid = "beta"\nremove = true\n', "remove.toml"
    )
    again = write_toml(
        'schema_version = 1\n[[framework]]\nid = "beta"\nname = "Beta 2"\n'
        'category = "deep-learning"\n',
        "again.toml",
    )
    assert merged(base, remove, again).get("beta").name == "Beta 2"


def test_attributes_sources_and_catalog_merge(write_toml: WriteToml) -> None:
    base = write_toml(BASE, "base.toml")
    overlay = write_toml(
        """
        schema_version = 1
        [catalog]
        title = "My catalog"

        [sources.blog]
        title = "A blog"
        date = "2024-05"

        [[attributes]]
        key = "status"
        label = "State"
        kind = "enum"
        values = ["active", "maintenance", "discontinued", "merged", "unknown"]
        order = 99
        """,
        "overlay.toml",
    )
    catalog = merged(base, overlay)
    assert catalog.title == "My catalog"
    assert str(catalog.date) == "2017"  # catalog merges field by field
    assert set(catalog.sources) == {"article", "blog"}
    status = catalog.attribute("status")
    assert (status.label, status.order) == ("State", 99)
    assert [a.key for a in catalog.attributes] == ["creator", "status"]


def test_data_files_order(isolated_env: Any, tmp_path: Path) -> None:
    user = isolated_env.user_data
    user.parent.mkdir(parents=True)
    user.write_text("schema_version = 1\n")
    env = {
        "HOME": str(isolated_env.home),
        "XDG_CONFIG_HOME": str(isolated_env.config),
        "FWTUI_DATA": os.pathsep.join(["one.toml", "", "two.toml"]),
    }
    files = data_files(["three.toml", "four.toml"], env=env)
    assert [(f.origin, f.path) for f in files] == [
        ("bundled", bundled_data()),
        ("user config", user),
        ("FWTUI_DATA", Path("one.toml")),
        ("FWTUI_DATA", Path("two.toml")),
        ("--data", Path("three.toml")),
        ("--data", Path("four.toml")),
    ]
    assert next(iter(data_files(env=env, bundled=False))).origin == "user config"


def test_user_file_defaults_to_dot_config(isolated_env: Any) -> None:
    env = {"HOME": str(isolated_env.home)}
    default = isolated_env.home / ".config" / "fwtui" / "frameworks.toml"
    assert [f.path for f in data_files(env=env)] == [bundled_data()]  # absent: not read
    default.parent.mkdir(parents=True)
    default.write_text("schema_version = 1\n")
    assert [f.path for f in data_files(env=env)] == [bundled_data(), default]
    relative = {**env, "XDG_CONFIG_HOME": "relative/dir"}  # ignored, as XDG says
    assert [f.path for f in data_files(env=relative)] == [bundled_data(), default]


def _summary_overlay(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'schema_version = 1\n[[framework]]\nid = "keras"\nsummary = "{text}"\n', encoding="utf-8"
    )
    return path


def test_overlay_order_later_wins_through_the_cli(
    cli: Any, isolated_env: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = _summary_overlay(isolated_env.user_data, "from the user file")
    env1 = _summary_overlay(tmp_path / "env1.toml", "from FWTUI_DATA 1")
    env2 = _summary_overlay(tmp_path / "env2.toml", "from FWTUI_DATA 2")
    arg1 = _summary_overlay(tmp_path / "arg1.toml", "from --data 1")
    arg2 = _summary_overlay(tmp_path / "arg2.toml", "from --data 2")

    def shown(*args: Any) -> tuple[str, list[str]]:
        result = cli(*args, "show", "keras", "--format", "json")
        assert result.code == 0, result.err
        doc = json.loads(result.out)
        return doc["framework"]["summary"], doc["catalog"]["files"]

    summary, files = shown()
    assert summary == "from the user file"
    assert files == [str(bundled_data()), str(user)]

    monkeypatch.setenv("FWTUI_DATA", os.pathsep.join([str(env1), str(env2)]))
    assert shown()[0] == "from FWTUI_DATA 2"

    summary, files = shown("--data", arg2, "--data", arg1)
    assert summary == "from --data 1"
    assert files == [str(p) for p in (bundled_data(), user, env1, env2, arg2, arg1)]

    # --data before and after the subcommand: both count, in the order given.
    result = cli("--data", arg1, "show", "keras", "--data", arg2, "--format", "json")
    assert json.loads(result.out)["framework"]["summary"] == "from --data 2"
    assert json.loads(result.out)["catalog"]["files"][-2:] == [str(arg1), str(arg2)]


def test_no_bundled_leaves_out_the_bundled_file(cli: Any, write_toml: WriteToml) -> None:
    path = write_toml(
        'schema_version = 1\n[[framework]]\nid = "x"\nname = "X"\ncategory = "deep-learning"\n'
    )
    result = cli("--no-bundled", "--data", path, "list", "--format", "csv")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1:] == ["x,X,deep-learning,unknown,unknown"]


MASCOT = """\
schema_version = 1

[[attributes]]
key = "mascot"
label = "Mascot"
kind = "text"
order = 15
description = "The project's mascot"

[[framework]]
id = "keras"

[framework.facts]
mascot = "a red K"
"""


def test_a_new_attribute_needs_no_code(cli: Any, write_toml: WriteToml) -> None:
    overlay = write_toml(MASCOT)

    shown = cli("--data", overlay, "show", "keras")
    assert shown.code == 0, shown.err
    line = next(line for line in shown.out.splitlines() if line.startswith("Mascot"))
    assert "a red K" in line
    # Declared order 15: right after Status (10), before Created by (20).
    labels = [line.split("  ")[0] for line in shown.out.splitlines()[2:5]]
    assert labels == ["Status", "Mascot", "Created by"]

    compared = cli("--data", overlay, "compare", "keras", "pytorch", "--format", "markdown")
    row = next(line for line in compared.out.splitlines() if "Mascot" in line)
    assert row.split("|")[2:4] == [" a red K ", " unknown "]
    assert "≠" in row

    doc = json.loads(cli("--data", overlay, "show", "keras", "-f", "json").out)
    assert doc["framework"]["facts"]["mascot"]["today"]["value"] == "a red K"
    assert {"key": "mascot", "label": "Mascot"}.items() <= doc["attributes"][1].items()

    doc = json.loads(cli("--data", overlay, "compare", "keras", "pytorch", "-f", "json").out)
    row = next(r for r in doc["rows"] if r["key"] == "mascot")
    assert row["label"] == "Mascot"
    assert row["differs"] is True
    assert [c and c["value"] for c in row["values"]] == ["a red K", None]

    doc = json.loads(cli("--data", overlay, "list", "-f", "json").out)
    assert "mascot" in [a["key"] for a in doc["attributes"]]
    keras = next(f for f in doc["frameworks"] if f["id"] == "keras")
    assert keras["facts"]["mascot"]["values"][0]["value"] == "a red K"


def test_an_overlay_of_the_bundled_data_loads(write_toml: WriteToml) -> None:
    overlay = write_toml(MASCOT)
    files = [DataFile(bundled_data(), "bundled", True), DataFile(overlay, "--data", True)]
    result = load(files)
    assert result.catalog is not None, [p.format() for p in result.problems]
    keras = result.catalog.get("keras")
    assert keras.fact("mascot", View.TODAY, result.catalog.cutoff).value == "a red K"
    assert keras.name == "Keras"
    assert keras.origin == str(bundled_data())
