"""Every registered rule documents itself, and the documentation is true.

Parametrized over the registry, so a new rule is covered without being listed here:
``fzlint explain`` prints its summary, explanation and examples; its bad example makes
it fire and its good example does not; README's rules table says what ``fzlint rules``
says; and the built-in families are the package's own entry points.
"""

from __future__ import annotations

import json
import re
import tomllib

import pytest
from conftest import ROOT
from registry_for_tests import REGISTRY

from fzlint.cli import main
from fzlint.document import Document
from fzlint.run.engine import lint_document
from fzlint.run.entrypoints import entry_points
from fzlint.run.plugins import DISTRIBUTION
from fzlint.settings import Settings

CODES = sorted(REGISTRY.rules)
PART_ONE = "一、主要举措和成效\n"


@pytest.mark.parametrize("code", CODES)
def test_explain_prints_summary_explanation_and_examples(capsys: pytest.CaptureFixture[str], code: str) -> None:
    cls = REGISTRY.rules[code]
    assert main(["explain", code.lower()]) == 0
    out = capsys.readouterr().out
    assert out == cls.explain()
    assert out.startswith(f"{cls.code} {cls.name}（默认级别：{cls.severity.value}）\n\n{cls.summary}\n")
    assert cls.explanation() in out
    bad, good = out.index("错误示例："), out.index("正确示例：")
    assert all("    " + line in out[bad:good] for line in cls.bad.splitlines())
    assert all("    " + line in out[good:] for line in cls.good.splitlines())


def _found(text: str) -> set[str]:
    # As a Markdown file, so that suppression comments apply (X101) as in a user's file.
    return {d.code for d in lint_document(Document.from_text("report.md", text, kind="markdown"), Settings(), REGISTRY)}


ONE_REPORT = [code for code in CODES if not REGISTRY.rules[code].needs_previous]
TWO_REPORTS = [code for code in CODES if REGISTRY.rules[code].needs_previous]


@pytest.mark.parametrize("code", ONE_REPORT)
def test_bad_example_fires_and_good_example_does_not(code: str) -> None:
    cls = REGISTRY.rules[code]
    # An example is a whole report or a fragment of part one (S104's 改进情况 section
    # is only found below a part heading), so it is read both ways: in one of them the
    # bad example must fire and the good one stay quiet.
    contexts = [""] + ([PART_ONE] if not cls.bad.startswith("一、") else [])
    outcomes = [(code in _found(prefix + cls.bad), code not in _found(prefix + cls.good)) for prefix in contexts]
    assert (True, True) in outcomes, f"{code}: (bad fires, good quiet) as written / under a heading: {outcomes}"


@pytest.mark.parametrize("code", TWO_REPORTS)
def test_a_rule_comparing_with_last_year_is_quiet_on_one_report(code: str) -> None:
    # Its examples describe two reports (tests/test_previous_year.py lints real pairs);
    # without --previous it must say nothing, whatever the text.
    cls = REGISTRY.rules[code]
    assert code not in _found(cls.bad) | _found(cls.good) | _found(PART_ONE + cls.bad)


def _readme_rules_table() -> dict[str, tuple[str, str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, tuple[str, str, str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if re.fullmatch(r"[A-Z]{1,3}\d{3}", cells[0]):
            assert cells[0] not in rows, f"README lists {cells[0]} twice"
            rows[cells[0]] = (cells[1], cells[2], cells[3])
    return rows


def test_readme_rules_table_is_fzlint_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    listed = {
        row["code"]: (row["name"], row["severity"], row["summary"]) for row in json.loads(capsys.readouterr().out)
    }
    assert listed.keys() == set(CODES)
    assert _readme_rules_table() == listed


def test_builtin_families_are_the_packages_own_entry_points() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = pyproject["project"]["entry-points"]["fzlint"]
    installed = {ep.name: ep.value for ep in entry_points(group="fzlint") if ep.distribution == DISTRIBUTION}
    assert installed == declared, "pyproject changed since the install: run pip install -e '.[test]' again"
    families = {f"fzlint.rules.{path.stem}" for path in (ROOT / "rules").glob("*.py") if path.stem != "__init__"}
    assert set(declared.values()) == families, "a module in rules/ is a rule family: declare its entry point"


@pytest.mark.parametrize("code", CODES)
def test_each_builtin_rule_comes_from_its_family(code: str) -> None:
    plugin = REGISTRY.rule_plugins[code]
    assert plugin == REGISTRY.rules[code].__module__
    assert plugin.startswith("fzlint.rules.")
