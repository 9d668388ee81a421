"""S107 missing-responsibility and R101 duplicate-paragraph."""

from __future__ import annotations

import pytest
from conftest import found, inject, seed_text

from fzlint.rule import Context
from fzlint.settings import Settings

# -- S107 -------------------------------------------------------------------------


def test_seed_004_only_mentions_written_述法() -> None:
    hits = found(seed_text("004"), "S107")
    assert [(d.line, d.column, d.severity.value) for d in hits] == [(13, 3, "warning")]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seeds_with_the_statement_are_quiet(prefix: str) -> None:
    assert found(seed_text(prefix), "S107") == []


def test_statement_removed_from_seed_002() -> None:
    text = inject("002", "主要领导严格履行推进法治建设第一责任人职责,", "")
    assert [d.line for d in found(text, "S107")] == [2]


def test_statement_added_to_seed_004() -> None:
    added = "区政府主要负责人认真履行推进法治建设第一责任人职责。"
    text = inject("004", "二是压实主体责任。", "二是压实主体责任。" + added)
    assert found(text, "S107") == []


def test_patterns_extend_by_configuration() -> None:
    text = inject("002", "主要领导严格履行推进法治建设第一责任人职责,", "一把手带头抓法治，")
    overrides = {"content": {"responsibility": {"patterns": ["一把手带头抓法治"]}}}
    assert found(text, "S107", data_overrides=overrides) == []
    assert Context(Settings()).data("content")["responsibility"]["patterns"]


# -- R101 -------------------------------------------------------------------------


def test_pasted_twice_in_seed_002() -> None:
    lines = seed_text("002").splitlines()
    text = "\n".join([*lines[:19], lines[18], *lines[19:]])
    hits = found(text, "R101")
    assert [(d.line, d.column) for d in hits] == [(20, 15)]  # the inline body after （一）…。
    assert "与第 19 行的段落重复" in hits[0].message


def test_near_verbatim_copy() -> None:
    lines = seed_text("000").splitlines()
    copy = lines[78].replace("从源头化解", "从根本上化解").replace(",", "，")
    text = "\n".join([*lines[:80], copy, *lines[80:]])
    hits = found(text, "R101")
    assert [d.line for d in hits] == [81]
    assert "几乎相同" in hits[0].message and "第 79 行" in hits[0].message


def test_short_paragraphs_and_distinct_text_are_quiet() -> None:
    text = seed_text("001") + "\n专此报告。\n专此报告。\n"
    assert found(text, "R101") == []


def test_threshold_is_configurable() -> None:
    lines = seed_text("000").splitlines()
    tail = "同时加强队伍建设，完善考核机制，推动工作落实落细，形成长效机制。"
    half = lines[78][: len(lines[78]) // 2] + tail
    text = "\n".join([*lines[:80], half, *lines[80:]])  # after line 79, before the 落款
    assert found(text, "R101") == []
    assert found(text, "R101", duplicate_similarity=0.3)


def test_improvement_copies_a_shortcomings_sentence() -> None:
    old = "政务服务的便捷性、智能化均有效提升。"
    text = inject("000", old, old + "一是法治宣传的精准度和渗透力有待提高。")
    hits = found(text, "R101")
    assert [d.line for d in hits] == [65]
    line = text.splitlines()[64]
    start = line.index("一是法治宣传的精准度")
    assert (hits[0].column - 1, hits[0].end_column - 1) == (start, len(line))
    assert "第 69 行" in hits[0].message


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_r101_quiet_on_seeds(prefix: str) -> None:
    assert found(seed_text(prefix), "R101") == []


def test_many_paragraphs_stay_linear() -> None:
    # 3000 distinct paragraphs: the shingle index compares each only with its few neighbours.
    body = "\n".join(
        f"第{i}项工作：围绕编号{i * 7919 % 100003}的事项开展专项检查并形成整改清单{i}份。" for i in range(3000)
    )
    assert found("某局2025年法治政府建设年度报告\n" + body, "R101") == []


# Two entries of a format specification (d-018): different labels, shared wording.
_SPEC = (
    "三级标题：楷体_GB2312三号字，行距固定30磅，段前段后0.5行，左对齐缩进2个字符。英文字符使用"
    "Times New Roman，注意双引号与标题和正文中文字体保持一致。\n"
    "四级及以下标题：仿宋_GB2312三号字，行距固定28磅，段前段后0.5行，左对齐缩进2个字符，英文字符使用"
    "Times New Roman，注意双引号与标题和正文中文字体保持一致。\n"
)


def test_parallel_entries_under_different_labels_are_quiet() -> None:
    assert found("公文格式要求\n" + _SPEC, "R101") == []


def test_the_same_entry_under_its_own_label_twice_is_a_copy() -> None:
    first = _SPEC.splitlines()[0]
    text = "公文格式要求\n" + _SPEC + first.replace("30磅", "29磅") + "\n"
    assert [d.line for d in found(text, "R101")] == [4]


def test_the_same_body_under_another_label_is_a_copy() -> None:
    body = "全年办理行政复议案件12件，均在法定期限内审结，纠错率同比下降，群众满意度持续提升。"
    text = f"某局2025年法治政府建设年度报告\n改进情况：{body}\n存在不足：{body}\n"
    hits = found(text, "R101")
    assert [d.line for d in hits] == [3]


def test_near_copies_without_labels_are_still_found() -> None:
    one = "全年办理行政复议案件12件，均在法定期限内审结，纠错率同比下降，群众满意度持续提升。"
    text = f"某局2025年法治政府建设年度报告\n{one}\n{one.replace('12件', '13件')}\n"
    assert [d.line for d in found(text, "R101")] == [3]
