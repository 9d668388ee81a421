"""N101-N105: heading numbers and inline enumerations (一是、二是…).

Each rule fires on a seed with its defect injected (exact span, message and fix)
and stays quiet on every seed where the defect is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import golden_lines, lint_text, of_code, replace_once, seed_lines, seed_text, span
from registry_for_tests import REGISTRY

from fzlint.diagnostics import Edit
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

L2 = seed_lines("002")
L3 = seed_lines("003")


def lint_lines(lines: list[str]):
    return lint_text("\n".join(lines))


def edits(diagnostic) -> list[Edit]:
    assert diagnostic.fix is not None
    return list(diagnostic.fix.edits)


@pytest.mark.parametrize("code", ["N101", "N102", "N103", "N104", "N105"])
def test_quiet_on_seeds_where_absent(seed: Path, code: str) -> None:
    found = [d.line for d in lint_path(seed, Settings(), REGISTRY).diagnostics if d.code == code]
    assert found == golden_lines(seed, code)


# -- N101 heading-sequence ----------------------------------------------------------


def test_n101_skipped_top_level_number() -> None:
    text = replace_once(seed_text("003"), "三、下一年度", "四、下一年度")
    found = of_code(lint_text(text), "N101")
    assert [span(d) for d in found] == [(15, 1, 15, 3)]
    assert found[0].message == ("一级（一、）标题序号“四、”跳号：上一个是“二”，缺少“三”：请改为“三”")
    assert edits(found[0]) == [Edit(15, 1, 15, 2, "三")]
    assert found[0].fix is not None and not found[0].fix.safe


def test_n101_repeated_second_level_number() -> None:
    text = replace_once(seed_text("003"), "(三)健全制度体系", "(二)健全制度体系")
    found = of_code(lint_text(text), "N101")
    # Only the repeated heading: the (四) after it is where it belongs.
    assert [span(d) for d in found] == [(5, 1, 5, 4)]
    assert "与上一个标题重号（都是“二”）" in found[0].message
    assert edits(found[0]) == [Edit(5, 2, 5, 3, "三")]


def test_n101_skip_renumbers_the_rest_of_the_run() -> None:
    text = replace_once(seed_text("003"), "(二)压实", "(三)压实")
    text = replace_once(text, "(三)健全制度体系", "(四)健全制度体系")
    text = replace_once(text, "(四)聚焦主责主业", "(五)聚焦主责主业")
    found = of_code(lint_text(text), "N101")
    assert [span(d) for d in found] == [(4, 1, 4, 4)]
    assert found[0].message.endswith("请改为“二”并顺延其后的序号")
    assert edits(found[0]) == [Edit(4, 2, 4, 3, "二"), Edit(5, 2, 5, 3, "三"), Edit(6, 2, 6, 3, "四")]


def test_n101_first_number_is_not_one() -> None:
    found = of_code(lint_lines(L3[:1] + L3[11:]), "N101")  # part one deleted
    assert [span(d) for d in found] == [(2, 1, 2, 3)]
    assert found[0].message.startswith("一级（一、）标题序号“二、”不是从“一”开始")
    assert edits(found[0]) == [Edit(2, 1, 2, 2, "一"), Edit(5, 1, 5, 2, "二")]


def test_n101_restart_inside_one_level() -> None:
    text = "\n".join(["一、主要举措和成效", "（一）甲", "（二）乙", "（一）丙", "（二）丁"])
    found = of_code(lint_text(text), "N101")
    assert [span(d) for d in found] == [(4, 1, 4, 4)]
    assert "在“二”之后重新从“一”编号" in found[0].message
    assert edits(found[0]) == [Edit(4, 2, 4, 3, "三"), Edit(5, 2, 5, 3, "四")]


def test_n101_levels_are_numbered_per_parent() -> None:
    # 1. restarts under every （一）; that is not a restart.
    assert of_code(lint_text(seed_text("000")), "N101") == []


# -- N102 heading-style -------------------------------------------------------------


def test_n102_punctuation_after_bracketed_number() -> None:
    text = replace_once(seed_text("003"), "(一)提高政治站位", "（一）、提高政治站位")
    found = of_code(lint_text(text), "N102")
    assert [span(d) for d in found] == [(3, 1, 3, 5)]
    assert found[0].message == (
        "标题序号“（一）、”的括号后多了“、”（括号序号后不加标点）：请统一为 GB/T 9704 的“（一）”形式"
    )


def test_n102_arabic_number_with_comma() -> None:
    text = replace_once(seed_text("003"), "1.坚持法治护航", "1、坚持法治护航")
    found = of_code(lint_text(text), "N102")
    assert [span(d) for d in found] == [(7, 1, 7, 3)]
    assert "用了“、”（阿拉伯数字序号后应为下脚点“.”）" in found[0].message


def test_n102_full_width_digits() -> None:
    text = replace_once(seed_text("003"), "2.深化公开互动", "２．深化公开互动")
    found = of_code(lint_text(text), "N102")
    assert [span(d) for d in found] == [(8, 1, 8, 3)]
    assert "用了全角数字" in found[0].message


def test_n102_mixed_brackets_in_one_level() -> None:
    text = replace_once(seed_text("003"), "(二)压实", "（二）压实")
    found = of_code(lint_text(text), "N102")
    assert [span(d) for d in found] == [(4, 1, 4, 4)]
    assert "二级（（一））标题混用写法：本篇多用“(一)”，这里是“（一）”" in found[0].message


def test_n102_full_width_dot_is_accepted() -> None:
    text = replace_once(seed_text("003"), "1.坚持法治护航", "1．坚持法治护航")
    text = text.replace("2.深化", "2．深化").replace("3.健全响应", "3．健全响应")
    text = text.replace("4.筑牢", "4．筑牢").replace("5.规范开发", "5．规范开发")
    assert of_code(lint_text(text), "N102") == []


# -- N103 heading-level -------------------------------------------------------------


def test_n103_arabic_number_directly_under_top_level() -> None:
    lines = [*L3[:2], "1.坚持学法用法,提升依法行政能力。", *L3[2:]]
    found = lint_lines(lines)
    n103 = of_code(found, "N103")
    assert [span(d) for d in n103] == [(3, 1, 3, 3)]
    assert n103[0].message == ("上级标题“一、”之下直接用了三级（1.）序号“1.”，跳过了一层：请改用“（一）”形式的序号")
    assert of_code(found, "N101") == []


def test_n103_quiet_when_levels_follow_each_other() -> None:
    assert of_code(lint_text(seed_text("000")), "N103") == []


# -- N104 enumeration-sequence ------------------------------------------------------


def test_n104_repeated_enumerator() -> None:
    text = replace_once(seed_text("002"), "三是健全政数", "二是健全政数")
    found = of_code(lint_text(text), "N104")
    assert [span(d) for d in found] == [(6, 1, 6, 3)]
    assert found[0].message == ("列举序号不连续：“二是”之后又出现“二是”（重号）：请把这里改为“三是”")


def test_n104_skipped_enumerator() -> None:
    found = of_code(lint_lines(L2[:4] + L2[5:]), "N104")  # 二是 paragraph deleted
    assert [span(d) for d in found] == [(5, 1, 5, 3)]
    assert found[0].message == (
        "列举序号不连续：“一是”之后直接是“三是”，缺少“二是”：请补上漏写的一条，或把这里改为“二是”"
    )


def test_n104_seed_000_missing_third() -> None:
    found = of_code(lint_text(seed_text("000")), "N104")
    assert [span(d) for d in found] == [(15, 273, 15, 275)]
    assert "“二是”之后直接是“四是”，缺少“三是”" in found[0].message


def test_n104_new_run_starts_at_one() -> None:
    text = "一、主要举措和成效\n一是甲。二是乙。一是丙。二是丁。三是戊。"
    assert of_code(lint_text(text), "N104") == []


def test_n104_runs_are_per_section() -> None:
    text = "一、主要举措和成效\n（一）学法\n一是甲。二是乙。\n（二）用法\n三是丙。"
    assert of_code(lint_text(text), "N104") == []


# -- N105 malformed-enumerator ------------------------------------------------------


def test_n105_lost_shi_injected() -> None:
    text = replace_once(seed_text("002"), "二是在法治轨道上", "二在法治轨道上")
    found = of_code(lint_text(text), "N105")
    assert [span(d) for d in found] == [(5, 1, 5, 2)]
    assert found[0].message == "列举序号“二”漏了“是”：请改为“二是”"
    assert edits(found[0]) == [Edit(5, 2, 5, 2, "是")]
    assert found[0].fix is not None and found[0].fix.safe


def test_n105_seed_000() -> None:
    found = of_code(lint_text(seed_text("000")), "N105")
    assert [span(d) for d in found] == [(77, 3, 77, 4)]
    assert edits(found[0]) == [Edit(77, 4, 77, 4, "是")]


@pytest.mark.parametrize(
    "sentence",
    [
        "二十届三中全会精神深入人心。",
        "二中全会以来，工作扎实推进。",
        "二维码亮证执法全面推行。",
        "二级以上网络安全等级保护全部达标。",
    ],
)
def test_n105_quiet_on_numerals_that_are_words(sentence: str) -> None:
    text = f"一、主要举措和成效\n一是加强学习。{sentence}"
    assert of_code(lint_text(text), "N105") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "三公经费压减10%。",
        "三中全会精神深入人心。",
        "三项制度全面落实。",
        "三农工作稳步推进。",
        "三重一大事项集体决策。",
        "三大行动成效明显。",
    ],
)
def test_n105_quiet_after_second_enumerator(sentence: str) -> None:
    text = f"一、主要举措和成效\n一是加强学习。二是严格执法。{sentence}"
    assert of_code(lint_text(text), "N105") == []


def test_n105_quiet_without_a_preceding_run() -> None:
    # 二深化 only reads as a lost 是 right after 一是.
    text = "一、主要举措和成效\n二深化改革的成果得到巩固。"
    assert of_code(lint_text(text), "N105") == []


def test_enumerators_ignore_words_containing_numerals() -> None:
    text = "一、主要举措和成效\n一是推动高效办成一件事。二是统一是非标准。三是推行一网通办。"
    assert of_code(lint_text(text), "N104") == []
    assert of_code(lint_text(text), "N105") == []


@pytest.mark.parametrize("text", ["一是\n二二一是", "一是甲。二二是乙。", "（二二一）甲\n（一）乙"])
def test_numerals_not_written_as_counts_do_not_crash(text: str) -> None:
    found = lint_text("一、主要举措和成效\n" + text)
    assert [d for d in found if d.code == "E999"] == []
    assert of_code(found, "N104") == [] and of_code(found, "N105") == []


def test_int_to_cn_is_total() -> None:
    from fzlint.parse.numerals import int_to_cn

    assert [int_to_cn(n) for n in (1, 10, 11, 20, 99, 100, 221)] == [
        "一",
        "十",
        "十一",
        "二十",
        "九十九",
        "一零零",
        "二二一",
    ]
