"""``--format json-lines``: one JSON object per line (the ``json`` keys), for streaming."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring, encode_basestring_ascii

from fzlint.reporters import Parts, ReportOptions, json_direct, streamable
from fzlint.reporters.json_direct import FLAT
from fzlint.reporters.json_output import as_dict
from fzlint.run.engine import FileResult


def items(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    # The common findings from templates (json_direct.FLAT: what json.dumps writes for them),
    # the rest through json.dumps itself.
    ascii_escape = options.extra.get("ascii", False)
    encode = encode_basestring_ascii if ascii_escape else encode_basestring
    for diagnostic, text in json_direct.texts(results, options, FLAT, encode):
        if text is None:
            text = json.dumps(as_dict(diagnostic), ensure_ascii=ascii_escape)
        yield text + "\n"


render = streamable(Parts(), items)
