"""Document text made safe to show, one character for one character."""

from __future__ import annotations

from fzlint import regex

_UNPRINTABLE = regex.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_PRINTABLE = {
    0x09: " ",
    0x7F: "\u2421",
    **{c: 0x2400 + c for c in range(32) if c != 0x09},
    **{c: "\ufffd" for c in range(0x80, 0xA0)},
    **{c: "\ufffd" for c in range(0xD800, 0xE000)},  # a lone surrogate cannot be written out
}


def printable(text: str) -> str:
    """``text`` safe to print in one row, one character for one character: a tab becomes
    a space and other control characters their visible pictures (␛ for ESC), so a
    stray escape sequence in a report can neither restyle the terminal nor shift the
    carets (columns stay character-for-character the same)."""
    # str.translate with a dict looks up every character; most lines have nothing to map.
    return text.translate(_PRINTABLE) if _UNPRINTABLE.search(text) else text
