"""The command-line interface, a stable contract: ``python -m engine COMMAND ...`` (see engine.cli.main)."""

from engine.cli.main import main

__all__ = ["main"]
