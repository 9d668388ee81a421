"""Safe fixes and spacing rules on the real corpus (tests/corpus, issue 11 §3).

The web copies turned full-width ，：；（） into ASCII; they are converted back (ASCII marks
between Chinese characters) before P101/P102 are judged, as the corpus README says.
No safe fix of any rule but W101 (page furniture, tested in test_webpage.py) may change a
labelled title or report-element line or touch a run of spaces; P102 finds only the stray
spaces listed here, each checked by reading the file.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.load.loading import load_path
from fzlint.run.engine import lint_document
from fzlint.settings import Settings

CORPUS = ROOT / "tests" / "corpus"
WEB = sorted((CORPUS / "web").glob("*.txt"))
DOCX = sorted((CORPUS / "docx").glob("*.docx"))
_CHINESE = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”《》]"
_MARKS = {",": "，", ";": "；", ":": "："}

# P102 findings on the corpus, each a true stray space (file → 1-based lines).
P102_TRUE = {
    "a-017.txt": [1],  # 2023 年是…
    "b-003.txt": [10],  # 共132 人
    "b-048.txt": [2],  # “2021-2022 年平安广西…”
    "c-014.txt": [21],  # 持续深化 简政放权
    "c-035.txt": [4, 4, *[5] * 15, *[6] * 5],  # 1 次, 236 项 … throughout
    "d-025.docx": [3],  # 一、背景分析： 近三年…
}


def restore_full_width(text: str) -> str:
    """ASCII , ; : and ( ) next to Chinese text back to full width (the corpus index's artifact)."""
    for ascii_mark, full in _MARKS.items():
        text = re.sub(rf"(?<={_CHINESE}){re.escape(ascii_mark)}|{re.escape(ascii_mark)}(?={_CHINESE})", full, text)
    return re.sub(
        r"\(([^()\n]*)\)",
        lambda m: f"（{m.group(1)}）" if re.search(r"[\u4e00-\u9fff]", m.group(0)) else m.group(0),
        text,
    )


@cache
def corpus_document(path: Path) -> Document:
    if path.suffix == ".docx":
        return load_path(path, REGISTRY.manager)
    return Document.from_text(str(path), restore_full_width(path.read_text(encoding="utf-8")))


def labelled_lines(path: Path, document: Document) -> set[int]:
    """0-based indexes of the lines the labels call title or report element."""
    labels = tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8"))
    if path.suffix == ".docx":
        texts = {t.strip() for t in [*labels.get("title", []), *labels.get("elements", [])] if t.strip()}
        return {i for i, line in enumerate(document.lines) if line.strip() in texts}
    return {n - 1 for n in [*labels.get("title_lines", []), *labels.get("element_lines", [])]}


def _touches_layout(text: str, column: int, end: int) -> bool:
    """Whether replacing ``text[column:end]`` changes a run of two or more spaces."""
    lo, hi = column, end
    while lo > 0 and text[lo - 1] in " \u00a0\t":
        lo -= 1
    while hi < len(text) and text[hi] in " \u00a0\t":
        hi += 1
    spaced = text[lo:hi]
    return re.search(r"[ \u00a0\t]{2,}", spaced) is not None and any(c in " \u00a0\t" for c in text[column:end])


@pytest.mark.parametrize("path", [*WEB, *DOCX], ids=lambda p: p.name)
def test_no_safe_fix_changes_a_labelled_line_or_layout_spaces(path: Path) -> None:
    document = corpus_document(path)
    labelled = labelled_lines(path, document)
    for d in lint_document(document, Settings(), REGISTRY):
        if d.code == "W101" or d.fix is None or not d.fix.safe:
            continue
        if d.code == "Y102" and d.fix.message.startswith("改为"):
            continue  # 2017.4.17 → 2017年4月17日 on the 成文日期 line: the date's form, not what it says
        for edit in d.fix.edits:
            index = edit.line - 1
            text = document.lines[index]
            assert index not in labelled, f"{d.code} safe fix on labelled line {edit.line}: {text!r}"
            if edit.line == edit.end_line:
                assert not _touches_layout(text, edit.column - 1, edit.end_column - 1), (
                    f"{d.code} safe fix joins layout spaces on line {edit.line}: {text!r}"
                )


@pytest.mark.parametrize("path", [*WEB, *DOCX], ids=lambda p: p.name)
def test_p102_only_true_stray_spaces_on_the_corpus(path: Path) -> None:
    hits = [d.line for d in lint_document(corpus_document(path), Settings(), REGISTRY) if d.code == "P102"]
    assert hits == P102_TRUE.get(path.name, [])
