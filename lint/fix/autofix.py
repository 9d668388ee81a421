"""``--fix`` / ``--diff``: fix, re-lint until nothing more applies, then write or show a diff.

Each file is fixed in memory: lint, apply the non-overlapping fixes, lint the
new text again, up to :data:`MAX_PASSES` passes (a fix deferred because it
overlapped another is picked up in the next pass). Only then is anything
written, once, through :mod:`fzlint.fix.writeback` (a .docx through
:mod:`fzlint.docx.fix`, which edits the runs in place and keeps all formatting).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from fzlint.diagnostics import Diagnostic
from fzlint.document import Document
from fzlint.fix.fixes import apply_fixes
from fzlint.run.engine import FileResult
from fzlint.settings import Settings

MAX_PASSES = 100  # as ruff; the loop also stops as soon as a pass changes nothing


@dataclass(frozen=True)
class FixMode:
    write: bool  # --fix
    diff: bool  # --diff (wins over --fix: nothing is written)
    unsafe: bool  # --unsafe-fixes


@dataclass
class Fixed:
    """One document after fixing in memory."""

    original: Document
    document: Document  # the fixed text
    diagnostics: list  # what remains in the fixed text
    applied: int

    @property
    def changed(self) -> bool:
        return self.document.text != self.original.text


@dataclass
class FixRun:
    results: list[FileResult]
    fixed_count: int = 0
    files_changed: int = 0
    errors: list[str] = field(default_factory=list)  # "path: reason", one per refused file


# How a pass's text is linted again: the run's lint_document with its registry (which
# applies Markdown suppressions, so a suppressed finding is never fixed).
Relint = Callable[[Document, Settings], list[Diagnostic]]


def fix_document(
    document: Document,
    settings: Settings,
    unsafe: bool,
    relint: Relint,
    diagnostics: list[Diagnostic] | None = None,
) -> Fixed:
    """Fix ``document`` in memory, re-linting with ``relint`` after every pass."""
    current = document
    found = diagnostics if diagnostics is not None else relint(document, settings)
    applied = 0
    seen = {document.text}
    for _ in range(MAX_PASSES):
        outcome = apply_fixes(current, found, unsafe)
        if not outcome.applied or outcome.text in seen:  # nothing to do, or fixes undo each other
            break
        seen.add(outcome.text)
        applied += len(outcome.applied)
        current = dataclasses.replace(current, text=outcome.text)
        found = relint(current, settings)
    return Fixed(document, current, found, applied)


def unified_diff(fixed: Fixed) -> str:
    path = fixed.original.path
    label = "（段落文本）" if fixed.original.kind == "docx" else ""
    lines = difflib.unified_diff(
        fixed.original.lines,
        fixed.document.lines,
        fromfile=f"{path}{label}",
        tofile=f"{path}{label}",
        lineterm="",
    )
    return "\n".join(lines) + "\n"


def run_fixes(
    results: list[FileResult],
    settings: Settings | Sequence[Settings],
    mode: FixMode,
    diff_out: TextIO,
    relint: Relint,
    stdin_path: str | None = None,
) -> FixRun:
    """Fix every linted file; write (``--fix``) or print diffs (``--diff``) to ``diff_out``.

    Returns the results with the remaining diagnostics of each fixed file. For
    stdin with ``--fix`` the fixed text is printed to ``diff_out`` (as ruff does).
    """
    run = FixRun(results=[])
    per_file = [settings] * len(results) if isinstance(settings, Settings) else list(settings)
    for result, file_settings in zip(results, per_file, strict=True):
        document = result.document
        if document is None:
            run.results.append(result)
            continue
        unsafe = mode.unsafe or file_settings.unsafe_fixes
        fixed = fix_document(document, file_settings, unsafe, relint, result.diagnostics)
        if mode.diff:
            if fixed.changed:
                diff_out.write(unified_diff(fixed))
                run.files_changed += 1
                run.fixed_count += fixed.applied
            run.results.append(result)
        elif document.path == stdin_path:
            diff_out.write(fixed.document.text)
            run.fixed_count += fixed.applied
            run.results.append(_remaining(result, fixed))
        else:
            run.results.append(_write(result, fixed, run))
    return run


def _write(result: FileResult, fixed: Fixed, run: FixRun) -> FileResult:
    from fzlint.fix.writeback import WriteError, write_fixed, write_fixed_docx

    if not fixed.changed:
        return result
    try:
        if fixed.original.kind == "docx":
            write_fixed_docx(Path(result.path), fixed.original, fixed.document)
        else:
            write_fixed(Path(result.path), fixed.original, fixed.document.text)
    except WriteError as error:
        run.errors.append(f"{result.path}: {error}")
        return result
    run.files_changed += 1
    run.fixed_count += fixed.applied
    return _remaining(result, fixed)


def _remaining(result: FileResult, fixed: Fixed) -> FileResult:
    return dataclasses.replace(result, document=fixed.document, diagnostics=fixed.diagnostics)
