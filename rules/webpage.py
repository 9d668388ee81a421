"""W1xx: what came along from a web page: page chrome and garbled replacements."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.diagnostics import Diagnostic, Edit, Fix, Severity
from lint.hookspecs import hookimpl
from lint.lines import Line, LineKind, looks_like_unit
from lint.outline import Report
from lint.rule import Context, Rule

_CJK_RUN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]{3,}")


def delete_line_fix(report: Report, line: Line) -> Fix:
    """Remove a whole line including its line break (the previous one for the last line)."""
    lines = report.document.lines
    if line.index + 1 < len(lines):
        edit = Edit(line.index + 1, 1, line.index + 2, 1, "")
    elif line.index > 0:
        edit = Edit(line.index, len(lines[line.index - 1]) + 1, line.index + 1, len(line.text) + 1, "")
    else:
        edit = Edit(1, 1, 1, len(line.text) + 1, "")
    return Fix(edits=(edit,), message="删除整行网页内容")


class PageChrome(Rule):
    """正文里夹带了网页上的栏目、按钮、来源行等内容。

    从政府网站复制报告时，常把“来源：…发布时间：…”“扫一扫在手机上打开当前页”“打印 关闭”
    “分享到”“字号 大 中 小”“上一篇/下一篇”“知识图谱”“AI脑图”、智能助手窗口的文字，甚至
    标题上方的网站名称一起带进来。这些不是报告内容，提交前要删除。修复会删除整行。
    """

    code = "W101"
    name = "page-chrome"
    severity = Severity.ERROR
    summary = "夹带网页栏目、按钮、来源行等非报告内容"
    bad = ("深圳市罗湖区人民政府\n某某局2025年法治政府建设年度报告\n"
           "来源:某某局 发布时间:2025-12-26 AI脑图\n扫一扫在手机上打开当前页")
    good = "某某局2025年法治政府建设年度报告"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        site_names = {ln.index for ln in report.front if looks_like_unit(ln.text)}
        for line in report.lines:
            if line.kind is LineKind.CHROME:
                message = f"网页内容“{_excerpt(line)}”不属于报告正文：请删除这一行"
            elif line.index in site_names:
                message = f"标题上方的“{_excerpt(line)}”是网站名称，不属于报告：请删除这一行"
            else:
                continue
            yield self.diagnostic(
                report, line.index, line.indent, len(line.text.rstrip()),
                message, fix=delete_line_fix(report, line),
            )


def _excerpt(line: Line, width: int = 20) -> str:
    text = line.text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


class GarbledTerm(Rule):
    """网站过滤或错误的查找替换留下的乱词、乱码。

    有的网站把“政务”当作敏感词替换，转载后变成“探花公开”；把 UTF-8 文本按 GBK 打开
    会变成“鏀垮姟鍏紑”一类乱码。乱词表在 ``data/garbled.toml``，可在配置中扩充；
    乱码按“能否还原为正常 UTF-8 中文”检测。
    """

    code = "W102"
    name = "garbled-term"
    severity = Severity.ERROR
    summary = "替换或编码错误造成的乱词、乱码（如“探花公开”应为“政务公开”）"
    bad = "深化探花公开，以法治规范权力运行。"
    good = "深化政务公开，以法治规范权力运行。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        terms = context.data("garbled").get("terms", [])
        for line in report.lines:
            if line.kind in (LineKind.BLANK, LineKind.CHROME):
                continue
            for term in terms:
                wrong, right = term["wrong"], term["right"]
                start = line.text.find(wrong)
                while start >= 0:
                    end = start + len(wrong)
                    yield self.diagnostic(
                        report, line.index, start, end,
                        f"“{wrong}”是替换错误留下的乱词：请改为“{right}”",
                        fix=self.replacement(line.index, start, end, right, f"改为“{right}”"),
                    )
                    start = line.text.find(wrong, end)
            yield from self._mojibake(report, line)

    def _mojibake(self, report: Report, line: Line) -> Iterator[Diagnostic]:
        for match in _CJK_RUN.finditer(line.text):
            restored = _restore(match.group(0))
            if restored is None:
                continue
            yield self.diagnostic(
                report, line.index, match.start(), match.end(),
                f"“{match.group(0)[:12]}”像是 UTF-8 文本被当作 GBK 打开后的乱码（原文可能是“{restored[:12]}”）："
                "请从原始文件重新复制",
            )


def _restore(run: str) -> str | None:
    """The UTF-8 text a GBK-misread run came from, if it really is one.

    Real Chinese re-encoded as GBK almost never forms valid UTF-8 (no hit in
    86,000 windows of jieba's dictionary and the seeds); mojibake nearly always
    does, except for a cut character at its ends.
    """
    try:
        decoded = run.encode("gbk").decode("utf-8", errors="replace")
    except UnicodeEncodeError:
        return None
    cjk = sum(1 for ch in decoded if "\u4e00" <= ch <= "\u9fff")
    broken = decoded.count("\ufffd")
    if cjk >= 2 and broken <= max(1, cjk // 4):
        return decoded.replace("\ufffd", "")
    return None


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [PageChrome, GarbledTerm]
