"""Y2xx: this year's report against last year's (``fzlint check --previous 去年.docx``).

Quiet without a previous report. When the two reports are not of the same unit or not of
consecutive years, Y205 says so once and the other Y2xx rules stay quiet instead of
flooding findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import Line, LineKind
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common import similarity
from fzlint.rules.common.chinese import softened
from fzlint.rules.common.years import year_mentions

if TYPE_CHECKING:
    from fzlint.rules.common.previous import Pair

# The comparison helpers (fzlint.rules.common.previous) are imported only when a run has a
# previous report: without --previous these rules return at once and cost no start-up.


def _comparable(report: Report, context: Context) -> Pair | None:
    if context.previous is None:
        return None
    from fzlint.rules.common.previous import pair_of

    pair = pair_of(report, context)
    return pair if pair is not None and pair.mismatch is None else None


def _anchor(report: Report, lines: list[Line]) -> tuple[int, int, int | None]:
    """Where a finding about a whole section goes: its heading, else the first line."""
    if lines:
        first = lines[0]
        for section in report.sections():
            if first in section.text or first is section.heading:
                heading = section.heading
                return heading.index, heading.marker.start if heading.marker else 0, None
        return first.index, first.indent, None
    if report.title is not None:
        return report.title.index, 0, None
    return 0, 0, None


class PreviousMismatch(Rule):
    """``--previous`` 给出的报告不像本单位上一年度的报告。

    比较两份报告的标题：单位不同，或年份不是相邻两年（上一年度应为 N−1 年），就无从比较
    “改进情况”是否回应了上一年度的问题；没有标题时，两份报告的文字几乎没有共同之处也算。
    此时只报告这一条，Y201–Y204 都不检查，免得满屏误报。
    """

    code = "Y205"
    needs_previous = True
    name = "previous-mismatch"
    title = "比较对象不符"
    severity = Severity.WARNING
    summary = "--previous 给出的不是本单位上一年度的报告（单位不同或年份不相邻），不作逐年比较"
    bad = "本报告：某市司法局2025年法治政府建设年度报告\n--previous：某区教育局2024年法治政府建设年度报告"
    good = "本报告：某市司法局2025年法治政府建设年度报告\n--previous：某市司法局2024年法治政府建设年度报告"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        if context.previous is None:
            return
        from fzlint.rules.common.previous import pair_of

        pair = pair_of(report, context)
        if pair is None or pair.mismatch is None:
            return
        line = report.title.index if report.title is not None else 0
        yield self.diagnostic(
            report, line, 0, None, f"{pair.mismatch}：请用 --previous 指定本单位上一年度的报告，逐年比较已跳过"
        )


class UnaddressedProblem(Rule):
    """上一年度报告列出的问题，今年的“改进情况”没有回应。

    “上一年度问题的改进情况”要逐条回答上一年度报告“存在的不足和原因”所列的问题。把上一年度
    的问题逐条（一是……二是……、分条标题或逐句）取出，看今年的改进情况是否说到了它：按词义
    比较（jieba 分词，按两份报告中的词频加权，常见词如“法治”“建设”权重低），说到的关键
    词占比低于阈值（``previous`` 数据表的 ``addressed``，默认 0.4）就报告，并引用上一年度
    的原话。需要 ``--previous``。
    """

    code = "Y201"
    needs_previous = True
    name = "unaddressed-problem"
    title = "上年问题未回应"
    severity = Severity.WARNING
    summary = "上一年度报告所列问题在本年度“改进情况”中没有回应"
    bad = (
        "上一年度：一是法治宣传覆盖不够。二是政务服务智能化水平不高。\n"
        "本年度（一）上一年度问题的改进情况\n加大宣传力度，开展普法宣传12场。"
    )
    good = (
        "上一年度：一是法治宣传覆盖不够。二是政务服务智能化水平不高。\n"
        "本年度（一）上一年度问题的改进情况\n一是加大宣传力度，开展普法宣传12场。二是推出智能导办，政务服务智能化水平提升。"
    )

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        pair = _comparable(report, context)
        if pair is None:
            return
        from fzlint.rules.common.previous import improvement, points, shortcomings

        problems = points(shortcomings(pair.previous))
        answer = improvement(report)
        if not problems or not answer:
            return  # no 改进情况 at all is S103's finding
        line, column, end = _anchor(report, answer)
        threshold = pair.table["addressed"]
        for problem in problems:
            if pair.coverage(problem, report, answer) < threshold:
                yield self.diagnostic(
                    report,
                    line,
                    column,
                    end,
                    f"上一年度报告第 {problem.line + 1} 行所列问题“{problem.quote}”在改进情况中没有回应："
                    "请写明针对它采取的整改措施和结果",
                )


class UnreportedPlan(Rule):
    """上一年度报告“下一年度安排”中的工作，今年的第一部分没有提到。

    上一年度说了明年要做的事，今年的“主要举措和成效”通常应有交代（做了什么、做到什么程度）；
    没有任何痕迹的，提示核对。按词义比较，阈值为 ``previous`` 数据表的 ``reported``（默认
    0.3）。只是提示：计划调整、并入其他工作都是常有的。需要 ``--previous``。
    """

    code = "Y202"
    needs_previous = True
    name = "unreported-plan"
    title = "上年安排未体现"
    severity = Severity.INFO
    summary = "上一年度“下一年度安排”中的工作在本年度第一部分没有体现"
    bad = "上一年度安排：三是深化“高效办成一件事”改革。\n本年度第一部分：只写了普法宣传和政务公开。"
    good = "上一年度安排：三是深化“高效办成一件事”改革。\n本年度第一部分：（三）推动高效办成一件事……"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        pair = _comparable(report, context)
        if pair is None:
            return
        from fzlint.rules.common.previous import achievements, points

        plans = [p for part in pair.previous.parts_of("plan") for p in points([*part.text, *_below(part)])]
        done = achievements(report)
        if not plans or not done:
            return
        line, column, end = _anchor(report, done)
        for plan in plans:
            if pair.coverage(plan, report, done) < pair.table["reported"]:
                yield self.diagnostic(
                    report,
                    line,
                    column,
                    end,
                    f"上一年度报告第 {plan.line + 1} 行的安排“{plan.quote}”在本年度的主要举措和成效中没有体现："
                    "如已开展请写明进展，如有调整请说明",
                )


def _below(section) -> list[Line]:
    return [ln for child in section.children for ln in child.lines()]


class CopiedFromPrevious(Rule):
    """段落几乎照抄上一年度报告。

    今年的段落与上一年度报告的某一段几乎相同（5 字片段重合 ``copied``，默认 80% 以上，段落
    至少 ``min_copy_length`` 字），多为复制旧稿未改。最要紧的是“存在的不足和原因”：连续两年
    写同样的问题，说明问题没有整改，评审最先指出，这里报告为错误；其他段落报告为警告。开头的
    固定套语（“现将有关情况报告如下”等，见 ``previous`` 数据表的 ``formulas``）不算。需要
    ``--previous``。
    """

    code = "Y203"
    needs_previous = True
    name = "copied-from-previous"
    title = "照抄上年报告"
    severity = Severity.ERROR
    summary = "段落照抄上一年度报告（“不足和原因”照抄为错误）"
    bad = "上一年度不足：一是法治宣传教育高频次覆盖不够……\n本年度不足：一是法治宣传教育高频次覆盖不够……"
    good = "上一年度不足：一是法治宣传教育高频次覆盖不够……\n本年度不足：一是案例式普法能力不足……"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        pair = _comparable(report, context)
        if pair is None:
            return
        table = pair.table
        from fzlint.rules.common.previous import shortcomings

        problem_lines = {ln.index for ln in shortcomings(report)}
        sources = _paragraph_shingles(pair.previous, table)
        index: dict[str, set[int]] = {}
        for number, (_, pieces) in enumerate(sources):
            for piece in pieces:
                index.setdefault(piece, set()).add(number)
        for line, pieces in _paragraph_shingles(report, table):
            counts: dict[int, int] = {}
            for piece in pieces:
                for number in index.get(piece, ()):
                    counts[number] = counts.get(number, 0) + 1
            if not counts:
                continue
            best = max(counts, key=lambda n: (counts[n], -n))
            if counts[best] / len(pieces) < table["copied"]:
                continue
            source = sources[best][0]
            where = "“存在的不足和原因”" if line.index in problem_lines else "这一段"
            found = self.diagnostic(
                report,
                line.index,
                line.body_column if line.marker else line.indent,
                None,
                f"{where}与上一年度报告第 {source.index + 1} 行几乎相同（{counts[best] / len(pieces):.0%} 重合）："
                + (_SAME_PROBLEMS if line.index in problem_lines else "请按今年的情况改写"),
            )
            yield found if line.index in problem_lines else softened(found)


_SAME_PROBLEMS = "连续两年写同样的问题，请写明今年的实际问题和原因"


def _paragraph_shingles(report: Report, table: dict) -> list[tuple[Line, set[str]]]:
    formulas = [similarity.compact(f) for f in table["formulas"]]
    found = []
    for line in report.lines:
        if line.kind not in (LineKind.TEXT, LineKind.HEADING):
            continue
        text = similarity.compact(line.body if line.marker else line.text)
        for formula in formulas:
            text = text.replace(formula, "")
        if len(text) >= table["min_copy_length"]:
            found.append((line, similarity.shingles(text)))
    return found


_NUMBER = regex.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9])")


class StaleCarryOver(Rule):
    """照抄上一年度报告的句子里，年份没有跟着改。

    今年的一句话与上一年度报告的某句几乎相同（数字以外的文字重合 ``stale_sentence``，默认
    85% 以上），其中的年份却原样照搬：上一年度写“2023年度问题的改进情况”，今年应写“2024
    年度”。只报告相对报告年度的年份（上一年度报告里的 N′−1、N′、N′+1），建议改为相应的
    今年的年份（不安全修复，请核对）。各部分标题里的年份已由 Y101 报告的，这里不重复。需要
    ``--previous``。
    """

    code = "Y204"
    needs_previous = True
    name = "stale-carry-over"
    title = "照抄年份未改"
    severity = Severity.ERROR
    summary = "照抄上一年度报告的句子中年份未改（如 2025 年报告中照抄的“2024年度”）"
    bad = "上一年度：（一）2023年度存在问题的改进情况\n本年度（2025）：（一）2023年度存在问题的改进情况"
    good = "上一年度：（一）2023年度存在问题的改进情况\n本年度（2025）：（一）2024年度存在问题的改进情况"
    defers_to = frozenset({"Y101"})

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        pair = _comparable(report, context)
        if pair is None or pair.current_year is None or pair.previous_year is None:
            return
        shift = pair.current_year.year - pair.previous_year.year
        if shift <= 0:
            return
        then = pair.previous_year.year
        relative = {then - 1, then, then + 1}
        kinds = (LineKind.TEXT, LineKind.HEADING)
        masked_previous = {_masked(ln.text): ln for ln in pair.previous.lines if ln.kind in kinds}
        sources = [(pieces, ln) for text, ln in masked_previous.items() if (pieces := similarity.shingles(text))]
        for line in report.lines:
            if line.kind not in (LineKind.TEXT, LineKind.HEADING):
                continue
            if not any(m.year in relative for m in year_mentions(line.text)):
                continue
            pieces = similarity.shingles(_masked(line.text))
            source = _best_source(pieces, sources, pair.table["stale_sentence"])
            if source is None:
                continue
            # The years of the two sentences, in order: the one left as it was is stale.
            here, there = list(year_mentions(line.text)), list(year_mentions(source.text))
            if len(here) != len(there):
                continue
            for mention, old in zip(here, there, strict=True):
                if mention.year == old.year and mention.year in relative:
                    yield self._stale(report, line, mention, shift, source)

    def _stale(self, report: Report, line: Line, mention, shift: int, source: Line) -> Diagnostic:
        start = mention.start
        end = start + len(str(mention.year)) if line.text[start : start + 4].isdigit() else mention.end
        corrected = mention.year + shift
        replacement = str(corrected) if line.text[start : start + 4].isdigit() else None
        fix = None
        if replacement is not None:
            edit = Edit(line.index + 1, start + 1, line.index + 1, end + 1, replacement)
            fix = Fix(edits=(edit,), message=f"改为 {corrected}", safe=False)
        return self.diagnostic(
            report,
            line.index,
            start,
            end,
            f"这句照抄自上一年度报告第 {source.index + 1} 行，年份“{mention.year}”没有改：应为“{corrected}”，请核对",
            fix=fix,
        )


def _masked(text: str) -> str:
    return similarity.compact(_NUMBER.sub("0", text))


def _best_source(pieces: set[str], sources: list[tuple[set[str], Line]], threshold: float) -> Line | None:
    if not pieces:
        return None
    best, score = None, 0.0
    for other, line in sources:
        shared = len(pieces & other) / max(len(pieces), len(other))
        if shared > score:
            best, score = line, shared
    return best if score >= threshold else None


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [UnaddressedProblem, UnreportedPlan, CopiedFromPrevious, StaleCarryOver, PreviousMismatch]
