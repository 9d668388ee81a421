"""The rich reporter: carets sit under the span, measured in terminal cells."""

from __future__ import annotations

import io

import pytest
from conftest import lint_text, seed_text
from registry_for_tests import REGISTRY
from rich.cells import cell_len

from fzlint.document import Document
from fzlint.reporters import ReportOptions
from fzlint.reporters.rich_output import render
from fzlint.run.engine import FileResult

GUTTER = " │ "


def rendered(text: str, code: str) -> list[tuple[str, str, str]]:
    """(source row, caret row, span text) for each diagnostic of ``code``, colour off."""
    document = Document.from_text("r.txt", text)
    found = [d for d in lint_text(text, path="r.txt") if d.code == code]
    stream = io.StringIO()
    render(
        [FileResult("r.txt", found, document)],
        stream,
        ReportOptions(registry=REGISTRY, color=False, files_checked=1, extra={"show_all": True}),
    )
    rows = stream.getvalue().split("\n")
    assert "\x1b" not in stream.getvalue()
    result = []
    for d in found:
        header = next(i for i, r in enumerate(rows) if r.startswith(f"r.txt:{d.line}:{d.column}:"))
        source, carets = rows[header + 1], rows[header + 2]
        assert source.startswith(f"{d.line:>5}{GUTTER}") and carets.startswith("      │ ")
        span = document.lines[d.line - 1][d.column - 1 : d.end_column - 1]
        result.append((source[len(GUTTER) + 5 :], carets[len(GUTTER) + 5 :], span))
    return result


def assert_under(source: str, carets: str, span: str) -> None:
    where = source.index(span)
    assert carets.index("^") == cell_len(source[:where])
    assert carets.count("^") == cell_len(span)
    assert carets.strip(" ") == "^" * carets.count("^")


@pytest.mark.parametrize(
    "prefix",
    [
        "",
        "（一）",
        "AB",
        "\tAB",
        "AB“引号”",
        "2025年，",
        "𠀀𠀁",
        "ａｂｃ１２３",
        "1.5%的增长，",
    ],
)
def test_carets_under_span_after_any_prefix(prefix: str) -> None:
    text = f"一、主要举措和成效\n{prefix}探花公开。"
    rows = rendered(text, "W102")
    assert len(rows) == 1
    assert_under(*rows[0])


def test_carets_in_a_cropped_long_line() -> None:
    text = "一、主要举措和成效\n" + "很长的句子，" * 40 + "深化探花公开。" + "后文" * 40
    ((source, carets, span),) = rendered(text, "W102")
    assert source.startswith("…") and source.endswith("…")
    assert_under(source, carets, span)


def test_carets_for_every_seed_diagnostic() -> None:
    for prefix in ("000", "003", "004"):
        text = seed_text(prefix)
        for code in {d.code for d in lint_text(text)}:
            for source, carets, span in rendered(text, code):
                if span.strip() and source.count(span) == 1:  # unambiguous place
                    assert_under(source, carets, span)


def test_control_characters_cannot_reach_the_terminal() -> None:
    text = "一、主要举措和成效\n\x1b[31mA\x07B\x0c探花公开"
    ((source, carets, span),) = rendered(text, "W102")
    assert source.startswith("␛[31mA␇B␌探花公开")
    assert_under(source, carets, span)


def test_summary_counts_by_severity() -> None:
    document = Document.from_text("r.txt", seed_text("004"))
    found = lint_text(seed_text("004"), path="r.txt")
    stream = io.StringIO()
    render(
        [FileResult("r.txt", found, document)], stream, ReportOptions(registry=REGISTRY, color=False, files_checked=1)
    )
    output = stream.getvalue()
    errors = sum(1 for d in found if d.severity.value == "error")
    warnings = sum(1 for d in found if d.severity.value == "warning")
    assert f"共 {errors} 个错误，{warnings} 个警告，0 个提示" in output
    assert "检查了 1 个文件" in output
    assert "按规则汇总" in output


def test_clean_file_says_so() -> None:
    stream = io.StringIO()
    render(
        [FileResult("r.txt", [], Document.from_text("r.txt", ""))],
        stream,
        ReportOptions(registry=REGISTRY, color=False, files_checked=1),
    )
    assert stream.getvalue().strip() == "未发现问题（检查了 1 个文件）"


def test_many_warnings_of_one_rule_are_counted_not_printed(tmp_path) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    seed = next((ROOT / "seeds").glob("003_*.txt"))
    run = [sys.executable, "-m", "fzlint.cli", "check", str(seed), "--no-color"]
    grouped = subprocess.run(run, capture_output=True, text=True).stdout
    full = subprocess.run([*run, "--show-all"], capture_output=True, text=True).stdout
    p101_rows = [line for line in grouped.splitlines() if " P101 [" in line and ": 警告 " in line]
    assert len(p101_rows) == 5
    assert "另有 150 处 P101 [half-width-punctuation] 未逐条列出" in grouped
    assert sum(1 for line in full.splitlines() if ": 警告 P101 [" in line) == 155
    assert "另有" not in full
    # errors are never hidden: all four W102 rows are printed in the grouped output
    assert sum(1 for line in grouped.splitlines() if ": 错误 W102 [" in line) == 4
    # the summary still counts every finding
    assert "155" in grouped.split("按规则汇总")[1]
