"""N106: a heading numbered twice, by Word's automatic numbering and by hand.

In a .docx the loader records Word's labels (``Document.numbering``), so a typed number
after one is certain. In text the same defect arrives pasted: copying a Word-numbered
heading to a web form keeps the label as text, so the line reads "一、一、总体情况".
"""

from __future__ import annotations

from collections.abc import Iterator

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import MARKER_START, SPACE, Marker, parse_marker
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule


def _after_spaces(text: str, start: int) -> int:
    while start < len(text) and text[start] in SPACE:
        start += 1
    return start


class DoubledAutoNumber(Rule):
    """标题的序号出现两遍：Word 自动编号之后又手工输入了序号，屏幕上显示为“一、一、总体情况”。

    在 Word/WPS 里给标题套用了自动编号（“开始—编号”或带编号的标题样式）之后，
    正文里原来手工输入的“一、”“（一）”没有删掉，编号就出现两遍；把这样的标题复制到
    网页或文本里，自动编号变成文字，同样是“一、一、”。.docx 中自动编号之后的任何
    手工序号都报告；纯文本中报告紧接着重复的同一个序号。修复（不安全，需
    ``--unsafe-fixes``）删去手工输入（文本中为第二个）的序号。
    """

    code = "N106"
    name = "doubled-auto-number"
    title = "自动编号后重复序号"
    severity = Severity.ERROR
    summary = "标题序号出现两遍：Word 自动编号之后又手工输入了序号（如“一、一、总体情况”）"
    bad = "一、一、总体情况"
    good = "一、总体情况"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        lines, numbering = report.document.lines, report.document.numbering
        for index, text in enumerate(lines):
            label = numbering.get(index)
            if label is not None and text.startswith(label):  # else: lines changed since loading
                typed = parse_marker(text, _after_spaces(text, len(label)))
                if typed is not None:
                    shown = label.strip(SPACE)
                    why = f"标题已由 Word 自动编号为“{shown}”，又手工输入了“{typed.text}”"
                    yield self._doubled(
                        report, index, len(label), typed, why, "请删去手工输入的序号（或取消这一段的自动编号）"
                    )
                continue
            start = _after_spaces(text, 0)
            if start >= len(text) or text[start] not in MARKER_START:
                continue  # most lines: no marker to parse
            line = report.lines[index]
            # The classifier parsed the marker at the line's indent already (the same column
            # unless a Markdown prefix or &nbsp; stands before it).
            first = line.marker if line.indent == start and line.text is text else parse_marker(text, start)
            if first is None:
                continue
            second = parse_marker(text, _after_spaces(text, first.end))
            if second is not None and (second.level, second.number) == (first.level, first.number):
                why = f"标题序号“{first.text}”写了两遍（多是 Word 自动编号复制成文字后又留着手工序号）"
                yield self._doubled(report, index, first.end, second, why, "请删去其中一个")

    def _doubled(self, report: Report, index: int, cut: int, typed: Marker, why: str, remedy: str) -> Diagnostic:
        text = report.document.lines[index]
        end = _after_spaces(text, typed.end)
        fix = self.replacement(index, cut, end, "", f"删去重复的“{typed.text}”", safe=False)
        return self.diagnostic(
            report,
            index,
            typed.start,
            typed.end,
            f"{why}，显示为“{text[: end + 6].strip(SPACE)}”：{remedy}",
            fix=fix,
        )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [DoubledAutoNumber]
