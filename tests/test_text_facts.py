"""Per-line and per-report shortcuts of the text rules answer as the general code does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.parse.outline import build_report
from fzlint.rules.common.chinese import content_lines
from fzlint.rules.common.layout import mark_fix_is_safe
from fzlint.rules.common.pairs import _balanced
from fzlint.rules.punctuation import safe_columns
from fzlint.rules.webpage import _TWO_SEQUENCES, may_be_garbled
from fzlint.run.engine import keywords_for
from fzlint.settings import Settings

TEXTS = [*SEEDS, *sorted((ROOT / "tests" / "corpus" / "web").glob("*.txt"))[:60]]


def _report(path: Path):
    text = path.read_text(encoding="utf-8")
    return build_report(Document.from_text(path.name, text), keywords_for(Settings(), REGISTRY))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:12])
def test_safe_columns_agree_with_mark_fix_is_safe(path: Path) -> None:
    for line in content_lines(_report(path)):
        safe_at = safe_columns(line)
        assert [safe_at(c) for c in range(len(line.text))] == [mark_fix_is_safe(line, c) for c in range(len(line.text))]


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ("《a“b”c》(d)", True),
        ("（a)", True),
        ("(（))", True),
        ("《“》”", False),
        ("《a", False),
        ("a》", False),
        ("", True),
    ],
)
def test_balanced_marks(text: str, balanced: bool) -> None:
    assert _balanced(text, 0) is balanced


@pytest.mark.parametrize("text", ["鏀垮姟鍏紑", "深化政务公开", "abc", "鏀垮", "政务公开 鏀垮姟"])
def test_garbled_pre_test_is_the_regex(text: str) -> None:
    assert may_be_garbled(text) is bool(_TWO_SEQUENCES.search(text.encode("gbk", errors="replace")))
