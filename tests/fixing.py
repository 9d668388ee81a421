"""Apply a diagnostic's fix to text, as --fix would (test helper)."""

from __future__ import annotations

from itertools import pairwise


def apply_fixes(text: str, diagnostics) -> str:
    """Apply every fix (edits must not overlap); positions are 1-based, end exclusive."""
    lines = text.split("\n")
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    edits = [e for d in diagnostics if d.fix for e in d.fix.edits]
    spans = sorted(
        (offsets[e.line - 1] + e.column - 1, offsets[e.end_line - 1] + e.end_column - 1, e.content) for e in edits
    )
    for (_, end, _), (start, _, _) in pairwise(spans):
        assert end <= start, "overlapping fixes"
    for start, end, content in reversed(spans):
        text = text[:start] + content + text[end:]
    return text
