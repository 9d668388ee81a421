"""Diagnostics, fixes and severities: what every rule produces and every reporter prints.

The three records are frozen, slotted dataclasses. Their ``__init__`` is written here rather
than generated: a frozen dataclass's own stores every field with ``object.__setattr__(self,
name, value)``, which looks the name up on the class each time; the slot's setter, taken once
from the class, stores it directly. A P101 flood builds ~150 findings a file, a 20 MB report
hundreds of thousands (most dropped by the per-rule cap), so building one costs half as much.
"""

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


def _setters(cls: type) -> tuple[Any, ...]:
    """The ``__set__`` of each of a slotted dataclass's slots, in field order."""
    return tuple(cls.__dict__[name].__set__ for name in cls.__slots__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, init=False)
class Edit:
    """Replace the text between two 1-based positions (end exclusive) with ``content``."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def __init__(self, line: int, column: int, end_line: int, end_column: int, content: str) -> None:
        set_line, set_column, set_end_line, set_end_column, set_content = _EDIT_SETTERS
        set_line(self, line)
        set_column(self, column)
        set_end_line(self, end_line)
        set_end_column(self, end_column)
        set_content(self, content)

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "content": self.content,
        }


_EDIT_SETTERS = _setters(Edit)


@dataclass(frozen=True, slots=True, init=False)
class Fix:
    """A set of non-overlapping edits that mend one diagnostic.

    ``safe`` fixes are applied by ``--fix``; unsafe ones need ``--unsafe-fixes``.
    """

    edits: tuple[Edit, ...]
    message: str
    safe: bool = True

    def __init__(self, edits: tuple[Edit, ...], message: str, safe: bool = True) -> None:
        set_edits, set_message, set_safe = _FIX_SETTERS
        set_edits(self, edits)
        set_message(self, message)
        set_safe(self, safe)

    def as_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "applicability": "safe" if self.safe else "unsafe",
            "edits": list(map(Edit.as_dict, self.edits)),
        }


_FIX_SETTERS = _setters(Fix)


@dataclass(frozen=True, slots=True, init=False)
class Diagnostic:
    """One finding. Lines and columns are 1-based, columns count characters, end is exclusive.

    Equal findings (every field but ``extra`` and ``covers``) are one finding: the engine drops
    the copies. The hash reads only where and what (path, line, column, code): equal findings
    share it, and it costs no walk through the message and the fix.
    """

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
    # Left empty by fzlint's rules; free for a plugin's own data (None: a new empty dict).
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # 1-based lines (first, last) the finding speaks for when that is more than its span
    # (S104 marks a heading but judges the whole section): rules that defer to it yield there.
    covers: tuple[int, int] | None = field(default=None, compare=False, hash=False)

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        fix: Fix | None = None,
        extra: dict[str, Any] | None = None,
        covers: tuple[int, int] | None = None,
    ) -> None:
        (
            set_path,
            set_line,
            set_column,
            set_end_line,
            set_end_column,
            set_code,
            set_name,
            set_severity,
            set_message,
            set_fix,
            set_extra,
            set_covers,
        ) = _DIAGNOSTIC_SETTERS
        set_path(self, path)
        set_line(self, line)
        set_column(self, column)
        set_end_line(self, end_line)
        set_end_column(self, end_column)
        set_code(self, code)
        set_name(self, name)
        set_severity(self, severity)
        set_message(self, message)
        set_fix(self, fix)
        set_extra(self, {} if extra is None else extra)
        set_covers(self, covers)

    def __hash__(self) -> int:
        return hash((self.path, self.line, self.column, self.code))

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def extent(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(start, end) positions of what the finding speaks for (``covers`` or its span)."""
        if self.covers is not None:
            return (self.covers[0], 1), (self.covers[1], 1 << 62)
        return (self.line, self.column), (self.end_line, self.end_column)

    def as_dict(self) -> dict[str, Any]:
        """The documented JSON shape: exactly these ten keys."""
        fix = self.fix
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
            "fix": None if fix is None else fix.as_dict(),
        }


_DIAGNOSTIC_SETTERS = _setters(Diagnostic)
