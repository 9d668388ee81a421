"""``--format json-lines``: one JSON object per line (the ``json`` keys), for streaming."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from fzlint.reporters import Parts, ReportOptions, streamable
from fzlint.reporters.json_output import as_dict
from fzlint.run.engine import FileResult


def items(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    ascii_escape = options.extra.get("ascii", False)
    for diagnostic in options.each_visible(results):
        yield json.dumps(as_dict(diagnostic), ensure_ascii=ascii_escape) + "\n"


render = streamable(Parts(), items)
