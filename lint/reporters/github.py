"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message``. Escaping
follows the runner's rules: in the message ``%``, CR and LF are percent-encoded;
in property values ``:`` and ``,`` as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters import Parts, ReportOptions, escape_name, streamable
from fzlint.run.engine import FileResult

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line_for(diagnostic: Diagnostic) -> str:
    properties = {
        "file": escape_name(diagnostic.path),
        "line": diagnostic.line,
        "col": diagnostic.column,
        "endLine": diagnostic.end_line,
        "endColumn": diagnostic.end_column,
        "title": diagnostic.code,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMAND[diagnostic.severity]} {joined}::{escape_data(diagnostic.message)}"


def items(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    for diagnostic in options.each_visible(results):
        yield line_for(diagnostic) + "\n"


render = streamable(Parts(), items)
