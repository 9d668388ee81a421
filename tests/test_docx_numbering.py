"""Word numbering formats and counter rules, on hand-written numbering XML."""

from __future__ import annotations

import pytest
from lxml import etree

from fzlint.docx.numbering import Numbering, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("chineseCounting", [1, 10, 11, 20, 21, 100, 105, 110], "一 十 十一 二十 二十一 一百 一百零五 一百一十"),
        ("chineseCountingThousand", [3, 12, 1005], "三 十二 一千零五"),
        ("chineseLegalSimplified", [1, 10, 11], "壹 壹拾 壹拾壹"),
        ("ideographDigital", [10, 21], "一〇 二一"),
        ("ideographTraditional", [1, 2, 10, 11], "甲 乙 癸 甲"),
        ("decimalEnclosedCircle", [1, 20, 21], "① ⑳ 21"),
        ("decimalEnclosedParen", [1, 3], "⑴ ⑶"),
        ("decimalFullWidth", [12], "１２"),
        ("upperRoman", [4, 9, 14], "IV IX XIV"),
        ("lowerLetter", [1, 26, 27], "a z aa"),
        ("decimalZero", [3], "03"),
        ("someFutureFormat", [7], "7"),
    ],
)
def test_formats(fmt: str, values: list[int], expected: str) -> None:
    assert " ".join(format_number(v, fmt) for v in values) == expected


def _numbering(levels: str, nums: str) -> Numbering:
    xml = f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>{nums}</w:numbering>'
    return Numbering.parse(etree.fromstring(xml), None)


def _ppr(num_id: str, ilvl: int) -> etree._Element:
    return etree.fromstring(
        f'<w:pPr xmlns:w="{W}"><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    )


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "", start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def test_multi_level_template_legal_numbering_and_no_restart() -> None:
    numbering = _numbering(
        _lvl(0, "chineseCounting", "第%1部分")
        + _lvl(1, "decimal", "%1.%2", "<w:isLgl/>")
        + _lvl(2, "decimal", "%3)", '<w:lvlRestart w:val="0"/>'),
        f'<w:num xmlns:w="{W}" w:numId="5"><w:abstractNumId w:val="0"/></w:num>',
    )
    labels = [numbering.label(_ppr("5", ilvl)) for ilvl in (0, 1, 2, 1, 2, 0, 1, 2)]
    # "第一部分" ends in a word: Word's default tab after it reads as a space.
    assert labels == ["第一部分 ", "1.1 ", "1)", "1.2 ", "2)", "第二部分 ", "2.1 ", "3)"]


def test_start_override_restarts_and_unknown_or_zero_num_id_is_unnumbered() -> None:
    numbering = _numbering(
        _lvl(0, "chineseCounting", "%1、", start=3),
        f'<w:num xmlns:w="{W}" w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        f'<w:num xmlns:w="{W}" w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    )
    assert [numbering.label(_ppr(n, 0)) for n in ("1", "1", "2", "0", "9", "1")] == [
        "三、",
        "四、",
        "一、",
        "",
        "",
        "五、",
    ]


def test_bullets_have_no_label() -> None:
    numbering = _numbering(
        _lvl(0, "bullet", "\uf06c"),
        f'<w:num xmlns:w="{W}" w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    )
    assert numbering.label(_ppr("1", 0)) == ""
