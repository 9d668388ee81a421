"""``--format json``: one JSON array of diagnostics, each with exactly the documented keys."""

from __future__ import annotations

import codecs
import json
from json.encoder import encode_basestring, encode_basestring_ascii  # C functions when _json is there
from typing import Any, TextIO

from fzlint.reporters import ReportOptions, escape_name
from fzlint.run.engine import FileResult

_BATCH = 500  # diagnostics per write


def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    # Item by item, written in batches: byte for byte what json.dump(items, indent=2) writes,
    # but neither one write per token (json.dump) nor the whole array in memory at once
    # (json.dumps), which for a 20 MB report with 300,000 findings is gigabytes.
    opened = False
    batch: list[str] = []
    quote = encode_basestring_ascii if ascii_only(stream) else encode_basestring
    for diagnostic in options.each_visible(results):
        batch.append((",\n  " if opened else "[\n  ") + pretty(as_dict(diagnostic), "  ", quote))
        opened = True
        if len(batch) >= _BATCH:
            stream.write("".join(batch))
            batch.clear()
    stream.write("".join(batch) + ("\n]\n" if opened else "[]\n"))


def as_dict(diagnostic: Any) -> dict[str, Any]:
    """The documented keys, the path shown as every output shows names (escaped)."""
    found = diagnostic.as_dict()
    found["path"] = escape_name(found["path"])
    return found


def ascii_only(stream: TextIO) -> bool:
    """Whether JSON must escape every non-ASCII character: the stream is not UTF-8 (a GBK
    console on Windows zh-CN, ``PYTHONIOENCODING=gbk``), where a \\u escape is still valid JSON
    and a character outside the code page would otherwise be an encoding error."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return not codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return True


def pretty(value: Any, indent: str = "", quote: Any = encode_basestring) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` nested at ``indent``.

    json's indented output is produced by its pure-Python encoder (~4 ms per seed-sized
    report); this walks the few shapes a diagnostic has and leaves strings to the C
    escaper. Anything else (floats, other key types) goes to json itself.
    """
    if type(value) is str:
        return quote(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    inner = indent + "  "
    if type(value) is dict and all(type(key) is str for key in value):
        if not value:
            return "{}"
        members = [f"{inner}{quote(key)}: {pretty(item, inner, quote)}" for key, item in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + indent + "}"
    if type(value) in (list, tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + pretty(item, inner, quote) for item in value) + "\n" + indent + "]"
    ascii_escape = quote is encode_basestring_ascii
    return json.dumps(value, ensure_ascii=ascii_escape, indent=2).replace("\n", "\n" + indent)
