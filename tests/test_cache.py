"""The catalog cache: derived from the files' contents, read lazily, never stale."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fwtui import cache
from fwtui.catalog import load, load_cached
from fwtui.model import DEFERRED_FIELDS, EAGER_FIELDS, Framework
from fwtui.paths import DataFile, bundled_data

from .conftest import IsolatedEnv

OVERLAY = """\
schema_version = 1

[[framework]]
id = "tinyflow"
name = "TinyFlow"
category = "deep-learning"
summary = "A small library for tests."
pros = ["Small"]
cons = ["New"]
facts.status = "active"
"""


def _files(*paths: Path) -> list[DataFile]:
    return [
        DataFile(bundled_data(), "bundled", True),
        *(DataFile(p, "--data", True) for p in paths),
    ]


def _caches(folder: Path) -> list[Path]:
    cache.flush()  # load() writes in the background
    return sorted(folder.glob("catalog-*.cache")) if folder.exists() else []


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(OVERLAY, encoding="utf-8")
    return path


def test_a_warm_catalog_equals_the_cold_one(tmp_path: Path, overlay: Path) -> None:
    folder = tmp_path / "cache"
    cold = load(_files(overlay), cache_dir=folder)
    assert cold.catalog is not None
    assert len(_caches(folder)) == 1
    warm = load(_files(overlay), cache_dir=folder)
    assert warm.catalog is not None
    assert warm.catalog is not cold.catalog
    # Every field of every framework, the attributes, sources and metadata.
    assert warm.catalog == cold.catalog
    assert warm.problems == cold.problems
    assert warm.catalog.get("tinyflow") == cold.catalog.get("tinyflow")


def test_a_warm_framework_loads_its_details_only_when_read(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(_files(), cache_dir=folder)
    warm = load(_files(), cache_dir=folder).catalog
    assert warm is not None
    fw = warm.get("tensorflow")
    assert fw is not None
    assert set(EAGER_FIELDS) <= set(vars(fw))
    assert not set(DEFERRED_FIELDS) & set(vars(fw))
    assert fw.name == "TensorFlow"  # eager fields load nothing
    assert not set(DEFERRED_FIELDS) & set(vars(fw))
    assert fw.pros  # one deferred field loads them all
    assert set(DEFERRED_FIELDS) <= set(vars(fw))
    # Other frameworks are untouched.
    other = warm.get("keras")
    assert other is not None and "pros" not in vars(other)
    # dataclasses.replace and equality work on a deferred framework.
    assert dataclasses.replace(other, name="K").pros == other.pros
    assert isinstance(other, Framework)


def test_an_edited_file_is_never_shown_stale(tmp_path: Path, overlay: Path) -> None:
    folder = tmp_path / "cache"
    assert load(_files(overlay), cache_dir=folder).catalog is not None
    stat = overlay.stat()
    # Same size, same modification time: only the contents tell.
    overlay.write_text(OVERLAY.replace("TinyFlow", "TinyFlaw"), encoding="utf-8")
    os.utime(overlay, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert overlay.stat().st_size == stat.st_size
    again = load(_files(overlay), cache_dir=folder).catalog
    assert again is not None
    fw = again.get("tinyflow")
    assert fw is not None and fw.name == "TinyFlaw"
    assert len(_caches(folder)) == 2


def test_an_edit_that_breaks_the_file_is_reported_not_hidden(tmp_path: Path, overlay: Path) -> None:
    folder = tmp_path / "cache"
    assert load(_files(overlay), cache_dir=folder).catalog is not None
    overlay.write_text(OVERLAY.replace('"active"', '"alive"'), encoding="utf-8")
    result = load(_files(overlay), cache_dir=folder)
    assert result.catalog is None
    assert [p.code for p in result.errors] == ["E014"]
    assert result.errors[0].line == 10  # facts.status = "alive"
    assert len(_caches(folder)) == 1  # nothing is cached for a file with errors


def test_the_key_covers_names_settings_and_contents(tmp_path: Path, overlay: Path) -> None:
    base = [("a.toml", b"x = 1")]
    keys = {
        cache.key(base, (1, False)),
        cache.key(base, (1, True)),
        cache.key([("b.toml", b"x = 1")], (1, False)),
        cache.key([("a.toml", b"x = 2")], (1, False)),
        cache.key([("a.toml", b"x"), ("", b" = 1")], (1, False)),
    }
    assert len(keys) == 5
    folder = tmp_path / "cache"
    load(_files(overlay), cache_dir=folder)
    load(_files(overlay), cache_dir=folder, strict=True)
    load(_files(overlay), cache_dir=folder, max_records=100)
    assert len(_caches(folder)) == 3


def test_load_cached_answers_only_from_the_cache(tmp_path: Path, overlay: Path) -> None:
    folder = tmp_path / "cache"
    assert load_cached(_files(overlay), cache_dir=folder) is None
    assert not _caches(folder)
    load(_files(overlay), cache_dir=folder)
    hit = load_cached(_files(overlay), cache_dir=folder)
    assert hit is not None and hit.catalog is not None and "tinyflow" in hit.catalog
    overlay.write_text(OVERLAY + "\n# edited\n", encoding="utf-8")
    assert load_cached(_files(overlay), cache_dir=folder) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: b"not a cache" + data,
        lambda data: data[:30] + b"\x00" * 20 + data[50:],
    ],
    ids=["empty", "truncated", "other-magic", "damaged-head"],
)
def test_a_damaged_cache_is_dropped_and_rebuilt(tmp_path: Path, damage: object) -> None:
    folder = tmp_path / "cache"
    cold = load(_files(), cache_dir=folder).catalog
    (path,) = _caches(folder)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    result = load(_files(), cache_dir=folder)
    assert result.catalog == cold
    (rebuilt,) = _caches(folder)
    assert load(_files(), cache_dir=folder).catalog == cold
    assert rebuilt.read_bytes().startswith(cache.MAGIC)


def test_a_damaged_block_is_named_and_removed(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(_files(), cache_dir=folder)
    (path,) = _caches(folder)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # inside the last framework's block
    path.write_bytes(bytes(data))
    catalog = load(_files(), cache_dir=folder).catalog
    assert catalog is not None
    last = catalog.frameworks[-1]
    with pytest.raises(cache.DamagedCache, match="start fwtui again"):
        _ = last.pros
    assert not path.exists()


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = load(_files(), cache_dir=blocker / "cache")
    assert result.catalog is not None and result.catalog == load(_files()).catalog
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_old_caches_are_pruned(tmp_path: Path, overlay: Path) -> None:
    folder = tmp_path / "cache"
    for i in range(cache.KEEP + 3):
        overlay.write_text(OVERLAY + f"\n# edit {i}\n", encoding="utf-8")
        load(_files(overlay), cache_dir=folder)
    caches = _caches(folder)
    assert len(caches) == cache.KEEP
    newest = load_cached(_files(overlay), cache_dir=folder)
    assert newest is not None  # the last one written is kept


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(_files(), cache_dir=folder)
    cache.flush()
    assert [p.name for p in folder.iterdir()] == [_caches(folder)[0].name]
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def _fwtui(*args: str) -> subprocess.CompletedProcess[str]:
    """fwtui in a subprocess, in the temporary home the autouse fixture set up."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "fwtui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_the_command_line_uses_the_cache_unless_told_not_to(isolated_env: IsolatedEnv) -> None:
    folder = isolated_env.cache / "fwtui"
    first = _fwtui("list", "--format", "csv")
    assert first.returncode == 0, first.stderr
    assert len(_caches(folder)) == 1
    second = _fwtui("list", "--format", "csv")
    assert second.stdout == first.stdout
    for path in _caches(folder):
        path.unlink()
    plain = _fwtui("--no-cache", "list", "--format", "csv")
    assert plain.stdout == first.stdout
    assert not _caches(folder)
    paths = _fwtui("--paths")
    assert str(folder) in paths.stdout


def test_a_cache_others_may_write_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(_files(), cache_dir=folder)
    (path,) = _caches(folder)
    path.chmod(0o666)
    assert load_cached(_files(), cache_dir=folder) is None
    assert path.exists()  # left alone: it is not ours to delete
    path.chmod(0o600)
    assert load_cached(_files(), cache_dir=folder) is not None


def test_a_block_round_trips_every_kind_of_value() -> None:
    from types import MappingProxyType

    from fwtui import cacheblock
    from fwtui.model import Fact, FactValue, HistoryEvent, Link, PartialDate, Point

    fw = Framework(
        id="x",
        name="X",
        category="deep-learning",
        links=(Link("Docs", "https://example.org/docs"),),
        pros=(Point("Fast", "src", ("y",), True, "a note"), Point("Small")),
        cons=(Point("New", None, (), False, None),),
        facts=MappingProxyType(
            {
                "status": Fact("status", (FactValue("active", PartialDate(2017, 9), "src"),)),
                "gpu_support": Fact("gpu_support", (FactValue(True), FactValue(False, None))),
                "languages": Fact("languages", (FactValue(("Python", "C++"), None, None, "n"),)),
                "first_release": Fact(
                    "first_release", (FactValue(PartialDate(2015, 11, 9), PartialDate(2016)),)
                ),
            }
        ),
        history=(HistoryEvent(PartialDate(2017, 1, 1), "1.0", "release", "src"),),
    )
    rest = cacheblock.decode(cacheblock.encode(fw))
    assert dataclasses.replace(fw, **rest) == fw  # type: ignore[arg-type]
    for name in DEFERRED_FIELDS:
        assert rest[name] == getattr(fw, name)
    facts = rest["facts"]
    assert isinstance(facts, MappingProxyType)
    assert facts["languages"].values[0].value == ("Python", "C++")
    assert isinstance(facts["first_release"].values[0].value, PartialDate)


def test_the_command_line_names_a_damaged_cache_in_one_line(isolated_env: IsolatedEnv) -> None:
    folder = isolated_env.cache / "fwtui"
    assert _fwtui("list").returncode == 0
    (path,) = _caches(folder)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # inside the last framework's block
    path.write_bytes(bytes(data))
    catalog = load(_files()).catalog
    assert catalog is not None
    last = catalog.frameworks[-1].id
    shown = _fwtui("show", last)
    assert shown.returncode == 1
    assert shown.stderr.strip().splitlines() == [
        f"fwtui: the cache file {path} was damaged; it was removed, start fwtui again"
    ]
    assert not path.exists()
    again = _fwtui("show", last)
    assert again.returncode == 0 and again.stderr == ""


def test_a_failing_background_write_is_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cache, "write", broken)
    result = load(_files(), cache_dir=tmp_path / "cache")
    cache.flush()
    assert result.catalog is not None
    captured = capfd.readouterr()
    assert "disk on fire" not in captured.err + captured.out
    assert not _caches(tmp_path / "cache")


def test_temporary_files_left_by_a_killed_write_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    stale = folder / ".catalog-killed.tmp"
    fresh = folder / ".catalog-writing.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"half a cache")
    hour_ago = stale.stat().st_mtime - cache.STALE_TEMP_SECONDS - 60
    os.utime(stale, (hour_ago, hour_ago))
    load(_files(), cache_dir=folder)
    cache.flush()
    assert not stale.exists()
    assert fresh.exists()  # perhaps another fwtui writing right now
