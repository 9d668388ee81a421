"""The generated parse table (lint/parse/_report_tables.py) is current with lint/parse/report.lark, and
fzlint.parse.lalr parses exactly as Lark does when it builds the grammar at run time."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import ROOT, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.document import Document
from fzlint.parse import build_parser
from fzlint.parse.lines import classify
from fzlint.parse.outline import build_report, parse_tokens, tokens
from fzlint.parse.parts import PartKeywords

TOKEN_KINDS = ["PRE", "TITLE", "TEXT", "H1", "H2", "H3", "H4", "H5", "CLOSE", "SIGNATURE", "DATE", "TAIL"]


def test_generated_module_records_the_current_grammar() -> None:
    assert build_parser.recorded_digest() == build_parser.grammar_digest(), (
        "lint/parse/report.lark changed: regenerate the parser with `python -m fzlint.parse.build_parser`"
    )


def test_digest_check_notices_a_changed_grammar(tmp_path) -> None:
    grammar = tmp_path / "report.lark"
    grammar.write_text(build_parser.GRAMMAR.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    assert build_parser.grammar_digest(grammar) != build_parser.recorded_digest()


def test_generate_writes_a_module_with_the_digest_header() -> None:
    source = build_parser.generate()
    assert source.startswith(build_parser.HEADER.format(digest=build_parser.grammar_digest()))
    namespace: dict = {}
    exec(compile(source, "_report_tables.py", "exec"), namespace)
    assert {"STATES", "RULES", "START_STATE", "END_STATE"} <= namespace.keys()


def test_generator_refuses_rules_the_driver_cannot_build() -> None:
    grammar = build_parser.GRAMMAR.read_text(encoding="utf-8").replace("opening: TEXT*", "?opening: TEXT*")
    with pytest.raises(SystemExit, match="does not build trees"):
        build_parser.tables(grammar)


def _lark_parser():
    """The parser the grammar gives when Lark builds it at run time (the old way)."""
    from lark import Lark
    from lark.lexer import Lexer, Token

    class LineLexer(Lexer):
        def __init__(self, lexer_conf) -> None:
            pass

        def lex(self, stream):
            for kind, line in stream:
                yield Token(kind, str(line.index))

    grammar = (ROOT / "lint" / "parse" / "report.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=LineLexer)


LARK = _lark_parser()


def _shape(tree) -> tuple:
    """A tree as nested tuples, leaves as line indexes (Lark's tokens hold str(index))."""
    if hasattr(tree, "data"):
        return (str(tree.data), tuple(_shape(child) for child in tree.children))
    return int(tree) if isinstance(tree, str) else tree.index


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_generated_parser_gives_the_same_tree_as_lark_on_seeds(seed) -> None:
    document = Document.from_text(str(seed), seed.read_text(encoding="utf-8"))
    stream = list(tokens(classify(document)))
    assert _shape(parse_tokens(stream)) == _shape(LARK.parse(stream))


def _outcome(parse, stream):
    from lark.exceptions import LarkError

    from fzlint.parse.lalr import ParseError

    try:
        return _shape(parse(stream))
    except (ParseError, LarkError):
        return "rejected"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_KINDS), max_size=30))
def test_generated_parser_accepts_and_rejects_like_lark(kinds: list[str]) -> None:
    stream = [(kind, SimpleNamespace(index=i)) for i, kind in enumerate(kinds)]
    assert _outcome(parse_tokens, stream) == _outcome(LARK.parse, stream)


def test_parse_error_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    import fzlint.parse.outline as outline

    def bad_tokens(lines):
        yield "CLOSE", lines[0]
        yield "H1", lines[0]  # a heading after the closing: the grammar has no place for it

    monkeypatch.setattr(outline, "tokens", bad_tokens)
    report = build_report(Document.from_text("x.txt", "专此报告。\n一、主要举措"), PartKeywords({}, {}))
    assert report.parse_error is not None and "unexpected H1" in report.parse_error
