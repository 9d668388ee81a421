"""``--format concise``: ``path:line:col: severity: CODE message``, one line per diagnostic.

The GNU form (as gcc prints it) that Vim's errorformat, Emacs compilation-mode and a
VS Code problem matcher parse, severity included so they can tell errors from warnings
(README has the settings). Colour only on a terminal.

Columns count characters unless ``--column-unit`` asks for what an editor counts:
``byte`` (UTF-8 bytes, what Vim's ``%c`` reads) or ``utf-16`` (VS Code's columns).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters import Parts, ReportOptions, escape_name, streamable
from fzlint.run.engine import FileResult

_BOLD, _RESET = "\033[1m", "\033[0m"
_CODE_COLOR = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
COLUMN_UNITS = ("character", "byte", "utf-16")


def column_in(unit: str, line: str, column: int) -> int:
    """A 1-based character column of ``line`` counted in ``unit`` (still 1-based)."""
    before = line[: column - 1]
    if unit == "byte":
        return len(before.encode("utf-8")) + 1
    if unit == "utf-16":
        return len(before.encode("utf-16-le")) // 2 + 1
    return column


def line_for(diagnostic: Diagnostic, color: bool = False, column: int | None = None) -> str:
    where = f"{escape_name(diagnostic.path)}:{diagnostic.line}:{column or diagnostic.column}:"
    # A message is one line; a stray line break would split the record.
    message = escape_name(" ".join(diagnostic.message.splitlines()))
    severity = diagnostic.severity.value
    if not color:
        return f"{where} {severity}: {diagnostic.code} {message}"
    code = f"{_CODE_COLOR[diagnostic.severity]}{diagnostic.code}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {severity}: {code} {message}"


def items(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    color = bool(options.color)  # decided for the stream (reporters.for_stream)
    unit = options.extra.get("column_unit", "character")
    for result in results:
        lines = result.document.lines if result.document is not None and unit != "character" else None
        for diagnostic in options.each_visible([result]):
            column = None
            if lines is not None and 0 < diagnostic.line <= len(lines):
                column = column_in(unit, lines[diagnostic.line - 1], diagnostic.column)
            yield line_for(diagnostic, color, column) + "\n"


render = streamable(Parts(), items)
