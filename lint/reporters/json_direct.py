"""JSON text of the common findings straight from their attributes, for ``--format json`` and
``--format json-lines``: no ``as_dict``, no dicts, one %-template for a whole finding of the
usual shape (~3x faster on a P101 flood of ~150 findings a file). Anything that is not exactly
that shape is left to the caller's general path, which writes the same text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.names import escape_name
from fzlint.reporters import ReportOptions
from fzlint.run.engine import FileResult

Encode = Callable[[str], str]


class Templates(NamedTuple):
    """One layout of the documented keys (``Diagnostic.as_dict``): ``no_fix`` and ``with_fix``
    take path, line, column, end_line, end_column, code, name, severity, message (all already
    JSON), ``with_fix`` then the fix's message, applicability and its edits' array; ``one_edit``
    is ``with_fix`` with the array of one ``edit`` written in; ``edits`` opens, separates and
    closes an array of several."""

    no_fix: str
    with_fix: str
    one_edit: str
    edit: str
    edits: tuple[str, str, str]


_SEVERITIES = {severity: '"%s"' % severity.value for severity in Severity}  # noqa: UP031 (ASCII)
_APPLICABILITY = ('"unsafe"', '"safe"')


def texts(
    results: Iterable[FileResult], options: ReportOptions, templates: Templates, encode: Encode
) -> Iterator[tuple[Diagnostic, str | None]]:
    """Each visible finding with its text, or None where the caller's general path must write it.
    A file's findings share its path: escaped and encoded once, not per finding."""
    raw_path: str | None = None
    path = ""
    for diagnostic in options.each_visible(results):
        if type(diagnostic.path) is not str:
            yield diagnostic, None
            continue
        if diagnostic.path is not raw_path:
            raw_path, path = diagnostic.path, encode(escape_name(diagnostic.path))
        yield diagnostic, direct(diagnostic, path, encode, templates)


def direct(d: Diagnostic, path: str, encode: Encode, templates: Templates) -> str | None:
    """``d`` in ``templates`` when it holds what as_dict turns into the documented shape: exact
    types, since a bool is no int to JSON, a subclass may have its own as_dict and a plain
    string is no Severity; None for anything else. ``path`` is ``d.path`` escaped and encoded."""
    if type(d) is not Diagnostic or type(d.severity) is not Severity:
        return None
    line, column, end_line, end_column, fix = d.line, d.column, d.end_line, d.end_column, d.fix
    if not (type(line) is type(column) is type(end_line) is type(end_column) is int):
        return None
    code, name, message = d.code, d.name, d.message
    if not (type(code) is type(name) is type(message) is str):
        return None
    head = (path, line, column, end_line, end_column, encode(code), encode(name), _SEVERITIES[d.severity])
    head += (encode(message),)
    if fix is None:
        return templates.no_fix % head
    if type(fix) is not Fix or type(fix.message) is not str or type(fix.edits) is not tuple:
        return None
    head += (encode(fix.message), _APPLICABILITY[bool(fix.safe)])
    edits = fix.edits
    if len(edits) == 1 and type(edit := edits[0]) is Edit:  # most fixes: one template for the whole item
        e_line, e_column, e_end_line, e_end_column, content = (
            edit.line,
            edit.column,
            edit.end_line,
            edit.end_column,
            edit.content,
        )
        if type(e_line) is type(e_column) is type(e_end_line) is type(e_end_column) is int and type(content) is str:
            return templates.one_edit % (*head, e_line, e_column, e_end_line, e_end_column, encode(content))
        return None
    written = []
    for edit in edits:
        text = _edit(edit, encode, templates.edit)
        if text is None:
            return None
        written.append(text)
    opening, separator, closing = templates.edits
    return templates.with_fix % (*head, opening + separator.join(written) + closing if written else "[]")


def _edit(edit: Edit, encode: Encode, template: str) -> str | None:
    """One edit in ``template``; None unless a plain Edit of ints and a str."""
    if type(edit) is not Edit:
        return None
    line, column, end_line, end_column, content = edit.line, edit.column, edit.end_line, edit.end_column, edit.content
    if not (type(line) is type(column) is type(end_line) is type(end_column) is int and type(content) is str):
        return None
    return template % (line, column, end_line, end_column, encode(content))


def templates(
    head: str, body: str, fix: str, edit: str, edits: tuple[str, str, str], ends: tuple[str, str]
) -> Templates:
    """The four templates from a layout's pieces: ``head + body`` end at the fix's value,
    ``fix`` at its edits' array; ``ends`` close the fix and the finding after the array."""
    close_fix, close_item = ends
    return Templates(
        no_fix=head + body + "null" + close_item,
        with_fix=head + body + fix + "%s" + close_fix + close_item,
        one_edit=head + body + fix + edits[0] + edit + edits[2] + close_fix + close_item,
        edit=edit,
        edits=edits,
    )


# json.dumps(as_dict(d)) of json-lines: separators ", " and ": ", no indent.
FLAT = templates(
    '{"path": %s, "line": %d, "column": %d, "end_line": %d, "end_column": %d, ',
    '"code": %s, "name": %s, "severity": %s, "message": %s, "fix": ',
    '{"message": %s, "applicability": %s, "edits": ',
    '{"line": %d, "column": %d, "end_line": %d, "end_column": %d, "content": %s}',
    ("[", ", ", "]"),
    ("}", "}"),
)

# json.dump(items, indent=2) of --format json: each finding as it stands inside the array.
INDENTED = templates(
    '{\n    "path": %s,\n    "line": %d,\n    "column": %d,\n    "end_line": %d,\n    "end_column": %d,\n',
    '    "code": %s,\n    "name": %s,\n    "severity": %s,\n    "message": %s,\n    "fix": ',
    '{\n      "message": %s,\n      "applicability": %s,\n      "edits": ',
    '{\n          "line": %d,\n          "column": %d,\n          "end_line": %d,\n'
    '          "end_column": %d,\n          "content": %s\n        }',
    ("[\n        ", ",\n        ", "\n      ]"),
    ("\n    }", "\n  }"),
)
