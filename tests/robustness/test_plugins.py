"""Third-party plugins that misbehave, loaded through the real entry-point path.

Each test installs one of tests/demo_plugins.py (a plugin module and a ``*.dist-info``
with an ``entry_points.txt``) into a temporary directory and puts it on the subprocess's PYTHONPATH, so
``importlib.metadata`` finds it exactly as it would an installed package.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from demo_plugins import RAISING_RULES, REPORTER, WHOLE_REPORT, install, module

from robustness.runner import SEED, assert_no_traceback, fzlint

BUILTIN_CODES = {"N104", "N105", "W101"}  # the seed's built-in findings (its .expected)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


def test_a_raising_plugin_rule_becomes_e999_naming_it(tmp_path, good) -> None:
    plugins = install(tmp_path / "site", "fzlint_boom", {"boom": "boom_rules"}, {"boom_rules": RAISING_RULES})
    run = fzlint("check", "--format", "json", good, plugin_path=plugins)
    assert_no_traceback(run)
    assert run.returncode == 2
    found = run.json()
    crashes = [d for d in found if d["code"] == "E999"]
    assert len(crashes) == 1
    message = crashes[0]["message"]
    assert "X901" in message and "always-explodes" in message and "RuntimeError" in message
    assert "\n" not in message  # a multi-line exception still makes a one-line message
    codes = {d["code"] for d in found}
    assert codes >= BUILTIN_CODES  # built-in results kept
    assert "X902" in codes  # the same plugin's healthy rule kept


def test_a_raising_whole_report_hook_becomes_e999_naming_the_plugin(tmp_path, good) -> None:
    plugins = install(tmp_path / "site", "fzlint_whole", {"whole": "whole_report"}, {"whole_report": WHOLE_REPORT})
    run = fzlint("check", "--format", "json", good, plugin_path=plugins)
    assert_no_traceback(run)
    assert run.returncode == 2
    crashes = [d for d in run.json() if d["code"] == "E999"]
    assert len(crashes) == 1 and "whole_report" in crashes[0]["message"]
    assert {d["code"] for d in run.json()} >= BUILTIN_CODES


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        (None, "ModuleNotFoundError"),
        ("raise ImportError('needs a library\\nthat is missing')\n", "ImportError"),
        ("def broken(:\n", "SyntaxError"),
        ("import sys\nsys.exit(3)\n", "SystemExit"),
    ],
    ids=["missing-module", "import-error", "syntax-error", "exits-on-import"],
)
def test_a_plugin_that_fails_to_import(tmp_path, good, source, kind) -> None:
    modules = {} if source is None else {"broken_plugin": source}
    plugins = install(tmp_path / "site", "fzlint_broken", {"broken": "broken_plugin"}, modules)
    run = fzlint("check", "--format", "json", good, plugin_path=plugins)
    assert_no_traceback(run)
    assert run.returncode == 2
    lines = run.error_lines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("fzlint: 插件错误：") and "broken" in lines[0] and kind in lines[0]
    assert {d["code"] for d in run.json()} >= BUILTIN_CODES  # built-in rules still ran


def test_a_raising_reporter_prints_one_line_and_the_debug_hint(tmp_path, good) -> None:
    plugins = install(
        tmp_path / "site", "fzlint_reporter", {"rep": "exploding_reporter"}, {"exploding_reporter": REPORTER}
    )
    run = fzlint("check", "--format", "explode", good, plugin_path=plugins)
    assert_no_traceback(run)
    assert run.returncode == 2
    assert run.error_lines() == [
        "fzlint: 内部错误：ValueError: reporter broke with a second line（加 --debug 查看回溯）"
    ]
    debug = fzlint("--debug", "check", "--format", "explode", good, plugin_path=plugins)
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr and "reporter broke" in debug.stderr


def test_unknown_format_is_a_usage_error(good) -> None:
    run = fzlint("check", "--format", "nonesuch", good)
    assert_no_traceback(run)
    assert run.returncode == 2
    assert len(run.error_lines()) == 1 and "nonesuch" in run.stderr


def test_in_process_registry_with_an_extra_plugin() -> None:
    """The same isolation through ``new_registry(extra_plugins=...)`` (no subprocess)."""
    from fzlint.document import Document
    from fzlint.run.engine import lint_document
    from fzlint.run.plugins import new_registry
    from fzlint.settings import Settings

    registry = new_registry(extra_plugins=(module("inline_boom", RAISING_RULES),))
    assert {"X901", "X902"} <= set(registry.rules)
    found = lint_document(Document.from_text("good.txt", SEED.read_text(encoding="utf-8")), Settings(), registry)
    codes = [d.code for d in found]
    assert codes.count("E999") == 1 and "X902" in codes and set(codes) >= BUILTIN_CODES
