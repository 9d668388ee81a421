"""Neovim (Debian's, 0.7) as a second real LSP client of ``fzlint server``.

The configuration Neovim loads is README's (tests/editors/fzlint.lua, shown there verbatim):
it starts ``fzlint`` from PATH, which editorenv points at this checkout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from editorenv import editor_env
from realclients import require

ROOT = Path(__file__).resolve().parent.parent
EDITORS = ROOT / "tests" / "editors"
SEED = ROOT / "seeds" / "003_6a86696c36e2d285.txt"


def run_nvim(workspace: Path, document: Path) -> dict:
    nvim = require("nvim")
    out = workspace / "nvim.json"
    env = editor_env(
        workspace, FZLINT_CONFIG=str(EDITORS / "fzlint.lua"), FZLINT_SEED=str(document), FZLINT_OUT=str(out)
    )
    command = [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"luafile {EDITORS / 'nvim_check.lua'}"]
    done = subprocess.run(command, cwd=workspace, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.exists(), f"Neovim wrote nothing (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(out.read_text(encoding="utf-8"))


def test_neovim_shows_fzlint_diagnostics_at_the_right_character(tmp_path: Path) -> None:
    document = tmp_path / "report.txt"
    shutil.copy(SEED, document)
    seen = run_nvim(tmp_path, document)
    assert seen["attached"] and seen["published"], seen
    lines = SEED.read_text(encoding="utf-8").split("\n")
    garbled = [d for d in seen["diagnostics"] if d["code"] == "W102"]
    expected = []
    for number, line in enumerate(lines):
        start = line.find("探花公开")
        while start >= 0:  # Neovim keeps byte columns: CJK characters are 3 bytes each
            begin = len(line[:start].encode("utf-8"))
            expected.append((number, begin, begin + len("探花公开".encode())))
            start = line.find("探花公开", start + 1)
    assert [(d["lnum"], d["col"], d["end_col"]) for d in garbled] == expected
    assert garbled[0]["severity"] == 1 and garbled[0]["source"] == "fzlint"  # vim.diagnostic.severity.ERROR
    assert garbled[0]["message"] == "“探花公开”是替换错误留下的乱词：请改为“政务公开”"
    # Applying the quick fix through Neovim's own edit code lands on the right characters.
    assert seen.get("action") == "W102：改为“政务公开”", {k: v for k, v in seen.items() if k != "diagnostics"}
    first_line = expected[0][0]
    assert seen["fixed_line"] == lines[first_line].replace("探花公开", "政务公开", 1)
