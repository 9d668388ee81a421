"""What a run carries explicitly: its own registry, per-report facts, one finding per defect."""

from __future__ import annotations

from collections.abc import Iterator

from registry_for_tests import REGISTRY

from fzlint.diagnostics import Diagnostic
from fzlint.document import Document
from fzlint.hookspecs import hookimpl
from fzlint.parse.outline import Report
from fzlint.rule import Context, Facts, Rule
from fzlint.run import profiling
from fzlint.run.engine import lint_document
from fzlint.run.plugins import new_registry
from fzlint.settings import Settings

TEXT = "关于2025年法治政府建设情况的报告\n一、主要举措和成效\n我局坚持依法行政。\n"


class WholeLine(Rule):
    """Demo: marks the whole of line 3."""

    code = "Z901"
    name = "demo-whole-line"
    summary = "demo"
    bad = "x"
    good = "y"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        yield self.diagnostic(report, 2, 0, None, "整行")


class InsideLine(Rule):
    """Demo: marks two characters of line 3 and defers to Z901."""

    code = "Z902"
    name = "demo-inside-line"
    summary = "demo"
    bad = "x"
    good = "y"
    defers_to = frozenset({"Z901"})

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        yield self.diagnostic(report, 2, 2, 4, "局部")
        yield self.diagnostic(report, 1, 0, 2, "别处")  # outside Z901's span: kept


class DemoPlugin:
    @hookimpl
    def fzlint_register_rules(self) -> list[type[Rule]]:
        return [WholeLine, InsideLine]


def _codes(found: list[Diagnostic]) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in found if d.code.startswith("Z")]


def test_two_registries_side_by_side() -> None:
    with_demo = new_registry((DemoPlugin(),))
    document = Document.from_text("r.txt", TEXT)
    assert "Z901" in with_demo.rules and "Z901" not in REGISTRY.rules
    assert _codes(lint_document(document, Settings(), with_demo)) == [("Z902", 2), ("Z901", 3)]
    assert _codes(lint_document(document, Settings(), REGISTRY)) == []


def test_a_finding_defers_only_to_findings_that_are_reported() -> None:
    registry = new_registry((DemoPlugin(),))
    document = Document.from_text("r.txt", TEXT)
    assert _codes(lint_document(document, Settings(ignore=["Z901"]), registry)) == [("Z902", 2), ("Z902", 3)]


def test_t103_defers_to_s104_for_the_whole_section_it_judges() -> None:
    text = "\n".join(
        [
            "关于2025年法治政府建设情况的报告",
            "一、主要举措和成效",
            "我局坚持依法行政。",
            "二、存在的不足和原因",
            "（一）2024年度存在问题的改进情况",
            "略。",
        ]
    )
    found = lint_document(Document.from_text("r.txt", text), Settings(select=["S104", "T103"]), REGISTRY)
    assert [(d.code, d.line) for d in found] == [("S104", 5)]
    settings = Settings(select=["T103"])
    assert [(d.code, d.line) for d in lint_document(Document.from_text("r.txt", text), settings, REGISTRY)] == [
        ("T103", 6)
    ]


def test_y101_defers_to_w101_for_the_web_line_it_deletes() -> None:
    # found by the fuzz test: Y101's year fix and W101's deletion of the same date bar overlapped
    text = "1999年0月0日\n来源：某某局 发布时间：2025-12-26\n一、2024年度存在问题的改进情况"
    document = Document.from_text("r.txt", text)
    found = lint_document(document, Settings(select=["W101", "Y101"]), REGISTRY)
    assert [(d.code, d.line) for d in found] == [("W101", 1), ("W101", 2)]
    alone = lint_document(document, Settings(select=["Y101"]), REGISTRY)
    assert [(d.code, d.line, d.column) for d in alone] == [("Y101", 1, 1)]


def test_p101_defers_to_n106_for_the_doubled_number_it_deletes() -> None:
    # found by the fuzz test: P101's fix of "(" and N106's deletion of the second "(1)" overlapped
    document = Document.from_text("r.txt", "①主要举措和成效\n(1)(1)一")
    found = lint_document(document, Settings(select=["N106", "P101"]), REGISTRY)
    assert [(d.code, d.line, d.column) for d in found] == [("N106", 2, 4)]
    alone = lint_document(document, Settings(select=["P101"]), REGISTRY)
    assert [(d.code, d.column) for d in alone] == [("P101", 4), ("P101", 6)]


def test_facts_are_computed_once() -> None:
    calls: list[int] = []
    facts = Facts()
    assert facts.get("k", lambda: calls.append(1) or 41) == 41
    assert facts.get("k", lambda: calls.append(1) or 42) == 41
    assert calls == [1]


def test_profile_is_per_context_not_global() -> None:
    assert profiling.active() is None
    profile = profiling.Profile()
    with profiling.session(profile):
        lint_document(Document.from_text("r.txt", TEXT), Settings(), REGISTRY)
        assert profiling.active() is profile
    assert profiling.active() is None
    assert profile.totals  # the stages were timed
