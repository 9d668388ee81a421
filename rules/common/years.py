"""Years in a report: mentions, the report year N, what year a heading should name, 成文日期.

A report for year N speaks of N in part one and in 不足和原因, of N−1 in 改进情况
and of N+1 in part three, and is dated between December of N and spring of N+1.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fzlint import regex
from fzlint.parse.lines import DATE_PATTERN, SPACE
from fzlint.parse.numerals import cn_to_int, digits_value, year_value

if TYPE_CHECKING:
    from fzlint.parse.outline import Report, Section
    from fzlint.rule import Context
    from fzlint.settings import Settings

_YEAR = regex.compile(r"(?<![0-9０-９])(?P<year>(?:19|20)[0-9]{2}|二[〇○零][一二三四五六七八九〇○零]{2})\s*年")
# A year that is part of a span (2021—2025年, 2025-2026年) states no period.
_SPAN_BEFORE = regex.compile(r"[0-9]{4}\s*[-－—–~～至到]\s*$")
_SPAN_AFTER = regex.compile(r"^\s*[-－—–~～至到]\s*[0-9]{4}")


@dataclass(frozen=True, slots=True)
class YearMention:
    year: int
    start: int  # 0-based column of the first digit
    end: int  # column after 年


def year_mentions(text: str) -> Iterator[YearMention]:
    """Years written as ``2025年`` / ``二〇二五年`` outside 《》 titles and year spans."""
    matches = list(_YEAR.finditer(text))
    if not matches:
        return  # most lines: no per-character pass for the 《》 depth
    inside_title = _inside_titles(text) if "《" in text or "〈" in text else None
    for match in matches:
        start = match.start("year")
        if inside_title is not None and inside_title[start]:
            continue
        if _SPAN_BEFORE.search(text[:start]) or _SPAN_AFTER.match(text[match.end("year") :]):
            continue
        value = year_value(match.group("year"))
        if value is not None:
            yield YearMention(value, start, match.end())


def _inside_titles(text: str) -> list[bool]:
    """Per column, whether it stands inside 《》 / 〈〉 (nesting counted)."""
    depth = 0
    inside_title = [False] * (len(text) + 1)
    for index, ch in enumerate(text):
        if ch in "《〈":
            depth += 1
        inside_title[index] = depth > 0
        if ch in "》〉" and depth:
            depth -= 1
    return inside_title


@dataclass(frozen=True)
class ReportYear:
    year: int
    source: str  # Chinese description for messages: 标题 / 正文结构 / 配置


def _leading_year(text: str) -> int | None:
    """The year a paragraph opens with (2025年，我局…), which names the period it reports on."""
    stripped = text.lstrip(SPACE)
    first = next(year_mentions(stripped), None)
    return first.year if first is not None and first.start == 0 else None


def year_of(report: Report, context: Context) -> ReportYear | None:
    """The report's year N, worked out once per report for every rule that needs it."""
    return context.facts.get("report_year", lambda: report_year(report, context.settings))


def report_year(report: Report, settings: Settings) -> ReportYear | None:
    """N: from the title; else the structure's consensus; else ``--year`` / configuration.

    Without a title every year-bearing part heading, part-two subsection and the
    opening's first words vote for the N they imply (改进情况 2024 → 2025); the
    first part's own year wins a tie. A single heading left at last year's number
    is then outvoted, which is the copy-forward case Y101 exists to catch.
    """
    if report.title is not None:
        mention = next(year_mentions(report.title_text), None)
        if mention is not None:
            return ReportYear(mention.year, "标题")
    votes: Counter[int] = Counter()
    first_part: int | None = None
    for section, mention, allowed in heading_year_claims(report):
        implied = [mention.year - delta for delta in allowed]
        if len(implied) == 1:
            votes[implied[0]] += 1
            if first_part is None and section is report.parts[0]:
                first_part = implied[0]
    if report.opening:
        opening_year = _leading_year(report.opening[0].text)
        if opening_year is not None:
            votes[opening_year] += 1
    if votes:
        best = max(votes.values())
        winners = [year for year, count in votes.items() if count == best]
        year = first_part if first_part in winners else min(winners)
        return ReportYear(year, "正文各部分标题")
    if settings.year is not None:
        return ReportYear(settings.year, "--year/配置")
    return None


# Offsets from N that a heading clause of each kind may name.
KIND_OFFSETS = {
    "improvement": (-1,),
    "shortcomings": (0,),
    "problems": (0,),
    "achievements": (0,),
    "responsibility": (0,),
    "plan": (1,),
}


def clause_kinds(report: Report, clause: str) -> set[str]:
    """Which parts / part-two sections a piece of heading speaks about."""
    section_kind = report.keywords.section_kind(clause)
    if section_kind == "improvement":
        return {"improvement"}
    kinds = set(report.keywords.part_kinds(clause)) & set(KIND_OFFSETS)
    if section_kind == "shortcomings" and "plan" not in kinds:
        kinds = {"shortcomings"}
    return kinds


def heading_year_claims(report: Report) -> Iterator[tuple[Section, YearMention, tuple[int, ...]]]:
    """Every year in a part heading or part-two subsection heading, with the offsets from N
    it may have. Each year governs the words after it up to the next year (a merged heading
    "2024年度…改进情况、2025年度…不足和原因" is two clauses)."""
    for section in report.sections():
        if section.depth > 1 and not ({"improvement", "shortcomings"} & section.kinds):
            continue
        line = section.heading
        heading_end = line.heading_end
        mentions = [m for m in year_mentions(line.text[:heading_end]) if m.start >= line.content_start]
        for index, mention in enumerate(mentions):
            clause_end = mentions[index + 1].start if index + 1 < len(mentions) else heading_end
            kinds = clause_kinds(report, line.text[mention.end : clause_end])
            if not kinds:
                kinds = set(section.kinds) & set(KIND_OFFSETS)
            if not kinds:
                continue
            offsets = tuple(sorted({o for kind in kinds for o in KIND_OFFSETS[kind]}))
            yield section, mention, offsets


# -- 成文日期 -------------------------------------------------------------------


@dataclass(frozen=True)
class WrittenDate:
    """A parsed 成文日期 line: its value (None if impossible) and its canonical form."""

    date: datetime.date | None
    canonical: str | None  # 2025年12月26日
    start: int
    end: int


def parse_written_date(text: str) -> WrittenDate | None:
    stripped = text.strip(SPACE)
    match = DATE_PATTERN.match(stripped)
    if not match:
        return None
    start = len(text) - len(text.lstrip(SPACE))
    year = year_value(match.group("year"))
    month = _small_number(match.group("month"))
    day = _small_number(match.group("day"))
    value = None
    if year and month and day:
        try:
            value = datetime.date(year, month, day)
        except ValueError:
            value = None
    canonical = f"{year}年{month}月{day}日" if value is not None else None
    return WrittenDate(value, canonical, start, start + len(stripped))


def _small_number(text: str) -> int | None:
    return digits_value(text) if text[0] in "0123456789０１２３４５６７８９" else cn_to_int(text)


def date_window(year: int, settings: Settings) -> tuple[datetime.date, datetime.date]:
    """The dates a report for ``year`` may carry: ``date-window-start`` of N to
    ``date-window-end`` of N+1 (month-day strings, defaults 12-01 and 04-01)."""
    start_month, start_day = (int(p) for p in settings.date_window_start.split("-"))
    end_month, end_day = (int(p) for p in settings.date_window_end.split("-"))
    return (datetime.date(year, start_month, start_day), datetime.date(year + 1, end_month, end_day))
