"""F1xx: the frame of the document: title, 落款 and 成文日期."""

from __future__ import annotations

from collections.abc import Iterator

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import SPACE, Line, LineKind
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common.closing import ClosingFound, closing_elements
from fzlint.rules.common.years import year_mentions, year_of

_SUBJECT = "法治政府建设"
_SUBJECT_START = regex.compile(r"法治政府|法治建设|依法行政|法治")
_CJK = regex.compile(r"[\u4e00-\u9fff]")
# A year written without 年 (2024法治政府建设年度报告): the year is there, 年 is missing.
_BARE_YEAR = regex.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9年])")
_BODY_KINDS = (LineKind.TEXT, LineKind.HEADING, LineKind.CLOSE)


def suggested_title(report: Report, context: Context) -> str:
    """The title this report should carry, from its 落款 and its year where known."""
    signature = report.closing.signature
    unit = signature.text.strip(SPACE) if signature else "××（单位名称）"
    found = year_of(report, context)
    year = f"{found.year}年" if found else "××年"
    return f"{unit}{year}法治政府建设年度报告"


def _unit_part(title: str) -> str:
    """What the title says before its subject, with years and 关于 removed: the unit's name."""
    match = _SUBJECT_START.search(title)
    head = title[: match.start()] if match else title
    for mention in sorted(year_mentions(head), key=lambda m: -m.start):
        head = head[: mention.start] + head[mention.end :]
    return head.replace("关于", "").replace("度", "")


class MissingTitle(Rule):
    """报告没有标题，或标题缺少单位名称、年度、“法治政府建设”或“报告”字样。

    标题应写明发文单位、年度和事由，如“深圳市某局2025年法治政府建设年度报告”或“某局关于
    2025年度法治政府建设情况的报告”。从网页复制正文时常常漏掉标题，直接从开头一段起笔。
    """

    code = "F101"
    name = "missing-title"
    title = "标题不完整"
    severity = Severity.ERROR
    summary = "缺少标题，或标题未写明单位、年度和“法治政府建设……报告”"
    bad = "2025年，我局坚持以习近平新时代中国特色社会主义思想为指导……（没有标题）"
    good = "深圳市某局2025年法治政府建设年度报告\n\n2025年，我局坚持以……"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        title = report.title
        if title is None:
            anchor = _first_body_line(report)
            yield self.diagnostic(  # at the first character: the title belongs before it
                report,
                anchor.index,
                anchor.indent,
                anchor.indent + 1,
                f"报告没有标题：请在正文前加上标题，如“{suggested_title(report, context)}”",
            )
            return
        text = report.title_text  # a title split over lines (unit, then 2025年…报告) as one
        missing = []
        if len(_CJK.findall(_unit_part(text))) < 2:
            missing.append("单位名称")
        bare_year = _BARE_YEAR.search(text)
        if next(year_mentions(text), None) is None:
            missing.append(f"“{bare_year.group(0)}”后的“年”字" if bare_year else "年度")
        if _SUBJECT not in text:
            missing.append("“法治政府建设”")
        if not text.endswith("报告"):
            missing.append("“年度报告”或“情况的报告”")
        if missing:
            last = report.title_lines[-1]
            yield self.diagnostic(
                report,
                title.index,
                title.indent,
                len(last.text.rstrip(SPACE)),
                f"标题缺少{'、'.join(missing)}：请改为“{suggested_title(report, context)}”这样的标题",
                end_line=last.index,
            )


def _first_body_line(report: Report) -> Line:
    for line in report.lines:
        if line.kind in (LineKind.TEXT, LineKind.HEADING, LineKind.PRE):
            return line
    return report.lines[0]


def _last_body_line(report: Report) -> Line | None:
    return next((ln for ln in reversed(report.lines) if ln.kind in _BODY_KINDS), None)


def _missing_after(
    rule: Rule, report: Report, neighbour: Line | None, where: str, problem: str
) -> Iterator[Diagnostic]:
    """Report a missing closing element at its closing neighbour, else the end of the body."""
    anchor = neighbour or _last_body_line(report)
    if anchor is None:
        return
    if anchor is neighbour:
        column, end = anchor.indent, len(anchor.text.rstrip(SPACE))
    else:
        (column, end), where = _end_of(anchor), "正文之后"
    yield rule.diagnostic(report, anchor.index, column, end, where + problem)


def _closing(report: Report, context: Context) -> ClosingFound:
    """落款 and 成文日期, a template's unfilled ones included (T103 reports those)."""
    suffixes = tuple(context.data("chrome").get("unit_suffixes", ()))  # type: ignore[union-attr]
    table = context.data("placeholders")
    return context.facts.get(("closing", "placeholders"), lambda: closing_elements(report, table, suffixes))  # type: ignore[arg-type]


def _end_of(line: Line) -> tuple[int, int]:
    end = len(line.text.rstrip(SPACE))
    return max(line.indent, end - 1), end


class MissingSignature(Rule):
    """正文后没有落款（发文单位名称）。

    年度报告是以单位名义报送和公开的公文，正文（或“专此报告。”）之后应署发文单位全称，
    再写成文日期。从网页复制时落款常被漏掉或和页面尾部混在一起。模板留下的落款占位
    （“[发文机关署名]”“单位（公章）：”、成文日期占位上方的“XXXX人民政府”）和纪要版头
    同一行写的“发文机关  日期”算作有落款：占位没有填写由 T103 报告。
    """

    code = "F102"
    name = "missing-signature"
    title = "缺少落款"
    severity = Severity.ERROR
    summary = "正文之后缺少落款（发文单位名称）"
    bad = "……推动法治政府建设水平持续提升。\n（全文到此结束）"
    good = "……推动法治政府建设水平持续提升。\n\n深圳市某局\n2025年12月26日"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        found = _closing(report, context)
        if found.signature is None:
            yield from _missing_after(
                self,
                report,
                found.date,
                "成文日期上方",
                "没有落款：请另起一行写发文单位全称（如“深圳市某局”），再写成文日期",
            )


class MissingDate(Rule):
    """落款之后没有成文日期。

    公文以成文日期表明报告形成的时间，写在落款之下，用阿拉伯数字写全年月日，如
    “2025年12月26日”（写法由 Y102 检查）。模板留下的日期占位（“20XX年XX月XX日”
    “年  月  日”）算作有日期，没有填写由 T103 报告。
    """

    code = "F103"
    name = "missing-date"
    title = "缺少成文日期"
    severity = Severity.ERROR
    summary = "落款之后缺少成文日期"
    bad = "……推动法治政府建设水平持续提升。\n\n深圳市某局"
    good = "……推动法治政府建设水平持续提升。\n\n深圳市某局\n2025年12月26日"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        found = _closing(report, context)
        if found.date is None:
            yield from _missing_after(
                self,
                report,
                found.signature,
                "落款之后",
                "没有成文日期：请在落款下一行写成文日期，如“2025年12月26日”",
            )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [MissingTitle, MissingSignature, MissingDate]
