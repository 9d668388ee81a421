"""Writing fixes into a .docx without touching its formatting.

The fix loop works on the paragraph text; this module carries the result back
into the Word file:

- paragraphs are matched old → new (difflib on the paragraph list): a deleted
  paragraph (W101) removes its ``w:p``; a changed one is edited in place;
- inside a paragraph, the character changes are applied to the ``w:t`` text
  nodes that hold those characters, so every run keeps its properties (font,
  size, colour, bold …); inserted characters join the run of the text just
  before them; nothing else in the paragraph, the document or the package
  changes (only the main document part is re-serialised; every other zip entry
  is copied unchanged);
- before anything is written, the new file is read back and must give exactly
  the fixed text. Whatever cannot be done this way is refused with a reason and
  the file is left as it was: a change to a label Word numbers automatically, a
  paragraph that cannot go (the last one of a table cell, one holding a picture
  or a section break), a new paragraph.
"""

from __future__ import annotations

import difflib
import io
import zipfile

from fzlint.docx.loader import W, open_word, read_paragraphs, segments

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_T = f"{{{W}}}t"
MAX_ALIGN_CELLS = 40_000  # paragraph pairs compared when difflib's own pairing fails
_KEEP = (
    ".//w:drawing | .//w:pict | .//w:object | ./w:pPr/w:sectPr"
    " | .//w:commentRangeStart | .//w:commentRangeEnd | .//w:commentReference"
)


class DocxFixError(Exception):
    """The fixed text could not be written into the .docx; one line naming why."""


def fixed_docx(data: bytes, old_lines: list[str], new_lines: list[str]) -> bytes:
    """The .docx ``data`` with its paragraphs changed from ``old_lines`` to ``new_lines``."""
    word, paragraphs = open_word(data)
    if [label + text for _, label, text in paragraphs] != old_lines:
        raise DocxFixError("文件在检查之后被修改过，未写入修复；请重新运行 fzlint check --fix")
    for op, i1, i2, j1, j2 in reversed(_line_opcodes(old_lines, new_lines)):
        if op == "delete":
            for index in range(i1, i2):
                _delete(paragraphs[index][0], index)
        elif op == "replace" and i2 - i1 >= j2 - j1:
            for index, target in _align(old_lines, new_lines, i1, i2, j1, j2):
                if target is None:
                    _delete(paragraphs[index][0], index)
                else:
                    _edit(*paragraphs[index], new_lines[target], index)
        elif op != "equal":
            raise DocxFixError(f"修复需要新增段落（第{i1 + 1}段附近），无法在保留格式的前提下写入")
    result = _replace_entry(data, word.part.partname.lstrip("/"), word.part.blob)
    if read_paragraphs(result) != new_lines:
        raise DocxFixError("写入后读回的文字与修复结果不一致（涉及 Word 自动编号或跨段修改），未写入修复")
    return result


def _line_opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes, except that when they need an insertion (difflib's diff is not
    minimal, e.g. among repeated paragraphs) the whole changed region becomes one block."""
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    if all(op != "insert" and not (op == "replace" and i2 - i1 < j2 - j1) for op, i1, i2, j1, j2 in opcodes):
        return opcodes
    changed = [code for code in opcodes if code[0] != "equal"]
    i1, j1, i2, j2 = changed[0][1], changed[0][3], changed[-1][2], changed[-1][4]
    if (i2 - i1) * (j2 - j1) > MAX_ALIGN_CELLS:
        raise DocxFixError(f"第{i1 + 1}段起改动过多，无法在保留格式的前提下逐段对应；请分批修改")
    return [("equal", 0, i1, 0, j1), ("replace", i1, i2, j1, j2), ("equal", i2, len(old), j2, len(new))]


def _align(old: list[str], new: list[str], i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int | None]]:
    """Pair each new paragraph of a changed block with an old one, in order, most alike
    first; the old paragraphs left over were deleted (dynamic programming over the block)."""
    m, n = i2 - i1, j2 - j1
    similarity = [[_likeness(old[i1 + i], new[j1 + j]) for j in range(n)] for i in range(m)]
    # best[i][j]: best score pairing new[j:] with old[i:]
    best = [[float("-inf")] * (n + 1) for _ in range(m + 1)]
    for i in range(m + 1):
        best[i][n] = 0.0
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], similarity[i][j] + best[i + 1][j + 1])
    pairs, j = [], 0
    for i in range(m):
        if j < n and similarity[i][j] + best[i + 1][j + 1] >= best[i + 1][j]:
            pairs.append((i1 + i, j1 + j))
            j += 1
        else:
            pairs.append((i1 + i, None))
    return pairs


def _likeness(old: str, new: str) -> float:
    if old == new:
        return 1.0
    return difflib.SequenceMatcher(None, old, new, autojunk=False).quick_ratio()


def _delete(paragraph, index: int) -> None:
    parent = paragraph.getparent()
    last_in_cell = parent.tag == f"{{{W}}}tc" and len(parent.findall(f"{{{W}}}p")) == 1
    if last_in_cell or paragraph.xpath(_KEEP) or _straddles(paragraph):  # python-docx knows w:
        raise DocxFixError(
            f"第{index + 1}段含有图片、分节符、批注或跨段书签，或是表格单元格中唯一的段落，"
            "不能整段删除；请在 Word 中处理"
        )
    parent.remove(paragraph)


def _straddles(paragraph) -> bool:
    """A bookmark that starts in this paragraph and ends in another (or the reverse)."""
    starts = {e.get(f"{{{W}}}id") for e in paragraph.iter(f"{{{W}}}bookmarkStart")}
    ends = {e.get(f"{{{W}}}id") for e in paragraph.iter(f"{{{W}}}bookmarkEnd")}
    return starts != ends


def _edit(paragraph, label: str, text: str, new_line: str, index: int) -> None:
    if not new_line.startswith(label):
        raise DocxFixError(f"第{index + 1}段的编号“{label}”由 Word 自动生成，无法自动修改；请在 Word 中调整编号")
    new_text = new_line[len(label) :]
    matcher = difflib.SequenceMatcher(None, text, new_text, autojunk=False)
    for op, a, b, c, d in reversed(matcher.get_opcodes()):
        if op != "equal":
            _replace(paragraph, a, b, new_text[c:d], index)


def _replace(paragraph, start: int, end: int, content: str, index: int) -> None:
    """Replace characters [start, end) of the paragraph text, run by run."""
    pieces, position = [], 0
    for element, text in segments(paragraph):
        pieces.append((element, text, position))
        position += len(text)
    host = _host(pieces, start, end)
    if host is None and content:
        raise DocxFixError(f"第{index + 1}段没有可写入文字的位置，无法自动修改")
    for element, text, offset in pieces:
        cut_from = min(max(start - offset, 0), len(text))
        cut_to = min(max(end - offset, 0), len(text))
        if element is host:
            element.text = text[:cut_from] + content + text[cut_to:]
        elif cut_from >= cut_to:
            continue
        elif element.tag != _T:  # a tab or non-breaking hyphen inside the span goes
            element.getparent().remove(element)
            continue
        else:
            element.text = text[:cut_from] + text[cut_to:]
        element.set(_XML_SPACE, "preserve")


def _host(pieces: list, start: int, end: int):
    """The ``w:t`` that receives the new text at ``start``: the one the change starts in,
    else the one ending right there (typing continues the previous run), else the one
    starting right there; None when a tab or the paragraph's edge is in the way."""
    texts = [(element, text, offset) for element, text, offset in pieces if element.tag == _T and text]
    for element, text, offset in texts:
        if offset < start < offset + len(text) or (offset == start < end):
            return element
    for element, text, offset in texts:
        if offset + len(text) == start:
            return element
    for element, _, offset in texts:
        if offset == start:
            return element
    return None


def _replace_entry(data: bytes, name: str, blob: bytes) -> bytes:
    """A copy of the zip with one entry's content replaced; every other entry copied as is."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        new.comment = old.comment
        for info in old.infolist():
            content = blob if info.filename == name else old.read(info)
            new.writestr(info, content, compress_type=info.compress_type)
    return out.getvalue()
