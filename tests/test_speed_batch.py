"""Batch throughput changes that must not change a byte of output.

Every output format gives the same text with ``--jobs 2`` as in one process; the
diagnostics-only formats stream results (no document kept); the half-width marks P101
and P102 both ask for are computed afresh, never kept as a report fact.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run_cli
from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st
from registry_for_tests import REGISTRY

from fzlint import reporters
from fzlint.document import Document
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import Line, LineKind
from fzlint.parse.outline import build_report
from fzlint.rule import Context
from fzlint.rules.common.halfwidth import _marks, _skipped, halfwidth_marks
from fzlint.rules.common.pairs import _ITEM, PAIRS, unbalanced
from fzlint.rules.punctuation import HalfWidthPunctuation, StrayWhitespace
from fzlint.run import inputs
from fzlint.run.engine import FileResult, keywords_for
from fzlint.run.plugins import new_registry
from fzlint.run.streaming import StreamedResults
from fzlint.settings import Settings


def _batch(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        text = SEEDS[index % len(SEEDS)].read_text(encoding="utf-8")
        if index % 2:
            text = text.replace("，", ",", 3).replace("。", "。。", 1)  # P101, P104
        path = tmp_path / f"r{index:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


FORMATS = sorted(reporters.available(REGISTRY))
DOCUMENT_FREE = [name for name in FORMATS if not reporters.needs_documents(REGISTRY, name)]


def test_reporters_declare_whether_they_read_documents() -> None:
    assert set(DOCUMENT_FREE) == {"concise", "json", "json-lines", "github"}
    assert reporters.needs_documents(REGISTRY, "rich") and reporters.needs_documents(REGISTRY, "sarif")

    def plain(results, stream, options) -> None: ...

    def lean(results, stream, options) -> None: ...

    class ReporterPlugin:
        @staticmethod
        @hookimpl
        def fzlint_register_reporters() -> dict:
            return {"plain": plain, "lean": reporters.document_free(lean)}

    registry_with_plugin = new_registry(extra_plugins=(ReporterPlugin,))
    assert reporters.needs_documents(registry_with_plugin, "plain")  # unmarked: it may read lines
    assert not reporters.needs_documents(registry_with_plugin, "lean")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_identical_with_jobs(tmp_path: Path, fmt: str) -> None:
    paths = [*_batch(tmp_path, 12), "missing.txt"]
    one = run_cli("check", "--format", fmt, "--no-color", "-j", "1", *paths)
    two = run_cli("check", "--format", fmt, "--no-color", "-j", "2", *paths)
    assert one.returncode == two.returncode == 2  # the missing path
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert "missing.txt" in two.stderr


@pytest.mark.parametrize("fmt", DOCUMENT_FREE)
def test_streamed_exit_codes_match_kept_results(tmp_path: Path, fmt: str) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("", encoding="utf-8")
    for paths, expected in (([*_batch(tmp_path, 2)], 1), ([*_batch(tmp_path, 2), "nope.txt"], 2)):
        streamed = run_cli("check", "--format", fmt, *paths)
        kept = run_cli("check", "--format", "sarif", *paths)  # sarif keeps documents
        assert streamed.returncode == kept.returncode == expected
        assert streamed.stderr == kept.stderr


def test_documents_are_dropped_unless_asked(tmp_path: Path) -> None:
    path = Path(_batch(tmp_path, 2)[1])
    kept = inputs.CheckInput(path, str(path), Settings()).lint(REGISTRY)
    dropped = inputs.CheckInput(path, str(path), Settings(), keep_document=False).lint(REGISTRY)
    assert kept.document is not None and dropped.document is None
    assert dropped.diagnostics == kept.diagnostics and dropped.diagnostics


def test_suppressions_are_applied_before_the_document_is_dropped(tmp_path: Path) -> None:
    text = "来源：某某网 发布时间：2025-01-01\n" + SEEDS[0].read_text(encoding="utf-8").replace("，", ",", 1)
    path = tmp_path / "r.md"
    path.write_text("<!-- fzlint-disable-file P101 -->\n" + text, encoding="utf-8")
    result = inputs.CheckInput(path, str(path), Settings(), keep_document=False).lint(REGISTRY)
    assert result.document is None
    assert not any(d.code == "P101" for d in result.diagnostics)
    streamed = run_cli("check", "--format", "concise", str(path))
    kept = run_cli("check", "--format", "sarif", str(path))
    assert " P101 " not in streamed.stdout and " W101 " in streamed.stdout
    rule_ids = [r["ruleId"] for r in json.loads(kept.stdout)["runs"][0]["results"]]
    assert "P101" not in rule_ids and "W101" in rule_ids


def test_streamed_results_are_read_once_and_counted() -> None:
    results = [FileResult(path="a"), FileResult(path="b", error="不存在")]
    streamed = StreamedResults(iter(results))
    assert [r.path for r in streamed] == ["a", "b"]
    assert streamed.errors == [("b", "不存在")] and not streamed.crashed
    with pytest.raises(RuntimeError):
        list(streamed)
    unread = StreamedResults(iter(results))
    unread.drain()
    assert unread.errors == [("b", "不存在")]


_LINE_TEXT = st.text(alphabet=list('政府法治,;:?!()" 1a《》“”（）【】〔〕一'), max_size=40)


@given(_LINE_TEXT)
def test_halfwidth_marks_skip_only_lines_without_a_mark(text: str) -> None:
    line = Line(index=0, text=text, kind=LineKind.TEXT)
    marks = halfwidth_marks(line)
    assert marks == _marks(text, _skipped(line)) or not any(ch in text for ch in ',;:?!()"')
    assert halfwidth_marks(line) == marks  # P102 asking again (nothing is kept) gets P101's answer


def test_halfwidth_marks_are_not_kept_as_a_report_fact() -> None:
    # a 20 MB report's marks held ~40 MB until the end when they were a fact
    text = "2025年,我局坚持依法行政(见附件),现将有关情况报告如下:\n政务 ,公开。"
    document = Document.from_text("r.txt", text)
    report = build_report(document, keywords_for(Settings(), REGISTRY))
    context = Context(settings=Settings())
    found = [d.code for rule in (HalfWidthPunctuation(), StrayWhitespace()) for d in rule.check(report, context)]
    assert found.count("P101") == 6 and "P102" in found
    assert not [key for key in context.facts._values if "halfwidth" in key]


def _old_unbalanced(text: str, start: int = 0) -> list[tuple[int, str, str, bool]]:
    """The character-by-character scan unbalanced() replaced."""
    closing = {close: opening for opening, close in PAIRS.items()}
    same = {"(": "（", ")": "）"}
    items = {m.end() - 1 for m in _ITEM.finditer(text, start)}
    stack: list[int] = []
    found = []
    for index in range(start, len(text)):
        ch = text[index]
        if ch in PAIRS:
            stack.append(index)
        elif ch in closing and index not in items:
            wanted = same.get(closing[ch], closing[ch])
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if same.get(text[stack[d]], text[stack[d]]) == wanted), None
            )
            if depth is None:
                found.append((index, ch, closing[ch], False))
                continue
            found += [(inner, text[inner], PAIRS[text[inner]], True) for inner in stack[depth + 1 :]]
            del stack[depth:]
    return found + [(index, text[index], PAIRS[text[index]], True) for index in stack]


@given(_LINE_TEXT, st.integers(min_value=0, max_value=5))
def test_unbalanced_jumps_between_marks_with_the_same_answer(text: str, start: int) -> None:
    assert list(unbalanced(text, start)) == _old_unbalanced(text, start)


def test_printable_fast_path_agrees_with_translate() -> None:
    from fzlint.reporters.printable import _PRINTABLE, printable

    for code in range(0x3000):
        text = f"甲{chr(code)}乙"
        assert printable(text) == text.translate(_PRINTABLE)
