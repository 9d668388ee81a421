"""Round two: one bad file costs only itself, names cannot forge output, writes keep everything."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from robustness.runner import ROOT, SEED, assert_no_traceback, assert_one_error_naming, env, fzlint

FORGED = "evil\nx.txt:1:1: S101 forged\x1b]0;pwn\x07\u202e.txt"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return Path(shutil.copy(SEED, tmp_path / "good.txt"))


def _raw(*args: str, cwd: Path, encoding: str) -> subprocess.CompletedProcess[bytes]:
    environment = env() | {"PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "fzlint.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, env=environment, timeout=600)


def test_a_name_too_long_costs_only_itself(tmp_path: Path, good: Path) -> None:
    long = tmp_path / ("长" * 100 + ".txt")
    run = fzlint("check", "--format", "json", long, tmp_path / ("a" * 300) / "x.txt", good)
    assert_one_error_naming(run, "长长长", "过长")
    assert run.codes_for("good.txt")


@pytest.mark.parametrize("encoding", ["utf-8:strict", "gbk"])
def test_names_are_escaped_in_every_format(tmp_path: Path, encoding: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / FORGED)
    shutil.copy(SEED, os.fsdecode(bytes(folder) + b"/bad\xff.txt"))
    outputs = {}
    for fmt in ("concise", "github", "json", "json-lines", "sarif", "rich"):
        done = _raw("check", "--format", fmt, ".", cwd=folder, encoding=encoding)
        assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
        text = done.stdout.decode(encoding.split(":")[0])
        outputs[fmt] = text
        assert b"Traceback" not in done.stderr
        if fmt != "rich":  # rich output belongs to its reporter (it should call escape_name)
            assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    for line in outputs["concise"].splitlines():  # no forged record: every line names a real file
        assert line.startswith(("evil\\nx.txt", "bad\\xff.txt")), line
    assert all(line.startswith("::") for line in outputs["github"].splitlines())
    paths = {d["path"] for d in json.loads(outputs["json"])}
    assert paths == {"evil\\nx.txt:1:1: S101 forged\\x1b]0;pwn\\x07\\u202e.txt", "bad\\xff.txt"}
    assert {json.loads(line)["path"] for line in outputs["json-lines"].splitlines()} == paths
    sarif = json.loads(outputs["sarif"])
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "bad%FF.txt" in uris and all(re.fullmatch(r"[A-Za-z0-9%._/~-]+", uri) for uri in uris)


def test_a_forged_name_on_stderr_cannot_issue_workflow_commands(tmp_path: Path) -> None:
    bad = tmp_path / "x\n::warning file=a::forged.txt"
    bad.write_bytes(b"\x00binary")
    run = fzlint("check", bad)
    assert_no_traceback(run)
    assert not any(line.startswith("::") for line in run.stderr.splitlines()), run.stderr


@pytest.mark.parametrize(
    "content",
    [
        '{"tool": "fzlint", "version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"tool": "fzlint", "version": 1, "findings": '
        '[{"path": "a", "code": "W101", "fingerprint": "x", "count": 1e999}]}',
        '{"tool": "fzlint", "version": 1, "findings": [["a"]]}',
        "[1]",
    ],
    # short ids: pytest puts the test id in PYTEST_CURRENT_TEST, and a 200 KB id in the
    # environment makes every subprocess fail with E2BIG
    ids=["deep-nesting", "count-1e999", "wrong-shape", "not-a-table"],
)
def test_a_broken_baseline_is_one_error(tmp_path: Path, good: Path, content: str) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    run = fzlint("check", "--baseline", baseline, good)
    assert_one_error_naming(run, baseline, "基线")
    assert run.returncode == 2


def test_write_baseline_failing_midway_keeps_the_old_one(tmp_path: Path, good: Path) -> None:
    import resource
    import signal

    baseline = tmp_path / "baseline.json"
    assert fzlint("check", "--write-baseline", baseline, good).returncode == 0
    old = baseline.read_bytes()

    def small_files() -> None:  # a write past 4 KB fails with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    command = [sys.executable, "-m", "fzlint.cli", "check", "--write-baseline", str(baseline), str(good)]
    done = subprocess.run(command, capture_output=True, env=env(), timeout=600, preexec_fn=small_files)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2 and "原基线未改动" in stderr and "Traceback" not in stderr, stderr
    assert baseline.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir() if "fzlint-tmp" in p.name] == []


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ('[tool]\nfzlint = "x"\n', ["tool.fzlint", "表"]),
        ('[tool.fzlint.data.confusables]\nwords = ["布署"]\n', ["data.confusables.words", "表"]),
        ('[[tool.fzlint.data.confusables.words]]\nwrong = ""\nright = "部署"\n', ["空字符串"]),
        ('[[tool.fzlint.data.confusables.words]]\nwrong = "布署"\nright = "部署"\nbefore = "("\n', ["before", "无效"]),
        ('[tool.fzlint.data.chrome]\nstrong = ["^(a+)+$"]\n', ["嵌套"]),
        ('[tool.fzlint.data.chrome]\nstrong = [""]\n', ["空"]),
        ('[tool.fzlint.data.chrome]\nweak = ["x*"]\n', ["空文本"]),
        ("[other]\nx = " + "[" * 5000 + "]" * 5000 + "\n", ["嵌套"]),
    ],
)
def test_a_broken_config_is_one_error_naming_the_key(tmp_path: Path, good: Path, config: str, words: list[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    run = fzlint("check", good, cwd=tmp_path)
    assert_no_traceback(run)
    assert run.returncode == 2, run.stderr
    line = next(line for line in run.error_lines() if "pyproject.toml" in line)
    for word in words:
        assert word in line, line


def test_fix_as_root_keeps_owner_mode_xattrs_and_links(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("chown to another user needs root")
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text(encoding="utf-8").replace("，", ",", 1), encoding="utf-8")
    os.chown(report, 1234, 5678)
    os.chmod(report, 0o640)
    try:
        os.setxattr(report, "user.reviewer", b"zhang")
        has_xattrs = True
    except OSError:
        has_xattrs = False
    link = tmp_path / "link.txt"
    os.link(report, link)
    before = report.read_bytes()
    run = fzlint("check", "--fix", "--format", "json", report)
    assert_no_traceback(run)
    after = report.stat()
    assert report.read_bytes() != before, run.stderr
    assert (after.st_uid, after.st_gid, after.st_mode & 0o7777) == (1234, 5678, 0o640)
    assert link.read_bytes() == report.read_bytes() and after.st_nlink == 2
    if has_xattrs:
        assert os.getxattr(report, "user.reviewer") == b"zhang"
    single = tmp_path / "single.txt"  # the atomic path (one link) keeps them too
    single.write_bytes(before)
    os.chown(single, 1234, 5678)
    os.chmod(single, 0o640)
    if has_xattrs:
        os.setxattr(single, "user.reviewer", b"li")
    assert_no_traceback(fzlint("check", "--fix", single))
    stat = single.stat()
    assert single.read_bytes() != before
    assert (stat.st_uid, stat.st_gid, stat.st_mode & 0o7777) == (1234, 5678, 0o640)
    if has_xattrs:
        assert os.getxattr(single, "user.reviewer") == b"li"


def test_fix_with_stdin_named_like_a_given_file_is_refused(tmp_path: Path, good: Path) -> None:
    before = good.read_bytes()
    run = fzlint("check", "--fix", "--stdin-filename", good, "-", good, stdin=before)
    assert run.returncode == 2 and "--stdin-filename" in run.stderr
    assert good.read_bytes() == before


def test_fix_on_a_docx_from_stdin_prints_the_report_not_text(tmp_path: Path) -> None:
    from docx_builder import build_docx

    path = build_docx(tmp_path / "r.docx", ["某局2025年法治政府建设年度报告", "政务公开,依法行政。"])
    run = fzlint("check", "--fix", "--format", "json", "--stdin-filename", "r.docx", "-", stdin=path.read_bytes())
    assert_no_traceback(run)
    assert "不能用 --fix 写回" in run.stderr
    assert run.json()  # stdout is the report


def test_config_fix_true_writes_and_no_fix_does_not(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    text = SEED.read_text(encoding="utf-8").replace("，", ",", 1)
    report.write_text(text, encoding="utf-8")
    (tmp_path / "fzlint.toml").write_text("fix = true\n", encoding="utf-8")
    fzlint("check", "--no-fix", report, cwd=tmp_path)
    assert report.read_text(encoding="utf-8") == text
    fzlint("check", report, cwd=tmp_path)
    assert report.read_text(encoding="utf-8") != text


def test_the_pre_commit_hook_matches_what_discovery_finds() -> None:
    from fzlint.load.loading import DISCOVER_SUFFIXES

    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    patterns = re.findall(r"^\s*files:\s*(.+)$", hooks, flags=re.M)
    assert patterns
    for name in ("a.DOCX", "b.TXT", "c.Md", "d.markdown", "e.docx", "f.txt"):
        assert name.lower().endswith(DISCOVER_SUFFIXES)
        assert all(re.search(pattern, f"dir/{name}") for pattern in patterns), name
    assert not any(re.search(pattern, "x.py") for pattern in patterns)


def test_a_change_between_the_check_and_the_rename_is_never_overwritten(tmp_path: Path) -> None:
    from fzlint.fix.writeback import ChangedOnDisk, atomic_write

    report = tmp_path / "r.txt"
    report.write_bytes(b"saved by the editor")
    with pytest.raises(ChangedOnDisk):
        atomic_write(report, b"fixed", expected=b"what fzlint checked")
    assert report.read_bytes() == b"saved by the editor"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]  # no temporary file left
    atomic_write(report, b"fixed", expected=b"saved by the editor")
    assert report.read_bytes() == b"fixed"
