"""--fix / --diff / --unsafe-fixes: edits land exactly, writes are atomic and careful."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS
from registry_for_tests import REGISTRY, RELINT

from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.document import Document
from fzlint.fix import writeback
from fzlint.fix.autofix import fix_document
from fzlint.fix.fixes import apply_fixes
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _diag(line: int, column: int, *edits: Edit, safe: bool = True) -> Diagnostic:
    return Diagnostic(
        "t.txt",
        line,
        column,
        line,
        column + 1,
        "X101",
        "x",
        Severity.ERROR,
        "m",
        fix=Fix(edits=edits, message="f", safe=safe),
    )


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", *args], capture_output=True, cwd=ROOT, input=stdin
    )


def test_edits_keep_every_other_character_and_line_break() -> None:
    document = Document.from_text("t.txt", "甲乙丙\r\n丁戊己\r\n庚\n")
    outcome = apply_fixes(
        document,
        [
            _diag(1, 2, Edit(1, 2, 1, 3, "X")),  # 乙 → X
            _diag(2, 1, Edit(2, 1, 3, 1, "")),  # delete line 2 with its CRLF
            _diag(3, 2, Edit(3, 2, 3, 2, "是\n尾")),  # insertion; its line break takes the file's style
        ],
    )
    assert outcome.text == "甲X丙\r\n庚是\r\n尾\n"
    assert len(outcome.applied) == 3


def test_overlapping_fixes_are_deferred_and_bad_fixes_ignored() -> None:
    document = Document.from_text("t.txt", "一二三四五")
    outcome = apply_fixes(
        document,
        [
            _diag(1, 1, Edit(1, 1, 1, 3, "AB")),
            _diag(1, 2, Edit(1, 2, 1, 4, "CD")),  # overlaps the first
            _diag(1, 3, Edit(1, 3, 1, 3, "+")),  # an insertion touching the first: ambiguous order
            _diag(1, 4, Edit(1, 9, 1, 10, "?")),  # out of range
            _diag(1, 4, Edit(1, 4, 1, 5, "x"), Edit(1, 4, 1, 6, "y")),  # overlaps itself
            _diag(1, 5, Edit(1, 5, 1, 6, "E"), safe=False),  # unsafe: not without --unsafe-fixes
        ],
    )
    assert outcome.text == "AB三四五"
    assert outcome.deferred == 2


def test_unsafe_fixes_only_on_request() -> None:
    document = Document.from_text("t.txt", "一二三")
    unsafe = [_diag(1, 1, Edit(1, 1, 1, 2, "壹"), safe=False)]
    assert apply_fixes(document, unsafe).text == "一二三"
    assert apply_fixes(document, unsafe, unsafe=True).text == "壹二三"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_fix_on_a_seed_copy_removes_every_fixable_diagnostic(seed: Path, tmp_path: Path) -> None:
    copy = tmp_path / seed.name
    copy.write_bytes(seed.read_bytes())
    before = lint_path(copy, Settings(), REGISTRY).diagnostics
    done = _cli("--fix", "--format", "json", str(copy))
    after = lint_path(copy, Settings(), REGISTRY).diagnostics
    assert not [d for d in after if d.fix is not None and d.fix.safe]
    fixed_codes = {d.code for d in before if d.fix is not None and d.fix.safe}
    assert len(after) < len(before) or not fixed_codes
    assert done.returncode == (1 if any(d.severity is Severity.ERROR for d in after) else 0)
    second = copy.read_bytes()
    _cli("--fix", str(copy))
    assert copy.read_bytes() == second  # idempotent


def test_unsafe_fixes_renumber_headings(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("一、甲\n正文。\n三、乙\n正文。\n", encoding="utf-8")
    _cli("--fix", str(path))
    assert "三、乙" in path.read_text(encoding="utf-8")
    _cli("--fix", "--unsafe-fixes", str(path))
    assert "二、乙" in path.read_text(encoding="utf-8")


def test_diff_shows_changes_and_writes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / SEEDS[0].name
    copy.write_bytes(SEEDS[0].read_bytes())
    done = _cli("--diff", str(copy))
    assert done.returncode == 1
    out = done.stdout.decode()
    assert f"--- {copy}" in out and "+  二是深化政务服务" in out and "-来源:" in out
    assert copy.read_bytes() == SEEDS[0].read_bytes()
    clean = tmp_path / "clean.txt"
    clean.write_text("一、总体情况\n正文。\n", encoding="utf-8")
    assert _cli("--diff", str(clean)).returncode == 0


def test_stdin_fix_prints_the_fixed_text_instead_of_writing() -> None:
    import io

    from fzlint.fix.autofix import FixMode, run_fixes
    from fzlint.run.engine import FileResult, lint_document

    document = Document.from_text("-", SEEDS[0].read_text(encoding="utf-8"))
    result = FileResult("-", lint_document(document, Settings(), REGISTRY), document)
    out = io.StringIO()
    run = run_fixes([result], Settings(), FixMode(write=True, diff=False, unsafe=False), out, RELINT, "-")
    assert "二是深化政务服务" in out.getvalue() and "来源:" not in out.getvalue()
    assert run.fixed_count > 0 and run.files_changed == 0
    assert not [d for d in run.results[0].diagnostics if d.fix is not None and d.fix.safe]


def test_file_changed_on_disk_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    result = lint_path(path, Settings(), REGISTRY)
    fixed = fix_document(result.document, Settings(), unsafe=False, relint=RELINT, diagnostics=result.diagnostics)
    path.write_text("别人刚改过\n", encoding="utf-8")
    with pytest.raises(writeback.WriteError, match="被修改"):
        writeback.write_fixed(path, fixed.original, fixed.document.text)
    assert path.read_text(encoding="utf-8") == "别人刚改过\n"


def test_failed_replace_leaves_the_original_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "r.txt"
    original = SEEDS[0].read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    document = lint_path(path, Settings(), REGISTRY).document

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(writeback.WriteError, match="原文件未改动"):
        writeback.write_fixed(path, document, "新内容")
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_write_keeps_permissions_and_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("旧\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    document = Document.from_text(str(link), "旧\n")
    writeback.write_fixed(link, document, "新\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "新\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_gb18030_text_that_does_not_round_trip_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("报告".encode("gb18030"))
    document = Document.from_text(str(path), "报告", encoding="gb18030")
    document_with_other_text = Document.from_text(str(path), "报吿", encoding="gb18030")
    writeback.write_fixed(path, document, "报告。")
    assert path.read_bytes() == "报告。".encode("gb18030")
    with pytest.raises(writeback.WriteError):
        writeback.write_fixed(path, document_with_other_text, "x")


def test_long_runs_of_ascii_quotes_converge_in_one_fix_run() -> None:
    """Found by atheris (benchmarks/fuzz-findings): P101 resolves a run of ASCII quotes a few
    per pass, which once took more passes than allowed, so a second --fix changed more."""
    raw = (ROOT / "benchmarks" / "fuzz-findings" / "fix-needs-more-passes.txt").read_bytes()
    document = Document.from_text("fuzz.txt", raw.decode("utf-8", errors="replace"))
    first = fix_document(document, Settings(), unsafe=False, relint=RELINT)
    assert first.applied > 150
    second = fix_document(first.document, Settings(), unsafe=False, relint=RELINT)
    assert second.applied == 0 and not second.changed
