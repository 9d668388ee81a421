"""The pluggy engine: third-party rules, error isolation (E999), registry validation."""

from __future__ import annotations

import re
import types

from conftest import ROOT, seed_text, span
from demo_plugins import demo_rule, plugin_with
from registry_for_tests import REGISTRY

from fzlint.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, exit_code
from fzlint.diagnostics import Severity
from fzlint.document import Document
from fzlint.hookspecs import hookimpl
from fzlint.run.engine import CRASH_CODE, FileResult, lint_document
from fzlint.run.plugins import new_registry
from fzlint.settings import Settings


def _explode(self, report, context):
    yield from ()
    raise ZeroDivisionError("boom")


# A third-party plugin whose rule has a bug.
Exploding = demo_rule(
    code="X901", name="exploding", summary="总是出错", bad="任何文本", good="任何文本", check=_explode
)
BrokenRulesPlugin = plugin_with(Exploding, name="BrokenRulesPlugin")


def lint_with(plugin: object, text: str, settings: Settings | None = None):
    registry = new_registry(extra_plugins=(plugin,))
    assert registry.problems == []
    return lint_document(Document.from_text("r.txt", text), settings or Settings(), registry)


def test_crashing_rule_becomes_e999_and_the_others_still_report() -> None:
    text = seed_text("004")
    found = lint_with(BrokenRulesPlugin, text)
    crashes = [d for d in found if d.code == CRASH_CODE]
    assert len(crashes) == 1
    assert crashes[0].name == "internal-error" and span(crashes[0]) == (1, 1, 1, 2)
    assert crashes[0].message.startswith("规则 X901 (exploding) 内部出错：ZeroDivisionError: boom")
    assert "test_engine.py:" in crashes[0].message
    builtin = lint_document(Document.from_text("r.txt", text), Settings(), REGISTRY)
    assert [d for d in found if d.code != CRASH_CODE] == builtin
    assert exit_code([FileResult("r.txt", found)]) == EXIT_ERROR


class BrokenCheckPlugin:
    """A plugin whose whole-report hook raises."""

    @staticmethod
    @hookimpl
    def fzlint_check_report(report, context):
        raise RuntimeError("hook failed")


def test_crashing_check_hook_names_the_plugin() -> None:
    found = lint_with(BrokenCheckPlugin, seed_text("003"))
    crashes = [d for d in found if d.code == CRASH_CODE]
    assert [c.message.split(" 内部出错")[0] for c in crashes] == ["插件 BrokenCheckPlugin"]
    assert len([d for d in found if d.code == "W102"]) == 4


def test_e999_survives_select_and_ignore() -> None:
    settings = Settings(select=["X9"], ignore=["E"])
    found = lint_with(BrokenRulesPlugin, "一、主要举措和成效", settings)
    assert [d.code for d in found] == [CRASH_CODE]


def test_exit_codes() -> None:
    def result(*severities: Severity) -> FileResult:
        found = lint_with(BrokenRulesPlugin, "", Settings(select=["S101"]))[:0]
        return FileResult("r.txt", found + [_diagnostic(s) for s in severities])

    assert exit_code([result()]) == EXIT_OK
    assert exit_code([result(Severity.WARNING, Severity.INFO)]) == EXIT_OK
    assert exit_code([result(Severity.WARNING, Severity.ERROR)]) == EXIT_FINDINGS
    assert exit_code([result(Severity.ERROR), FileResult("x.txt", error="无法读取")]) == EXIT_ERROR
    assert exit_code([result()], plugin_problems=True) == EXIT_ERROR


def _diagnostic(severity: Severity):
    from fzlint.diagnostics import Diagnostic

    return Diagnostic("r.txt", 1, 1, 1, 2, "X100", "x", severity, "消息")


# -- registry validation ------------------------------------------------------------


def test_well_formed_third_party_rule_is_registered() -> None:
    registry = new_registry(extra_plugins=(plugin_with(demo_rule()),))
    assert registry.problems == []
    assert registry.rule_plugins["Q101"] == "MyPlugin"
    assert registry.rule("good-rule") is registry.rules["Q101"]


def test_malformed_metadata_is_refused_naming_the_plugin() -> None:
    bad = demo_rule(code="x1", name="Bad Name", summary="", __doc__=None)
    registry = new_registry(extra_plugins=(plugin_with(bad, name="SloppyPlugin"),))
    assert "x1" not in registry.rules
    assert len(registry.problems) == 1
    problem = registry.problems[0]
    assert problem.startswith("插件 SloppyPlugin 的规则 CustomRule：")
    for part in ("代码 'x1' 不合格式", "名称 'Bad Name' 不是 kebab-case", "缺少 summary", "缺少说明"):
        assert part in problem


def test_non_rule_objects_are_refused() -> None:
    registry = new_registry(extra_plugins=(plugin_with(str, name="OddPlugin"),))  # type: ignore[arg-type]
    assert registry.problems == ["插件 OddPlugin 注册了非规则对象 <class 'str'>"]


def test_duplicate_code_is_refused() -> None:
    registry = new_registry(extra_plugins=(plugin_with(demo_rule(code="S101"), name="Copycat"),))
    assert registry.problems == ["插件 Copycat 的规则代码 S101 与 fzlint.rules.structure 重复"]
    assert registry.rules["S101"].__module__ == "fzlint.rules.structure"


def test_builtin_rules_come_from_the_entry_point_group() -> None:
    registry = new_registry()
    assert registry.problems == []
    plugins = {registry.rule_plugins[c] for c in registry.rules}
    assert {"fzlint.rules.structure", "fzlint.rules.numbering", "fzlint.rules.webpage"} <= plugins
    assert all(name.startswith("fzlint.rules.") for name in plugins)


# -- the README's plugin example ----------------------------------------------------


def readme_plugin() -> types.ModuleType:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing a plugin", 1)[1]
    source = re.search(r"```python\n(.*?)```", section, re.S)
    assert source is not None
    module = types.ModuleType("readme_plugin")
    exec(compile(source.group(1), "README.md", "exec"), module.__dict__)
    return module


def test_readme_plugin_example_works() -> None:
    module = readme_plugin()
    text = "某局2025年法治政府建设年度报告（征求意见稿）\n一、主要举措和成效"
    found = [d for d in lint_with(module, text) if d.code == "Q101"]
    assert [span(d) for d in found] == [(1, 18, 1, 25)]
    assert found[0].message == "“（征求意见稿）”是稿件标记：定稿前请删除"
    assert found[0].severity is Severity.WARNING


def test_rule_diagnostic_keeps_spans_inside_their_lines() -> None:
    from fzlint.parse.outline import build_report
    from fzlint.run.engine import keywords_for

    document = Document.from_text("r.txt", "\n甲乙")
    report = build_report(document, keywords_for(Settings(), REGISTRY))
    rule = demo_rule()()
    assert span(rule.diagnostic(report, 0, 0, 1, "m")) == (1, 1, 1, 1)
    assert span(rule.diagnostic(report, 1, 1, 9, "m")) == (2, 2, 2, 3)
    assert span(rule.diagnostic(report, 1, 5, None, "m")) == (2, 3, 2, 3)
    assert span(rule.diagnostic(report, 1, 0, None, "m")) == (2, 1, 2, 3)
