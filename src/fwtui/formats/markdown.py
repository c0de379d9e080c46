"""GitHub-flavoured Markdown output."""

from __future__ import annotations

from collections.abc import Sequence


def cell(text: str) -> str:
    """A table cell: pipes escaped, no line breaks (text is already safe)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table."""
    out = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    out.append("|" + "|".join("---" for _ in headers) + "|")
    out.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in rows)
    return "\n".join(out)


def inline(text: str) -> str:
    """Escape characters that would start Markdown structure in running text."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text
