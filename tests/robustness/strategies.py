"""The fuzz harness: hypothesis strategies for report-like text, and the invariants every
result must keep.

The one harness: the property tests (tests/robustness/test_fuzz.py) and the longer
fuzz run outside CI (benchmarks/fuzz.py, hypothesis or atheris) both use it.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import strategies as st

from fzlint.diagnostics import Diagnostic
from fzlint.document import Document

CN = "一二三四五六七八九十"
_cn_numeral = st.builds(
    lambda a, b: a + b, st.sampled_from([*CN, "十一", "二十", "一百零一"]), st.sampled_from(["", "", "", "十", "百"])
)
_digits = st.integers(0, 1200).map(str) | st.sampled_from(["１", "２２", "0", "007"])
_words = st.sampled_from(
    [
        "主要举措和成效",
        "存在的不足和原因",
        "下一年度工作安排",
        "2024年度存在问题的改进情况",
        "加强法治宣传",
        "深化政务公开",
        "推进依法行政",
        "存在问题及下一步工作思路",
        "工作总结",
        "探花公开",
        "鏀垮姟鍏紑",
        "XX",
        "略",
        "待补充",
        "TODO",
        "",
        " ",
        "　",
        "。",
        "，",
        "；",
        "：",
        "\t",
        "总体情况",
        "工作计划",
        "二十届三中全会",
        "一件事",
        "法治政府",
        "法治政府建设".encode().decode("gbk", errors="replace"),  # mojibake, as a web page shows it
        "\ufffd",
    ]
)
_marker = st.one_of(
    st.builds(lambda n, s: f"{n}{s}", _cn_numeral, st.sampled_from(["、", "，", ".", "：", ""])),
    st.builds(
        lambda o, n, c, s: f"{o}{n}{c}{s}",
        st.sampled_from(["（", "("]),
        _cn_numeral,
        st.sampled_from(["）", ")"]),
        st.sampled_from(["", "、", "."]),
    ),
    st.builds(lambda n, s: f"{n}{s}", _digits, st.sampled_from([".", "．", "、", "，", ""])),
    st.builds(lambda o, n, c: f"{o}{n}{c}", st.sampled_from(["（", "("]), _digits, st.sampled_from(["）", ")"])),
    st.sampled_from(list("①②③④⑤⑪⑳")),
    st.sampled_from(["（三）、", "一，", "(十)", "１．", "十一、"]),
)
_heading = st.builds(
    lambda prefix, m, w, tail: f"{prefix}{m}{w}{tail}",
    st.sampled_from(["", "", "  ", "　　", "# ", "## ", "**", "> "]),
    _marker,
    _words,
    st.sampled_from(["", "。", "。一是抓好落实。", "%", "年"]),
)
_enumeration = st.lists(
    st.builds(lambda n, shi, w: f"{n}{shi}{w}。", _cn_numeral | st.just(""), st.sampled_from(["是", "是", ""]), _words),
    min_size=1,
    max_size=6,
).map("".join)
_number = st.builds(
    lambda a, b: f"共办理{a}件，同比增长{b}%。",
    st.integers(0, 10**6),
    st.floats(0, 1000, allow_nan=False).map(lambda f: f"{f:.1f}"),
)
_chrome = st.sampled_from(
    [
        "来源：某某局 发布时间：2025-12-26",
        "扫一扫在手机上打开当前页",
        "【打印】【关闭】",
        "字号：大 中 小",
        "分享到：微信",
        "当前位置：首页 > 政务公开",
        "上一篇：",
        "AI脑图",
        "<p class='x'>",
        "&nbsp;",
        "深圳市罗湖区人民政府",
        "×",
        "ICP备12345号",
        "来源:某局 发布时间:2025-12-26",
        "打印 关闭",
        "<",
        "<br>",
        "网站地图",
        "知识图谱",
    ]
)
_date = st.builds(
    lambda y, m, d, sep: f"{y}{sep[0]}{m}{sep[1]}{d}{sep[2]}",
    st.sampled_from(["2025", "２０２５", "二〇二五", "1999"]),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from([("年", "月", "日"), ("-", "-", ""), (".", ".", ""), ("年", "月", "")]),
)
_line = st.one_of(
    _heading,
    _heading,
    _enumeration,
    _number,
    _chrome,
    _date,
    _words,
    st.sampled_from(["", "", "某局2025年法治政府建设年度报告", "专此报告。", "特此报告", "某某市司法局"]),
    st.sampled_from(["深圳市某局", "2026年1月5日", "二〇二五年十二月", "2025.1.1"]),
    st.lists(_words | _marker | st.text(max_size=4), max_size=8).map("".join),  # fragments run together
    st.text(max_size=30),
)
_newline = st.sampled_from(["\n", "\r\n", "\r"])

report_like_text = st.builds(
    lambda bom, lines, nl: ("\ufeff" if bom else "") + nl.join(lines),
    st.booleans(),
    st.lists(_line, max_size=60),
    _newline,
)
any_text = st.text(max_size=400)


def position_problems(document: Document, diagnostic: Diagnostic) -> list[str]:
    """Why a diagnostic's span or fix falls outside the document (empty when it is inside)."""
    problems = []
    d = diagnostic
    spans = [("span", d.line, d.column, d.end_line, d.end_column)]
    if d.fix is not None:
        spans += [("edit", e.line, e.column, e.end_line, e.end_column) for e in d.fix.edits]
    for what, line, column, end_line, end_column in spans:
        if not 1 <= line <= end_line <= len(document.lines):
            problems.append(f"{what} lines {line}-{end_line} outside 1-{len(document.lines)}")
            continue
        if not 1 <= column <= len(document.lines[line - 1]) + 1:
            problems.append(f"{what} column {column} outside line {line}")
        if not 1 <= end_column <= len(document.lines[end_line - 1]) + 1:
            problems.append(f"{what} end column {end_column} outside line {end_line}")
        if (end_line, end_column) < (line, column):
            problems.append(f"{what} ends before it starts")
    if diagnostic.fix is not None:
        edits = sorted(diagnostic.fix.edits, key=lambda e: (e.line, e.column))
        for first, second in pairwise(edits):
            if (first.end_line, first.end_column) > (second.line, second.column):
                problems.append("fix edits overlap")
    return problems


def fix_overlaps(found: list[Diagnostic]) -> list[str]:
    """Fixes of different diagnostics whose edits overlap (touching is fine): all must apply."""
    edits = sorted(
        ((e.line, e.column), (e.end_line, e.end_column), d.code)
        for d in found
        if d.fix is not None
        for e in d.fix.edits
    )
    return [
        f"{code} and {next_code} fixes overlap at {next_start}"
        for (start, end, code), (next_start, next_end, next_code) in pairwise(edits)
        if not (end <= next_start or start == end == next_start == next_end)
    ]


def lint_problems(document: Document) -> tuple[list[Diagnostic], list[str]]:
    """Lint ``document``; its diagnostics and every broken invariant (none, when all is well).

    The outline parses (the grammar is total), no rule crashes (E999), every span and
    fix edit lies inside the document, and no two fixes overlap.
    """
    from registry_for_tests import REGISTRY

    from fzlint.parse.outline import build_report
    from fzlint.run.engine import CRASH_CODE, keywords_for, lint_document
    from fzlint.settings import Settings

    report = build_report(document, keywords_for(Settings(), REGISTRY))
    # the grammar is total: a line is only ever re-read as another token, never dropped
    problems = [f"line {r.index + 1} dropped by the parser" for r in report.recoveries if r.parsed_as == "-"]
    found = lint_document(document, Settings(), REGISTRY)
    problems += [f"E999: {d.message}" for d in found if d.code == CRASH_CODE]
    problems += [f"{d.code} {problem}" for d in found for problem in position_problems(document, d)]
    return found, problems + fix_overlaps(found)
