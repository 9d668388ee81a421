"""Build the report tree: classified lines → tokens → ``report.lark`` → :class:`Report`.

The lexer (:mod:`fzlint.parse.lines`, :mod:`fzlint.parse.tokens`) classifies lines; the
grammar decides where each belongs (:mod:`fzlint.parse.grammar`); this module turns the
tree Lark built into the objects the rules read. Every input parses: lines the grammar
did not expect where they stand are listed in ``Report.recoveries``, and a mandated part
out of order is a ``misplaced`` part (S102). Nothing is written onto the lexer's lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from fzlint.document import Document
from fzlint.parse.grammar import Recovery
from fzlint.parse.lines import SPACE, ChromePatterns, Line, LineKind, classify
from fzlint.parse.parts import PartKeywords
from fzlint.parse.tokens import MAX_DEPTH

__all__ = ["MAX_DEPTH", "Closing", "Report", "Section", "build_report"]


# Grammar nodes that are level-1 parts, and the groups a part may stand in.
PART_NODES = ("achievements", "topic", "problems", "plan", "responsibility", "other", "stray", "misplaced")
GROUPS = ("part_one", "part_two", "part_three")
_SECTION_DEPTH = {"improvement": 2, "shortcomings": 2, "section2": 2, "section3": 3, "section4": 4, "section5": 5}


@dataclass(slots=True)
class Section:
    """A heading with the text under it and its subsections."""

    heading: Line
    depth: int
    text: list[Line] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)
    # For depth 1: the mandated parts this heading names; below: "improvement"/"shortcomings".
    kinds: frozenset[str] = frozenset()
    # The grammar's name for it: achievements, topic, problems, plan, responsibility, other,
    # stray, misplaced (level 1); improvement, shortcomings, section2 … section5 (below).
    role: str = ""
    group: str | None = None  # part_one / part_two / part_three for a part standing there
    # Paragraphs in part two opening with 上一年度问题整改情况：… (the improvement without a heading).
    improvement_notes: list[Line] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.heading

    def walk(self) -> Iterator[Section]:
        """This section and its descendants, in document order (preorder)."""
        # A stack, not nested generators: a recursive ``yield from`` costs every item one
        # resumption per level, and rules walk the outline many times.
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))

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
    annexes: list[Line] = field(default_factory=list)  # 附件说明 and 附注


@dataclass
class Report:
    document: Document
    lines: list[Line]
    keywords: PartKeywords
    front: list[Line] = field(default_factory=list)
    title_lines: list[Line] = field(default_factory=list)  # the issuing bodies, then the title
    addressees: list[Line] = field(default_factory=list)
    opening: list[Line] = field(default_factory=list)
    parts: list[Section] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    tail: list[Line] = field(default_factory=list)
    recoveries: list[Recovery] = field(default_factory=list)
    tree: Any = field(default=None, repr=False)  # the lark Tree the grammar produced
    # Every section in document order, fixed once build_report has filled the outline (rules
    # walk it dozens of times); None for a report put together by hand, which is walked.
    _flat: tuple[Section, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def title(self) -> Line | None:
        """The first line of the title block (where title findings are placed)."""
        return self.title_lines[0] if self.title_lines else None

    @property
    def title_text(self) -> str:
        """The whole title as one string (a title split over lines, joined)."""
        return "".join(line.text.strip(SPACE + "#*") for line in self.title_lines)

    def group(self, name: str) -> list[Section]:
        """The parts standing as ``part_one``, ``part_two`` or ``part_three``."""
        return [p for p in self.parts if p.group == name]

    def sections(self) -> Iterator[Section]:
        if self._flat is not None:
            return iter(self._flat)
        return self._walk()

    def _walk(self) -> Iterator[Section]:
        for part in self.parts:
            yield from part.walk()

    def scopes(self) -> Iterator[list[Line]]:
        """Runs of body lines that belong together: the opening, then each section's own
        text (its inline body and paragraphs, not its subsections')."""
        if self.opening:
            yield self.opening
        for section in self.sections():
            yield [section.heading, *section.text]

    def parts_of(self, kind: str) -> list[Section]:
        return [p for p in self.parts if kind in p.kinds]

    def sections_of(self, kind: str) -> list[Section]:
        return [s for s in self.sections() if s.depth > 1 and kind in s.kinds]


def build_report(document: Document, keywords: PartKeywords, chrome: ChromePatterns | None = None) -> Report:
    """Classify and parse one document into a :class:`Report` (never raises on text).

    ``chrome`` is the page-chrome table with the configuration applied (default: as shipped).
    """
    from fzlint.parse.grammar import parse
    from fzlint.parse.tokens import stream
    from fzlint.run.profiling import stage

    with stage("classify"):
        lines = classify(document, chrome)
        tokens = stream(lines, keywords)
    with stage("parse"):
        result = parse(tokens)
    report = Report(document, lines, keywords, recoveries=result.recoveries, tree=result.tree)
    with stage("outline"):
        _Filler(report).fill(result.tree)
        report._flat = tuple(report._walk())
    return report


# Shared, immutable kind sets (an empty frozenset is a new 200-byte object each time).
_NO_KINDS: frozenset[str] = frozenset()
_ONE_KIND: dict[str, frozenset[str]] = {}


def _is_tree(node: Any) -> bool:
    return hasattr(node, "data")


class _Filler:
    """Reads the grammar's tree into the report (the tree's leaves carry line indexes)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.lines = report.lines

    def line(self, token: Any) -> Line:
        return self.lines[token.start_pos]

    def leaves(self, node: Any) -> list[Line]:
        return [self.line(t) for t in node.children if not _is_tree(t)]

    def fill(self, tree: Any) -> None:
        report = self.report
        for node in tree.children:
            name = str(node.data)
            if name == "body":
                self.body(node)
            elif name == "closing":
                for line in self.leaves(node):
                    if line.kind is LineKind.ANNEX:
                        report.closing.annexes.append(line)
                    else:
                        setattr(report.closing, line.kind.value, line)
            else:  # front, title, addressee, opening, tail: runs of lines
                attribute = {"title": "title_lines", "addressee": "addressees"}.get(name, name)
                setattr(report, attribute, self.leaves(node))

    def body(self, node: Any) -> None:
        for child in node.children:
            if child.data in GROUPS:
                for part in child.children:
                    self.report.parts.append(self.section(part, None, str(child.data)))
            else:
                self.report.parts.append(self.section(child, None, None))

    def section(self, node: Any, parent: Section | None, group: str | None) -> Section:
        role = str(node.data)
        heading, *rest = node.children
        depth = 1 if role in PART_NODES else _SECTION_DEPTH[role]
        section = Section(self.line(heading), depth, parent=parent, role=role, group=group)
        section.kinds = self._kinds(section, role)
        for child in rest:
            if not _is_tree(child):
                section.text.append(self.line(child))
            elif child.data == "improvement_note":
                note = self.line(child.children[0])
                section.text.append(note)
                section.improvement_notes.append(note)
            else:
                section.children.append(self.section(child, section, group))
        return section

    def _kinds(self, section: Section, role: str) -> frozenset[str]:
        """Level 1: the parts its heading names; part two's subheadings: the grammar's role;
        deeper: by meaning, inside part two (an improvement subheading anywhere)."""
        keywords = self.report.keywords
        if section.depth == 1:
            return keywords.part_kinds(section.title)
        if role in ("improvement", "shortcomings"):
            return _ONE_KIND.setdefault(role, frozenset({role}))
        top = section.parent
        while top is not None and top.parent is not None:
            top = top.parent
        kind = keywords.section_kind(section.title)
        if kind and section.depth > 2 and ((top is not None and "problems" in top.kinds) or kind == "improvement"):
            return _ONE_KIND.setdefault(kind, frozenset({kind}))
        return _NO_KINDS
