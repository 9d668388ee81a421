"""Which spaces and lines are layout, not text (P101, P102 and the rules with safe fixes).

Real reports and 公文 templates space text to a width on purpose: a two-character name
spaced to three characters (龚 正), short titles (证  明), table headers (姓  名), the
发文字号/签发人 line, joint issuers and 落款 aligned with runs of spaces, blanks left to be
filled in (现有         ，系…；  年   月   日). None of that is a stray space, and a line that
could be a title, a name or a unit must not be changed by a safe fix.
"""

from __future__ import annotations

from fzlint import regex
from fzlint.parse.lines import Line, LineKind

# A sentence-internal or final mark: a line with one of these is running text.
_SENTENCE_MARKS = regex.compile(r"[，。；！？,;!?]")
# Lines that are (or may be) the title, the issuing unit or the date.
_NAME_KINDS = (LineKind.TITLE, LineKind.SIGNATURE, LineKind.DATE, LineKind.PRE)
# The start of a heading number: a flattened copy that joined paragraphs with a space
# ("……成效。 （一）加强……") has a paragraph break there, not a stray space.
_MARKER_START = regex.compile(
    r"[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[（(]\d{1,2}[）)]|\d{1,2}[.．、](?!\d)"
)
_OPENING = "《“‘「『〈"
_CLOSING = "》”’」』〉"
# A value filled into a blank between two spaces (培训时间 三 年): at most this long.
_FILLED_VALUE = 2


def is_running_text(line: Line) -> bool:
    """A paragraph of sentences, as opposed to a title, name, label, table cell or date."""
    return line.kind not in _NAME_KINDS and _SENTENCE_MARKS.search(line.text) is not None


def could_be_name(line: Line) -> bool:
    """A line that may be the title, the issuing unit, a name or a date: no safe fix changes it.

    The kind the parser gave is not enough (a page may repeat the title lower down, a unit
    line may stand above the title): any line without sentence punctuation that is not a
    heading counts.
    """
    if line.kind in _NAME_KINDS:
        return True
    return line.kind != LineKind.HEADING and _SENTENCE_MARKS.search(line.text) is None


def mark_fix_is_safe(line: Line, column: int) -> bool:
    """Whether a punctuation mark at ``column`` may be rewritten by a safe fix (P101, P104).

    Not on a line that may be a title, name or unit, nor in the words of a heading without
    sentence punctuation: such a heading may be an attachment's or a document's title
    (3．郑州轻工业学院聘请本科生毕业设计(论文)校外指导教师登记表). Its number's brackets,
    (一) → （一）, are still fixed.
    """
    if could_be_name(line):
        return False
    if line.kind == LineKind.HEADING and _SENTENCE_MARKS.search(line.text) is None:
        return line.marker is not None and column < line.marker.end
    return True


def is_layout_run(run: str) -> bool:
    """Two or more spaces or tabs: spacing to a width, never a slip of the keyboard. (A single
    tab counts only outside running text, where every space is left alone anyway.)"""
    return len(run) > 1


def starts_marker(text: str, index: int) -> bool:
    return _MARKER_START.match(text, index) is not None


def in_quoted_name(text: str, index: int) -> bool:
    """Whether ``index`` lies inside 《…》 or “…”: a space there separates two phrases of a
    document title or a slogan (《铸牢中华民族共同体意识 推动新时代党的民族工作高质量发展》)."""
    depth = 0
    for ch in text[:index]:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING and depth:
            depth -= 1
    return depth > 0


def filled_value(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether the space ``text[start:end]`` borders a short value set off by single spaces on
    both sides (培训时间 三 年, 签发人 龚 正), which is a blank filled in or a spaced name.
    ``floor`` is where the text starts after indentation."""
    after = end
    while after < len(text) and text[after] not in " \u00a0":
        after += 1
    if after < len(text) and after - end <= _FILLED_VALUE:
        return True
    before = start
    while before > floor and text[before - 1] not in " \u00a0":
        before -= 1
    return before > floor and start - before <= _FILLED_VALUE
