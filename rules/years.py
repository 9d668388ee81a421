"""Y1xx: the years a report speaks of and the date it carries."""

from __future__ import annotations

from collections.abc import Iterator

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common.years import (
    date_window,
    heading_year_claims,
    parse_written_date,
    year_mentions,
    year_of,
)

_WHAT = {-1: "上一年度问题的改进情况", 0: "本年度", 1: "下一年度安排"}


def _describe(offsets: tuple[int, ...]) -> str:
    return "或".join(_WHAT[o] for o in offsets)


class StaleYear(Rule):
    """各部分标题（或开头一句）里的年份与报告年度 N 对不上。

    N 年度的报告：第一部分（主要举措和成效）和“不足和原因”写 N 年，“上一年度问题的改进
    情况”写 N−1 年，第三部分（下一年度安排）写 N+1 年，开头一句通常以“N年，”起笔。照搬
    上一年的报告改写时，最容易漏改某个标题里的年份。

    N 依次取自：标题中的年份；没有标题时，各部分标题和开头一句所指向的年度（多数一致者，
    平局时以第一部分为准）；再没有就用 ``--year`` 或配置项 ``year``。只检查各部分及第二部分
    小标题里的年份和开头一句的起首年份，正文中引用的年份（“2023年以来”、文件名里的年份、
    合并部分里的“2024年，我区将……”）不检查。
    """

    code = "Y101"
    name = "stale-year"
    # a line W101 reports as web-page furniture (a date bar above the title) is to be
    # deleted, not corrected: its deletion and Y101's year fix would overlap
    defers_to = frozenset({"W101"})
    title = "年份与报告年度不符"
    severity = Severity.ERROR
    summary = "各部分标题或开头中的年份与报告年度不符（多为照搬上一年度报告后漏改）"
    bad = "深圳市某局2025年法治政府建设年度报告\n一、2025年度主要举措和成效\n……\n三、2025年工作计划"
    good = "深圳市某局2025年法治政府建设年度报告\n一、2025年度主要举措和成效\n……\n三、2026年工作计划"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        found = year_of(report, context)
        if found is None:
            return
        year = found.year
        for section, mention, offsets in heading_year_claims(report):
            allowed = [year + o for o in offsets]
            if mention.year in allowed:
                continue
            line = section.heading.index
            expected = "或".join(f"{y}年" for y in allowed)
            fix = None
            if len(allowed) == 1:
                fix = self.replacement(
                    line, mention.start, mention.end, f"{allowed[0]}年", f"改为“{allowed[0]}年”", safe=False
                )
            yield self.diagnostic(
                report,
                line,
                mention.start,
                mention.end,
                f"报告年度为{year}年（据{found.source}），这里写{_describe(offsets)}，"
                f"应为{expected}而不是{mention.year}年：请改正年份",
                fix=fix,
            )
        yield from self._opening(report, year, found.source)

    def _opening(self, report: Report, year: int, source: str) -> Iterator[Diagnostic]:
        if not report.opening:
            return
        line = report.opening[0]
        mention = next(year_mentions(line.text), None)
        if mention is None or mention.start != line.indent or mention.year == year:
            return
        yield self.diagnostic(
            report,
            line.index,
            mention.start,
            mention.end,
            f"报告年度为{year}年（据{source}），开头却写“{mention.year}年”：请改为“{year}年”",
            fix=self.replacement(line.index, mention.start, mention.end, f"{year}年", f"改为“{year}年”", safe=False),
        )


class DateFormat(Rule):
    """成文日期的写法不合 GB/T 9704，或日期不在报告年度应有的时间范围内。

    成文日期用阿拉伯数字写全年、月、日，月和日不编虚位（不补 0）：“2025年12月26日”；
    “2025-12-26”“2025.12.26”“2025年01月05日”“二〇二五年十二月二十六日”都不合规范。
    N 年度的报告应在 N 年年末至 N+1 年 4 月 1 日（《法治政府建设与责任落实督察工作规定》
    要求的公开时限）之间成文，默认范围为 N 年 12 月 1 日至 N+1 年 4 月 1 日，可用配置项
    ``date-window-start`` / ``date-window-end``（“月-日”）调整。
    """

    code = "Y102"
    name = "date-format"
    title = "成文日期不规范"
    severity = Severity.ERROR
    summary = "成文日期不合“2025年12月26日”的写法，或不在报告年度的成文时间范围内"
    bad = "深圳市某局\n2025-12-26"
    good = "深圳市某局\n2025年12月26日"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        line = report.closing.date
        if line is None:
            return
        written = parse_written_date(line.text)
        if written is None:
            return
        actual = line.text[written.start : written.end]
        if written.date is None:
            yield self.diagnostic(
                report, line.index, written.start, written.end, f"成文日期“{actual}”不是有效日期：请改正"
            )
            return
        if actual != written.canonical:
            yield self.diagnostic(
                report,
                line.index,
                written.start,
                written.end,
                f"成文日期“{actual}”不合规范：应用阿拉伯数字写全年月日、不补 0，改为“{written.canonical}”",
                fix=self.replacement(
                    line.index, written.start, written.end, written.canonical, f"改为“{written.canonical}”"
                ),
            )
        found = year_of(report, context)
        if found is None:
            return
        first, last = date_window(found.year, context.settings)
        if not first <= written.date <= last:
            yield self.diagnostic(
                report,
                line.index,
                written.start,
                written.end,
                f"成文日期{written.canonical}不在{found.year}年度报告的成文时间"
                f"（{first.year}年{first.month}月{first.day}日至{last.year}年{last.month}月"
                f"{last.day}日）内：请核对日期或报告年度",
            )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [StaleYear, DateFormat]
