"""A .docx made from a text report, so a pasted web page can be reviewed in Word.

One paragraph per line (blank lines too), so paragraph N is line N and every
finding keeps its position. Fonts follow 公文 practice: body 仿宋_GB2312 三号,
first-level headings 黑体, second-level 楷体_GB2312, the title 方正小标宋简体 二号, centred. Characters XML cannot hold
(control characters) become U+FFFD, one for one, so columns do not move.
"""

from __future__ import annotations

import io

from fzlint import regex
from fzlint.document import Document
from fzlint.parse.lines import LineKind, classify

BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}  # GB/T 9704: 一、 in 黑体, （一） in 楷体
BODY_SIZE, TITLE_SIZE = 16, 22  # points: 三号, 二号
_NOT_XML = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(line: str) -> str:
    return _NOT_XML.sub("\ufffd", line)


def text_docx(document: Document) -> bytes:
    """The document's lines as a .docx (paragraph i = line i)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    word = docx.Document()
    _set_font(word.styles["Normal"].font, BODY_FONT, BODY_SIZE)
    body = word.element.body
    for paragraph in list(body.iterchildren()):  # the template's empty paragraph
        if paragraph.tag.endswith("}p"):
            body.remove(paragraph)
    for line in classify(document):
        paragraph = word.add_paragraph()
        text = xml_safe(line.text)
        level = line.marker.level if line.kind is LineKind.HEADING and line.marker is not None else 0
        if line.kind is LineKind.TITLE:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(paragraph.add_run(text).font, TITLE_FONT, TITLE_SIZE)
        elif level in HEADING_FONTS:
            # "（一）统筹谋划。正文……": only the heading's own words take the heading font
            cut = len(text) if line.body_start is None else line.body_start
            _set_font(paragraph.add_run(text[:cut]).font, HEADING_FONTS[level], BODY_SIZE)
            if cut < len(text):
                paragraph.add_run(text[cut:])
        else:
            paragraph.add_run(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _set_font(font, name: str, size: int) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font.name = name
    font.size = Pt(size)
    fonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
