"""Character classes and line selection shared by the term and punctuation rules."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.parse.lines import Line, LineKind
from fzlint.parse.outline import Report

if TYPE_CHECKING:
    from fzlint.rule import Context

# Full-width punctuation of running Chinese text (GB/T 15834).
FULLWIDTH_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—～·％"
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
SENTENCE_END = "。！？；!?;"
# URLs, e-mail addresses and domain names keep their ASCII punctuation.
# The e-mail part starts only where a run of name characters starts: otherwise a long run
# without "@" (Chinese text is \w) is rescanned from every position, quadratic in its length.
URL = regex.compile(
    r"(?:https?|ftp)://[^\s，。；、“”（）《》]+|www\.[^\s，。；、“”（）《》]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
# Lines that are not the report's own text (web furniture, site names above the title,
# Markdown comments such as suppression directives), and the issuing bodies stacked above
# a title (中共某省委 某省人民政府): names set out with layout spaces, as front matter was.
SKIPPED_KINDS = (LineKind.BLANK, LineKind.CHROME, LineKind.PRE, LineKind.UNIT, LineKind.COMMENT)


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def is_chinese(ch: str) -> bool:
    """A Han character or full-width punctuation: what makes a neighbourhood Chinese."""
    return bool(ch) and (is_han(ch) or ch in FULLWIDTH_PUNCT)


def content_lines(report: Report, context: Context | None = None) -> Iterator[Line]:
    """Every line of the report's own text (title, body, headings, closing).

    Page furniture that W101 finds by position or shape (来源/发布时间 bars, metadata rows
    under the title) is left out too: its spaces and marks are the site's, and W101
    already asks for the whole line to go. With ``context`` the lines are found once per
    report (a fact of the report: the package's chrome table is not configurable here).
    """
    if context is None:
        return iter(_content_lines(report, None))
    return iter(context.facts.get(("chinese", "content_lines"), lambda: _content_lines(report, context)))


def _content_lines(report: Report, context: Context | None) -> list[Line]:
    from fzlint.rules.common.furniture import furniture

    placed = {found.index for found in furniture(report, _package_shapes(), context)}
    return [line for line in report.lines if line.kind not in SKIPPED_KINDS and line.index not in placed]


@cache
def _package_shapes() -> Any:
    from fzlint import data
    from fzlint.rules.common.furniture import shapes

    return shapes(data.load("chrome"))


@dataclass(frozen=True)
class ContentText:
    """The content lines joined by newlines, so that one scan covers the whole report."""

    lines: list[Line]
    text: str
    starts: list[int]  # where each line starts in ``text``

    def spread(self, found: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
        """``(position in text, value)`` pairs, in order → line number → ``(column, value)``."""
        by_line: dict[int, list[tuple[int, int]]] = {}
        starts = self.starts
        for position, value in found:
            number = bisect_right(starts, position) - 1
            by_line.setdefault(number, []).append((position - starts[number], value))
        return by_line


def content_text(report: Report, context: Context) -> ContentText:
    """The report's content lines as one text (once per report)."""

    def join() -> ContentText:
        lines = list(content_lines(report, context))
        starts = [0, *accumulate(len(line.text) + 1 for line in lines)][:-1] if lines else []
        return ContentText(lines, "\n".join(line.text for line in lines), starts)

    return context.facts.get(("chinese", "content_text"), join)


def url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in URL.finditer(text)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``text[start:end]`` (ends at 。！？；)."""
    left = max((text.rfind(ch, 0, start) for ch in SENTENCE_END), default=-1) + 1
    rights = [i for i in (text.find(ch, end) for ch in SENTENCE_END) if i >= 0]
    return left, (min(rights) + 1 if rights else len(text))


def softened(diagnostic: Diagnostic) -> Diagnostic:
    """An uncertain finding ([U]/context items): at most a warning."""
    if diagnostic.severity.rank < Severity.WARNING.rank:
        return replace(diagnostic, severity=Severity.WARNING)
    return diagnostic


def claim(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Record ``[start, end)`` unless it overlaps a span already claimed (first wins)."""
    if any(start < e and s < end for s, e in spans):
        return False
    spans.append((start, end))
    return True
