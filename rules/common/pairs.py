"""Matching paired punctuation within one paragraph (P103)."""

from __future__ import annotations

import re
import string
from array import array
from collections.abc import Iterator

from fzlint import regex

# opening → closing; half-width parentheses count as the full-width ones (P101 checks form).
PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")", "【": "】", "〔": "〕"}
CLOSING = {close: opening for opening, close in PAIRS.items()}
_CLOSING = CLOSING
_SAME = {"(": "（", ")": "）"}
# Every mark the scan looks at, so that it jumps between them instead of visiting each character.
_MARK = regex.compile("[" + re.escape("".join(PAIRS) + "".join(_CLOSING)) + "]")
# "1)" "a)" "一）" opening a list item: a lone closing bracket that is not unbalanced.
_ITEM = regex.compile(r"(?:^|(?<=[\s，。；：、,;:]))[0-9０-９a-zA-Z一二三四五六七八九十]{1,2}[)）]")


# Half-width brackets as full-width ones, for the balance test of the marks alone.
_AS_FULL = str.maketrans(_SAME)
_ADJACENT_PAIRS = tuple(_SAME.get(o, o) + c for o, c in PAIRS.items() if o not in _SAME)


def _balanced(text: str, start: int) -> bool:
    """Whether the pair marks of ``text[start:]`` nest properly (《“”》（）…): then ``unbalanced``
    has nothing to report. Deleting adjacent pairs until none is left empties exactly the
    well-nested sequences; each pass is C-level string work over the marks alone."""
    marks = "".join(_MARK.findall(text, start)).translate(_AS_FULL)
    while marks:
        shorter = marks
        for pair in _ADJACENT_PAIRS:
            shorter = shorter.replace(pair, "")
        if len(shorter) == len(marks):
            return False
        marks = shorter
    return True


_ITEM_CHARS = frozenset(string.digits + "０１２３４５６７８９一二三四五六七八九十" + string.ascii_letters)


def _may_have_item(text: str, start: int) -> bool:
    """Whether ``_ITEM`` can match in ``text[start:]``: every item ends in a closing bracket
    right after a character of its number (str.find instead of the regex's scan of every
    position, ~10 us a line)."""
    for bracket in ")）":
        index = text.find(bracket, start + 1)
        while index >= 0:
            if text[index - 1] in _ITEM_CHARS:
                return True
            index = text.find(bracket, index + 1)
    return False


def _norm(ch: str) -> str:
    return _SAME.get(ch, ch)


def quiet(text: str, start: int = 0) -> bool:
    """Whether :func:`unbalanced` has nothing to report, the cheap way: no pair mark at all
    (most lines), or marks that nest properly and no list-item bracket to skip."""
    if _MARK.search(text, start) is None:
        return True
    return _balanced(text, start) and not (_may_have_item(text, start) and _ITEM.search(text, start))


def unbalanced(text: str, start: int = 0) -> Iterator[tuple[int, str, str, bool]]:
    """(column, char, missing partner, is-opening) for each unmatched pair mark.

    Linear in the text: the open marks are one stack, and each kind keeps the stack depths
    of its own marks, so a closing mark finds its opening in O(1) instead of searching the
    stack (（（（…》》》 would make that quadratic); positions are kept in arrays."""
    if quiet(text, start):
        return
    items = {m.end() - 1 for m in _ITEM.finditer(text, start)} if _may_have_item(text, start) else set()
    stack = array("q")
    depths: dict[str, array] = {}  # normalised opening -> depths in ``stack`` of its marks
    for match in _MARK.finditer(text, start):
        index = match.start()
        ch = text[index]
        if ch in PAIRS:
            depths.setdefault(_norm(ch), array("q")).append(len(stack))
            stack.append(index)
        elif ch in _CLOSING and index not in items:
            own = depths.get(_norm(_CLOSING[ch]))
            if not own:
                yield index, ch, _CLOSING[ch], False
                continue
            depth = own[-1]
            for inner in stack[depth + 1 :]:
                yield inner, text[inner], PAIRS[text[inner]], True
            for inner in stack[depth:]:  # each is the newest of its kind: pop it there too
                depths[_norm(text[inner])].pop()
            del stack[depth:]
    for index in stack:
        yield index, text[index], PAIRS[text[index]], True
