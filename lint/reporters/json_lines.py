"""``--format json-lines``: one JSON object per line (the ``json`` keys), for streaming."""

from __future__ import annotations

import json
from typing import TextIO

from fzlint.reporters import ReportOptions, document_free
from fzlint.run.engine import FileResult


@document_free
def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    for diagnostic in options.each_visible(results):
        stream.write(json.dumps(diagnostic.as_dict(), ensure_ascii=False) + "\n")
