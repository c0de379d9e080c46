"""Status badges and marks that read without colour."""

from __future__ import annotations

#: Short, fixed-width words: readable at a glance and in monochrome.
STATUS_BADGES: dict[str, str] = {
    "active": "active",
    "maintenance": "maint.",
    "discontinued": "ended",
    "merged": "merged",
    "unknown": "?",
}
#: Theme variables for each status (resolved by the theme, so every theme works).
STATUS_VARIABLES: dict[str, str] = {
    "active": "success",
    "maintenance": "warning",
    "discontinued": "error",
    "merged": "accent",
    "unknown": "foreground-muted",
}
CATEGORY_SHORT: dict[str, str] = {"deep-learning": "DL", "machine-learning": "ML"}

CURSOR = "▶"
MARKED = "●"
DIFFERS = "≠"
