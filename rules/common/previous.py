"""This year's report beside last year's: the points each lists and how they correspond.

Built once per report pair (a fact of the report) and read by every Y2xx rule: whether the
two reports are of the same unit and consecutive years, last year's problems (不足和原因)
and plans (下一年度安排) split into points, this year's 改进情况 and part one as words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from fzlint import regex
from fzlint.parse.lines import Line, LineKind
from fzlint.parse.outline import Report, Section
from fzlint.parse.titles import title_key
from fzlint.rule import Context
from fzlint.rules.common import similarity
from fzlint.rules.common.text import sentences
from fzlint.rules.common.years import ReportYear, report_year, year_of

# 一是…二是… (N105 reports a lost 是; here it only splits).
_ENUMERATOR = regex.compile(r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}是")


@dataclass(frozen=True)
class Point:
    """One problem or plan item of a report: where it starts and what it says."""

    line: int  # 0-based line index in its report
    column: int
    text: str

    @property
    def quote(self) -> str:
        """The item's first clause, for messages (at most 30 characters)."""
        head = regex.compile(r"[。；;！？]").split(_ENUMERATOR.sub("", self.text, count=1), maxsplit=1)[0].strip()
        return head if len(head) <= 30 else head[:29] + "…"


def points(lines: list[Line]) -> list[Point]:
    """Items of a run of lines: 一是/二是… where the text enumerates, else each paragraph's
    sentences. Headings count as the start of their item. Where some lines enumerate or
    carry headings, plain paragraphs among them are lead-ins (下一步我局将……), not items."""
    found: list[Point] = []
    itemised = any(ln.kind is LineKind.HEADING or _ENUMERATOR.search(ln.body if ln.marker else ln.text) for ln in lines)
    for line in lines:
        text, start = (line.body, line.body_column) if line.marker else (line.text, line.indent)
        if not text.strip():
            continue
        marks = [m.start() for m in _ENUMERATOR.finditer(text)]
        if line.kind is LineKind.HEADING:
            found.append(Point(line.index, line.marker.start if line.marker else 0, line.heading + text))
            continue
        if marks:
            bounds = [*marks, len(text)]
            found += [Point(line.index, start + a, text[a:b]) for a, b in pairwise(bounds)]
            continue
        if not itemised:
            found += [Point(line.index, start + s.start, s.text) for s in sentences(text) if len(s.text.strip()) >= 8]
    return found


def section_lines(sections: list[Section]) -> list[Line]:
    """Every line of the sections (headings excluded: they name the section, not a point)."""
    lines: list[Line] = []
    for section in sections:
        lines += [ln for ln in section.lines() if ln is not section.heading]
    return lines


def shortcomings(report: Report) -> list[Line]:
    """The 存在的不足和原因 text: its own section, else the problems part less 改进情况."""
    own = report.sections_of("shortcomings")
    if own:
        return section_lines(own)
    improvement = {ln.index for ln in section_lines(report.sections_of("improvement"))}
    return [ln for ln in section_lines(report.parts_of("problems")) if ln.index not in improvement]


def improvement(report: Report) -> list[Line]:
    """The 上一年度问题改进情况 text: its section, else part-two paragraphs that name it."""
    own = report.sections_of("improvement")
    if own:
        return section_lines(own)
    return [ln for ln in section_lines(report.parts_of("problems")) if regex.compile("改进|整改").search(ln.text)]


def achievements(report: Report) -> list[Line]:
    """Part one: every part that is not 不足、安排 or 其他 (topic-organised part ones too)."""
    parts = [p for p in report.parts if not p.kinds & {"problems", "plan", "other"}]
    return [ln for p in parts for ln in p.lines()] + list(report.opening)


def unit_of(report: Report) -> str | None:
    """The unit the report's title names (what stands before its year)."""
    if report.title is None:
        return None
    key = title_key(report.title_text)
    return key.unit if key is not None else None


@dataclass
class Pair:
    """This year's report and last year's, with what the Y2xx rules compare."""

    current: Report
    previous: Report
    settings: Any
    current_year: ReportYear | None
    table: dict[str, Any]
    _words: dict[int, set[str]] = field(default_factory=dict)
    _sentences: dict[tuple[int, int], list[list[str]]] = field(default_factory=dict)

    @cached_property
    def previous_year(self) -> ReportYear | None:
        return report_year(self.previous, self.settings)

    @cached_property
    def mismatch(self) -> str | None:
        """Why the two reports cannot be compared (different units, not consecutive years)."""
        this_unit, that_unit = unit_of(self.current), unit_of(self.previous)
        if this_unit and that_unit and this_unit != that_unit:
            return f"上一年度报告的单位是“{that_unit}”，本报告是“{this_unit}”"
        if not (this_unit and that_unit):  # no titles to go by: the texts must share something
            shared = similarity.containment(self._shingles(self.current), self._shingles(self.previous))
            if shared < self.table["min_shared_text"]:
                return f"两份报告的文字几乎没有共同之处（共有片段 {shared:.0%}），不像同一单位的报告"
        this, that = self.current_year, self.previous_year
        if this is not None and that is not None and that.year != this.year - 1:
            return f"上一年度报告是 {that.year} 年的，本报告是 {this.year} 年的，不是相邻两年"
        return None

    def _shingles(self, report: Report) -> set[str]:
        text = similarity.compact("".join(ln.text for ln in report.lines if ln.kind is LineKind.TEXT))
        return similarity.shingles(text)

    def words(self, report: Report, lines: list[Line]) -> set[str]:
        found: set[str] = set()
        for line in lines:
            key = id(report) * 1_000_003 + line.index
            if key not in self._words:
                self._words[key] = set(similarity.words(line.text, self.settings.jieba_dictionary))
            found |= self._words[key]
        return found

    @cached_property
    def vocabulary(self) -> similarity.Vocabulary:
        """Word weights over every paragraph of both reports."""
        paragraphs = [
            self.words(report, [ln])
            for report in (self.current, self.previous)
            for ln in report.lines
            if ln.kind in (LineKind.TEXT, LineKind.HEADING)
        ]
        return similarity.Vocabulary.of(paragraphs, self.table["stopwords"], self.table["synonyms"])

    def sentence_words(self, report: Report, lines: list[Line]) -> list[list[str]]:
        """The words of each sentence of ``lines`` (cached per report and line)."""
        found: list[list[str]] = []
        for line in lines:
            key = (id(report), line.index)
            if key not in self._sentences:
                dictionary = self.settings.jieba_dictionary
                pieces = sentences(line.text, ends="。；;！？")
                self._sentences[key] = [similarity.words(s.text, dictionary) for s in pieces]
            found += self._sentences[key]
        return found

    def coverage(self, point: Point, report: Report, lines: list[Line]) -> float:
        """How well one sentence of the ``lines`` of ``report`` (this year's) takes up ``point``
        (last year's): the best sentence's weighted share of the point's words, measured on the
        point's first clause (where a point states itself) or on all of it, whichever is more.
        One sentence, not the whole section: a section that says 政务服务 somewhere does not by
        that answer a problem about 政务服务便利度."""
        dictionary = self.settings.jieba_dictionary
        whole = similarity.words(point.text, dictionary)
        head = similarity.words(point.quote, dictionary)
        best = 0.0
        for answer in self.sentence_words(report, lines):
            best = max(best, self.vocabulary.coverage(whole, answer), self.vocabulary.coverage(head, answer))
        return best


def pair_of(report: Report, context: Context) -> Pair | None:
    """The report pair for ``--previous``, built once per report (None without one)."""
    previous = context.previous
    if previous is None:
        return None

    def build() -> Pair:
        return Pair(report, previous, context.settings, year_of(report, context), context.data("previous"))

    return context.facts.get("previous_pair", build)
