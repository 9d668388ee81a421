"""The closing block as a reader sees it: the 落款 and 成文日期 the classifier found, or the
template lines that stand for them unfilled.

A GB/T 9704 template leaves its closing as placeholders (``20XX年XX月XX日``, ``年  月  日``,
``[发文机关署名]``, ``单位（公章）：``), and a 纪要 writes its issuing body and date on one line
in its head. Such a document is not missing its 落款 or date (F102/F103): they are there,
unfilled, and T103 reports the placeholder. The shapes are data (``[closing]`` in
``rules/data/placeholders.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from fzlint import regex
from fzlint.parse.lines import SPACE, Line, LineKind, is_date_line, looks_like_unit
from fzlint.parse.outline import Report
from fzlint.rules.common.chinese import claim
from fzlint.rules.common.prefilter import Prefilter, prefilter

# Lines of the closing zone (after the last heading) that may stand for a closing element.
_ZONE_KINDS = (LineKind.TEXT, LineKind.TAIL, LineKind.SIGNATURE, LineKind.DATE)
_SKIPPED = (LineKind.BLANK, LineKind.COMMENT)
_UNIT_AND_DATE = regex.compile(r"^(?P<unit>\S.*?)[ \u3000\u00a0]{2,}(?P<date>\S.*)$")


@dataclass(frozen=True)
class ClosingShapes:
    date: tuple[re.Pattern[str], ...]
    signature: tuple[re.Pattern[str], ...]
    blank_date: tuple[re.Pattern[str], ...]
    seal: tuple[re.Pattern[str], ...]


@cache
def _compiled(*groups: tuple[str, ...]) -> ClosingShapes:
    return ClosingShapes(*(tuple(regex.compile(p) for p in group) for group in groups))


def closing_shapes(table: dict[str, Any]) -> ClosingShapes:
    """The ``[closing]`` shapes of ``placeholders.toml`` (as configured), compiled once."""
    closing = table.get("closing", {})
    return _compiled(
        *(tuple(closing.get(key, ())) for key in ("date", "signature", "blank_date", "seal"))  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class ClosingFound:
    signature: Line | None
    date: Line | None


def _is_date(text: str, shapes: ClosingShapes) -> bool:
    stripped = text.strip(SPACE)
    return is_date_line(stripped) or any(p.match(stripped) for p in shapes.date)


def _is_signature(text: str, shapes: ClosingShapes) -> bool:
    stripped = text.strip(SPACE)
    return any(p.match(stripped) for p in shapes.signature)


def _unit_and_date(line: Line, shapes: ClosingShapes, unit_suffixes: tuple[str, ...]) -> bool:
    """``XXXX人民政府      2020年2月19日``: an issuing body, a run of spaces, a date."""
    match = _UNIT_AND_DATE.match(line.text.strip(SPACE))
    if match is None:
        return False
    unit = match.group("unit").strip(SPACE)
    named = looks_like_unit(unit) and unit.endswith(unit_suffixes)
    date = match.group("date")
    # written with 年月日 as a 公文 is: a site's 发布机构/发布日期 bar writes 2024-03-01
    return (named or _is_signature(unit, shapes)) and "年" in date and _is_date(date, shapes)


def closing_elements(report: Report, table: dict[str, Any], unit_suffixes: tuple[str, ...]) -> ClosingFound:
    """The report's 落款 and 成文日期, counting unfilled template lines as present."""
    signature, date = report.closing.signature, report.closing.date
    if signature is not None and date is not None:
        return ClosingFound(signature, date)
    shapes = closing_shapes(table)
    last_heading = max((ln.index for ln in report.lines if ln.kind is LineKind.HEADING), default=-1)
    zone = [ln for ln in report.lines[last_heading + 1 :] if ln.kind in _ZONE_KINDS]
    if date is None:
        date = next((ln for ln in reversed(zone) if _is_date(ln.text, shapes)), None)
    if signature is None:
        # the line right above the date (not 专此报告), else the zone's last line
        above = [ln for ln in report.lines[: date.index] if ln.kind not in _SKIPPED] if date else zone
        last = above[-1] if above else None
        if last is not None and last.kind in _ZONE_KINDS and last is not date:
            fits = _is_signature(last.text, shapes) or (date is not None and looks_like_unit(last.text))
            signature = last if fits else None
    if report.closing.date is None and signature is None:
        date = None  # a blank date under a person's field (主检医师签名：) is a form's, not the 成文日期
    if signature is None or date is None:
        head = next(
            (ln for ln in report.lines if ln.kind in _ZONE_KINDS and _unit_and_date(ln, shapes, unit_suffixes)), None
        )
        if head is not None:
            return ClosingFound(signature or head, date or head)
    return ClosingFound(signature, date)


@dataclass(frozen=True)
class Blanks:
    """The blank-date and seal shapes, and which of them can match a line."""

    patterns: tuple[tuple[re.Pattern[str], str], ...]  # (shape, "date" or "seal")
    scan: Prefilter


@cache
def _blanks(blank_date: tuple[str, ...], seal: tuple[str, ...]) -> Blanks:
    found = tuple((regex.compile(p), "date") for p in blank_date) + tuple((regex.compile(p), "seal") for p in seal)
    return Blanks(found, prefilter((*blank_date, *seal)))


def closing_blanks(table: dict[str, Any]) -> Blanks:
    """The ``[closing]`` blank-date and seal shapes of ``placeholders.toml`` (once per check;
    the date and signature shapes are compiled only if F102/F103 need them)."""
    closing = table.get("closing", {})
    return _blanks(tuple(closing.get("blank_date", ())), tuple(closing.get("seal", ())))


def closing_placeholders(
    text: str, blanks: Blanks, taken: list[tuple[int, int]], possible: list[int] | None = None
) -> list[tuple[int, int, str]]:
    """Blank dates and seal markers in ``text`` outside the spans ``taken``: ``(start, end,
    "date" or "seal")``. ``possible``: the shapes that can match (blanks.scan), if known."""
    if possible is None:
        possible = blanks.scan.possible(text)  # most lines hold neither 年…月 nor 章
    if not possible:
        return []
    spans = list(taken)
    found = []
    for index in possible:
        pattern, what = blanks.patterns[index]
        for match in pattern.finditer(text):
            if claim(spans, *match.span()):
                found.append((match.start(), match.end(), what))
    return sorted(found)
