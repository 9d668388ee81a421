"""File names made safe to print: one line, no terminal control, always encodable.

On the ground floor so loaders and the command line can use it too; reporters import it as
``fzlint.reporters.escape_name``.

A file name can hold any byte but "/" and NUL. Printed raw, a newline forges a finding line
that editors' matchers read (``evil\\nr.txt:1:1: S101 …``) or a GitHub workflow command on
stderr (``::warning …::``); ESC and OSC sequences drive the terminal; bytes that are not
UTF-8 arrive as lone surrogates (``os.fsdecode``) that no strict encoder writes. Every
reporter and every stderr line shows names through :func:`escape_name`.
"""

from __future__ import annotations

import re

from fzlint import regex

# C0 and C1 controls, DEL, line/paragraph separators, bidi overrides and isolates (they
# reorder what a reviewer sees), and lone surrogates (undecodable bytes of a file name).
_UNSAFE = regex.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_name(name: str) -> str:
    """``name`` with every unsafe character written as a visible escape (``\\n``, ``\\x1b``,
    ``\\xff`` for an undecodable byte, ``\\u202e``); a safe name is returned unchanged."""
    return _UNSAFE.sub(_escape, name)
