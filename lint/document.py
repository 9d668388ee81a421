"""The loaded text of one report and the mapping from offsets to line/column.

Every stage after loading works on :class:`Document`. Lines are stored without
their terminators; a position is a 0-based line index plus a 0-based column
counted in characters (code points). Reporters add 1 to both.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from fzlint import regex

# \n, \r\n or \r: how lines are split here, and how a fix's content is written back.
LINE_BREAK = regex.compile(r"\r\n|\r|\n")


@dataclass
class Document:
    """One report as text.

    ``path`` is the name diagnostics are reported under (for stdin, the
    ``--stdin-filename``). ``kind`` is ``"text"``, ``"markdown"`` or ``"docx"``;
    for .docx every paragraph is one line, so a line number is a paragraph
    number. ``encoding``, ``bom`` and ``newline`` let a fix write the file back
    exactly as it came.
    """

    path: str
    text: str
    kind: str = "text"
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    # .docx only: Word's automatic numbering label (as shown, e.g. "一、") of each numbered
    # paragraph, by 0-based line; the line's text starts with it.
    numbering: dict[int, str] = field(default_factory=dict)
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = LINE_BREAK.split(self.text)

    @classmethod
    def from_text(cls, path: str, text: str, kind: str = "text", **meta: object) -> Document:
        """Build a document from decoded text, recording its newline style."""
        if text.startswith("\ufeff"):
            text = text[1:]
            meta.setdefault("bom", True)
        match = LINE_BREAK.search(text)
        newline = match.group(0) if match else "\n"
        return cls(path=path, text=text, kind=kind, newline=newline, **meta)  # type: ignore[arg-type]

    @cached_property
    def line_offsets(self) -> list[int]:
        """Offset of each line's first character in :attr:`joined` (lines joined by "\\n")."""
        offsets, pos = [], 0
        for line in self.lines:
            offsets.append(pos)
            pos += len(line) + 1
        return offsets

    @cached_property
    def joined(self) -> str:
        """The text with every line break normalised to "\\n" (offsets are per character)."""
        return "\n".join(self.lines)

    def position(self, offset: int) -> tuple[int, int]:
        """Map an offset in :attr:`joined` to a 0-based (line, column)."""
        line = bisect_right(self.line_offsets, offset) - 1
        line = max(0, min(line, len(self.lines) - 1))
        return line, offset - self.line_offsets[line]

    def offset(self, line: int, column: int) -> int:
        """Map a 0-based (line, column) to an offset in :attr:`joined`."""
        return self.line_offsets[line] + column
