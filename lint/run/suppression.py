"""Suppression comments applied to a Markdown report's findings, after every rule has run.

The directives themselves (syntax, scopes) are :mod:`fzlint.parse.directives`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection

from fzlint.diagnostics import CRASH_CODE, Diagnostic, Severity
from fzlint.document import Document
from fzlint.parse.directives import UNUSED_CODE, UNUSED_NAME, Directive, Scope, parse, scopes
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
    suppressed = _sweep(covering, [d for d in diagnostics if d.code != CRASH_CODE], mark=True)
    kept = [d for d in diagnostics if id(d) not in suppressed]
    unused = []
    if reported(UNUSED_CODE):
        candidates = unused_diagnostics(directives, document.path, settings, known_codes)
        # Only a directive naming X101 itself silences X101 (not one without codes).
        covered = _sweep([s for s in covering if s.code == UNUSED_CODE], candidates, mark=False)
        unused = [d for d in candidates if id(d) not in covered]
    return sorted(kept + unused, key=Diagnostic.sort_key)


def _prefixes(code: str) -> tuple[str, ...]:
    return ("ALL", *(code[:n] for n in range(1, len(code) + 1)))


def _sweep(covering: list[Scope], diagnostics: list[Diagnostic], mark: bool) -> set[int]:
    """ids of the diagnostics some scope covers; with ``mark``, each covering scope's code is
    recorded as used on its directive. One pass over lines: scopes open and close as the line
    advances, grouped by code, and a group's scopes are marked used once, so 20,000
    directives against 20,000 findings cost their sum, not their product."""
    opens = sorted(covering, key=lambda s: s.first)
    by_line = sorted(diagnostics, key=lambda d: d.line)
    active: dict[str, dict[int, Scope]] = {}  # code -> open scopes by id
    unmarked: dict[str, dict[int, Scope]] = {}  # code -> open scopes not yet marked used
    closing: list[tuple[int, int, Scope]] = []  # heap of (last line, id, scope)

    covered: set[int] = set()
    next_open = 0
    for diagnostic in by_line:
        line = diagnostic.line
        while next_open < len(opens) and opens[next_open].first <= line:
            scope = opens[next_open]
            next_open += 1
            if scope.last < scope.first:
                continue
            active.setdefault(scope.code, {})[id(scope)] = scope
            unmarked.setdefault(scope.code, {})[id(scope)] = scope
            heapq.heappush(closing, (scope.last, id(scope), scope))
        while closing and closing[0][0] < line:
            _, key, scope = heapq.heappop(closing)
            active[scope.code].pop(key, None)
            unmarked[scope.code].pop(key, None)
        hit = False
        for prefix in _prefixes(diagnostic.code):
            if active.get(prefix):
                hit = True
                if mark:
                    for scope in unmarked.get(prefix, {}).values():
                        scope.directive.used.add(scope.code)
                    unmarked[prefix] = {}
        if hit:
            covered.add(id(diagnostic))
    return covered


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
