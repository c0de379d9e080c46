"""fwtui: explore and compare AI and machine-learning frameworks in the terminal.

Kept light on purpose: importing the package loads neither Textual nor Rich.
"""

__version__ = "0.1.0"
