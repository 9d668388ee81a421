"""The content rules are listed, explained, and their own examples behave as documented."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT, lint_text
from registry_for_tests import REGISTRY
from rich.cells import cell_len

CODES = ["Y101", "Y102", "D101", "D102", "F101", "F102", "F103", "S107", "R101"]


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return done.stdout


def run_at(width: int, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "COLUMNS": str(width)},
    )
    return done.stdout


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_rules_lists_every_rule_in_chinese_and_wraps_the_summary(width: int) -> None:
    out = run_at(width, "rules")
    rows = out.splitlines()
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


@pytest.mark.parametrize("code", CODES)
def test_explain_prints_docs_and_examples(code: str) -> None:
    rule = REGISTRY.rules[code]
    out = run("explain", code)
    assert rule.name in out and rule.bad.splitlines()[0] in out and rule.good.splitlines()[0] in out


@pytest.mark.parametrize("code", CODES)
def test_bad_example_fires_and_good_example_does_not(code: str) -> None:
    rule = REGISTRY.rules[code]
    assert code in [d.code for d in lint_text(rule.bad)], "bad example should fire"
    assert code not in [d.code for d in lint_text(rule.good)], "good example should be quiet"


@pytest.mark.parametrize("code", CODES)
def test_registered_through_entry_points(code: str) -> None:
    plugin = REGISTRY.rule_plugins[code]
    assert plugin.startswith("fzlint.rules.")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"{plugin}"' in pyproject
