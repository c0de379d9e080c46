"""The ``fwtui`` command: the explorer, and commands for scripts and pipes.

Non-interactive commands use the core and Rich only; Textual is imported only
when the full screen starts (it costs about a third of a second to import, and
``fwtui show keras`` over SSH should not pay for it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from fwtui import __version__
from fwtui.cache import DamagedCache
from fwtui.catalog import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_RECORDS,
    MAX_BYTES_FLAG,
    MAX_RECORDS_FLAG,
    LoadResult,
    check_file,
    load,
)
from fwtui.compare import MAX_COLUMNS, MIN_COLUMNS, build_matrix
from fwtui.formats import FORMATS
from fwtui.model import CATEGORIES, STATUSES, Catalog, Framework, View
from fwtui.paths import DataFile, bundled_data, data_files, state_home, user_data_file
from fwtui.problems import Problem
from fwtui.query import SORT_KEYS, Filters, apply, resolve_id, suggestions

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A mistake on the command line: exit code 2."""


class DataError(Exception):
    """The data files have errors: each is reported, and the exit code is 2."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problems in the data files")
        self.problems = tuple(problems)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"fwtui: error: {message}\n")


def _megabytes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of megabytes, not {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 megabyte, not {value}")
    return value


def _record_count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of records, not {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 record, not {value}")
    return value


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Defaults only on the top-level parser, so an option given before the
    # subcommand is not reset by the subcommand's own defaults. `--data` given
    # after the subcommand goes to its own list, appended to the top-level one
    # (argparse would otherwise replace `--data A list --data B` by B alone).
    parser.add_argument(
        "--data",
        action="append",
        metavar="PATH",
        dest="data" if top else "data_after",
        default=[] if top else argparse.SUPPRESS,
        help="read this data file too, after the others (repeatable)",
    )
    parser.add_argument(
        "--no-bundled",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="leave out the bundled catalog",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="read and check every data file, neither reading nor writing the cache",
    )
    parser.add_argument(
        "--as-of",
        choices=[v.value for v in View],
        default="today" if top else argparse.SUPPRESS,
        help="show facts as the article saw them (late 2017) or as of today (default)",
    )
    parser.add_argument(
        MAX_BYTES_FLAG,
        type=_megabytes,
        metavar="N",
        default=DEFAULT_MAX_BYTES // 1048576 if top else argparse.SUPPRESS,
        help=f"refuse data files larger than N megabytes (default {DEFAULT_MAX_BYTES // 1048576})",
    )
    parser.add_argument(
        MAX_RECORDS_FLAG,
        type=_record_count,
        metavar="N",
        default=DEFAULT_MAX_RECORDS if top else argparse.SUPPRESS,
        help=f"refuse data files with more than N [[framework]] records "
        f"(default {DEFAULT_MAX_RECORDS:,})",
    )


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="table",
        help="output format (default: table; plain text when piped)",
    )


def _filter_options(p: argparse.ArgumentParser, sort_help: str) -> None:
    """The quick filters and sort that list and pick share."""
    p.add_argument(
        "--category",
        "-c",
        action="append",
        choices=CATEGORIES,
        default=[],
        metavar="CATEGORY",
        help=f"only this category: {', '.join(CATEGORIES)} (repeatable)",
    )
    p.add_argument(
        "--status",
        "-s",
        action="append",
        choices=STATUSES,
        default=[],
        metavar="STATUS",
        help=f"only this status: {', '.join(STATUSES)} (repeatable)",
    )
    p.add_argument(
        "--tag",
        "-t",
        action="append",
        default=[],
        metavar="TAG",
        help="only frameworks with this tag (repeatable: any of them)",
    )
    p.add_argument(
        "--active-today",
        action="store_true",
        help="only frameworks active today (whatever --as-of shows)",
    )
    p.add_argument(
        "--in-article",
        action="store_true",
        help="only frameworks the article (late 2017) covered",
    )
    p.add_argument(
        "--sort",
        choices=SORT_KEYS,
        default="name",
        help=f"{sort_help}: {', '.join(SORT_KEYS)} (default: name)",
    )


def _filters(args: argparse.Namespace, text: str = "") -> Filters:
    """The Filters that the options of :func:`_filter_options` ask for."""
    return Filters(
        text=text,
        categories=frozenset(args.category),
        statuses=frozenset(args.status),
        tags=frozenset(t.casefold() for t in args.tag),
        active_today=args.active_today,
        in_article=args.in_article,
        sort=args.sort,
        view=View(args.as_of),
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; also used to document the commands."""
    parser = _Parser(
        prog="fwtui",
        description="Explore and compare AI and machine-learning frameworks.",
        epilog="Without a command, fwtui opens the full-screen explorer.",
    )
    parser.add_argument("--version", action="version", version=f"fwtui {__version__}")
    parser.add_argument(
        "--paths", action="store_true", help="print every file fwtui reads or writes, and exit"
    )
    parser.add_argument(
        "--keys",
        action="store_true",
        help="print the explorer's actions and their keys (for [keys] in config.toml), and exit",
    )
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("list", help="list frameworks", description="List frameworks.")
    p.add_argument("text", nargs="*", help="filter text: name, id, alias, tag or summary")
    _filter_options(p, "order; unknown values last")
    _format_option(p)
    _common(p, top=False)

    p = sub.add_parser("show", help="show one framework", description="Show one framework.")
    p.add_argument("id", help="framework id, name or alias")
    _format_option(p)
    _common(p, top=False)

    p = sub.add_parser(
        "compare",
        help="compare frameworks side by side",
        description=f"Compare {MIN_COLUMNS} to {MAX_COLUMNS} frameworks side by side.",
    )
    p.add_argument("ids", nargs="+", metavar="ID", help="framework ids, names or aliases")
    p.add_argument(
        "--differences",
        "-d",
        action="store_true",
        help="show only the fact rows whose values differ",
    )
    p.add_argument(
        "--need",
        "-n",
        action="append",
        default=[],
        metavar="NEED",
        help="add a row for this need (key:value, key:v1,v2 or key!=value; repeatable)",
    )
    _format_option(p)
    _common(p, top=False)

    p = sub.add_parser(
        "pick",
        help="rank frameworks by needs, and say why",
        description="Rank frameworks by needs: those meeting every need first, then the "
        "rest, each need marked met, not met or unknown with the value that decided it.",
        epilog="NEED is key:value on a declared attribute (lang:python), key:v1,v2 for any "
        "of them, key!=value (or -key:value) for none of them; other words are free text. "
        "See docs/cli.md.",
    )
    p.add_argument(
        "needs",
        nargs="+",
        metavar="NEED",
        help="key:value, key:v1,v2, key!=value, or free text (name, alias, tag, summary)",
    )
    _filter_options(p, "order among equals")
    p.add_argument(
        "--hide-unmet",
        action="store_true",
        help="leave out the frameworks that miss a need or leave it unknown",
    )
    _format_option(p)
    _common(p, top=False)

    p = sub.add_parser(
        "validate",
        help="check data files",
        description="Check data files, each on its own and then merged. Never writes.",
    )
    p.add_argument("files", nargs="*", metavar="PATH", help="files to check (default: all in use)")
    p.add_argument("--strict", action="store_true", help="also report anything without a source")
    _common(p, top=False)
    return parser


# ---------------------------------------------------------------------------
# Output


def _terminal_width() -> int | None:
    """The width of a terminal the user is looking at, even when stdout is piped."""
    for fd in (1, 2, 0):
        try:
            if os.isatty(fd):
                return os.get_terminal_size(fd).columns
        except OSError:
            continue
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else None


def _console(stream: IO[str]) -> Any:
    from rich.console import Console

    if stream.isatty():
        return Console(file=stream, highlight=False, emoji=False, markup=False)
    width = _terminal_width() or 10_000  # no terminal anywhere: never wrap
    return Console(
        file=stream,
        width=width,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def _print_renderable(renderable: Any, stream: IO[str]) -> None:
    console = _console(stream)
    if stream.isatty():
        console.print(renderable)
        return
    with console.capture() as capture:
        console.print(renderable)
    text = "\n".join(line.rstrip() for line in capture.get().splitlines())
    stream.write(text + "\n")


def _marks(stream: IO[str]) -> Any:
    from fwtui.formats.rows import Marks

    return Marks.for_encoding(getattr(stream, "encoding", None))


def _json_ascii(stream: IO[str]) -> bool:
    """JSON is escaped to plain ASCII where the output encoding needs it."""
    return not _unicode_ok(stream)


def _unicode_ok(stream: IO[str]) -> bool:
    """True when the stream's encoding can carry any character (UTF-8, UTF-16...)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding.startswith("utf")


def _tolerate_encoding(stream: IO[str]) -> None:
    """Where the output encoding cannot carry every character (LANG=C on an old
    system, PYTHONIOENCODING=ascii), print what it can and "?" for the rest,
    rather than fail half-way. JSON stays lossless: it is written with \\u
    escapes instead (see ``_json_ascii``)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and not _unicode_ok(stream):
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")


# ---------------------------------------------------------------------------
# Commands


def _load(args: argparse.Namespace, *, strict: bool = False) -> LoadResult:
    files = data_files(args.data, bundled=not args.no_bundled)
    return load(
        files,
        strict=strict,
        max_bytes=args.max_data_mb * 1048576,
        max_records=args.max_records,
        cache_dir=_cache_dir(args),
    )


def _cache_dir(args: argparse.Namespace) -> Path | None:
    """Where loaded catalogs are cached, or None with ``--no-cache``."""
    from fwtui.paths import catalog_cache

    return None if args.no_cache else catalog_cache()


def _report(problems: Sequence[Problem], stream: IO[str] | None) -> None:
    if stream is None:
        return
    for problem in problems:
        stream.write(problem.format() + "\n")
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    summary = [f"{errors} error{'s' if errors != 1 else ''}"]
    if warnings:
        summary.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    stream.write("fwtui: " + ", ".join(summary) + "\n")


def _catalog(args: argparse.Namespace) -> Catalog:
    result = _load(args)
    if result.catalog is None:
        raise DataError(result.errors)
    return result.catalog


def _find(catalog: Catalog, wanted: str) -> Framework:
    fw = resolve_id(catalog, wanted)
    if fw is None:
        close = suggestions(catalog, wanted)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        from fwtui.textsafe import safe_line

        raise UsageError(f"no framework {safe_line(wanted)!r}{hint} (see `fwtui list`)")
    return fw


def cmd_list(args: argparse.Namespace, out: IO[str]) -> int:
    catalog = _catalog(args)
    view = View(args.as_of)
    filters = _filters(args, " ".join(args.text))
    result = apply(catalog, filters)
    if args.format == "json":
        from fwtui.formats.jsonout import list_json

        document = list_json(catalog, result.frameworks, view, result.total, ascii=_json_ascii(out))
        out.write(document + "\n")
        return EXIT_OK
    from fwtui.formats.rows import LIST_HEADERS, list_rows

    rows = list_rows(catalog, result.frameworks, view)
    if args.format == "markdown":
        from fwtui.formats import markdown

        out.write(markdown.table(LIST_HEADERS, rows) + "\n")
    elif args.format == "csv":
        from fwtui.formats import csvout

        out.write(csvout.table(LIST_HEADERS, rows))
    else:
        from fwtui.formats import text

        _print_renderable(text.table(LIST_HEADERS, rows, status_col=3, shrink_col=1), out)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: IO[str]) -> int:
    catalog = _catalog(args)
    fw = _find(catalog, args.id)
    view = View(args.as_of)
    if args.format == "json":
        from fwtui.formats.jsonout import show_json

        out.write(show_json(catalog, fw, view, ascii=_json_ascii(out)) + "\n")
        return EXIT_OK
    if args.format in ("markdown", "csv"):
        from fwtui.formats.detail import detail_csv, detail_markdown

        render = detail_markdown if args.format == "markdown" else detail_csv
        out.write(render(catalog, fw, view))
        return EXIT_OK
    from fwtui.formats import text

    _print_renderable(text.show(catalog, fw, view, _marks(out)), out)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace, out: IO[str]) -> int:
    catalog = _catalog(args)
    frameworks: list[Framework] = []
    for wanted in args.ids:
        fw = _find(catalog, wanted)
        if fw not in frameworks:
            frameworks.append(fw)
    if len(frameworks) < MIN_COLUMNS:
        raise UsageError(f"compare needs at least {MIN_COLUMNS} different frameworks")
    if len(frameworks) > MAX_COLUMNS:
        raise UsageError(f"compare shows at most {MAX_COLUMNS} frameworks, {len(frameworks)} given")
    matrix = build_matrix(catalog, frameworks, View(args.as_of))
    diff = args.differences
    needs = _needs_columns(catalog, args.need, frameworks, View(args.as_of))
    if args.format == "json":
        from fwtui.formats.jsonout import compare_json
        from fwtui.formats.pick import needs_json

        document = compare_json(
            catalog, matrix, diff, ascii=_json_ascii(out), needs=needs_json(needs)
        )
        out.write(document + "\n")
        return EXIT_OK
    from fwtui.formats.pick import need_records, need_rows, need_text_rows
    from fwtui.formats.rows import COMPARE_CSV_LEAD, compare_records, compare_rows
    from fwtui.textsafe import safe_line

    names = [safe_line(fw.name) for fw in matrix.frameworks]
    if args.format == "csv":
        from fwtui.formats import csvout

        records = [*need_records(needs), *compare_records(matrix, diff)]
        out.write(csvout.table([*COMPARE_CSV_LEAD, *names], records))
        return EXIT_OK
    marks = _marks(out)
    if args.format == "markdown":
        from fwtui.formats import markdown

        rows = [*need_rows(needs, marks), *compare_rows(matrix, marks, diff)]
        out.write(markdown.table(["", *names], rows) + "\n")
        legend = f"\n{marks.differs} marks facts that differ; {marks.pro} pro, {marks.con} con."
        if needs:
            legend += f" Needs: {marks.met} met, {marks.not_met} not met, {marks.unknown} unknown."
        out.write(legend + "\n")
        return EXIT_OK
    from fwtui.formats import text

    _print_renderable(text.compare(matrix, marks, diff, need_text_rows(needs, marks)), out)
    return EXIT_OK


def _parse_needs(catalog: Catalog, tokens: Sequence[str], *, free_text: bool) -> Any:
    """The query the arguments make; bad needs are a usage error with a did-you-mean."""
    from fwtui.needs import parse_tokens
    from fwtui.textsafe import safe_line

    query = parse_tokens(tokens, catalog)
    messages = [safe_line(p.format()) for p in query.errors]
    if query.text and not free_text:
        messages.append(f"--need takes key:value, not {safe_line(query.text)!r}")
    if messages:
        raise UsageError("\nfwtui: ".join(messages))
    for warning in query.warnings:
        _say(f"fwtui: note: {safe_line(warning.format())}")
    return query


def _needs_columns(
    catalog: Catalog, tokens: Sequence[str], frameworks: Sequence[Framework], view: View
) -> list[Any]:
    """The verdicts of each compared framework on the ``--need`` needs."""
    if not tokens:
        return []
    from fwtui.needs import evaluate

    query = _parse_needs(catalog, tokens, free_text=False)
    return [evaluate(catalog, fw, query.needs, view) for fw in frameworks]


def cmd_pick(args: argparse.Namespace, out: IO[str]) -> int:
    catalog = _catalog(args)
    query = _parse_needs(catalog, args.needs, free_text=True)
    from fwtui.needs import rank

    ranking = rank(catalog, _filters(args), query)
    if args.hide_unmet:
        ranking = ranking.meeting_all_only()
    from fwtui.formats import pick

    if args.format == "json":
        out.write(pick.pick_json(catalog, ranking, ascii=_json_ascii(out)) + "\n")
    elif args.format == "csv":
        out.write(pick.pick_csv(ranking))
    elif args.format == "markdown":
        out.write(pick.pick_markdown(ranking, _marks(out)))
    else:
        _print_renderable(pick.pick_table(ranking, _marks(out)), out)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: IO[str]) -> int:
    if args.files:
        files = [DataFile(Path(p), "argument", True) for p in args.files]
    else:
        files = data_files(args.data, bundled=not args.no_bundled)
    max_bytes = args.max_data_mb * 1048576
    problems: list[Problem] = []
    seen: set[Problem] = set()

    def add(found: Sequence[Problem]) -> None:
        for p in found:
            if p not in seen:
                seen.add(p)
                problems.append(p)

    # Each file on its own: reading, syntax and shape (an overlay may lean on
    # records, sources and attributes another file declares) ...
    for data_file in files:
        add(check_file(data_file, max_bytes=max_bytes, max_records=args.max_records))
    # ... then merged, in the order given, over the bundled data when checking
    # explicit files (they are usually overlays of it).
    merged_files = files
    if args.files and not args.no_bundled:
        merged_files = [DataFile(bundled_data(), "bundled", True), *files]
    merged = load(
        merged_files, strict=args.strict, max_bytes=max_bytes, max_records=args.max_records
    )
    add(merged.problems)
    if problems:
        _report(problems, out)
        return EXIT_USAGE
    names = ", ".join(str(f.path) for f in files)
    count = len(merged.catalog) if merged.catalog else 0
    plural = "s" if len(files) != 1 else ""
    kinds = "framework" if count == 1 else "frameworks"
    out.write(f"fwtui: {len(files)} file{plural} OK ({names}); {count} {kinds}\n")
    return EXIT_OK


def cmd_paths(args: argparse.Namespace, out: IO[str]) -> int:
    """Every file fwtui reads or may write, in overlay order; nothing is created."""
    from fwtui.paths import catalog_cache, data_schema, output_schema

    rows: list[tuple[str, Path, str]] = [("bundled data", bundled_data(), "read")]
    rows.append(("user data", user_data_file(), "read if present"))
    for f in data_files(args.data, bundled=False):
        if f.origin != "user config":
            rows.append((f.origin, f.path, "read"))
    rows.append(("data schema", data_schema(), "for editors (#:schema)"))
    rows.append(("output schema", output_schema(), "for --format json"))
    from fwtui.settings import settings_file, state_file

    rows.append(("settings", settings_file(), "read if present"))
    rows.append(("state", state_file(), "written by the explorer (theme)"))
    rows.append(("crash logs", state_home() / "fwtui", "written if the explorer fails"))
    rows.append(("catalog cache", catalog_cache(), "written on load; safe to delete"))
    for label, path, use in rows:
        exists = "exists" if path.exists() else "missing"
        out.write(f"{label:<14} {exists:<8} {use:<32} {path}\n")
    return EXIT_OK


def cmd_keys(out: IO[str]) -> int:
    """The remappable actions, their default keys and where they apply."""
    from fwtui.tui.keys import actions  # the bindings live with the explorer

    seen: set[tuple[str, str]] = set()
    out.write(f"{'action':<22} {'keys':<24} {'where':<16} description\n")
    for action in actions():
        if (action.id, action.scope) in seen:
            continue
        seen.add((action.id, action.scope))
        out.write(f"{action.id:<22} {action.keys:<24} {action.scope:<16} {action.description}\n")
    return EXIT_OK


#: Above this much data the explorer loads it behind a loading screen.
BACKGROUND_LOAD_BYTES = 1024 * 1024


def _total_bytes(files: Sequence[DataFile]) -> int:
    total = 0
    for data_file in files:
        with contextlib.suppress(OSError):
            total += data_file.path.stat().st_size
    return total


def run_explorer(args: argparse.Namespace) -> int:
    """Start the full-screen explorer (imports Textual here, not before)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the explorer needs a terminal for input and output; try `fwtui list`")
    if os.environ.get("TERM") == "dumb":
        raise UsageError("TERM=dumb cannot show the explorer; try `fwtui list`")
    files = data_files(args.data, bundled=not args.no_bundled)
    # Small data is checked before the full screen starts (problems print as
    # lines, exit 2); large data loads behind a loading screen instead of
    # leaving the terminal blank for seconds.
    # A catalog cached for these very file contents is read at once, whatever its size.
    cache_dir = _cache_dir(args)
    catalog = None
    if _total_bytes(files) <= BACKGROUND_LOAD_BYTES:
        catalog = _catalog(args)
    elif cache_dir is not None:
        from fwtui.catalog import load_cached

        cached = load_cached(
            files,
            cache_dir=cache_dir,
            max_bytes=args.max_data_mb * 1048576,
            max_records=args.max_records,
        )
        catalog = cached.catalog if cached is not None else None
    # Textual is imported only here: the other commands never pay for it.
    from fwtui.settings import Settings, load_settings, settings_file
    from fwtui.tui.app import build_app

    path = settings_file()
    settings = Settings()
    problems: list[Problem] = []
    if path.exists():
        # keys.actions() imports every screen (compare, detail) for its bindings:
        # only a settings file to check needs them (without one, load_settings
        # returns the defaults without looking at the actions).
        from textual.theme import BUILTIN_THEMES

        from fwtui.tui.keys import actions

        settings, problems = load_settings(path, actions(), list(BUILTIN_THEMES))
    if problems:
        _report(problems, sys.stderr)
        raise SystemExit(EXIT_USAGE)
    app = build_app(
        catalog,
        files=files,
        view=View(args.as_of),
        max_bytes=args.max_data_mb * 1048576,
        settings=settings,
        max_records=args.max_records,
        cache_dir=cache_dir,
    )
    app.run()
    code = app.return_code or 0
    if app.load_problems:
        _report(app.load_problems, sys.stderr)
        return EXIT_USAGE
    report = app.crash_report()
    if report:
        # Textual restored the terminal; leave one line, not a traceback.
        where = _write_crash_log(report)
        sys.stderr.write(
            f"fwtui: the explorer stopped after an internal error; details in {where}\n"
        )
        return code or EXIT_ERROR
    return code


def _write_crash_log(report: str) -> str:
    """Write a crash report under the state directory; return where it went."""
    import time

    folder = state_home() / "fwtui"
    path = folder / time.strftime("crash-%Y%m%d-%H%M%S.log")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(report, encoding="utf-8")
    except OSError as exc:
        return f"(could not write {path}: {exc.strerror}); first line: {report.splitlines()[0]}"
    return str(path)


COMMANDS = {
    "list": cmd_list,
    "show": cmd_show,
    "compare": cmd_compare,
    "pick": cmd_pick,
    "validate": cmd_validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``fwtui`` command and return its exit code; never a traceback for
    bad data, a closed pipe or a full disk (see docs/cli.md, "Exit codes")."""
    parser = build_parser()
    args = parser.parse_args(_app_negations(sys.argv[1:] if argv is None else argv))
    args.data = [*args.data, *getattr(args, "data_after", [])]
    out = sys.stdout
    try:
        if out is None and (args.paths or args.keys or args.command is not None):
            _say("fwtui: no standard output to write to")
            return EXIT_ERROR
        if out is not None:
            _tolerate_encoding(out)
        if args.paths:
            code = cmd_paths(args, out)
        elif args.keys:
            code = cmd_keys(out)
        elif args.command is None:
            return run_explorer(args)
        else:
            code = COMMANDS[args.command](args, out)
        out.flush()
        return code
    except UsageError as exc:
        _say(f"fwtui: {exc}")
        return EXIT_USAGE
    except DataError as exc:
        with contextlib.suppress(OSError, ValueError):
            _report(exc.problems, sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`fwtui list | head -1`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        # Anything else that fails while writing: a full disk (`> /dev/full`),
        # an I/O error, a closed or non-blocking descriptor.
        _silence_stdout()
        _say(f"fwtui: could not write the output: {exc.strerror or exc}")
        return EXIT_ERROR
    except DamagedCache as exc:
        # The disk changed under a cache read lazily; it is gone, a rerun rebuilds it.
        _say(f"fwtui: {exc}")
        return EXIT_ERROR


_APP_NEGATION = re.compile(r"^-(?P<key>[^\W_][\w-]*):(?P<values>.*)$", re.DOTALL)


def _app_negations(argv: Sequence[str]) -> list[str]:
    """``-status:discontinued`` (the explorer's negation) as ``status!=discontinued``
    in ``pick`` and ``--need``, so the option parser does not take it for options."""
    argv = list(argv)
    if "pick" not in argv and not any(
        a in ("--need", "-n") or a.startswith("--need=") for a in argv
    ):
        return argv
    out = []
    for arg in argv:
        prefix = "--need=" if arg.startswith("--need=") else ""
        m = _APP_NEGATION.match(arg[len(prefix) :])
        out.append(f"{prefix}{m['key']}!={m['values']}" if m else arg)
    return out


def _say(message: str) -> None:
    """One line on standard error, when there is one to write to."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(message + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass


def entry() -> NoReturn:
    """The ``fwtui`` console script (and ``python -m fwtui``).

    ``main`` already turns Ctrl+C into exit code 130; this also covers the
    moments around it (parsing the arguments, leaving), so an interrupt never
    ends in a traceback.
    """
    try:
        code = main()
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    raise SystemExit(code)
