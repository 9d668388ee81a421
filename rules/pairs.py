"""Matching paired punctuation within one paragraph (P103)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# opening → closing; half-width parentheses count as the full-width ones (P101 checks form).
PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")", "【": "】", "〔": "〕"}
_CLOSING = {close: opening for opening, close in PAIRS.items()}
_SAME = {"(": "（", ")": "）"}
# "1)" "a)" "一）" opening a list item: a lone closing bracket that is not unbalanced.
_ITEM = re.compile(r"(?:^|(?<=[\s，。；：、,;:]))[0-9０-９a-zA-Z一二三四五六七八九十]{1,2}[)）]")


def _norm(ch: str) -> str:
    return _SAME.get(ch, ch)


def unbalanced(text: str, start: int = 0) -> Iterator[tuple[int, str, str, bool]]:
    """(column, char, missing partner, is-opening) for each unmatched pair mark."""
    items = {m.end() - 1 for m in _ITEM.finditer(text, start)}
    stack: list[int] = []
    for index in range(start, len(text)):
        ch = text[index]
        if ch in PAIRS:
            stack.append(index)
        elif ch in _CLOSING and index not in items:
            wanted = _norm(_CLOSING[ch])
            depth = next((d for d in range(len(stack) - 1, -1, -1)
                          if _norm(text[stack[d]]) == wanted), None)
            if depth is None:
                yield index, ch, _CLOSING[ch], False
                continue
            for inner in stack[depth + 1 :]:
                yield inner, text[inner], PAIRS[text[inner]], True
            del stack[depth:]
    for index in stack:
        yield index, text[index], PAIRS[text[index]], True
