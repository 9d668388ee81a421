"""F101 missing-title, F102 missing-signature, F103 missing-date."""

from __future__ import annotations

import pytest
from conftest import found, inject, seed_text

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
    hits = found(text, "F101")
    assert len(hits) == 1 and hits[0].line == 3
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
