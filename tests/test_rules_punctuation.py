"""P101 half-width-punctuation, P102 stray-whitespace, P103 unbalanced-pair, P104 misuse."""

from __future__ import annotations

import pytest
from conftest import codes, lint_text, seed_text
from fixing import apply_fixes

from fzlint.diagnostics import Severity
from fzlint.document import Document
from fzlint.parse.lines import LineKind, classify


def only(diagnostics, code: str):
    return [d for d in diagnostics if d.code == code]


def fixed(text: str, code: str, **settings) -> str:
    return apply_fixes(text, only(lint_text(text, **settings), code))


# -- P101 ----------------------------------------------------------------------------


def test_p101_fires_on_seed_000_opening_with_one_diagnostic_per_mark() -> None:
    text = seed_text("000")
    line7 = text.split("\n")[6]
    found = [d for d in only(lint_text(text), "P101") if d.line == 7]
    assert len(found) == line7.count(",") + line7.count(":")
    assert all(d.severity is Severity.WARNING and d.fix.safe for d in found)
    assert fixed(line7, "P101").count("，") == line7.count(",")
    assert fixed(line7, "P101").endswith("现将有关情况报告如下：")


def test_p101_heading_brackets_fix_to_a_heading_that_still_parses() -> None:
    text = "一、主要举措和成效\n(一)学习贯彻习近平法治思想\n全年开展学法活动12次。"
    found = only(lint_text(text), "P101")
    assert [(d.line, d.column) for d in found] == [(2, 1), (2, 3)]
    result = apply_fixes(text, found)
    assert result.split("\n")[1] == "（一）学习贯彻习近平法治思想"
    line = classify(Document.from_text("r.txt", result))[1]
    assert line.kind is LineKind.HEADING and line.marker.level == 2 and line.marker.standard


@pytest.mark.parametrize(
    "text",
    [
        "1.推进政务服务“一网通办”",  # a list marker: never "1。"
        "同比增长3.5%，完成1,000件。",
        "每天8:30开始受理。",
        "详见https://www.gov.cn/zhengce/a.html?id=1,2，或www.sz.gov.cn:8080。",
        "推出“AI+智能问答”服务。",
        "Hello, world! (OK)",
        "二十届三中全会。",
    ],
)
def test_p101_quiet_on_numbers_times_urls_and_latin(text: str) -> None:
    assert "P101" not in codes(lint_text(text))


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ('推进"放管服"改革,取得实效。', "推进“放管服”改革，取得实效。"),
        ("报告如下: 一是加强学习; 二是健全制度!", "报告如下：一是加强学习；二是健全制度！"),
        ("运用人工智能(AI)技术,提升效率?", "运用人工智能（AI）技术，提升效率？"),
        ("实施方案(试行)》", "实施方案（试行）》"),
    ],
)
def test_p101_fixes(text: str, right: str) -> None:
    assert fixed(text, "P101") == right


def test_p101_leaves_heading_marker_separators_to_n102() -> None:
    found = only(lint_text("一、总体情况\n(一)学法\n1:加强学习\n全年学法12次。"), "P101")
    assert (3, 2) not in [(d.line, d.column) for d in found]


def test_p101_seed_counts_are_large_but_each_is_real() -> None:
    found = only(lint_text(seed_text("000")), "P101")
    assert len(found) > 100
    lines = seed_text("000").split("\n")
    assert all(lines[d.line - 1][d.column - 1] in ',;:?!()"' for d in found)


# -- P102 ----------------------------------------------------------------------------


def test_p102_fires_on_seed_001_year_unit() -> None:
    found = only(lint_text(seed_text("001")), "P102")
    assert [(d.line, d.column, d.end_column) for d in found] == [(2, 7, 8)]
    assert "2024" in found[0].message
    heading = seed_text("001").split("\n")[1]
    assert fixed(heading, "P102") == heading.replace("2024 年", "2024年")


def test_p102_fires_before_punctuation_in_seeds_000_and_003() -> None:
    assert [d.line for d in only(lint_text(seed_text("000")), "P102")] == [55]
    assert [d.line for d in only(lint_text(seed_text("003")), "P102")] == [5, 8, 8, 17]


def test_p102_and_p101_fixes_combine_without_overlap() -> None:
    text = "自动分拨率达99% ,大幅缩短响应时间。"
    found = [d for d in lint_text(text) if d.code in ("P101", "P102")]
    assert apply_fixes(text, found) == "自动分拨率达99%，大幅缩短响应时间。"


@pytest.mark.parametrize(
    "text",
    [
        "  2025年，我局坚持依法行政。",  # ASCII indentation
        "\u3000\u30002025年，我局坚持依法行政。",  # full-width indentation
        "第一部分\u3000总体情况",
        "推进AI 脑图和Open Data建设。",
        "我局坚持依法行政。  ",
    ],
)
def test_p102_quiet(text: str) -> None:
    assert "P102" not in codes(lint_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "加强 法治宣传。",
        "加强法治宣传， 推进依法行政。",
        "共办理 12 件。",
    ],
)
def test_p102_fires(text: str) -> None:
    assert "P102" in codes(lint_text(text))


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_p102_quiet_on_seeds_without_stray_spaces(prefix: str) -> None:
    assert "P102" not in codes(lint_text(seed_text(prefix)))


# -- P103 ----------------------------------------------------------------------------


def test_p103_fires_on_unclosed_title_mark_injected_into_seed() -> None:
    text = seed_text("003").replace("《中华人民共和国行政许可法》", "《中华人民共和国行政许可法", 1)
    found = only(lint_text(text), "P103")
    assert len(found) == 1
    line = text.split("\n")[found[0].line - 1]
    assert line[found[0].column - 1] == "《" and "》" in found[0].message


@pytest.mark.parametrize(
    ("text", "chars"),
    [
        ("开展“一网通办改革。", ["“"]),
        ("落实条例》要求。", ["》"]),
        ("严格落实《条例（试行》要求）。", ["（", "）"]),
        ("设立【专栏。", ["【"]),
        ("推进改革(试点。", ["("]),
    ],
)
def test_p103_reports_the_unmatched_mark(text: str, chars: list[str]) -> None:
    found = only(lint_text(text), "P103")
    assert [text[d.column - 1] for d in found] == chars


@pytest.mark.parametrize(
    "text",
    [
        "1)加强学习；2)健全制度；a)完善机制。",
        "严格落实《条例（试行）》和“放管服”改革（见附件）。",
        "(一)学习贯彻习近平法治思想",
        "厅字〔2019〕28号。",
    ],
)
def test_p103_quiet(text: str) -> None:
    assert "P103" not in codes(lint_text(text))


def test_p103_joins_a_hard_wrapped_paragraph() -> None:
    wrapped = "严格落实《重大行政决策程序\n暂行条例》，推进“一网\n通办”改革。"
    assert "P103" not in codes(lint_text(wrapped))
    ended = "严格落实《重大行政决策程序。\n暂行条例》要求。"
    assert [d.line for d in only(lint_text(ended), "P103")] == [1, 2]


def test_p103_quiet_on_all_seeds(seed) -> None:
    assert "P103" not in codes(lint_text(seed.read_text(encoding="utf-8")))


# -- P104 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("开展讲座、展览、等活动。", "开展讲座、展览等活动。"),
        ("取得实效。。", "取得实效。"),
        ("加强学习，，健全制度。", "加强学习，健全制度。"),
        ("群众反映...政策落实。", "群众反映……政策落实。"),
        ("群众反映。。。政策落实。", "群众反映……政策落实。"),
        ("群众反映…政策落实。", "群众反映……政策落实。"),
    ],
)
def test_p104_fixes(text: str, right: str) -> None:
    found = only(lint_text(text), "P104")
    assert len(found) == 1 and found[0].severity is Severity.ERROR
    assert apply_fixes(text, found) == right


def test_p104_single_dash_is_a_warning_with_unsafe_fix() -> None:
    found = only(lint_text("坚持一个原则—依法行政。"), "P104")
    assert [d.severity for d in found] == [Severity.WARNING]
    assert not found[0].fix.safe and found[0].fix.edits[0].content == "——"


def test_p104_adjacent_titles_with_dunhao_in_seed_001_are_warnings() -> None:
    found = only(lint_text(seed_text("001")), "P104")
    assert [(d.line, d.severity) for d in found] == [(6, Severity.WARNING)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "落实《法治政府建设实施纲要（2021—2025年）》。",
        "第3—5条、2021 — 2025年。",
        "坚持一个原则——依法行政……",
        "版本号1.2.3，详见...。".replace("...", "1...3"),
    ],
)
def test_p104_quiet(text: str) -> None:
    assert "P104" not in codes(lint_text(text))


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_p104_quiet_on_seeds_without_misuse(prefix: str) -> None:
    assert "P104" not in codes(lint_text(seed_text(prefix)))


# -- fixes together ------------------------------------------------------------------

FIXED_CODES = ("T101", "T102", "P101", "P102", "P104")


def test_safe_fixes_on_each_seed_do_not_overlap_and_clear_their_findings(seed) -> None:
    text = seed.read_text(encoding="utf-8")
    before = lint_text(text)
    safe = [d for d in before if d.code in FIXED_CODES and d.fix and d.fix.safe]
    result = apply_fixes(text, safe)  # asserts the edits never overlap
    after = lint_text(result)
    assert not [d for d in after if d.code in FIXED_CODES and d.fix and d.fix.safe]
    # nothing but punctuation and spaces changed: the Han characters are all still there
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    assert [ch for ch in result if "\u4e00" <= ch <= "\u9fff"] == han
    # the outline is unchanged: structure and numbering findings are the same
    outline = [(d.line, d.code) for d in before if d.code[0] in "SN"]
    assert [(d.line, d.code) for d in after if d.code[0] in "SN"] == outline
