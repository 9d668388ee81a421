"""--fix on a .docx edits the runs in place: formatting and every other part survive the round trip."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor
from docx_builder import Numbered, Table, build_docx
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from registry_for_tests import REGISTRY, RELINT

from fzlint.docx.fix import DocxFixError, fixed_docx
from fzlint.docx.loader import read_paragraphs

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", *args], capture_output=True, text=True, cwd=ROOT
    )


def _formatted_report(path: Path) -> Path:
    """A report whose defects sit in formatted runs, split across runs, and in a table."""
    build_docx(
        path,
        [
            "某某区人民政府2025年法治政府建设年度报告",
            "来源：某某区司法局 发布时间：2025-12-26",
            Numbered("主要举措和成效", 0),
            Table([[["表头"], ["在探花公开栏目发布信息。"]]]),
        ],
    )
    document = docx.Document(str(path))
    paragraph = document.add_paragraph()
    bold = paragraph.add_run("一是落实责任。")
    bold.bold, bold.font.color.rgb = True, RGBColor(0xC0, 0, 0)
    italic = paragraph.add_run("二")
    italic.italic = True
    big = paragraph.add_run("深化述法，")
    big.font.size = Pt(16)
    paragraph.add_run("在").underline = True
    split = paragraph.add_run("探花")
    split.bold = True
    paragraph.add_run("公开\t等环节听取意见。")
    document.save(str(path))
    return path


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _properties(xml: bytes) -> list[bytes]:
    """Every run's and paragraph's properties, serialised, in order."""
    root = etree.fromstring(xml)
    return [etree.tostring(e) for e in root.iter(f"{W}rPr", f"{W}pPr")]


def test_fix_keeps_formatting_and_every_other_part(tmp_path: Path) -> None:
    path = _formatted_report(tmp_path / "报告.docx")
    before = _entries(path)
    done = _cli("--fix", str(path))
    assert "已修复" in done.stderr, done.stderr
    after = _entries(path)

    assert list(after) == list(before)  # same entries, same order
    assert {n: d for n, d in after.items() if n != "word/document.xml"} == {
        n: d for n, d in before.items() if n != "word/document.xml"
    }
    # Run and paragraph properties are untouched, except those of the deleted chrome paragraph.
    chrome = next(
        p
        for p in etree.fromstring(before["word/document.xml"]).iter(f"{W}p")
        if "".join(p.itertext()).startswith("来源")
    )
    chrome_props = [etree.tostring(e) for e in chrome.iter(f"{W}rPr", f"{W}pPr")]
    expected = _properties(before["word/document.xml"])
    for prop in chrome_props:
        expected.remove(prop)
    assert _properties(after["word/document.xml"]) == expected
    assert len(expected) >= 6  # the formatted runs are there to compare

    lines = read_paragraphs(path.read_bytes())
    assert "来源：某某区司法局 发布时间：2025-12-26" not in lines
    assert "在政务公开栏目发布信息。" in lines
    # P102 also removes the stray tab (a w:tab element inside the last run).
    assert lines[-1] == "一是落实责任。二是深化述法，在政务公开等环节听取意见。"

    runs = docx.Document(str(path)).paragraphs[-1].runs
    assert [(r.text, r.bold, r.italic, r.underline) for r in runs] == [
        ("一是落实责任。", True, None, None),
        ("二是", None, True, None),
        ("深化述法，", None, None, None),
        ("在", None, None, True),
        ("政务", True, None, None),
        ("公开等环节听取意见。", None, None, None),
    ]
    assert runs[0].font.color.rgb == RGBColor(0xC0, 0, 0) and runs[2].font.size == Pt(16)

    again = path.read_bytes()
    _cli("--fix", str(path))
    assert path.read_bytes() == again  # idempotent


def test_diff_on_docx_writes_nothing(tmp_path: Path) -> None:
    path = _formatted_report(tmp_path / "报告.docx")
    original = path.read_bytes()
    done = _cli("--diff", str(path))
    assert done.returncode == 1 and "（段落文本）" in done.stdout and "+在政务公开栏目发布信息。" in done.stdout
    assert path.read_bytes() == original


def test_a_change_to_an_automatic_number_is_refused(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "编号.docx", [Numbered("甲", 0), "正文。", "三、乙", "正文。", Numbered("丙", 0)])
    original = path.read_bytes()
    done = _cli("--fix", "--unsafe-fixes", str(path))
    assert done.returncode == 2
    assert "由 Word 自动生成" in done.stderr and str(path) in done.stderr
    assert path.read_bytes() == original


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        (["甲", "乙"], ["甲", "乙", "丙"], "新增段落"),
        (["表中唯一"], [], "唯一的段落"),
    ],
)
def test_what_cannot_be_carried_over_is_refused(tmp_path: Path, old: list[str], new: list[str], why: str) -> None:
    blocks = [Table([[old]])] if why == "唯一的段落" else old
    path = build_docx(tmp_path / "x.docx", blocks)
    with pytest.raises(DocxFixError, match=why):
        fixed_docx(path.read_bytes(), read_paragraphs(path.read_bytes()), new)


def test_docx_changed_since_it_was_read_is_refused(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "x.docx", ["甲", "二深化"])
    with pytest.raises(DocxFixError, match="被修改"):
        fixed_docx(path.read_bytes(), ["甲", "别的内容"], ["甲", "二是深化"])


def test_each_seed_as_docx_fixes_to_the_same_text_as_the_txt(seed: Path, tmp_path: Path) -> None:
    from fzlint.fix.autofix import fix_document
    from fzlint.fix.writeback import write_fixed_docx
    from fzlint.run.engine import lint_path
    from fzlint.settings import Settings

    path = build_docx(tmp_path / f"{seed.stem}.docx", seed.read_text(encoding="utf-8").split("\n"))
    as_text = fix_document(lint_path(seed, Settings(), REGISTRY).document, Settings(), unsafe=False, relint=RELINT)
    result = lint_path(path, Settings(), REGISTRY)
    fixed = fix_document(result.document, Settings(), unsafe=False, relint=RELINT, diagnostics=result.diagnostics)
    assert fixed.document.lines == as_text.document.lines
    if fixed.changed:
        write_fixed_docx(path, fixed.original, fixed.document)
    assert read_paragraphs(path.read_bytes()) == as_text.document.lines
    remaining = lint_path(path, Settings(), REGISTRY).diagnostics
    assert not [d for d in remaining if d.fix is not None and d.fix.safe]


FRAGMENTS = [
    "一是落实责任。二深化述法。",
    "在探花公开等环节听取意见。",
    "来源:某某区司法局 发布时间:2025-12-26",
    "扫一扫在手机上打开当前页",
    "正文。",
    "",
    "某某区人民政府",
    "2025年12月26日",
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([*FRAGMENTS, "HEADING", "TABLE"]), min_size=1, max_size=12))
def test_generated_docx_reports_fix_like_their_text(picks: list[str]) -> None:
    import tempfile

    from fzlint.fix.autofix import fix_document
    from fzlint.fix.writeback import write_fixed_docx
    from fzlint.run.engine import lint_path
    from fzlint.settings import Settings

    blocks = [
        Numbered("总体情况", 0) if p == "HEADING" else Table([[["格"], ["探花公开"]]]) if p == "TABLE" else p
        for p in picks
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = build_docx(Path(folder) / "r.docx", blocks)
        result = lint_path(path, Settings(), REGISTRY)
        fixed = fix_document(result.document, Settings(), unsafe=False, relint=RELINT, diagnostics=result.diagnostics)
        if fixed.changed:  # none of these fixes needs anything a .docx cannot take
            write_fixed_docx(path, fixed.original, fixed.document)
        assert read_paragraphs(path.read_bytes()) == fixed.document.lines
        assert not [d for d in lint_path(path, Settings(), REGISTRY).diagnostics if d.fix is not None and d.fix.safe]


def test_deleted_and_edited_paragraphs_in_one_block_are_paired_by_likeness(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "x.docx", ["甲", "来源：某站", "二深化改革", "扫一扫", "乙"])
    old = read_paragraphs(path.read_bytes())
    new = fixed_docx(path.read_bytes(), old, ["甲", "二是深化改革", "乙"])
    assert read_paragraphs(new) == ["甲", "二是深化改革", "乙"]


@pytest.mark.parametrize(
    "marker",
    [
        "<w:commentRangeStart w:id='0'/>",
        "<w:bookmarkStart w:id='7' w:name='b'/>",
    ],
)
def test_a_paragraph_holding_comment_or_bookmark_ends_is_not_deleted(tmp_path: Path, marker: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    path = build_docx(tmp_path / "x.docx", ["甲", "来源：某站", "乙"])
    document = docx.Document(str(path))
    chrome = document.paragraphs[1]._p
    chrome.insert(0, parse_xml(marker.replace("/>", f" {nsdecls('w')}/>")))
    document.save(str(path))
    with pytest.raises(DocxFixError, match="不能整段删除"):
        fixed_docx(path.read_bytes(), ["甲", "来源：某站", "乙"], ["甲", "乙"])


def test_a_bookmark_wholly_inside_the_paragraph_goes_with_it(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    path = build_docx(tmp_path / "x.docx", ["甲", "来源：某站", "乙"])
    document = docx.Document(str(path))
    chrome = document.paragraphs[1]._p
    chrome.insert(0, parse_xml(f"<w:bookmarkStart {nsdecls('w')} w:id='7' w:name='b'/>"))
    chrome.append(parse_xml(f"<w:bookmarkEnd {nsdecls('w')} w:id='7'/>"))
    document.save(str(path))
    assert read_paragraphs(fixed_docx(path.read_bytes(), ["甲", "来源：某站", "乙"], ["甲", "乙"])) == ["甲", "乙"]


@pytest.mark.parametrize(
    ("new", "written"),
    [
        (["甲\tX乙丙", "\t文字"], True),  # typed at the start of the run after the tab
        (["甲乙丙", "文字"], True),  # tabs deleted
        (["甲\t乙", "\t文字Y"], True),
        (["甲X\t乙丙", "X\t文字"], False),  # no text run before the leading tab to type into
    ],
)
def test_edits_around_tabs(tmp_path: Path, new: list[str], written: bool) -> None:
    document = docx.Document()
    first = document.add_paragraph()
    for text in ("甲", "\t", "乙丙"):
        first.add_run(text)
    second = document.add_paragraph()
    for text in ("\t", "文字"):
        second.add_run(text)
    path = tmp_path / "tabs.docx"
    document.save(str(path))
    data = path.read_bytes()
    if written:
        assert read_paragraphs(fixed_docx(data, read_paragraphs(data), new)) == new
    else:
        with pytest.raises(DocxFixError, match="第2段"):
            fixed_docx(data, read_paragraphs(data), new)
