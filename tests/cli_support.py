"""Running the CLI from tests: in-process (fast) or as a real subprocess (the contract)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.cli import main


def call(capsys, *args) -> tuple[int, str, str]:
    """`python -m engine ARGS` in this process: exit code, stdout, stderr."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def run(repo_root: Path, *args) -> subprocess.CompletedProcess[str]:
    """`python -m engine ARGS` as a subprocess from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "engine", *map(str, args)],
        cwd=repo_root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
