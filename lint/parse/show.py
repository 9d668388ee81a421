"""The tree the grammar produced, for ``fzlint outline FILE`` (:mod:`fzlint.run.outline`), so a
drafter or a rule author sees how the report was understood (rich tree, or JSON).

JSON (schema 1, stable): ``{"schema": 1, "path": …, "tree": NODE, "recoveries": [...]}`` where
a NODE is ``{"rule": name, "children": [NODE | LEAF, …]}`` and a LEAF is ``{"token": type,
"line": 1-based, "text": the line}``; rule and token names are those of
``lint/parse/report.lark``. Each recovery is ``{"line", "found", "parsed_as"}``: a line the
grammar did not expect where it stands, and the token it was parsed as.
"""

from __future__ import annotations

from typing import Any, TextIO

from fzlint.parse.outline import Report

SCHEMA = 1
_TEXT_WIDTH = 40


def to_json(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "path": report.document.path,
        "tree": _node(report, report.tree),
        "recoveries": [{"line": r.index + 1, "found": r.found, "parsed_as": r.parsed_as} for r in report.recoveries],
    }


def _node(report: Report, node: Any) -> dict[str, Any]:
    # Recursion is bounded: the grammar nests at most eight rules deep (start … section5).
    if not hasattr(node, "data"):
        return {"token": node.type, "line": node.start_pos + 1, "text": report.lines[node.start_pos].text}
    return {"rule": str(node.data), "children": [_node(report, child) for child in node.children]}


def render_rich(report: Report, out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    def label(leaf: Any) -> str:
        text = report.lines[leaf.start_pos].text.strip()
        text = text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"
        return f"[dim]{leaf.start_pos + 1}[/dim] [cyan]{leaf.type}[/cyan] {escape(text)}"

    def add(branch: Tree, children: list[Any]) -> None:
        position = 0
        while position < len(children):
            child = children[position]
            if hasattr(child, "data"):
                if child.children:  # empty rules (no front matter, no tail) say nothing
                    head = child.children[0]
                    # a part or section shows its heading on its own row; runs of lines do not
                    is_heading = not hasattr(head, "data") and head.type.startswith("H")
                    heading = f"  {label(head)}" if is_heading else ""
                    sub = branch.add(f"[bold]{child.data}[/bold]{heading}")
                    add(sub, child.children[1:] if heading else child.children)
                position += 1
                continue
            run = position  # a run of TEXT lines is one row: 7–12 TEXT ×6
            while run + 1 < len(children) and _is_text(children[run + 1]) and _is_text(child):
                run += 1
            if run > position:
                first, last = child.start_pos + 1, children[run].start_pos + 1
                branch.add(f"[dim]{first}–{last}[/dim] [cyan]TEXT[/cyan] ×{run - position + 1}")
            else:
                branch.add(label(child))
            position = run + 1

    root = Tree(f"[bold]{escape(report.document.path)}[/bold]")
    add(root, report.tree.children)
    for recovery in report.recoveries:
        root.add(
            f"[yellow]第 {recovery.index + 1} 行[/yellow] {recovery.found} → {recovery.parsed_as}（不在语法预期的位置）"
        )
    Console(file=out, highlight=False, soft_wrap=True).print(root)


def _is_text(node: Any) -> bool:
    return not hasattr(node, "data") and node.type == "TEXT"
