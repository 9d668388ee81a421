"""Where each finding falls on each line, as segments for the HTML report's highlights.

Spans may overlap (a P101 comma inside a T101 term) and may cover several lines; a
line is cut at every span boundary, and each piece knows which findings cover it.
An empty span (a missing character at the end of a line) is a point mark.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from fzlint.diagnostics import Diagnostic


@dataclass(frozen=True)
class Segment:
    text: str
    covering: tuple[int, ...]  # indexes of the findings over this piece (empty: plain text)
    point: bool = False  # an empty span: a mark with no text


def spans_by_line(diagnostics: list[Diagnostic], line_count: int) -> dict[int, list[tuple[int, int, int]]]:
    """1-based line → (finding index, start column, end column) with 0-based columns;
    an end of -1 means the end of the line."""
    by_line: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for index, d in enumerate(diagnostics):
        first, last = min(d.line, line_count), min(max(d.end_line, d.line), line_count)
        for line in range(first, last + 1):
            start = d.column - 1 if line == d.line else 0
            end = d.end_column - 1 if line == d.end_line else -1
            by_line[line].append((index, start, end))
    return by_line


def segments(text: str, spans: list[tuple[int, int, int]]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece with the findings over it."""
    if not spans:
        return [Segment(text, ())]
    clipped = []
    for index, start, end in spans:
        start = max(0, min(start, len(text)))
        end = len(text) if end < 0 else max(start, min(end, len(text)))
        clipped.append((index, start, end))
    cuts = sorted({0, len(text), *(s for _, s, _ in clipped), *(e for _, _, e in clipped)})
    points: dict[int, list[int]] = defaultdict(list)
    for index, start, end in clipped:
        if start == end:
            points[start].append(index)
    pieces: list[Segment] = []
    for left, right in zip(cuts, [*cuts[1:], None], strict=True):
        if left in points:
            pieces.append(Segment("", tuple(points[left]), point=True))
        if right is None or left == right:
            continue
        covering = tuple(i for i, s, e in clipped if s <= left and right <= e and s < e)
        pieces.append(Segment(text[left:right], covering))
    return pieces
