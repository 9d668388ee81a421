"""``--format json-lines``: one JSON object per line (the ``json`` keys), for streaming."""

from __future__ import annotations

import json
from typing import TextIO

from fzlint.reporters import ReportOptions, document_free
from fzlint.reporters.json_output import as_dict, ascii_only
from fzlint.run.engine import FileResult


@document_free
def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    ascii_escape = ascii_only(stream)
    for diagnostic in options.each_visible(results):
        stream.write(json.dumps(as_dict(diagnostic), ensure_ascii=ascii_escape) + "\n")
