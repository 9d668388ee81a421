"""Code actions and hover for a linted document.

Each diagnostic with a fix becomes a quick fix: safe fixes are ``isPreferred`` (an editor
applies them on "auto fix"), unsafe ones say 不安全 in their title and are never preferred.
"Fix all safe" is a ``source.fixAll.fzlint`` action: ``fzlint check --fix`` on the buffer
in memory, as one edit of the whole text (as ruff's server does).
"""

from __future__ import annotations

from lsprotocol import types

from fzlint.diagnostics import Diagnostic
from fzlint.rule import Rule
from fzlint.run.plugins import Registry
from fzlint.server.convert import Columns, contains, lsp_diagnostic, overlaps, text_edit
from fzlint.server.linting import Linted, Linter, PreviousError

FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.fzlint"
UNSAFE_LABEL = "（不安全）"


def quick_fixes(
    uri: str, linted: Linted, columns: Columns, first: tuple[int, int], last: tuple[int, int], unsafe: bool
) -> list[types.CodeAction]:
    actions = []
    for diagnostic in linted.diagnostics:
        fix = diagnostic.fix
        if fix is None or not fix.edits or not overlaps(diagnostic, first, last) or (not fix.safe and not unsafe):
            continue
        edits = [text_edit(edit, columns, linted.document) for edit in fix.edits]
        title = f"{diagnostic.code}：{fix.message}" + ("" if fix.safe else UNSAFE_LABEL)
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp_diagnostic(diagnostic, columns)],
                is_preferred=fix.safe,
                edit=types.WorkspaceEdit(changes={uri: edits}),
            )
        )
    return actions


def fix_all(uri: str, linted: Linted, linter: Linter, columns: Columns) -> types.CodeAction | None:
    """All safe fixes at once, or None when there is nothing to fix."""
    if not any(d.fix is not None and d.fix.safe and d.fix.edits for d in linted.diagnostics):
        return None
    try:
        fixed = linter.fix_all(linted)
    except PreviousError:  # last year's report went away since the lint: no fix-all this time
        return None
    if not fixed.changed:
        return None
    lines = linted.document.lines
    whole = columns.range(1, 1, len(lines), len(lines[-1]) + 1)
    return types.CodeAction(
        title=f"fzlint：修复全部安全问题（{fixed.applied} 处）",
        kind=FIX_ALL_KIND,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(whole, fixed.document.text)]}),
    )


def hover(linted: Linted, registry: Registry, columns: Columns, position: types.Position) -> types.Hover | None:
    """The explanation of every rule with a diagnostic under the cursor."""
    line, column = columns.column(position)
    found = [d for d in linted.diagnostics if contains(d, line, column)]
    if not found:
        return None
    parts = []
    for diagnostic in dict.fromkeys(found):
        cls = registry.rule(diagnostic.code)
        parts.append(explanation(diagnostic, cls))
    first = found[0]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=columns.range(first.line, first.column, first.end_line, first.end_column),
    )


def explanation(diagnostic: Diagnostic, cls: type[Rule] | None) -> str:
    """``fzlint explain`` as Markdown: the finding, the rule, its bad and good example."""
    head = f"**{diagnostic.code} {diagnostic.name}**（{diagnostic.severity.value}）：{diagnostic.message}"
    if cls is None:  # E999, X101 and other findings made outside a rule class
        return head
    return "\n\n".join(
        [
            head,
            cls.summary,
            cls.explanation(),
            f"错误示例：\n\n```text\n{cls.bad.rstrip()}\n```",
            f"正确示例：\n\n```text\n{cls.good.rstrip()}\n```",
        ]
    )
