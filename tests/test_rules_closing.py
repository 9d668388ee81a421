"""F101 missing-title, F102 missing-signature, F103 missing-date."""

from __future__ import annotations

import pytest
from conftest import found, inject, lint_text, seed_text

# -- F101 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "suggestion"),
    [
        ("001", "深圳市罗湖区政务服务和数据管理局2024年法治政府建设年度报告"),
        ("002", "××（单位名称）2025年法治政府建设年度报告"),
        ("003", "深圳市龙岗区政务服务和数据管理局2025年法治政府建设年度报告"),
    ],
)
def test_seeds_without_title(prefix: str, suggestion: str) -> None:
    hits = found(seed_text(prefix), "F101")
    assert [(d.line, d.column) for d in hits] == [(1, 1)]
    assert suggestion in hits[0].message


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_titled_seeds_are_quiet(prefix: str) -> None:
    assert found(seed_text(prefix), "F101") == []


def test_adding_a_title_silences_it() -> None:
    title = "深圳市罗湖区政务服务和数据管理局2024年法治政府建设年度报告\n"
    assert found(title + seed_text("001"), "F101") == []


@pytest.mark.parametrize(
    ("title", "missing"),
    [
        ("深圳市罗湖区政务服务和数据管理局法治政府建设年度报告", ["年度"]),
        ("2025年法治政府建设年度报告", ["单位名称"]),
        ("深圳市罗湖区政务服务和数据管理局2025年法治政府建设工作总结", ["“年度报告”或“情况的报告”"]),
        ("深圳市罗湖区政务服务和数据管理局2025年法治建设工作报告", ["“法治政府建设”"]),
        ("2025年法治政府建设工作总结", ["单位名称", "“年度报告”或“情况的报告”"]),
    ],
)
def test_incomplete_title(title: str, missing: list[str]) -> None:
    text = inject("000", "深圳市罗湖区政务服务和数据管理局2025年法治政府建设年度报告", title)
    text = text.replace("深圳市罗湖区人民政府\n", "", 1)  # no unit line above: the title stands alone
    hits = found(text, "F101")
    assert len(hits) == 1 and hits[0].line == 2
    assert f"标题缺少{'、'.join(missing)}：" in hits[0].message


@pytest.mark.parametrize(
    "title",
    [
        "深圳市某局关于2025年度法治政府建设情况的报告",
        "2025年深圳市某局法治政府建设年度报告",
        "# 深圳市某局2025年法治政府建设年度报告",
    ],
)
def test_good_titles(title: str) -> None:
    text = inject("000", "深圳市罗湖区政务服务和数据管理局2025年法治政府建设年度报告", title)
    assert found(text, "F101") == []


def test_a_year_without_nian_is_named_as_such() -> None:
    text = inject("000", "深圳市罗湖区政务服务和数据管理局2025年法治政府建设年度报告", "2025法治政府建设年度报告")
    (hit,) = found(text, "F101")
    assert "标题缺少“2025”后的“年”字：" in hit.message and "年度" not in hit.message.split("：")[0]


@pytest.mark.parametrize(
    "title",
    [
        "深圳市罗湖区人民政府\n\n2025年法治政府建设年度报告",  # unit above, title below
        "深圳市罗湖区人民政府关于\n2025年度法治政府建设情况的报告",  # split after 关于
        "关于深圳市罗湖区2025年度法治政府\n建设情况的报告",  # split mid-phrase
        "中共深圳市罗湖区委员会\n深圳市罗湖区人民政府\n关于2025年度法治政府建设情况的报告",  # two bodies
    ],
)
def test_titles_over_several_lines_are_one_title(title: str) -> None:
    text = seed_text("000").replace(
        "深圳市罗湖区人民政府\n\n深圳市罗湖区政务服务和数据管理局2025年法治政府建设年度报告", title, 1
    )
    assert found(text, "F101") == []
    assert [d.code for d in lint_text(text) if d.code[0] == "W" and d.line <= 3] == []


def test_a_unit_line_under_a_titled_report_is_not_absorbed() -> None:
    # the title names its unit itself: the line above is the site's name (W101), not the title's
    assert [d.code for d in lint_text(seed_text("000")) if d.line == 1] == ["W101"]


# -- F102 / F103 --------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "line"), [("002", 21), ("004", 37)])
def test_seeds_without_closing(prefix: str, line: int) -> None:
    text = seed_text(prefix)
    for code in ("F102", "F103"):
        hits = found(text, code)
        assert [d.line for d in hits] == [line], code
        body = text.splitlines()[line - 1].rstrip()
        assert (hits[0].column, hits[0].end_column) == (len(body), len(body) + 1)


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seeds_with_closing_are_quiet(prefix: str) -> None:
    text = seed_text(prefix)
    assert found(text, "F102") == [] and found(text, "F103") == []


def test_date_removed_from_seed_003() -> None:
    text = inject("003", "\n2026年1月5日", "")
    assert found(text, "F102") == []
    hits = found(text, "F103")
    assert [(d.line, d.column) for d in hits] == [(21, 1)]
    assert "落款之后没有成文日期" in hits[0].message


def test_signature_removed_from_seed_003() -> None:
    text = inject("003", "深圳市龙岗区政务服务和数据管理局\n2026年", "2026年")
    assert found(text, "F103") == []
    hits = found(text, "F102")
    assert [d.line for d in hits] == [21]
    assert "成文日期上方没有落款" in hits[0].message


def test_signature_and_date_appended_to_seed_002() -> None:
    text = seed_text("002") + "\n深圳市政务服务和数据管理局\n2025年12月30日\n"
    assert found(text, "F102") == [] and found(text, "F103") == []


# -- a template's closing left as placeholders: present, unfilled (T103, not F102/F103) ----

_BODY = "某局2025年法治政府建设年度报告\n一、主要举措和成效\n今年我局推进依法行政，成效明显。\n"


@pytest.mark.parametrize(
    ("closing", "placeholder"),
    [
        ("XXXX人民政府\n20XX年XX月XX日", "XX"),  # GB/T 9704 templates (d-002)
        ("某局\n××××年×月×日", "××××"),
        ("单位（公章）：\n年   月   日", "年   月   日"),  # a 函 form (d-021)
        ("[发文机关署名]\n2025年  月  日", "年  月  日"),
        ("某局（印章）\n2025年12月26日", "（印章）"),
        ("某局\n年　　月　　日", "年　　月　　日"),
    ],
)
def test_placeholder_closing_is_present_and_reported(closing: str, placeholder: str) -> None:
    diagnostics = lint_text(_BODY + "\n" + closing + "\n")
    assert [d for d in diagnostics if d.code in ("F102", "F103")] == []
    assert any(d.code == "T103" and placeholder in d.message for d in diagnostics), closing


def test_minutes_head_carries_unit_and_date() -> None:
    # A 纪要 writes its issuing body and date on one line in its head, and has no 落款 (d-011).
    text = "〔20XX〕XX号\nXXXX人民政府                2020年2月19日\n会议研究了法治政府建设工作，议定如下事项。\n"
    assert found(text, "F102") == [] and found(text, "F103") == []


@pytest.mark.parametrize(
    "closing",
    [
        "主检医师签名:              (公章)\n年   月   日",  # a person's field in a form (d-027)
        "年   月   日",  # a blank date with nothing above it that names a unit
        "说明：此处另附材料。",
    ],
)
def test_form_fields_are_not_a_closing(closing: str) -> None:
    text = _BODY + "今年还完成了其他各项工作任务，取得积极成效。\n" + closing + "\n"
    assert len(found(text, "F102")) == 1 and len(found(text, "F103")) == 1


def test_blank_date_and_seal_are_warnings() -> None:
    hits = found(_BODY + "\n单位（公章）：\n年   月   日\n", "T103")
    assert [(d.line, d.severity.value) for d in hits] == [(5, "warning"), (6, "warning")]
    assert "盖章位置" in hits[0].message and "没有填写" in hits[1].message


def test_a_filled_closing_has_no_placeholder() -> None:
    assert found(_BODY + "\n某局\n2025年12月26日\n", "T103") == []


def test_a_sites_publisher_and_date_bar_is_not_a_minutes_head() -> None:
    text = "深圳市某局    2024-03-01\n" + _BODY + "今年还完成了其他各项工作任务，取得积极成效。\n"
    assert len(found(text, "F102")) == 1 and len(found(text, "F103")) == 1
