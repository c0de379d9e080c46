"""Output formats for the non-interactive commands: table, markdown, json, csv.

Each command first builds plain rows from the model (``rows.py``); the
formats only lay them out. Text formats use the display-safe form of every
string; JSON carries the original, escaped.
"""

FORMATS: tuple[str, ...] = ("table", "markdown", "json", "csv")
