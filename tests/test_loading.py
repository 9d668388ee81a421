"""Loading files: encodings, BOM, newline styles, discovery, and mapping positions back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, seed_text, span
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.load.loading import LoadError, discover, load_path
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
SAMPLE = "一、主要举措和成效\n一是甲。二深化乙。\n（一）探花公开"


@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
@pytest.mark.parametrize("newline", sorted(NEWLINES))
def test_utf8_with_and_without_bom_any_newline(tmp_path: Path, bom: bool, newline: str) -> None:
    text = seed_text("003").replace("\n", NEWLINES[newline])
    path = tmp_path / "report.txt"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    document = load_path(path, REGISTRY.manager)
    assert document.bom is bom
    assert document.newline == NEWLINES[newline]
    assert document.lines == seed_text("003").split("\n")
    assert not document.lines[0].startswith("\ufeff")
    # Same findings at the same positions whatever the file's bytes look like.
    expected = lint_text(seed_text("003"), path=str(path))
    assert lint_path(path, Settings(), REGISTRY).diagnostics == expected


@pytest.mark.parametrize("newline", sorted(NEWLINES))
def test_positions_map_to_original_line_and_column(newline: str) -> None:
    text = SAMPLE.replace("\n", NEWLINES[newline])
    found = {d.code: span(d) for d in lint_text(text)}
    assert found["N105"] == (2, 5, 2, 6)
    assert found["W102"] == (3, 4, 3, 8)


def test_mixed_newlines_count_every_break() -> None:
    document = Document.from_text("x.txt", "甲\r\n乙\n丙\r丁")
    assert document.lines == ["甲", "乙", "丙", "丁"]
    assert document.newline == "\r\n"  # the first one decides how a fix writes back


def test_bom_does_not_shift_columns() -> None:
    found = {d.code: span(d) for d in lint_text("\ufeff" + SAMPLE)}
    assert found["N105"] == (2, 5, 2, 6)


@pytest.mark.parametrize("newline", sorted(NEWLINES))
def test_offset_and_position_round_trip(newline: str) -> None:
    document = Document.from_text("x.txt", SAMPLE.replace("\n", NEWLINES[newline]))
    for line, text in enumerate(document.lines):
        for column in range(len(text) + 1):
            offset = document.offset(line, column)
            assert document.position(offset) == (line, column)
            if column < len(text):
                assert document.joined[offset] == text[column]


def test_columns_count_characters_not_bytes_or_cells() -> None:
    # 探花公开 starts after （一）: three characters, nine UTF-8 bytes, six terminal cells.
    found = [d for d in lint_text("一、主要举措和成效\n（一）探花公开") if d.code == "W102"]
    assert span(found[0]) == (2, 4, 2, 8)


def test_astral_characters_count_as_one_column() -> None:
    found = [d for d in lint_text("一、主要举措和成效\n𠀀𠀁探花公开") if d.code == "W102"]
    assert span(found[0]) == (2, 3, 2, 7)


def test_markdown_kind_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("## 一、主要举措和成效\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("一、主要举措和成效\n", encoding="utf-8")
    assert load_path(tmp_path / "a.md", REGISTRY.manager).kind == "markdown"
    assert load_path(tmp_path / "b.txt", REGISTRY.manager).kind == "text"


def test_invalid_utf8_is_a_one_line_load_error(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.txt"  # GBK is read through the GB18030 fallback (tests/test_encodings.py)
    gbk.write_bytes("法治政府建设年度报告".encode("gbk"))
    assert load_path(gbk, REGISTRY.manager).encoding == "gb18030"
    path = tmp_path / "latin1.txt"
    path.write_bytes("café résumé naïve".encode("latin-1"))
    with pytest.raises(LoadError) as error:
        load_path(path, REGISTRY.manager)
    assert "UTF-8" in str(error.value) and "\n" not in str(error.value)
    result = lint_path(path, Settings(), REGISTRY)
    assert result.error == str(error.value) and result.diagnostics == []


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02abc")
    with pytest.raises(LoadError, match="二进制"):
        load_path(path, REGISTRY.manager)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="目录"):
        load_path(tmp_path, REGISTRY.manager)


def test_discover_finds_text_and_markdown_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.docx.bak", "sub/d.TXT", ".git/e.txt", "notes.rst"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = list(discover([str(tmp_path)]))
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found] == [
        "a.md",
        "b.txt",
        "sub/d.TXT",
    ]


def test_discover_reports_a_missing_path_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    found = list(discover([str(tmp_path / "missing.txt"), str(tmp_path / "a.txt")]))
    assert found[0] == f"{tmp_path / 'missing.txt'}: 文件或目录不存在"
    assert found[1] == tmp_path / "a.txt"


def test_given_file_is_linted_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.text"
    path.write_text("一、主要举措和成效\n", encoding="utf-8")
    assert list(discover([str(path)])) == [path]
