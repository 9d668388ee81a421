"""The content rules are listed, explained, and their own examples behave as documented."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, lint_text
from registry_for_tests import REGISTRY

CODES = ["Y101", "Y102", "D101", "D102", "F101", "F102", "F103", "S107", "R101"]


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return done.stdout


def test_rules_lists_every_code_with_severity() -> None:
    out = run("rules")
    for code in CODES:
        rule = REGISTRY.rules[code]
        row = next(line for line in out.splitlines() if code in line)
        assert rule.name in row and rule.severity.value in row


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
