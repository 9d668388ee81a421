"""Build the report tree: classified lines → Lark LALR parse → :class:`Report`.

The parser is tolerant by construction: the lexer (``tokens``) only emits
sequences the grammar accepts, with heading depths normalised so a skipped
level nests one step down. If Lark still rejects a sequence (a bug), the
report falls back to a flat outline and ``Report.parse_error`` says why, so
rules can still run and report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fzlint.document import Document
from fzlint.parse.lines import ChromePatterns, Line, LineKind, classify
from fzlint.parse.parts import PartKeywords

if TYPE_CHECKING:
    from fzlint.parse.lalr import Node

_TOKEN_OF_KIND = {
    LineKind.PRE: "PRE",
    LineKind.TITLE: "TITLE",
    LineKind.TEXT: "TEXT",
    LineKind.CLOSE: "CLOSE",
    LineKind.SIGNATURE: "SIGNATURE",
    LineKind.DATE: "DATE",
    LineKind.TAIL: "TAIL",
}
MAX_DEPTH = 5


@dataclass
class Section:
    """A heading with the text under it and its subsections."""

    heading: Line
    depth: int
    text: list[Line] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)
    # For depth 1: the mandated parts this heading names; below: "improvement"/"shortcomings".
    kinds: frozenset[str] = frozenset()

    @property
    def title(self) -> str:
        return self.heading.heading

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def lines(self) -> Iterator[Line]:
        """Heading, text and every descendant's lines, in document order."""
        yield self.heading
        yield from self.text
        for child in self.children:
            yield from child.lines()

    def body_text(self) -> str:
        """All running text in the section (inline body included), headings excluded."""
        parts = [self.heading.body, *(ln.body for ln in self.text)]
        parts += [child.heading.heading + "\n" + child.body_text() for child in self.children]
        return "\n".join(p for p in parts if p)

    @property
    def last_index(self) -> int:
        return max(line.index for line in self.lines())


@dataclass
class Closing:
    close: Line | None = None
    signature: Line | None = None
    date: Line | None = None


@dataclass
class Report:
    document: Document
    lines: list[Line]
    keywords: PartKeywords
    front: list[Line] = field(default_factory=list)
    title: Line | None = None
    opening: list[Line] = field(default_factory=list)
    parts: list[Section] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    tail: list[Line] = field(default_factory=list)
    parse_error: str | None = None

    def sections(self) -> Iterator[Section]:
        for part in self.parts:
            yield from part.walk()

    def scopes(self) -> Iterator[list[Line]]:
        """Runs of body lines that belong together: the opening, then each section's own
        text (its inline body and paragraphs, not its subsections'), then the closing."""
        if self.opening:
            yield self.opening
        for section in self.sections():
            yield [section.heading, *section.text]

    def parts_of(self, kind: str) -> list[Section]:
        return [p for p in self.parts if kind in p.kinds]

    def sections_of(self, kind: str) -> list[Section]:
        return [s for s in self.sections() if s.depth > 1 and kind in s.kinds]


def tokens(lines: list[Line]) -> Iterator[tuple[str, Line]]:
    """The token stream the grammar parses: one token per meaningful line.

    Assigns every heading its effective depth: never more than one below the
    enclosing heading, so 1. directly under 一、 nests as a child (N103 reports it).
    """
    depth = 0
    for line in lines:
        if line.kind is LineKind.HEADING:
            assert line.marker is not None
            depth = min(line.marker.level, depth + 1, MAX_DEPTH)
            line.depth = depth
            yield f"H{depth}", line
        elif line.kind in _TOKEN_OF_KIND:
            yield _TOKEN_OF_KIND[line.kind], line


def parse_tokens(stream: list[tuple[str, Line]]) -> Node:
    """Parse the line tokens (the lines are the lexemes) into a tree whose leaves are Lines.

    The LALR(1) table comes from Lark's analysis of ``report.lark`` (see
    ``lint/parse/build_parser.py``); loading it costs well under a millisecond, where
    importing lark and building the grammar cost ~60 ms of every cold start.
    """
    from fzlint.parse.lalr import parse

    return parse(stream)


def build_report(document: Document, keywords: PartKeywords, chrome: ChromePatterns | None = None) -> Report:
    """Classify and parse one document into a :class:`Report` (never raises on text).

    ``chrome`` is the page-chrome table with the configuration applied (default: as shipped).
    """
    from fzlint.parse.lalr import ParseError
    from fzlint.run.profiling import stage

    with stage("classify"):
        lines = classify(document, chrome)
    report = Report(document=document, lines=lines, keywords=keywords)
    stream = list(tokens(lines))
    try:
        with stage("parse"):
            tree = parse_tokens(stream)
    except ParseError as error:  # defensive: the lexer should make this impossible
        report.parse_error = f"{type(error).__name__}: {error}"
        report.opening = [line for _, line in stream if line.kind is LineKind.TEXT]
        return report
    with stage("outline"):
        _fill(report, tree, lines)
    return report


def _fill(report: Report, tree, lines: list[Line]) -> None:
    def line_of(token: Line) -> Line:  # the tree's leaves are the Lines themselves
        return token

    def section(node, parent: Section | None) -> Section:
        heading, *rest = node.children
        sec = Section(heading=line_of(heading), depth=line_of(heading).depth, parent=parent)
        for child in rest:
            if hasattr(child, "data"):
                sec.children.append(section(child, sec))
            else:
                sec.text.append(line_of(child))
        return sec

    for node in tree.children:
        kind = node.data
        tokens_ = [line_of(t) for t in node.children if not hasattr(t, "data")]
        if kind == "front":
            report.front = [ln for ln in tokens_ if ln.kind is LineKind.PRE]
            report.title = next((ln for ln in tokens_ if ln.kind is LineKind.TITLE), None)
        elif kind == "opening":
            report.opening = tokens_
        elif kind == "part":
            report.parts.append(section(node, None))
        elif kind == "closing":
            for ln in tokens_:
                setattr(report.closing, ln.kind.value, ln)
        elif kind == "tail":
            report.tail = tokens_
    _recognise(report)


def _recognise(report: Report) -> None:
    """Label parts and part-two subsections by the meaning of their headings."""
    keywords = report.keywords
    for part in report.parts:
        part.kinds = keywords.part_kinds(part.title)
        for sub in part.walk():
            if sub is part:
                continue
            kind = keywords.section_kind(sub.title)
            if kind and ("problems" in part.kinds or kind == "improvement"):
                sub.kinds = frozenset({kind})
