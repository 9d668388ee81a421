"""Suppression comments applied to a Markdown report's findings, after every rule has run.

The directives themselves (syntax, scopes) are :mod:`fzlint.parse.directives`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from fzlint.diagnostics import CRASH_CODE, Diagnostic, Severity
from fzlint.document import Document
from fzlint.parse.directives import UNUSED_CODE, UNUSED_NAME, Directive, parse, scopes
from fzlint.settings import Settings


def apply(
    document: Document,
    diagnostics: list[Diagnostic],
    settings: Settings,
    known_codes: Collection[str],
    reported: Callable[[str], bool],
) -> list[Diagnostic]:
    """Drop what a Markdown file's suppression comments suppress and add X101 for unused codes.

    ``reported(code)`` says whether select/ignore/per-file-ignores let a code through.
    """
    if document.kind != "markdown":
        return diagnostics
    directives, _ = parse(document.lines)
    if not directives:
        return diagnostics
    covering = scopes(directives, document.lines)
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        hits = [] if diagnostic.code == CRASH_CODE else [s for s in covering if s.covers(diagnostic)]
        for scope in hits:
            scope.directive.used.add(scope.code)
        if not hits:
            kept.append(diagnostic)
    unused = []
    if reported(UNUSED_CODE):
        unused = [
            d
            for d in unused_diagnostics(directives, document.path, settings, known_codes)
            if not any(s.code == UNUSED_CODE and s.covers(d) for s in covering)
        ]
    return sorted(kept + unused, key=Diagnostic.sort_key)


def unused_diagnostics(
    directives: list[Directive], path: str, settings: Settings, known: Collection[str]
) -> list[Diagnostic]:
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


def _enabled(prefix: str, settings: Settings, known: Collection[str]) -> bool:
    return prefix == "ALL" or any(settings.is_enabled(k) for k in known if k.startswith(prefix))
