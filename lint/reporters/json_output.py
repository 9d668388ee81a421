"""``--format json``: one JSON array of diagnostics, each with exactly the documented keys."""

from __future__ import annotations

import json
from typing import TextIO

from lint.engine import FileResult
from lint.reporters import ReportOptions


def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    items = [d.as_dict() for d in options.visible(results)]
    # One write: json.dump would call stream.write once per token (~100k calls for 2 MB).
    stream.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
