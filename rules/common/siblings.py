"""Which headings are one numbered sequence (N101), found by level in document order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fzlint import regex
from fzlint.parse.lines import Marker
from fzlint.parse.outline import Report, Section


def _marker(section: Section) -> Marker:
    assert section.heading.marker is not None
    return section.heading.marker


@dataclass(frozen=True)
class Siblings:
    sections: list[Section]
    offset: int  # numbering continued from the parent's previous sibling (1. 2. | 3. 4.)


def siblings(report: Report) -> list[Siblings]:
    """Headings of one level under one parent, the parent found by level in document order.

    The outline's tree is not used: when a level is skipped (二、 then 1. 2. 3.) it may hang
    2. under 1., and then 1. 2. 3. would look like three sequences that each start wrong.
    A group may go on numbering where the group under the parent's previous sibling
    stopped ((一) 1. 2. (二) 3. 4.), or after a first item written inline (附件：1．…): common
    practice, not a break. A label line such as 备注： starts a new list at 1.
    """
    sections = sorted(report.sections(), key=lambda s: s.heading.index)
    groups: list[tuple[int, list[Section]]] = []  # (parent heading line or -1, siblings)
    current: dict[tuple[int, int], list[Section]] = {}
    parent_of: dict[int, int] = {}
    open_: list[Section] = []  # the headings whose level is still open, outermost first
    for section in sections:
        level = _marker(section).level
        while open_ and _marker(open_[-1]).level >= level:
            open_.pop()
        parent = open_[-1].heading.index if open_ else -1
        parent_of[section.heading.index] = parent
        key = (parent, level)
        restart = _marker(section).number == 1 and _introduces_list(_previous_text(report, section))
        if key not in current or restart:
            current[key] = []
            groups.append((parent, current[key]))
        current[key].append(section)
        open_.append(section)
    levels = {s.heading.index: _marker(s).level for s in sections}
    found: list[Siblings] = []
    last: dict[tuple[int, int, int], int] = {}  # (grandparent, parent level, level) → last number
    for parent, group in groups:
        level = _marker(group[0]).level
        key = (parent_of[parent], levels[parent], level) if parent >= 0 else (-2, 0, level)
        first = _marker(group[0]).number
        offset = 0
        if first > 1 and (last.get(key) == first - 1 or _starts_inline(_previous_text(report, group[0]), first - 1)):
            offset = first - 1
        last[key] = _marker(group[-1]).number
        found.append(Siblings(group, offset))
    return found


def _previous_text(report: Report, section: Section) -> str:
    """The last non-blank line before a heading."""
    lines = report.document.lines
    index = section.heading.index - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    return lines[index].strip() if index >= 0 else ""


def _introduces_list(text: str) -> bool:
    """备注： / 具体要求如下： on a line of its own starts a list numbered from 1 again."""
    return text.endswith(("：", ":")) and _LIST_MARKER.match(text) is None


def _starts_inline(text: str, number: int) -> bool:
    """附件：1．…… with 2． 3． on the next lines (GB/T 9704's attachment list)."""
    return re.search(rf"[：:]\s*{number}\s*[.．、]", text) is not None


_LIST_MARKER = regex.compile(r"[（(]?[0-9一二三四五六七八九十]+[）)、.．]")
