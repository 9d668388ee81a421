"""Laying text out in terminal cells (a Chinese character is two): wrapping and cropping.

Rich would wrap a long row itself, but at a character that moves the carets off the
span and splits tags; here every row is made to fit the width before it is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from fzlint import regex

ELLIPSIS = "…"
# Units a row may break between: a run of ASCII letters/digits/marks (a word, a code,
# 2024), a space, or any other single character (Chinese breaks between characters).
_UNITS = regex.compile(r"[!-~]+|\s|.", re.DOTALL)


@dataclass(frozen=True)
class Piece:
    text: str
    style: str = ""
    atomic: bool = False  # kept whole on one row (tags, the location), unless wider than a row


def wrap(pieces: list[Piece], width: int, indent: int = 2) -> list[Text]:
    """Rows of at most ``width`` cells; continuation rows indented by ``indent`` spaces."""
    width = max(width, indent + 4)
    rows = [Text()]
    used = 0

    def new_row() -> int:
        rows.append(Text(" " * indent))
        return indent

    for piece in pieces:
        units = [piece.text] if piece.atomic else _UNITS.findall(piece.text)
        for unit in units:
            cells = cell_len(unit)
            at_start = used == (indent if len(rows) > 1 else 0)
            if used + cells > width and not at_start:
                used = new_row()
                unit = unit.lstrip(" ")
                cells = cell_len(unit)
            if used + cells <= width:
                rows[-1].append(unit, piece.style)
                used += cells
                continue
            for char in unit:  # wider than a whole row: fold it character by character
                if used + cell_len(char) > width:
                    used = new_row()
                rows[-1].append(char, piece.style)
                used += cell_len(char)
    return rows


@dataclass(frozen=True)
class Crop:
    text: str  # what to print, ellipses included
    caret_offset: int  # cells before the first caret
    caret_width: int  # carets (at least one)


def crop_around(line: str, start: int, end: int, width: int) -> Crop:
    """``line`` cut to at most ``width`` cells so that ``line[start:end]`` is visible.

    A third of the room left beside the span goes before it, the rest after; a side
    that needs less gives its share to the other. A span wider than the room is cut.
    """
    width = max(width, 4)
    span_end = end
    # Room for an ellipsis on each side; a span that does not fit is cut at the right.
    while span_end > start + 1 and cell_len(line[start:span_end]) > width - 2:
        span_end -= 1
    span_cells = max(1, cell_len(line[start:span_end]))  # an empty span still gets a caret
    room = width - span_cells
    # A cut span ends in the ellipsis: the text after the cut is still the span.
    before_need, after_need = cell_len(line[:start]), 1 if span_end < end else cell_len(line[span_end:])
    before = min(before_need, max(room // 3, room - after_need))
    after = room - before
    left = _left_edge(line, start, before)
    right = span_end if span_end < end else _right_edge(line, span_end, after)
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(line) else ""
    return Crop(
        text=prefix + line[left:right] + suffix,
        caret_offset=cell_len(prefix + line[left:start]),
        caret_width=span_cells,
    )


def _left_edge(line: str, start: int, budget: int) -> int:
    """The first index shown before ``start`` within ``budget`` cells (an ellipsis included)."""
    if cell_len(line[:start]) <= budget:
        return 0
    left, used = start, 1  # the ellipsis
    while left > 0 and used + cell_len(line[left - 1]) <= budget:
        left -= 1
        used += cell_len(line[left])
    return left


def _right_edge(line: str, end: int, budget: int) -> int:
    """One past the last index shown after ``end`` within ``budget`` cells (an ellipsis included)."""
    if cell_len(line[end:]) <= budget:
        return len(line)
    right, used = end, 1
    while right < len(line) and used + cell_len(line[right]) <= budget:
        used += cell_len(line[right])
        right += 1
    return right
