"""The line classifier: the hand-written lexer in front of the Lark grammar.

A report is line-structured. Each line is classified once (blank, page chrome,
heading with its marker, title, closing elements, plain text); the grammar in
``report.lark`` then only has to nest what this module found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from fzlint import data, regex
from fzlint.document import Document
from fzlint.parse.needed import Needed, needed_chars
from fzlint.parse.numerals import NUMERAL_CHARS, cn_to_int, digits_value

SPACE = " \t\u3000\u00a0\ufeff"
SENTENCE_PUNCT = "。，,；;！!？?"


class LineKind(StrEnum):
    BLANK = "blank"
    CHROME = "chrome"
    PRE = "pre"  # anything above the title (发文字号, 签发人, …)
    UNIT = "unit"  # an issuing body stacked above the title lines (part of the title block)
    TITLE = "title"
    ADDRESSEE = "addressee"  # 主送机关 (市委、市人大常委会：)
    HEADING = "heading"
    TEXT = "text"
    CLOSE = "close"  # 专此报告
    SIGNATURE = "signature"  # 落款 (issuing unit)
    DATE = "date"  # 成文日期
    ANNEX = "annex"  # 附件 / 附注 lines of the closing block
    TAIL = "tail"  # anything after the closing
    COMMENT = "comment"  # a Markdown <!-- … --> line (suppressions): not report text


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading's number as written: ``（一）`` is level 2, number 1, style ``（一）``."""

    level: int
    number: int
    text: str
    style: str
    standard: bool
    start: int
    end: int


@dataclass(slots=True)  # one per line: a 20 MB report has ~150,000
class Line:
    index: int
    text: str
    kind: LineKind
    indent: int = 0
    marker: Marker | None = None
    heading_end: int = 0  # column where the heading's own words end
    body_start: int | None = None  # column where an inline body starts

    @property
    def content_start(self) -> int:
        return self.marker.end if self.marker else self.indent

    @property
    def heading(self) -> str:
        """The heading's words without marker or final 。 (empty for non-headings)."""
        if self.marker is None:
            return ""
        # Markdown emphasis around a heading (**一、…**) is not part of its words.
        return self.text[self.marker.end : self.heading_end].strip(SPACE + "。.*_#")

    @property
    def body(self) -> str:
        """The running text of the line: inline body for headings, content otherwise."""
        if self.kind is LineKind.HEADING:
            return "" if self.body_start is None else self.text[self.body_start :]
        return self.text[self.indent :]

    @property
    def body_column(self) -> int:
        if self.kind is LineKind.HEADING:
            return len(self.text) if self.body_start is None else self.body_start
        return self.indent


# Heading markers, by level (first char decides: the five shapes start with disjoint
# characters, so at most one can match at a column):
#   2 （一）  [（(] numerals [）)] [、，,.．：:]?      4 （1）  [（(] 1-3 digits [）)] same
#   1 一、    numerals [、，,．.：:]                  3 1.    1-3 digits [.．、，,：:] not before a digit
#   5 ①      a circled number [、，,.．]?
# Scanned by hand rather than with five regexes: cheaper per line and at import (a class of
# scattered CJK characters makes sre build a 64K-entry charset).
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
_NUMERALS = frozenset(NUMERAL_CHARS)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_BRACKET_SEPS = frozenset("、，,.．：:")
# Every character a heading marker can start with (parse_marker is None elsewhere).
MARKER_START = frozenset("（(") | _NUMERALS | _DIGIT_CHARS | frozenset(_CIRCLED)
_LEVEL1_SEPS = frozenset("、，,．.：:")
_LEVEL3_SEPS = frozenset(".．、，,：:")
_LEVEL5_SEPS = frozenset("、，,.．")


def _run(text: str, start: int, chars: frozenset[str]) -> int:
    """The end of the run of ``chars`` from ``start``."""
    end, size = start, len(text)
    while end < size and text[end] in chars:
        end += 1
    return end


def _match_marker(text: str, start: int) -> tuple[int, dict[str, str], int] | None:
    """(level, groups, end) of the marker shape at ``start``, as the patterns above read it."""
    size = len(text)
    if start >= size:
        return None
    first = text[start]
    if first in "（(":
        at = start + 1
        if at < size and text[at] in _NUMERALS:
            level, end = 2, _run(text, at, _NUMERALS)
        elif at < size and text[at] in _DIGIT_CHARS:
            level, end = 4, _run(text, at, _DIGIT_CHARS)
            if end - at > 3:
                return None
        else:
            return None
        if end >= size or text[end] not in "）)":
            return None
        groups = {"open": first, "num": text[at:end], "close": text[end]}
        end += 1
        groups["sep"] = text[end] if end < size and text[end] in _BRACKET_SEPS else ""
        return level, groups, end + len(groups["sep"])
    if first in _NUMERALS:
        end = _run(text, start, _NUMERALS)
        if end >= size or text[end] not in _LEVEL1_SEPS:
            return None
        return 1, {"num": text[start:end], "sep": text[end]}, end + 1
    if first in _DIGIT_CHARS:
        end = _run(text, start, _DIGIT_CHARS)
        if end - start > 3 or end >= size or text[end] not in _LEVEL3_SEPS:
            return None
        if end + 1 < size and text[end + 1] in _DIGIT_CHARS:
            return None
        return 3, {"num": text[start:end], "sep": text[end]}, end + 1
    if first in _CIRCLED:
        sep = text[start + 1] if start + 1 < size and text[start + 1] in _LEVEL5_SEPS else ""
        return 5, {"num": first, "sep": sep}, start + 1 + len(sep)
    return None


_MARKDOWN_PREFIX = regex.compile(r"(#{1,6}\s+|>\s*|\*\*|__)*")


class _Lazy:
    """A pattern compiled on its first use, so that importing the classifier stays cheap
    (its CJK classes make sre build 64K-entry charsets). Reads like a ``re.Pattern``."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled().match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled().search(text, pos)

    def sub(self, repl: str, text: str) -> str:
        return self.compiled().sub(repl, text)


DATE_PATTERN = _Lazy(
    r"^(?P<year>[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*(?P<s1>年|[.\-/．])\s*"
    r"(?P<month>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*(?P<s2>月|[.\-/．])\s*"
    r"(?P<day>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*(?P<s3>日?)$"
)
CLOSE_PATTERN = _Lazy(r"^(专此|特此)(报告|报送)[。.！!]?$")
TITLE_SUBJECT = _Lazy(r"法治政府|法治建[设設]|依法行政|法治.{0,6}工作")
TITLE_KIND = _Lazy(r"报告|報告|情况|情況|总结|總結")
# 主送机关: organ names (、-separated) ending in a colon, on a line of their own.
ADDRESSEE_PATTERN = _Lazy(r"^[^，,。；;！!？?\s：:]{2,}(?:[、，,\s][^，,。；;！!？?\s：:]{2,}){0,5}[：:]$")
ANNEX_PATTERN = _Lazy(r"^[(（]?(附件|附注)")
HTML_COMMENT = _Lazy(r"^\s*<!--((?!-->).)*-->\s*$")


@dataclass(frozen=True)
class ChromePatterns:
    strong: list[re.Pattern[str]]
    weak: list[re.Pattern[str]]
    max_weak_length: int
    max_weak_rest: int
    unit_suffixes: tuple[str, ...] = ()
    # The same patterns split at their top-level ``|``, for "does any match" only: one branch
    # anchored with ^ stops sre from skipping ahead to where the others could start, so
    # `A|B|^C` searched whole costs several times its three branches searched apart.
    strong_any: tuple[re.Pattern[str], ...] = ()
    weak_any: tuple[re.Pattern[str], ...] = ()
    # Per strong branch, characters of which its every match holds one (None: unknown), and
    # one class of them all: a single scan of the line tells which branches can match at all
    # (on report text most lines hold none of the characters of most branches).
    strong_needed: tuple[Needed, ...] = ()
    strong_scan: re.Pattern[str] | None = None
    # The same as an index: character → the branches needing it, and those that always run.
    strong_by_char: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    strong_always: tuple[re.Pattern[str], ...] = ()

    def __post_init__(self) -> None:
        if self.strong and not self.strong_any:
            object.__setattr__(self, "strong_any", tuple(b for p in self.strong for b in _branches(p)))
        if self.weak and not self.weak_any:
            object.__setattr__(self, "weak_any", tuple(b for p in self.weak for b in _branches(p)))
        if self.strong_any and not self.strong_needed:
            needed = tuple(_branch_needs(b) for b in self.strong_any)
            by_char: dict[str, list[re.Pattern[str]]] = {}
            for branch, chars in zip(self.strong_any, needed, strict=True):
                for ch in sorted(chars or ()):
                    by_char.setdefault(ch, []).append(branch)
            scan = regex.compile(f"[{re.escape(''.join(sorted(by_char)))}]" if by_char else "(?!)")
            object.__setattr__(self, "strong_needed", needed)
            object.__setattr__(self, "strong_scan", scan)
            object.__setattr__(self, "strong_by_char", {ch: tuple(b) for ch, b in by_char.items()})
            always = tuple(b for b, chars in zip(self.strong_any, needed, strict=True) if chars is None)
            object.__setattr__(self, "strong_always", always)

    def strong_match(self, text: str) -> bool:
        """Whether a strong branch matches somewhere in ``text`` (each branch searched only
        when the line holds one of its needed characters; which one matches does not matter)."""
        for branch in self.strong_always:
            if branch.search(text):
                return True
        if self.strong_scan is None:
            return False
        by_char = self.strong_by_char
        tried: set[re.Pattern[str]] = set()
        for ch in set(self.strong_scan.findall(text)):
            for branch in by_char[ch]:
                if branch not in tried:
                    tried.add(branch)
                    if branch.search(text):
                        return True
        return False


def _branch_needs(pattern: re.Pattern[str]) -> Needed:
    """The characters a branch's matches need, None for one with flags (case-insensitive)."""
    return needed_chars(pattern.pattern, data.char_rank()) if not pattern.flags & ~re.UNICODE else None


def chrome_patterns(override: dict | None = None) -> ChromePatterns:
    """The chrome table compiled, with a configuration override (``data.chrome``) applied."""
    if not override:
        return _compiled_chrome("")  # json (~2 ms of a start) only for an override
    import json

    return _compiled_chrome(json.dumps(override, sort_keys=True, ensure_ascii=False))


@cache
def _compiled_chrome(override_json: str) -> ChromePatterns:
    override = None
    if override_json:
        import json

        override = json.loads(override_json)
    table = data.load("chrome", override)
    return ChromePatterns(
        [regex.compile(p) for p in table["strong"]],
        [regex.compile(p) for p in table["weak"]],
        int(table["max_weak_length"]),
        int(table.get("max_weak_rest", 3)),
        tuple(table.get("unit_suffixes", ())),
    )


def _branches(pattern: re.Pattern[str]) -> list[re.Pattern[str]]:
    """``pattern`` split at its top-level ``|`` (a pattern matches somewhere exactly when one
    of its branches does); the pattern itself when it cannot be split safely."""
    source, parts, depth, start, index = pattern.pattern, [], 0, 0, 0
    if pattern.flags & ~re.UNICODE or source.startswith("(?"):
        return [pattern]  # flags apply to the whole (and a leading group may carry them)
    while index < len(source):
        ch = source[index]
        if ch == "\\":
            index += 1
        elif ch == "[":
            index = _class_end(source, index)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    parts.append(source[start:])
    if len(parts) == 1 or "(?P=" in source or regex.compile(r"\\[1-9]").search(source):
        return [pattern]  # backreferences refer to groups of other branches
    try:
        return [regex.compile(part) for part in parts]
    except re.error:
        return [pattern]


def _class_end(source: str, start: int) -> int:
    """The index of the ``]`` closing the character class opened at ``start``."""
    index = start + 1
    if index < len(source) and source[index] == "^":
        index += 1
    if index < len(source) and source[index] == "]":
        index += 1  # a ] first in the class is literal
    while index < len(source) and source[index] != "]":
        index += 2 if source[index] == "\\" else 1
    return index


_NON_WORD = _Lazy(r"[\W_]+")


_WEAK_STOPS = regex.compile("[。；;，,]")  # sentence punctuation: a weak pattern's line has none


def is_chrome(text: str, patterns: ChromePatterns | None = None) -> bool:
    """Whether a line is web-page furniture (see ``data/chrome.toml``)."""
    patterns = patterns or chrome_patterns()
    stripped = text.strip(SPACE)
    if patterns.strong_match(stripped):
        return True
    if len(stripped) > patterns.max_weak_length or _WEAK_STOPS.search(stripped):
        return False
    if not any(p.search(stripped) for p in patterns.weak_any):
        return False
    rest = stripped
    for pattern in patterns.weak:
        rest = pattern.sub(" ", rest)
    return len(_NON_WORD.sub("", rest)) <= patterns.max_weak_rest


def parse_marker(text: str, start: int) -> Marker | None:
    """The heading marker at column ``start``, if the line begins with one."""
    found = _match_marker(text, start)
    if found is None:
        return None
    level, groups, end = found
    rest = text[end:].lstrip(SPACE)
    if not rest or rest[0] in "是、，,。.；;：:%％年月日号届次个项件":
        return None  # 一是…, 1.5%, 2024年 … are not headings
    raw = groups["num"]
    number = cn_to_int(raw) if level in (1, 2) else digits_value(raw)
    if level == 5:
        number = _CIRCLED.index(raw) + 1
    if number is None or number == 0:
        return None
    style, standard = _style(level, groups, raw)
    return Marker(level, number, text[start:end], style, standard, start, end)


def _style(level: int, groups: dict[str, str], raw: str) -> tuple[str, bool]:
    sep = groups.get("sep") or ""
    if level in (2, 4):
        sample = "一" if level == 2 else "1"
        style = f"{groups['open']}{sample}{groups['close']}{sep}"
        return style, groups["open"] == "（" and groups["close"] == "）" and not sep
    if level == 1:
        return f"一{sep}", sep == "、"
    if level == 3:
        fullwidth = not raw.isascii()
        return f"{'１' if fullwidth else '1'}{sep}", sep in ".．" and not fullwidth
    return f"①{sep}", not sep


def _heading_end(text: str, start: int) -> tuple[int, int | None]:
    """Where the heading's words end and the inline body (if any) starts."""
    index = text.find("。", start)  # str methods, not a loop per character: bodies run long
    if index >= 0:
        rest = len(text) - len(text[index + 1 :].lstrip(SPACE))
        return index, (rest if rest < len(text) else None)
    end = len(text.rstrip(SPACE))
    return (end if end > start else min(start, len(text))), None


# Indentation copied from a web page can be HTML spaces (&nbsp;&nbsp;一、…).
_LEADING_SPACE = regex.compile(r"(?:[ \t\u3000\u00a0\ufeff]|&(?:nbsp|ensp|emsp);|&#(?:160|8194|8195|12288);)*")


# Every character either pattern can start with: a line starting otherwise has indent 0.
_INDENT_START = frozenset(" \t\u3000\u00a0\ufeff&#>*_")


def _indent(text: str) -> int:
    if text[:1] not in _INDENT_START:
        return 0  # most lines: no regex call
    lead = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr] - always matches
    return _MARKDOWN_PREFIX.match(text, lead).end()  # type: ignore[union-attr]


def classify_line(index: int, text: str, chrome: ChromePatterns | None = None) -> Line:
    """Classify one line on its own (title and closing need context: see ``classify``)."""
    if not text.strip(SPACE):
        return Line(index, text, LineKind.BLANK, indent=len(text))
    indent = _indent(text)
    # parse_marker is None unless a marker's first character stands at the indent
    marker = parse_marker(text, indent) if text[indent : indent + 1] in MARKER_START else None
    if marker is not None:
        end, body = _heading_end(text, marker.end)
        return Line(index, text, LineKind.HEADING, indent, marker, end, body)
    if is_chrome(text, chrome):
        return Line(index, text, LineKind.CHROME, indent)
    return Line(index, text, LineKind.TEXT, indent)


def classify(document: Document, chrome: ChromePatterns | None = None) -> list[Line]:
    """Classify every line of a document, including title, front matter and closing."""
    lines = [classify_line(i, t, chrome) for i, t in enumerate(document.lines)]
    if document.kind == "markdown":
        for line in lines:
            if HTML_COMMENT.match(line.text):
                line.kind = LineKind.COMMENT
    patterns = chrome or chrome_patterns()
    _mark_title(lines, patterns.unit_suffixes)
    _mark_closing(lines, patterns)
    return lines


def looks_like_title(text: str) -> bool:
    stripped = text.strip(SPACE + "#*")
    return (
        len(stripped) <= 80
        and "。" not in stripped
        and bool(TITLE_SUBJECT.search(stripped))
        and bool(TITLE_KIND.search(stripped))
    )


# A title is searched for among this many content lines above the first paragraph.
TITLE_SEARCH_LINES = 30


def _is_paragraph(text: str) -> bool:
    """Running text (the opening), which ends the search for the title above it."""
    stripped = text.strip(SPACE)
    if ADDRESSEE_PATTERN.match(stripped):
        return False
    return len(stripped) > 60 or any(ch in stripped for ch in "。；;，,")


def _title_fragment(text: str) -> bool:
    """A short line without sentence punctuation, which a title split across lines has."""
    stripped = text.strip(SPACE + "#*")
    return 2 <= len(stripped) <= 40 and not any(ch in stripped for ch in SENTENCE_PUNCT + "：:")


def _mark_title(lines: list[Line], unit_suffixes: tuple[str, ...]) -> None:
    """The title block: the last title-like line (or pair of lines split mid-phrase) above the
    first paragraph, with up to two issuing bodies stacked above it. The last, because web
    pages often carry a copy of the title in their header; what precedes the title is PRE,
    a 主送机关 line right after it (or at the top) is ADDRESSEE."""
    content = [ln for ln in lines if ln.kind is not LineKind.BLANK and ln.kind is not LineKind.COMMENT]
    head: list[Line] = []
    for line in content:
        if line.kind is LineKind.HEADING or len(head) >= TITLE_SEARCH_LINES:
            break
        if line.kind is LineKind.TEXT and _is_paragraph(line.text):
            break
        head.append(line)
    block = _title_block(head, unit_suffixes)
    first = block[0].index if block else 0
    for line in head:
        if line.kind is not LineKind.TEXT:
            continue
        if block and line.index < first:
            line.kind = LineKind.PRE
        elif _is_addressee(line.text):
            line.kind = LineKind.ADDRESSEE
    for line in block:
        line.kind = LineKind.TITLE
    for line in _units(block, unit_suffixes):
        line.kind = LineKind.UNIT


def _is_addressee(text: str) -> bool:
    """主送机关 (市委、市人大常委会：), not 附件1： nor a title."""
    stripped = text.strip(SPACE)
    return bool(ADDRESSEE_PATTERN.match(stripped)) and not ANNEX_PATTERN.match(stripped) and not looks_like_title(text)


def _title_block(head: list[Line], unit_suffixes: tuple[str, ...]) -> list[Line]:
    """The title's lines among ``head`` (content lines above the first paragraph)."""
    for position in range(len(head) - 1, -1, -1):
        line = head[position]
        if line.kind is not LineKind.TEXT:
            continue
        block: list[Line] | None = None
        if looks_like_title(line.text):
            block = [line]
        elif position and _pair(head[position - 1], line):
            block = [head[position - 1], line]
            position -= 1
        if block is None:
            continue
        # Issuing bodies stacked above a title that does not name its unit itself.
        title = "".join(ln.text.strip(SPACE) for ln in block)
        while position and len(block) < 4 and _unit_above(head[position - 1], title, unit_suffixes):
            position -= 1
            block.insert(0, head[position])
        return block
    return []


def _pair(upper: Line, lower: Line) -> bool:
    """Two lines that form a title only together (…2025年度法治政府 / 建设情况的报告)."""
    if upper.kind is not LineKind.TEXT or not (_title_fragment(upper.text) and _title_fragment(lower.text)):
        return False
    return not looks_like_title(upper.text) and looks_like_title(upper.text.strip(SPACE) + lower.text.strip(SPACE))


def _unit_above(line: Line, title: str, unit_suffixes: tuple[str, ...]) -> bool:
    if line.kind is not LineKind.TEXT or looks_like_title(line.text) or not _title_fragment(line.text):
        return False
    if not _is_unit(line.text, unit_suffixes):
        return False
    return not _names_unit(title)


def _is_unit(text: str, unit_suffixes: tuple[str, ...]) -> bool:
    stripped = text.strip(SPACE).removesuffix("关于").rstrip(SPACE)
    return any(part.endswith(unit_suffixes + _MORE_UNITS) for part in regex.compile(r"[\s、]+").split(stripped) if part)


_MORE_UNITS = ("党委", "党组", "工委", "街道", "办事处", "镇", "乡")


_YEARISH = _Lazy(r"[0-9０-９]{4}\s*年?度?|关于")


def _names_unit(title: str) -> bool:
    """Whether a title names its unit before its subject (深圳市某局2025年…, 2025年某局法治…)."""
    match = TITLE_SUBJECT.search(title)
    head = _YEARISH.sub("", title[: match.start()] if match else title)
    return len(head.strip(SPACE)) >= 2


def _units(block: list[Line], unit_suffixes: tuple[str, ...]) -> list[Line]:
    """The leading lines of a title block that only name issuing bodies."""
    units = []
    for line in block[:-1]:
        text = line.text.strip(SPACE)
        if looks_like_title(text) or not _is_unit(text, unit_suffixes) or text.endswith("关于"):
            break
        units.append(line)
    return units


def is_date_line(text: str) -> bool:
    return bool(DATE_PATTERN.match(text.strip(SPACE)))


def looks_like_unit(text: str) -> bool:
    """A short line without sentence punctuation, as a 落款 unit name is."""
    stripped = text.strip(SPACE)
    return 2 <= len(stripped) <= 40 and not any(ch in stripped for ch in SENTENCE_PUNCT + "：:")


def _mark_closing(lines: list[Line], chrome: ChromePatterns) -> None:
    last_heading = max((ln.index for ln in lines if ln.kind is LineKind.HEADING), default=-1)
    candidates = [ln for ln in lines[last_heading + 1 :] if ln.kind is LineKind.TEXT]
    # The 成文日期: the last date line after the body; what follows it is tail.
    date = next((ln for ln in reversed(candidates) if is_date_line(ln.text)), None)
    if date is not None:
        date.kind = LineKind.DATE
        after = [ln for ln in candidates if ln.index > date.index]
        for ln in after:
            ln.kind = LineKind.TAIL
        for ln in after:  # 附注 right after the date belongs to the closing block
            if not ANNEX_PATTERN.match(ln.text.strip(SPACE)):
                break
            ln.kind = LineKind.ANNEX
        before = [ln for ln in candidates if ln.index < date.index]
        signature = before[-1] if before and looks_like_unit(before[-1].text) else None
        if signature is not None and not CLOSE_PATTERN.match(signature.text.strip(SPACE)):
            signature.kind = LineKind.SIGNATURE
            before = before[:-1]
    else:
        before = candidates
        tail = before[-1] if before else None
        suffixes = chrome.unit_suffixes
        if tail is not None and looks_like_unit(tail.text) and tail.text.strip(SPACE).endswith(suffixes):
            tail.kind = LineKind.SIGNATURE
            before = before[:-1]
    while before and ANNEX_PATTERN.match(before[-1].text.strip(SPACE)) and len(before) > 1:
        before[-1].kind = LineKind.ANNEX  # 附件说明 between the body and the 落款
        before = before[:-1]
    if before and CLOSE_PATTERN.match(before[-1].text.strip(SPACE)):
        before[-1].kind = LineKind.CLOSE
