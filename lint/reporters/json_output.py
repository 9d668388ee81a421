"""``--format json``: one JSON array of diagnostics, each with exactly the documented keys."""

from __future__ import annotations

import codecs
from typing import Any, TextIO

from fzlint.reporters import ReportOptions, document_free, escape_name
from fzlint.reporters.json_text import dumps_indented
from fzlint.run.engine import FileResult

_BATCH = 500  # diagnostics per write


@document_free
def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    # Item by item, written in batches: byte for byte what json.dump(items, indent=2) writes,
    # but neither one write per token (json.dump) nor the whole array in memory at once
    # (json.dumps), which for a 20 MB report with 300,000 findings is gigabytes; nor json's
    # pure-Python encoder, which indent= forces (json_text).
    opened = False
    batch: list[str] = []
    ascii_escape = ascii_only(stream)
    for diagnostic in options.each_visible(results):
        item = dumps_indented(as_dict(diagnostic), ensure_ascii=ascii_escape, level=1)
        batch.append((",\n  " if opened else "[\n  ") + item)
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
