"""Matching paired punctuation within one paragraph (P103)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# opening → closing; half-width parentheses count as the full-width ones (P101 checks form).
PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")", "【": "】", "〔": "〕"}
_CLOSING = {close: opening for opening, close in PAIRS.items()}
_SAME = {"(": "（", ")": "）"}
# Every mark the scan looks at, so that it jumps between them instead of visiting each character.
_MARK = re.compile("[" + re.escape("".join(PAIRS) + "".join(_CLOSING)) + "]")
# "1)" "a)" "一）" opening a list item: a lone closing bracket that is not unbalanced.
_ITEM = re.compile(r"(?:^|(?<=[\s，。；：、,;:]))[0-9０-９a-zA-Z一二三四五六七八九十]{1,2}[)）]")


def _norm(ch: str) -> str:
    return _SAME.get(ch, ch)


def unbalanced(text: str, start: int = 0) -> Iterator[tuple[int, str, str, bool]]:
    """(column, char, missing partner, is-opening) for each unmatched pair mark."""
    if _MARK.search(text, start) is None:  # most lines: nothing to match
        return
    has_bracket = ")" in text or "）" in text  # only then can a list-item marker matter
    items = {m.end() - 1 for m in _ITEM.finditer(text, start)} if has_bracket else set()
    stack: list[int] = []
    for match in _MARK.finditer(text, start):
        index = match.start()
        ch = text[index]
        if ch in PAIRS:
            stack.append(index)
        elif ch in _CLOSING and index not in items:
            wanted = _norm(_CLOSING[ch])
            depth = next((d for d in range(len(stack) - 1, -1, -1) if _norm(text[stack[d]]) == wanted), None)
            if depth is None:
                yield index, ch, _CLOSING[ch], False
                continue
            for inner in stack[depth + 1 :]:
                yield inner, text[inner], PAIRS[text[inner]], True
            del stack[depth:]
    for index in stack:
        yield index, text[index], PAIRS[text[index]], True
