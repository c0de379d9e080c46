"""Screens of the explorer: main (list + detail), compare, detail, help, problems."""
