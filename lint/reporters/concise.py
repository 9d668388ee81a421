"""``--format concise``: ``path:line:col: CODE message``, one line per diagnostic.

The GNU form that Vim's errorformat, Emacs compilation-mode and a VS Code
problem matcher parse (README has the settings). Colour only on a terminal.
"""

from __future__ import annotations

from typing import TextIO

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters import ReportOptions, document_free, escape_name, use_color
from fzlint.run.engine import FileResult

_BOLD, _RESET = "\033[1m", "\033[0m"
_CODE_COLOR = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}


def line_for(diagnostic: Diagnostic, color: bool = False) -> str:
    where = f"{escape_name(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}:"
    # A message is one line; a stray line break would split the record.
    message = escape_name(" ".join(diagnostic.message.splitlines()))
    if not color:
        return f"{where} {diagnostic.code} {message}"
    code = f"{_CODE_COLOR[diagnostic.severity]}{diagnostic.code}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {code} {message}"


@document_free
def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    color = use_color(stream, options.color)
    for diagnostic in options.each_visible(results):
        stream.write(line_for(diagnostic, color) + "\n")
