"""Suppression comments in Markdown reports: the directives and the lines they cover.

``<!-- fzlint-disable CODE… -->`` turns codes off until ``<!-- fzlint-enable [CODE…] -->``
(or the end of the file); ``<!-- fzlint-disable-next-line CODE… -->`` covers the next
non-blank line; ``<!-- fzlint-disable-file CODE… -->`` the whole file. Without codes a
directive covers every rule. Codes may be prefixes (``W1``) and are separated by spaces
or commas. A directive code that suppressed nothing is reported as X101, so stale
suppressions do not pile up (ruff's RUF100 idea).

Plain text and .docx have no comments: use ``per-file-ignores`` or a baseline there.
Applying them to findings is :mod:`fzlint.run.suppression`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fzlint.diagnostics import Diagnostic

UNUSED_CODE = "X101"
UNUSED_NAME = "unused-suppression"
DIRECTIVE_KINDS = ("disable-next-line", "disable-file", "disable", "enable")
# Any fzlint-… comment; the kind is checked separately so a misspelling is reported.
COMMENT = re.compile(r"<!--\s*fzlint-(?P<kind>[a-z-]*)(?P<codes>.*?)-->")
CODE_TOKEN = re.compile(r"[^\s,，]+")


@dataclass
class Directive:
    kind: str
    line: int  # 1-based
    column: int  # 1-based start of the comment
    end_column: int  # exclusive
    codes: dict[str, int] = field(default_factory=dict)  # code (or ALL) -> 1-based column
    used: set[str] = field(default_factory=set)


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


def parse(lines: list[str]) -> tuple[list[Directive], list[Directive]]:
    """Well-formed directives, and comments that start with ``fzlint-`` but are not one."""
    good, bad = [], []
    for index, text in enumerate(lines):
        for match in COMMENT.finditer(text):
            directive = Directive(match["kind"], index + 1, match.start() + 1, match.end() + 1)
            for token in CODE_TOKEN.finditer(match["codes"]):
                directive.codes[token.group(0).upper()] = match.start("codes") + token.start() + 1
            (good if directive.kind in DIRECTIVE_KINDS else bad).append(directive)
    return good, bad


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
