"""Widgets of the explorer; each gets model objects and posts Messages."""
