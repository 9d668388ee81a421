"""Hostile and broken .docx files: a clear one-line error, nothing inflated or resolved."""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from robustness.runner import SEED, TITLE, assert_one_error_naming, fzlint

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


def _base_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_part(part: bytes | None, name: str = "word/document.xml", drop: str | None = None) -> bytes:
    """The base .docx with one part replaced (``part``) or removed (``drop``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_base_docx())) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename == drop:
                continue
            data = part if info.filename == name and part is not None else old.read(info)
            new.writestr(info.filename, data)
    return out.getvalue()


def _document(body: str, doctype: str = "", encoding: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh", strict=True))
    + "]>"
)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


def _refused(tmp_path: Path, good: Path, data: bytes, *words: str, name: str = "bad.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    run = fzlint("check", "--format", "json", path, good, measure_memory=True)
    line = assert_one_error_naming(run, path, *words)
    assert run.returncode == 2
    assert run.codes_for(good.name)  # the other file is still linted
    return run, line


def test_a_valid_docx_is_read(tmp_path) -> None:
    path = tmp_path / "ok.docx"
    path.write_bytes(_base_docx())
    run = fzlint("check", "--format", "json", path)
    assert run.stderr == "" and run.returncode == 1 and "S101" in run.codes_for("ok.docx")


def test_not_a_zip(tmp_path, good) -> None:
    _refused(tmp_path, good, f"{TITLE}\n".encode(), "不是有效的 .docx")


def test_legacy_doc_signature(tmp_path, good) -> None:
    _refused(tmp_path, good, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "旧版 Word", name="old.doc")


def test_zip_without_document_xml(tmp_path, good) -> None:
    _refused(tmp_path, good, _with_part(None, drop="word/document.xml"), "word/document.xml")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_zip(tmp_path, good, keep) -> None:
    data = _base_docx()
    _refused(tmp_path, good, data[: int(len(data) * keep)], "docx")


def test_zip_bomb_is_refused_before_inflating(tmp_path, good) -> None:
    bomb = _with_part(_document("法" * 10).encode()[:-20] + b" " * (150 * MB) + b"</w:document>")
    assert len(bomb) < 2 * MB  # 150 MB of document.xml compressed to a small file
    run, _ = _refused(tmp_path, good, bomb, "word/document.xml", "压缩炸弹")
    assert run.max_rss_kb is not None and run.max_rss_kb < 150 * 1024  # never inflated


@pytest.mark.parametrize("matching_crc", [False, True], ids=["crc-mismatch", "crc-of-prefix"])
def test_zip_bomb_with_a_lying_size_header(tmp_path, good, matching_crc) -> None:
    """The headers claim 1 KB (with the CRC of that prefix, even), the data inflates to 150 MB."""
    import zlib

    content = b"<" + b" " * (150 * MB)
    bomb = bytearray(_with_part(content))
    name = b"word/document.xml"
    crc = zlib.crc32(content[:1024])
    for signature, crc_offset, size_offset, name_offset in ((b"PK\x03\x04", 14, 22, 30), (b"PK\x01\x02", 16, 24, 46)):
        start = 0
        while (start := bomb.find(signature, start)) != -1:
            if bomb[start + name_offset : start + name_offset + len(name)] == name:
                struct.pack_into("<I", bomb, start + size_offset, 1024)
                if matching_crc:
                    struct.pack_into("<I", bomb, start + crc_offset, crc)
            start += 4
    run, _ = _refused(tmp_path, good, bytes(bomb), "word/document.xml", "疑似压缩炸弹")
    assert run.max_rss_kb is not None and run.max_rss_kb < 150 * 1024


@pytest.mark.parametrize(
    ("xml", "codec"),
    [
        (_document("&xxe;" + TITLE, XXE), "utf-8"),
        (_document("&h;", LAUGHS), "utf-8"),
        (_document("&xxe;" + TITLE, XXE, "UTF-16"), "utf-16"),
        (_document("&xxe;" + TITLE, XXE, "UTF-32"), "utf-32"),
        (_document("&h;", LAUGHS, "UTF-32"), "utf-32"),
    ],
    ids=["xxe", "billion-laughs", "xxe-utf16", "xxe-utf32", "billion-laughs-utf32"],
)
def test_entities_are_never_resolved_or_expanded(tmp_path, good, xml, codec) -> None:
    run, _ = _refused(tmp_path, good, _with_part(xml.encode(codec)), "word/document.xml")
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in run.stdout
    assert run.max_rss_kb is not None and run.max_rss_kb < 300 * 1024


def test_doctype_in_another_part(tmp_path, good) -> None:
    styles = f'<?xml version="1.0"?>{XXE}<w:styles xmlns:w="{W}"/>'.encode()
    _refused(tmp_path, good, _with_part(styles, name="word/styles.xml"), "word/styles.xml", "DOCTYPE")
