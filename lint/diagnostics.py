"""Diagnostics, fixes and severities: what every rule produces and every reporter prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# The engine's own finding when a rule or plugin raises (the other rules still report).
CRASH_CODE = "E999"
CRASH_NAME = "internal-error"


def one_line(text: str) -> str:
    """``text`` with its line breaks as spaces: a message or an error is one line, whatever it quotes."""
    return " ".join(text.split("\n")).replace("\r", " ")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Edit:
    """Replace the text between two 1-based positions (end exclusive) with ``content``."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "content": self.content,
        }


@dataclass(frozen=True)
class Fix:
    """A set of non-overlapping edits that mend one diagnostic.

    ``safe`` fixes are applied by ``--fix``; unsafe ones need ``--unsafe-fixes``.
    """

    edits: tuple[Edit, ...]
    message: str
    safe: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "applicability": "safe" if self.safe else "unsafe",
            "edits": [edit.as_dict() for edit in self.edits],
        }


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Lines and columns are 1-based, columns count characters, end is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # 1-based lines (first, last) the finding speaks for when that is more than its span
    # (S104 marks a heading but judges the whole section): rules that defer to it yield there.
    covers: tuple[int, int] | None = field(default=None, compare=False, hash=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def extent(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(start, end) positions of what the finding speaks for (``covers`` or its span)."""
        if self.covers is not None:
            return (self.covers[0], 1), (self.covers[1], 1 << 62)
        return (self.line, self.column), (self.end_line, self.end_column)

    def as_dict(self) -> dict[str, Any]:
        """The documented JSON shape: exactly these ten keys."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix.as_dict() if self.fix else None,
        }
