"""Page furniture by position and shape (W101), beyond the lines classified as chrome.

A page copied from a government site puts its furniture in three places: above the
title (site name, clock, location bar, column name, metadata table, a page-header copy
of the title), between the title and the first sentence (来源/发布时间 bars, 字号 and 打印
buttons, metadata rows), and after the closing block. In a text that shows it came
from a web page, every line above the title that is not a report element (发文字号,
签发人, 主送机关 …) is furniture; elsewhere only lines of a known shape are. The shapes
and word classes are data (``[furniture]`` in ``data/chrome.toml``), not strings of one
page.

A line found by position alone, or one that could be the title or the issuing unit,
gets an unsafe fix only: ``--fix`` never deletes what might be the report's own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fzlint import regex
from fzlint.parse.lines import SPACE, Line, LineKind, looks_like_title, looks_like_unit
from fzlint.parse.outline import Report
from fzlint.rule import Context

_SENTENCE = "。，,；;！!？?"


@dataclass(frozen=True, slots=True)
class Found:
    """One furniture line: why, and whether deleting it is a safe fix."""

    index: int
    reason: str  # "shape", "copy" (a page-header copy of the title), "site", "front", "tail"
    safe: bool


# eq=False: compared and hashed by identity (a report fact is keyed on it). _shapes gives one
# object per table content, and hashing compiled patterns hashes their code (~16 µs a call).
@dataclass(frozen=True, eq=False)
class Shapes:
    meta: re.Pattern[str]  # a metadata key at the start of the line
    inline: re.Pattern[str]  # a key that marks a short line wherever it stands
    stamp: re.Pattern[str]  # a web date stamp (2025-04-27 10:14)
    stamp_rest: int  # at most this many word characters besides the stamp
    rows: tuple[re.Pattern[str], ...]  # other furniture rows (table rules, empty cells)
    elements: tuple[re.Pattern[str], ...]  # report elements above the title or in the tail
    unit_suffixes: tuple[str, ...]


def _spaced(word: str) -> str:
    """A key as sites print it: 索引号, 索 引 号, 索  引  号."""
    return r"\s*".join(re.escape(ch) for ch in word)


def shapes(table: dict) -> Shapes:
    """The ``[furniture]`` shapes of the chrome table, compiled once per table content."""
    # Several rules ask for the same (shared, never mutated) table object per report:
    # freezing it to find the cache entry each time cost ~80 µs a call.
    last = _LAST_SHAPES[0]
    if last is not None and last[0] is table:
        return last[1]
    compiled = _shapes(table)
    _LAST_SHAPES[0] = (table, compiled)
    return compiled


_LAST_SHAPES: list[tuple[dict, Shapes] | None] = [None]


def _frozen(value: object) -> object:
    """A hashable copy of a table with the same content as ``value`` (the cache key; json
    served for it but costs its import on every start)."""
    if isinstance(value, dict):
        return ("dict", tuple(sorted((key, _frozen(item)) for key, item in value.items())))
    if isinstance(value, list | tuple):
        return ("list", tuple(_frozen(item) for item in value))
    return value


# compiled shapes by table content: a configuration that extends the table gets its own
_BY_CONTENT: dict[object, Shapes] = {}


def _shapes(table: dict) -> Shapes:
    key = _frozen(table)
    found = _BY_CONTENT.get(key)
    if found is None:
        found = _BY_CONTENT[key] = _compile_shapes(table)
    return found


def _compile_shapes(table: dict) -> Shapes:
    spec = table["furniture"]
    keys = "|".join(_spaced(k) for k in sorted(spec["meta_keys"], key=len, reverse=True))
    inline = "|".join(_spaced(k) for k in sorted(spec["inline_keys"], key=len, reverse=True))
    return Shapes(
        meta=regex.compile(rf"^[\s•·\-*|｜\[【［]*(?:{keys})\s*(?:[:：\]】］|｜\[【［]|\s|$)"),
        inline=regex.compile(rf"(?:{inline})\s*[:：]"),
        stamp=regex.compile(spec["stamp"]),
        stamp_rest=int(spec["stamp_rest"]),
        rows=tuple(regex.compile(p) for p in spec["rows"]),
        elements=tuple(regex.compile(p) for p in spec["elements"]),
        unit_suffixes=tuple(table.get("unit_suffixes", ())),
    )


_WORD = regex.compile(r"[^\W_]")
_TIME = regex.compile(r"[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?")


def is_shaped(text: str, s: Shapes) -> bool:
    """A metadata row, a 来源/发布时间 bar or a date stamp."""
    stripped = text.strip(SPACE)
    if s.meta.match(stripped) or any(p.search(stripped) for p in s.rows):
        return True
    if len(stripped) > 120 or any(ch in stripped for ch in "。；;"):
        return False
    if s.inline.search(stripped):
        return True
    if s.stamp.search(stripped):
        rest = _TIME.sub("", s.stamp.sub("", stripped))
        return len(_WORD.findall(rest)) <= s.stamp_rest
    return False


def is_element(text: str, s: Shapes) -> bool:
    stripped = text.strip(SPACE)
    return any(p.search(stripped) for p in s.elements)


def might_be_unit(text: str, s: Shapes) -> bool:
    """Short and named like an issuer (某某市人民政府, 中共某某委): it could be the 落款 or a title line."""
    stripped = "".join(text.split())
    return looks_like_unit(text) and (stripped.endswith(s.unit_suffixes) or stripped.startswith("中共"))


def _is_sentence(text: str) -> bool:
    stripped = text.strip(SPACE)
    return "。" in stripped or (len(stripped) >= 30 and any(ch in stripped for ch in "，,；;"))


def _similar(a: str, b: str) -> bool:
    a, b = "".join(a.split()), "".join(b.split())
    short, long = sorted((a, b), key=len)
    if short in long:
        return True
    from difflib import SequenceMatcher  # only for two different title-like lines

    return SequenceMatcher(None, a, b).ratio() >= 0.75


@dataclass
class _Zone:
    body: int  # index of the first sentence or heading
    title: list[int]  # the title block (one or two lines), empty when none was found
    copies: list[int]  # earlier copies of the title


def _zone(report: Report, s: Shapes) -> _Zone:
    lines = report.lines
    body = len(lines)
    for line in lines:
        if line.kind is LineKind.CHROME or is_shaped(line.text, s):
            continue
        if line.kind is LineKind.HEADING or _is_sentence(line.text):
            body = line.index
            break
    candidates = [
        line.index
        for line in lines[:body]
        if line.kind is not LineKind.CHROME
        and not is_shaped(line.text, s)
        and _title_like(line.text)
        and not line.text.strip(SPACE).endswith((":", "："))
    ]
    if not candidates:
        return _Zone(body, [], [])
    first = candidates[0]
    same = [i for i in candidates if _similar(lines[i].text, lines[first].text)]
    title = same[-1]
    block = [title]
    head = lines[title].text.strip(SPACE)
    # 关于…的报告 under one or two issuer lines (中共某某委 / 某某人民政府关于) is one title.
    while len(block) < 3:
        before = _previous_text(lines, block[0])
        if before is None:
            break
        text = before.text.strip(SPACE)
        if not (might_be_unit(text, s) or text.endswith("关于")):
            break
        if not (head[:1].isdigit() or head.startswith("关于") or text.endswith("关于")):
            break
        block.insert(0, before.index)
    copies = [i for i in range(block[0]) if i in candidates]
    return _Zone(body, block, copies)


# Sites in traditional characters (zh-Hant switch) print 報告, 情況, 總結.
_SIMPLIFIED = str.maketrans("報況總結設", "报况总结设")


def _title_like(text: str) -> bool:
    return looks_like_title(text.translate(_SIMPLIFIED))


def _previous_text(lines: list[Line], index: int) -> Line | None:
    for line in reversed(lines[:index]):
        if line.kind is not LineKind.BLANK:
            return line if line.kind is not LineKind.CHROME else None
    return None


def from_web(report: Report, zone: _Zone, s: Shapes) -> bool:
    """Whether the text shows it came from a web page: chrome, metadata rows, a title copy."""
    if any(line.kind is LineKind.CHROME for line in report.lines):
        return True
    return bool(zone.copies) or any(is_shaped(line.text, s) for line in report.lines[: zone.body])


# Chrome is W101's already; closing elements the classifier found (a text with no body
# before its 落款 and date) belong to the report and have their own rules (Y102); a numbered
# heading (一、…, even behind a Markdown `>`) is the report's own and never furniture.
_NOT_FURNITURE = (
    LineKind.BLANK,
    LineKind.CHROME,
    LineKind.COMMENT,
    LineKind.CLOSE,
    LineKind.SIGNATURE,
    LineKind.DATE,
    LineKind.HEADING,
)


def furniture(report: Report, s: Shapes, context: Context | None = None) -> tuple[Found, ...]:
    """Furniture lines that the chrome classifier left as text.

    W101, W102 and the lines helper of the punctuation and term rules all ask for this per
    report: with ``context`` it is worked out once per report and shape table (a report fact)."""
    if context is None:
        return tuple(_furniture(report, s))
    return context.facts.get(("furniture", s), lambda: tuple(_furniture(report, s)))


def _furniture(report: Report, s: Shapes) -> list[Found]:
    zone = _zone(report, s)
    web = from_web(report, zone, s)
    if not web and report.document.kind == "docx":  # made in Word: its front lines are its own
        return []
    found: list[Found] = []
    if zone.title:
        start = zone.title[0]
    else:  # no title: what stands above the last metadata row or chrome line is page header
        marked = [ln.index for ln in report.lines[: zone.body] if ln.kind is LineKind.CHROME or is_shaped(ln.text, s)]
        start = marked[-1] if marked else 0
    # The outline's title block is the title too (a title split mid-phrase: …2025年度法治政府 /
    # 建设情况的报告, where neither line looks like a title alone).
    title = set(zone.title) | {line.index for line in report.title_lines}
    for line in report.lines[: zone.body]:
        if line.kind in _NOT_FURNITURE or line.index in title:
            continue
        risky = might_be_unit(line.text, s) or _title_like(line.text)
        if is_shaped(line.text, s):
            found.append(Found(line.index, "shape", not risky))
        elif line.index in zone.copies:
            found.append(Found(line.index, "copy", False))
        elif line.index < start and not is_element(line.text, s):
            if not might_be_unit(line.text, s):
                found.append(Found(line.index, "front", False))
            elif web:  # a unit line above the title is the site's name only on a web copy
                found.append(Found(line.index, "site", False))
    for line in report.tail:
        if line.kind in (LineKind.BLANK, LineKind.CHROME, LineKind.COMMENT, LineKind.HEADING) or is_element(
            line.text, s
        ):
            continue
        found.append(Found(line.index, "shape" if is_shaped(line.text, s) else "tail", False))
    return found
