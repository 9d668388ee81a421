"""S101-S106: the three mandated parts and the subsections of part two.

Each rule fires on a seed with its defect injected (exact span and message) and
stays quiet on every seed where the defect is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    golden_lines,
    lint_text,
    of_code,
    replace_once,
    seed_lines,
    seed_text,
    span,
)
from registry_for_tests import REGISTRY

from fzlint.run.engine import lint_path
from fzlint.settings import Settings

# Seed 003, 1-based: 2 part one, 12 part two, 13 (一) improvement, 14 (二) shortcomings,
# 15 part three, 16-19 its subsections, 20 专此报告, 21 unit, 22 date.
L3 = seed_lines("003")
PART_TWO = L3[11]
PART_THREE = L3[14]


def lint_lines(lines: list[str]):
    return lint_text("\n".join(lines))


@pytest.mark.parametrize("code", ["S101", "S102", "S103", "S104", "S105", "S106"])
def test_quiet_on_seeds_where_absent(seed: Path, code: str) -> None:
    found = [d.line for d in lint_path(seed, Settings(), REGISTRY).diagnostics if d.code == code]
    assert found == golden_lines(seed, code)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_complete_seeds_have_no_structure_findings(prefix: str) -> None:
    assert [d for d in lint_text(seed_text(prefix)) if d.code.startswith("S1")] == []


# -- S101 missing-part -------------------------------------------------------------


def test_s101_part_three_deleted_points_at_end_of_body() -> None:
    lines = L3[:14] + L3[19:]  # parts one and two, then 专此报告
    found = of_code(lint_lines(lines), "S101")
    assert len(found) == 1
    assert span(found[0]) == (14, 1, 14, len(L3[13]) + 1)
    assert found[0].message.startswith("缺少第三部分“下一年度安排”")
    assert "请按规定增加" in found[0].message


def test_s101_part_one_deleted_points_at_next_part() -> None:
    lines = L3[:1] + L3[11:]
    found = of_code(lint_lines(lines), "S101")
    assert [span(d) for d in found] == [(2, 1, 2, len(PART_TWO) + 1)]
    assert "缺少第一部分“主要举措和成效”" in found[0].message


def test_s101_part_two_deleted_points_at_part_three() -> None:
    lines = L3[:11] + L3[14:]
    found = of_code(lint_lines(lines), "S101")
    assert [span(d) for d in found] == [(12, 1, 12, len(PART_THREE) + 1)]
    assert "缺少第二部分“存在的不足和原因”" in found[0].message


def test_s101_topic_report_reports_parts_two_and_three_once_at_title() -> None:
    text = "\n".join(
        [
            "深圳市某区2025年法治政府建设年度报告",
            "2025年，我区坚持以习近平新时代中国特色社会主义思想为指导，全面推进法治政府建设。",
            "一、党政主要负责人履行推进法治建设第一责任人职责情况",
            "区政府主要负责人认真履行推进法治建设第一责任人职责。",
            "二、依法全面履行政府职能",
            "深化“放管服”改革，持续优化法治化营商环境。",
            "三、着力解决群众急难愁盼问题",
            "推进民生诉求改革。",
            "四、严格规范公正文明执法",
            "全面推行行政执法三项制度。",
            "深圳市某区人民政府",
            "2026年1月20日",
        ]
    )
    found = lint_text(text)
    structure = [d for d in found if d.code.startswith("S1")]
    # the topic headings are part one (issue 11): only parts two and three are missing
    assert [d.code for d in structure] == ["S101", "S101"]
    assert {span(d) for d in structure} == {(1, 1, 1, 21)}
    assert ["第二部分" in structure[0].message, "第三部分" in structure[1].message] == [True, True]
    assert all("一级标题都不是法定部分" in d.message for d in structure)


def test_s101_merged_heading_counts_both_parts() -> None:
    # 004's 存在问题及下一步工作思路 covers parts two and three: S106, not S101.
    assert of_code(lint_text(seed_text("004")), "S101") == []


# -- S102 part-order ----------------------------------------------------------------


def test_s102_parts_two_and_three_swapped() -> None:
    lines = L3[:11] + L3[14:19] + L3[11:14] + L3[19:]
    found = of_code(lint_lines(lines), "S102")
    assert [span(d) for d in found] == [(17, 1, 17, len(PART_TWO) + 1)]
    assert found[0].message == (
        "“存在的不足和原因”应位于“下一年度安排”之前：请按“主要举措和成效、存在的不足和原因、下一年度安排”的顺序调整"
    )


def test_s102_part_one_last() -> None:
    lines = L3[:1] + L3[11:19] + L3[1:11] + L3[19:]
    found = of_code(lint_lines(lines), "S102")
    assert [d.line for d in found] == [10]
    assert found[0].message.startswith("“主要举措和成效”应位于“下一年度安排”之前")


# -- S103 missing-improvement -------------------------------------------------------


def test_s103_improvement_section_deleted() -> None:
    lines = L3[:12] + L3[13:]
    found = of_code(lint_lines(lines), "S103")
    assert [span(d) for d in found] == [(12, 1, 12, len(PART_TWO) + 1)]
    assert "缺少“上一年度问题的改进情况”" in found[0].message
    assert "请增加小标题" in found[0].message


def test_s103_fires_on_seed_004_at_the_merged_heading() -> None:
    found = of_code(lint_text(seed_text("004")), "S103")
    assert [span(d) for d in found] == [(27, 3, 27, 17)]


# -- S104 unfilled-improvement ------------------------------------------------------

IMPROVEMENT_HEADING = "(一)2024年度存在问题的改进情况。"


def _with_improvement(*replacement: str) -> list:
    assert L3[12].startswith(IMPROVEMENT_HEADING)
    return of_code(lint_lines(L3[:12] + list(replacement) + L3[13:]), "S104")


def test_s104_empty() -> None:
    found = _with_improvement(IMPROVEMENT_HEADING)
    assert [span(d) for d in found] == [(13, 1, 13, 19)]
    assert found[0].message.startswith("“改进情况”一节没有内容")


@pytest.mark.parametrize("placeholder", ["略。", "暂无。", "XX", "××××", "待补充", "TODO"])
def test_s104_placeholder_inline(placeholder: str) -> None:
    found = _with_improvement(IMPROVEMENT_HEADING + placeholder)
    assert [span(d) for d in found] == [(13, 1, 13, 19)]
    assert f"只有占位内容“{placeholder}”" in found[0].message


def test_s104_placeholder_on_its_own_line() -> None:
    found = _with_improvement("(一)2024年度存在问题的改进情况", "略。")
    assert [span(d) for d in found] == [(13, 1, 13, 19)]
    assert "占位内容“略。”" in found[0].message


def test_s104_too_short() -> None:
    found = _with_improvement(IMPROVEMENT_HEADING + "已全部整改到位。")
    assert [span(d) for d in found] == [(13, 1, 13, 19)]
    assert "只有 7 个字" in found[0].message and "至少 40 字" in found[0].message


def test_s104_minimum_is_configurable() -> None:
    text = "\n".join([*L3[:12], IMPROVEMENT_HEADING + "已全部整改到位。", *L3[13:]])
    assert of_code(lint_text(text, improvement_min_length=5), "S104") == []


def test_s104_copy_of_shortcomings() -> None:
    shortcomings_body = L3[13].split("。", 1)[1]
    found = _with_improvement(IMPROVEMENT_HEADING + shortcomings_body)
    assert [span(d) for d in found] == [(13, 1, 13, 19)]
    assert "与第 14 行“2025年度推进法治政府建设存…”内容几乎相同" in found[0].message


def test_s104_quiet_on_real_improvement_texts() -> None:
    for prefix in ("000", "001", "002", "003"):
        assert of_code(lint_text(seed_text(prefix)), "S104") == []


# -- S105 missing-shortcomings ------------------------------------------------------


def test_s105_shortcomings_deleted() -> None:
    found = of_code(lint_lines(L3[:13] + L3[14:]), "S105")
    assert [span(d) for d in found] == [(12, 1, 12, len(PART_TWO) + 1)]
    assert found[0].message.startswith("第二部分没有写本年度存在的不足和原因")


def test_s105_quiet_when_shortcomings_are_untitled_text() -> None:
    # Part two without subsections whose own text discusses the shortcomings.
    untitled = L3[13].split("。", 1)[1]
    found = lint_lines([*L3[:12], untitled, *L3[14:]])
    assert of_code(found, "S105") == []
    assert [d.line for d in of_code(found, "S103")] == [12]


# -- S106 merged-parts --------------------------------------------------------------


def test_s106_fires_on_seed_004() -> None:
    found = of_code(lint_text(seed_text("004")), "S106")
    assert [span(d) for d in found] == [(27, 3, 27, 17)]
    assert found[0].message == (
        "标题“存在问题及下一步工作思路”合并了“存在的不足和原因”和“下一年度安排”：请拆分为各自独立的一级标题"
    )


def test_s106_injected_into_seed_003() -> None:
    text = replace_once(seed_text("003"), PART_TWO + "\n", "二、存在问题及明年工作安排\n")
    text = replace_once(text, PART_THREE + "\n", "")
    found = of_code(lint_text(text), "S106")
    assert [span(d) for d in found] == [(12, 1, 12, 14)]
    assert "合并了“存在的不足和原因”和“下一年度安排”" in found[0].message
