"""N106: a heading numbered twice, by Word's automatic numbering and by hand.

Registered with the other heading-number rules by :mod:`fzlint.rules.numbering`.
"""

from __future__ import annotations

from collections.abc import Iterator

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.parse.lines import SPACE, parse_marker
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule


class DoubledAutoNumber(Rule):
    """标题既有 Word 自动编号，又手工输入了序号，屏幕上显示为“一、一、总体情况”。

    在 Word/WPS 里给标题套用了自动编号（“开始—编号”或带编号的标题样式）之后，
    正文里原来手工输入的“一、”“（一）”没有删掉，编号就出现两遍。只检查 .docx：
    纯文本里看不出哪个序号是自动生成的。修复（不安全，需 ``--unsafe-fixes``）删去
    手工输入的序号，保留自动编号。
    """

    code = "N106"
    name = "doubled-auto-number"
    severity = Severity.ERROR
    summary = "标题的 Word 自动编号之后又手工输入了序号（如“一、一、总体情况”）"
    bad = "一、一、总体情况（第一个“一、”是 Word 的自动编号）"
    good = "一、总体情况（只保留 Word 的自动编号）"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        lines = report.document.lines
        for index, label in sorted(report.document.numbering.items()):
            if index >= len(lines) or not lines[index].startswith(label):
                continue  # the numbering no longer matches the text (lines changed since loading)
            text = lines[index]
            start = len(label)
            while start < len(text) and text[start] in SPACE:
                start += 1
            marker = parse_marker(text, start)
            if marker is None:
                continue
            end = marker.end
            while end < len(text) and text[end] in SPACE:
                end += 1
            shown = label.strip(SPACE)
            fix = self.replacement(
                index, len(label), end, "", f"删去手工输入的“{marker.text}”，保留自动编号“{shown}”", safe=False
            )
            yield self.diagnostic(
                report,
                index,
                marker.start,
                marker.end,
                f"标题已由 Word 自动编号为“{shown}”，又手工输入了“{marker.text}”，显示为“{text[: end + 6]}”："
                "请删去手工输入的序号（或取消这一段的自动编号）",
                fix=fix,
            )
