"""The default, human output: each diagnostic with its source line underlined, then a summary.

Columns under the source line are measured in terminal cells (rich's
``cell_len``), so the carets sit under the right characters even though each
Chinese character is two cells wide.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters import ReportOptions
from fzlint.run.engine import FileResult

if TYPE_CHECKING:
    from rich.table import Table

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
BEFORE, AFTER, MAX_SPAN = 24, 40, 60


def console_for(stream: TextIO, color: bool | None) -> Console:
    return Console(
        file=stream,
        force_terminal=color,
        no_color=(color is False) or None,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


# A web copy can carry a hundred half-width commas: beyond this many warnings of one
# rule in one file, the rest are counted, not printed (--show-all prints them all).
GROUP_AFTER = 5


def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    console = console_for(stream, options.color)
    show_all = bool(options.extra.get("show_all"))
    shown: list[Diagnostic] = []
    # Each console.print() measures the terminal and runs rich's whole pipeline (~0.1 ms);
    # the findings are one Text printed once, which writes the very same lines.
    pieces: list[Text] = []
    for result in results:
        diagnostics = [d for d in result.diagnostics if not options.quiet or d.severity is Severity.ERROR]
        printed: Counter[str] = Counter()
        for diagnostic in diagnostics:
            printed[diagnostic.code] += 1
            if not show_all and diagnostic.severity is not Severity.ERROR and printed[diagnostic.code] > GROUP_AFTER:
                continue
            pieces.append(header(diagnostic, result))
            snippet = source_snippet(result, diagnostic)
            if snippet is not None:
                pieces.append(snippet)
            pieces.append(Text())
        for code, count in sorted(printed.items()):
            hidden = count - GROUP_AFTER
            first = next(d for d in diagnostics if d.code == code)
            if show_all or first.severity is Severity.ERROR or hidden <= 0:
                continue
            pieces.append(
                Text(
                    f"{result.path}: 另有 {hidden} 处 {code} [{first.name}] 未逐条列出（同一文件同一规则的"
                    f"警告只列前 {GROUP_AFTER} 处；加 --show-all 或用 --format concise 查看全部）",
                    style="dim",
                )
            )
            pieces.append(Text())
        shown += diagnostics
    if pieces:
        console.print(Text("\n").join(pieces))
    if shown:
        console.print(summary_table(shown))
    console.print(summary_line(shown, options.files_checked))


def location(diagnostic: Diagnostic, result: FileResult) -> str:
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    if result.document is not None and result.document.kind == "docx":
        where += f"（第{diagnostic.line}段）"
    return where


def header(diagnostic: Diagnostic, result: FileResult) -> Text:
    text = Text()
    text.append(location(diagnostic, result), style="bold")
    text.append(": ")
    text.append(LABEL[diagnostic.severity], style=STYLE[diagnostic.severity])
    text.append(f" {diagnostic.code}", style="bold")
    text.append(f" [{diagnostic.name}] ", style="dim")
    text.append(printable(diagnostic.message))
    if diagnostic.fix is not None:
        text.append("  [可自动修复]" if diagnostic.fix.safe else "  [可修复·不安全]", style="green")
    return text


def printable(text: str) -> str:
    """``text`` safe to print in one row, one character for one character: a tab becomes
    a space and other control characters their visible pictures (␛ for ESC), so a
    stray escape sequence in a report can neither restyle the terminal nor shift the
    carets (columns stay character-for-character the same)."""
    # str.translate with a dict looks up every character; most lines have nothing to map.
    return text.translate(_PRINTABLE) if _UNPRINTABLE.search(text) else text


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f]")
_PRINTABLE = {
    0x09: " ",
    0x7F: "\u2421",
    **{c: 0x2400 + c for c in range(32) if c != 0x09},
    **{c: "\ufffd" for c in range(0x80, 0xA0)},
}


def source_snippet(result: FileResult, diagnostic: Diagnostic) -> Text | None:
    """The diagnostic's line, cropped around the span, with carets under the span."""
    document = result.document
    if document is None or diagnostic.line > len(document.lines):
        return None
    line = printable(document.lines[diagnostic.line - 1])
    start = min(diagnostic.column - 1, len(line))
    end = len(line)
    if diagnostic.end_line == diagnostic.line:
        end = max(min(diagnostic.end_column - 1, len(line)), start)
    span_end = min(end, start + MAX_SPAN)
    left = max(0, start - BEFORE)
    right = min(len(line), span_end + AFTER)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    visible = prefix + line[left:right] + suffix
    gutter = f"{diagnostic.line:>5} │ "
    pad = cell_len(prefix + line[left:start])
    width = max(1, cell_len(line[start:span_end]))
    snippet = Text(gutter, style="dim")
    snippet.append(visible)
    snippet.append("\n" + " " * 6 + "│ ", style="dim")
    snippet.append(" " * pad + "^" * width, style=STYLE[diagnostic.severity])
    return snippet


def summary_table(diagnostics: list[Diagnostic]) -> Table:
    from rich.table import Table  # only when there are findings to sum up (~4 ms)

    counts = Counter((d.code, d.name, d.severity) for d in diagnostics)
    table = Table(title="按规则汇总", show_edge=False, header_style="bold")
    table.add_column("代码")
    table.add_column("名称")
    table.add_column("级别")
    table.add_column("数量", justify="right")
    for (code, name, severity), count in sorted(counts.items()):
        table.add_row(code, name, Text(LABEL[severity], style=STYLE[severity]), str(count))
    return table


def summary_line(diagnostics: list[Diagnostic], files_checked: int) -> Text:
    by = Counter(d.severity for d in diagnostics)
    fixable = sum(1 for d in diagnostics if d.fix is not None and d.fix.safe)
    if not diagnostics:
        return Text(f"未发现问题（检查了 {files_checked} 个文件）", style="bold green")
    return Text(
        f"共 {by[Severity.ERROR]} 个错误，{by[Severity.WARNING]} 个警告，"
        f"{by[Severity.INFO]} 个提示；"
        f"其中 {fixable} 个可自动修复（--fix）；检查了 {files_checked} 个文件",
        style="bold",
    )
