"""Odd files: empty, blank, title only, binary, undecodable, missing, looping, special.

Each case goes through the real CLI with a good seed in the same invocation,
so it also shows that one bad file never costs the others their results.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from robustness.runner import SEED, TITLE, assert_no_traceback, assert_one_error_naming, fzlint

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A real report with known findings, linted alongside every bad input."""
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


def _good_still_linted(run, good: Path) -> None:
    assert run.codes_for(good.name), "the good file lost its findings"


@pytest.mark.parametrize(
    "content",
    ["", "  \n\t\n\u3000\n", "\r\n\r\n", f"{TITLE}\n", f"\ufeff{TITLE}"],
    ids=["empty", "whitespace", "crlf-blank", "title-only", "bom-title"],
)
def test_nearly_empty_reports_run_and_report_missing_parts(tmp_path, good, content) -> None:
    report = tmp_path / "report.txt"
    report.write_text(content, encoding="utf-8")
    run = fzlint("check", "--format", "json", report, good)
    assert_no_traceback(run)
    assert run.returncode == 1
    assert run.stderr == ""
    assert run.codes_for("report.txt").count("S101") == 3  # all three mandated parts missing
    _good_still_linted(run, good)


@pytest.mark.parametrize(
    "data",
    [
        PNG_HEADER + bytes(range(256)) * 4,
        b"\x00" * 100,
        "正文".encode() + b"\x00" + "更多正文".encode(),
        "正文。".encode() * 5000 + b"\x00",  # the NUL comes after the first 8 KB
    ],
    ids=["png-renamed", "all-nul", "nul-inside", "late-nul"],
)
def test_binary_data_is_not_a_text_document(tmp_path, good, data) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(data)
    run = fzlint("check", "--format", "json", binary, good)
    assert_one_error_naming(run, binary, "不是文本文件")
    assert run.returncode == 2
    _good_still_linted(run, good)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xff\xff\xff bad",
        b"abc\xc3",
        "报告".encode()[:-1],
        b"\x81\x30\x81",
        "正文".encode("utf-16-le")[:-1] + b"\xff",
    ],
    ids=["invalid-start", "truncated-sequence", "cut-character", "cut-gb18030", "utf16-without-bom"],
)
def test_undecodable_bytes_are_a_clear_error(tmp_path, good, data) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(data)
    run = fzlint("check", "--format", "json", broken, good)
    assert_one_error_naming(run, broken, "UTF-8")
    assert run.returncode == 2
    _good_still_linted(run, good)


def test_nonexistent_path(tmp_path, good) -> None:
    missing = tmp_path / "nowhere" / "报告.txt"
    run = fzlint("check", "--format", "json", missing, good)
    assert_one_error_naming(run, missing, "不存在")
    assert run.returncode == 2
    _good_still_linted(run, good)


def test_dangling_symlink(tmp_path, good) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    run = fzlint("check", "--format", "json", link, good)
    assert_one_error_naming(run, link, "不存在")
    assert run.returncode == 2
    _good_still_linted(run, good)


def test_symlink_loop_given_directly(tmp_path, good) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    run = fzlint("check", "--format", "json", loop, good)
    assert_one_error_naming(run, loop, "符号链接循环")
    assert run.returncode == 2
    _good_still_linted(run, good)


def test_directory_with_symlink_loops_terminates_and_lints_the_rest(tmp_path) -> None:
    tree = tmp_path / "reports"
    (tree / "sub").mkdir(parents=True)
    shutil.copy(SEED, tree / "sub" / "good.txt")
    (tree / "sub" / "up").symlink_to(tree)  # a directory loop: not followed
    (tree / "self.txt").symlink_to(tree / "self.txt")  # a file loop: reported
    run = fzlint("check", "--format", "json", tree)
    assert_one_error_naming(run, tree / "self.txt", "符号链接循环")
    assert run.returncode == 2
    assert run.codes_for("good.txt")
    assert len({d["path"] for d in run.json()}) == 1  # the good file once, not once per loop


def test_a_directory_given_as_a_file_inside_a_walk_is_not_read(tmp_path, good) -> None:
    folder = tmp_path / "folder.txt"  # a directory whose name looks like a report
    folder.mkdir()
    run = fzlint("check", "--format", "json", folder, good)
    assert_no_traceback(run)
    assert run.returncode == 1
    _good_still_linted(run, good)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path, good) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block forever: it must not be opened
    run = fzlint("check", "--format", "json", fifo, good)
    assert_one_error_naming(run, fifo, "不是普通文件")
    assert run.returncode == 2
    _good_still_linted(run, good)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_is_refused(good) -> None:
    run = fzlint("check", "--format", "json", "/dev/zero", good)
    assert_one_error_naming(run, "/dev/zero", "不是普通文件")
    assert run.returncode == 2
    _good_still_linted(run, good)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root reads a chmod 000 file; see the in-process test below"
)
def test_unreadable_file_through_the_cli(tmp_path, good) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(TITLE, encoding="utf-8")
    locked.chmod(0)
    try:
        run = fzlint("check", "--format", "json", locked, good)
    finally:
        locked.chmod(0o644)
    assert_one_error_naming(run, locked, "没有读取权限")
    assert run.returncode == 2
    _good_still_linted(run, good)


def test_unreadable_file_in_process(tmp_path, good, monkeypatch, capsys) -> None:
    """The same case for root (CI containers), with ``open`` refusing that one file."""
    import builtins
    import json

    from fzlint import cli, limits

    locked = tmp_path / "locked.txt"
    locked.write_text(TITLE, encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(limits, "open", guarded_open, raising=False)
    code = cli.main(["check", "--format", "json", str(locked), str(good)])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines() == [f"fzlint: 错误：{locked}: 没有读取权限"]
    assert any(d["path"] == str(good) for d in json.loads(out))


def test_empty_stdin(tmp_path) -> None:
    run = fzlint("check", "--format", "json", "--stdin-filename", "报告.txt", "-", stdin=b"")
    assert_no_traceback(run)
    assert run.returncode == 1
    assert run.codes_for("报告.txt").count("S101") == 3


def test_binary_stdin(tmp_path) -> None:
    run = fzlint("check", "--format", "json", "--stdin-filename", "报告.txt", "-", stdin=PNG_HEADER)
    assert_one_error_naming(run, "报告.txt", "不是文本文件")
    assert run.returncode == 2


def test_every_bad_input_at_once_in_parallel_workers(tmp_path, good) -> None:
    """The same answers with --jobs 2: worker processes report each bad path once."""
    (tmp_path / "image.txt").write_bytes(PNG_HEADER)
    (tmp_path / "broken.txt").write_bytes(b"\xff\xff\xff bad")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    missing = tmp_path / "missing.txt"
    other = Path(shutil.copy(good, tmp_path / "other.txt"))
    names = ["image.txt", "broken.txt", "loop.txt"]
    run = fzlint("check", "--jobs", "2", "--format", "json", *(tmp_path / n for n in names), missing, good, other)
    assert_no_traceback(run)
    assert run.returncode == 2
    for name in [*names, "missing.txt"]:
        assert sum(name in line for line in run.error_lines()) == 1, run.stderr
    assert run.codes_for("good.txt") and run.codes_for("other.txt")
