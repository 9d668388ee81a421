"""Comment ranges on exact characters of a paragraph, formatting kept.

Word anchors a comment between ``w:commentRangeStart`` and ``w:commentRangeEnd``,
which sit between runs. python-docx (>= 1.2) places them around whole runs; a
finding usually covers a few characters inside one run, so the run is first
split at the span's ends: the text node is cut in two and everything from the
cut on moves to a new run with a copy of the run's properties (font, size,
colour …), so what the reader sees is unchanged. Offsets count the paragraph's
visible characters as :func:`fzlint.docx.loader.segments` does (Word's
automatic numbering label is not part of them).
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from fzlint.docx.loader import W, segments

_R, _T, _RPR, _PPR = (f"{{{W}}}{tag}" for tag in ("r", "t", "rPr", "pPr"))
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RANGE_START, _RANGE_END = f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd"


def _pieces(paragraph) -> list[tuple[object, str, int]]:
    out, position = [], 0
    for element, text in segments(paragraph):
        out.append((element, text, position))
        position += len(text)
    return out


def paragraph_length(paragraph) -> int:
    return sum(len(text) for _, text in segments(paragraph))


def _split_text(element, cut: int):
    """Cut a ``w:t`` in two at ``cut`` characters; returns the second half."""
    text = element.text or ""
    tail = deepcopy(element)
    element.text, tail.text = text[:cut], text[cut:]
    for node in (element, tail):
        node.set(_XML_SPACE, "preserve")  # a half may now start or end with a space
    element.addnext(tail)
    return tail


def _split_run_before(child):
    """Move ``child`` and what follows it in its run to a new run with the same
    properties, placed right after; returns that run (or the run itself when
    ``child`` is already its first content)."""
    run = child.getparent()
    content = [c for c in run if c.tag != _RPR]
    if content[0] is child:
        return run
    new = deepcopy(run)
    for c in list(new):
        if c.tag != _RPR:
            new.remove(c)
    for c in content[content.index(child) :]:
        new.append(c)
    run.addnext(new)
    return new


def boundary_run(paragraph, offset: int, *, starting: bool):
    """The run that starts (``starting``) or ends exactly at character ``offset``,
    splitting one if needed; None if that character is not in a plain run."""
    target = offset if starting else offset - 1
    for element, text, position in _pieces(paragraph):
        if not position <= target < position + len(text):
            continue
        if element.getparent() is None or element.getparent().tag != _R:
            return None
        cut = offset - position
        if element.tag == _T and 0 < cut < len(text):
            tail = _split_text(element, cut)
            new = _split_run_before(tail)
            return new if starting else element.getparent()
        if starting:
            return _split_run_before(element)
        following = element.getnext()
        if following is not None:
            _split_run_before(following)
        return element.getparent()
    return None


def span_runs(paragraph, start: int, end: int, end_paragraph=None):
    """(first run, last run) holding exactly characters [start, end); ``end`` counts in
    ``end_paragraph`` when the span runs on into a later paragraph. None if impossible."""
    end_paragraph = paragraph if end_paragraph is None else end_paragraph
    if end <= 0 or (end_paragraph is paragraph and end <= start):
        return None
    first = boundary_run(paragraph, start, starting=True)
    if first is None:
        return None
    last = boundary_run(end_paragraph, end, starting=False)
    return None if last is None else (first, last)


def mark_paragraph(paragraph, comment_id: int, end_paragraph=None) -> None:
    """Anchor on whole paragraphs: the range opens after the paragraph's properties and
    closes after the last element of ``end_paragraph`` (default: the same paragraph)."""
    end_paragraph = paragraph if end_paragraph is None else end_paragraph
    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)})
    properties = paragraph.find(_PPR)
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    end_paragraph.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)}))
    end_paragraph.append(_reference_run(comment_id))


def _reference_run(comment_id: int):
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"})
    properties.append(style)
    run.append(properties)
    run.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    return run


def anchored_text(body, comment_id: int | str) -> str:
    """The visible text between a comment's range start and end ("\\n" between
    paragraphs), read back from the XML: what Word highlights for the comment."""
    wanted = str(comment_id)
    inside, out = False, []
    for paragraph in body.iter(f"{{{W}}}p"):
        if paragraph.xpath("ancestor::w:p"):  # python-docx elements know the w: prefix
            continue
        if inside:
            out.append("\n")
        for element in _markers_and_text(paragraph):
            if element.tag == _RANGE_START and element.get(qn("w:id")) == wanted:
                inside = True
            elif element.tag == _RANGE_END and element.get(qn("w:id")) == wanted:
                return "".join(out)
            elif inside and element.tag not in (_RANGE_START, _RANGE_END):
                out.append(_shown(element))
    raise KeyError(f"comment {comment_id} has no complete range")


def _markers_and_text(paragraph):
    """Range markers and visible pieces of a paragraph, in document order."""
    pieces = segments(paragraph)  # kept alive so lxml hands out the same element objects
    visible = {id(element) for element, _ in pieces}
    for element in paragraph.iter():
        if element.tag in (_RANGE_START, _RANGE_END) or id(element) in visible:
            yield element


def _shown(element) -> str:
    if element.tag == _T:
        return element.text or ""
    return "\t" if element.tag == f"{{{W}}}tab" else "-"


def context_before(body, comment_id: int | str, size: int) -> str:
    """The last ``size`` visible characters (spaces left out) before a comment's range end,
    within its paragraph: what a renderer shows right before the comment's mark."""
    wanted, text = str(comment_id), ""
    for paragraph in body.iter(f"{{{W}}}p"):
        text = ""
        for element in _markers_and_text(paragraph):
            if element.tag == _RANGE_END and element.get(qn("w:id")) == wanted:
                return "".join(text.split())[-size:]
            if element.tag not in (_RANGE_START, _RANGE_END):
                text += _shown(element)
    raise KeyError(f"comment {comment_id} has no range end")
