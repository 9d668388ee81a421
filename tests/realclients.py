"""Real programs the tests drive (LibreOffice, chromium, Neovim, tmux, pdftotext).

Outside CI a missing program skips its test with the reason; under ``CI=true`` it fails
instead, because .ci/run installs every one of them and a silent skip would hide it.
"""

from __future__ import annotations

import os
import shutil

import pytest

INSTALL_HINT = {
    "soffice": "libreoffice-writer-nogui",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "chromium": "chromium",
    "nvim": "neovim",
    "tmux": "tmux",
    "emacs": "emacs-nox",
    "vim": "vim",
}


def require(program: str) -> str:
    """The program's path; skip (or fail under CI) when it is not installed."""
    path = shutil.which(program)
    if path:
        return path
    message = f"{program} is not installed (Debian package {INSTALL_HINT.get(program, program)}; .ci/run installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": CI must run the real-client tests")
    pytest.skip(message)
