"""The token stream the grammar parses: one token per meaningful line, classified.

This is the lexer's second half (the first, :mod:`fzlint.parse.lines`, classifies
each line on its own). It only names what a line is: a heading's effective level,
which mandated part a level-1 heading names, whether a subheading names the
improvement or the shortcomings, and which closing element a line is. Where a
line stands in the report is the grammar's business (``report.lark``).
"""

from __future__ import annotations

from fzlint import regex
from fzlint.parse.lines import SPACE, Line, LineKind
from fzlint.parse.parts import MANDATED, PartKeywords

MAX_DEPTH = 5

_TOKEN_OF_KIND = {
    LineKind.PRE: "FRONT",
    LineKind.UNIT: "UNIT",
    LineKind.TITLE: "TITLE",
    LineKind.ADDRESSEE: "ADDRESSEE",
    LineKind.TEXT: "TEXT",
    LineKind.CLOSE: "CLOSE",
    LineKind.ANNEX: "ANNEX",
    LineKind.SIGNATURE: "SIGNATURE",
    LineKind.DATE: "DATE",
    LineKind.TAIL: "TAIL",
}
_PART_TOKEN = {
    "achievements": "H1_ACHIEVEMENTS",
    "problems": "H1_PROBLEMS",
    "plan": "H1_PLAN",
    "responsibility": "H1_RESPONSIBILITY",
    "other": "H1_OTHER",
}
# A paragraph that opens by naming last year's problems' improvement (2023年度问题整改情况：……).
IMPROVEMENT_LEAD = regex.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]?)?(?:关于)?(?:[0-9０-９]{4}年度?|上一?年度?|上年|去年)?"
    r"[^。；;：:]{0,16}?(?:问题|不足|意见)?(?:的)?(?:整改|改进)(?:落实)?(?:工作)?(?:情况)?[：:]"
)


# One string per token type, not one per line.
_PLAIN_HEADINGS = {depth: f"H{depth}" for depth in range(1, MAX_DEPTH + 1)}
_SUBSECTION_TOKENS: dict[str, str] = {}


def depth_of(kind: str) -> int:
    """The nesting depth a token stands for (0 for lines that are not headings)."""
    return int(kind[1]) if kind.startswith("H") and kind[1].isdigit() else 0


def part_token(kinds: frozenset[str]) -> str:
    """The token of a level-1 heading naming ``kinds``: its first mandated part, else the other
    regulation item it names, else a topic heading (part one organised by topics)."""
    for kind in (*MANDATED, "responsibility", "other"):
        if kind in kinds:
            return _PART_TOKEN[kind]
    return "H1_TOPIC"


def stream(lines: list[Line], keywords: PartKeywords) -> list[tuple[str, int]]:
    """``(token type, line index)`` per meaningful line.

    A heading's effective depth is never more than one below the enclosing heading, so
    1. directly under 一、 nests as its child (N103 reports the skipped level).
    """
    tokens: list[tuple[str, int]] = []
    depth = 0
    for line in lines:
        if line.kind is LineKind.HEADING:
            assert line.marker is not None
            depth = min(line.marker.level, depth + 1, MAX_DEPTH)
            tokens.append((_heading_token(line, depth, keywords), line.index))
        elif line.kind is LineKind.TEXT and opens_improvement(line.text):
            tokens.append(("IMPROVEMENT_LEAD", line.index))
        elif line.kind in _TOKEN_OF_KIND:
            tokens.append((_TOKEN_OF_KIND[line.kind], line.index))
    return tokens


def opens_improvement(text: str) -> bool:
    """Whether a paragraph opens by naming the improvement (``IMPROVEMENT_LEAD``). Every such
    opening holds 整改 or 改进, so a paragraph without either is neither stripped (a copy of
    the line) nor matched: most are, a 20 MB report has ~70,000."""
    if "整改" not in text and "改进" not in text:
        return False
    return IMPROVEMENT_LEAD.match(text.strip(SPACE)) is not None


def _heading_token(line: Line, depth: int, keywords: PartKeywords) -> str:
    if depth == 1:
        return part_token(keywords.part_kinds(line.heading))
    if depth == 2:
        kind = keywords.section_kind(line.heading)
        if kind is not None:
            return _SUBSECTION_TOKENS.setdefault(kind, f"H2_{kind.upper()}")
    return _PLAIN_HEADINGS[depth]
