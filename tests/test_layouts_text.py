"""Issue 11 §3, text side: layouts real reports and templates use lint clean, each with a firing twin.

Spaced text for layout (P102/P101 and safe fixes), skipped heading levels (N101),
template placeholders (T103), acceptable wording (T101) and a lost character's "?" (P101).
Rates above 100 % and the D101 breakdown with ASCII commas are in test_rules_figures.py.
"""

from __future__ import annotations

import pytest
from conftest import found, lint_text, of_code
from fixing import apply_fixes


def report(*body: str) -> str:
    return "\n".join(["某区司法局2024年法治政府建设年度报告", *body, ""])


def safe_fixes(text: str, code: str) -> list:
    return [d for d in found(text, code) if d.fix is not None and d.fix.safe]


# -- spaced text for layout ------------------------------------------------------------

LAYOUT_LINES = [
    "签发人：龚 正",  # a two-character name spaced to three characters
    "龚  正",
    "证  明",  # a spaced short title
    "〔2020〕号        签发人：□□□",  # 发文字号 and 签发人 on one line
    "XXXX人民政府           发文机关二",  # joint issuers aligned with spaces
    "中共海南省委 海南省人民政府",
    "中共沅陵县委 沅陵县人民政府 关于2025年度法治政府建设的报告",
    "                         2024年12月30日",
    "                                  年   月   日",  # a date left to be filled in
    "姓  名      性  别      年  龄",  # spaced table headers
    "地  点：计算机学院楼101办公室   电  话：0371-86609585",
    "现有         ，系郑州轻工业学院2018届毕业生。",  # a blank for a name
    "培训时间 三 年。",  # a value filled into a blank
    "时间：2023-03-27  浏览次数：",
    "2021-04-12 河北省人民政府网",
    "（一）党建引领法治建设 深化基层依法治理",  # a heading's two phrases
    "组织开展《铸牢中华民族共同体意识 推动新时代党的民族工作高质量发展》专题教育。",
    "举办“学习贯彻党的二十届三中全会精神 深入践行习近平法治思想”培训班。",
    "一、主要举措和成效 （一）加强党的领导，健全推进机制。",  # paragraphs joined by a copy
]


@pytest.mark.parametrize("line", LAYOUT_LINES)
def test_p102_quiet_on_layout_spaces(line: str) -> None:
    assert found(report(line), "P102") == []


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("持续深化 简政放权，累计取消行政事权118项。", "持续深化简政放权，累计取消行政事权118项。"),
        ("深化政务公开 ，以法治规范权力运行。", "深化政务公开，以法治规范权力运行。"),
        ("述法人数共132 人；覆盖全部部门。", "述法人数共132人；覆盖全部部门。"),
        ("城中区荣获“2021-2022 年平安建设先进县”称号。", "城中区荣获“2021-2022年平安建设先进县”称号。"),
        ("一、2024 年度推进法治政府建设的主要举措", "一、2024年度推进法治政府建设的主要举措"),
    ],
)
def test_p102_fires_on_stray_spaces_in_running_text(line: str, right: str) -> None:
    text = report(line)
    hits = safe_fixes(text, "P102")
    assert hits
    assert apply_fixes(text, hits) == report(right)


def test_p102_in_a_title_line_is_only_an_unsafe_fix() -> None:
    hits = found("2023 年法治政府建设年度报告\n一、主要举措和成效\n正文。\n", "P102")
    assert [(d.line, d.column) for d in hits] == [(1, 5)]
    assert hits[0].fix is not None and not hits[0].fix.safe


@pytest.mark.parametrize("line", LAYOUT_LINES)
def test_no_safe_fix_joins_layout_spaces(line: str) -> None:
    text = report(line.replace("，", ",").replace("：", ":"))  # ASCII marks as a web copy has them
    # W101 may delete a furniture line whole (时间：…  浏览次数：); that is not joining its spaces
    fixed = apply_fixes(text, [d for d in lint_text(text) if d.fix is not None and d.fix.safe and d.code != "W101"])
    body = fixed.split("\n")[1]
    assert [len(run) for run in _runs(body)] == [len(run) for run in _runs(text.split("\n")[1])]


def _runs(text: str) -> list[str]:
    import re

    return re.findall(r" {2,}", text)


def test_p101_keeps_a_run_of_spaces_after_a_mark_and_swallows_one() -> None:
    form = report("单位:                       从业类别:           ")
    hits = found(form, "P101")
    assert len(hits) == 2
    assert all(d.fix is not None and d.fix.edits[0].end_column - d.fix.edits[0].column == 1 for d in hits)
    running = report("我局坚持依法行政, 推进政务公开。")
    assert apply_fixes(running, found(running, "P101")) == report("我局坚持依法行政，推进政务公开。")


def test_p101_on_a_title_line_is_an_unsafe_fix() -> None:
    text = "关于2024年度法治政府建设情况的报告(草案)\n一、主要举措和成效\n正文。\n"
    hits = [d for d in found(text, "P101") if d.line == 1]
    assert len(hits) == 2
    assert all(d.fix is not None and not d.fix.safe for d in hits)


# -- a "?" that stands for a lost character ---------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "?水灌区续建配套与节水改造项目顺利推进。",
        "??一、2020年法治政府建设情况",
        "“授权审批”?率93.55%。",
    ],
)
def test_p101_lost_character_question_mark_has_no_safe_fix(line: str) -> None:
    hits = found(report(line), "P101")
    assert hits
    assert all("丢失" in d.message and d.fix is not None and not d.fix.safe for d in hits)


@pytest.mark.parametrize("line", ["如何做到依法行政?我们的回答是：严格执法。", "群众满意吗?"])
def test_p101_question_mark_after_a_question(line: str) -> None:
    hits = [d for d in found(report(line), "P101") if line.find("?") + 1 == d.column]
    if line.endswith("?"):
        assert hits and hits[0].fix is not None and hits[0].fix.safe
        assert "丢失" not in hits[0].message
    else:  # right against the next word: may be a lost character, so not fixed unasked
        assert hits and hits[0].fix is not None and not hits[0].fix.safe


# -- skipped levels and other numbering practice ---------------------------------------

SKIPPED = [  # the first: 1. 2. 3. directly under 二、
    [
        "一、主要举措",
        "（一）加强领导",
        "（二）完善制度",
        "二、存在的不足",
        "1.执法不规范。",
        "2.学法不深入。",
        "3.宣传不到位。",
    ],
    ["一、主要举措", "（1）加强学法。", "（2）完善制度。"],  # (1) directly under 一、
    ["一、主要举措", "一是加强学法。二是完善制度。三是规范执法。"],  # 一是… directly under 一、
    ["一、主要举措", "（一）加强领导", "1.学法。", "2.述法。", "（二）完善制度", "3.立规。", "4.审核。"],  # continuous
    ["附件：1．申请表", "2．审批表", "3．登记表"],  # the first item inline after 附件：
    ["一、要求", "1.按时提交。", "2.统一格式。", "备注：", "1.本表一式三份。", "2.签字后交回。"],  # 备注： restarts
]


@pytest.mark.parametrize("lines", SKIPPED)
def test_n101_quiet_on_common_numbering_practice(lines: list[str]) -> None:
    text = report(*lines)
    assert found(text, "N101") == []
    # --unsafe-fixes renumbers only through N101: nothing to renumber here
    renumbering = [d for d in lint_text(text) if d.fix is not None and d.code.startswith("N10") and d.code != "N105"]
    assert apply_fixes(text, renumbering) == text


def test_skipped_level_may_warn_n103() -> None:
    hits = found(report(*SKIPPED[0]), "N103")
    assert [d.line for d in hits] == [6]
    assert all(d.severity.name == "WARNING" for d in hits)


@pytest.mark.parametrize(
    ("lines", "line"),
    [
        (["一、主要举措", "（一）加强领导", "二、存在的不足", "1.执法不规范。", "3.学法不深入。"], 6),
        (["一、主要举措", "（一）加强领导", "1.学法。", "2.述法。", "（二）完善制度", "5.立规。"], 7),
        (["附件：1．申请表", "3．审批表"], 3),
    ],
)
def test_n101_still_fires_on_broken_sequences(lines: list[str], line: int) -> None:
    assert [d.line for d in found(report(*lines), "N101")] == [line]


# -- placeholders real templates leave -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "placeholder"),
    [
        ("[此处输入正文内容]", "[此处输入正文内容]"),
        ("[各单位]：", "[各单位]"),
        ("〔2020〕号                            签发人：□□□", "〔2020〕号"),
        ("〔2020〕号                            签发人：□□□", "□□□"),
        ("XX发〔20XX〕XX号", "20XX"),
        ("20XX年XX月XX日", "20XX"),
        ("第  号", "第  号"),
        ("（插入活动照片）", "（插入活动照片）"),
        ("                                 [市长]  XXX", "[市长]"),
        ("通知标题", "通知标题"),
    ],
)
def test_t103_finds_template_placeholders(line: str, placeholder: str) -> None:
    text = report(line)
    hits = found(text, "T103")
    shown = [text.split("\n")[d.line - 1][d.column - 1 : d.end_column - 1] for d in hits]
    assert placeholder in shown


@pytest.mark.parametrize(
    "line",
    [
        "[ 索引号 ] 11420000MB1234567/2024-00001",  # a web page's metadata label
        "[天政发〔2026〕7号]",  # a document number in brackets
        "参见[法治政府建设](https://www.gov.cn)。",  # a Markdown link
        "是否公开：□是 □否",  # check boxes
        "印发《关于加强行政执法的通知》（鄂政发〔2024〕12号）。",
    ],
)
def test_t103_quiet_on_brackets_and_boxes_that_are_not_placeholders(line: str) -> None:
    assert found(report(line), "T103") == []


# -- wording: acceptable forms and wrong ones ----------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "2023年，我局以习近平新时代中国特色社会主义思想为指引，深入贯彻习近平法治思想。",
        "主要负责人切实履行推进法治建设第一责任人职责。",
        "严格落实安全生产第一责任人责任。",
        "加强社会主义法制建设，完善法制机构。",
    ],
)
def test_t101_quiet_on_acceptable_wording(line: str) -> None:
    assert found(report(line), "T101") == []


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("主要负责人切实履行推进法制建设第一责任人职责。", "主要负责人切实履行推进法治建设第一责任人职责。"),
        ("坚持以习近平新时代中国特色社会主意思想为指导。", "坚持以习近平新时代中国特色社会主义思想为指导。"),
        ("培育和践行社会主义核心价值关。", "培育和践行社会主义核心价值观。"),
    ],
)
def test_t101_fires_on_wrong_forms_and_typos(line: str, right: str) -> None:
    text = report(line)
    hits = of_code(lint_text(text), "T101")
    assert hits and all(d.fix is not None and d.fix.safe for d in hits)
    assert apply_fixes(text, hits) == report(right)
