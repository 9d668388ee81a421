"""Where a half-width mark stands in Chinese context (P101, and P102's "before punctuation").

Kept apart from the rule so that P102 can ask the same question: a space before an
ASCII comma that P101 will turn into "，" is a space before Chinese punctuation. The
answer is not kept as a fact of the report: P101 asks once per line and P102 for the few
lines where a space stands beside a mark (~1 in 35 of P101's), while keeping every line's
marks until the end of a 20 MB report held ~40 MB.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import NamedTuple

from fzlint import regex
from fzlint.parse.lines import Line
from fzlint.rules.common.chinese import HALF_TO_FULL, inside, is_chinese, is_han, url_spans

_ASCII_SPACE = " \t"
# Most lines hold none of these: one C-level search answers for them.
_ANY_MARK = regex.compile(r'[,;:?!()"]')
_SEPARATOR = regex.compile(r"[,;:?!]")
_PARENTHESIS = regex.compile(r"[()]")


class HalfWidth(NamedTuple):
    """One mark P101 rewrites (a named tuple: a flood of them is built per report)."""

    column: int  # 0-based column of the mark
    replacement: str
    fix_end: int  # the fix also swallows the English-style space after a mark
    safe: bool = True
    lost: bool = False  # a "?" standing for a character lost in conversion (?水灌区)


class _Memo(dict[str, bool]):
    """A character class answered once per character: hits are a C-level dict lookup
    (``is_chinese`` is two Python calls, asked several times per mark in a P101 flood)."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, ch: str) -> bool:
        value = self[ch] = self.test(ch)
        return value


_CHINESE = _Memo(is_chinese)
_HAN = _Memo(is_han)


def _prev(text: str, index: int) -> str:
    index -= 1
    while index >= 0 and text[index] in _ASCII_SPACE:
        index -= 1
    return text[index] if index >= 0 else ""


def _next(text: str, index: int) -> str:
    index += 1
    while index < len(text) and text[index] in _ASCII_SPACE:
        index += 1
    return text[index] if index < len(text) else ""


def _spaces_after(text: str, index: int) -> int:
    """End of the mark plus the space after it when Chinese text follows it.

    Only one space (an English-style "a, b"): a run of two or more aligns a form's fields
    (姓名:      性别:) and a safe fix never joins layout spaces.
    """
    end = index + 1
    if end >= len(text) or text[end] not in _ASCII_SPACE:
        return end  # no space after it (most marks): the fix ends right after the mark
    while end < len(text) and text[end] in _ASCII_SPACE:
        end += 1
    if end - index - 1 > 1:
        return index + 1
    return end if end < len(text) and _CHINESE[text[end]] else index + 1


def _lost(text: str, index: int) -> bool:
    """Whether the "?" at ``index`` stands for a character lost in conversion, not a question.

    A question mark ends a question: it does not open a paragraph (??一、), come in runs, or
    sit right against the next word (“授权审批”?率93.55%, ?水灌区).
    """
    before = text[:index].strip(_ASCII_SPACE + "\u3000")
    after = text[index + 1 : index + 2]
    return not before or before.endswith("?") or after == "?" or is_han(after)


def _skipped(line: Line) -> list[tuple[int, int]]:
    """Spans P101 leaves alone: URLs and heading-marker separators (N102's)."""
    text = line.text
    # Each URL form holds "://", "www." or "@": without them no line needs the URL scan.
    spans = url_spans(text) if "://" in text or "www." in text or "@" in text else []
    marker = line.marker
    if marker is not None:
        # N102 owns a marker's separator (一, 1: ); its half-width brackets are P101's.
        for offset, ch in enumerate(marker.text):
            if ch not in "()":
                spans.append((marker.start + offset, marker.start + offset + 1))
    return spans


def halfwidth_marks(line: Line) -> list[HalfWidth]:
    """Every ASCII , ; : ? ! ( ) " of ``line`` that stands in Chinese context."""
    text = line.text
    if _ANY_MARK.search(text) is None:  # most lines: one C-level search
        return []
    return _marks(text, _skipped(line))


def _marks(text: str, skipped: list[tuple[int, int]]) -> list[HalfWidth]:
    # Brackets and quotes pair up across the line; most lines of a flood have only commas.
    paired = _parentheses(text, skipped) if "(" in text or ")" in text else []
    if '"' in text:
        paired += _quotes(text, skipped)
    marks: list[HalfWidth] = []
    last = len(text) - 1
    chinese = _CHINESE
    for match in _SEPARATOR.finditer(text):
        index = match.start()
        if skipped and inside(index, skipped):
            continue
        ch = text[index]
        before = text[index - 1] if index else ""
        if ch in ",:" and index < last and before.isdigit() and text[index + 1].isdigit():
            continue  # 1,000 and 8:30
        if before == " " or before == "\t":
            before = _prev(text, index)
        if chinese[before] or chinese[_next(text, index)]:
            lost = ch == "?" and _lost(text, index)
            # most marks have no space after them: the fix ends right after the mark
            end = _spaces_after(text, index) if index < last and text[index + 1] in _ASCII_SPACE else index + 1
            # tuple.__new__ is what the named tuple's own __new__ calls, minus a Python frame
            marks.append(_new(HalfWidth, (index, HALF_TO_FULL[ch], end, not lost, lost)))
    if not paired:
        return marks  # found left to right: already in column order
    return sorted(paired + marks, key=_COLUMN)


_new = tuple.__new__


_COLUMN = attrgetter("column")


def _parentheses(text: str, skipped: list[tuple[int, int]]) -> list[HalfWidth]:
    stack: list[int] = []
    pairs: list[tuple[int | None, int | None]] = []
    for match in _PARENTHESIS.finditer(text):
        index = match.start()
        if text[index] == "(":
            stack.append(index)
        else:
            pairs.append((stack.pop() if stack else None, index))
    pairs += [(index, None) for index in stack]
    marks = []
    for opening, closing in pairs:
        ends = [i for i in (opening, closing) if i is not None and not (skipped and inside(i, skipped))]
        if not ends:
            continue
        near = []
        if opening is not None:
            near += [_prev(text, opening), _next(text, opening)]
        if closing is not None:
            near += [_prev(text, closing), _next(text, closing)]
        content = text[opening + 1 : closing] if opening is not None and closing is not None else ""
        if any(map(_CHINESE.__getitem__, near)) or any(map(_HAN.__getitem__, content)):
            marks += [
                HalfWidth(i, HALF_TO_FULL[text[i]], i + 1 if text[i] == "(" else _spaces_after(text, i)) for i in ends
            ]
    return marks


def _quotes(text: str, skipped: list[tuple[int, int]]) -> list[HalfWidth]:
    positions = []
    index = text.find('"')
    while index >= 0:
        if not (skipped and inside(index, skipped)):
            positions.append(index)
        index = text.find('"', index + 1)
    marks = []
    for a, b in zip(positions[::2], positions[1::2], strict=False):
        near = [_prev(text, a), _next(text, b)]
        if any(map(_CHINESE.__getitem__, near)) or any(map(_HAN.__getitem__, text[a + 1 : b])):
            marks += [HalfWidth(a, "“", a + 1), HalfWidth(b, "”", b + 1)]
    if len(positions) % 2:
        last = positions[-1]
        before, after = _prev(text, last), _next(text, last)
        if is_chinese(before) or is_chinese(after):
            # an opening quote has text right after it and starts a phrase
            starts_phrase = not before or before in "，。；：！？、（《"
            opening = (
                bool(after)
                and after not in "，。；：！？、"
                and (starts_phrase or text[last + 1 : last + 2].strip() != "")
            )
            marks.append(HalfWidth(last, "“" if opening else "”", last + 1, safe=False))
    return marks
