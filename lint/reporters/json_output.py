"""``--format json``: one JSON array of diagnostics, each with exactly the documented keys."""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C function when _json is available
from typing import Any, TextIO

from fzlint.reporters import ReportOptions
from fzlint.run.engine import FileResult

_BATCH = 500  # diagnostics per write


def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    # Item by item, written in batches: byte for byte what json.dump(items, indent=2) writes,
    # but neither one write per token (json.dump) nor the whole array in memory at once
    # (json.dumps), which for a 20 MB report with 300,000 findings is gigabytes.
    opened = False
    batch: list[str] = []
    for diagnostic in options.each_visible(results):
        batch.append((",\n  " if opened else "[\n  ") + pretty(diagnostic.as_dict(), "  "))
        opened = True
        if len(batch) >= _BATCH:
            stream.write("".join(batch))
            batch.clear()
    stream.write("".join(batch) + ("\n]\n" if opened else "[]\n"))


def pretty(value: Any, indent: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` nested at ``indent``.

    json's indented output is produced by its pure-Python encoder (~4 ms per seed-sized
    report); this walks the few shapes a diagnostic has and leaves strings to the C
    escaper. Anything else (floats, other key types) goes to json itself.
    """
    if type(value) is str:
        return encode_basestring(value)
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
        members = [f"{inner}{encode_basestring(key)}: {pretty(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + indent + "}"
    if type(value) in (list, tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + pretty(item, inner) for item in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
