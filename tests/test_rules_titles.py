"""Rules for people: a short Chinese title beside each kebab-case name, and ``fzlint rules``
in Chinese, its summaries wrapped (not cut) at any terminal width."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from registry_for_tests import REGISTRY
from rich.cells import cell_len


def rules_at(width: int) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "rules"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=True,
        env={**os.environ, "COLUMNS": str(width), "PYTHONPATH": str(ROOT)},
    )
    return done.stdout


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_rules_lists_every_rule_in_chinese_and_wraps_the_summary(width: int) -> None:
    rows = rules_at(width).splitlines()
    assert all(cell_len(row) <= width for row in rows)
    label = {"error": "错误", "warning": "警告", "info": "提示"}
    # the summary text as printed: a table's last column, or the block rows
    flat = "".join(row.split("│")[-2] if row.count("│") > 1 else row for row in rows)
    for code, rule in REGISTRY.rules.items():
        row = next(line for line in rows if code in line)
        assert rule.name in row and rule.title in row and label[rule.severity.value] in row
        # the summary is all there (wrapped, not cut)
        assert "".join(rule.summary.split()) in "".join(flat.split()), code


def test_every_registered_rule_has_a_short_chinese_title() -> None:
    titles = {}
    for code, rule in REGISTRY.rules.items():
        assert rule.title and len(rule.title) <= 10, code
        assert re.search("[\u4e00-\u9fff]", rule.title), code
        titles[rule.title] = code
    assert len(titles) == len(REGISTRY.rules), "titles are distinct"
