"""Property tests: the parser and every rule accept any text, and every position is real.

Random Unicode finds crashes in the lexer; report-like text built from headings,
enumerators, chrome, dates and mojibake reaches the grammar's and rules' corners.
"""

from __future__ import annotations

import io
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from registry_for_tests import REGISTRY

from fzlint.diagnostics import Diagnostic
from fzlint.document import Document
from fzlint.parse.outline import build_report
from fzlint.reporters import ReportOptions
from fzlint.reporters.rich_output import render
from fzlint.run.engine import CRASH_CODE, FileResult, keywords_for, lint_document
from fzlint.settings import Settings

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MARKERS = [
    "一、",
    "二、",
    "四、",
    "十一、",
    "（一）",
    "(二)",
    "（三）、",
    "1.",
    "2．",
    "3、",
    "（1）",
    "①",
    "## 一、",
    "**二、",
    "　　三、",
    "一，",
    "(十)",
    "１．",
]
WORDS = [
    "主要举措和成效",
    "存在的不足和原因",
    "存在问题及下一步工作思路",
    "下一年度工作安排",
    "2024年度存在问题的改进情况",
    "工作计划",
    "总体情况",
    "加强学法用法",
    "略",
    "XX",
    "探花公开",
    "二十届三中全会",
    "一件事",
    "深化政务公开",
    "。",
    "，",
    "；",
    "：",
    " ",
    "　",
    "\t",
    "法治政府",
]
ENUMERATORS = ["一是", "二是", "三是", "二", "三", "四是", "十是", "一", "是"]
CHROME = [
    "来源:某局 发布时间:2025-12-26",
    "扫一扫在手机上打开当前页",
    "打印 关闭",
    "<",
    "×",
    "分享到：",
    "字号：大 中 小",
    "上一篇：",
    "网站地图",
    "粤ICP备123号",
    "&nbsp;",
    "<br>",
    "知识图谱",
    "AI脑图",
]
CLOSING = ["专此报告。", "深圳市某局", "2025年12月26日", "2026年1月5日", "二〇二五年十二月", "2025.1.1"]
MOJIBAKE = ["法治政府建设".encode().decode("gbk", errors="replace"), "鏀垮姟鍏�寮�", "\ufffd"]


def fragment() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(MARKERS),
        st.sampled_from(WORDS),
        st.sampled_from(ENUMERATORS),
        st.sampled_from(MOJIBAKE),
        st.text(max_size=4),
    )


report_line = st.one_of(
    st.lists(fragment(), max_size=8).map("".join),
    st.sampled_from(CHROME),
    st.sampled_from(CLOSING),
    st.just(""),
)
report_like = st.builds(
    lambda bom, lines, newline: ("\ufeff" if bom else "") + newline.join(lines),
    st.booleans(),
    st.lists(report_line, max_size=40),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
anything = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)


def check_inside(document: Document, diagnostic: Diagnostic) -> None:
    lines = document.lines
    assert 1 <= diagnostic.line <= diagnostic.end_line <= len(lines), diagnostic
    assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1, diagnostic
    assert 1 <= diagnostic.end_column <= len(lines[diagnostic.end_line - 1]) + 1, diagnostic
    if diagnostic.line == diagnostic.end_line:
        assert diagnostic.column <= diagnostic.end_column, diagnostic
    if diagnostic.fix is not None:
        for edit in diagnostic.fix.edits:
            assert 1 <= edit.line <= edit.end_line <= len(lines), diagnostic
            assert 1 <= edit.column <= len(lines[edit.line - 1]) + 1, diagnostic
            assert 1 <= edit.end_column <= len(lines[edit.end_line - 1]) + 1, diagnostic


def check_no_overlap(fixed: list[Diagnostic]) -> None:
    """No two fixes' edits overlap (touching is fine), so all of them can be applied."""
    edits = sorted(((e.line, e.column), (e.end_line, e.end_column), d.code) for d in fixed for e in d.fix.edits)  # type: ignore[union-attr]
    for (start, end, code), (next_start, next_end, next_code) in pairwise(edits):
        assert start <= end, code
        assert end <= next_start or (start == end == next_start == next_end), (code, next_code)


def lint_and_check(text: str) -> None:
    document = Document.from_text("fuzz.txt", text)
    report = build_report(document, keywords_for(Settings(), REGISTRY))
    assert report.parse_error is None
    found = lint_document(document, Settings(), REGISTRY)
    assert [d for d in found if d.code == CRASH_CODE] == []
    for diagnostic in found:
        check_inside(document, diagnostic)
    check_no_overlap([d for d in found if d.fix is not None])
    stream = io.StringIO()
    render(
        [FileResult(path="fuzz.txt", diagnostics=found, document=document)],
        stream,
        ReportOptions(registry=REGISTRY, color=False),
    )


def test_seed_fixes_never_overlap(seed) -> None:
    lint_and_check(seed.read_text(encoding="utf-8"))


@FUZZ
@given(anything)
def test_random_unicode_never_breaks_the_linter(text: str) -> None:
    lint_and_check(text)


@FUZZ
@given(report_like)
def test_report_like_text_never_breaks_the_linter(text: str) -> None:
    lint_and_check(text)
