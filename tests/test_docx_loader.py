"""The .docx loader: reading order, tables, Word numbering, and parity with the same text as .txt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builder import Numbered, Styled, Table, build_docx
from registry_for_tests import REGISTRY

from fzlint.docx.loader import read_paragraphs
from fzlint.load.loading import discover
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

# A small report: auto-numbered headings, a chrome line, a table, two fixable defects.
REPORT_BLOCKS = [
    "某某区人民政府2025年法治政府建设年度报告",
    "来源：某某区司法局 发布时间：2025-12-26",
    "2025年，我区坚持以习近平法治思想为指导，现将有关情况报告如下。",
    Numbered("2025年推进法治政府建设的主要举措和成效", 0),
    Numbered("加强党的领导", 1),
    "一是落实第一责任人职责。二深化述法工作，领导班子成员全部述法。",
    Numbered("推进政务公开", 1),
    "在规范性文件制定、探花公开等环节，充分听取法律顾问意见。",
    Table([[["项目"], ["数量"]], [["行政复议案件"], ["12件"]]]),
    Numbered("存在的不足和原因", 0),
    Numbered("上一年度问题的改进情况", 1),
    "针对上一年度指出的执法不规范问题，我区开展专项整治，修订执法文书范本十二项，"
    "组织全员培训三次，问题已全部整改到位。",
    Numbered("本年度不足和原因", 1),
    "基层执法力量不足，主要原因是编制有限。",
    Numbered("2026年推进法治政府建设的主要安排", 0),
    "我们将继续深化法治政府建设。",
    "某某区人民政府",
    "2026年1月10日",
]
REPORT_TEXT = """某某区人民政府2025年法治政府建设年度报告
来源：某某区司法局 发布时间：2025-12-26
2025年，我区坚持以习近平法治思想为指导，现将有关情况报告如下。
一、2025年推进法治政府建设的主要举措和成效
（一）加强党的领导
一是落实第一责任人职责。二深化述法工作，领导班子成员全部述法。
（二）推进政务公开
在规范性文件制定、探花公开等环节，充分听取法律顾问意见。
项目
数量
行政复议案件
12件
二、存在的不足和原因
（一）上一年度问题的改进情况
针对上一年度指出的执法不规范问题，我区开展专项整治，修订执法文书范本十二项，组织全员培训三次，问题已全部整改到位。
（二）本年度不足和原因
基层执法力量不足，主要原因是编制有限。
三、2026年推进法治政府建设的主要安排
我们将继续深化法治政府建设。
某某区人民政府
2026年1月10日"""


def _findings(result) -> list[tuple]:
    return [(d.line, d.column, d.end_line, d.end_column, d.code, d.message) for d in result.diagnostics]


def test_docx_yields_the_same_diagnostics_as_the_same_text(tmp_path: Path) -> None:
    word = build_docx(tmp_path / "报告.docx", REPORT_BLOCKS)
    text = tmp_path / "报告.txt"
    text.write_text(REPORT_TEXT, encoding="utf-8")
    from_word, from_text = lint_path(word, Settings(), REGISTRY), lint_path(text, Settings(), REGISTRY)
    assert from_word.error is None and from_word.document.kind == "docx"
    assert from_word.document.text == REPORT_TEXT
    assert _findings(from_word) == _findings(from_text)
    assert {d.code for d in from_word.diagnostics} >= {"W101", "N105", "W102"}
    assert [(d.line, d.code) for d in from_word.diagnostics if d.code == "N105"] == [(6, "N105")]


def test_rich_output_names_the_paragraph(tmp_path: Path) -> None:
    word = build_docx(tmp_path / "报告.docx", REPORT_BLOCKS)
    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", "--no-color", str(word)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "300"},  # a temporary path is longer than 80 columns
    )
    assert f"{word}:6:13（第6段）" in done.stdout
    assert done.returncode == 1


def test_word_numbering_levels_restart_and_continue(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "n.docx",
        [
            Numbered("甲", 0),
            Numbered("乙", 1),
            Numbered("丙", 1),
            Numbered("丁", 2),
            Numbered("戊", 3),
            Numbered("己", 4),
            Numbered("庚", 4),
            Numbered("辛", 0),
            Numbered("壬", 1),
            Numbered("癸", 2),
            Numbered("重新开始", 0, num_id=2),
        ],
    )
    assert read_paragraphs(path.read_bytes()) == [
        "一、甲",
        "（一）乙",
        "（二）丙",
        "1.丁",
        "（1）戊",
        "①己",
        "②庚",
        "二、辛",
        "（一）壬",
        "1.癸",
        "一、重新开始",
    ]


def test_style_numbering_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "s.docx",
        [
            Styled("总则", "NumberedHeading"),
            Styled("子项", "NumberedSub"),
            Table([[["格一", Numbered("表内标题", 0)], [Table([[["嵌套表格"]]])]]]),
            Styled("附则", "NumberedHeading"),
            "正文",
        ],
    )
    lines = read_paragraphs(path.read_bytes())
    # "第%1章" ends in a word, so Word's tab after it reads as a space; the nested table's
    # cell ends with the empty paragraph Word requires after a table.
    assert lines == ["第一章 总则", "（一）子项", "格一", "一、表内标题", "嵌套表格", "", "第二章 附则", "正文"]
    assert not any("页眉" in line or "页脚" in line for line in lines)


def _with_body_xml(tmp_path: Path, body: str) -> Path:
    document = docx.Document()
    document.element.body.insert(0, parse_xml(f"<w:p {nsdecls('w')}>{body}</w:p>"))
    path = tmp_path / "x.docx"
    document.save(str(path))
    return path


def test_tracked_changes_hidden_text_fields_and_breaks(tmp_path: Path) -> None:
    path = _with_body_xml(
        tmp_path,
        (
            "<w:r><w:t>政务</w:t></w:r>"
            "<w:del w:id='1' w:author='a'><w:r><w:delText>探花</w:delText></w:r></w:del>"
            "<w:ins w:id='2' w:author='a'><w:r><w:t>公开</w:t></w:r></w:ins>"
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
            "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>3</w:t></w:r>"
            "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
            "<w:r><w:br/><w:t>续</w:t><w:tab/><w:t>完</w:t></w:r>"
        ),
    )
    assert read_paragraphs(path.read_bytes())[0] == "政务公开3续\t完"


def test_directory_search_includes_docx_and_legacy_but_not_lock_files_or_annotated_copies(tmp_path: Path) -> None:
    build_docx(tmp_path / "报告.docx", ["正文"])
    (tmp_path / "~$报告.docx").write_bytes(b"\x05lock")
    (tmp_path / "报告.fzlint.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (tmp_path / "金山.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert [p.name for p in discover([str(tmp_path)])] == ["报告.docx", "旧.doc", "金山.wps"]


@pytest.mark.parametrize("name", ["旧报告.doc", "报告.wps", "加密.docx"])
def test_ole2_files_without_libreoffice_get_a_hint_and_others_are_still_linted(tmp_path: Path, name: str) -> None:
    legacy = tmp_path / name
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    good = tmp_path / "好.txt"
    good.write_text(REPORT_TEXT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", "--format", "json", str(legacy), str(good)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "FZLINT_SOFFICE": ""},  # as on a machine without LibreOffice
    )
    assert done.returncode == 2
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 1 and str(legacy) in errors[0] and "另存为" in errors[0] and ".docx" in errors[0]
    assert "LibreOffice" in errors[0]
    assert '"W102"' in done.stdout  # the good file was linted


def test_each_seed_as_docx_lints_like_the_txt(seed: Path, tmp_path: Path) -> None:
    lines = seed.read_text(encoding="utf-8").split("\n")
    word = build_docx(tmp_path / f"{seed.stem}.docx", lines)
    from_word, from_text = lint_path(word, Settings(), REGISTRY), lint_path(seed, Settings(), REGISTRY)
    assert from_word.document.lines == from_text.document.lines
    assert _findings(from_word) == _findings(from_text)
