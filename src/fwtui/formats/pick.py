"""``fwtui pick`` and the need rows of ``fwtui compare --need``, in every format.

Rows come from :mod:`fwtui.needs`; text formats use the display-safe form of
every string, JSON the original.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from fwtui.formats import csvout, markdown
from fwtui.formats.jsonout import _envelope, _fact_value, dumps
from fwtui.formats.rows import Marks
from fwtui.model import Catalog
from fwtui.needs import Need, Outcome, Ranking, Verdict, Verdicts
from fwtui.textsafe import safe_line
from fwtui.values import fact_text

PICK_LEAD = ("#", "ID", "Framework", "Met", "Unknown")
PICK_CSV_LEAD = ("rank", "id", "name", "meets_all", "met", "total", "unknown")

#: SIMPLE_HEAD with a visible line where a section ends: the divider between
#: the frameworks that meet every need and the rest (ASCII where it must be).
DIVIDED = box.Box("    \n    \n ── \n    \n ── \n    \n    \n    \n")

OUTCOME_STYLES = {Outcome.MET: "green", Outcome.NOT_MET: "red", Outcome.UNKNOWN: "yellow"}


def mark(outcome: Outcome, marks: Marks) -> str:
    """``✓``, ``✗`` or ``?`` (``+``, ``-``, ``?`` in ASCII)."""
    if outcome is Outcome.MET:
        return marks.met
    return marks.not_met if outcome is Outcome.NOT_MET else marks.unknown


def verdict_cell(verdict: Verdict, marks: Marks) -> str:
    """The mark and the value that decided it: ``✓ Apache-2.0``, ``? unknown``."""
    return f"{mark(verdict.outcome, marks)} {safe_line(fact_text(verdict.fact))}"


def legend(marks: Marks, ranking: Ranking | None = None) -> str:
    """One line explaining the marks (and, for a ranking, the divider)."""
    text = (
        f"{marks.met} met, {marks.not_met} not met, {marks.unknown} unknown (never counted as met)."
    )
    if ranking is None or ranking.divider is None:
        return text
    meeting = ranking.divider
    if not ranking.entries and not ranking.unmet_hidden:
        return "No framework passes the filters."
    if meeting == 0:
        return f"No framework meets every need. {text}"
    if meeting == len(ranking.entries):
        return f"All {meeting} meet every need. {text}"
    what = "framework meets" if meeting == 1 else "frameworks meet"
    return f"Above the line: {meeting} {what} every need. {text}"


# -- fwtui pick ------------------------------------------------------------------


def pick_headers(ranking: Ranking) -> list[str]:
    return [*PICK_LEAD, *(safe_line(n.cli_token) for n in ranking.needs)]


def pick_rows(ranking: Ranking, marks: Marks) -> list[list[str]]:
    """One row per ranked framework: rank, id, name, met/total, unknowns, each need."""
    rows = []
    for i, entry in enumerate(ranking.entries, 1):
        rows.append(
            [
                str(i),
                safe_line(entry.framework.id),
                safe_line(entry.framework.name),
                f"{entry.met}/{entry.total}",
                str(entry.unknown),
                *(verdict_cell(v, marks) for v in entry),
            ]
        )
    return rows


def pick_table(ranking: Ranking, marks: Marks) -> RenderableType:
    """The ranking as a Rich table, a line under those meeting every need."""
    grid = Table(
        box=DIVIDED,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
    )
    for header in pick_headers(ranking):
        grid.add_column(Text(header), overflow="fold")
    divider = ranking.divider
    for i, (entry, row) in enumerate(zip(ranking.entries, pick_rows(ranking, marks), strict=True)):
        dim = "dim" if divider is not None and not entry.meets_all else ""
        cells = [Text(c, style=dim) for c in row[: len(PICK_LEAD)]]
        for verdict, cell in zip(entry, row[len(PICK_LEAD) :], strict=True):
            style = f"{dim} {OUTCOME_STYLES[verdict.outcome]}".strip()
            cells.append(Text(cell, style=style))
        grid.add_row(*cells, end_section=divider is not None and i + 1 == divider)
    if not ranking.needs:
        return grid
    return Group(grid, Text(""), Text(legend(marks, ranking), style="dim"))


def pick_markdown(ranking: Ranking, marks: Marks) -> str:
    """GFM: a table of those meeting every need, a rule, a table of the rest."""
    headers = pick_headers(ranking)
    rows = pick_rows(ranking, marks)
    divider = ranking.divider
    if divider is None:
        return markdown.table(headers, rows) + "\n"
    parts = []
    if divider > 0:
        parts.append(markdown.table(headers, rows[:divider]))
    if divider < len(rows):
        if divider > 0:
            parts.append("---")
        parts.append(markdown.table(headers, rows[divider:]))
    parts.append(legend(marks, ranking))
    return "\n\n".join(parts) + "\n"


def pick_csv(ranking: Ranking) -> str:
    """A row per framework; per need its outcome and the deciding value."""
    headers = list(PICK_CSV_LEAD)
    for need in ranking.needs:
        token = safe_line(need.cli_token)
        headers += [token, f"{token} value"]
    rows = []
    for i, entry in enumerate(ranking.entries, 1):
        row = [
            str(i),
            safe_line(entry.framework.id),
            safe_line(entry.framework.name),
            "yes" if entry.meets_all else "no",
            str(entry.met),
            str(entry.total),
            str(entry.unknown),
        ]
        for verdict in entry:
            row += [verdict.outcome.label, safe_line(fact_text(verdict.fact))]
        rows.append(row)
    return csvout.table(headers, rows)


def need_json(need: Need) -> dict[str, Any]:
    """A need as JSON: how it was written and what it asks."""
    return {
        "text": need.cli_token,
        "key": need.key,
        "name": need.name,
        "label": need.attribute.label,
        "kind": need.attribute.kind,
        "values": list(need.values),
        "negated": need.negated,
        "description": need.describe(),
    }


def _verdict_json(verdict: Verdict) -> dict[str, Any]:
    return {
        "need": verdict.need.cli_token,
        "outcome": verdict.outcome.value,
        "value": _fact_value(verdict.fact),
    }


def pick_json(catalog: Catalog, ranking: Ranking, *, ascii: bool = False) -> str:
    """``fwtui pick --format json``."""
    doc = _envelope("pick", catalog, ranking.view)
    doc["query"] = {
        "text": ranking.query.text,
        "needs": [need_json(n) for n in ranking.needs],
    }
    doc["count"] = len(ranking.entries)
    doc["total"] = ranking.total
    doc["meeting_all"] = len(ranking.meeting_all)
    doc["hide_unmet"] = ranking.unmet_hidden
    doc["frameworks"] = [
        {
            "rank": i,
            "id": entry.framework.id,
            "name": entry.framework.name,
            "category": entry.framework.category,
            "status": catalog.status(entry.framework, ranking.view),
            "meets_all": entry.meets_all,
            "met": entry.met,
            "not_met": entry.not_met,
            "unknown": entry.unknown,
            "total": entry.total,
            "verdicts": [_verdict_json(v) for v in entry],
        }
        for i, entry in enumerate(ranking.entries, 1)
    ]
    return dumps(doc, ascii=ascii)


# -- fwtui compare --need ------------------------------------------------------


def need_rows(columns: Sequence[Verdicts], marks: Marks) -> list[list[str]]:
    """Compare rows: needs met per column, then one row per need."""
    if not columns or not columns[0].verdicts:
        return []
    rows = [[f"{marks.same} Needs met", *(f"{c.met}/{c.total}" for c in columns)]]
    for i, verdict in enumerate(columns[0]):
        label = f"{marks.same} {safe_line(verdict.need.describe())}"
        rows.append([label, *(verdict_cell(c.verdicts[i], marks) for c in columns)])
    return rows


def need_text_rows(columns: Sequence[Verdicts], marks: Marks) -> list[list[Text]]:
    """:func:`need_rows` as styled Text, for the Rich compare table."""
    rows = []
    for r, row in enumerate(need_rows(columns, marks)):
        cells = [Text(row[0], style="bold")]
        for c, cell in enumerate(row[1:]):
            style = "" if r == 0 else OUTCOME_STYLES[columns[c].verdicts[r - 1].outcome]
            cells.append(Text(cell, style=style))
        rows.append(cells)
    return rows


def need_records(columns: Sequence[Verdicts]) -> list[list[str]]:
    """Compare CSV rows (``section`` ``need``): needs met, then each need's outcome."""
    if not columns or not columns[0].verdicts:
        return []
    counts = [f"{c.met}/{c.total}" for c in columns]
    differs = "yes" if len(set(counts)) > 1 else "no"
    rows = [["need", "Needs met", differs, *counts]]
    for i, verdict in enumerate(columns[0]):
        outcomes = [c.verdicts[i].outcome.label for c in columns]
        differs = "yes" if len(set(outcomes)) > 1 else "no"
        rows.append(["need", safe_line(verdict.need.cli_token), differs, *outcomes])
    return rows


def needs_json(columns: Sequence[Verdicts]) -> list[dict[str, Any]]:
    """The ``needs`` field of ``fwtui compare --format json``."""
    if not columns:
        return []
    return [
        {
            "need": need_json(verdict.need),
            "outcomes": [c.verdicts[i].outcome.value for c in columns],
            "values": [_fact_value(c.verdicts[i].fact) for c in columns],
        }
        for i, verdict in enumerate(columns[0])
    ]
