"""N1xx: heading numbers (GB/T 9704 levels) and inline enumerations (一是…二是…)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import Line, Marker
from fzlint.parse.numerals import cn_to_int, int_to_cn
from fzlint.parse.outline import Report, Section
from fzlint.rule import Context, Rule
from fzlint.rules.common.siblings import siblings as _siblings

LEVEL_NAMES = {
    1: "一级（一、）",
    2: "二级（（一））",
    3: "三级（1.）",
    4: "四级（（1））",
    5: "五级（①）",
}
STANDARD_FORM = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}


def _numeral(level: int, number: int) -> str:
    if level in (1, 2):
        return int_to_cn(number)
    if level == 5:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[number - 1] if number <= 20 else str(number)
    return str(number)


def _numeral_span(marker: Marker) -> tuple[int, int]:
    """Columns of the number inside a marker such as （十二）."""
    text = marker.text
    start = next(i for i, ch in enumerate(text) if ch not in "（(")
    end = start
    while end < len(text) and text[end] not in "）)、，,.．：:":
        end += 1
    return marker.start + start, marker.start + end


class HeadingSequence(Rule):
    """同一层级的标题序号跳号、重号或重新从头编号。

    同一上级标题之下，同级标题应依次编号：一、二、三……或（一）（二）（三）……。
    跳号（一、二、四、）、重号（（一）（二）（二））多是增删段落后忘了改号。修复（不安全，
    需 ``--unsafe-fixes``）按位置重新编号。

    常见的写法不算断号：跳过一层（“二、”下直接 1. 2. 3.，由 N103 提示）、三级序号跨
    （一）（二）连续编号（（一）1. 2.（二）3. 4.）、第一项写在引导语同一行（“附件：1．……”
    下一行起 2． 3．）、“备注：”这类引导行之后重新从 1 编号。
    """

    code = "N101"
    name = "heading-sequence"
    title = "标题序号不连续"
    severity = Severity.ERROR
    summary = "同级标题序号跳号、重号或重新编号"
    bad = "一、主要举措和成效\n二、存在的不足和原因\n四、下一年度安排"
    good = "一、主要举措和成效\n二、存在的不足和原因\n三、下一年度安排"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        for siblings in _siblings(report):
            yield from self._check_group(report, siblings.sections, siblings.offset)

    def _check_group(self, report: Report, group: list[Section], offset: int) -> Iterator[Diagnostic]:
        level = _marker(group[0]).level
        numbers = [_marker(s).number for s in group]
        # A break is a number that follows neither its predecessor nor its position, so
        # 一、二、四、五 and 一、二、二、四 are each reported once, at the heading to renumber.
        breaks = [i for i, n in enumerate(numbers) if n != offset + i + 1 and (i == 0 or n != numbers[i - 1] + 1)]
        for order, index in enumerate(breaks):
            stop = breaks[order + 1] if order + 1 < len(breaks) else len(group)
            section, marker = group[index], _marker(group[index])
            target = _numeral(level, offset + index + 1)
            edits = []
            for position in range(index, stop):
                other = _marker(group[position])
                if other.number != offset + position + 1:
                    start, end = _numeral_span(other)
                    line = group[position].heading.index
                    edits.append(Edit(line + 1, start + 1, line + 1, end + 1, _numeral(level, offset + position + 1)))
            rest = "并顺延其后的序号" if len(edits) > 1 else ""
            fix = Fix(edits=tuple(edits), message=f"按顺序重新编号：{marker.text}→{target}", safe=False)
            yield self.diagnostic(
                report,
                section.heading.index,
                marker.start,
                marker.end,
                f"{LEVEL_NAMES[level]}标题序号“{marker.text}”{_what(level, numbers, index)}：请改为“{target}”{rest}",
                fix=fix,
            )


def _marker(section: Section) -> Marker:
    assert section.heading.marker is not None
    return section.heading.marker


def _what(level: int, numbers: list[int], index: int) -> str:
    """Why ``numbers[index]`` breaks the sequence, in words."""
    number = numbers[index]
    if index == 0:
        return f"不是从“{_numeral(level, 1)}”开始"
    previous = numbers[index - 1]
    if number == previous:
        return f"与上一个标题重号（都是“{_numeral(level, number)}”）"
    if number > previous:
        missing = "、".join(_numeral(level, n) for n in range(previous + 1, number))
        return f"跳号：上一个是“{_numeral(level, previous)}”，缺少“{missing}”"
    if number == 1:
        return f"在“{_numeral(level, previous)}”之后重新从“{_numeral(level, 1)}”编号"
    return f"顺序倒退：上一个是“{_numeral(level, previous)}”"


class HeadingStyle(Rule):
    """标题序号的写法不合 GB/T 9704，或同一层级混用不同写法。

    党政机关公文的层次序数依次为“一、”“（一）”“1.”“（1）”：括号序号后不加标点（不写
    “（一）、”），阿拉伯数字后用下脚点“.”（排版稿中的“．”也接受），不用“1、”“1，”。
    同一层级应统一写法，不要（一）与(一)混用。全篇一致使用半角括号的情况归入标点检查。
    """

    code = "N102"
    name = "heading-style"
    title = "标题序号写法不规范"
    severity = Severity.WARNING
    summary = "标题序号写法不规范，或同级混用多种写法"
    bad = "（一）、加强学法用法\n1、完善制度"
    good = "（一）加强学法用法\n1.完善制度"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        headings = [s.heading for s in report.sections()]
        styles: dict[int, Counter[str]] = {}
        for line in headings:
            assert line.marker is not None
            styles.setdefault(line.marker.level, Counter())[line.marker.style] += 1
        for line in headings:
            marker = line.marker
            assert marker is not None
            problem = _nonstandard(marker)
            if problem:
                yield self._diag(report, line, f"标题序号“{marker.text}”{problem}", marker)
                continue
            counts = styles[marker.level]
            if len(counts) > 1:
                majority, _ = counts.most_common(1)[0]
                if marker.style != majority and counts[marker.style] < counts[majority]:
                    yield self._diag(
                        report,
                        line,
                        f"{LEVEL_NAMES[marker.level]}标题混用写法：本篇多用“{majority}”，这里是“{marker.style}”",
                        marker,
                    )

    def _diag(self, report: Report, line: Line, message: str, marker: Marker) -> Diagnostic:
        return self.diagnostic(
            report,
            line.index,
            marker.start,
            marker.end,
            f"{message}：请统一为 GB/T 9704 的“{STANDARD_FORM[marker.level]}”形式",
        )


def _nonstandard(marker: Marker) -> str | None:
    """Why a marker breaks the standard form (ignoring half-width brackets: see P101)."""
    style = marker.style
    if marker.level in (2, 4) and style[-1] not in "）)":
        return f"的括号后多了“{style[-1]}”（括号序号后不加标点）"
    if marker.level == 1 and not style.endswith("、"):
        return f"用了“{style[-1]}”（一级序号后应为顿号“、”）"
    if marker.level == 3:
        if not style[0].isascii():
            return "用了全角数字"
        if style[-1] not in ".．":
            return f"用了“{style[-1]}”（阿拉伯数字序号后应为下脚点“.”）"
    return None


class HeadingLevel(Rule):
    """跳过了一级标题层次。

    层次应逐级使用：“一、”之下用“（一）”，“（一）”之下用“1.”。在“一、”下直接写“1.”
    会让读者以为漏了一层，审核时通常要求补齐或改用上一级序号。
    """

    code = "N103"
    name = "heading-level"
    title = "标题层次跳级"
    severity = Severity.WARNING
    summary = "标题层次跳级（如“一、”下直接用“1.”）"
    bad = "一、主要举措和成效\n1.加强学法用法"
    good = "一、主要举措和成效\n（一）加强学法用法"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        has_top = any(s.heading.marker and s.heading.marker.level == 1 for s in report.parts)
        for section in report.sections():
            marker = section.heading.marker
            assert marker is not None
            if section.parent is not None:
                parent_level = section.parent.heading.marker.level  # type: ignore[union-attr]
            elif has_top and marker.level > 1:
                parent_level = 0  # an orphan sub-heading before the first part
            else:
                continue
            if marker.level > parent_level + 1:
                expected = STANDARD_FORM[parent_level + 1]
                above = "文档开头"
                if section.parent is not None:
                    above = f"上级标题“{_marker(section.parent).text}”"
                yield self.diagnostic(
                    report,
                    section.heading.index,
                    marker.start,
                    marker.end,
                    f"{above}之下直接用了{LEVEL_NAMES[marker.level]}序号“{marker.text}”，跳过了一层："
                    f"请改用“{expected}”形式的序号",
                )


# -- inline enumerations ---------------------------------------------------------

_SENTENCE_START = "。；;！!？?：:，,"
_NUMERAL_CHARS = "一二三四五六七八九十"
_LEADING_NUMERAL = regex.compile(f"[ \u3000\t]*[{_NUMERAL_CHARS}]")
_OPENING_NUMERAL = regex.compile(f"(?<=[{re.escape(_SENTENCE_START)}])[ \u3000\t]*[{_NUMERAL_CHARS}]")
_ENUMERATOR = regex.compile(r"([一二三四五六七八九十]{1,3})是")
_MALFORMED = regex.compile(r"([一二三四五六七八九十]{1,3})(?=[\u4e00-\u9fff])")
# Every _ENUMERATOR match holds a numeral followed by 是: one C scan rules a line out.
_NUMERAL_IS = regex.compile(r"[一二三四五六七八九十]是")


@dataclass(frozen=True)
class NotEnumerators:
    """What a numeral at a sentence start may begin without being a lost-是 enumerator
    (``rules/data/enumeration.toml``: 二十届, 三中全会, 三公经费, 四风…)."""

    next_chars: frozenset[str]
    terms: tuple[str, ...]

    @classmethod
    def from_context(cls, context: Context) -> NotEnumerators:
        table = context.data("enumeration")
        return cls(frozenset(str(table.get("next_chars", ""))), tuple(table.get("terms", [])))

    def excludes(self, text: str, start: int, end: int) -> bool:
        following = text[end] if end < len(text) else ""
        return following in self.next_chars or text.startswith(self.terms, start)


@dataclass(frozen=True, slots=True)
class Enumerator:
    line: Line
    column: int
    end: int
    number: int
    malformed: bool


def _at_sentence_start(text: str, index: int, start: int) -> bool:
    """Whether ``text[index]`` opens a sentence (what ``_numeral_starts`` enumerates)."""
    cursor = index - 1
    while cursor >= start and text[cursor] in " \u3000\t":
        cursor -= 1
    return cursor < start or text[cursor] in _SENTENCE_START


def _enumerator_value(numeral: str) -> int:
    """The number an enumerator counts, 0 unless written as a count is (三, 十二; not 二二)."""
    value = cn_to_int(numeral) or 0
    return value if 0 < value < 100 and int_to_cn(value) == numeral else 0


def scoped_enumerators(report: Report, context: Context) -> list[list[Enumerator]]:
    """``enumerators`` of each of the report's scopes; N104 and N105 share one pass."""
    exclusions = NotEnumerators.from_context(context)
    return context.facts.get(
        ("enumerators", exclusions), lambda: [list(enumerators(scope, exclusions)) for scope in report.scopes()]
    )


def _numeral_starts(text: str, start: int) -> Iterator[int]:
    """Columns from ``start`` on where a numeral opens a sentence (``_at_sentence_start``):
    first after ``start`` itself, then after each sentence mark, spaces skipped; in order."""
    first = _LEADING_NUMERAL.match(text, start)
    last = -1
    if first is not None:
        last = first.end() - 1
        yield last
    for found in _OPENING_NUMERAL.finditer(text, start):
        if found.end() - 1 > last:  # a mark just before ``start`` finds the first again
            yield found.end() - 1


def enumerators(scope: list[Line], exclusions: NotEnumerators) -> Iterator[Enumerator]:
    """一是/二是… (and lost-是 candidates such as 二深化) at sentence starts, in order."""
    expected_next = 1
    for line in scope:
        text, start = line.text, line.body_column
        if expected_next == 1 and _NUMERAL_IS.search(text, start) is None:
            continue  # no 一是 can match, and a lost 是 is looked for only after a first item
        index = start
        for candidate in _numeral_starts(text, start):
            if candidate < index:
                continue  # inside the enumerator just found
            index = candidate
            match = _ENUMERATOR.match(text, index)
            number = _enumerator_value(match.group(1)) if match else 0
            if match and number:
                yield Enumerator(line, index, match.end(), number, False)
                expected_next = number + 1
                index = match.end()
                continue
            loose = _MALFORMED.match(text, index)
            if loose and expected_next > 1:
                number = _enumerator_value(loose.group(1))
                if number == expected_next and not exclusions.excludes(text, index, loose.end()):
                    yield Enumerator(line, index, loose.end(), number, True)
                    expected_next = number + 1
                    index = loose.end()
                    continue
            index += 1


class EnumerationSequence(Rule):
    """“一是、二是、三是”的列举跳号或重号。

    一段列举应连续：一是、二是、三是……。删改时删掉了“三是”那一条的开头，或复制时
    多出一个“二是”，读者会以为漏了内容。一个新的“一是”开始新的列举。
    """

    code = "N104"
    name = "enumeration-sequence"
    title = "列举序号不连续"
    severity = Severity.ERROR
    summary = "“一是、二是……”列举跳号或重号"
    bad = "一是坚持开展年度述法工作。二是加强领导干部学法考法。四是严格落实普法责任制。"
    good = "一是坚持开展年度述法工作。二是加强领导干部学法考法。三是严格落实普法责任制。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        for items in scoped_enumerators(report, context):
            previous = 0
            for item in items:
                if item.number == 1:
                    previous = 1
                    continue
                if previous and item.number != previous + 1:
                    yield self.diagnostic(
                        report, item.line.index, item.column, item.end, _sequence_message(previous, item.number)
                    )
                previous = item.number


def _sequence_message(previous: int, number: int) -> str:
    before, here, expected = (f"{int_to_cn(n)}是" for n in (previous, number, previous + 1))
    if number > previous + 1:
        missing = "、".join(f"{int_to_cn(n)}是" for n in range(previous + 1, number))
        return (
            f"列举序号不连续：“{before}”之后直接是“{here}”，缺少“{missing}”：请补上漏写的一条，或把这里改为“{expected}”"
        )
    what = "重号" if number == previous else "顺序倒退"
    return f"列举序号不连续：“{before}”之后又出现“{here}”（{what}）：请把这里改为“{expected}”"


class MalformedEnumerator(Rule):
    """列举序号丢了“是”字，如“二深化……”。

    在“一是……”之后，句首的“二深化”“三推行”几乎总是“二是深化”“三是推行”漏了“是”。
    修复会补上“是”。只有紧接在同一列举的上一条之后、序号正好连续时才提示，
    “二十届”“三中全会”“一件事”之类不会误报。
    """

    code = "N105"
    name = "malformed-enumerator"
    title = "列举序号缺“是”"
    severity = Severity.ERROR
    summary = "列举序号漏了“是”（如“二深化”应为“二是深化”）"
    bad = "一是提升法治宣传实效。二深化政务服务数智化场景应用。"
    good = "一是提升法治宣传实效。二是深化政务服务数智化场景应用。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        for items in scoped_enumerators(report, context):
            for item in items:
                if not item.malformed:
                    continue
                numeral = item.line.text[item.column : item.end]
                fix = self.replacement(item.line.index, item.end, item.end, "是", f"补上“是”：{numeral}是")
                yield self.diagnostic(
                    report,
                    item.line.index,
                    item.column,
                    item.end,
                    f"列举序号“{numeral}”漏了“是”：请改为“{numeral}是”",
                    fix=fix,
                )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [HeadingSequence, HeadingStyle, HeadingLevel, EnumerationSequence, MalformedEnumerator]
