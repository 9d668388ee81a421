"""The .docx loader: body paragraphs in reading order, one paragraph per line.

Claims files named .docx/.docm/.dotx/.doc/.wps and any input that starts with a
zip or OLE2 signature (stdin without a file name). What is read:

- every paragraph of the body in document order, including paragraphs in table
  cells (nested tables too) and in content controls; headers, footers,
  comments, footnotes and text boxes are not part of the body and are skipped;
- the text a reader sees: runs, inserted (tracked) text, hyperlinks and field
  results; deleted (tracked) text, hidden runs and field codes are left out; a
  tab is a tab, a manual line break joins the two halves (line = paragraph);
- Word's automatic numbering in front of the text (see :mod:`fzlint.docx.numbering`).

Legacy .doc/.wps (OLE2) files are converted by LibreOffice when it is installed
(:mod:`fzlint.docx.legacy`); without it they get a one-line hint.

python-docx (imported here only) opens the package after :mod:`fzlint.docx.safety`
has checked it.
"""

from __future__ import annotations

from pathlib import Path

from fzlint.document import Document
from fzlint.hookspecs import hookimpl
from fzlint.load.loading import LoadError

WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
LEGACY_SUFFIXES = (".doc", ".dot", ".wps", ".wpt")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SKIPPED = {
    f"{{{W}}}{tag}"
    for tag in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "drawing",
        "pict",
        "object",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
    )
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_T, _TAB, _R, _VANISH = (f"{{{W}}}{tag}" for tag in ("t", "tab", "r", "vanish"))
_HYPHEN = f"{{{W}}}noBreakHyphen"
# Signatures: defined here, not in safety.py, so a plain-text file never imports the zip machinery.
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def claims(path: Path, data: bytes) -> bool:
    name = path.name.lower()
    return name.endswith(WORD_SUFFIXES + LEGACY_SUFFIXES) or data.startswith((ZIP_MAGIC, OLE2_MAGIC))


@hookimpl
def fzlint_load_document(path: Path, data: bytes, display_path: str) -> Document | None:
    if not claims(path, data):
        return None
    word, paragraphs = open_word(readable(data))
    _note_alt_chunks(word, display_path)
    lines = [label + text for _, label, text in paragraphs]
    numbering = {index: label for index, (_, label, _) in enumerate(paragraphs) if label}
    return Document(path=display_path, text="\n".join(lines), kind="docx", numbering=numbering)


def readable(data: bytes) -> bytes:
    """The .docx to read: ``data`` itself, or LibreOffice's conversion of a legacy
    .doc/.wps when LibreOffice is installed (see :mod:`fzlint.docx.legacy`)."""
    if not data.startswith(OLE2_MAGIC):
        return data
    from fzlint.docx import legacy

    program = legacy.converter()
    return data if program is None else legacy.to_docx(data, program)  # None: the hint below


def _note_alt_chunks(word, display_path: str) -> None:
    """``w:altChunk`` embeds another file (HTML, RTF, a .docx) that Word renders as body
    text; fzlint does not read it, and says so rather than pass it silently."""
    import sys

    from fzlint.names import escape_name

    count = sum(1 for _ in word.element.body.iter(f"{{{W}}}altChunk"))
    if count:
        print(
            f"fzlint: 提示：{escape_name(display_path)}: 含有 {count} 处嵌入的外部内容（altChunk），"
            "其中的文字未检查；请在 Word 中另存为 .docx 使其成为正文后再检查",
            file=sys.stderr,
        )


def read_paragraphs(data: bytes) -> list[str]:
    """The body's paragraphs as a reader sees them, numbering labels included."""
    _, paragraphs = open_word(data)
    return [label + text for _, label, text in paragraphs]


def open_word(data: bytes):
    """The python-docx document and its body paragraphs as (``w:p``, numbering label, text)."""
    from fzlint.docx.numbering import Numbering
    from fzlint.docx.safety import SAVE_AS_DOCX, check_xml_parts, open_checked

    archive = open_checked(data)
    check_xml_parts(archive)
    try:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        word = docx.Document(_stream(data))
    except Exception as error:  # python-docx's own complaints: wrong content type, broken parts
        raise LoadError(f"无法作为 Word 文档打开（{type(error).__name__}: {error}）；{SAVE_AS_DOCX}") from None
    numbering = Numbering.parse(_related(word.part, RT.NUMBERING), _related(word.part, RT.STYLES))
    paragraphs = [
        (p, numbering.label(p.find(f"{{{W}}}pPr")), paragraph_text(p)) for p in body_paragraphs(word.element.body)
    ]
    return word, paragraphs


_P = f"{{{W}}}p"


def body_paragraphs(body):
    """The ``w:p`` elements below ``body`` in document order, not those nested in another
    ``w:p`` (a text box). A walk, not one XPath node set: libxml2 caps node sets at 10 M
    nodes, which a 7 MB document of 2.7 M paragraphs reaches."""
    stack = [iter(body)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _P:
            yield child
        elif len(child):
            stack.append(iter(child))


def _stream(data: bytes):
    from io import BytesIO

    return BytesIO(data)


def _related(part, relationship: str):
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError, ValueError):  # ValueError: TargetMode="External", never fetched
        return None


def paragraph_text(paragraph) -> str:
    """The visible text of one ``w:p``; never contains a line break."""
    return "".join(text for _, text in segments(paragraph)).replace("\r", "").replace("\n", "")


def segments(paragraph) -> list[tuple[object, str]]:
    """The paragraph's visible pieces in order: (``w:t`` element, its text) or
    (``w:tab``/``w:noBreakHyphen`` element, the one character it shows)."""
    out: list[tuple[object, str]] = []
    _collect(paragraph, out)
    return out


def _collect(element, out: list[tuple[object, str]]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _T:
            out.append((child, child.text or ""))
        elif tag == _TAB:
            out.append((child, "\t"))
        elif tag == _HYPHEN:
            out.append((child, "-"))
        elif tag == _R and _hidden(child):
            continue
        else:
            _collect(child, out)


def _hidden(run) -> bool:
    vanish = run.find(f"{{{W}}}rPr/{_VANISH}")
    return vanish is not None and vanish.get(f"{{{W}}}val") not in ("0", "false", "off")
