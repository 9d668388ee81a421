"""README's Emacs (eglot) and Vim (ALE) set-ups for ``fzlint server``, run in the real editors.

.ci/run does not install Emacs or ALE (Debian: emacs-nox elpa-eglot, vim-ale), so these
skip where they are missing, CI included; Neovim (tests/test_server_nvim.py) is the client
CI always runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from editorenv import editor_env
from realclients import require

ROOT = Path(__file__).resolve().parent.parent
EDITORS = ROOT / "tests" / "editors"
SEED = ROOT / "seeds" / "003_6a86696c36e2d285.txt"
ALE = Path("/usr/share/vim-ale")  # where Debian's vim-ale puts the plugin


def optional(program: str) -> str:
    """The editor (.ci/run installs emacs-nox, elpa-eglot, vim and vim-ale): a skip here, a
    failure under CI."""
    return require(program)


def missing(what: str) -> None:
    message = f"{what} is not installed (.ci/run installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": CI must run the real-client tests")
    pytest.skip(message)


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    return editor_env(tmp_path, HOME=str(tmp_path), **extra)  # no user init files, nothing written to ~


def expected_w102() -> list[tuple[int, int]]:
    """(line, character column), 1-based, of every garbled term in the seed."""
    found = []
    for number, line in enumerate(SEED.read_text(encoding="utf-8").split("\n"), start=1):
        start = line.find("探花公开")
        while start >= 0:
            found.append((number, start + 1))
            start = line.find("探花公开", start + 1)
    return found


def test_emacs_eglot_shows_fzlint_diagnostics_on_the_character(tmp_path: Path) -> None:
    emacs = optional("emacs")
    shutil.copy(SEED, tmp_path / "report.txt")
    out = tmp_path / "emacs.json"
    env = environment(
        tmp_path,
        FZLINT_CONFIG=str(EDITORS / "fzlint-eglot.el"),
        FZLINT_SEED=str(tmp_path / "report.txt"),
        FZLINT_OUT=str(out),
    )
    command = [emacs, "--batch", "-l", str(EDITORS / "emacs_check.el")]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False)
    if "Cannot open load file" in done.stderr and "eglot" in done.stderr:
        missing("eglot (Debian: elpa-eglot on Emacs 28)")
    assert out.exists(), done.stderr[-2000:]
    seen = json.loads(out.read_text(encoding="utf-8"))
    garbled = sorted((d["line"], d["character"]) for d in seen if "[W102]" in d["text"])
    assert garbled == expected_w102()
    assert all(d["length"] == 4 and d["type"] == "eglot-error" for d in seen if "[W102]" in d["text"])
    assert any(d["type"] == "eglot-warning" for d in seen)


def test_vim_ale_shows_fzlint_diagnostics_on_the_character(tmp_path: Path) -> None:
    vim = optional("vim")
    if not (ALE / "plugin" / "ale.vim").exists():
        missing("ALE (Debian: vim-ale)")
    shutil.copy(SEED, tmp_path / "report.txt")
    out = tmp_path / "ale.json"
    env = environment(
        tmp_path,
        FZLINT_ALE=str(ALE),
        FZLINT_CONFIG=str(EDITORS / "fzlint-ale.vim"),
        FZLINT_SEED=str(tmp_path / "report.txt"),
        FZLINT_OUT=str(out),
    )
    command = [vim, "-Nu", "NONE", "-i", "NONE", "--not-a-term", "-S", str(EDITORS / "vim_ale_check.vim")]
    done = subprocess.run(
        command, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=180, check=False
    )
    assert out.exists(), done.stderr[-2000:]
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert [(d["line"], d["character"]) for d in seen if d["code"] == "W102"] == expected_w102()
    assert {d["type"] for d in seen} >= {"E", "W"}
