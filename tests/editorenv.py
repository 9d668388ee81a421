"""The environment editors run ``fzlint`` in: this checkout, whatever is installed elsewhere.

README's editor set-ups start ``fzlint`` from PATH. The tests put a ``fzlint`` first on PATH
that runs ``python -m fzlint.cli`` with this interpreter and this checkout, so an editor test
never picks up another installation (or none, where the package is not installed).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def editor_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    launcher = bin_dir / "fzlint"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m fzlint.cli "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT),
        "FZLINT_DISABLE_PLUGIN_AUTOLOAD": "1",
        "XDG_STATE_HOME": str(tmp_path / "state"),  # editors' logs go here, not to ~
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        **extra,
    }
