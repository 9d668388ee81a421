"""``--format json``: one JSON array of diagnostics, each with exactly the documented keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    for diagnostic, text in json_direct.texts(results, options, json_direct.INDENTED, encode):
        if text is None:  # a shape the templates do not cover (a plugin's subclass, odd field types)
            text = dumps_indented(as_dict(diagnostic), ensure_ascii=ascii_escape, level=1)
        yield text


render = streamable(Parts("[\n  ", ",\n  ", "\n]\n", "[]\n"), items, batch=lambda: _BATCH)


def as_dict(diagnostic: Any) -> dict[str, Any]:
    """The documented keys, the path shown as every output shows names (escaped)."""
    found = diagnostic.as_dict()
    found["path"] = escape_name(found["path"])
    return found
