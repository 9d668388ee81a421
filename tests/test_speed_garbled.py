"""W102 looks at its lines in bounded chunks (not the whole text joined and re-encoded at once,
~36 MB on a 20 MB report): the chunk size changes nothing in what it finds, nor in which order."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, of_code, seed_text
from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.rules.webpage import GarbledTerm

CORPUS_WEB = sorted((Path(__file__).parent / "corpus" / "web").glob("*.txt"))


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("gbk", errors="replace")


GARBLED_LINES = [
    "深化探花公开，以法治规范权力运行。",
    "局" + mojibake("深化政务公开，以法治规范权力运行") + "党组",
    mojibake("持续优化法治化营商环境") + "。",
    "（一）" + mojibake("法治政府"),
    "依法推进政务公开，探花公开与探花公开并列。",
    "本年度共办理行政复议案件12件。",
    "",
    "二、存在的不足和原因",
]


def w102(text: str, chunk: int, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    monkeypatch.setattr(GarbledTerm, "chunk_lines", chunk)
    return [(d.line, d.column, d.end_line, d.end_column, d.message, d.fix) for d in of_code(lint_text(text), "W102")]


def test_the_chunk_size_changes_nothing_on_seeds_and_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [seed_text(prefix) for prefix in ("000", "001", "002", "003", "004")]
    texts += [path.read_text(encoding="utf-8") for path in CORPUS_WEB[:40]]
    for text in texts:
        whole = w102(text, 10**9, monkeypatch)
        for chunk in (1, 2, 7):
            assert w102(text, chunk, monkeypatch) == whole


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(GARBLED_LINES), min_size=1, max_size=12), st.integers(1, 5))
def test_the_chunk_size_changes_nothing_on_mixed_lines(lines: list[str], chunk: int) -> None:
    text = "一、主要举措和成效\n" + "\n".join(lines)
    with pytest.MonkeyPatch.context() as patch:
        whole = w102(text, 10**9, patch)
        assert w102(text, chunk, patch) == whole


def test_findings_span_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # A term on the first and the last line of a two-line chunk, mojibake in the next chunk.
    text = "一、主要举措和成效\n" + "\n".join(GARBLED_LINES[:4])
    assert len(w102(text, 2, monkeypatch)) >= 4
    assert w102(text, 2, monkeypatch) == w102(text, 10**9, monkeypatch)
