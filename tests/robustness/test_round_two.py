"""Robustness, round two: shapes that must stay linear, findings that must stay bounded, and
plugins that must not corrupt the report (through the real CLI where a user would see it)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from demo_plugins import BAD_POSITIONS, PRINTING, install
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.run.engine import lint_document
from fzlint.settings import Settings
from robustness.runner import SEED, assert_no_traceback, fzlint


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


def _seconds(build, size: int, **settings: object) -> float:
    document = Document.from_text("r.md", build(size), kind="markdown")
    started = time.process_time()
    lint_document(document, Settings(**settings), REGISTRY)  # type: ignore[arg-type]
    return time.process_time() - started


def _growth(build, small: int, **settings: object) -> float:
    """CPU time at 4x the size over 1x: near 4 when linear, near 16 when quadratic."""
    _seconds(build, small // 4, **settings)  # warm-up (data tables, regexes)
    return _seconds(build, small * 4, **settings) / max(_seconds(build, small, **settings), 1e-3)


def test_unclosed_markdown_comments_are_linear() -> None:
    # the lazy .*?--> scanned to the end of the line from every <!--: 111 s at 20,000
    assert _growth(lambda n: "<!--fzlint-" * n, 2_000, select=["X1"]) < 8


def test_many_suppression_directives_are_linear() -> None:
    def build(n: int) -> str:
        return "\n".join(["<!-- fzlint-disable-next-line P102 -->", "政务 公开"] * n)

    assert _growth(build, 1_000, select=["P102", "X1"]) < 8


def test_enable_closing_nothing_is_not_quadratic() -> None:
    def build(n: int) -> str:
        return "\n".join(["<!-- fzlint-disable W101 -->"] * n + ["<!-- fzlint-enable P102 -->"] * n + ["正文。"])

    assert _growth(build, 1_000, select=["X1"]) < 8


def test_pair_marks_are_linear_and_bounded() -> None:
    # （（（…》》》: every closing mark searched the whole stack
    assert _growth(lambda n: "（" * n + "》" * n, 20_000, select=["P103"]) < 8


def test_findings_per_rule_are_capped_with_a_count() -> None:
    document = Document.from_text("r.txt", "《" * 5_000)
    found = [d for d in lint_document(document, Settings(select=["P103"]), REGISTRY) if d.code == "P103"]
    assert len(found) == 1001
    assert "还有 4000 处" in found[-1].message and "max-findings-per-rule" in found[-1].message
    unlimited = lint_document(document, Settings(select=["P103"], max_findings_per_rule=0), REGISTRY)
    assert len(unlimited) == 5_000


def test_a_plugin_printing_at_import_leaves_stdout_to_the_report(tmp_path, good) -> None:
    plugins = install(tmp_path / "site", "fzlint_chatty", {"chatty": "chatty_plugin"}, {"chatty_plugin": PRINTING})
    for fmt in ("json", "sarif"):
        run = fzlint("check", "--format", fmt, good, plugin_path=plugins)
        assert_no_traceback(run)
        run.json() if fmt == "json" else __import__("json").loads(run.stdout)  # stdout is valid JSON
        assert "hello from a plugin import" in run.stderr


def test_positions_outside_the_document_are_clamped(tmp_path, good) -> None:
    plugins = install(tmp_path / "site", "fzlint_wild", {"wild": "wild_rules"}, {"wild_rules": BAD_POSITIONS})
    run = fzlint("check", "--format", "json", "--select", "X903", good, plugin_path=plugins)
    assert_no_traceback(run)
    lines = good.read_text(encoding="utf-8").splitlines()
    for d in run.json():
        assert 1 <= d["line"] <= d["end_line"] <= len(lines)
        assert d["column"] >= 1 and d["end_column"] >= 1
        if d["line"] == d["end_line"]:
            assert d["end_column"] >= d["column"]
    sarif = fzlint("check", "--format", "sarif", "--select", "X903", good, plugin_path=plugins)
    results = __import__("json").loads(sarif.stdout)["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
