"""Content the report must have (S107) and content it must not repeat (R101)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import SPACE, LineKind
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common.copies import RARE, SHINGLE, similar_pairs
from fzlint.rules.common.text import compact_body, normalise, sentences

_SHINGLE = SHINGLE
_COPIED_SENTENCE_MIN = 15
_RARE = RARE


class MissingResponsibility(Rule):
    """全文没有写党政主要负责人履行推进法治建设第一责任人职责的情况。

    《法治政府建设与责任落实督察工作规定》要求年度报告写明“党政主要负责人履行推进法治建设
    第一责任人职责，加强法治政府建设的有关情况”，通常作为第一部分的一个小标题或一段。
    只写“书面述法”“一把手讲法”而不说明主要负责人如何履行第一责任人职责，审核时常被要求
    补充。措辞可以变化（“主要负责人严格履行推进法治建设第一责任人职责”等），识别用的
    模式在 ``rules/data/content.toml``，可在配置中扩充。
    """

    code = "S107"
    name = "missing-responsibility"
    title = "未写第一责任人职责"
    severity = Severity.WARNING
    summary = "未写党政主要负责人履行推进法治建设第一责任人职责的情况"
    bad = "一、主要举措和成效\n（一）加强学习……\n（二）推进依法决策……"
    good = (
        "一、主要举措和成效\n（一）党政主要负责人履行推进法治建设第一责任人职责情况。"
        "局主要负责人带头学法述法，亲自部署重要工作……"
    )

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        patterns = [regex.compile(p) for p in context.data("content")["responsibility"]["patterns"]]
        text = "\n".join(
            ln.text
            for ln in report.lines
            if ln.kind not in (LineKind.CHROME, LineKind.TAIL, LineKind.BLANK, LineKind.COMMENT)
        )
        if any(p.search(text) for p in patterns):
            return
        anchor = report.parts[0].heading if report.parts else report.title
        if anchor is None:
            anchor = next((ln for ln in report.lines if ln.kind is LineKind.TEXT), report.lines[0])
        end = anchor.heading_end if anchor.kind is LineKind.HEADING else None
        yield self.diagnostic(
            report,
            anchor.index,
            anchor.indent,
            end,
            "全文没有写党政主要负责人履行推进法治建设第一责任人职责的情况：请在第一部分增加一段，"
            "说明主要负责人如何履行第一责任人职责（部署、协调、督促、述法等）",
        )


@dataclass(slots=True)
class Paragraph:
    line: int
    start: int
    end: int
    compact: str
    label: str = ""  # the field label it opens with (三级标题：…), compacted


# A field label: a few words before a colon at the start of the paragraph (三级标题：,
# 四级及以下标题：, 行政复议：), the shape of a format specification's or a form's entries.
# Compiled on first use (its CJK class costs ~1 ms), and tried only where a colon stands
# within the first eleven characters, as every label's does.
@cache
def _label() -> re.Pattern[str]:
    return regex.compile(r"^[\u4e00-\u9fffA-Za-z0-9（）()]{2,10}[：:]")


def _label_of(text: str) -> re.Match[str] | None:
    head = text[:11]
    return _label().match(text) if "：" in head or ":" in head else None


def _paragraphs(report: Report, min_length: int = 0, context: Context | None = None) -> list[Paragraph]:
    """The text and heading lines with running text, compacted; those shorter than
    ``min_length`` compacted left out (compacting only removes, so a short line is skipped
    before it is compacted). With ``context`` each body is compacted once per report."""
    found = []
    text_kinds = (LineKind.TEXT, LineKind.HEADING)
    for line in report.lines:
        if line.kind not in text_kinds:
            continue
        body = line.body
        if len(body) < min_length or not body.strip(SPACE):
            continue
        compact = normalise(body) if context is None else compact_body(line, context)
        if len(compact) < min_length:
            continue
        start = line.body_column
        end = len(line.text.rstrip(SPACE))
        label = _label_of(body.lstrip(SPACE))
        found.append(Paragraph(line.index, start, end, compact, normalise(label.group(0)) if label else ""))
    return found


def _parallel(one: Paragraph, other: Paragraph) -> bool:
    """Entries of a list that share their wording under different labels (三级标题：楷体…，
    四级及以下标题：仿宋…) are parallel, not a paragraph pasted twice; the same body under
    another label still is a copy."""
    if not one.label or not other.label or one.label == other.label:
        return False
    return one.compact[len(one.label) :] != other.compact[len(other.label) :]


def _similar_pairs(paragraphs: list[Paragraph], threshold: float) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, similarity) for each paragraph that copies an earlier one (copies.py)."""
    return similar_pairs(paragraphs, threshold, _parallel)  # type: ignore[arg-type]


class DuplicateParagraph(Rule):
    """同一段话在报告里出现了两次，或“改进情况”照抄了“不足和原因”的句子。

    拼接旧稿、多人分头起草时，常把同一段落粘贴两遍；“上一年度问题的改进情况”照抄
    “不足和原因”的句子，等于没写改进了什么。本规则忽略空白和标点，比较 30 字以上的段落
    （按 5 字片段的重合比例，能发现个别字词改动过的近似重复），并逐句比对改进情况与不足
    和原因。以不同字段名开头的并列条目（格式规范的“三级标题：……”“四级及以下标题：……”）
    措辞相近是正常的，不算重复；同一内容换个字段名再写一遍仍算。长度和相似度阈值可用
    配置项 ``duplicate-min-length`` / ``duplicate-similarity`` 调整。
    """

    code = "R101"
    name = "duplicate-paragraph"
    title = "段落重复"
    severity = Severity.ERROR
    summary = "段落重复出现，或“改进情况”照抄“不足和原因”"
    bad = (
        "二、存在的问题\n（一）2024年度存在问题的改进情况\n"
        "一是基层一线人员法治培训覆盖不够，学习频次偏少。\n"
        "（二）2025年度存在的不足和原因\n一是基层一线人员法治培训覆盖不够，学习频次偏少。"
    )
    good = (
        "二、存在的问题\n（一）2024年度存在问题的改进情况\n"
        "针对基层一线人员法治培训覆盖不够的问题，今年开展专题培训12场……\n"
        "（二）2025年度存在的不足和原因\n一是新业态法律风险研判能力有待加强。"
    )

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        settings = context.settings
        paragraphs = _paragraphs(report, settings.duplicate_min_length, context)
        reported: set[int] = set()
        for later, earlier, similarity in _similar_pairs(paragraphs, settings.duplicate_similarity):
            paragraph = paragraphs[later]
            reported.add(paragraph.line)
            kind = "重复" if similarity >= 0.999 else f"几乎相同（重合 {similarity:.0%}）"
            yield self.diagnostic(
                report,
                paragraph.line,
                paragraph.start,
                paragraph.end,
                f"这一段与第 {paragraphs[earlier].line + 1} 行的段落{kind}：请删除重复的一段，或改写成不同的内容",
            )
        yield from self._copied_improvement(report, reported)

    def _copied_improvement(self, report: Report, reported: set[int]) -> Iterator[Diagnostic]:
        shortcomings: dict[str, int] = {}
        for section in report.sections_of("shortcomings"):
            for line in section.lines():
                for sentence in sentences(line.body):
                    compact = normalise(sentence.text)
                    if len(compact) >= _COPIED_SENTENCE_MIN:
                        shortcomings.setdefault(compact, line.index)
        if not shortcomings:
            return
        for section in report.sections_of("improvement"):
            for line in section.lines():
                if line.index in reported:
                    continue
                for sentence in sentences(line.body, line.body_column):
                    source = shortcomings.get(normalise(sentence.text))
                    if source is None:
                        continue
                    yield self.diagnostic(
                        report,
                        line.index,
                        sentence.start,
                        sentence.end,
                        f"“改进情况”中的这句话照抄了第 {source + 1} 行“不足和原因”的原句："
                        "请改写为针对该问题采取的整改措施和取得的结果",
                    )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [MissingResponsibility, DuplicateParagraph]
