"""The default, human output: per file, the findings in order of attention with the source
line underlined, a one-line verdict; then a table per rule and a summary.

Everything is laid out for the console's width in terminal cells (rich's ``cell_len``:
a Chinese character is two cells), and no row is ever wider: the source excerpt is
cropped around the span so the carets sit under it at any width, and header rows wrap
between words, never inside a tag such as ``[可自动修复]``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters import ReportOptions, escape_name
from fzlint.reporters.attention import GROUPS, LABEL, Tally, group_of, in_attention_order, title_of
from fzlint.reporters.cells import Piece, crop_around, wrap
from fzlint.reporters.printable import printable
from fzlint.run.engine import FileResult

if TYPE_CHECKING:
    from rich.table import Table

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
__all__ = ["LABEL", "STYLE", "console_for", "printable", "render", "write_report"]


def console_for(stream: TextIO, color: bool | None, width: int | None = None) -> Console:
    return Console(
        file=stream,
        force_terminal=color,
        no_color=(color is False) or None,
        highlight=False,
        soft_wrap=True,  # rows are laid out here, to the console's width; rich must not re-wrap them
        emoji=False,
        width=width,
    )


# A web copy can carry a hundred half-width commas: beyond this many warnings of one
# rule in one file, the rest are counted, not printed (--show-all prints them all).
GROUP_AFTER = 5


def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    write_report(console_for(stream, options.color), results, options)


def write_report(console: Console, results: list[FileResult], options: ReportOptions) -> None:
    width = max(console.width, 20)
    show_all = bool(options.extra.get("show_all"))
    shown: list[Diagnostic] = []
    # Each console.print() measures the terminal and runs rich's whole pipeline (~0.1 ms);
    # the findings are one Text printed once, which writes the very same rows.
    pieces: list[Text] = []
    unreadable = 0  # counted here: streamed results can be read only once
    for result in results:
        if result.error is not None:  # said on stderr; nothing was read
            unreadable += 1
            continue
        diagnostics = in_attention_order(
            d for d in result.diagnostics if not options.quiet or d.severity is Severity.ERROR
        )
        pieces += file_section(result, diagnostics, width, show_all)
        shown += diagnostics
    if pieces:
        console.print(Text("\n").join(pieces))
    if shown:
        console.print(summary_table(shown, options))
    tally = Tally.of(shown)
    hint = None if options.quiet else tally.quiet_hint()
    if hint:
        console.print(Text("\n").join(wrap([Piece(hint, "yellow")], width)))
    style = "bold green" if options.files_checked and not shown else "bold"
    verdict = summary_text(shown, options.files_checked, unreadable)
    console.print(Text("\n").join(wrap([Piece(verdict, style)], width)))


def file_section(result: FileResult, diagnostics: list[Diagnostic], width: int, show_all: bool) -> list[Text]:
    """One file: its findings group by group, the grouped-away counts, its verdict."""
    rows: list[Text] = []
    printed: Counter[str] = Counter()
    group = None
    if diagnostics:  # a clean file is only its verdict
        rows += wrap([Piece(escape_name(result.path), "bold underline", atomic=True)], width)
    for diagnostic in diagnostics:
        printed[diagnostic.code] += 1
        if not show_all and diagnostic.severity is not Severity.ERROR and printed[diagnostic.code] > GROUP_AFTER:
            continue
        if group_of(diagnostic.code) != group:
            group = group_of(diagnostic.code)
            rows.append(Text(f"【{GROUPS[group][0]}】", style="bold magenta"))
        rows += header(diagnostic, result, width)
        snippet = source_snippet(result, diagnostic, width)
        if snippet is not None:
            rows.append(snippet)
        rows.append(Text())
    for code, count in sorted(printed.items()):
        hidden = count - GROUP_AFTER
        first = next(d for d in diagnostics if d.code == code)
        if show_all or first.severity is Severity.ERROR or hidden <= 0:
            continue
        note = (
            f"{escape_name(result.path)}: 另有 {hidden} 处 {code} [{first.name}] 未逐条列出（同一文件同一规则的"
            f"警告只列前 {GROUP_AFTER} 处；加 --show-all 或用 --format concise 查看全部）"
        )
        rows += wrap([Piece(note, "dim")], width)
        rows.append(Text())
    tally = Tally.of(diagnostics)
    style = "bold red" if tally.errors else "bold green"
    name = Piece(escape_name(result.path), "bold", atomic=True)
    rows += wrap([name, Piece("：", "bold"), Piece(tally.verdict(), style)], width)
    rows.append(Text())
    return rows


def location(diagnostic: Diagnostic, result: FileResult) -> str:
    where = f"{escape_name(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}"
    if result.document is not None and result.document.kind == "docx":
        where += f"（第{diagnostic.line}段）"
    return where


def header(diagnostic: Diagnostic, result: FileResult, width: int) -> list[Text]:
    pieces = [
        Piece(location(diagnostic, result) + ":", "bold", atomic=True),
        Piece(" " + LABEL[diagnostic.severity], STYLE[diagnostic.severity], atomic=True),
        Piece(f" {diagnostic.code}", "bold", atomic=True),
        Piece(f" [{diagnostic.name}] ", "dim", atomic=True),
        Piece(printable(diagnostic.message), ""),
    ]
    if diagnostic.fix is not None:
        pieces.append(Piece("  [可自动修复]" if diagnostic.fix.safe else "  [可修复·不安全]", "green", atomic=True))
    return wrap(pieces, width)


def source_snippet(result: FileResult, diagnostic: Diagnostic, width: int = 120) -> Text | None:
    """The diagnostic's line, cropped to ``width`` cells around the span, carets under the span."""
    document = result.document
    if document is None or diagnostic.line > len(document.lines):
        return None
    line = printable(document.lines[diagnostic.line - 1])
    start = min(diagnostic.column - 1, len(line))
    end = len(line)
    if diagnostic.end_line == diagnostic.line:
        end = max(min(diagnostic.end_column - 1, len(line)), start)
    gutter = f"{diagnostic.line:>5} │ "
    crop = crop_around(line, start, end, max(width - cell_len(gutter), 8))
    snippet = Text(gutter, style="dim")
    snippet.append(crop.text)
    snippet.append("\n" + " " * (cell_len(gutter) - 2) + "│ ", style="dim")
    snippet.append(" " * crop.caret_offset + "^" * crop.caret_width, style=STYLE[diagnostic.severity])
    return snippet


def summary_table(diagnostics: list[Diagnostic], options: ReportOptions) -> Table:
    from rich.table import Table  # only when there are findings to sum up (~4 ms)

    counts = Counter((d.code, d.name, d.severity) for d in diagnostics)
    table = Table(title="按规则汇总", show_edge=False, header_style="bold")
    table.add_column("代码", no_wrap=True)
    table.add_column("规则")
    table.add_column("名称", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("数量", justify="right", no_wrap=True)
    for (code, name, severity), count in sorted(counts.items(), key=lambda item: (group_of(item[0][0]), item[0])):
        title = title_of(options.registry, code, name)
        table.add_row(code, title, name, Text(LABEL[severity], style=STYLE[severity]), str(count))
    return table


def summary_text(diagnostics: list[Diagnostic], files_checked: int, unreadable: int = 0) -> str:
    skipped = f"；{unreadable} 个文件无法读取，未检查（原因见标准错误输出）" if unreadable else ""
    if not files_checked:  # every path failed to load: never "no problems" (stderr says why)
        return "未检查任何文件"
    tally = Tally.of(diagnostics)
    fixable = sum(1 for d in diagnostics if d.fix is not None and d.fix.safe)
    if not diagnostics:
        return f"未发现问题（检查了 {files_checked} 个文件{skipped}）"
    return (
        f"共 {tally.errors} 个错误，{tally.warnings} 个警告，{tally.infos} 个提示；"
        f"其中 {fixable} 个可自动修复（--fix）；检查了 {files_checked} 个文件{skipped}"
    )


def rules_table(rows: list[dict[str, str]], stream: TextIO) -> None:
    """``fzlint rules``: code, Chinese title, name, severity, summary; the summary wraps.

    A table where it fits; at a narrower terminal one block per rule, the summary
    wrapped under its code (a table's last column would be a few characters wide)."""
    console = console_for(stream, None)
    if console.width >= 120:
        from rich.table import Table

        table = Table(title=f"fzlint 规则（{len(rows)} 条）", header_style="bold")
        for column in ("代码", "规则", "名称", "级别"):
            table.add_column(column, no_wrap=True)
        table.add_column("说明", ratio=1, overflow="fold")
        for row in rows:
            severity = Severity(row["severity"])
            table.add_row(
                row["code"], row["title"], row["name"], Text(LABEL[severity], STYLE[severity]), row["summary"]
            )
        console.print(table, soft_wrap=False)
        return
    blocks = [Text(f"fzlint 规则（{len(rows)} 条）", style="bold"), Text()]
    for row in rows:
        severity = Severity(row["severity"])
        head = [
            Piece(row["code"], "bold", atomic=True),
            Piece(" " + row["title"], "bold", atomic=True),
            Piece(f" [{row['name']}]", "dim", atomic=True),
            Piece(" " + LABEL[severity], STYLE[severity], atomic=True),
        ]
        blocks += wrap(head, console.width, indent=5)
        blocks += [Text("     ").append_text(r) for r in wrap([Piece(row["summary"])], console.width - 5, indent=0)]
    console.print(Text("\n").join(blocks))
