"""fzlint.data.loads is tomllib.loads: the quick reading of simple word lists gives the same
tables, and anything outside that subset is tomllib's to read (or to refuse)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint import data

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted([*ROOT.glob("lint/data/*.toml"), *ROOT.glob("rules/data/*.toml")])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_table_reads_as_tomllib_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert data.loads(text) == tomllib.loads(text)


def test_the_long_word_list_takes_the_quick_path() -> None:
    text = (ROOT / "rules/data/confusables.toml").read_text(encoding="utf-8")
    assert data._subset(text) == tomllib.loads(text)


_PIECES = st.sampled_from(
    [
        "[[words]]", "[[w-2]]", "[words]", "wrong", "right", "ctx", " = ", "=", '"', "'", "\\", "\\n",
        "#", " ", "\t", "\r", "\x00", "\x7f", "\x1b", "true", "false", "1", "布署", "部署", "[", "]",
        ".", "a.b", '"""', "\u3000",
    ]
)  # fmt: skip
_LINES = st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=8).map("\n".join)


def _outcome(function, text: str):
    try:
        return function(text)
    except tomllib.TOMLDecodeError:
        return "refused"


@settings(max_examples=1500, deadline=None)
@given(_LINES)
def test_same_tables_or_same_refusal_as_tomllib(text: str) -> None:
    assert _outcome(data.loads, text) == _outcome(tomllib.loads, text)


@pytest.mark.parametrize(
    "text",
    [
        '[[words]]\nwrong = "a"\nwrong = "b"\n',  # a key given twice
        'words = "x"\n[[words]]\n',  # a string, then an array of tables
        '[[words]]\nwrong = "a"\n# bad \x01 comment\n',
        '[[words]]\nwrong = "tab\there"\n',
    ],
)
def test_what_tomllib_decides(text: str) -> None:
    assert _outcome(data.loads, text) == _outcome(tomllib.loads, text)
