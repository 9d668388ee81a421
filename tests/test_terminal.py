"""The rich report in a real terminal: tmux at 80 and 120 columns, read back with capture-pane.

What the terminal shows (after its own wrapping, with colour on) must keep the carets
under the span: the cells above the carets hold exactly the garbled term.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest
from conftest import ROOT
from realclients import require
from rich.cells import cell_len

SEEDS = ["seeds/003_6a86696c36e2d285.txt", "seeds/004_65475f305930a54e.txt"]


def tmux_screen(width: int, command: str) -> str:
    tmux = require("tmux")
    socket = f"fzlint-test-{uuid.uuid4().hex[:8]}"
    base = [tmux, "-L", socket, "-f", "/dev/null"]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "TMUX")}
    subprocess.run(
        [*base, "new-session", "-d", "-x", str(width), "-y", "50", "sh"], check=True, env=env, cwd=ROOT, timeout=30
    )
    try:
        subprocess.run([*base, "set-option", "-g", "history-limit", "5000"], check=True, timeout=30)
        subprocess.run([*base, "send-keys", f"{command}; echo FZLINT-DONE", "Enter"], check=True, timeout=30)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            screen = subprocess.run(
                [*base, "capture-pane", "-p", "-J", "-S", "-5000"], capture_output=True, text=True, check=True
            ).stdout
            if "\nFZLINT-DONE" in screen:
                return screen
            time.sleep(0.3)
        raise AssertionError(f"fzlint did not finish in tmux:\n{screen}")
    finally:
        subprocess.run([*base, "kill-server"], check=False, timeout=30)


@pytest.mark.parametrize("width", [80, 120])
def test_carets_and_verdicts_in_a_real_terminal(width: int) -> None:
    command = f"PYTHONPATH={ROOT} {sys.executable} -m fzlint.cli check --color --select F1,W1,S,N {' '.join(SEEDS)}"
    screen = tmux_screen(width, command)
    rows = screen.split("\n")
    assert all(cell_len(row) <= width for row in rows if "FZLINT-DONE" not in row)  # not the typed command
    checked = 0
    for index, row in enumerate(rows[:-1]):
        carets = rows[index + 1]
        if " │ " not in row or not carets.startswith("      │ ") or "^" not in carets:
            continue
        source, marks = row.split(" │ ", 1)[1], carets.split(" │ ", 1)[1]
        at = len(marks) - len(marks.lstrip(" "))
        before = ""
        while cell_len(before) < at:
            before += source[len(before)]
        assert cell_len(before) == at, (row, carets)
        if "探花公开" in source:
            assert source[len(before) :].startswith("探花公开") and marks.count("^") == 8, (row, carets)
            checked += 1
    assert checked == 4, screen
    assert "seeds/003_6a86696c36e2d285.txt：需修改：" in screen.replace("\n", "")
    assert "seeds/004_65475f305930a54e.txt：需修改：12 个错误，2 个警告" in screen
    assert "[可自动修复]" in screen and "[可自动\n" not in screen
