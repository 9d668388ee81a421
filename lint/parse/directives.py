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

from dataclasses import dataclass, field

from fzlint import regex
from fzlint.diagnostics import Diagnostic

UNUSED_CODE = "X101"
UNUSED_NAME = "unused-suppression"
DIRECTIVE_KINDS = ("disable-next-line", "disable-file", "disable", "enable")
CODE_TOKEN = regex.compile(r"[^\s,，]+")


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


_OPEN = regex.compile(r"<!--\s*fzlint-(?P<kind>[a-z-]*)")


def parse(lines: list[str]) -> tuple[list[Directive], list[Directive]]:
    """Well-formed directives, and comments that start with ``fzlint-`` but are not one.

    Linear in the line: each ``<!--`` is matched with the next ``-->`` by ``str.find``, and a
    comment that never closes ends the scan of its line (no later one can close either); a
    lazy ``.*?-->`` would rescan the rest of the line from every ``<!--``."""
    good, bad = [], []
    for index, text in enumerate(lines):
        position = text.find("<!--")
        while position >= 0:
            close = text.find("-->", position + 4)
            if close < 0:
                break
            match = _OPEN.match(text, position, close)
            if match is not None:
                end = close + 3
                directive = Directive(match["kind"], index + 1, position + 1, end + 1)
                codes_start = match.end()
                for token in CODE_TOKEN.finditer(text, codes_start, close):
                    directive.codes[token.group(0).upper()] = token.start() + 1
                (good if directive.kind in DIRECTIVE_KINDS else bad).append(directive)
            position = text.find("<!--", close + 3)
    return good, bad


def scopes(directives: list[Directive], lines: list[str]) -> list[Scope]:
    """The line ranges each directive code covers (linear in lines plus directives)."""
    last_line = len(lines)
    # next_text[i]: the first non-blank 1-based line at or after 0-based line i (None: none)
    next_text: list[int | None] = [None] * (last_line + 1)
    for i in range(last_line - 1, -1, -1):
        next_text[i] = i + 1 if lines[i].strip() else next_text[i + 1]
    found: list[Scope] = []
    open_: dict[str, list[Directive]] = {}  # code -> disable directives still open, in order
    for directive in directives:
        codes = list(directive.codes) or ["ALL"]
        if directive.kind == "disable-file":
            found += [Scope(directive, code, 1, last_line) for code in codes]
        elif directive.kind == "disable-next-line":
            target = next_text[directive.line] if directive.line < last_line else None
            if target is not None:
                found += [Scope(directive, code, target, target) for code in codes]
        elif directive.kind == "disable":
            for code in codes:
                open_.setdefault(code, []).append(directive)
        else:  # enable: closes the named codes, or everything when it names none
            for code in list(directive.codes) if directive.codes else list(open_):
                found += [Scope(d, code, d.line + 1, directive.line - 1) for d in open_.pop(code, [])]
    found += [Scope(d, code, d.line + 1, last_line) for code, ds in open_.items() for d in ds]
    return found
