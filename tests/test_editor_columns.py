"""README's Vim settings for the CLI, run in a real Neovim: the cursor lands on the flagged character.

Neovim's quickfix reads ``errorformat`` exactly as Vim does (``%c`` a byte column, ``%t``
the type letter), and it is the Vim-family editor CI installs.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from clirun import run_cli
from editorenv import editor_env
from realclients import require

from fzlint.reporters.concise import column_in

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4ab64fdfdf47868a.txt"


def readme_vim_lines() -> tuple[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    makeprg = re.search(r"^set makeprg=.*$", text, re.M)
    errorformat = re.search(r"^set errorformat=.*$", text, re.M)
    assert makeprg and errorformat, "README must show Vim's makeprg and errorformat"
    return makeprg.group(0), errorformat.group(0)


def test_vim_errorformat_puts_the_cursor_on_the_flagged_character(tmp_path: Path) -> None:
    nvim = require("nvim")
    report = tmp_path / "报告.txt"
    text = SEED.read_text(encoding="utf-8").replace("\n", "\n𠀾", 3)  # a non-BMP character too
    report.write_text(text, encoding="utf-8")
    makeprg, errorformat = readme_vim_lines()
    out = tmp_path / "quickfix.json"
    env = editor_env(
        tmp_path, FZLINT_SEED=str(report), FZLINT_MAKEPRG=makeprg, FZLINT_ERRORFORMAT=errorformat, FZLINT_OUT=str(out)
    )
    script = ROOT / "tests" / "editors" / "vim_quickfix.lua"
    command = [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"luafile {script}"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.exists(), done.stderr[-2000:]
    entries = json.loads(out.read_text(encoding="utf-8"))
    expected = json.loads(run_cli("check", "--format", "json", report.name, cwd=tmp_path).stdout)
    assert len(entries) == len(expected) > 100
    assert [(e["line"], e["character"]) for e in entries] == [(d["line"], d["column"]) for d in expected]
    assert [e["type"] for e in entries] == [d["severity"][0] for d in expected]
    assert {e["type"] for e in entries} >= {"e", "w"}
    assert all(f" {d['severity']}: {d['code']} " in e["listed"] for e, d in zip(entries, expected, strict=True))
    assert all(e["text"].startswith(f"{d['code']} ") for e, d in zip(entries, expected, strict=True))


def test_column_units() -> None:
    line = "𠀾一二三四abc"
    assert [column_in(unit, line, 6) for unit in ("character", "byte", "utf-16")] == [6, 17, 7]
    assert column_in("byte", line, 1) == column_in("utf-16", line, 1) == 1


def test_column_unit_option_on_a_chinese_line(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    plain = run_cli("check", "--format", "concise", "r.txt", cwd=tmp_path).stdout.splitlines()
    in_bytes = run_cli("check", "--format", "concise", "--column-unit", "byte", "r.txt", cwd=tmp_path)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert len(in_bytes.stdout.splitlines()) == len(plain)
    for characters, counted in zip(plain, in_bytes.stdout.splitlines(), strict=True):
        _, number, column, rest = characters.split(":", 3)
        assert counted == f"r.txt:{number}:{column_in('byte', lines[int(number) - 1], int(column))}:{rest}"
