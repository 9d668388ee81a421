"""The syntax of suppression comments, read by the X101 rule and by the filter that applies them.

It sits on the ground floor because both sides read it: the rule (``rules/suppression.py``)
reports malformed directives and unknown codes, and ``run/suppression.py`` applies the
well-formed ones after every rule has run and reports the codes that suppressed nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
