"""Problems found in data files, reported all at once like a compiler does."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from fwtui.textsafe import safe

#: Error codes and what they mean; docs/data-format.md lists the same table.
CODES: dict[str, str] = {
    "E001": "file cannot be read",
    "E002": "not UTF-8 text",
    "E003": "TOML syntax error",
    "E004": "empty file",
    "E005": "file too large",
    "E006": "too many records",
    "E007": "nested too deep",
    "E010": "missing or unsupported schema_version",
    "E011": "unknown key",
    "E012": "wrong type",
    "E013": "missing required field",
    "E014": "value not allowed",
    "E020": "duplicate id",
    "E021": "link to a missing record",
    "E022": "unknown source",
    "E023": "fact for an undeclared attribute",
    "W030": "no source given",
}


@dataclass(frozen=True)
class Problem:
    """One problem: where it is, what was expected and what was found."""

    code: str
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    framework: str | None = None
    field: str | None = None
    hint: str | None = None
    excerpt: str | None = None

    @property
    def is_error(self) -> bool:
        """Errors stop loading; warnings (W…) only appear in strict validation."""
        return self.code.startswith("E")

    @property
    def location(self) -> str:
        """``file:line:column`` with whatever is known."""
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def format(self) -> str:
        """One line (plus an excerpt line when known), safe to print."""
        where = []
        if self.framework:
            where.append(f"framework {self.framework!r}")
        if self.field:
            where.append(f"field {self.field!r}")
        context = f" ({', '.join(where)})" if where else ""
        text = f"{self.location}: {self.code} {self.message}{context}"
        if self.hint:
            text += f"; {self.hint}"
        text = safe(text)
        if self.excerpt is not None:
            text += f"\n    {safe(self.excerpt)}"
        return text


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint naming the closest choices, or None."""
    matches = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if not matches:
        return None
    return "did you mean " + " or ".join(repr(m) for m in matches) + "?"


class CatalogError(Exception):
    """Loading failed; ``problems`` holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))
