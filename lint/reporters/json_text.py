"""``json.dumps(value, indent=2)``, byte for byte, at the speed of json's C string encoder.

With ``indent`` set, the standard library gives up its C encoder and walks the value in
pure Python (a generator per level, several calls per token): on a flood of findings that
was a fifth of the whole run. Here the structure (dicts, lists, scalars) is walked by one
small recursive function and every string goes through the same C function json uses, so
the text is the same; anything this walker does not handle exactly as json does (a key
that is not a string, an unknown type) is handed to ``json.dumps`` itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any, TextIO

_INDENT = "  "
_PIECES = 16384  # pieces held before a streamed write


class _Unsupported(Exception):
    """A value whose encoding is json's business (so its errors and choices stay json's)."""


def dumps_indented(value: Any, *, ensure_ascii: bool, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=ensure_ascii, indent=2)``, its lines after the first
    indented ``level`` steps further (an item of an indented array: level 1)."""
    out: list[str] = []
    encoder = encode_basestring_ascii if ensure_ascii else encode_basestring
    try:
        _write(value, out, encoder, "\n" + _INDENT * level)
    except _Unsupported:
        text = json.dumps(value, ensure_ascii=ensure_ascii, indent=2)
        return text.replace("\n", "\n" + _INDENT * level) if level else text
    return "".join(out)


def dump_indented(value: Any, stream: TextIO, *, ensure_ascii: bool) -> None:
    """``json.dump(value, stream, indent=2)`` written in chunks (a big SARIF log is never one
    string in memory)."""
    encoder = encode_basestring_ascii if ensure_ascii else encode_basestring
    out: list[str] = []
    try:
        _check(value)
    except _Unsupported:  # checked first, so nothing has been written
        stream.write(json.dumps(value, ensure_ascii=ensure_ascii, indent=2))
        return

    def flush() -> None:
        stream.write("".join(out))
        out.clear()

    _write(value, out, encoder, "\n", flush)
    flush()


def _check(value: Any) -> None:
    """Raise ``_Unsupported`` before anything is written when ``_write`` would."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unsupported
            _check(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check(item)
    elif not (value is None or isinstance(value, (str, int, float))):
        raise _Unsupported


def _write(
    value: Any, out: list[str], encode: Callable[[str], str], newline: str, flush: Callable[[], None] | None = None
) -> None:
    # The order of checks is json's (_make_iterencode): str, None, True, False, int, float.
    if isinstance(value, str):
        out.append(encode(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value))  # repr, or NaN/Infinity as json writes them
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, out, encode, inner, flush)
            separator = "," + inner
            if flush is not None and len(out) >= _PIECES:
                flush()
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unsupported
            kind = type(item)  # the common leaves inline: one call per value is the cost here
            if kind is str:
                out.append(separator + encode(key) + ": " + encode(item))
            elif kind is int:
                out.append(separator + encode(key) + ": " + int.__repr__(item))
            elif item is None:
                out.append(separator + encode(key) + ": null")
            else:
                out.append(separator + encode(key) + ": ")
                _write(item, out, encode, inner, flush)
            separator = "," + inner
        out.append(newline + "}")
    else:
        raise _Unsupported
