"""fzlint's positions (1-based lines, 1-based character columns, end exclusive) as LSP ones.

LSP positions are 0-based and count code units of the negotiated position encoding
(LSP 3.17 ``general.positionEncodings``: UTF-16 unless the client offers UTF-8 or
UTF-32). A CJK character is one UTF-16 unit but three UTF-8 bytes; a character outside
the BMP (𠀾) is two UTF-16 units: every column goes through :class:`Columns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lsprotocol import types

from fzlint.diagnostics import Diagnostic, Edit, Severity
from fzlint.document import Document

SOURCE = "fzlint"
SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Columns:
    """Character columns ↔ the client's code units, for one document."""

    lines: list[str]
    encoding: str = types.PositionEncodingKind.Utf16

    def units(self, text: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8"))
        return len(text.encode("utf-16-le")) // 2

    def position(self, line: int, column: int) -> types.Position:
        """A 1-based fzlint (line, column) as an LSP position, clamped to the text."""
        index = min(max(line - 1, 0), len(self.lines) - 1)
        if line - 1 > index:  # past the last line: its end
            return types.Position(index, self.units(self.lines[index]))
        text = self.lines[index]
        return types.Position(index, self.units(text[: max(column - 1, 0)]))

    def column(self, position: types.Position) -> tuple[int, int]:
        """An LSP position as a 1-based fzlint (line, column); a unit inside a character rounds down."""
        index = min(max(position.line, 0), len(self.lines) - 1)
        text, used, chars = self.lines[index], 0, 0
        for char in text:
            step = self.units(char)
            if used + step > position.character:
                break
            used += step
            chars += 1
        return index + 1, chars + 1

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(self.position(line, column), self.position(end_line, end_column))


def lsp_diagnostic(diagnostic: Diagnostic, columns: Columns, docs_url: str | None = None) -> types.Diagnostic:
    data: dict[str, Any] = {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "fix": diagnostic.fix.as_dict() if diagnostic.fix else None,
    }
    return types.Diagnostic(
        range=columns.range(diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column),
        message=diagnostic.message,
        severity=SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        source=SOURCE,
        code_description=_description(diagnostic, docs_url),
        data=data,
    )


def _description(diagnostic: Diagnostic, template: str | None) -> types.CodeDescription | None:
    if not template:
        return None
    return types.CodeDescription(href=template.format(code=diagnostic.code, name=diagnostic.name))


def text_edit(edit: Edit, columns: Columns, document: Document) -> types.TextEdit:
    """One fzlint edit; inserted line breaks take the buffer's own style."""
    content = edit.content
    if document.newline != "\n":
        content = content.replace("\r\n", "\n").replace("\n", document.newline)
    return types.TextEdit(columns.range(edit.line, edit.column, edit.end_line, edit.end_column), content)


def contains(diagnostic: Diagnostic, line: int, column: int) -> bool:
    """Whether a 1-based position is on the diagnostic's span (its end included, for the cursor)."""
    start, end = (diagnostic.line, diagnostic.column), (diagnostic.end_line, diagnostic.end_column)
    return start <= (line, column) <= end


def overlaps(diagnostic: Diagnostic, first: tuple[int, int], last: tuple[int, int]) -> bool:
    """Whether a selection shares a character with the span; an empty one (the cursor) may
    also sit at either end of it."""
    if first == last:
        return contains(diagnostic, *first)
    start, end = (diagnostic.line, diagnostic.column), (diagnostic.end_line, diagnostic.end_column)
    return start < last and first < end
