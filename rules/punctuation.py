"""P1xx: punctuation and spacing of running Chinese text (GB/T 15834-2011).

P101 and P102 look at single characters and spaces; P103 at pairs; P104 at marks used
in the wrong form. Periods are never touched ("1." list markers and decimals stay).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from functools import cache, partial

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import Line, LineKind
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common.chinese import HALF_TO_FULL, content_lines, is_chinese, is_han, softened
from fzlint.rules.common.halfwidth import HalfWidth, halfwidth_marks
from fzlint.rules.common.layout import (
    could_be_name,
    filled_value,
    in_quoted_name,
    is_layout_run,
    is_running_text,
    mark_fix_is_safe,
    starts_marker,
)
from fzlint.rules.common.pairs import CLOSING, PAIRS, quiet, unbalanced
from fzlint.rules.common.text import QUANTITY_UNITS

_SPACES = regex.compile(r"[ \t\u00a0]+")


def _content(report: Report, context: Context) -> list[Line]:
    """``content_lines(report)``, found once per report and shared with the T1xx rules (each
    would otherwise look for the page furniture again)."""
    return list(content_lines(report, context))


_SHORT_RUN = 3  # longer runs between words are blanks left to fill in


class HalfWidthPunctuation(Rule):
    """中文语境里用了半角（英文）标点。

    中文正文应使用全角标点：，；：？！（）“”。数字（3.5、1,000）、时间（8:30）、网址、
    英文词组（AI+政务服务）里的半角标点保持不变；句点“.”从不改动（“1.”序号和小数不会被
    改成“1。”）。半角括号的标题序号“(一)”也在这里报告，修复后为“（一）”，仍是二级标题。
    段首、连用或紧贴下一个字的“?”（“?水灌区”“??一、”）多半是转换时丢失的字，只提示，不自动
    改成“？”。标题、落款等可能是名称的行上，修复需 ``--unsafe-fixes``。
    每处单独报告并给出安全修复；成对的半角引号按先后改为“ ”。《法治政府建设实施纲要》等
    文件名称括注里的半角括号由 T101 整体报告，这里不重复。
    """

    code = "P101"
    name = "half-width-punctuation"
    title = "半角标点"
    severity = Severity.WARNING
    summary = '中文语境中使用半角标点 , ; : ? ! ( ) "（数字、时间、网址、英文中的除外）'
    bad = '2025年,我局坚持依法行政(见附件),现将有关情况报告如下:\n(一)推进"放管服"改革'
    good = "2025年，我局坚持依法行政（见附件），现将有关情况报告如下：\n（一）推进“放管服”改革"

    # The brackets of a wrongly written document title (《…纲要(2021-2025年)》) are part of
    # T101's finding, which rewrites the whole title; those of a doubled heading number
    # ("(1)(1)") are N106's, whose fix deletes that copy.
    defers_to = frozenset({"T101", "N106"})

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        for line in _content(report, context):
            marks = halfwidth_marks(line)
            if marks:
                yield from self._found(report, line, marks)

    def _found(self, report: Report, line: Line, marks: list[HalfWidth]) -> Iterator[Diagnostic]:
        """One finding per mark of a line (the line's facts looked up once for all its marks).

        Built directly rather than through ``Rule.diagnostic``: a mark is one character of the
        line, so its span never needs clamping (a flood is ~150 findings a file)."""
        safe_at = safe_columns(line)
        text, number = line.text, line.index + 1
        path, code, name, severity = report.document.path, self.code, self.name, self.effective_severity
        for column, replacement, fix_end, safe, lost in marks:
            message = _LOST if lost else f"中文里用了半角“{text[column]}”：请改为全角“{replacement}”"
            fix = Fix(
                (Edit(number, column + 1, number, fix_end + 1, replacement),),
                _TO_FULL_WIDTH[replacement],
                # a line that may be the title, a name or a unit is changed only on request
                safe and safe_at(column),
            )
            yield Diagnostic(path, number, column + 1, number, column + 2, code, name, severity, message, fix)


_LOST = "“?”像是转换时丢失的字符（不像问号）：请对照原文补上这个字；确是问号的，改为全角“？”"
# The fix message per replacement (a flood of P101 marks shares a handful).
_TO_FULL_WIDTH = {full: f"改为全角“{full}”" for full in (*HALF_TO_FULL.values(), "“", "”")}


def safe_columns(line: Line) -> Callable[[int], bool]:
    """``mark_fix_is_safe(line, column)`` for the columns of one line (a flood of P101 marks
    asks it per mark): outside a heading the column does not matter, so such a line is judged
    once (tests/test_text_facts.py holds both to the same answers)."""
    if line.kind is not LineKind.HEADING:
        verdict = mark_fix_is_safe(line, 0)
        return lambda column: verdict
    return partial(mark_fix_is_safe, line)


class StrayWhitespace(Rule):
    """汉字之间、数字与单位之间、标点前后多了空格。

    公文正文里汉字之间不加空格，数字和后面的中文单位之间也不加（“2024 年”应为“2024年”，这与
    一些技术文档“中英文之间加空格”的风格不同）；中文标点前后也不留空格（“99% ，”“探花公开 ，”）。
    行首缩进、空行、行末空白、英文词组内的空格不在此列。为排版留的空格也不报告：连续两个以上
    空格或制表符（“证  明”“姓  名”“〔2020〕号        签发人：□□□”、对齐的联合发文机关和日期、
    待填的空白），没有句读标点的行里的空格（“签发人：龚 正”“中共海南省委 海南省人民政府”、
    标题），《》或“”里分隔两个短语的空格，以及两侧都有空格的一两个字（“培训时间 三 年”）。
    修复删除多余的空格；可能是标题、名称或单位的行上只给不安全的修复。
    """

    code = "P102"
    name = "stray-whitespace"
    title = "多余空格"
    severity = Severity.ERROR
    summary = "汉字之间、数字与中文单位之间、中文标点前后的多余空格"
    bad = "一、2024 年度推进法治政府建设的主要举措\n深化政务公开 ，以法治规范权力运行。"
    good = "一、2024年度推进法治政府建设的主要举措\n深化政务公开，以法治规范权力运行。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        units = (*QUANTITY_UNITS, *context.data("spacing").get("units", []))
        for line in _content(report, context):
            for start, end in _stray_spaces(line, units):
                text = line.text
                run = end - start > 1  # may be spacing on purpose: a warning, fixed only on request
                safe = not run and not could_be_name(line)
                diagnostic = self.diagnostic(
                    report,
                    line.index,
                    start,
                    end,
                    f"“{_word_before(text, start)}”与“{text[end]}”之间多了空格：请删除",
                    fix=self.replacement(line.index, start, end, "", "删除空格", safe=safe),
                )
                yield softened(diagnostic) if run else diagnostic


def _stray_spaces(line: Line, units: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Spans of single spaces that are slips, not layout (see rules/common/layout.py).

    A number and its unit (2024 年, 12 件) are never spaced apart, whatever the line. Inside
    running text, neither are two Chinese characters nor a Chinese mark and its neighbour,
    except where a space is a phrase separator in a quoted title or slogan, a paragraph break
    before a heading number, or sets off a filled-in value.
    """
    text = line.text
    indent = line.indent
    if text.find(" ", indent) < 0 and text.find("\t", indent) < 0 and text.find("\u00a0", indent) < 0:
        return  # most lines: no space after the indent (three finds are ~5x cheaper than _SPACES)
    running = is_running_text(line)
    chinese_ascii: set[int] | None = None
    for match in _SPACES.finditer(text, line.indent):
        start, end = match.span()
        if start == 0 or end == len(text):
            continue  # indentation and trailing blanks
        before, after = text[start - 1], text[end]
        if is_layout_run(match.group()):
            # Spacing to a width or a blank to fill in (现有         ，系…), except a short run
            # between two Han characters of a sentence (我局  坚持), reported as a warning.
            short = running and end - start <= _SHORT_RUN and is_han(before) and is_han(after)
            if short and not in_quoted_name(text, start) and not filled_value(text, start, end, line.indent):
                yield start, end
            continue
        number = before.isdigit() or before in "%％"
        if number and text.startswith(units, end):
            yield start, end
            continue
        if not running or in_quoted_name(text, start) or starts_marker(text, end):
            continue
        if filled_value(text, start, end, line.indent):
            continue
        if chinese_ascii is None:
            chinese_ascii = {m.column for m in halfwidth_marks(line)}
        after_chinese = is_chinese(after) or end in chinese_ascii
        if after_chinese and (number or is_chinese(before)):
            yield start, end


class UnbalancedPair(Rule):
    """成对的标点不配对：书名号、引号、括号、方头括号缺了一半或前后不对应。

    在一个段落（一行）之内检查《》“”（）【】〔〕，半角括号 () 与全角括号视为同一种（写法
    由 P101 检查）。“1)”“a)”这类列项序号的单个右括号不算缺半；按固定宽度折行的段落（上一行
    没有以句末标点结束、下一行补上了缺的一半）算作一段。漏了哪一半就报告哪一个符号；
    因为不知道该补在哪里，没有自动修复。
    """

    code = "P103"
    name = "unbalanced-pair"
    title = "标点不配对"
    severity = Severity.ERROR
    summary = "书名号、引号、括号在同一段内不配对"
    bad = "严格落实《重大行政决策程序暂行条例等规定，开展“一网通办改革。"
    good = "严格落实《重大行政决策程序暂行条例》等规定，开展“一网通办”改革。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        # Only the columns are kept (an array of ints): the mark, its partner and whether it
        # opens all follow from the text, so a line of millions of 《 costs 8 bytes a mark.
        # Lines with nothing to report are left out (no array, no generator): an absent line
        # and an empty one are the same to _join_wrapped and to the loop below.
        found = {
            line.index: array("q", (column for column, *_ in unbalanced(line.text, line.indent)))
            for line in _content(report, context)
            if not quiet(line.text, line.indent)
        }
        starts = _join_wrapped(report, found)
        lines = report.document.lines
        for index, columns in found.items():
            text = lines[index]
            for column in columns[starts.get(index, 0) :]:
                char = text[column]
                if char in PAIRS:
                    partner = PAIRS[char]
                    message = f"“{char}”没有配对的“{partner}”：请在适当位置补上“{partner}”，或删去多余的“{char}”"
                else:
                    partner = CLOSING[char]
                    message = f"“{char}”前面没有配对的“{partner}”：请补上“{partner}”，或删去多余的“{char}”"
                yield self.diagnostic(report, index, column, column + 1, message)


def _join_wrapped(report: Report, found: dict[int, array]) -> dict[int, int]:
    """A hard-wrapped paragraph: a line that stops mid-sentence with a mark left open and a
    next line that closes it are one paragraph, so neither half is reported. Drops the
    cancelled marks from the end of each line's columns; returns, per line, how many of its
    leading columns were cancelled by the line before."""
    lines = report.document.lines
    starts: dict[int, int] = {}
    for index, marks in found.items():
        following = found.get(index + 1)
        if not marks or not following or lines[index].rstrip()[-1:] in "。！？；":
            continue
        text, after = lines[index], lines[index + 1]
        first = starts.get(index + 1, 0)
        while marks and first < len(following):
            last, head = text[marks[-1]], after[following[first]]
            if last not in PAIRS or head in PAIRS or PAIRS[last] != head:
                break
            marks.pop()
            first += 1
        starts[index + 1] = first
    return starts


# (pattern, replacement, message, certain, triggers): certain ones are errors with a safe fix.
# Every match holds one of its pattern's triggers, so a pattern is compiled (on first use) and
# run only on a line that holds one: the CJK class of the "--" pattern alone costs ~1.5 ms.
_MISUSES: list[tuple[str, str, str, bool, tuple[str, ...]]] = [
    (r"、(?=等)", "", "“等”前不用顿号：请删去“、”", True, ("、等",)),
    (r"(?<=》)、(?=《)", "", "并列的书名号之间通常不用顿号（GB/T 15834 4.5.3.5）：请删去“、”", False, ("》、《",)),
    (
        r"。{3,}|(?<![A-Za-z0-9.])\.{3,}(?![A-Za-z0-9.])|…{3,}|(?<!…)…(?!…)",
        "……",
        "省略号应为“……”（两个“…”）：请改为“……”",
        True,
        ("。。。", "...", "…"),
    ),
    (r"([，、；：！？])\1+|。。(?!。)", "", "标点重复：请只保留一个", True, (*(m + m for m in "，、；：！？"), "。。")),
    (r"(?<=[\u4e00-\u9fff])--(?=[\u4e00-\u9fff])", "——", "破折号应为“——”：请改为“——”", True, ("--",)),
    (
        r"(?<![—0-9０-９\s])\s*—\s*(?![—0-9０-９\s])",
        "——",
        "单个“—”不是破折号：作破折号请写“——”，表示起止（如地名之间）则可保留",
        False,
        ("—",),
    ),
]


@cache
def _misuse(source: str) -> re.Pattern[str]:
    return regex.compile(source)


# What every pattern above needs at least (、等 》、《 。。 ... … a doubled mark -- —):
# one search that rules most lines out before six patterns are tried on them.
# (Literal alternatives, not a back-reference: the regex engine then scans ~5x faster.)
_MAY_MISUSE = regex.compile(r"、等|》、《|。。|\.\.\.|…|，，|、、|；；|：：|！！|？？|--|—")


class PunctuationMisuse(Rule):
    """标点用法错误：“、等”，重复的“。。”“，，”，用“...”“。。。”代替省略号，单个“—”当破折号。

    “等”前不加顿号；标点不重复；省略号是两个“…”（……），不用三个句点或句号；破折号是两个
    “—”（——）。年份区间里的单个一字线（2021—2025年）是连接号，正确，不报告；两个地名之间
    的单个“—”也可能是连接号，所以单个“—”只给警告。并列书名号之间的顿号（》、《）国家标准说
    “通常不用”，也只给警告。
    """

    code = "P104"
    name = "punctuation-misuse"
    title = "标点误用"
    severity = Severity.ERROR
    summary = "“、等”、重复标点、“...”/“。。。”代替省略号、单个“—”作破折号"
    bad = "开展普法讲座、宣传月活动、等，，取得实效。。群众反映...政策—法规"
    good = "开展普法讲座、宣传月活动等，取得实效。群众反映……政策——法规"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        for line in _content(report, context):
            text = line.text
            if _MAY_MISUSE.search(text, line.indent) is None:  # most lines: none can match
                continue
            taken: set[int] = set()
            for source, replacement, message, certain, triggers in _MISUSES:
                if not any(trigger in text for trigger in triggers):
                    continue
                for match in _misuse(source).finditer(text, line.indent):
                    start, end = match.span()
                    clash = taken.intersection(range(start, end))
                    if clash or not _chinese_around(text, start, end):
                        continue
                    taken.update(range(start, end))
                    content = replacement
                    if not content and match.re.groups:  # a repeated mark keeps one of itself
                        content = match.group(1) or "。"
                    action = f"改为“{content}”" if content else "删去"
                    safe = certain and mark_fix_is_safe(line, start)
                    fix = self.replacement(line.index, start, end, content, action, safe=safe)
                    diagnostic = self.diagnostic(report, line.index, start, end, message, fix=fix)
                    yield diagnostic if certain else softened(diagnostic)


def _word_before(text: str, end: int) -> str:
    """The number (2024, 99%) or the single character before a space, for the message."""
    start = end - 1
    while (
        start > 0
        and (text[start - 1].isdigit() or text[start - 1] in ".%％")
        and (text[end - 1].isdigit() or text[end - 1] in "%％")
    ):
        start -= 1
    return text[start:end]


def _chinese_around(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return is_chinese(before) or is_chinese(after) or is_chinese(text[start])


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [HalfWidthPunctuation, StrayWhitespace, UnbalancedPair, PunctuationMisuse]
