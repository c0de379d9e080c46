"""Export targets, atomic writes and clipboard plans: pure functions, no Textual."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from fwtui.clipboard import OSC52_LIMIT, osc52, plan_copy
from fwtui.export import ExportRefused, check_target, format_for, resolve_target, write_atomic


def test_format_follows_the_extension() -> None:
    assert format_for(Path("a.md")) == "markdown"
    assert format_for(Path("a.CSV")) == "csv"
    assert format_for(Path("a.json")) == "json"
    assert format_for(Path("decision")) == "markdown"


def test_loaded_files_are_refused_even_through_another_spelling(tmp_path: Path) -> None:
    data = tmp_path / "frameworks.toml"
    data.write_text("schema_version = 1\n")
    (tmp_path / "sub").mkdir()
    sneaky = resolve_target("sub/../frameworks.toml", cwd=tmp_path)
    with pytest.raises(ExportRefused, match="fwtui reads"):
        check_target(sneaky, [data])
    link = tmp_path / "link.md"
    link.symlink_to(data)
    with pytest.raises(ExportRefused, match="fwtui reads"):
        check_target(link, [data])
    assert data.read_text() == "schema_version = 1\n"


def test_directories_and_missing_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="directory"):
        check_target(tmp_path, [])
    with pytest.raises(ExportRefused, match="does not exist"):
        check_target(tmp_path / "nope" / "x.md", [])
    check_target(tmp_path / "fine.md", [])  # no exception


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_osc52_sequence_carries_the_text() -> None:
    seq = osc52("| a | b |\n")
    assert seq.startswith("\x1b]52;c;") and seq.endswith("\x07")
    assert base64.b64decode(seq[7:-1]).decode() == "| a | b |\n"


def test_plan_uses_tmux_inside_tmux_and_osc52_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/tmux")
    assert plan_copy("x", {"TMUX": "/tmp/tmux-0/default,1,0"}).method == "tmux"
    plan = plan_copy("héllo", {})
    assert plan.method == "osc52" and plan.size == 6 and plan.sequence == osc52("héllo")
    assert plan.warning == ""
    assert "OSC 52" in plan_copy("x" * (OSC52_LIMIT + 1), {}).warning
