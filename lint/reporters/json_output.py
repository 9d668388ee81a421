"""``--format json``: one JSON array of diagnostics, each with exactly the documented keys."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

from fzlint.reporters import Parts, ReportOptions, escape_name, json_direct, streamable
from fzlint.reporters import ascii_only as ascii_only  # json-lines and sarif import it from here
from fzlint.reporters.json_text import dumps_indented
from fzlint.run.engine import FileResult

_BATCH = 500  # diagnostics per write


def items(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    # Byte for byte what json.dump(items, indent=2) writes, item by item (written in batches):
    # neither one write per token (json.dump) nor the whole array in memory at once
    # (json.dumps), which for a 20 MB report with 300,000 findings is gigabytes; nor json's
    # pure-Python encoder, which indent= forces (json_text).
    ascii_escape = options.extra.get("ascii", False)
    encode = encode_basestring_ascii if ascii_escape else encode_basestring
    for diagnostic, text in json_direct.texts(results, options, INDENTED, encode):
        if text is None:
            found = as_dict(diagnostic)
            text = _item(found, encode) or dumps_indented(found, ensure_ascii=ascii_escape, level=1)
        yield text


_KEYS = ("path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix")
_FIX_KEYS = ("message", "applicability", "edits")
_EDIT_KEYS = ("line", "column", "end_line", "end_column", "content")
_HEAD = '{\n    "path": %s,\n    "line": %d,\n    "column": %d,\n    "end_line": %d,\n    "end_column": %d,\n'
_BODY = '    "code": %s,\n    "name": %s,\n    "severity": %s,\n    "message": %s,\n    "fix": '
_FIX = '{\n      "message": %s,\n      "applicability": %s,\n      "edits": '
_EDIT = (
    '{\n          "line": %d,\n          "column": %d,\n          "end_line": %d,\n'
    '          "end_column": %d,\n          "content": %s\n        }'
)
# The common shapes written straight from a finding's attributes: the same text as _item's
# pieces put together.
INDENTED = json_direct.templates(
    _HEAD, _BODY, _FIX, _EDIT, ("[\n        ", ",\n        ", "\n      ]"), ("\n    }", "\n  }")
)


def _item(found: dict[str, Any], encode: Callable[[str], str]) -> str | None:
    """One diagnostic's ``as_dict`` as ``json.dumps(indent=2)`` writes it inside the array, by
    templates: the documented shape only (exact key order, str/int/None values); None for
    anything else, which the general encoder then writes."""
    if tuple(found) != _KEYS:
        return None
    path, line, column, end_line, end_column, code, name, severity, message, fix = found.values()
    if not (type(line) is type(column) is type(end_line) is type(end_column) is int):
        return None
    if not (type(path) is type(code) is type(name) is type(severity) is type(message) is str):
        return None
    head = _HEAD % (encode(path), line, column, end_line, end_column)
    body = _BODY % (encode(code), encode(name), encode(severity), encode(message))
    if fix is None:
        return head + body + "null\n  }"
    if type(fix) is not dict or tuple(fix) != _FIX_KEYS:
        return None
    fix_message, applicability, edits = fix.values()
    if not (type(fix_message) is type(applicability) is str and type(edits) is list):
        return None
    texts = []
    for edit in edits:
        if type(edit) is not dict or tuple(edit) != _EDIT_KEYS:
            return None
        e_line, e_column, e_end_line, e_end_column, content = edit.values()
        if not (type(e_line) is type(e_column) is type(e_end_line) is type(e_end_column) is int):
            return None
        if type(content) is not str:
            return None
        texts.append(_EDIT % (e_line, e_column, e_end_line, e_end_column, encode(content)))
    listed = "[\n        " + ",\n        ".join(texts) + "\n      ]" if texts else "[]"
    return head + body + _FIX % (encode(fix_message), encode(applicability)) + listed + "\n    }\n  }"


render = streamable(Parts("[\n  ", ",\n  ", "\n]\n", "[]\n"), items, batch=lambda: _BATCH)


def as_dict(diagnostic: Any) -> dict[str, Any]:
    """The documented keys, the path shown as every output shows names (escaped)."""
    found = diagnostic.as_dict()
    found["path"] = escape_name(found["path"])
    return found
