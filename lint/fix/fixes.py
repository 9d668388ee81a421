"""Applying fixes to a document's text: choose non-overlapping fixes, splice their edits.

Works for any :class:`fzlint.diagnostics.Fix`: each edit's 1-based (line, column)
positions are mapped to offsets in the document's original text (with its own
line terminators), so every character outside the edited spans, line breaks
included, is kept exactly. A fix is taken whole or not at all:

- a fix with an edit outside the text, or with edits that overlap each other,
  is ignored (a buggy rule must not damage a report);
- a fix whose edits touch or overlap an edit already accepted in this pass is
  left for the next pass (the caller re-lints and tries again, as ruff does).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from fzlint.diagnostics import Diagnostic, Fix
from fzlint.document import LINE_BREAK, Document


@dataclass(frozen=True, order=True)
class Span:
    """Replace ``text[start:end]`` with ``content`` (offsets in the original text)."""

    start: int
    end: int
    content: str

    def conflicts(self, other: Span) -> bool:
        """Overlapping, or touching where the order of the two edits would be ambiguous."""
        if self.start < other.end and other.start < self.end:
            return True
        touching = self.start <= other.end and other.start <= self.end
        return touching and (self.start == self.end or other.start == other.end)


@dataclass
class FixOutcome:
    text: str  # the new text (original terminators kept)
    applied: list[Diagnostic]  # diagnostics whose fixes went in, in order
    deferred: int  # fixes skipped because they clashed with one applied in this pass
    spans: list[Span]  # the accepted edits, sorted, in original-text offsets


class PositionMap:
    """1-based (line, column) → offset in :attr:`Document.text`."""

    def __init__(self, document: Document) -> None:
        self.lines = document.lines
        self.starts = [0] + [m.end() for m in LINE_BREAK.finditer(document.text)]
        self.newline = document.newline

    def offset(self, line: int, column: int) -> int | None:
        if not 1 <= line <= len(self.lines) or not 1 <= column <= len(self.lines[line - 1]) + 1:
            return None
        return self.starts[line - 1] + column - 1

    def spans(self, fix: Fix) -> list[Span] | None:
        """The fix's edits as spans, or None if any edit is out of range or they overlap."""
        spans = []
        for edit in fix.edits:
            start = self.offset(edit.line, edit.column)
            end = self.offset(edit.end_line, edit.end_column)
            if start is None or end is None or end < start:
                return None
            spans.append(Span(start, end, _with_newline(edit.content, self.newline)))
        spans.sort()
        if any(a.conflicts(b) for a, b in pairwise(spans)):
            return None
        return spans


def _with_newline(content: str, newline: str) -> str:
    """Inserted line breaks take the file's own style."""
    if "\n" not in content and "\r" not in content:
        return content
    return LINE_BREAK.sub(lambda _: newline, content)


def fixable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


def apply_fixes(document: Document, diagnostics: list[Diagnostic], unsafe: bool = False) -> FixOutcome:
    """One pass: accept fixes in diagnostic order while they clash with nothing accepted."""
    positions = PositionMap(document)
    accepted: list[Span] = []
    applied: list[Diagnostic] = []
    deferred = 0
    seen: set[Fix] = set()
    for diagnostic in diagnostics:
        if not fixable(diagnostic, unsafe) or diagnostic.fix in seen:
            continue
        assert diagnostic.fix is not None
        spans = positions.spans(diagnostic.fix)
        if spans is None:
            continue
        if any(span.conflicts(other) for span in spans for other in accepted):
            deferred += 1
            continue
        seen.add(diagnostic.fix)
        accepted += spans
        applied.append(diagnostic)
    accepted.sort()
    return FixOutcome(splice(document.text, accepted), applied, deferred, accepted)


def splice(text: str, spans: list[Span]) -> str:
    """``text`` with non-overlapping ``spans`` replaced."""
    pieces, position = [], 0
    for span in sorted(spans):
        pieces += [text[position : span.start], span.content]
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)
