"""Third-party plugins that misbehave, loaded through the real entry-point path.

Each test writes a plugin module and a ``*.dist-info`` with an ``entry_points.txt``
into a temporary directory and puts it on the subprocess's PYTHONPATH, so
``importlib.metadata`` finds it exactly as it would an installed package.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from robustness.runner import SEED, assert_no_traceback, fzlint

BUILTIN_CODES = {"N104", "N105", "W101"}  # the seed's built-in findings (its .expected)

RULES = '''
from fzlint.diagnostics import Severity
from fzlint.hookspecs import hookimpl
from fzlint.rule import Rule


class Exploding(Rule):
    """Always raises, as a buggy third-party rule would."""

    code = "X901"
    name = "always-explodes"
    severity = Severity.ERROR
    summary = "raises"
    bad = "x"
    good = "y"

    def check(self, report, context):
        yield self.diagnostic(report, 0, 0, 1, "partial finding before the crash")
        raise RuntimeError("boom in the rule\\nsecond line of the message")


class Quiet(Rule):
    """A well-behaved rule in the same plugin: its finding must survive."""

    code = "X902"
    name = "first-line"
    severity = Severity.WARNING
    summary = "marks line 1"
    bad = "x"
    good = "y"

    def check(self, report, context):
        yield self.diagnostic(report, 0, 0, 1, "第一行")


@hookimpl
def fzlint_register_rules():
    return [Exploding, Quiet]
'''

WHOLE_REPORT = """
from fzlint.hookspecs import hookimpl


@hookimpl
def fzlint_check_report(report, context):
    raise KeyError("whole-report hook failed")
"""

REPORTER = """
from fzlint.hookspecs import hookimpl


def explode(results, stream, options):
    stream.write("partial output\\n")
    raise ValueError("reporter broke\\nwith a second line")


@hookimpl
def fzlint_register_reporters():
    return {"explode": explode}
"""


def make_plugin(root: Path, dist: str, entries: dict[str, str], modules: dict[str, str]) -> Path:
    """A fake installed distribution ``dist`` with ``fzlint`` entry points under ``root``."""
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    lines = "".join(f"{name} = {target}\n" for name, target in entries.items())
    (info / "entry_points.txt").write_text(f"[fzlint]\n{lines}", encoding="utf-8")
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return root


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


def test_a_raising_plugin_rule_becomes_e999_naming_it(tmp_path, good) -> None:
    plugins = make_plugin(tmp_path / "site", "fzlint_boom", {"boom": "boom_rules"}, {"boom_rules": RULES})
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
    plugins = make_plugin(tmp_path / "site", "fzlint_whole", {"whole": "whole_report"}, {"whole_report": WHOLE_REPORT})
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
    plugins = make_plugin(tmp_path / "site", "fzlint_broken", {"broken": "broken_plugin"}, modules)
    run = fzlint("check", "--format", "json", good, plugin_path=plugins)
    assert_no_traceback(run)
    assert run.returncode == 2
    lines = run.error_lines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("fzlint: 插件错误：") and "broken" in lines[0] and kind in lines[0]
    assert {d["code"] for d in run.json()} >= BUILTIN_CODES  # built-in rules still ran


def test_a_raising_reporter_prints_one_line_and_the_debug_hint(tmp_path, good) -> None:
    plugins = make_plugin(
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
    import types

    from fzlint.document import Document
    from fzlint.run.engine import lint_document
    from fzlint.run.plugins import new_registry
    from fzlint.settings import Settings

    module = types.ModuleType("inline_boom")
    exec(compile(textwrap.dedent(RULES), "inline_boom.py", "exec"), module.__dict__)
    registry = new_registry(extra_plugins=(module,))
    assert {"X901", "X902"} <= set(registry.rules)
    found = lint_document(Document.from_text("good.txt", SEED.read_text(encoding="utf-8")), Settings(), registry)
    codes = [d.code for d in found]
    assert codes.count("E999") == 1 and "X902" in codes and set(codes) >= BUILTIN_CODES
