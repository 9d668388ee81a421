"""Property tests: any text, and generated report-like text, lints without a crash.

Every stage (loading, classifying, parsing, each rule) must complete without an
exception (a rule's exception would surface as E999), every diagnostic and fix edit
must lie inside the document, no two fixes may overlap, and the rich reporter must
render the result. Random Unicode finds crashes in the lexer; report-like text built
from headings, enumerators, chrome, dates and mojibake (tests/robustness/strategies.py,
shared with benchmarks/fuzz.py) reaches the grammar's and rules' corners.
"""

from __future__ import annotations

import io
from pathlib import Path

from conftest import placed_once
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from registry_for_tests import REGISTRY, RELINT

from fzlint.document import Document
from fzlint.load.loading import LoadError, load_path
from fzlint.parse.numerals import cn_to_int, int_to_cn
from fzlint.parse.outline import build_report
from fzlint.reporters import ReportOptions
from fzlint.reporters.rich_output import render
from fzlint.run.engine import FileResult, keywords_for
from fzlint.settings import Settings
from robustness.strategies import any_text, lint_problems, position_problems, report_like_text

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _check(text: str) -> None:
    document = Document.from_text("fuzz.txt", text)
    found, problems = lint_problems(document)
    assert not problems, (problems, text)
    result = FileResult(path="fuzz.txt", diagnostics=found, document=document)
    render([result], io.StringIO(), ReportOptions(registry=REGISTRY, color=False))


def test_seeds_keep_the_invariants(seed: Path) -> None:
    _check(seed.read_text(encoding="utf-8"))


@FUZZ
@given(any_text)
def test_any_text_lints_cleanly(text: str) -> None:
    _check(text)


@FUZZ
@given(report_like_text)
def test_report_like_text_lints_cleanly(text: str) -> None:
    _check(text)


@FUZZ
@given(report_like_text)
def test_report_like_text_always_parses(text: str) -> None:
    document = Document.from_text("fuzz.txt", text)
    report = build_report(document, keywords_for(Settings(), REGISTRY))
    assert placed_once(report)  # the grammar is total: every line has its place
    assert all(1 <= s.depth <= 5 for s in report.sections())


@FUZZ
@given(st.binary(max_size=300) | report_like_text.map(lambda t: t.encode("utf-8")))
def test_any_bytes_load_or_fail_with_a_load_error(data: bytes) -> None:
    try:
        document = load_path(Path("fuzz.txt"), REGISTRY.manager, "fuzz.txt", data)
    except LoadError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert "\x00" not in document.text


@given(st.integers(1, 999))
def test_chinese_numerals_round_trip(value: int) -> None:
    assert cn_to_int(int_to_cn(value)) == value


@given(st.integers())
def test_int_to_cn_never_fails(value: int) -> None:
    assert int_to_cn(value)


@FUZZ
@given(report_like_text, st.booleans())
def test_fixing_is_crash_free_and_stays_in_bounds(text: str, unsafe: bool) -> None:
    """--fix in memory: no rule crashes on fixed text and what remains lies inside it."""
    from fzlint.fix.autofix import fix_document

    document = Document.from_text("fuzz.txt", text)
    first = fix_document(document, Settings(), unsafe, RELINT)
    assert not [d.message for d in first.diagnostics if d.code == "E999"]
    for diagnostic in first.diagnostics:
        assert not position_problems(first.document, diagnostic)
