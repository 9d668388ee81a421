"""Layouts real reports use (issue 11 §3) lint clean; each has a firing counterpart."""

from __future__ import annotations

import pytest
from conftest import lint_text
from registry_for_tests import REGISTRY

from fzlint.parse.outline import Report, build_report
from fzlint.run.engine import keywords_for
from fzlint.settings import Settings

TITLE = "深圳市某局2025年法治政府建设年度报告"
OPENING = (
    "2025年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，"
    "扎实推进法治政府建设。现将有关情况报告如下："
)
ACHIEVEMENTS = [
    "一、2025年推进法治政府建设的主要举措和成效",
    "（一）深化依法行政。全年制定规范性文件3件，全部经过合法性审核。",
    "（二）履行第一责任人职责。局主要负责人认真履行推进法治建设第一责任人职责，专题研究法治工作4次。",
]
IMPROVEMENT = [
    "（一）2024年度存在问题的改进情况",
    "针对2024年度报告指出的行政执法不够规范问题，我局开展执法案卷评查2次，组织执法人员培训3期，问题已整改到位。",
]
SHORTCOMINGS = [
    "（二）2025年度存在的不足和原因",
    "一是执法队伍专业化程度不高；二是法治宣传覆盖面不够广。主要原因是培训机制不健全。",
]
PROBLEMS = ["二、2025年推进法治政府建设存在的不足和原因", *IMPROVEMENT, *SHORTCOMINGS]
PLAN = [
    "三、2026年推进法治政府建设的主要安排",
    "（一）加强执法队伍建设，开展专题培训。",
    "（二）拓展法治宣传渠道，提升覆盖面。",
]
CLOSING = ["", "深圳市某局", "2026年1月20日"]


def report_text(*blocks: list[str]) -> str:
    return "\n".join(line for block in blocks for line in block)


def structure_codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text) if d.code[0] in "SFW"]


def parsed(text: str) -> Report:
    return build_report_of(text)


def build_report_of(text: str) -> Report:
    from fzlint.document import Document

    return build_report(Document.from_text("r.txt", text), keywords_for(Settings(), REGISTRY))


BASE = report_text([TITLE, OPENING], ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING)


def test_the_base_report_is_clean() -> None:
    assert lint_text(BASE) == []


# -- title blocks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (["深圳市某局", "2025年法治政府建设年度报告"], [1, 2]),
        (["深圳市某局", "", "2025年法治政府建设年度报告"], [1, 3]),
        (["深圳市某局关于", "2025年度法治政府建设情况的报告"], [1, 2]),
        (["深圳市某局关于2025年度法治政府", "建设情况的报告"], [1, 2]),
        (["中共深圳市某区委员会", "深圳市某区人民政府", "关于2025年度法治政府建设情况的报告"], [1, 2, 3]),
        (["深圳市某局关于2025年度法治政府建设情况的报告"], [1]),
    ],
)
def test_titles_over_one_to_three_lines_are_clean(title: list[str], lines: list[int]) -> None:
    text = report_text(title, [OPENING], ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING)
    assert [ln.index + 1 for ln in parsed(text).title_lines] == lines
    assert structure_codes(text) == []


def test_a_title_without_any_unit_still_fires() -> None:
    text = report_text(["2025年法治政府建设年度报告"], [OPENING], ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING)
    assert structure_codes(text) == ["F101"]


def test_a_year_without_nian_says_nian_is_missing() -> None:
    text = report_text(["深圳市某局2025法治政府建设年度报告"], [OPENING], ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING)
    (hit,) = [d for d in lint_text(text) if d.code == "F101"]
    assert hit.message.startswith("标题缺少“2025”后的“年”字：")


# -- front matter: 发文字号 and 主送机关 ----------------------------------------------------


def test_document_number_before_and_addressee_after_the_title_are_clean() -> None:
    text = report_text(
        ["深府办函〔2026〕5号", TITLE, "市委、市人大常委会：", OPENING], ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING
    )
    report = parsed(text)
    assert [ln.index + 1 for ln in report.front] == [1]
    assert [ln.index + 1 for ln in report.addressees] == [3]
    assert report.opening[0].index + 1 == 4  # the opening is the paragraph, not the addressee
    assert lint_text(text) == []


def test_document_number_and_addressee_without_a_title_fire_f101() -> None:
    text = report_text(["深府办函〔2026〕5号", "市委、市人大常委会：", OPENING], ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING)
    assert structure_codes(text) == ["F101"]


# -- part one organised by topics ---------------------------------------------------------

TOPICS = [
    "一、坚持党的全面领导，统筹推进法治政府建设",
    "局党组专题研究法治政府建设工作4次，主要负责人认真履行推进法治建设第一责任人职责。",
    "二、完善政府机构职能体系，推动更好发挥政府作用",
    "深化“放管服”改革，全年精简审批事项12项。",
]
TOPIC_PROBLEMS = ["三、" + PROBLEMS[0][2:], *PROBLEMS[1:]]
TOPIC_PLAN = ["四、" + PLAN[0][2:], *PLAN[1:]]


def test_topic_headings_are_part_one() -> None:
    text = report_text([TITLE, OPENING], TOPICS, TOPIC_PROBLEMS, TOPIC_PLAN, CLOSING)
    assert [p.role for p in parsed(text).group("part_one")] == ["topic", "topic"]
    assert lint_text(text) == []


def test_topics_without_the_shortcomings_part_fire_s101_for_part_two_only() -> None:
    text = report_text([TITLE, OPENING], TOPICS, TOPIC_PLAN, CLOSING)
    hits = [d for d in lint_text(text) if d.code == "S101"]
    assert len(hits) == 1 and "第二部分" in hits[0].message


# -- five-part reports, 第一责任人 first ---------------------------------------------------

RESPONSIBILITY = [
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "局主要负责人认真履行推进法治建设第一责任人职责，年内4次主持专题会议研究法治工作。",
]
OTHER = ["五、其他需要报告的情况", "无。"]


def test_five_part_report_is_clean() -> None:
    plan = ["四、" + PLAN[0][2:], *PLAN[1:]]
    text = report_text([TITLE, OPENING], ACHIEVEMENTS, PROBLEMS, RESPONSIBILITY, plan, OTHER, CLOSING)
    assert [p.role for p in parsed(text).parts] == ["achievements", "problems", "responsibility", "plan", "other"]
    assert lint_text(text) == []


def test_responsibility_first_is_clean() -> None:
    first = ["一、" + RESPONSIBILITY[0][2:], RESPONSIBILITY[1]]
    achievements = ["二、" + ACHIEVEMENTS[0][2:], *ACHIEVEMENTS[1:]]
    problems = ["三、" + PROBLEMS[0][2:], *PROBLEMS[1:]]
    plan = ["四、" + PLAN[0][2:], *PLAN[1:]]
    text = report_text([TITLE, OPENING], first, achievements, problems, plan, CLOSING)
    assert lint_text(text) == []


def test_five_part_report_with_the_plan_before_the_shortcomings_fires_s102() -> None:
    plan = ["二、" + PLAN[0][2:], *PLAN[1:]]
    problems = ["四、" + PROBLEMS[0][2:], *PROBLEMS[1:]]
    text = report_text([TITLE, OPENING], ACHIEVEMENTS, plan, RESPONSIBILITY, problems, OTHER, CLOSING)
    assert [p.role for p in parsed(text).parts][-2] == "misplaced"
    assert [d.code for d in lint_text(text) if d.code[0] == "S"] == ["S102"]


# -- improvement without a numbered subheading, and the reverse --------------------------


def test_improvement_paragraph_inside_part_two_counts() -> None:
    problems = [
        PROBLEMS[0],
        "2024年度问题整改情况：针对上一年度报告指出的执法不规范问题，我局开展案卷评查2次，问题已整改到位。",
        "（一）" + SHORTCOMINGS[0][3:],
        SHORTCOMINGS[1],
    ]
    text = report_text([TITLE, OPENING], ACHIEVEMENTS, problems, PLAN, CLOSING)
    (part_two,) = parsed(text).group("part_two")
    assert [ln.index + 1 for ln in part_two.improvement_notes] == [7]
    assert lint_text(text) == []


def test_without_any_improvement_s103_fires() -> None:
    text = report_text([TITLE, OPENING], ACHIEVEMENTS, [PROBLEMS[0], *SHORTCOMINGS], PLAN, CLOSING)
    assert [d.code for d in lint_text(text) if d.code[0] == "S"] == ["S103"]


def test_a_part_heading_naming_the_improvement_with_no_text_about_it_fires_s103() -> None:
    problems = ["二、存在的问题及整改情况", "一是执法队伍专业化程度不高；二是法治宣传覆盖面不够广。"]
    text = report_text([TITLE, OPENING], ACHIEVEMENTS, problems, PLAN, CLOSING)
    assert [d.code for d in lint_text(text) if d.code[0] == "S"] == ["S103"]


def test_a_part_heading_naming_the_improvement_with_text_about_it_is_clean() -> None:
    problems = [
        "二、存在的问题及整改情况",
        "针对上一年度指出的执法不规范问题，我局已开展案卷评查2次并整改到位。一是执法队伍专业化程度不高。",
    ]
    text = report_text([TITLE, OPENING], ACHIEVEMENTS, problems, PLAN, CLOSING)
    assert [d.code for d in lint_text(text) if d.code[0] == "S"] == []


def test_an_improvement_subheading_with_nothing_under_it_fires_s104() -> None:
    problems = [PROBLEMS[0], IMPROVEMENT[0], "略。", *SHORTCOMINGS]
    text = report_text([TITLE, OPENING], ACHIEVEMENTS, problems, PLAN, CLOSING)
    assert [d.code for d in lint_text(text) if d.code[0] == "S"] == ["S104"]


# -- headings whose text runs on in the same line -------------------------------------------


def test_run_in_headings_are_clean() -> None:
    run_in = [
        "一、2025年推进法治政府建设的主要举措和成效。一是深化依法行政，全年制定规范性文件3件；"
        "二是局主要负责人认真履行推进法治建设第一责任人职责。",
        "二、2025年推进法治政府建设存在的不足和原因。" + IMPROVEMENT[1] + SHORTCOMINGS[1],
        "三、2026年推进法治政府建设的主要安排。加强执法队伍建设，拓展法治宣传渠道。",
    ]
    text = report_text([TITLE, OPENING], run_in, CLOSING)
    assert [p.role for p in parsed(text).parts] == ["achievements", "problems", "plan"]
    assert [d.code for d in lint_text(text) if d.code[0] == "S"] == []


def test_run_in_headings_out_of_order_fire_s102() -> None:
    run_in = [
        "一、2026年推进法治政府建设的主要安排。加强执法队伍建设。",
        "二、2025年推进法治政府建设的主要举措和成效。深化依法行政。",
    ]
    text = report_text([TITLE, OPENING], run_in, CLOSING)
    assert "S102" in [d.code for d in lint_text(text)]


def test_joint_issuers_aligned_with_spaces_are_not_p102() -> None:
    title = ["中共深圳市某区委员会  深圳市某区人民政府", "关于2025年度法治政府建设情况的报告"]
    text = report_text(title, [OPENING], ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING)
    assert [ln.kind.value for ln in parsed(text).title_lines] == ["unit", "title"]
    assert lint_text(text) == []
    # the same spacing inside the body is still P102
    assert "P102" in [d.code for d in lint_text(text.replace(OPENING, "2025年，我局  坚持依法行政。"))]
