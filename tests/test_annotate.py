"""--annotate: every finding a Word comment on exactly its span; nothing else in the package changes."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from conftest import ROOT, SEEDS
from docx.oxml.ns import qn
from docx_builder import Numbered, build_docx
from registry_for_tests import REGISTRY

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.docx.anchor import anchored_text
from fzlint.docx.annotate import AnnotateError, about_the_document, annotate_docx, comment_text
from fzlint.docx.loader import read_paragraphs
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

CORPUS = sorted((ROOT / "tests" / "corpus" / "docx").glob("*.docx"))
COMMENT_PARTS = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}


def expected_anchor(diagnostic: Diagnostic, lines: list[str], labels: dict[int, str]) -> str | None:
    """The text the comment must cover: the span (Word's numbering label excluded), or
    the paragraph for whole-paragraph, document-level and label-only findings (None)."""
    line, end_line = diagnostic.line - 1, diagnostic.end_line - 1
    label, end_label = len(labels.get(line, "")), len(labels.get(end_line, ""))
    start, end = max(diagnostic.column - 1 - label, 0), diagnostic.end_column - 1 - end_label
    text = lines[line][label:]
    if line != end_line:
        if end <= 0:
            return None
        middle = [lines[i][len(labels.get(i, "")) :] for i in range(line + 1, end_line)]
        return "\n".join([text[start:], *middle, lines[end_line][end_label : end_label + end]])
    indent = len(text) - len(text.lstrip())
    document_level = about_the_document(diagnostic) and start == indent and end - start <= 1
    if end <= start or (start == 0 and end >= len(text)) or document_level:
        return None
    return text[start:end]


def check_round_trip(original: bytes, annotated: bytes, result) -> None:
    """Every finding has its comment on its words; text and every other part unchanged."""
    lines, labels = result.document.lines, result.document.numbering
    assert read_paragraphs(annotated) == lines
    word = docx.Document(io.BytesIO(annotated))
    ours = [c for c in word.comments if c.author == "fzlint"]
    assert len(ours) == len(result.diagnostics)
    body = word.element.body
    paragraphs = body.xpath(".//w:p[not(ancestor::w:p)]")
    for comment, diagnostic in zip(ours, result.diagnostics, strict=True):
        assert comment.text.split("\n")[:2] == comment_text(diagnostic).split("\n")[:2]
        covered = anchored_text(body, comment.comment_id)
        wanted = expected_anchor(diagnostic, lines, labels)
        if wanted is None:  # anchored on the whole paragraph(s)
            start = paragraphs[diagnostic.line - 1]
            assert covered.split("\n")[0] == read_paragraphs_of(start), diagnostic
        else:
            assert covered == wanted, diagnostic
    with zipfile.ZipFile(io.BytesIO(original)) as old, zipfile.ZipFile(io.BytesIO(annotated)) as new:
        for name in old.namelist():
            if name not in COMMENT_PARTS:
                assert new.read(name) == old.read(name), name
        assert set(new.namelist()) - set(old.namelist()) <= {"word/comments.xml"}


def read_paragraphs_of(paragraph) -> str:
    from fzlint.docx.loader import paragraph_text

    return paragraph_text(paragraph)


def lint_and_annotate(path: Path):
    result = lint_path(path, Settings(), REGISTRY)
    original = path.read_bytes()
    return original, annotate_docx(original, result.document.lines, result.diagnostics), result


@pytest.mark.parametrize("seed_path", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_as_docx_round_trips(seed_path: Path, tmp_path: Path) -> None:
    path = build_docx(tmp_path / "报告.docx", seed_path.read_text(encoding="utf-8").split("\n"))
    original, annotated, result = lint_and_annotate(path)
    assert result.diagnostics
    check_round_trip(original, annotated, result)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_real_word_and_wps_files_round_trip(path: Path) -> None:
    original, annotated, result = lint_and_annotate(path)
    check_round_trip(original, annotated, result)


def test_splitting_a_run_keeps_its_formatting(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph()
    run = paragraph.add_run("我局认真落实,深入推进")
    run.bold, run.font.color.rgb = True, docx.shared.RGBColor(0xC0, 0, 0)
    word.save(tmp_path / "a.docx")
    diagnostic = Diagnostic("a.docx", 1, 7, 1, 8, "P101", "half-width-punctuation", Severity.WARNING, "半角逗号")
    annotated = annotate_docx((tmp_path / "a.docx").read_bytes(), ["我局认真落实,深入推进"], [diagnostic])
    out = docx.Document(io.BytesIO(annotated))
    runs = [r for r in out.paragraphs[0].runs if r.text]
    assert [r.text for r in runs] == ["我局认真落实", ",", "深入推进"]
    assert all(r.bold and r.font.color.rgb == docx.shared.RGBColor(0xC0, 0, 0) for r in runs)
    assert anchored_text(out.element.body, out.comments.get(0).comment_id) == ","


def test_overlapping_and_adjacent_findings_each_get_their_words(tmp_path: Path) -> None:
    text = "甲乙丙丁戊己"
    word = docx.Document()
    word.add_paragraph(text)
    word.save(tmp_path / "a.docx")
    spans = [(2, 5), (3, 4), (5, 7), (1, 2)]  # 1-based columns, end exclusive
    found = [Diagnostic("a", 1, s, 1, e, "P101", "x", Severity.INFO, "m") for s, e in spans]
    annotated = annotate_docx((tmp_path / "a.docx").read_bytes(), [text], found)
    out = docx.Document(io.BytesIO(annotated))
    covered = [anchored_text(out.element.body, c.comment_id) for c in out.comments]
    assert covered == [text[s - 1 : e - 1] for s, e in spans]
    assert read_paragraphs(annotated) == [text]


def test_word_numbering_label_and_heading_anchor_on_the_text(tmp_path: Path) -> None:
    lines = ["某局2025年法治政府建设年度报告", Numbered("一、总体情况", 0), "正文。"]
    path = build_docx(tmp_path / "报告.docx", lines)
    original, annotated, result = lint_and_annotate(path)
    assert "N106" in [d.code for d in result.diagnostics]  # 一、一、总体情况
    check_round_trip(original, annotated, result)
    word = docx.Document(io.BytesIO(annotated))
    n106 = next(c for c in word.comments if "N106" in c.text)
    assert anchored_text(word.element.body, n106.comment_id) == "一、"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b"")
    )


def test_existing_comments_tracked_changes_headers_and_images_stay(tmp_path: Path) -> None:
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "页眉文字"
    word.sections[0].footer.paragraphs[0].text = "页脚文字"
    word.add_paragraph("深圳市某局2025年法治政府建设年度报告")
    reviewed = word.add_paragraph("2025年,我局坚持依法行政。")
    word.add_comment(reviewed.runs, "处长：这一段再充实", author="王处长", initials="W")
    inserted = word.add_paragraph("").add_run("插入的文字,")
    ins = docx.oxml.OxmlElement("w:ins", {qn("w:id"): "90", qn("w:author"): "李", qn("w:date"): "2025-01-01T00:00:00Z"})
    inserted._r.addprevious(ins)
    ins.append(inserted._r)
    word.add_picture(io.BytesIO(_png()))
    path = tmp_path / "报告.docx"
    word.save(path)
    original, annotated, result = lint_and_annotate(path)
    assert any(d.line == 3 for d in result.diagnostics)  # a finding inside the tracked insertion
    check_round_trip(original, annotated, result)
    out = docx.Document(io.BytesIO(annotated))
    theirs = [c for c in out.comments if c.author == "王处长"]
    assert [c.text for c in theirs] == ["处长：这一段再充实"]
    assert anchored_text(out.element.body, theirs[0].comment_id) == "2025年,我局坚持依法行政。"
    assert out.element.body.xpath(".//w:ins[@w:author='李']//w:t")[0].text.startswith("插入的文字")
    assert out.sections[0].header.paragraphs[0].text == "页眉文字"
    assert len(out.inline_shapes) == 1


def test_a_changed_file_is_refused(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "报告.docx", ["正文,"])
    with pytest.raises(AnnotateError, match="修改过"):
        annotate_docx(path.read_bytes(), ["另一段文字"], [])


def test_comment_text_has_severity_code_message_and_fix() -> None:
    from fzlint.diagnostics import Edit, Fix

    fix = Fix((Edit(1, 1, 1, 2, "，"),), "改为全角“，”")
    diagnostic = Diagnostic("a", 1, 1, 1, 2, "P101", "half-width-punctuation", Severity.WARNING, "用了半角", fix)
    assert comment_text(diagnostic) == "【警告】P101 half-width-punctuation\n用了半角\n建议修改：改为全角“，”"
