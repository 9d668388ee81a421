"""W101 by position and shape (rules/common/furniture.py): what a copied page puts above the
title, under it and after the closing, and the report lines that must stay.

The shapes are those of many sites (tests/corpus/web); each test writes its own lines.
"""

from __future__ import annotations

from conftest import lint_text, of_code, seed_lines
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.run.engine import lint_document
from fzlint.settings import Settings

BODY = seed_lines("003")[:3]  # 2025年,在区委… / 一、… / (一)…
TITLE = "某某区司法局2025年法治政府建设年度报告"


def w101(lines: list[str]) -> dict[int, bool]:
    """Line number -> whether the W101 fix is safe."""
    return {d.line: d.fix.safe for d in of_code(lint_text("\n".join(lines)), "W101") if d.fix}


def test_everything_above_the_title_is_furniture_but_elements() -> None:
    lines = ["工作报告", "网站支持IPv6", "某政〔2026〕3号", "签发人：张三", TITLE, *BODY]
    found = w101(lines)
    assert set(found) == {1, 2}
    assert found[1] is False  # by position only: unsafe


def test_page_header_copy_of_the_title_goes_the_second_stays() -> None:
    lines = [TITLE, "来源：某某区司法局 发布时间：2026-01-22 15:55", "", TITLE, *BODY]
    found = w101(lines)
    assert set(found) == {1, 2}
    assert found[1] is False  # it could be the title: never a safe fix
    messages = [d.message for d in of_code(lint_text("\n".join(lines)), "W101")]
    assert "页眉重复的标题" in messages[0]


def test_metadata_table_rows_under_the_title() -> None:
    rows = [
        "• 索 引 号：QZ02101-3000-2026-00011",
        "- 发文机关： 某某区人民政府办公室",
        "| 名称： | |||",
        "---|---|---|---|",
        "[ 主题分类 ] 司法 [ 体裁分类 ] 工作报告",
        "2026-01-09 09:36 某某区人民政府网",
        "【字体： 】",
    ]
    found = w101([TITLE, *rows, *BODY])
    assert set(found) == set(range(2, 2 + len(rows)))
    assert all(found.values())  # shaped lines: safe


def test_location_bar_clock_browser_warning_and_switches() -> None:
    lines = [
        "今天是:2019年10月31日 星期三 农历十月初七",
        "更换或升级浏览器以获得最佳体验。",
        "无障碍 简体| 繁体",
        ">政务公开 >政府信息公开 >法治政府建设报告",
        TITLE,
        *BODY,
    ]
    assert set(w101(lines)) == {1, 2, 3, 4}


def test_two_and_three_line_titles_stay() -> None:
    lines = [
        "首页 > 政务公开",
        "中共某某街道工作委员会",
        "某某区人民政府某某街道办事处",
        "关于2025年度法治政府建设情况的报告",
        "区委、区政府：",
        *BODY,
    ]
    assert set(w101(lines)) == {1}


def test_unit_line_above_the_title_on_a_web_copy_is_the_site_name_unsafe() -> None:
    lines = ["某某区人民政府", TITLE, "来源：某某区司法局 发布时间：2026-01-22", *BODY]
    found = w101(lines)
    assert found == {1: False, 3: True}


def test_metadata_words_in_the_body_are_report_text() -> None:
    # Past the first sentence only chrome lines count: a line of a 纪要 is not a metadata row.
    lines = [TITLE, *BODY, "时间：2025年3月1日", "日期 2025-03-01", "2025-03-01 召开会议"]
    assert w101(lines) == {}


def test_docx_without_chrome_keeps_its_front_lines() -> None:
    text = "\n".join(["某某市人民政府文件", "000001", "机密★1年", "特急", "工作报告", TITLE, *BODY])
    document = Document.from_text("r.docx", text, kind="docx")
    assert of_code(lint_document(document, Settings(), REGISTRY), "W101") == []


def test_punctuation_rules_skip_furniture_rows() -> None:
    lines = [TITLE, "• 所属类目： 法治政府", "时间 : 2022-03-30 11:40:23 来源 : 本网", *BODY]
    found = lint_text("\n".join(lines))
    assert {d.code for d in found if d.line in (2, 3)} == {"W101"}


def test_a_numbered_heading_is_never_furniture_even_behind_a_markdown_quote(tmp_path) -> None:
    # found by the fuzz harness: the `>` location-bar shape took `> 二、…` for a breadcrumb
    # and its safe fix deleted the heading
    from registry_for_tests import REGISTRY

    from fzlint.document import Document
    from fzlint.run.engine import lint_document
    from fzlint.settings import Settings

    text = "> 二、主要举措和成效\n我局坚持依法行政。\n"
    found = lint_document(Document.from_text("r.md", text, kind="markdown"), Settings(select=["W101"]), REGISTRY)
    assert found == []
