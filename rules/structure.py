"""S1xx: the mandated structure of the report (parts and part-two subsections)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.outline import Report, Section
from fzlint.parse.parts import MANDATED
from fzlint.rule import Context, Rule
from fzlint.rules.common.text import clip, compact_body

ORDINAL = {"achievements": "第一部分", "problems": "第二部分", "plan": "第三部分"}
_PUNCT = regex.compile(r"[\s\W_]+")
SHORTCOMING_WORDS = regex.compile(r"不足|问题|差距|短板|薄弱|有待|仍需|尚需|还需|欠缺|不够")


def _label(report: Report, kind: str) -> str:
    return report.keywords.label(kind)


def _heading_span(section: Section) -> tuple[int, int, int]:
    line = section.heading
    return line.index, line.indent, line.heading_end


class MissingPart(Rule):
    """报告缺少法定三部分之一。

    《法治政府建设与责任落实督察工作规定》要求年度报告写明：上一年度的主要举措和成效、
    存在的不足和原因、下一年度的主要安排。本规则按标题的意思识别各部分（“主要工作情况”
    “工作总结”“总体情况”都算第一部分），缺哪一部分就报告哪一部分。一个标题合并了两部分
    （如“存在问题及下一步工作思路”）时两部分都算存在，由 S106 另行提示。
    """

    code = "S101"
    name = "missing-part"
    title = "缺少法定部分"
    severity = Severity.ERROR
    summary = "缺少法定的三部分之一（主要举措和成效 / 存在的不足和原因 / 下一年度安排）"
    bad = "一、2025年主要举措和成效\n……\n二、存在的不足和原因\n……\n（报告到此结束，没有下一年度安排）"
    good = "一、2025年主要举措和成效\n……\n二、存在的不足和原因\n……\n三、2026年工作安排\n……"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        present = {kind for part in report.parts for kind in part.kinds}
        # Part one organised by topics (一、坚持党的全面领导 二、完善政府机构职能体系…): the
        # grammar parsed the run of topic headings as part one.
        none_found = not present & set(MANDATED)
        if report.group("part_one"):
            present.add("achievements")
        hint = "（本报告的一级标题都不是法定部分）" if none_found and report.parts else ""
        for position, kind in enumerate(MANDATED):
            if kind in present:
                continue
            line, column, end = self._where(report, position, none_found)
            label = _label(report, kind)
            yield self.diagnostic(
                report,
                line,
                column,
                end,
                f"缺少{ORDINAL[kind]}“{label}”{hint}：请按规定增加以“{label}”为内容的一级标题及正文",
            )

    @staticmethod
    def _where(report: Report, position: int, none_found: bool) -> tuple[int, int, int | None]:
        """The part after the missing one, else the end of the body, else the title."""
        later = [
            p
            for p in report.parts
            if any(MANDATED.index(k) > position for k in p.kinds if k in MANDATED) and p.role != "topic"
        ]
        if later:
            return _heading_span(later[0])
        if report.parts and not none_found:
            last = report.parts[-1].last_index
            return last, 0, None
        anchor = report.title or (report.opening[0] if report.opening else None)
        if anchor is None and report.parts:
            anchor = report.parts[0].heading
        return (anchor.index, anchor.indent, None) if anchor else (0, 0, None)


class PartOrder(Rule):
    """三部分的顺序不对。

    规定的顺序是：主要举措和成效 → 存在的不足和原因 → 下一年度安排。顺序颠倒（例如
    先写下一年度安排再写存在问题）会被审核退回。
    """

    code = "S102"
    name = "part-order"
    title = "法定部分顺序错误"
    severity = Severity.ERROR
    summary = "法定三部分的先后顺序不符合规定"
    bad = "一、主要举措和成效\n二、2026年工作安排\n三、存在的不足和原因"
    good = "一、主要举措和成效\n二、存在的不足和原因\n三、2026年工作安排"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        """The grammar parsed a mandated part that comes after a later one as ``misplaced``."""
        for part in report.parts:
            if part.role != "misplaced":
                continue
            ranks = sorted(MANDATED.index(k) for k in part.kinds if k in MANDATED)
            earlier = [p for p in report.parts[: report.parts.index(part)] if p.role != "misplaced"]
            later = max((MANDATED.index(k) for p in earlier for k in p.kinds if k in MANDATED), default=ranks[-1])
            kind, before = MANDATED[ranks[0]], MANDATED[max(later, ranks[0])]
            line, column, end = _heading_span(part)
            yield self.diagnostic(
                report,
                line,
                column,
                end,
                f"“{_label(report, kind)}”应位于“{_label(report, before)}”之前："
                f"请按“主要举措和成效、存在的不足和原因、下一年度安排”的顺序调整",
            )


class MissingImprovement(Rule):
    """第二部分没有“上一年度问题的改进情况”。

    年度报告应说明上一年度报告指出的问题改进得怎样，通常写作第二部分的第一个小标题
    “（一）上一年度（N−1年）存在问题的改进情况”。照搬旧稿或把第二、三部分合并时最容易漏掉。
    """

    code = "S103"
    name = "missing-improvement"
    title = "缺少改进情况"
    severity = Severity.ERROR
    summary = "缺少“上一年度问题的改进情况”"
    bad = "二、存在的问题\n一是……二是……"
    good = (
        "二、存在的问题\n（一）2024年度存在问题的改进情况\n针对上一年度指出的……问题，我局……\n"
        "（二）2025年度存在的不足和原因\n一是……"
    )

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        problems = report.parts_of("problems")
        if not problems or report.sections_of("improvement"):
            return
        if any(p.improvement_notes or _reports_improvement(p) for p in problems):
            return  # a paragraph of part two (or its run-in heading) gives last year's improvement
        if any(report.keywords.section_kind(p.title) == "improvement" and _addresses_last_year(p) for p in problems):
            return  # the part's own heading names the improvement and its text gives it
        line, column, end = _heading_span(problems[0])
        yield self.diagnostic(
            report,
            line,
            column,
            end,
            "第二部分缺少“上一年度问题的改进情况”：请增加小标题“（一）上一年度存在问题的改进情况”，"
            "逐条说明上一年度报告所列问题的整改结果",
        )


# Words by which a text speaks of last year's problems and what became of them.
_LAST_YEAR = regex.compile(r"上一?年度?|上年|去年|[0-9]{4}年度?[^。；]{0,12}(问题|不足)|整改|改进|已解决|得到解决")


# A sentence that reports what became of last year's problems (上一年度…问题…已整改).
_IMPROVEMENT_SENTENCE = regex.compile(
    r"(上一?年度?|上年度?|去年|[0-9]{4}年度?)[^。；;]{0,30}(问题|不足)[^。]{0,40}(整改|改进)"
)


def _reports_improvement(part: Section) -> bool:
    """Part two's own text (run-in body and paragraphs, not subsections) reports on last
    year's problems: the improvement is there without a subheading of its own."""
    own = "\n".join([part.heading.body, *(line.body for line in part.text)])
    return bool(_IMPROVEMENT_SENTENCE.search(own))


def _addresses_last_year(part: Section) -> bool:
    """Whether a part (named 改进情况) says anything about last year's problems beyond its
    heading: otherwise the heading promises an improvement section the text does not give."""
    return bool(_LAST_YEAR.search(part.body_text()))


class UnfilledImprovement(Rule):
    """“改进情况”一节有标题但没有写实。

    空着、只写“略”“暂无”“XX”、寥寥一句，或者把“不足和原因”原样复制过来，都等于没有说明
    上一年度的问题改进了什么。最短字数可用配置 ``improvement-min-length`` 调整。
    """

    code = "S104"
    name = "unfilled-improvement"
    title = "改进情况未填写"
    severity = Severity.ERROR
    summary = "“上一年度问题的改进情况”为空、是占位符、过短或照抄其他章节"
    bad = "（一）2024年度存在问题的改进情况\n略。"
    good = (
        "（一）2024年度存在问题的改进情况\n针对2024年度报告指出的“法治宣传覆盖不够”问题，"
        "我局今年开展专题普法12场，覆盖基层一线人员800余人次……"
    )

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        minimum = context.settings.improvement_min_length
        placeholders = context.data("placeholders")  # shared with T103
        others = [s for s in report.sections() if "improvement" not in s.kinds and s.depth > 1]
        compacts: dict[int, str] = {}  # each section's text is compacted once, not once per comparison
        pairs_left = TWIN_MAX_PAIRS

        def compact_of(section: Section) -> str:
            """``_PUNCT.sub("", section.body_text())``, built from the children's compacts:
            deleting characters commutes with joining, so each line is compacted once however
            deep it sits (body_text joins with "\n", which _PUNCT deletes too)."""
            if id(section) not in compacts:
                # compact_body is _PUNCT.sub("", body): both delete exactly the [\W_] characters
                pieces = [compact_body(section.heading, context), *(compact_body(ln, context) for ln in section.text)]
                for child in section.children:
                    pieces += (_PUNCT.sub("", child.heading.heading), compact_of(child))
                compacts[id(section)] = "".join(pieces)
            return compacts[id(section)]

        def twin_of(text: str) -> Section | None:
            nonlocal pairs_left
            for other in others:
                if pairs_left <= 0:
                    return None
                pairs_left -= 1
                if _similar(text[:TWIN_MAX_CHARS], compact_of(other)[:TWIN_MAX_CHARS]):
                    return other
            return None

        for section in report.sections_of("improvement"):
            text = section.body_text().strip()
            compact = _PUNCT.sub("", text)
            line, column, end = _heading_span(section)
            bare = text.strip(" \t\u3000\n。.；;，,")
            if not bare:
                message = "“改进情况”一节没有内容：请逐条写明上一年度问题的整改措施和结果"
            elif _is_placeholder(text, compact, placeholders):
                message = f"“改进情况”一节只有占位内容“{clip(text, 12)}”：请写明上一年度问题的整改措施和结果"
            elif len(compact) < minimum:
                message = (
                    f"“改进情况”一节只有 {len(compact)} 个字，"
                    f"不足以说明改进了什么（至少 {minimum} 字）：请逐条写明整改措施和结果"
                )
            else:
                twin = twin_of(compact)
                if twin is None:
                    continue
                message = (
                    f"“改进情况”一节与第 {twin.heading.index + 1} 行"
                    f"“{clip(twin.title, 16)}”内容几乎相同："
                    "请改写为上一年度问题的整改措施和结果，不要照抄"
                )
            # T103 defers to this finding for every line of the section.
            covers = (section.heading.index, section.last_index)
            yield self.diagnostic(report, line, column, end, message, covers=covers)


def _is_placeholder(text: str, compact: str, table: dict) -> bool:
    """The section is only a placeholder (略, 暂无, XX …) or still carries one (【待补充】)."""
    from fzlint.rules.common.placeholders import find_placeholders

    whole = {*table.get("whole", []), *table.get("weak_whole", [])}
    return compact in whole or bool(find_placeholders(text, table))


# SequenceMatcher.ratio is quadratic in the text length and every improvement
# section is compared with every other section, so both are bounded: a long
# report (or 20,000 headings) must not turn S104 into minutes of work.
TWIN_MAX_CHARS = 4000  # compare at most this many characters of each section
TWIN_MAX_PAIRS = 20_000  # pairs compared per report; beyond it no twin is reported


def _similar(a: str, b: str) -> bool:
    """difflib's ratio() >= 0.8, with its two upper bounds checked first, and cheaply.

    real_quick_ratio (lengths) and quick_ratio (shared characters as multisets, here
    from C-counted Counters) never underestimate ratio(), so when either is below 0.8
    the answer is no without building a SequenceMatcher; nor does the bound before
    quick_ratio underestimate quick_ratio. Same formula as difflib's, so the result is
    exactly ``quick_ratio() >= 0.8 and ratio() >= 0.8``.
    """
    if not a or not b:
        return False
    length = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / length < 0.8:
        return False
    counts_a, counts_b = _char_counts(a), _char_counts(b)
    # The shared count is at most either side's count of the characters both have (a C set
    # intersection and sums, no loop per character): on real reports this already says no.
    common = counts_a.keys() & counts_b.keys()
    if 2.0 * min(sum(map(counts_a.__getitem__, common)), sum(map(counts_b.__getitem__, common))) / length < 0.8:
        return False
    if len(counts_b) < len(counts_a):
        counts_a, counts_b = counts_b, counts_a  # the sum is symmetric: loop over the fewer
    shared = 0  # Σ min(count in a, count in b); a plain loop is ~2.5x the genexpr with min()
    other = counts_b.get
    for ch, n in counts_a.items():
        m = other(ch)
        if m:
            shared += n if n < m else m
    if 2.0 * shared / length < 0.8:
        return False
    from difflib import SequenceMatcher  # only here: most comparisons stop at the bounds above

    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


@lru_cache(maxsize=256)
def _char_counts(text: str) -> Counter[str]:
    return Counter(text)


class MissingShortcomings(Rule):
    """第二部分没有写本年度存在的不足和原因。

    第二部分只写了上一年度问题的改进情况、没有分析本年度的不足和原因，是常见的退回理由。
    第二部分的正文（改进情况以外）只要谈到不足、问题、差距、短板等，就视为已写。
    """

    code = "S105"
    name = "missing-shortcomings"
    title = "缺少不足和原因"
    severity = Severity.ERROR
    summary = "第二部分缺少本年度存在的不足和原因"
    bad = "二、存在的问题\n（一）2024年度问题的改进情况\n……（到此为止）"
    good = "二、存在的问题\n（一）2024年度问题的改进情况\n……\n（二）2025年度存在的不足和原因\n一是……"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        for part in report.parts_of("problems"):
            if any("shortcomings" in s.kinds for s in part.walk()):
                continue
            own = [part.heading.body, *(ln.body for ln in part.text)]
            own += [c.heading.heading + c.body_text() for c in part.children if "improvement" not in c.kinds]
            if SHORTCOMING_WORDS.search("\n".join(own)):
                continue
            line, column, end = _heading_span(part)
            yield self.diagnostic(
                report,
                line,
                column,
                end,
                "第二部分没有写本年度存在的不足和原因：请增加“（二）本年度存在的不足和原因”并分析原因",
            )


class MergedParts(Rule):
    """一个一级标题同时承担了两个法定部分。

    例如“二、存在问题及下一步工作思路”把“存在的不足和原因”和“下一年度安排”并成一节，
    读者难以分清哪些是问题、哪些是安排，也常常因此漏写改进情况。请拆成两个一级标题。
    """

    code = "S106"
    name = "merged-parts"
    title = "法定部分合并"
    severity = Severity.WARNING
    summary = "一个标题合并了两个法定部分，应拆分"
    bad = "二、存在问题及下一步工作思路"
    good = "二、存在的不足和原因\n……\n三、2024年工作安排\n……"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        for part in report.parts:
            kinds = [k for k in MANDATED if k in part.kinds]
            if len(kinds) < 2:
                continue
            names = "”和“".join(_label(report, k) for k in kinds)
            line, column, end = _heading_span(part)
            yield self.diagnostic(
                report,
                line,
                column,
                end,
                f"标题“{part.title}”合并了“{names}”：请拆分为各自独立的一级标题",
            )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [MissingPart, PartOrder, MissingImprovement, UnfilledImprovement, MissingShortcomings, MergedParts]
