"""Round two, .docx: a small file never does big work, and every part is checked."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from docx_builder import Numbered, build_docx

from robustness.runner import SEED, TITLE, assert_no_traceback, assert_one_error_naming, fzlint
from robustness.test_docx import XXE, W, _base_docx, _document


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def _rewrite(data: bytes, change: dict[str, bytes], add: dict[str, bytes] | None = None, comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        new.comment = comment
        for info in old.infolist():
            new.writestr(info.filename, change.get(info.filename, old.read(info)))
        for name, content in (add or {}).items():
            new.writestr(name, content)
    return out.getvalue()


def _numbered(tmp_path: Path, fmt: str, start: str, paragraphs: int = 3) -> Path:
    path = build_docx(tmp_path / "plain.docx", [TITLE] + [Numbered("工作", 0) for _ in range(paragraphs)])
    with zipfile.ZipFile(path) as archive:
        numbering = archive.read("word/numbering.xml").decode()
    hostile = numbering.replace(
        'w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>',
        f'w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>',
        1,
    )
    assert hostile != numbering
    target = tmp_path / "hostile.docx"
    target.write_bytes(_rewrite(path.read_bytes(), {"word/numbering.xml": hostile.encode()}))
    return target


def test_numbering_start_values_are_bounded(tmp_path: Path) -> None:
    # upperLetter from 300,000,000: a label of 11 million letters, 1.36 GB within a minute
    for fmt, start in (("upperLetter", "300000000"), ("decimal", "9" * 5000), ("lowerLetter", "-7")):
        path = _numbered(tmp_path, fmt, start)
        run = fzlint("check", "--format", "json", path, measure_memory=True)
        assert_no_traceback(run)
        assert run.max_rss_kb is not None and run.max_rss_kb < 400_000, (fmt, run.max_rss_kb)
        assert all(len(d["message"]) < 2000 for d in run.json())


def test_many_paragraphs_need_no_giant_xpath_node_set(tmp_path: Path) -> None:
    # libxml2 caps an XPath node set at 10 M nodes; walking the body has no cap
    from lxml import etree

    from fzlint.docx.loader import body_paragraphs

    body = etree.fromstring(
        f'<w:body xmlns:w="{W}">' + "<w:p/>" * 200_000 + "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body>"
    )
    assert sum(1 for _ in body_paragraphs(body)) == 200_001


def test_external_numbering_relationship_is_not_an_internal_error(tmp_path: Path, good: Path) -> None:
    data = _base_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert 'Target="numbering.xml"' in rels
    rels = rels.replace('Target="numbering.xml"', 'Target="http://example.invalid/n.xml" TargetMode="External"')
    path = tmp_path / "external.docx"
    path.write_bytes(_rewrite(data, {"word/_rels/document.xml.rels": rels.encode()}))
    run = fzlint("check", "--format", "json", path, good)
    assert_no_traceback(run)
    assert "内部错误" not in run.stderr
    assert run.codes_for("good.txt") is not None and any(Path(d["path"]).name == "external.docx" for d in run.json())


def test_doctype_in_a_main_part_not_named_xml_is_refused(tmp_path: Path, good: Path) -> None:
    data = _base_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("_rels/.rels").decode()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = types.replace('PartName="/word/document.xml"', 'PartName="/word/main.bin"')
    assert main in types
    rels = rels.replace("word/document.xml", "word/main.bin")
    hostile = _rewrite(
        data,
        {"[Content_Types].xml": types.encode(), "_rels/.rels": rels.encode()},
        add={"word/main.bin": _document(TITLE, XXE).encode()},
    )
    path = tmp_path / "renamed.docx"
    path.write_bytes(hostile)
    run = fzlint("check", "--format", "json", path, good)
    assert_one_error_naming(run, path, "word/main.bin", "DOCTYPE")
    assert run.codes_for("good.txt") is not None


def test_duplicate_entry_names_are_refused_without_a_warning(tmp_path: Path, good: Path) -> None:
    data = _base_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml")
    out = io.BytesIO(data)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(out, "a") as archive:
            archive.writestr("word/document.xml", document.replace(TITLE.encode(), "另一份".encode()))
    path = tmp_path / "twice.docx"
    path.write_bytes(out.getvalue())
    for args in (("check", "--format", "json"), ("check", "--fix", "--format", "json")):
        run = fzlint(*args, path, good)
        assert_one_error_naming(run, path, "重名", "word/document.xml")
        assert "UserWarning" not in run.stderr
    assert path.read_bytes() == out.getvalue()


def test_fix_keeps_the_zip_comment(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "c.docx", [TITLE, "一、主要举措和成效", "政务公开,依法行政。"])
    path.write_bytes(_rewrite(path.read_bytes(), {}, comment="审核：张三".encode()))
    run = fzlint("check", "--fix", "--format", "json", path)
    assert_no_traceback(run)
    assert "已修复" in run.stderr, run.stderr
    with zipfile.ZipFile(path) as archive:
        assert archive.comment == "审核：张三".encode()


def test_alt_chunk_text_is_said_to_be_unchecked(tmp_path: Path) -> None:
    data = _base_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml").decode()
    document = document.replace(
        "<w:sectPr",
        f'<w:altChunk xmlns:r="{R}" r:id="rIdAlt"/><w:sectPr',
        1,
    )
    path = tmp_path / "chunk.docx"
    path.write_bytes(_rewrite(data, {"word/document.xml": document.encode()}))
    run = fzlint("check", "--format", "json", path)
    assert_no_traceback(run)
    assert "altChunk" in run.stderr and "未检查" in run.stderr
    run.json()  # stdout is still the report


def test_millions_of_paragraphs_are_refused_clearly(tmp_path: Path, good: Path) -> None:
    # 2.7 M paragraphs in 7.5 MB reached libxml2's XPath node-set cap (an internal error), and
    # each one is a line to parse: refused, counted in the raw XML before anything is parsed
    from fzlint.docx.safety import MAX_PARAGRAPHS

    body = "".join(f"<w:p><w:r><w:t>{i * 7919 % 100_003}</w:t></w:r></w:p>" for i in range(MAX_PARAGRAPHS + 1))
    path = tmp_path / "huge.docx"
    path.write_bytes(
        _rewrite(_base_docx(), {"word/document.xml": _document("").replace("<w:p>", body + "<w:p>", 1).encode()})
    )
    run = fzlint("check", "--format", "json", path, good, measure_memory=True)
    assert_one_error_naming(run, path, "段落", "上限")
    assert run.codes_for("good.txt")
    assert run.max_rss_kb is not None and run.max_rss_kb < 600_000
