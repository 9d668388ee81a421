"""Large inputs: refused beyond the size limit before reading, linear below it.

Nothing here asserts wall-clock time (the subprocess timeout is only a hang
guard); memory is asserted through the child's peak RSS, which is not a clock.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from registry_for_tests import REGISTRY

from fzlint.limits import DEFAULT_MAX_FILE_SIZE, format_size, parse_size
from fzlint.parse.numerals import int_to_cn
from robustness.runner import SEED, TITLE, assert_no_traceback, assert_one_error_naming, fzlint

MB = 1024 * 1024
# Peak memory a within-limit input may take (measured: a 20 MB report peaks near 0.5 GB).
MEMORY_BOUND_KB = 1_500 * 1024


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


def _sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that costs no disk (a hole), like a huge export would be."""
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


def test_fifty_megabytes_is_refused_before_reading(tmp_path, good) -> None:
    huge = _sparse_file(tmp_path / "huge.txt", 50 * MB)
    run = fzlint("check", "--format", "json", huge, good, measure_memory=True)
    line = assert_one_error_naming(run, huge, "文件过大", "50 MB", "20 MB", "--max-file-size")
    assert "不是文本文件" not in line  # refused on its size, never read
    assert run.returncode == 2
    assert run.codes_for("good.txt")
    assert run.max_rss_kb is not None and run.max_rss_kb < 200 * 1024  # 50 MB was never loaded


def test_size_is_checked_before_the_file_is_opened(tmp_path, monkeypatch) -> None:
    from fzlint import limits

    huge = _sparse_file(tmp_path / "huge.txt", 2 * MB)

    def no_open(*args, **kwargs):
        raise AssertionError("a file over the limit was opened")

    monkeypatch.setattr(limits, "open", no_open, raising=False)
    with pytest.raises(limits.TooLarge, match="文件过大"):
        limits.read_file(huge, MB)


def test_a_file_growing_past_the_limit_while_read_is_refused(tmp_path) -> None:
    import io

    from fzlint import limits

    with pytest.raises(limits.TooLarge):
        limits.read_limited(io.BytesIO(b"x" * 101), 100)
    assert limits.read_limited(io.BytesIO(b"x" * 100), 100) == b"x" * 100


def test_oversized_stdin_is_refused(tmp_path) -> None:
    data = (TITLE + "\n").encode() * 2000
    run = fzlint(
        "check", "--format", "json", "--max-file-size", "10KB", "--stdin-filename", "报告.txt", "-", stdin=data
    )
    assert_one_error_naming(run, "报告.txt", "文件过大", "10 KB")
    assert run.returncode == 2


def test_the_limit_is_configurable(tmp_path, good) -> None:
    small = tmp_path / "small.txt"
    small.write_text(TITLE * 100, encoding="utf-8")
    refused = fzlint("check", "--format", "json", "--max-file-size", "1K", small)
    assert_one_error_naming(refused, small, "文件过大", "1 KB")
    assert refused.returncode == 2
    unlimited = fzlint("check", "--format", "json", "--max-file-size", "0", small)
    assert_no_traceback(unlimited)
    assert unlimited.returncode == 1 and unlimited.stderr == ""


def test_a_bad_size_is_a_usage_error() -> None:
    run = fzlint("check", "--max-file-size", "lots", "x.txt")
    assert_no_traceback(run)
    assert run.returncode == 2
    assert "--max-file-size" in run.stderr and "lots" in run.stderr


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("20MB", 20 * MB),
        ("500k", 500 * 1024),
        ("1.5M", int(1.5 * MB)),
        ("123", 123),
        ("0", 0),
        ("2 GiB", 2 * 1024**3),
    ],
)
def test_parse_size(text, size) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-1", "20XB", "1e3"])
def test_parse_size_rejects(text) -> None:
    with pytest.raises(ValueError, match="大小"):
        parse_size(text)


def test_default_limit_is_documented_value() -> None:
    assert format_size(DEFAULT_MAX_FILE_SIZE) == "20 MB"


def _lint_big(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = fzlint("check", "--format", "json", path, measure_memory=True)
    assert_no_traceback(run)
    assert run.stderr == ""
    assert run.returncode in (0, 1)
    assert run.max_rss_kb is not None and run.max_rss_kb < MEMORY_BOUND_KB
    assert "E999" not in run.codes_for(name)
    return run


def test_single_ten_megabyte_line(tmp_path) -> None:
    paragraph = SEED.read_text(encoding="utf-8").replace("\n", "")
    text = paragraph * (10 * MB // len(paragraph.encode()) + 1)
    assert len(text.encode()) > 10 * MB
    _lint_big(tmp_path, "one-line.txt", text)


def test_twenty_thousand_headings(tmp_path) -> None:
    rows = [TITLE, "一、2025年主要举措和成效"]
    for index in range(20_000):
        rows += [f"（{int_to_cn(index % 99 + 1)}）第{index}项工作", "一是做好工作。二是抓好落实。"]
    run = _lint_big(tmp_path, "headings.txt", "\n".join(rows))
    assert "N101" in run.codes_for("headings.txt")  # numbering restarts every 99 sections


def test_five_thousand_nested_levels(tmp_path) -> None:
    """（一）/1./（1）/① nested 5,000 times: depth is capped, nothing recurses deeply."""
    rows = [TITLE, "一、2025年主要举措和成效"]
    rows += ["（一）工作", "1.工作", "（1）工作", "①工作"] * 5_000
    _lint_big(tmp_path, "nested.txt", "\n".join(rows))


def test_deep_nesting_stays_within_five_levels() -> None:
    from conftest import placed_once

    from fzlint.document import Document
    from fzlint.parse.outline import MAX_DEPTH, build_report
    from fzlint.run.engine import keywords_for
    from fzlint.settings import Settings

    rows = [TITLE, "一、工作"] + ["（一）工作", "1.工作", "（1）工作", "①工作"] * 5_000
    report = build_report(Document.from_text("deep.txt", "\n".join(rows)), keywords_for(Settings(), REGISTRY))
    assert placed_once(report)
    assert max(s.depth for s in report.sections()) == MAX_DEPTH == 5
    assert sum(1 for _ in report.sections()) == 20_001  # every heading kept


@pytest.mark.parametrize("size", [0, 5, 99, 100, 101, 300])
@pytest.mark.parametrize("expected", [None, 0, 3, 99, 100, 200])
def test_a_stale_size_hint_never_changes_what_is_read(size: int, expected: int | None) -> None:
    # the hint is a stat taken before the read: the file may have grown or shrunk since
    import io

    from fzlint import limits

    data = b"x" * size
    if size > 100:
        with pytest.raises(limits.TooLarge):
            limits.read_limited(io.BytesIO(data), 100, expected)
    else:
        assert limits.read_limited(io.BytesIO(data), 100, expected) == data
