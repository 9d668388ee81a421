"""Run the real command line in a subprocess, as users and editors do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def run_cli(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    merge_stderr: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``python -m fzlint.cli ARGS`` from this checkout; output decoded as UTF-8.

    ``merge_stderr``: stderr into stdout, in the order a terminal shows them."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", **(env or {})}
    environ.pop("FORCE_COLOR", None)
    environ.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "fzlint.cli", *args],
        cwd=cwd or ROOT,
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=environ,
        check=False,
    )
