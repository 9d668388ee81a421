"""Suppression comments in Markdown reports, applied after every rule has run.

``<!-- fzlint-disable CODE… -->`` turns codes off until ``<!-- fzlint-enable [CODE…] -->``
(or the end of the file); ``<!-- fzlint-disable-next-line CODE… -->`` covers the next
non-blank line; ``<!-- fzlint-disable-file CODE… -->`` the whole file. Without codes a
directive covers every rule. Codes may be prefixes (``W1``) and are separated by spaces
or commas. A directive code that suppressed nothing is reported as X101, so stale
suppressions do not pile up (ruff's RUF100 idea).

Plain text and .docx have no comments: use ``per-file-ignores`` or a baseline there.
"""

from __future__ import annotations

from dataclasses import dataclass

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.directives import UNUSED_CODE, UNUSED_NAME, Directive, parse
from fzlint.document import Document
from fzlint.run.engine import CRASH_CODE, FileResult, is_reported, lint_document
from fzlint.settings import Settings


@dataclass(frozen=True)
class Scope:
    directive: Directive
    code: str
    first: int  # 1-based lines, inclusive
    last: int

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self.first <= diagnostic.line <= self.last and (
            self.code == "ALL" or diagnostic.code.startswith(self.code)
        )


def scopes(directives: list[Directive], lines: list[str]) -> list[Scope]:
    """The line ranges each directive code covers."""
    last_line = len(lines)
    found: list[Scope] = []
    open_: list[tuple[Directive, str]] = []
    for directive in directives:
        codes = list(directive.codes) or ["ALL"]
        if directive.kind == "disable-file":
            found += [Scope(directive, code, 1, last_line) for code in codes]
        elif directive.kind == "disable-next-line":
            target = next((i + 1 for i in range(directive.line, last_line) if lines[i].strip()), None)
            if target is not None:
                found += [Scope(directive, code, target, target) for code in codes]
        elif directive.kind == "disable":
            open_ += [(directive, code) for code in codes]
        else:  # enable: closes the named codes, or everything when it names none
            closing = [(d, c) for d, c in open_ if not directive.codes or c in directive.codes]
            found += [Scope(d, c, d.line + 1, directive.line - 1) for d, c in closing]
            open_ = [entry for entry in open_ if entry not in closing]
    found += [Scope(d, c, d.line + 1, last_line) for d, c in open_]
    return found


def lint_suppressed(document: Document, settings: Settings) -> list[Diagnostic]:
    """Lint a document and drop what its suppression comments suppress (used by --fix)."""
    result = FileResult(path=document.path, document=document, diagnostics=lint_document(document, settings))
    return apply(result, settings).diagnostics


def apply(result: FileResult, settings: Settings) -> FileResult:
    """Drop suppressed diagnostics from a Markdown file's result and add X101 for unused codes."""
    document = result.document
    if document is None or document.kind != "markdown":
        return result
    directives, _ = parse(document.lines)
    if not directives:
        return result
    covering = scopes(directives, document.lines)
    kept: list[Diagnostic] = []
    for diagnostic in result.diagnostics:
        hits = [] if diagnostic.code == CRASH_CODE else [s for s in covering if s.covers(diagnostic)]
        for scope in hits:
            scope.directive.used.add(scope.code)
        if not hits:
            kept.append(diagnostic)
    unused = [
        d
        for d in unused_diagnostics(directives, result.path, settings)
        if not any(s.code == UNUSED_CODE and s.covers(d) for s in covering)
    ]
    result.diagnostics = sorted(kept + unused, key=Diagnostic.sort_key)
    return result


def unused_diagnostics(directives: list[Directive], path: str, settings: Settings) -> list[Diagnostic]:
    if not is_reported(UNUSED_CODE, path, settings):
        return []
    from fzlint.run.plugins import registry

    known = registry().rules
    severity = settings.severity.get(UNUSED_CODE, Severity.WARNING)
    found = []
    for directive in directives:
        if directive.kind == "enable":
            continue
        codes = directive.codes or {"ALL": directive.column}
        for code, column in codes.items():
            known_code = code == "ALL" or any(k.startswith(code) for k in known)
            # An unknown code is X101's own check; a code not enabled in this run may
            # well be needed when it is, so neither counts as unused here.
            if code in directive.used or not known_code or not _enabled(code, settings, known):
                continue
            what = "这条抑制注释" if code == "ALL" else f"抑制注释中的 {code}"
            end = directive.end_column if code == "ALL" else column + len(code)
            found.append(
                Diagnostic(
                    path=path,
                    line=directive.line,
                    column=column,
                    end_line=directive.line,
                    end_column=end,
                    code=UNUSED_CODE,
                    name=UNUSED_NAME,
                    severity=severity,
                    message=f"{what}没有抑制任何问题：请删除它，免得过时的抑制越积越多",
                )
            )
    return found


def _enabled(prefix: str, settings: Settings, known: dict) -> bool:
    return prefix == "ALL" or any(settings.is_enabled(k) for k in known if k.startswith(prefix))
