"""D101 sum-mismatch and D102 rate-over-100, plus the quantity parser in rules/common/text.py."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import found, inject, seed_text

from fzlint.rules.common.text import cn_number, quantities


def one_report(paragraph: str) -> str:
    return f"某局2025年法治政府建设年度报告\n{paragraph}\n"


# -- helpers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两", 2),
        ("十二", 12),
        ("一百零五", 105),
        ("三万五千", 35000),
        ("一千二百", 1200),
        ("十万", 100000),
    ],
)
def test_cn_number(text: str, value: int) -> None:
    assert cn_number(text) == value


def test_quantities() -> None:
    text = "前端共拦截8.74万件，培训500余人次，超3500个事项，两项任务，2025年，99%，一件事"
    got = [(q.value, q.unit, q.approximate) for q in quantities(text)]
    assert got == [
        (Fraction(87400), "件", False),
        (Fraction(500), "人次", True),
        (Fraction(3500), "个", True),
        (Fraction(2), "项", False),
    ]


# -- D101 -------------------------------------------------------------------------


def test_seed_000_breakdown_in_next_sentence_is_short() -> None:
    hits = found(seed_text("000"), "D101")
    assert [(d.line, d.column, d.end_column) for d in hits] == [(59, 48, 52)]
    assert "77条" in hits[0].message and "108条" in hits[0].message


def test_seed_001_parts_exceed_total() -> None:
    hits = found(seed_text("001"), "D101")
    assert [(d.line, d.column, d.end_column) for d in hits] == [(29, 76, 79)]
    assert "75条，超过总数70条" in hits[0].message


def test_seed_001_corrected_total_is_quiet() -> None:
    assert found(inject("001", "政府信息70条", "政府信息75条"), "D101") == []


def test_seed_000_corrected_total_is_quiet() -> None:
    assert found(inject("000", "政务信息108条", "政务信息77条"), "D101") == []


def test_seed_002_remainder_adds_up_and_stays_quiet() -> None:
    assert found(seed_text("002"), "D101") == []


def test_seed_002_remainder_that_does_not_add_up() -> None:
    hits = found(inject("002", "其余8项", "其余9项"), "D101")
    assert [d.line for d in hits] == [14]
    assert "14+9=23项" in hits[0].message


def test_items_separated_by_semicolons() -> None:
    text = one_report("全年收到申请30件，其中，予以公开15件；不予公开5件；信息不存在6件。")
    hits = found(text, "D101")
    assert len(hits) == 1 and "15+5+6=26件" in hits[0].message


def test_complete_by_announcement() -> None:
    text = one_report("全年共举办培训10场，分别为专题培训4场、业务培训5场。")
    assert len(found(text, "D101")) == 1


def test_complete_by_remainder_after_其中() -> None:
    text = one_report("受理复议案件120件，其中审结98件，其余20件正在审理。")
    hits = found(text, "D101")
    assert len(hits) == 1 and "98+20=118件" in hits[0].message


def test_units_must_match() -> None:
    text = one_report("全年共办理80件，其中人大建议43件，政协提案46件，接待群众500人次。")
    hits = found(text, "D101")
    assert len(hits) == 1 and "43+46=89件" in hits[0].message
    quiet = one_report("全年共办理100件，其中人大建议43件，政协提案46件，接待群众500人次。")
    assert found(quiet, "D101") == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "累计发布信息108条，其中工作动态28条、通知公告15条、政策法规7条等。",  # 等: a selection
        "累计培训500余人次，其中领导干部300人次，基层人员250人次，其他人员10人次。",  # approximate
        "荣获6项国家级大奖，其中一等奖2项。",  # one highlight
        "新增16个合作城区，其中与湾区7城9个地区、广西隆林、赣州宁都建立合作关系。",
        "主要包括工作动态28条、通知公告15条、政策法规7条，共发布信息108条。",  # total after parts
        "全年办理建议43件、提案46件，已办结80件，其余9件正在办理。",  # which count is the total?
        "受理复议案件120件，其中审结98件，其余22件正在审理。",
    ],
)
def test_quiet_breakdowns(paragraph: str) -> None:
    assert found(one_report(paragraph), "D101") == []


def test_min_parts_is_configurable() -> None:
    text = one_report("共办理建议50件，其中人大建议20件，政协提案20件。")
    assert found(text, "D101") == []
    assert len(found(text, "D101", sum_complete_min_parts=2)) == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        "累计发布政务信息108条，其中，工作动态28条，通知公告15条，政策法规7条。",
        "累计发布政务信息108条,其中,工作动态28条,通知公告15条,政策法规7条。",
        "累计发布政务信息108条。其中,工作动态28条,通知公告15条,政策法规7条。",
        "累计发布政务信息108条, 其中, 工作动态28条, 通知公告15条, 政策法规7条。",
        "累计发布政务信息108条;其中:工作动态28条;通知公告15条;政策法规7条。",
    ],
)
def test_d101_breakdown_after_qizhong_with_ascii_or_full_width_commas(paragraph: str) -> None:
    hits = found(one_report(paragraph), "D101")
    assert [(h.column, h.end_column) for h in hits] == [(9, 13)]
    assert "28+15+7=50条" in hits[0].message


def test_d101_seed_000_breakdown_found_with_ascii_and_full_width_commas() -> None:
    ascii_form = seed_text("000")
    full_width = ascii_form.replace(",", "，")
    assert [h.line for h in found(ascii_form, "D101")] == [h.line for h in found(full_width, "D101")] == [59]


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        # corpus a-023: the rest (其余67项) is split further (15项正在推进): 51+67+15=133
        (
            "在确定的133项任务中，除日常推进的51项常规工作外，其余67项已完成（其中48项取得重大进展），"
            "完成度为81.7%，15项正在推进过程中（其中9项取得阶段性成果）。",
            0,
        ),
        ("22项整改任务已完成14项，其余9项正在推进（其中3项已取得阶段性成果）。", 1),
    ],
)
def test_d101_remainder_split_further_is_not_judged(paragraph: str, count: int) -> None:
    assert len(found(one_report(paragraph), "D101")) == count


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_d101_quiet_on_seeds(prefix: str) -> None:
    assert found(seed_text(prefix), "D101") == []


# -- D102 -------------------------------------------------------------------------


def test_rate_over_100_in_seed_001() -> None:
    hits = found(inject("001", "实际满意率99.9%", "实际满意率109.9%"), "D102")
    assert len(hits) == 1
    line = seed_text("001").splitlines()[21].replace("99.9%", "109.9%")
    assert (hits[0].line, hits[0].column - 1, hits[0].end_column - 1) == (
        22,
        line.index("109.9%"),
        line.index("109.9%") + 6,
    )
    assert "满意率" in hits[0].message


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        ("群众满意率105%。", 1),
        ("群众满意率100%，办结率99.9%。", 0),
        ("参考率和合格率均达105%。", 1),
        ("满意率、办结率分别为98%、105%。", 1),
        ("营业收入增长率150%，工作效率提高120%。", 0),
        ("率先实现120%的增长。", 0),
        ("群众满意率较上年提升120%。", 0),
        ("调解成功率１０５％。", 1),  # full-width digits still have a value
        ("调解成功率95.8%。", 0),
    ],
)
def test_rates(paragraph: str, count: int) -> None:
    assert len(found(one_report(paragraph), "D102")) == count


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        ("年度重点任务完成率105%，超额完成全年目标。", 0),  # 完成率 may pass 100%
        ("税收收入超额完成率112%。", 0),
        ("预算执行率101.2%。", 0),
        ("行政复议案件同比增长率130%。", 0),
        ("群众满意度达105%。", 1),
        ("普法知晓率102%，考核达标率101%。", 2),
        ("合法性审核覆盖率110%。", 1),
        ("按期办结率103%。", 1),  # a word ending in a bounded rate (办结率)
    ],
)
def test_rates_that_may_exceed_100_and_rates_that_cannot(paragraph: str, count: int) -> None:
    assert len(found(one_report(paragraph), "D102")) == count


def _rate_table() -> dict:
    import tomllib
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "rules" / "data" / "figures.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))["rates"]


@pytest.mark.parametrize("word", _rate_table()["bounded"])
def test_every_bounded_rate_over_100_fires(word: str) -> None:
    hits = found(one_report(f"全年{word}达105%。"), "D102")
    assert len(hits) == 1
    assert word in hits[0].message


@pytest.mark.parametrize("word", _rate_table()["unbounded"])
def test_no_unbounded_rate_over_100_fires(word: str) -> None:
    assert found(one_report(f"全年{word}达105%。"), "D102") == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_d102_quiet_on_seeds(prefix: str) -> None:
    assert found(seed_text(prefix), "D102") == []
