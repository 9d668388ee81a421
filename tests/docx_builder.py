"""Build .docx files for tests with python-docx, numbering definitions added through lxml.

``build_docx(path, blocks)`` takes a list of blocks:

- ``"text"``: a plain paragraph;
- ``Numbered(text, ilvl, num_id=1)``: a paragraph numbered by Word (numPr);
- ``Styled(text, style)``: a paragraph whose style carries the numbering;
- ``Table(rows)``: a table, each cell a list of blocks (str or a nested Table).

List 1 is the usual Chinese outline: 一、 / （一） / 1. / （1） / ①. List 2 is the
same definition restarted at 1 (``startOverride``). Style ``NumberedHeading``
takes its numbering from list 3 (level 0, "第%1章"), ``NumberedSub`` from list 1 level 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

LEVELS = [  # (numFmt, lvlText)
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
    ("decimalEnclosedCircle", "%5"),
]


@dataclass
class Numbered:
    text: str
    ilvl: int = 0
    num_id: int = 1


@dataclass
class Styled:
    text: str
    style: str


@dataclass
class Table:
    rows: list[list[list]] = field(default_factory=list)


def _abstract(abstract_id: int, levels: list[tuple[str, str]], suffix: str = "nothing") -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def _add_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(_abstract(1, LEVELS)))
    numbering.append(parse_xml(_abstract(3, [("chineseCounting", "第%1章")], suffix="tab")))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="1"><w:abstractNumId w:val="1"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="2"><w:abstractNumId w:val="1"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="3"><w:abstractNumId w:val="3"/></w:num>'))
    styles = document.styles.element
    for style_id, num_id, ilvl in (("NumberedHeading", 3, None), ("NumberedSub", 1, 1)):
        level = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{style_id}">'
                f'<w:name w:val="{style_id}"/><w:basedOn w:val="Normal"/>'
                f'<w:pPr><w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr></w:pPr></w:style>'
            )
        )


def _number(paragraph, num_id: int, ilvl: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _add_blocks(container, blocks: list) -> None:
    for block in blocks:
        if isinstance(block, Table):
            columns = max(len(row) for row in block.rows)
            table = container.add_table(rows=len(block.rows), cols=columns)
            for r, row in enumerate(block.rows):
                for c, cell_blocks in enumerate(row):
                    cell = table.cell(r, c)
                    first = cell.paragraphs[0]
                    first._p.getparent().remove(first._p)  # a new cell holds one empty paragraph
                    _add_blocks(cell, cell_blocks)
            continue
        if isinstance(block, Numbered):
            paragraph = container.add_paragraph(block.text)
            _number(paragraph, block.num_id, block.ilvl)
        elif isinstance(block, Styled):
            paragraph = container.add_paragraph(block.text)
            paragraph._p.get_or_add_pPr().insert(0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{block.style}"/>'))
        else:
            container.add_paragraph(block)


def build_docx(path: Path, blocks: list) -> Path:
    document = docx.Document()
    _add_numbering(document)
    _add_blocks(document, blocks)
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉：不应读入"
    section.footer.paragraphs[0].text = "页脚：不应读入"
    document.save(str(path))
    return path


def qname(tag: str) -> str:
    return qn(tag)
