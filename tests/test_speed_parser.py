"""The generated parser tables (lint/parse/_report_parser.py, Lark's analysis as literals) are current
with lint/parse/report.lark and parse exactly as Lark does when it builds the grammar at run time;
the recovery makes every token sequence parse."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.parse import build_parser
from fzlint.parse.grammar import parse

TOKEN_KINDS = [
    "FRONT", "UNIT", "TITLE", "ADDRESSEE", "TEXT", "IMPROVEMENT_LEAD", "H1_ACHIEVEMENTS", "H1_TOPIC",
    "H1_PROBLEMS", "H1_PLAN", "H1_RESPONSIBILITY", "H1_OTHER", "H2", "H2_IMPROVEMENT", "H2_SHORTCOMINGS",
    "H3", "H4", "H5", "CLOSE", "ANNEX", "SIGNATURE", "DATE", "TAIL",
]  # fmt: skip


def test_generated_module_records_the_current_grammar() -> None:
    assert build_parser.recorded_digest() == build_parser.grammar_digest(), (
        "lint/parse/report.lark changed: regenerate the parser with `python -m fzlint.parse.build_parser`"
    )


def test_digest_check_notices_a_changed_grammar(tmp_path) -> None:
    grammar = tmp_path / "report.lark"
    grammar.write_text(build_parser.GRAMMAR.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    assert build_parser.grammar_digest(grammar) != build_parser.recorded_digest()


def test_generated_module_is_exactly_what_the_generator_writes_now() -> None:
    source = build_parser.generate()
    assert source.startswith(build_parser.HEADER.format(digest=build_parser.grammar_digest()))
    assert source == build_parser.MODULE.read_text(encoding="utf-8"), (
        "regenerate the parser with `python -m fzlint.parse.build_parser`"
    )


def test_generation_does_not_depend_on_hash_seeds() -> None:
    import os
    import subprocess
    import sys

    code = "from fzlint.parse import build_parser; print(build_parser.generate(), end='')"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {build_parser.MODULE.read_text(encoding="utf-8")}


def _lark():
    from lark import Lark

    return Lark(build_parser.GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer="basic")


LARK = _lark()


def _shape(tree) -> tuple:
    if hasattr(tree, "data"):
        return (str(tree.data), tuple(_shape(child) for child in tree.children))
    return (tree.type, tree.start_pos)


def _lark_outcome(kinds: list[str]):
    from lark import Token
    from lark.exceptions import UnexpectedToken

    interactive = LARK.parse_interactive()
    try:
        for index, kind in enumerate(kinds):
            interactive.feed_token(Token(kind, "", start_pos=index))
        return _shape(interactive.feed_eof())
    except UnexpectedToken:
        return "rejected"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_KINDS), max_size=30))
def test_every_sequence_parses_and_accepted_ones_as_lark_parses_them(kinds: list[str]) -> None:
    result = parse([(kind, index) for index, kind in enumerate(kinds)])
    expected = _lark_outcome(kinds)
    if expected != "rejected":
        assert result.recoveries == []
        assert _shape(result.tree) == expected
    else:
        assert result.recoveries  # rejected by the grammar as written: recovered, never raised
    assert all(r.parsed_as != "-" for r in result.recoveries)  # nothing dropped


def test_a_part_out_of_order_is_parsed_as_misplaced() -> None:
    kinds = ["TITLE", "TEXT", "H1_ACHIEVEMENTS", "H1_PLAN", "TEXT", "H1_PROBLEMS", "TEXT"]
    result = parse([(kind, index) for index, kind in enumerate(kinds)])
    assert [(r.index, r.found, r.parsed_as) for r in result.recoveries] == [(5, "H1_PROBLEMS", "H1_MISPLACED")]
