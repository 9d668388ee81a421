"""Findings built cheaply are still the same frozen dataclasses (issue #17, the P101 flood).

``Edit``, ``Fix`` and ``Diagnostic`` store their fields through the slots' setters instead of
the generated ``__init__``; ``Rule.diagnostic`` clamps without ``min``/``max``; P101 builds its
findings directly and finds a line's marks with fewer calls. None of that may change a value,
an equality, a hash contract or pickling.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from registry_for_tests import REGISTRY

from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.document import Document
from fzlint.parse.lines import SPACE
from fzlint.parse.outline import build_report
from fzlint.parse.tokens import IMPROVEMENT_LEAD, opens_improvement
from fzlint.rule import Context, Rule
from fzlint.rules.common.chinese import HALF_TO_FULL, inside, is_chinese
from fzlint.rules.common.halfwidth import (
    HalfWidth,
    _lost,
    _marks,
    _next,
    _parentheses,
    _prev,
    _quotes,
    _spaces_after,
)
from fzlint.rules.punctuation import HalfWidthPunctuation
from fzlint.run.engine import keywords_for
from fzlint.settings import Settings


def _finding(**changes: object) -> Diagnostic:
    fix = Fix((Edit(2, 3, 2, 4, "，"),), "改为全角“，”")
    values: dict[str, object] = {
        "path": "r.txt",
        "line": 2,
        "column": 3,
        "end_line": 2,
        "end_column": 4,
        "code": "P101",
        "name": "half-width-punctuation",
        "severity": Severity.WARNING,
        "message": "m",
        "fix": fix,
    }
    return Diagnostic(**{**values, **changes})  # type: ignore[arg-type]


def test_records_are_frozen_slotted_dataclasses() -> None:
    finding = _finding()
    for record in (finding, finding.fix, finding.fix.edits[0]):  # type: ignore[union-attr]
        assert dataclasses.is_dataclass(record) and not hasattr(record, "__dict__")
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, dataclasses.fields(record)[0].name, 9)
    assert [f.name for f in dataclasses.fields(Diagnostic)] == [
        *("path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix"),
        *("extra", "covers"),
    ]


def test_defaults_keyword_positional_and_replace_agree() -> None:
    finding = _finding()
    assert finding.extra == {} and finding.covers is None
    assert _finding().extra is not finding.extra  # a new dict each, as default_factory gave
    positional = Diagnostic(*(getattr(finding, f.name) for f in dataclasses.fields(Diagnostic)))
    assert positional == finding and hash(positional) == hash(finding)
    moved = dataclasses.replace(finding, line=5, covers=(5, 7))
    assert (moved.line, moved.covers, moved.message, moved.fix) == (5, (5, 7), "m", finding.fix)
    assert Fix((), "删除").safe is True and Fix((), "删除", False).safe is False


def test_equal_findings_hash_alike_and_extra_and_covers_do_not_count() -> None:
    finding = _finding()
    twin = _finding(extra={"note": 1}, covers=(1, 3))
    assert twin == finding and hash(twin) == hash(finding)
    assert len(dict.fromkeys([finding, twin, _finding(message="other")])) == 2
    assert _finding(fix=None) != finding and _finding(severity=Severity.ERROR) != finding
    assert hash(Edit(1, 2, 1, 3, "x")) == hash(Edit(1, 2, 1, 3, "x"))


def test_pickle_and_copy_keep_every_field() -> None:
    finding = _finding(extra={"k": [1]}, covers=(2, 4))
    for other in (pickle.loads(pickle.dumps(finding)), copy.copy(finding), copy.deepcopy(finding)):
        assert other == finding
        assert (other.extra, other.covers, other.fix) == (finding.extra, finding.covers, finding.fix)


def _old_span(lines: list[str], line: int, column: int, end_column: int | None, end_line: int | None):
    """Rule.diagnostic's clamping as it was written with min and max."""
    end_line = line if end_line is None else end_line
    if end_column is None:
        end_column = len(lines[end_line])
    column = max(0, min(column, len(lines[line])))
    end_column = max(0, min(end_column, len(lines[end_line])))
    if end_line == line and end_column <= column:
        end_column = min(column + 1, max(column, len(lines[line])))
    return line + 1, column + 1, end_line + 1, end_column + 1


class _Probe(Rule):
    """Probe."""

    code, name, summary, bad, good = "X901", "probe", "s", "b", "g"


@given(
    st.lists(st.text(alphabet="ab，", max_size=6), min_size=1, max_size=4),
    st.data(),
)
def test_rule_diagnostic_clamps_as_before(texts: list[str], data: st.DataObject) -> None:
    document = Document.from_text("r.txt", "\n".join(texts))
    report = build_report(document, keywords_for(Settings(), REGISTRY))
    lines = document.lines
    line = data.draw(st.integers(0, len(lines) - 1))
    end_line = data.draw(st.none() | st.integers(line, len(lines) - 1))
    column = data.draw(st.integers(-3, 9))
    end_column = data.draw(st.none() | st.integers(-3, 9))
    found = _Probe().diagnostic(report, line, column, end_column, "m", end_line=end_line)
    assert (found.line, found.column, found.end_line, found.end_column) == _old_span(
        lines, line, column, end_column, end_line
    )


def test_p101_findings_are_what_rule_diagnostic_would_build() -> None:
    text = '2025年,我局坚持依法行政(见附件),现将"放管服"情况报告如下:\n?水灌区 ,整治。'
    report = build_report(Document.from_text("r.txt", text), keywords_for(Settings(), REGISTRY))
    rule = HalfWidthPunctuation()
    found = list(rule.check(report, Context(settings=Settings())))
    assert len(found) == 9
    for finding in found:
        rebuilt = rule.diagnostic(
            report, finding.line - 1, finding.column - 1, finding.end_column - 1, finding.message, fix=finding.fix
        )
        assert rebuilt == finding and rebuilt.extra == finding.extra and rebuilt.covers is None


def _old_marks(text: str, skipped: list[tuple[int, int]]) -> list[HalfWidth]:
    """halfwidth._marks as it was: every helper called for every line, one sort at the end."""
    marks = [*_parentheses(text, skipped), *_quotes(text, skipped)]
    last = len(text) - 1
    for match in re.finditer(r"[,;:?!]", text):
        index = match.start()
        if skipped and inside(index, skipped):
            continue
        ch = match.group()
        before = text[index - 1] if index else ""
        if ch in ",:" and index < last and before.isdigit() and text[index + 1].isdigit():
            continue
        if before in (" ", "\t"):
            before = _prev(text, index)
        if is_chinese(before) or is_chinese(_next(text, index)):
            lost = ch == "?" and _lost(text, index)
            marks.append(HalfWidth(index, HALF_TO_FULL[ch], _spaces_after(text, index), not lost, lost))
    return sorted(marks, key=lambda mark: mark.column)


_MARK_TEXT = st.text(alphabet=list('政府法治,;:?!()" \t1a《》“”（）'), max_size=30)


@given(_MARK_TEXT, st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=2))
def test_marks_found_as_before(text: str, skipped: list[tuple[int, int]]) -> None:
    assert _marks(text, skipped) == _old_marks(text, skipped)


_LEAD_TEXT = st.text(
    alphabet=list("（(一二1０2023年度上去关于问题不足意见的整改进落实工作情况：:。； \u3000"), max_size=24
)


@given(_LEAD_TEXT)
@example("\u30002023年度问题整改情况：已全部完成")
@example("（一）上年度整改落实情况:")
@example("关于改进工作：")
@example("整改：")
@example("问题整改情况")
def test_improvement_lead_prefilter_only_skips_lines_that_cannot_match(text: str) -> None:
    assert opens_improvement(text) == (IMPROVEMENT_LEAD.match(text.strip(SPACE)) is not None)
