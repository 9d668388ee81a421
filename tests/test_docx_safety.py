"""Hostile or broken .docx files are refused with one clear line before anything is inflated."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx_builder import build_docx
from registry_for_tests import REGISTRY

from fzlint.docx import safety as docx_safety
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
)


def _rezip(
    source: Path, target: Path, replace: dict[str, bytes | None], compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    """Copy a .docx, replacing (or with None dropping) some of its entries."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", compression) as new:
        for item in old.infolist():
            if item.filename in replace:
                if replace[item.filename] is not None:
                    new.writestr(item.filename, replace[item.filename])
            else:
                new.writestr(item.filename, old.read(item.filename))
    return target


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "sample.docx", ["一、正文"])


def _error(path: Path) -> str:
    result = lint_path(path, Settings(), REGISTRY)
    assert result.document is None and result.error
    assert "\n" not in result.error
    return result.error


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "假.docx"
    path.write_text("其实是文本", encoding="utf-8")
    assert "不是有效的 .docx" in _error(path)


def test_truncated_zip(sample: Path, tmp_path: Path) -> None:
    data = sample.read_bytes()
    path = tmp_path / "半截.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "不完整" in _error(path)


def test_zip_without_document_part(sample: Path, tmp_path: Path) -> None:
    path = _rezip(sample, tmp_path / "空.docx", {"word/document.xml": None})
    assert "word/document.xml" in _error(path)


def test_corrupt_entry_data(sample: Path, tmp_path: Path) -> None:
    data = bytearray(sample.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start, start + min(info.compress_size, 40)):
        data[i] ^= 0x5A
    path = tmp_path / "坏.docx"
    path.write_bytes(bytes(data))
    assert "损坏" in _error(path)


def test_compression_ratio_bomb_is_refused_before_inflating(sample: Path, tmp_path: Path) -> None:
    huge = BODY.format(text="法" * (2 * 1024 * 1024)).encode()  # ~6 MB that deflates ~1000:1
    path = _rezip(sample, tmp_path / "炸弹.docx", {"word/document.xml": huge})
    assert "压缩比" in _error(path)


def test_declared_size_over_the_limit(sample: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(docx_safety, "MAX_ENTRY_BYTES", 200)
    assert "超过上限" in _error(sample)


def test_total_size_over_the_limit(sample: Path, monkeypatch) -> None:
    monkeypatch.setattr(docx_safety, "MAX_TOTAL_BYTES", 1000)
    assert "共" in _error(sample)


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e "&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("payload", [XXE, LAUGHS, XXE.decode().encode("utf-16")], ids=["xxe", "laughs", "utf16"])
def test_entity_declarations_are_refused(sample: Path, tmp_path: Path, payload: bytes) -> None:
    path = _rezip(sample, tmp_path / "实体.docx", {"word/document.xml": payload})
    assert "DOCTYPE" in _error(path)


def test_entity_in_another_part_is_refused_too(sample: Path, tmp_path: Path) -> None:
    path = _rezip(sample, tmp_path / "样式.docx", {"word/styles.xml": LAUGHS})
    assert "word/styles.xml" in _error(path)


def test_non_word_zip_is_refused_by_python_docx(sample: Path, tmp_path: Path) -> None:
    content_types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    path = _rezip(sample, tmp_path / "怪.docx", {"[Content_Types].xml": content_types})
    assert "Word" in _error(path)
