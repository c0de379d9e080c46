"""Allow ``python -m fwtui``."""

from fwtui.cli import entry

if __name__ == "__main__":
    entry()
