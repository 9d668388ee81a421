"""The layering contracts of pyproject ``[tool.importlinter]`` hold (README "Architecture").

import-linter finds a package's modules by walking its directory, but the directories
here are ``lint/`` and ``rules/`` while the import names are ``fzlint`` and
``fzlint.rules``. So the check runs on a copy laid out as the import names are, with
the copy first on the path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The ``lint-imports`` console script, run by this interpreter wherever pip put the script.
_SCRIPT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
LINT_IMPORTS = [sys.executable, "-c", _SCRIPT]


def _package_tree(into: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "lint", into / "fzlint", ignore=ignore)
    shutil.copytree(ROOT / "rules", into / "fzlint" / "rules", ignore=ignore)
    return into / "fzlint"


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree.parent)}
    command = [*LINT_IMPORTS, "--no-cache", str(ROOT / "pyproject.toml")]
    return subprocess.run(command, cwd=tree.parent, env=env, capture_output=True, text=True, timeout=120)


def test_the_layering_contracts_hold(tmp_path: Path) -> None:
    tree = _package_tree(tmp_path)
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    modules = sum(1 for _ in tree.rglob("*.py"))
    assert f"Analyzed {modules} files" in result.stdout  # every module, rules included
    assert " 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        ("rule.py", "import fzlint.parse.outline\n", "The ground floor imports nothing above it"),
        ("run/leak.py", "import fzlint.rules.terms\n", "The core never imports rules"),
        ("reporters/leak.py", "from fzlint import cli\n", "Nothing imports the command line"),
        ("rules/leak.py", "import fzlint.run.engine\n", "Rules import only the ground floor"),
        ("rules/common/leak.py", "import fzlint.rules.terms\n", "Rule families are independent"),
    ],
)
def test_an_up_arrow_breaks_its_contract(tmp_path: Path, module: str, source: str, contract: str) -> None:
    tree = _package_tree(tmp_path)
    target = tree / module
    target.write_text(target.read_text(encoding="utf-8") + source if target.exists() else source, encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode == 1
    assert contract in result.stdout and "BROKEN" in result.stdout.split(contract, 1)[1].splitlines()[0]
