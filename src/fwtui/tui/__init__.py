"""The full-screen explorer. Only this package imports Textual."""
