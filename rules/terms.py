"""T1xx: fixed terms, confusable words and placeholders left in a draft.

Word lists are data: ``rules/data/terms.toml``, ``confusables.toml`` and
``placeholders.toml`` (the last one shared with S104).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import Line
from fzlint.parse.numerals import digits_value, int_to_cn
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common.chinese import claim, content_text, sentence_bounds, softened
from fzlint.rules.common.closing import closing_blanks, closing_placeholders
from fzlint.rules.common.layout import could_be_name
from fzlint.rules.common.placeholders import find_placeholders
from fzlint.rules.common.prefilter import prefilter
from fzlint.rules.common.text import normalise
from fzlint.rules.common.titles import wrong_titles
from fzlint.rules.common.wordscan import WordIndex, read_data, word_index

_DIGITS = regex.compile(r"[0-9０-９]+")


def _cn_numerals(text: str) -> str:
    return _DIGITS.sub(lambda m: int_to_cn(digits_value(m.group(0)) or 0), text)


class TermForm(Rule):
    """固定的政治、法律用语写错了形式。

    “习近平法治思想”“法治政府”“依法治国”“法治化营商环境”用“治”，不写“法制”；党代会和全会
    届次用汉字（党的二十大、二十届三中全会），不写“20大”“二十届3中全会”；《法治政府建设实施
    纲要（2021—2025年）》的括注用全角括号和一字线（“—”或“－”），不用半角括号、“-”或“~”；
    《法治政府建设与责任落实督察工作规定》是“督察”。“法制”本身仍是正确的词（法制日报、法制机构、
    法制审核），只有出现在固定的“法治”词组里才报告。

    纲要括注里的半角括号由本规则整体报告并修复，P101 不再逐个报告这两个括号。
    词表在 ``rules/data/terms.toml``，可在配置中扩充或停用；标为不确定的条目只给警告。
    """

    code = "T101"
    name = "term-form"
    title = "固定用语写法错误"
    severity = Severity.ERROR
    summary = "固定政治、法律用语写法错误（法制政府、二十届3中全会、纲要括注用半角等）"
    bad = "深入学习习近平法制思想和党的二十届3中全会精神，\n落实《法治政府建设实施纲要(2021-2025年)》。"
    good = "深入学习习近平法治思想和党的二十届三中全会精神，\n落实《法治政府建设实施纲要（2021—2025年）》。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        table = context.data("terms")
        entries = table.get("patterns", [])
        sources = tuple(p["pattern"] for p in entries)
        terms = table.get("terms", [])
        index_of_terms = word_index(tuple(term["wrong"] for term in terms))
        content = content_text(report, context)  # one scan of the report for each word list
        occurrences = content.spread(index_of_terms.occurrences(content.text))
        possible = prefilter(sources).possible_each(content.text, content.starts)
        titles = "《" in content.text
        for number, line in enumerate(content.lines):
            found = occurrences.get(number, [])
            if not (found or possible[number] or (titles and "《" in line.text)):
                continue  # none of the three can match this line
            taken: list[tuple[int, int]] = []
            for start, end, right in wrong_titles(line.text, table):
                claim(taken, start, end)
                yield self._found(report, line, start, end, right, certain=True, what="文件名称的年份括注")
            for start, index in _each_term_occurrence(found, index_of_terms.words, len(line.text)):
                term = terms[index]
                end = start + len(term["wrong"])
                if claim(taken, start, end):
                    yield self._found(report, line, start, end, term["right"], certain=term.get("certain", True))
            for pattern_index in possible[number]:
                entry = entries[pattern_index]
                for match in _compiled(entry["pattern"]).finditer(line.text):  # compiled when first needed
                    if not claim(taken, *match.span()):
                        continue
                    right = _cn_numerals(match.group(0))
                    if right != match.group(0):
                        yield self._found(report, line, *match.span(), right, certain=entry.get("certain", True))

    def _found(
        self, report: Report, line: Line, start: int, end: int, right: str, certain: bool, what: str = "固定用语"
    ) -> Diagnostic:
        wrong = line.text[start:end]
        diagnostic = self.diagnostic(
            report,
            line.index,
            start,
            end,
            f"{what}“{wrong}”写法不规范：应为“{right}”",
            fix=self.replacement(
                line.index, start, end, right, f"改为“{right}”", safe=certain and not could_be_name(line)
            ),
        )
        return diagnostic if certain else softened(diagnostic)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return regex.compile(pattern)


def _each_term_occurrence(found: list[tuple[int, int]], words: tuple[str, ...], width: int) -> list[tuple[int, int]]:
    """``(start, term index)`` of a line's occurrences ``found`` in the order a ``str.find``
    loop per term, term after term, finds them: by term, then left to right, an occurrence
    that overlaps the term's previous one skipped (法制法制 is two, 马克思主意 in 马克思主意主意
    one). ``width`` is the line's length: nothing runs on into the next line."""
    kept: list[tuple[int, int]] = []
    resume: dict[int, int] = {}  # term index → where its next occurrence may start
    for start, term in sorted(found, key=lambda item: (item[1], item[0])):
        end = start + len(words[term])
        if start >= resume.get(term, 0) and end <= width:
            kept.append((start, term))
            resume[term] = end
    return kept


class ConfusableWord(Rule):
    """把形近、音近的另一个词写在了这里。

    “部署”写成“布署”，“多途径”写成“多途经”，“截至（某时）”写成“截止”……这类错字拼写检查
    不一定发现。候选词先按字面快速筛选，只有含候选词的句子才交给 jieba 分词：候选词必须
    正好是完整的词（“以经济”里的“以经”不算）。两种写法都是正确词语、要看上下文的（如“截止/
    截至”“做出/作出”“多途经/多途径”）只给警告，修复也不自动应用（需 ``--unsafe-fixes``）。
    词表在 ``rules/data/confusables.toml``。jieba 只在真正要分词时才加载，默认用随包提供的
    领域词典，只读入句中各字开头的词条（一句约 0.01 秒，另加导入 jieba 约 0.02 秒）；配置
    ``jieba-dictionary = "full"`` 可改用 jieba 完整词典（整本读入，约 1 秒）。
    """

    code = "T102"
    name = "confusable-word"
    title = "误用词"
    severity = Severity.ERROR
    summary = "形近、音近的误用词（布署→部署，多途经→多途径，截止2024年底→截至）"
    bad = "领导干部多途经组织学法，认真落实上级布署。"
    good = "领导干部多途径组织学法，认真落实上级部署。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        from fzlint.rules.common import segment

        dictionary = context.settings.jieba_dictionary
        wrongs = None if context.settings.data_overrides.get("confusables") else _package_wrongs()
        entries: list[dict[str, Any]] | None = None
        if wrongs is None:
            entries = context.data("confusables").get("words", [])
            finder = _confusable_index(entries)
        else:  # the package's table, read only when a report holds a candidate
            finder = word_index(wrongs)
        content = content_text(report, context)
        # one scan of the report for hundreds of words before any jieba; by start, then in
        # the list's order
        for number, found in content.spread(finder.occurrences(content.text)).items():
            line = content.lines[number]
            text = line.text
            for start, index in found:
                end = start + len(finder.words[index])
                if end > len(text):
                    continue  # runs on into the next line
                if entries is None:
                    entries = context.data("confusables").get("words", [])
                entry = entries[index]
                before = entry.get("before")
                if before and not regex.compile(before).match(text[end:]):
                    continue
                left, right = sentence_bounds(text, start, end)
                if not segment.is_word(text[left:right], start - left, end - left, dictionary):
                    continue
                yield self._found(report, line, start, end, entry)

    def _found(self, report: Report, line: Line, start: int, end: int, entry: dict[str, Any]) -> Diagnostic:
        wrong, right, ctx = entry["wrong"], entry["right"], entry.get("ctx", False)
        note = f"（{entry['note']}）" if entry.get("note") else ""
        if ctx:
            message = f"“{wrong}”可能是“{right}”之误{note}：请确认，是误用就改为“{right}”"
        else:
            message = f"“{wrong}”是错别字{note}：请改为“{right}”"
        diagnostic = self.diagnostic(
            report,
            line.index,
            start,
            end,
            message,
            fix=self.replacement(
                line.index, start, end, right, f"改为“{right}”", safe=not ctx and not could_be_name(line)
            ),
        )
        return softened(diagnostic) if ctx else diagnostic


@cache
def _package_wrongs() -> tuple[str, ...] | None:
    """The wrong forms of the package's confusables.toml, in order, from confusables_wrong.txt
    (scripts/build_jieba_dict.py); None if the TOML file changed since it was written."""
    import zlib

    toml = read_data("confusables.toml")
    head, _, wrongs = read_data("confusables_wrong.txt").decode("utf-8").partition("\n")
    if head != f"{zlib.crc32(toml)} {len(toml)}":
        return None
    return tuple(wrongs.split("\n")[:-1])


_last_entries: list[tuple[list[dict[str, Any]], WordIndex]] = []


def _confusable_index(entries: list[dict[str, Any]]) -> WordIndex:
    """The index of the table's wrong forms: the same list object (the package's table, or the
    same configured one) gives the same index without reading its 662 entries again."""
    if _last_entries and _last_entries[0][0] is entries:
        return _last_entries[0][1]
    found = word_index(tuple(entry["wrong"] for entry in entries))
    _last_entries[:] = [(entries, found)]  # holds the list, so its id is never reused
    return found


def compact(text: str) -> str:
    """Text without spaces and punctuation, to compare a paragraph with a placeholder
    (``normalise`` deletes exactly the characters the pattern ``[\\s\\W_]+`` matches)."""
    return normalise(text)


class Placeholder(Rule):
    """草稿里的占位符没有替换成实际内容。

    套用模板或旧稿时留下的“XX局”“××项”“【待补充】”“（待填写）”“TODO”“此处填写……”
    “某某单位”，以及公文模板留下的“[此处输入文件标题]”“[各单位]”“签发人：□□□”“20XX年”
    “〔2020〕号”（缺了序号）“第  号”“（插入活动照片）”，提交前必须换成实际内容（“张某某”
    这类匿名写法、网页的“[ 索引号 ]”、单个勾选框“□”不算）。“略”“暂无”“无”在
    正文里是普通词语，只有整段只写了这一个词时才报告；“暂无”“无”也可能是如实回答（尤其在
    “其他需要报告的情况”下），只给警告。“改进情况”一节整段只有占位内容时由 S104 报告，本规则
    不重复。占位符表在 ``rules/data/placeholders.toml``，与 S104 共用。
    """

    code = "T103"
    name = "placeholder"
    title = "残留占位符"
    severity = Severity.ERROR
    summary = "残留占位符（XX、××、【待补充】、TODO、此处填写、整段只写“略”等）"
    bad = "今年共办理XX件行政复议案件，【待补充】。\n（三）其他需要报告的情况\n略。"
    good = "今年共办理12件行政复议案件，均在法定期限内审结。\n（三）其他需要报告的情况\n无。"

    # A whole-paragraph placeholder inside an unfilled 改进情况 section is S104's finding.
    defers_to = frozenset({"S104"})

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        table = context.data("placeholders")
        owner: dict[int, str] | None = None  # line → its section's title, when a line needs it
        blanks = closing_blanks(table)
        whole, weak_whole = set(table.get("whole", [])), set(table.get("weak_whole", []))
        longest = max(map(len, (*whole, *weak_whole)), default=0)
        running = _more_letters_than(longest)
        content = content_text(report, context)
        inline = prefilter(tuple(table.get("inline", []))).possible_each(content.text, content.starts)
        dates_and_seals = blanks.scan.possible_each(content.text, content.starts)
        for number, line in enumerate(content.lines):
            taken = find_placeholders(line.text, table, inline[number]) if inline[number] else []
            for start, end in taken:
                yield self.diagnostic(
                    report,
                    line.index,
                    start,
                    end,
                    f"占位符“{line.text[start:end]}”没有替换：请填写实际内容",
                )
            blank = closing_placeholders(line.text, blanks, taken, dates_and_seals[number])
            if blank:
                yield from self._closing(report, line, blank)
            # running text has more letters than any whole-paragraph placeholder
            if not taken and not running.search(line.body if line.marker else line.text):
                word = compact(line.body if line.marker else line.text)
                if word not in whole and word not in weak_whole:
                    continue  # (an empty word too) the common case: no section title needed
                if owner is None:
                    owner = _section_headings(report)
                yield from self._whole(report, line, table, owner.get(line.index, ""))

    def _closing(self, report: Report, line: Line, blank: list[tuple[int, int, str]]) -> Iterator[Diagnostic]:
        """A date left blank (年  月  日) and a seal marker (（印章）): warnings, since a form
        printed to be filled in by hand has them too."""
        for start, end, what in blank:
            written = line.text[start:end]
            if what == "seal":
                message = f"“{written}”是模板的盖章位置提示：请写明发文单位全称并加盖印章，删去提示文字"
            else:
                message = f"日期“{written}”没有填写：请写明年月日，如“2025年12月26日”"
            yield softened(self.diagnostic(report, line.index, start, end, message))

    def _whole(self, report: Report, line: Line, table: dict[str, Any], heading: str) -> Iterator[Diagnostic]:
        body = line.body if line.marker else line.text
        word = compact(body)
        if not word:
            return
        column = line.body_column if line.marker else line.indent
        end = len(line.text.rstrip())
        if word in table.get("whole", []):
            yield self.diagnostic(report, line.index, column, end, f"这一段只写了占位内容“{word}”：请写明实际情况")
        elif word in table.get("weak_whole", []) and not any(h in heading for h in table.get("answer_headings", [])):
            yield softened(
                self.diagnostic(
                    report,
                    line.index,
                    column,
                    end,
                    f"这一段只写了“{word}”，像是没有填写：请写明实际情况，确实没有就说明原因",
                )
            )


@cache
def _more_letters_than(count: int) -> re.Pattern[str]:
    """Matches a text with more than ``count`` of the characters :func:`compact` keeps."""
    return regex.compile(rf"(?:[^\W_][\W_]*){{{count + 1}}}")


def _section_headings(report: Report) -> dict[int, str]:
    """Line index → the title of the section the line belongs to."""
    owner: dict[int, str] = {}
    for section in report.sections():
        for line in (section.heading, *section.text):
            owner[line.index] = section.title
    return owner


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [TermForm, ConfusableWord, Placeholder]
