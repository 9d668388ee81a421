"""Are the safe fixes safe on real documents? ``--fix`` on every corpus file, every edit checked.

Two kinds of damage are counted, pass by pass as ``--fix`` applies them:
- a whole line removed that the labels call title, report element or report text (a line
  with the same words left elsewhere, as when a page-header copy of the title goes, is fine);
- a run of layout spaces joined: two or more spaces (or any U+3000) between characters of
  a line, which real documents use to space short titles (证  明), names (龚 正) and to align
  发文字号/签发人 and joint issuers.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from quality_corpus import Entry

from fzlint.document import Document
from fzlint.fix.autofix import MAX_PASSES
from fzlint.fix.fixes import apply_fixes
from fzlint.load.loading import load_path
from fzlint.run.engine import lint_document
from fzlint.run.plugins import Registry, new_registry
from fzlint.settings import Settings

# Spaces between two characters of a line: two or more, or an ideographic space.
_LAYOUT = re.compile(r"(?<=\S)(?:[ \u00a0\u3000]{2,}|\u3000)(?=\S)")


@dataclass(frozen=True)
class Violation:
    name: str
    code: str
    kind: str  # "removed line" or "joined spaces"
    text: str

    def __str__(self) -> str:
        return f"{self.name}: {self.code} {self.kind}: {self.text[:50]}"


def key(text: str) -> str:
    """A line's words: full/half width and spacing do not matter (P101/P102 change those)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def check_entry(entry: Entry, settings: Settings | None = None, registry: Registry | None = None) -> list[Violation]:
    """Fix ``entry`` in memory as ``--fix`` would (the file as stored, not the restored copy)."""
    settings = settings or Settings()
    registry = registry or new_registry()
    document: Document = load_path(entry.path, registry.manager, entry.name)
    original = document.lines
    protected = Counter(key(original[n - 1]) for n in entry.protected if n <= len(original))
    violations: list[Violation] = []
    current = document
    seen = {document.text}
    for _ in range(MAX_PASSES):
        outcome = apply_fixes(current, lint_document(current, settings, registry), unsafe=False)
        if not outcome.applied or outcome.text in seen:
            break
        seen.add(outcome.text)
        new = dataclasses.replace(current, text=outcome.text)
        remaining = Counter(key(line) for line in new.lines)
        text = current.text
        code_of = {}
        for diagnostic in outcome.applied:
            for edit in diagnostic.fix.edits:  # type: ignore[union-attr]
                code_of[(edit.line, edit.column)] = diagnostic.code
        positions = _line_spans(text)
        for span in outcome.spans:
            line_no = next(i for i, (a, b) in enumerate(positions) if a <= span.start <= b + 1)
            code = _code_at(code_of, text, positions, span.start)
            for a, b in positions:
                words = key(text[a:b])
                whole = words and span.start <= a and b <= span.end and words not in key(span.content)
                if whole and remaining[words] < protected[words]:
                    violations.append(Violation(entry.name, code, "removed line", text[a:b].strip()))
            a, b = positions[line_no]
            line = text[a:b]
            for run in _LAYOUT.finditer(line):
                lo, hi = a + run.start(), a + run.end()
                overlaps = span.start < hi and lo < span.end
                lost = text[span.start : span.end].count(" ") + text[span.start : span.end].count("\u3000")
                kept = span.content.count(" ") + span.content.count("\u3000")
                whole_line = span.start <= a and b <= span.end
                if overlaps and kept < lost and not whole_line:
                    violations.append(Violation(entry.name, code, "joined spaces", line.strip()))
        current = new
    return violations


def _code_at(code_of: dict[tuple[int, int], str], text: str, positions: list[tuple[int, int]], offset: int) -> str:
    for i, (a, b) in enumerate(positions):
        if a <= offset <= b:
            return code_of.get((i + 1, offset - a + 1), code_of.get((i + 2, 1), "?"))
    return "?"


def check_corpus(entries: list[Entry]) -> list[Violation]:
    registry = new_registry()
    return [v for entry in entries for v in check_entry(entry, registry=registry)]
