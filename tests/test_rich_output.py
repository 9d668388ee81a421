"""The rich reporter: carets sit under the span, measured in terminal cells."""

from __future__ import annotations

import io
import re

import pytest
from conftest import lint_text, seed_text
from registry_for_tests import REGISTRY
from rich.cells import cell_len

from fzlint.document import Document
from fzlint.reporters import ReportOptions
from fzlint.reporters.rich_output import console_for, printable, render, write_report
from fzlint.run.engine import FileResult

GUTTER = " │ "


def render_at(results: list[FileResult], width: int, **extra: object) -> str:
    """The rich report as a ``width``-column terminal would get it, colour off."""
    stream = io.StringIO()
    console = console_for(stream, False, width=width)
    write_report(console, results, ReportOptions(registry=REGISTRY, color=False, files_checked=1, extra=extra))
    output = stream.getvalue()
    assert "\x1b" not in output
    return output


def rendered(text: str, code: str, width: int = 120) -> list[tuple[str, str, str]]:
    """(source row, caret row, span text) for each diagnostic of ``code``."""
    document = Document.from_text("r.txt", text)
    found = [d for d in lint_text(text, path="r.txt") if d.code == code]
    rows = render_at([FileResult("r.txt", found, document)], width, show_all=True).split("\n")
    assert all(cell_len(row) <= width for row in rows), [row for row in rows if cell_len(row) > width]
    result = []
    for d in found:
        header = next(i for i, r in enumerate(rows) if r.startswith(f"r.txt:{d.line}:{d.column}:"))
        source = next(i for i in range(header, len(rows)) if rows[i].startswith(f"{d.line:>5}{GUTTER}"))
        assert all(r.startswith("  ") for r in rows[header + 1 : source]), "continuation rows are indented"
        carets = rows[source + 1]
        assert carets.startswith("      │ ")
        span = document.lines[d.line - 1][d.column - 1 : d.end_column - 1]
        result.append((rows[source][len(GUTTER) + 5 :], carets[len(GUTTER) + 5 :], span))
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
    output = stream.getvalue().replace("\n  ", "")  # undo the wrapping at 80 columns
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
    assert stream.getvalue().strip().splitlines() == ["r.txt：未发现错误", "", "未发现问题（检查了 1 个文件）"]


def test_many_warnings_of_one_rule_are_counted_not_printed(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from conftest import ROOT

    seed = next((ROOT / "seeds").glob("003_*.txt"))
    run = [sys.executable, "-m", "fzlint.cli", "check", str(seed), "--no-color"]
    wide = {**os.environ, "COLUMNS": "300"}  # one row per header
    grouped = subprocess.run(run, capture_output=True, text=True, env=wide).stdout
    full = subprocess.run([*run, "--show-all"], capture_output=True, text=True, env=wide).stdout
    p101_rows = [line for line in grouped.splitlines() if " P101 [" in line and ": 警告 " in line]
    assert len(p101_rows) == 5
    assert "另有 150 处 P101 [half-width-punctuation] 未逐条列出" in grouped
    assert sum(1 for line in full.splitlines() if ": 警告 P101 [" in line) == 155
    assert "另有" not in full
    # errors are never hidden: all four W102 rows are printed in the grouped output
    assert sum(1 for line in grouped.splitlines() if ": 错误 W102 [" in line) == 4
    # the summary still counts every finding
    assert "155" in grouped.split("按规则汇总")[1]


WIDTHS = (60, 80, 100, 120, 200)


@pytest.mark.parametrize("width", WIDTHS)
def test_carets_in_cells_at_every_terminal_width(width: int) -> None:
    """Every row fits; the carets sit under the (possibly cut) span at the right cell."""
    for prefix in ("000", "003", "004"):
        text = seed_text(prefix)
        for code in sorted({d.code for d in lint_text(text)}):
            for source, carets, span in rendered(text, code, width):
                assert_under_cells(source, carets, printable(span))


def assert_under_cells(source: str, carets: str, span: str) -> None:
    """The carets cover exactly the cells of the span's start (all of it, unless cut)."""
    caret_at, count = len(carets) - len(carets.lstrip(" ")), carets.count("^")
    assert carets.strip(" ") == "^" * count
    before = ""
    while cell_len(before) < caret_at:
        before += source[len(before)]
    assert cell_len(before) == caret_at, (source, carets)
    rest = source[len(before) :]
    if not span:  # an empty span (end of line): one caret after the text
        assert count == 1
        return
    covered = ""
    while cell_len(covered) < count:
        covered += rest[len(covered)]
    assert cell_len(covered) == count and span.startswith(covered), (source, carets, span)
    assert covered == span or rest[len(covered) :] == "…", (source, carets, span)


def test_a_span_far_right_in_a_long_line_is_shown_at_every_width() -> None:
    text = "一、主要举措和成效\n" + "很长的句子，" * 60 + "深化探花公开。" + "后文" * 5
    for width in WIDTHS:
        ((source, carets, span),) = rendered(text, "W102", width)
        assert source.startswith("…") and span in source
        assert_under(source, carets, span)
        assert cell_len(source) + 8 <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_tags_are_never_split(width: int) -> None:
    text = seed_text("003")
    document = Document.from_text("seeds/003_6a86696c36e2d285.txt", text)
    found = lint_text(text, path=document.path)
    output = render_at([FileResult(document.path, found, document)], width)
    rows = output.split("\n")
    assert all(cell_len(row) <= width for row in rows)
    assert output.count("[可自动修复]") == sum(1 for row in rows for _ in re.finditer(r"\[可自动修复\]", row))
    headers = [d for d in found if d.fix is not None and d.fix.safe]
    tags = sum(row.count("[可自动修复]") for row in rows)
    assert tags == len([d for d in headers if d.severity.value == "error"]) + min(
        5, sum(1 for d in headers if d.code == "P101")
    ) + sum(1 for d in headers if d.severity.value != "error" and d.code != "P101")
    for d in found:
        assert any(f"[{d.name}]" in row for row in rows)


def test_order_of_attention_and_verdicts() -> None:
    text = seed_text("004")
    document = Document.from_text("r.txt", text)
    found = lint_text(text, path="r.txt")
    rows = render_at([FileResult("r.txt", found, document)], 200).split("\n")
    codes_in_order = [m.group(1) for row in rows if (m := re.match(r"r\.txt:\d+:\d+: \S+ (\w+) ", row))]
    families = [{"S": 0, "F": 0, "N": 1, "P": 3}.get(code[0], 2) for code in codes_in_order]
    assert families == sorted(families) and families[0] == 0 and families[-1] == 3
    errors = sum(1 for d in found if d.severity.value == "error")
    warnings = len(found) - errors
    assert f"r.txt：需修改：{errors} 个错误，{warnings} 个警告" in rows
    table = rows.index("按规则汇总")
    assert rows.index(f"r.txt：需修改：{errors} 个错误，{warnings} 个警告") < table
    # Chinese severities and titles beside the kebab-case names
    row = next(r for r in rows[table:] if r.lstrip().startswith("S103"))
    assert "缺少改进情况" in row and "missing-improvement" in row and "错误" in row
    assert any("加 --quiet 只看错误" in r for r in rows[table:])


def test_no_quiet_hint_when_errors_dominate() -> None:
    text = "一、主要举措和成效\n深化探花公开,推进。"
    document = Document.from_text("r.txt", text)
    output = render_at([FileResult("r.txt", lint_text(text, path="r.txt"), document)], 120)
    assert "--quiet" not in output
