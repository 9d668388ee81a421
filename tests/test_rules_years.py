"""Y101 stale-year and Y102 date-format, plus the shared year helpers in rules/common/years.py."""

from __future__ import annotations

import pytest
from conftest import found, inject, seed_text
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.parse.outline import build_report
from fzlint.rules.common.years import parse_written_date, report_year, year_mentions
from fzlint.run.engine import keywords_for
from fzlint.settings import Settings


def year_of(text: str, **settings: object):
    report = build_report(Document.from_text("r.txt", text), keywords_for(Settings(), REGISTRY))
    return report_year(report, Settings(**settings))  # type: ignore[arg-type]


# -- helpers ----------------------------------------------------------------------


def test_year_mentions_skip_titles_and_spans() -> None:
    text = "2025年，落实《法治政府建设实施纲要（2021—2025年）》和2025-2026年方案，二〇二四年以来"
    got = [(m.year, m.start) for m in year_mentions(text)]
    assert got == [(2025, 0), (2024, text.index("二〇"))]


@pytest.mark.parametrize(
    ("prefix", "year", "source"),
    [
        ("000", 2025, "标题"),
        ("001", 2024, "正文各部分标题"),
        ("002", 2025, "正文各部分标题"),
        ("003", 2025, "正文各部分标题"),
        ("004", 2023, "标题"),
    ],
)
def test_report_year_of_each_seed(prefix: str, year: int, source: str) -> None:
    result = year_of(seed_text(prefix))
    assert (result.year, result.source) == (year, source)


def test_report_year_falls_back_to_settings() -> None:
    text = "我局坚持依法行政。\n一、主要举措和成效\n开展培训。\n二、存在的不足\n不足。\n三、下一步安排\n继续。\n"
    assert year_of(text) is None
    assert year_of(text, year=2025).year == 2025


def test_one_stale_heading_is_outvoted_without_a_title() -> None:
    text = inject("002", "一、法治政府建设2025年工作总结", "一、法治政府建设2024年工作总结")
    assert year_of(text).year == 2025


# -- Y101 -------------------------------------------------------------------------


def test_copy_forward_heading_in_seed_002_gives_exactly_one() -> None:
    heading = "(二)2025年度推进法治政府建设存在的不足"
    text = inject("002", heading, heading.replace("2025", "2024"))
    hits = found(text, "Y101")
    assert [(d.line, d.column, d.end_column) for d in hits] == [(17, 4, 9)]
    assert "应为2025年" in hits[0].message
    assert hits[0].fix is not None and hits[0].fix.edits[0].content == "2025年"
    assert not hits[0].fix.safe


def test_stale_part_one_heading_in_seed_002() -> None:
    text = inject("002", "一、法治政府建设2025年工作总结", "一、法治政府建设2024年工作总结")
    assert [d.line for d in found(text, "Y101")] == [2]


def test_part_three_left_at_this_year_in_titled_seed_000() -> None:
    text = inject("000", "三、2026年工作计划", "三、2025年工作计划")
    hits = found(text, "Y101")
    assert [d.line for d in hits] == [71]
    assert "下一年度安排" in hits[0].message and "2026年" in hits[0].message


def test_improvement_clause_of_merged_heading() -> None:
    old = "二、2024年度法治政府建设中存在问题的改进情况、2025年度"
    text = inject("000", old, old.replace("2024年度", "2023年度"))
    hits = found(text, "Y101")
    assert [(d.line, d.column) for d in hits] == [(61, 5)]
    assert "2024年" in hits[0].message


def test_stale_opening_year() -> None:
    text = inject("000", "  2025年,区政务服务", "  2024年,区政务服务")
    hits = found(text, "Y101")
    assert [(d.line, d.column) for d in hits] == [(7, 3)]


def test_title_year_rules_over_an_entirely_old_body() -> None:
    text = inject("001", "2024年,在区委", "深圳市某局2025年法治政府建设年度报告\n2024年,在区委")
    lines = [d.line for d in found(text, "Y101")]
    assert lines == [2, 3, 33, 33, 34, 36, 38]


def test_responsibility_part_names_this_year() -> None:
    part = "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况"
    text = inject("000", "三、2026年工作计划", f"{part}\n  ……\n四、2026年工作计划")
    assert [(d.line, d.column) for d in found(text, "Y101")] == [(71, 5)]


def test_merged_part_with_next_year_in_body_is_fine() -> None:
    assert found(seed_text("004"), "Y101") == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_y101_quiet_on_seeds(prefix: str) -> None:
    assert found(seed_text(prefix), "Y101") == []


# -- Y102 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("2025-12-26", "2025年12月26日"),
        ("2025.12.26", "2025年12月26日"),
        ("2025年12月06日", "2025年12月6日"),
        ("二〇二五年十二月二十六日", "2025年12月26日"),
        ("２０２５年１２月２６日", "2025年12月26日"),
    ],
)
def test_date_form_is_fixed(written: str, canonical: str) -> None:
    text = inject("000", "  2025年12月26日", f"  {written}")
    hits = found(text, "Y102")
    assert len(hits) == 1
    assert (hits[0].line, hits[0].column, hits[0].end_column) == (86, 3, 3 + len(written))
    assert hits[0].fix is not None and hits[0].fix.safe
    assert hits[0].fix.edits[0].content == canonical


def test_leading_zero_and_outside_window() -> None:
    text = inject("003", "2026年1月5日", "2025年01月05日")
    messages = sorted(d.message for d in found(text, "Y102"))
    assert len(messages) == 2
    assert "不补 0，改为“2025年1月5日”" in messages[1] and "不在2025年度" in messages[0]


@pytest.mark.parametrize(
    ("written", "fires"),
    [
        ("2025年11月30日", True),
        ("2025年12月1日", False),
        ("2026年4月1日", False),
        ("2026年4月2日", True),
        ("2027年1月5日", True),
    ],
)
def test_date_window(written: str, fires: bool) -> None:
    text = inject("000", "2025年12月26日", written)
    assert bool(found(text, "Y102")) is fires


def test_date_window_is_configurable() -> None:
    text = inject("000", "2025年12月26日", "2026年5月20日")
    assert found(text, "Y102")
    assert found(text, "Y102", date_window_end="06-30") == []


def test_impossible_date() -> None:
    text = inject("000", "2025年12月26日", "2025年13月26日")
    messages = [d.message for d in found(text, "Y102")]
    assert messages == ["成文日期“2025年13月26日”不是有效日期：请改正"]


def test_parse_written_date_positions() -> None:
    parsed = parse_written_date("  2026年1月5日")
    assert (parsed.canonical, parsed.start, parsed.end) == ("2026年1月5日", 2, 11)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_y102_quiet_on_seeds(prefix: str) -> None:
    assert found(seed_text(prefix), "Y102") == []
