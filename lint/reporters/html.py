"""``--format html``: one self-contained page for reviewers.

Each report's text with every finding highlighted in place (colour by severity; the
message and fix on hover and in a side list that jumps to the line), its headings as
an outline, and, for several files, an index. CSS and a little JS are inlined from the
files next to this module: the page needs no network and works from a file:// URL.

Every piece of document text and every file name goes through :func:`esc`; nothing
from a report is ever placed inside the ``<style>`` or ``<script>`` elements.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fzlint import __version__
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters import ReportOptions
from fzlint.reporters.attention import GROUPS, LABEL, Tally, group_of, in_attention_order, title_of
from fzlint.reporters.html_marks import Segment, segments, spans_by_line
from fzlint.reporters.printable import printable
from fzlint.run.engine import FileResult

if TYPE_CHECKING:
    from fzlint.run.plugins import Registry

HERE = Path(__file__).parent
# The findings that mean a mandated part is missing, and what the index calls the part.
MISSING_PART_CODES = {"S103": "改进情况", "S105": "不足和原因"}


def esc(text: str) -> str:
    """Text for an HTML text node or a double-quoted attribute."""
    return html.escape(printable(text), quote=True)


def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    stream.write(page(results, options))


def page(results: list[FileResult], options: ReportOptions) -> str:
    files = [(n, result, visible(result, options)) for n, result in enumerate(results, 1)]
    total = Tally.of(d for _, _, found in files for d in found)
    head = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>fzlint 检查结果（{len(results)} 个文件）</title>\n"
        f"<style>\n{(HERE / 'html_report.css').read_text(encoding='utf-8')}</style>\n</head>\n<body>\n"
    )
    top = [
        '<header class="top">',
        f"<h1>fzlint 检查结果</h1><div class='muted'>{len(results)} 个文件；{esc(total.verdict())}；"
        f"fzlint {esc(__version__)}</div>",
        '<label class="toggle"><input type="checkbox" id="errors-only"> 只看错误</label>',
    ]
    if len(results) > 1:
        top.append(index_table(files))
    top.append("</header>")
    body = [report_section(n, result, found, options) for n, result, found in files]
    script = f"<script>\n{(HERE / 'html_report.js').read_text(encoding='utf-8')}</script>\n"
    return head + "\n".join(top) + "\n" + "\n".join(body) + "\n" + script + "</body>\n</html>\n"


def visible(result: FileResult, options: ReportOptions) -> list[Diagnostic]:
    return in_attention_order(d for d in result.diagnostics if not options.quiet or d.severity is Severity.ERROR)


def missing_parts(found: list[Diagnostic]) -> list[str]:
    """The mandated parts a report lacks, in the words of the findings that say so."""
    parts = []
    for d in found:
        if d.code == "S101" and "“" in d.message:
            parts.append(d.message.split("“", 1)[1].split("”", 1)[0])
        elif d.code in MISSING_PART_CODES:
            parts.append(MISSING_PART_CODES[d.code])
    return parts


def index_table(files: list[tuple[int, FileResult, list[Diagnostic]]]) -> str:
    rows = ["<table class='index'><thead><tr><th>文件</th><th>错误</th><th>警告</th>"]
    rows.append("<th>缺少的法定部分</th><th>结论</th></tr></thead><tbody>")
    for n, result, found in files:
        tally = Tally.of(found)
        if result.error is not None:
            verdict, missing = f"无法读取：{esc(result.error)}", ""
        else:
            verdict, missing = esc(tally.verdict()), esc("、".join(missing_parts(found)) or "—")
        rows.append(
            f"<tr><td><a href='#f{n}'>{esc(result.path)}</a></td><td class='num'>{tally.errors}</td>"
            f"<td class='num'>{tally.warnings}</td><td>{missing}</td><td>{verdict}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def report_section(n: int, result: FileResult, found: list[Diagnostic], options: ReportOptions) -> str:
    tally = Tally.of(found)
    if result.error is not None:
        return (
            f"<section class='report' id='f{n}'><h2>{esc(result.path)}"
            f"<span class='verdict bad'>无法读取：{esc(result.error)}</span></h2></section>"
        )
    css = "bad" if tally.errors else "good"
    parts = [
        f"<section class='report' id='f{n}'>",
        f"<h2>{esc(result.path)}<span class='verdict {css}'>{esc(tally.verdict())}</span></h2>",
        outline(n, result, options),
        text_column(n, result, found),
        findings_list(n, result, found, options),
        "</section>",
    ]
    return "\n".join(parts)


def outline(n: int, result: FileResult, options: ReportOptions) -> str:
    """The title and headings, each a link to its line."""
    entries = ["<nav class='outline' aria-label='提纲'><div class='muted'>提纲</div>"]
    for line_index, depth, text in headings(result, options.registry):
        css = "title" if depth == 0 else f"d{min(depth, 3)}"
        entries.append(f"<a class='{css}' href='#f{n}-L{line_index + 1}'>{esc(text)}</a>")
    entries.append("</nav>")
    return "\n".join(entries)


def headings(result: FileResult, registry: Registry) -> list[tuple[int, int, str]]:
    """(0-based line, depth, text) of the title and every heading; none if it cannot be parsed."""
    from fzlint.parse.lines import chrome_patterns
    from fzlint.parse.outline import build_report
    from fzlint.run.engine import keywords_for
    from fzlint.settings import Settings

    if result.document is None:
        return []
    try:
        report = build_report(result.document, keywords_for(Settings(), registry), chrome_patterns())
    except Exception:  # the outline is navigation only; the findings are what matter
        return []
    found = [(report.title.index, 0, _words(report.title))] if report.title is not None else []
    found += [(s.heading.index, s.depth, _words(s.heading)) for s in report.sections()]
    return sorted(found)


def _words(line) -> str:  # line: fzlint.parse.lines.Line
    """A heading's own words (not the body run on after it), shortened for the outline."""
    text = (line.text[: line.heading_end] if line.heading_end else line.text).strip()
    return text if len(text) <= 40 else text[:39] + "…"


def text_column(n: int, result: FileResult, found: list[Diagnostic]) -> str:
    lines = result.document.lines if result.document is not None else []
    by_line = spans_by_line(found, len(lines))
    rows = ["<div class='text'>"]
    for number, line in enumerate(lines, 1):
        content = "".join(segment_html(n, s, found) for s in segments(line, by_line.get(number, [])))
        rows.append(
            f"<div class='l' id='f{n}-L{number}'><a class='n' href='#f{n}-L{number}'>{number}</a>"
            f"<span class='t'>{content or ' '}</span></div>"
        )
    rows.append("</div>")
    return "\n".join(rows)


def segment_html(n: int, segment: Segment, found: list[Diagnostic]) -> str:
    if not segment.covering:
        return esc(segment.text)
    covering = [found[i] for i in segment.covering]
    worst = min(covering, key=lambda d: d.severity.rank).severity
    ids = " ".join(f"f{n}d{i}" for i in segment.covering)
    tip = "\n".join(hover_text(d) for d in covering)
    css = f"{worst.value} point" if segment.point else worst.value
    return f'<mark class="{css}" data-d="{ids}" title="{esc(tip)}">{esc(segment.text)}</mark>'


def hover_text(d: Diagnostic) -> str:
    text = f"{LABEL[d.severity]} {d.code} [{d.name}]：{d.message}"
    if d.fix is not None:
        text += f"\n修复：{d.fix.message}（{'安全' if d.fix.safe else '不安全'}，--fix）"
    return text


def findings_list(n: int, result: FileResult, found: list[Diagnostic], options: ReportOptions) -> str:
    rows = ["<aside class='findings' aria-label='问题'>", f"<div class='muted'>问题（{len(found)}）</div>"]
    if not found:
        rows.append("<p>未发现问题</p>")
    group = None
    for i, d in enumerate(found):
        if group_of(d.code) != group:
            if group is not None:
                rows.append("</ol>")
            group = group_of(d.code)
            rows.append(f"<div class='group'>{esc(GROUPS[group][0])}</div><ol>")
        fix = ""
        if d.fix is not None:
            fix = f"<div class='fix'>修复：{esc(d.fix.message)}（{'安全' if d.fix.safe else '不安全'}）</div>"
        title = esc(title_of(options.registry, d.code, d.name))
        where = f"{d.line}:{d.column}"
        rows.append(
            f"<li class='{d.severity.value}' id='f{n}d{i}'><a href='#f{n}-L{d.line}'>"
            f"<span class='muted'>{where}</span> <span class='sev {d.severity.value}'>{LABEL[d.severity]}</span> "
            f"<span class='code'>{esc(d.code)}</span> {title}</a><div>{esc(d.message)}</div>{fix}</li>"
        )
    if group is not None:
        rows.append("</ol>")
    rows.append("</aside>")
    return "\n".join(rows)
