"""N106 doubled-auto-number: Word numbers the heading and the drafter typed the number too."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import run_cli
from conftest import ROOT, SEEDS, lint_text
from docx_builder import Numbered, Styled, build_docx
from registry_for_tests import REGISTRY

from fzlint.docx.loader import read_paragraphs
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

CORPUS = sorted((ROOT / "tests" / "corpus" / "docx").glob("*.docx"))
WEB = sorted((ROOT / "tests" / "corpus" / "web").glob("*.txt"))
TITLE = "深圳市某局2025年法治政府建设年度报告"


def n106(path: Path) -> list:
    return [d for d in lint_path(path, Settings(), REGISTRY).diagnostics if d.code == "N106"]


@pytest.mark.parametrize(
    ("typed", "level", "marker"),
    [
        ("一、总体情况", 0, "一、"),
        ("（一）统筹谋划", 1, "（一）"),
        ("1. 强化学习", 2, "1."),
        ("  二、存在的不足", 0, "二、"),
    ],
)
def test_fires_on_a_typed_number_after_word_numbering(tmp_path: Path, typed: str, level: int, marker: str) -> None:
    path = build_docx(tmp_path / "报告.docx", [TITLE, Numbered(typed, level), "正文。"])
    (found,) = n106(path)
    line = read_paragraphs(path.read_bytes())[1]
    assert line[found.column - 1 : found.end_column - 1] == marker
    assert "自动编号" in found.message and marker in found.message
    assert found.fix is not None and not found.fix.safe


def test_fires_when_the_numbering_comes_from_the_paragraph_style(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "报告.docx", [TITLE, Styled("（一）统筹谋划", "NumberedSub")])
    assert len(n106(path)) == 1


def test_unsafe_fix_deletes_the_typed_number_in_the_docx(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "报告.docx", [TITLE, Numbered("一、总体情况", 0), "正文。"])
    done = run_cli("check", "--fix", "--unsafe-fixes", "--select", "N106", str(path))
    assert done.returncode == 0, done.stderr
    assert read_paragraphs(path.read_bytes())[1] == "一、总体情况"  # the automatic 一、 is left


@pytest.mark.parametrize(
    "blocks",
    [
        [TITLE, Numbered("总体情况", 0), Numbered("统筹谋划", 1)],  # numbered by Word only
        [TITLE, "一、总体情况", "（一）统筹谋划"],  # typed only
        [TITLE, Numbered("二是加强学习", 0), Numbered("2024年工作", 0)],  # not heading numbers
    ],
)
def test_quiet_when_numbered_once(tmp_path: Path, blocks: list) -> None:
    assert n106(build_docx(tmp_path / "报告.docx", blocks)) == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_quiet_on_real_word_and_wps_files(path: Path) -> None:
    assert n106(path) == []


@pytest.mark.parametrize("seed_path", SEEDS, ids=lambda p: p.name[:3])
def test_quiet_on_the_seeds_as_text_and_as_docx(seed_path: Path, tmp_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert [d for d in lint_text(text) if d.code == "N106"] == []
    assert n106(build_docx(tmp_path / "seed.docx", text.split("\n"))) == []


@pytest.mark.parametrize(("line", "second"), [("一、一、总体情况", "一、"), ("  （二）（二）推进依法行政", "（二）")])
def test_fires_in_text_on_the_same_number_twice(line: str, second: str) -> None:
    (found,) = [d for d in lint_text(f"{TITLE}\n{line}\n正文。\n") if d.code == "N106"]
    assert line[found.column - 1 : found.end_column - 1] == second and found.column > line.index(second)
    assert "写了两遍" in found.message


@pytest.mark.parametrize("line", ["一、二、三项工作", "（一）（二）两项", "1.1. 总体情况", "一、总体情况"])
def test_quiet_in_text_on_different_or_single_numbers(line: str) -> None:
    assert [d for d in lint_text(f"{TITLE}\n{line}\n") if d.code == "N106"] == []


def test_quiet_on_the_web_corpus() -> None:
    fired = [p.name for p in WEB if any(d.code == "N106" for d in lint_text(p.read_text(encoding="utf-8")))]
    assert fired == []
