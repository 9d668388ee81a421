"""The line classifier and the Lark outline: headings, parts, sections, closing."""

from __future__ import annotations

import pytest
from conftest import SEEDS, lint_text, seed_text
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.parse.lines import LineKind, classify_line, parse_marker
from fzlint.parse.outline import Report, build_report
from fzlint.run.engine import keywords_for
from fzlint.settings import Settings


def report_of(text: str, path: str = "report.txt") -> Report:
    document = Document.from_text(path, text)
    return build_report(document, keywords_for(Settings(), REGISTRY))


def outline(report: Report) -> list[tuple[int, list[str], list[tuple[int, list[str]]]]]:
    """(heading line, part kinds, [(child heading line, child kinds)]) per part, 1-based."""
    return [
        (p.heading.index + 1, sorted(p.kinds), [(c.heading.index + 1, sorted(c.kinds)) for c in p.children])
        for p in report.parts
    ]


# -- the seeds ----------------------------------------------------------------------

COMPLETE = {
    "000": [(9, ["achievements"], 5), (61, ["problems"], 2), (71, ["plan"], 0)],
    "001": [(2, ["achievements"], 9), (32, ["problems"], 2), (37, ["plan"], 0)],
    "002": [(2, ["achievements"], 3), (15, ["problems"], 2), (18, ["plan"], 3)],
    "003": [(2, ["achievements"], 4), (12, ["problems"], 2), (15, ["plan"], 4)],
}


@pytest.mark.parametrize("prefix", sorted(COMPLETE))
def test_seed_parses_as_a_complete_three_part_report(prefix: str) -> None:
    report = report_of(seed_text(prefix))
    assert report.recoveries == []
    assert [(line, kinds, len(children)) for line, kinds, children in outline(report)] == (COMPLETE[prefix])
    problems = report.parts[1]
    assert [sorted(c.kinds) for c in problems.children] == [["improvement"], ["shortcomings"]]


def test_seed_004_has_a_merged_part() -> None:
    report = report_of(seed_text("004"))
    assert [(line, kinds) for line, kinds, _ in outline(report)] == [
        (13, ["achievements"]),
        (27, ["plan", "problems"]),
    ]
    assert report.title is not None and report.title.index + 1 == 5
    assert [ln.index + 1 for ln in report.front] == [1]
    assert report.parts[1].title == "存在问题及下一步工作思路"


def test_seed_000_front_matter_title_closing() -> None:
    report = report_of(seed_text("000"))
    assert [ln.index + 1 for ln in report.front] == [1]
    assert report.title is not None and report.title.index + 1 == 3
    assert [ln.index + 1 for ln in report.opening] == [7]
    assert report.closing.signature is not None and report.closing.signature.index + 1 == 84
    assert report.closing.date is not None and report.closing.date.index + 1 == 86
    chrome = [ln.index + 1 for ln in report.lines if ln.kind is LineKind.CHROME]
    assert chrome == [5, 89, 90, 91, 93]


def test_seed_003_closing() -> None:
    report = report_of(seed_text("003"))
    closing = report.closing
    assert (closing.close.index, closing.signature.index, closing.date.index) == (19, 20, 21)  # type: ignore[union-attr]


def test_every_seed_parses_without_error(seed) -> None:
    report = report_of(seed.read_text(encoding="utf-8"), seed.name)
    assert report.recoveries == []
    assert report.parts


def test_sections_nest_by_level() -> None:
    report = report_of(seed_text("000"))
    second = report.parts[0].children[1]  # (二)推动政务服务改革创新
    assert second.heading.index + 1 == 17
    assert [c.heading.index + 1 for c in second.children] == [19, 23, 27, 31]
    assert all(c.depth == 3 and c.parent is second for c in second.children)


# -- headings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level", "number", "style", "standard"),
    [
        ("一、主要举措", 1, 1, "一、", True),
        ("十二、其他", 1, 12, "一、", True),
        ("一，主要举措", 1, 1, "一，", False),
        ("（一）学法", 2, 1, "（一）", True),
        ("(二)学法", 2, 2, "(一)", False),
        ("（三）、学法", 2, 3, "（一）、", False),
        ("(十一)学法", 2, 11, "(一)", False),
        ("1.完善制度", 3, 1, "1.", True),
        ("12．完善制度", 3, 12, "1．", True),
        ("3、完善制度", 3, 3, "1、", False),
        ("２．完善制度", 3, 2, "１．", False),
        ("（1）细则", 4, 1, "（1）", True),
        ("(2)细则", 4, 2, "(1)", False),
        ("③要点", 5, 3, "①", True),
    ],
)
def test_heading_markers(text: str, level: int, number: int, style: str, standard: bool) -> None:
    marker = parse_marker(text, 0)
    assert marker is not None
    assert (marker.level, marker.number, marker.style, marker.standard) == (
        level,
        number,
        style,
        standard,
    )


@pytest.mark.parametrize(
    "text",
    [
        "一是加强学习。",
        "1.5%的增长",
        "2024年工作",
        "三中全会精神",
        "二十届三中全会",
        "一件事一次办",
        "12月26日",
        "一、",
        "(一)",
        "第一，加强学习",
        "2.5亿元",
    ],
)
def test_not_headings(text: str) -> None:
    assert classify_line(0, text).kind is not LineKind.HEADING


def test_half_and_full_width_brackets_are_the_same_level() -> None:
    report = report_of("一、主要举措和成效\n(一)学法\n正文。\n（二）用法\n正文。")
    assert [c.heading.marker.level for c in report.parts[0].children] == [2, 2]  # type: ignore[union-attr]
    assert [c.title for c in report.parts[0].children] == ["学法", "用法"]


def test_full_width_indentation() -> None:
    line = classify_line(0, "\u3000\u3000一、主要举措和成效")
    assert line.kind is LineKind.HEADING and line.indent == 2
    assert line.marker is not None and (line.marker.start, line.marker.end) == (2, 4)
    assert line.heading == "主要举措和成效"


def test_inline_heading_with_body_on_the_same_line() -> None:
    text = "(一)2024年度存在问题的改进情况。针对2024年度报告中指出的问题,我局……"
    line = classify_line(0, text)
    assert line.heading == "2024年度存在问题的改进情况"
    assert line.heading_end == 18 and line.body_start == 19
    assert line.body == "针对2024年度报告中指出的问题,我局……"
    assert line.body_column == 19


def test_heading_without_body() -> None:
    line = classify_line(0, "（一）学习贯彻习近平法治思想")
    assert line.body_start is None and line.body == ""
    assert line.heading_end == len(line.text)


@pytest.mark.parametrize("prefix", ["## ", "### ", "**", "# "])
def test_markdown_headings(prefix: str) -> None:
    text = f"{prefix}一、主要举措和成效\n正文。\n{prefix}二、存在的不足和原因\n不足。\n{prefix}三、下一年度安排\n安排。"
    report = report_of(text, "report.md")
    assert [sorted(p.kinds) for p in report.parts] == [["achievements"], ["problems"], ["plan"]]
    assert report.parts[0].heading.marker.start == len(prefix)  # type: ignore[union-attr]


def test_markdown_title_and_nested_headings() -> None:
    text = "# 某局2025年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n### （一）学法\n\n正文。"
    report = report_of(text, "report.md")
    assert report.title is not None and report.title.index == 0
    assert [c.title for c in report.parts[0].children] == ["学法"]


# -- a report organised by topics ---------------------------------------------------

TOPICS = "\n".join(
    [
        "深圳市某区2025年法治政府建设年度报告",
        "2025年，我区全面推进法治政府建设。",
        "一、党政主要负责人履行推进法治建设第一责任人职责情况",
        "区政府主要负责人认真履行职责。",
        "二、依法全面履行政府职能",
        "深化“放管服”改革。",
        "三、着力解决群众急难愁盼问题",
        "推进民生诉求改革。",
        "四、严格规范公正文明执法",
        "全面推行行政执法三项制度。",
    ]
)


def test_topic_report_parses_with_unknown_parts() -> None:
    report = report_of(TOPICS)
    assert report.recoveries == []
    assert [sorted(p.kinds) for p in report.parts] == [["responsibility"], [], [], []]


def test_topic_headings_are_part_one_and_the_missing_parts_are_reported_once() -> None:
    report = report_of(TOPICS)
    assert [p.role for p in report.parts] == ["responsibility", "topic", "topic", "topic"]
    assert [p.heading.index + 1 for p in report.group("part_one")] == [5, 7, 9]
    s101 = [d for d in lint_text(TOPICS) if d.code == "S101"]
    assert ["第二部分" in s101[0].message, "第三部分" in s101[1].message] == [True, True]
    assert [d.code for d in lint_text(TOPICS) if d.code.startswith("S")] == ["S101"] * 2


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("2024年工作中的问题", ["problems"]),
        ("主要问题", ["problems"]),
        ("2025年主要工作", ["achievements"]),
        ("着力解决群众急难愁盼问题", []),
        ("持续完善行政执法监督体系建设工作机制", []),
        ("存在问题及下一步工作思路", ["plan", "problems"]),
        ("下一步工作打算", ["plan"]),
        ("2025年度推进法治政府建设的主要举措和成效", ["achievements"]),
    ],
)
def test_part_kind_by_meaning(heading: str, kinds: list[str]) -> None:
    keywords = keywords_for(Settings(), REGISTRY)
    assert sorted(keywords.part_kinds(heading)) == kinds


def test_part_keywords_extend_through_configuration() -> None:
    settings = Settings(data_overrides={"parts": {"parts": {"plan": {"keywords": ["明年思路"]}}}})
    keywords = keywords_for(settings, REGISTRY)
    assert keywords.part_kinds("三、明年思路") == frozenset({"plan"})


# -- never raises -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "\n\n\n",
        "一、",
        "（一）",
        "一、\n（一）\n1.\n（1）\n①",
        "1.\n一、",
        "①甲\n（1）乙\n1.丙\n（一）丁\n一、戊",
        "专此报告。",
        "2025年1月1日",
        "一、主要举措\n2025年1月1日\n二、存在的问题",
        "\ufeff",
        "\r\n\r",
        "\t　 ",
    ],
)
def test_odd_inputs_parse(text: str) -> None:
    report = report_of(text)
    assert report.recoveries == []
    for section in report.sections():
        assert 0 <= section.heading.index < len(report.document.lines)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_line_is_classified_once(seed) -> None:
    report = report_of(seed.read_text(encoding="utf-8"))
    assert [ln.index for ln in report.lines] == list(range(len(report.document.lines)))


def test_markdown_emphasis_is_not_part_of_the_heading() -> None:
    report = report_of("**一、主要举措和成效**\n正文。", "report.md")
    assert report.parts[0].title == "主要举措和成效"
