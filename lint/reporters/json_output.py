"""``--format json``: one JSON array of diagnostics, each with exactly the documented keys."""

from __future__ import annotations

import json
from typing import TextIO

from fzlint.reporters import ReportOptions, document_free
from fzlint.run.engine import FileResult

_BATCH = 500  # diagnostics per write


@document_free
def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    # Item by item, written in batches: byte for byte what json.dump(items, indent=2) writes,
    # but neither one write per token (json.dump) nor the whole array in memory at once
    # (json.dumps), which for a 20 MB report with 300,000 findings is gigabytes.
    opened = False
    batch: list[str] = []
    for diagnostic in options.each_visible(results):
        item = json.dumps(diagnostic.as_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        batch.append((",\n  " if opened else "[\n  ") + item)
        opened = True
        if len(batch) >= _BATCH:
            stream.write("".join(batch))
            batch.clear()
    stream.write("".join(batch) + ("\n]\n" if opened else "[]\n"))
