"""Size limits: a huge file, or one of very many records, is refused at once,
before it is read whole or parsed, with a message naming the limit and the
flag that lifts it (E005 ``--max-data-mb``, E006 ``--max-records``)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fwtui import tomlcompat
from fwtui.catalog import DEFAULT_MAX_RECORDS, load_paths
from fwtui.problems import CODES

MB = 1024 * 1024
RECORD = '[[framework]]\nid = "f{i}"\nname = "F{i}"\ncategory = "deep-learning"\n'


def records_file(path: Path, count: int, template: str = RECORD) -> Path:
    body = "".join(template.format(i=i) for i in range(count))
    path.write_text("schema_version = 1\n" + body, encoding="utf-8")
    return path


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the loader parses anything."""

    def refuse(text: str, **kwargs: Any) -> Any:
        raise AssertionError(f"the loader parsed {len(text):,} characters")

    monkeypatch.setattr(tomlcompat, "loads", refuse)


class _CountingStream(io.BufferedReader):
    reads: list[int]

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.reads.append(len(data))
        return data


@pytest.fixture
def bytes_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many bytes the loader reads from each file it opens."""
    reads: list[int] = []
    real_open: Callable[..., Any] = Path.open

    def counting_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_open(self, mode, *args, **kwargs)
        if mode != "rb":
            return stream
        raw = stream.detach()
        counting = _CountingStream(raw)
        counting.reads = reads
        return counting

    monkeypatch.setattr(Path, "open", counting_open)
    yield reads


def the_error(path: Path, **kwargs: Any) -> Any:
    result = load_paths([path], **kwargs)
    assert result.catalog is None
    (problem,) = result.problems
    assert problem.code in CODES
    assert problem.file == str(path)
    assert problem.line is None  # about the file as a whole
    return problem


def test_a_50_mb_file_is_refused_unread(
    tmp_path: Path, no_parsing: None, bytes_read: list[int]
) -> None:
    path = tmp_path / "huge.toml"
    record = RECORD.format(i=1).encode()
    block = (record * (MB // len(record) + 1))[:MB]  # 1 MB of records
    with path.open("wb") as stream:
        for _ in range(50):
            stream.write(block)
    bytes_read.clear()  # the writes above went through the patched open too
    problem = the_error(path)
    assert problem.code == "E005"
    assert problem.message == "is 50.0 MB, over the limit of 16 MB"
    assert problem.hint == "raise it with --max-data-mb N"
    assert sum(bytes_read) == 0  # refused from its size alone


def test_a_stream_without_a_size_is_read_only_to_the_limit(
    tmp_path: Path, no_parsing: None, bytes_read: list[int]
) -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    problem = the_error(zero, max_bytes=MB)
    assert problem.code == "E005"
    assert "over the limit of 1 MB" in problem.message
    assert sum(bytes_read) == MB + 1


def test_100000_records_are_refused_before_parsing(tmp_path: Path, no_parsing: None) -> None:
    path = records_file(tmp_path / "many.toml", 100_000)
    assert path.stat().st_size < 16 * MB  # under the byte limit: the record limit decides
    problem = the_error(path)
    assert problem.code == "E006"
    assert problem.message == (
        f"has 100,000 [[framework]] records, over the limit of {DEFAULT_MAX_RECORDS:,}"
    )
    assert problem.hint == "raise it with --max-records N"


def test_headers_written_otherwise_are_counted_after_parsing(tmp_path: Path) -> None:
    template = "  [[ framework ]]\nid = 'f{i}'\nname = 'F'\ncategory = 'deep-learning'\n"
    path = records_file(tmp_path / "spaced.toml", 30, template)
    problem = the_error(path, max_records=20)
    assert problem.code == "E006"
    assert problem.message == "has 30 [[framework]] records, over the limit of 20"


def test_records_written_inline_are_counted_after_parsing(tmp_path: Path) -> None:
    items = ", ".join(
        f'{{ id = "f{i}", name = "F", category = "deep-learning" }}' for i in range(30)
    )
    path = tmp_path / "inline.toml"
    path.write_text(f"schema_version = 1\nframework = [{items}]\n")
    problem = the_error(path, max_records=20)
    assert problem.code == "E006"
    assert problem.message == "has 30 [[framework]] records, over the limit of 20"
    assert load_paths([path], max_records=30).catalog is not None


def test_the_record_limit_is_lifted(tmp_path: Path) -> None:
    path = records_file(tmp_path / "thirty.toml", 30)
    assert the_error(path, max_records=29).code == "E006"
    result = load_paths([path], max_records=30)
    assert result.catalog is not None
    assert len(result.catalog) == 30


def test_the_limits_are_documented() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs"
    table = (docs / "data-format.md").read_text(encoding="utf-8")
    # Every code is in the table, and the table has no other.
    assert set(re.findall(r"^\| `([EW]\d{3})` \|", table, re.MULTILINE)) == set(CODES)
    cli_doc = (docs / "cli.md").read_text(encoding="utf-8")
    assert "`--max-records N`" in cli_doc
    assert "`--max-data-mb N`" in cli_doc


# The command line: the same limits, and the flags that lift them.


def test_cli_names_the_record_limit_and_its_flag(tmp_path: Path, cli: Any) -> None:
    path = records_file(tmp_path / "thirty.toml", 30)
    result = cli("--no-bundled", "--data", path, "--max-records", "20", "list")
    assert result.code == 2
    assert result.err.splitlines() == [
        f"{path}: E006 has 30 [[framework]] records, over the limit of 20; "
        "raise it with --max-records N",
        "fwtui: 1 error",
    ]
    lifted = cli("--no-bundled", "--data", path, "--max-records", "200000", "list", "-f", "csv")
    assert lifted.code == 0, lifted.err
    assert len(lifted.out.splitlines()) == 31  # a header and 30 records


def test_cli_validate_honours_the_record_limit(tmp_path: Path, cli: Any) -> None:
    path = records_file(tmp_path / "thirty.toml", 30)
    refused = cli("validate", "--no-bundled", "--max-records", "20", path)
    assert refused.code == 2
    assert "E006" in refused.out
    assert cli("validate", "--no-bundled", "--max-records", "30", path).code == 0


def test_cli_refuses_a_50_mb_file_naming_the_flag(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.truncate(50 * MB)  # sparse: no need to write 50 MB of zeros
    result = cli("--no-bundled", "--data", path, "list")
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"{path}: E005 is 50.0 MB, over the limit of 16 MB; raise it with --max-data-mb N"
    )


@pytest.mark.parametrize("value", ["0", "-3", "many", "1.5"])
def test_max_records_must_be_a_positive_number(cli: Any, value: str) -> None:
    result = cli("--max-records", value, "list")
    assert result.code == 2
    assert "--max-records" in result.err


# Many records under the limits: the work grows with the file, not its square.


def test_hints_for_thousands_of_broken_links_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 records each linking to a missing id took 11 minutes: every
    did-you-mean compared the id with all 20,000 others."""
    from fwtui import catalog

    compared: list[int] = []
    real = catalog.did_you_mean

    def counting(word: str, choices: Any) -> str | None:
        compared.append(len(choices))
        return real(word, choices)

    monkeypatch.setattr(catalog, "did_you_mean", counting)
    path = records_file(tmp_path / "links.toml", 5_000, RECORD + 'related = ["f{i}x"]\n')
    result = load_paths([path])
    assert [p.code for p in result.problems] == ["E021"] * 5_000
    assert sum(compared) <= catalog.HINT_BUDGET
    first, last = result.problems[0], result.problems[-1]
    assert (first.hint or "").startswith("did you mean 'f0'")  # the first ones get one
    assert last.hint is None  # then the budget is spent


def test_a_record_linked_from_thousands(tmp_path: Path) -> None:
    path = records_file(tmp_path / "hub.toml", 5_000, RECORD + 'related = ["f0"]\n')
    result = load_paths([path])
    assert result.catalog is not None
    hub = result.catalog.get("f0")
    assert hub is not None
    # Its own link (to itself, kept as written), then those from every other record.
    assert hub.related == tuple(f"f{i}" for i in range(5_000))
