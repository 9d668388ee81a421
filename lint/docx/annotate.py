"""Findings as Word comments (批注) in a copy of the .docx.

Each diagnostic becomes one comment by author ``fzlint``: severity, code, the
Chinese message and the suggested fix. It is anchored on exactly the characters
of its span (runs split at the span's ends, see :mod:`fzlint.docx.anchor`);
findings about a whole paragraph, about the document as such (a structure or
format finding without a fix, one character at a paragraph's first visible
character: "报告没有标题") or inside Word's automatic numbering label, anchor on
the paragraph.

Only the parts a comment needs change: the main document, the comments part,
the document's relationships and ``[Content_Types].xml``. Every other zip entry
(headers, footers, images, existing comments' extensions …) is copied byte for
byte. Before the copy is returned it is read back: its text must be exactly the
text that was linted.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.docx import anchor
from fzlint.docx.loader import open_word, read_paragraphs

AUTHOR, INITIALS = "fzlint", "fz"
SEVERITY_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


class AnnotateError(Exception):
    """The annotated copy could not be made; one line naming why."""


def comment_text(diagnostic: Diagnostic) -> str:
    """What the comment says: "【警告】P101 half-width-punctuation", the message, the fix."""
    lines = [f"【{SEVERITY_LABEL[diagnostic.severity]}】{diagnostic.code} {diagnostic.name}", diagnostic.message]
    if diagnostic.fix is not None:
        kind = "" if diagnostic.fix.safe else "（不安全，需 --unsafe-fixes）"
        lines.append(f"建议修改{kind}：{diagnostic.fix.message}")
    return "\n".join(lines)


def about_the_document(diagnostic: Diagnostic) -> bool:
    """A structure or format finding without a fix (something missing, like the title)
    is about the document, not the character it points at."""
    return diagnostic.code[:1] in ("F", "S") and diagnostic.fix is None


@dataclass(frozen=True)
class Anchor:
    """Where one comment goes: 0-based paragraphs and text offsets (label excluded);
    ``whole`` anchors on the paragraphs themselves."""

    line: int
    start: int
    end_line: int
    end: int
    whole: bool


def anchor_for(diagnostic: Diagnostic, lines: list[str], labels: list[str]) -> Anchor:
    line = diagnostic.line - 1
    end_line = min(max(diagnostic.end_line - 1, line), len(lines) - 1)
    start = diagnostic.column - 1 - len(labels[line])
    end = diagnostic.end_column - 1 - len(labels[end_line])
    if end_line != line:
        return Anchor(line, max(start, 0), end_line, end, whole=end <= 0)
    text = lines[line][len(labels[line]) :]
    indent = len(text) - len(text.lstrip())
    whole = (
        end <= max(start, 0)  # empty, or inside Word's numbering label
        or (start <= 0 and end >= len(text))  # the whole paragraph
        or (about_the_document(diagnostic) and start == indent and end - start <= 1)
    )
    return Anchor(line, max(start, 0), end_line, end, whole)


def annotate_docx(data: bytes, lines: list[str], diagnostics: Iterable[Diagnostic]) -> bytes:
    """A copy of the .docx ``data`` with one comment per diagnostic (``lines``: the
    paragraphs that were linted, to make sure the file has not changed since)."""
    word, paragraphs = open_word(data)
    if [label + text for _, label, text in paragraphs] != lines:
        raise AnnotateError("文件在检查之后被修改过，未写入批注；请重新运行 fzlint check --annotate")
    if not paragraphs:
        raise AnnotateError("文档正文没有段落，无法放置批注")
    diagnostics = list(diagnostics)
    if not diagnostics:
        return data
    labels = [label for _, label, _ in paragraphs]
    from docx.text.run import Run

    for diagnostic in diagnostics:
        where = anchor_for(diagnostic, lines, labels)
        first, last = paragraphs[where.line][0], paragraphs[where.end_line][0]
        runs = None if where.whole else anchor.span_runs(first, where.start, where.end, last)
        if runs is None:
            comment = word.comments.add_comment(comment_text(diagnostic), author=AUTHOR, initials=INITIALS)
            anchor.mark_paragraph(first, comment.comment_id, last)
        else:
            word.add_comment([Run(runs[0], None), Run(runs[1], None)], comment_text(diagnostic), AUTHOR, INITIALS)
    result = _repackaged(data, word)
    if read_paragraphs(result) != lines:
        raise AnnotateError("加入批注后读回的文字与原文不一致，未写入批注")
    return result


def _repackaged(data: bytes, word) -> bytes:
    """The original zip with only the parts comments touch taken from python-docx's save."""
    saved = io.BytesIO()
    word.save(saved)
    part = word.part
    comments = part._comments_part.partname.lstrip("/")  # python-docx names the part it created
    rels = part.partname.lstrip("/").rsplit("/", 1)
    changed = {part.partname.lstrip("/"), comments, f"{rels[0]}/_rels/{rels[1]}.rels", "[Content_Types].xml"}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(saved) as new:
        present = set(new.namelist())
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            written = set()
            for info in old.infolist():
                if info.filename in changed and info.filename in present:
                    copy.writestr(info, new.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
                else:
                    copy.writestr(info, old.read(info), compress_type=info.compress_type)
                written.add(info.filename)
            for name in sorted(changed & present - written):
                copy.writestr(name, new.read(name))
    return out.getvalue()
