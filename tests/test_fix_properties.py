"""Property tests for fixing: no overlapping edits, nothing outside the spans changes, idempotence.

Checked on random edits over random text (the machinery alone), on reports
generated from defect-laden fragments, and on the seeds (whole and as random
selections of their lines) through the real rules.
"""

from __future__ import annotations

import dataclasses

from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from registry_for_tests import REGISTRY, RELINT

from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.document import Document
from fzlint.fix.autofix import fix_document
from fzlint.fix.fixes import Span, apply_fixes
from fzlint.run.engine import lint_document
from fzlint.settings import Settings

SEED_TEXTS = [seed.read_text(encoding="utf-8") for seed in SEEDS]
FRAGMENTS = [
    "一、2025年推进法治政府建设的主要举措和成效",
    "二、存在的不足和原因",
    "三、下一步工作安排",
    "（一）加强党的领导",
    "（三）推进政务公开",
    "1.深化改革",
    "一是落实责任。二深化述法。三是加强培训。",
    "在探花公开等环节听取意见。",
    "来源:某某区司法局 发布时间:2025-12-26",
    "扫一扫在手机上打开当前页",
    "打印 关闭",
    "某某区人民政府",
    "2025年12月26日",
    "",
    "  ",
    "正文,含半角标点;还有 空格 。",
]
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
heavy = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_outside_unchanged(original: str, new: str, spans: list[Span]) -> None:
    """Walk the gaps between spans: each must reappear, in order, unchanged."""
    old_pos = new_pos = 0
    for span in spans:
        gap = original[old_pos : span.start]
        assert new[new_pos : new_pos + len(gap)] == gap
        new_pos += len(gap)
        assert new[new_pos : new_pos + len(span.content)] == span.content
        new_pos += len(span.content)
        old_pos = span.end
    assert new[new_pos:] == original[old_pos:]


def assert_no_overlap(spans: list[Span]) -> None:
    for i, span in enumerate(spans):
        assert not any(span.conflicts(other) for other in spans[i + 1 :])


def check_one_pass(document: Document, diagnostics: list[Diagnostic], unsafe: bool) -> str:
    outcome = apply_fixes(document, diagnostics, unsafe)
    assert_no_overlap(outcome.spans)
    assert_outside_unchanged(document.text, outcome.text, outcome.spans)
    return outcome.text


def check_fix_loop(text: str, unsafe: bool = False) -> None:
    document = Document.from_text("r.txt", text)
    diagnostics = lint_document(document, Settings(), REGISTRY)
    check_one_pass(document, diagnostics, unsafe)
    fixed = fix_document(document, Settings(), unsafe, RELINT, diagnostics)
    again = fix_document(fixed.document, Settings(), unsafe, RELINT, fixed.diagnostics)
    assert again.document.text == fixed.document.text  # a second --fix changes nothing
    if not unsafe:
        assert not [d for d in fixed.diagnostics if d.fix is not None and d.fix.safe]


@st.composite
def text_and_fixes(draw):
    lines = draw(st.lists(st.text(alphabet="甲乙丙丁,. 一二是", max_size=8), min_size=1, max_size=6))
    newline = draw(NEWLINES)
    document = Document.from_text("t.txt", newline.join(lines))
    positions = [(i + 1, c + 1) for i, line in enumerate(document.lines) for c in range(len(line) + 1)]
    diagnostics = []
    for _ in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            a, b = sorted(draw(st.lists(st.sampled_from(positions), min_size=2, max_size=2)))
            if draw(st.booleans()):  # sometimes out of range, as a buggy rule might produce
                b = (b[0], b[1] + draw(st.integers(0, 3)))
            edits.append(Edit(a[0], a[1], b[0], b[1], draw(st.text(alphabet="XY\n", max_size=3))))
        fix = Fix(edits=tuple(edits), message="f", safe=draw(st.booleans()))
        line, column = edits[0].line, edits[0].column
        diagnostics.append(
            Diagnostic("t.txt", line, column, line, column + 1, "X101", "x", Severity.ERROR, "m", fix=fix)
        )
    return document, sorted(diagnostics, key=Diagnostic.sort_key), draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(text_and_fixes())
def test_random_edits_never_overlap_and_never_touch_other_text(case) -> None:
    document, diagnostics, unsafe = case
    check_one_pass(document, diagnostics, unsafe)
    for span in apply_fixes(document, diagnostics, unsafe).spans:  # inserted breaks: the file's style
        assert not set(span.content.replace(document.newline, "")) & {"\r", "\n"}


@heavy
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25), NEWLINES, st.booleans())
def test_generated_reports(lines: list[str], newline: str, unsafe: bool) -> None:
    check_fix_loop(newline.join(lines), unsafe)


@heavy
@given(st.sampled_from(SEED_TEXTS), st.data(), st.booleans())
def test_random_selections_of_seed_lines(text: str, data, unsafe: bool) -> None:
    lines = text.split("\n")
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    check_fix_loop("\n".join(line for line, k in zip(lines, keep, strict=True) if k), unsafe)


def test_whole_seeds() -> None:
    for text in SEED_TEXTS:
        for unsafe in (False, True):
            check_fix_loop(text, unsafe)


def test_every_pass_of_the_loop_keeps_text_outside_spans() -> None:
    for text in SEED_TEXTS:
        document = Document.from_text("r.txt", text.replace("\n", "\r\n"))
        for _ in range(10):
            diagnostics = lint_document(document, Settings(), REGISTRY)
            outcome = apply_fixes(document, diagnostics)
            assert_outside_unchanged(document.text, outcome.text, outcome.spans)
            if not outcome.applied:
                break
            document = dataclasses.replace(document, text=outcome.text)
        assert "\r\n" in document.text and "\n" not in document.text.replace("\r\n", "")
