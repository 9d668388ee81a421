"""``--fix`` never damages a file: a file changed during the run, an unwritable
directory or a file that cannot be linted is left byte for byte as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from demo_plugins import MUTATOR, install

from robustness.runner import SEED, assert_no_traceback, fzlint


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A seed with safe fixes (W101 page chrome lines) in a folder of its own."""
    folder = tmp_path / "reports"
    folder.mkdir()
    return Path(shutil.copy(SEED, folder / "report.txt"))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "report.txt")


def test_fix_works_on_the_seed(report) -> None:
    """The baseline for the cases below: the seed has safe fixes that --fix applies."""
    before = report.read_bytes()
    run = fzlint("check", "--fix", "--format", "json", report)
    assert_no_traceback(run)
    assert report.read_bytes() != before
    assert _leftovers(report.parent) == []


def test_file_changed_during_the_run_is_not_overwritten(tmp_path, report) -> None:
    plugins = install(tmp_path / "site", "fzlint_mutator", {"mutator": "mutator_rule"}, {"mutator_rule": MUTATOR})
    original = report.read_bytes()
    run = fzlint("check", "--fix", "--format", "json", report, plugin_path=plugins)
    assert_no_traceback(run)
    assert run.returncode == 2
    lines = [line for line in run.error_lines() if str(report) in line]
    assert len(lines) == 1 and "被修改过" in lines[0], run.stderr
    now = report.read_bytes()
    assert now.startswith(original) and "编辑器在检查期间保存".encode() in now  # the edit survives
    assert _leftovers(report.parent) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_directory_through_the_cli(report) -> None:
    original = report.read_bytes()
    report.parent.chmod(0o555)
    try:
        run = fzlint("check", "--fix", "--format", "json", report)
    finally:
        report.parent.chmod(0o755)
    assert_no_traceback(run)
    assert run.returncode == 2 and "原文件未改动" in run.stderr
    assert report.read_bytes() == original


@pytest.mark.parametrize("errno_name", ["EROFS", "EACCES", "ENOSPC"])
def test_unwritable_directory_in_process(report, monkeypatch, capsys, errno_name) -> None:
    """The same for root: creating the temporary file fails as on a read-only disk."""
    import errno

    from fzlint import cli
    from fzlint.fix import writeback

    def refuse(*args, **kwargs):
        code = getattr(errno, errno_name)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(writeback.tempfile, "mkstemp", refuse)
    original = report.read_bytes()
    code = cli.main(["check", "--fix", "--format", "json", str(report)])
    err = capsys.readouterr().err
    assert code == 2
    lines = [line for line in err.splitlines() if str(report) in line]
    assert len(lines) == 1 and "写入失败，原文件未改动" in lines[0]
    assert report.read_bytes() == original
    assert _leftovers(report.parent) == []


def test_failure_while_replacing_leaves_no_temporary_file(report, monkeypatch, capsys) -> None:
    from fzlint import cli
    from fzlint.fix import writeback

    def refuse(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(writeback.os, "replace", refuse)
    original = report.read_bytes()
    assert cli.main(["check", "--fix", "--format", "json", str(report)]) == 2
    assert "写入失败，原文件未改动" in capsys.readouterr().err
    assert report.read_bytes() == original
    assert _leftovers(report.parent) == []


def test_read_only_file_is_not_replaced(report) -> None:
    """os.replace ignores the file's own mode (and root ignores all modes): fzlint does not."""
    original = report.read_bytes()
    report.chmod(0o444)
    try:
        run = fzlint("check", "--fix", "--format", "json", report)
    finally:
        report.chmod(0o644)
    assert_no_traceback(run)
    assert run.returncode == 2
    lines = [line for line in run.error_lines() if str(report) in line]
    assert len(lines) == 1 and "原文件未改动" in lines[0] and "只读" in lines[0]
    assert report.read_bytes() == original
    assert _leftovers(report.parent) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_files_that_cannot_be_linted_are_not_touched_by_fix(tmp_path, name, data) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    run = fzlint("check", "--fix", path)
    assert_no_traceback(run)
    assert run.returncode == 2
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
