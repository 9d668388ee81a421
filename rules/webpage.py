"""W1xx: what came along from a web page: page chrome and garbled replacements."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import Line, LineKind
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common.furniture import Found, furniture, shapes
from fzlint.rules.common.text import clip


@cache
def _mojibake_run() -> re.Pattern[str]:
    """A run of characters a GBK decoder produces from UTF-8 bytes: ideographs, CJK and
    full-width punctuation, the replacement character for a cut byte, and the odd Greek,
    Cyrillic, box-drawing or vertical-form character GBK also holds. Compiled on first use
    (its CJK ranges make a large charset), i.e. only for a line that may hold mojibake."""
    return regex.compile(
        "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uffef\u3001-\u303f"
        "\ufffd\u2010-\u2027\u2030-\u205e\u0391-\u03c9\u0401-\u0451\u2460-\u24ff\u2500-\u257f]{3,}"
    )


def placed_furniture(report: Report, context: Context) -> dict[int, Found]:
    """W101's furniture lines by index, found once per report for W101 and W102 (the chrome
    table is the context's, the same for every rule of one report)."""

    def compute() -> dict[int, Found]:
        return {found.index: found for found in furniture(report, shapes(context.data("chrome")), context)}

    return context.facts.get(("webpage", "furniture"), compute)


def delete_line_fix(report: Report, line: Line, safe: bool = True) -> Fix:
    """Remove a whole line with its line break; the last line loses only its text.

    Taking the last line's preceding break instead would overlap the fix of a chrome
    line just above it, and fixes of different diagnostics must never overlap.
    """
    if line.index + 1 < len(report.document.lines):
        edit = Edit(line.index + 1, 1, line.index + 2, 1, "")
    else:
        edit = Edit(line.index + 1, 1, line.index + 1, len(line.text) + 1, "")
    return Fix(edits=(edit,), message="删除整行网页内容", safe=safe)


# Why a line found by position or shape is furniture (rules/common/furniture.py).
_MESSAGES = {
    "shape": "网页的信息栏“{}”（来源、发布时间、索引号等）不属于报告：请删除这一行",
    "copy": "“{}”是网页页眉重复的标题，正式标题在下方：请删除这一行",
    "site": "标题上方的“{}”是网站名称，不属于报告：请删除这一行",
    "front": "标题上方的“{}”是网页的栏目、导航或网站名称，不属于报告：请删除这一行",
    "tail": "落款之后的“{}”是网页内容，不属于报告：请删除这一行",
}


class PageChrome(Rule):
    """正文里夹带了网页上的栏目、按钮、来源行等内容。

    从政府网站复制报告时，常把“来源：…发布时间：…”“扫一扫在手机上打开当前页”“打印 关闭”
    “分享到”“字号 大 中 小”“上一篇/下一篇”“知识图谱”“AI脑图”、智能助手窗口的文字，甚至
    标题上方的网站名称一起带进来。这些不是报告内容，提交前要删除。修复会删除整行。
    """

    code = "W101"
    name = "page-chrome"
    title = "网页残留内容"
    severity = Severity.ERROR
    summary = "夹带网页栏目、按钮、来源行等非报告内容"
    bad = (
        "深圳市罗湖区人民政府\n某某局2025年法治政府建设年度报告\n"
        "来源:某某局 发布时间:2025-12-26 AI脑图\n扫一扫在手机上打开当前页"
    )
    good = "某某局2025年法治政府建设年度报告"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        placed = placed_furniture(report, context)
        for line in report.lines:
            found = placed.get(line.index)
            if line.kind is LineKind.CHROME:
                message, safe = f"网页内容“{_excerpt(line)}”不属于报告正文：请删除这一行", True
            elif found is not None:
                message, safe = _MESSAGES[found.reason].format(_excerpt(line)), found.safe
            else:
                text = line.text  # each residue starts with & or <: most lines need no generator
                if ("&" in text or "<" in text) and line.kind not in (LineKind.BLANK, LineKind.COMMENT):
                    yield from self._html_residue(report, line)
                continue
            start = len(line.text) - len(line.text.lstrip())
            yield self.diagnostic(
                report,
                line.index,
                start,
                len(line.text.rstrip()),
                message,
                fix=delete_line_fix(report, line, safe),
            )

    def _html_residue(self, report: Report, line: Line) -> Iterator[Diagnostic]:
        """HTML entities and tags left inside a line of text (&nbsp;, <br>)."""
        if "&" not in line.text and "<" not in line.text:  # each residue starts with one
            return
        for match in _html_residue().finditer(line.text):
            replacement = _unescaped(line.text, match.start(), match.end())
            yield self.diagnostic(
                report,
                line.index,
                match.start(),
                match.end(),
                f"“{match.group(0)[:20]}”是网页源码残留：请删除"
                + (f"或改为“{replacement}”" if replacement.strip() else ""),
                fix=self.replacement(
                    line.index,
                    match.start(),
                    match.end(),
                    replacement,
                    f"改为“{replacement}”" if replacement else "删除网页源码残留",
                ),
            )


@cache
def _html_residue() -> re.Pattern[str]:
    """Entities and tags (compiled on first use: only a line with "&" or "<" needs it)."""
    return regex.compile(
        r"(?:&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|ldquo|rdquo|mdash|hellip);|&#\d{2,5};"
        r"|</?(?:br|p|div|span|font|strong|b|i|u|em|a|img|table|tr|td)\b[^<>]{0,200}>)+",
        re.IGNORECASE,
    )


def _unescaped(text: str, start: int, end: int) -> str:
    """What an HTML run stands for: its characters, with HTML spaces dropped between
    Chinese characters (they were indentation or padding) and kept as one space between
    Latin words."""
    import html

    run = regex.compile(r"<[^>]*>").sub("", text[start:end])
    value = html.unescape(run)
    if value.strip(" \u00a0\u2002\u2003\u3000"):
        return value.replace("\u00a0", " ")
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
    return " " if latin else ""


def _excerpt(line: Line, width: int = 20) -> str:
    text = line.text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


class GarbledTerm(Rule):
    """网站过滤或错误的查找替换留下的乱词、乱码。

    有的网站把“政务”当作敏感词替换，转载后变成“探花公开”；把 UTF-8 文本按 GBK 打开
    会变成“鏀垮姟鍏紑”一类乱码。乱词表在 ``data/garbled.toml``，可在配置中扩充；
    乱码按“能否还原为正常 UTF-8 中文”检测。
    """

    code = "W102"
    name = "garbled-term"
    title = "乱词乱码"
    severity = Severity.ERROR
    summary = "替换或编码错误造成的乱词、乱码（如“探花公开”应为“政务公开”）"
    bad = "深化探花公开，以法治规范权力运行。"
    good = "深化政务公开，以法治规范权力运行。"
    # Lines looked at together (below): a few hundred KB of text and GBK bytes at most.
    chunk_lines = 2_000

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        # Furniture W101 deletes whole is not mended word by word (the fixes would overlap).
        placed = placed_furniture(report, context)
        skipped = (LineKind.BLANK, LineKind.CHROME, LineKind.COMMENT)
        lines = [line for line in report.lines if line.kind not in skipped and line.index not in placed]
        table = context.data("garbled").get("terms", [])
        for start in range(0, len(lines), self.chunk_lines):
            chunk = lines[start : start + self.chunk_lines]
            # One look at a chunk's text first (most reports hold neither): a term or a
            # garbled run inside a line is inside its chunk's lines joined by "\n" too (GBK
            # encodes character by character), so the look only skips lines that yield
            # nothing. Bounded chunks, not the whole text: a 20 MB report's text joined and
            # its GBK bytes would add ~36 MB to the peak.
            joined = "\n".join(line.text for line in chunk)
            terms = [term for term in table if term["wrong"] in joined]
            garbled = may_be_garbled(joined)
            for line in chunk:
                yield from self._terms(report, line, terms)
                if garbled:
                    yield from self._mojibake(report, line)

    def _terms(self, report: Report, line: Line, terms: list[dict[str, str]]) -> Iterator[Diagnostic]:
        for term in terms:
            wrong, right = term["wrong"], term["right"]
            start = line.text.find(wrong)
            while start >= 0:
                end = start + len(wrong)
                yield self.diagnostic(
                    report,
                    line.index,
                    start,
                    end,
                    f"“{wrong}”是替换错误留下的乱词：请改为“{right}”",
                    fix=self.replacement(line.index, start, end, right, f"改为“{right}”"),
                )
                start = line.text.find(wrong, end)

    def _mojibake(self, report: Report, line: Line) -> Iterator[Diagnostic]:
        for start, end, restored in garbled_spans(line.text):
            run = line.text[start:end]
            yield self.diagnostic(
                report,
                line.index,
                start,
                end,
                f"“{clip(run, 12)}”像是 UTF-8 文本被当作 GBK 打开后的乱码"
                f"（原文可能是“{clip(restored, 12)}”）：请从原始文件重新复制",
            )


def garbled_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, restored text) of each GBK-misread run in a line.

    Mojibake is UTF-8 read as GBK, so re-encoding it as GBK gives back valid UTF-8;
    real Chinese re-encoded does not (its GBK bytes rarely form UTF-8 sequences).
    Each character is marked good when all its GBK bytes belong to UTF-8 sequences
    that decode to Chinese text; a garbled run is a stretch of good characters, glued
    across the U+FFFD a GBK decoder leaves for a byte it could not pair (and the cut
    character beside it), holding at least two restored ideographs.
    """
    if not may_be_garbled(text):
        return
    for match in _mojibake_run().finditer(text):
        # Cheap filter first: mojibake of two ideographs holds two UTF-8 sequences in a row.
        if _TWO_SEQUENCES.search(match.group(0).encode("gbk", errors="replace")):
            yield from _garbled_in(text, match.start(), match.end())


def may_be_garbled(text: str) -> bool:
    """Whether ``text`` may hold a garbled run: GBK encodes character by character, so a
    run's bytes are a piece of the text's, and a run is only looked at when its bytes hold
    two UTF-8 sequences in a row (``_TWO_SEQUENCES``); a line break is never part of one."""
    return _TWO_SEQUENCES_BY_CLASS in text.encode("gbk", errors="replace").translate(_BYTE_CLASS)


_TWO_SEQUENCES = regex.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){2}")
# The same test without the regex engine: bytes mapped to their class (lead L, continuation c)
# hold "LccLcc" exactly where _TWO_SEQUENCES matches.
_BYTE_CLASS = bytes(76 if 0xE4 <= b <= 0xE9 else 99 if 0x80 <= b <= 0xBF else 46 for b in range(256))
_TWO_SEQUENCES_BY_CLASS = b"LccLcc"


def _garbled_in(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    owner: list[int] = []  # byte -> index of the character it came from
    raw = bytearray()
    for index in range(start, end):
        if text[index] == "\ufffd":
            raw += b"\xff"  # no UTF-8 sequence may span a lost byte
            owner.append(index)
            continue
        try:
            encoded = text[index].encode("gbk")
        except UnicodeEncodeError:
            encoded = b"\xff"  # never part of UTF-8: breaks any run
        raw += encoded
        owner += [index] * len(encoded)
    good = [False] * len(raw)
    pos = 0
    while pos < len(raw):
        size = _utf8_size(raw[pos])
        if size and _decodes_to_chinese(bytes(raw[pos : pos + size])):
            good[pos : pos + size] = [True] * size
            pos += size
        else:
            pos += 1
    bad = {owner[i] for i, ok in enumerate(good) if not ok}
    glue = {i for i in range(start, end) if text[i] == "\ufffd"}
    # The cut characters around a U+FFFD: the one before it, and the one after it
    # when good text follows (not the real text after a garbled run).
    glue |= {i - 1 for i in glue if i > start} | {
        i + 1 for i in glue if i + 2 < end and (i + 2 not in bad or text[i + 2] == "\ufffd")
    }
    index = start
    while index < end:
        if index in bad and index not in glue:
            index += 1
            continue
        stop = index
        while stop < end and (stop not in bad or stop in glue):
            stop += 1
        run = text[index:stop]
        restored = (
            b"\xff".join(p.encode("gbk", errors="replace") for p in run.split("\ufffd"))
            .decode("utf-8", errors="replace")
            .replace("\ufffd", "")
        )
        ideographs = sum(1 for ch in restored if "\u4e00" <= ch <= "\u9fff")
        # Three characters hold two restored ideographs, but a run that short is only
        # believed with a decoder's U+FFFD in it: rare real words can pass (枸杞茶).
        if ideographs >= 2 and (stop - index >= 4 or "\ufffd" in run):
            yield index, stop, restored
        index = stop


def _utf8_size(lead: int) -> int:
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xC2 <= lead <= 0xDF:
        return 2
    return 0


def _decodes_to_chinese(chunk: bytes) -> bool:
    try:
        char = chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(char) == 1 and (
        "\u4e00" <= char <= "\u9fff"
        or "\u3000" <= char <= "\u303f"
        or "\uff00" <= char <= "\uffef"
        or "\u2010" <= char <= "\u2027"
    )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [PageChrome, GarbledTerm]
