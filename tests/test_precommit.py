"""The pre-commit hook, end to end: ``pre-commit try-repo`` on a temporary repository of reports.

Marked ``network``: pre-commit builds the hook's environment from PyPI (skip with
``-m "not network"``). ``try-repo`` installs a repository's committed HEAD plus
changes to tracked files only, so the test first snapshots this checkout's
working tree (tracked and untracked, not ignored) into a temporary repository:
what is tested is the code on disk, committed or not.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.network

SEED_003 = next(p for p in SEEDS if p.name.startswith("003")).read_text(encoding="utf-8")
GIT_IDENTITY = [
    "-c",
    "user.name=fzlint-test",
    "-c",
    "user.email=test@example.invalid",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "init.defaultBranch=main",
]


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=True
    )
    return result.stdout


def commit_all(repo: Path) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=repo)


def snapshot_of_this_checkout(target: Path) -> Path:
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # deleted but still tracked files are skipped
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    commit_all(target)
    return target


def try_repo(snapshot: Path, reports: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    env.pop("PRE_COMMIT_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(snapshot), "fzlint", "--all-files", "--color", "never"],
        cwd=reports,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if subprocess.run(["git", "rev-parse"], cwd=ROOT, capture_output=True, check=False).returncode:
        pytest.skip("not running from a git checkout")
    pytest.importorskip("pre_commit")
    return snapshot_of_this_checkout(tmp_path_factory.mktemp("fzlint-snapshot"))


def test_hook_fails_on_a_defective_report_and_passes_on_a_clean_one(snapshot: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    git("init", "-q", cwd=reports)
    # The hook honours the reports' own configuration.
    (reports / "pyproject.toml").write_text('[tool.fzlint]\nselect = ["W1"]\n', encoding="utf-8")
    (reports / "报告.txt").write_text(SEED_003, encoding="utf-8")
    (reports / "说明.py").write_text("print('not a report')\n", encoding="utf-8")
    commit_all(reports)
    home = tmp_path / "pre-commit-home"

    failed = try_repo(snapshot, reports, home)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "报告.txt:5:161" in output and "W102" in output and "政务公开" in output, output
    assert "Failed" in output and "说明.py" not in output

    (reports / "报告.txt").write_text(SEED_003.replace("探花公开", "政务公开"), encoding="utf-8")
    commit_all(reports)
    passed = try_repo(snapshot, reports, home)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output and "W102" not in output


def readme_snippet() -> str:
    """The ``.pre-commit-config.yaml`` the README tells users to write, as it is."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    env.pop("PRE_COMMIT_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def test_readme_snippet_works_as_copied_and_autoupdate_pins_a_commit(snapshot: Path, tmp_path: Path) -> None:
    snippet = readme_snippet()
    hosted = re.search(r"- repo: (\S+)", snippet)
    assert hosted is not None, snippet
    # The one thing a user must fill in: where the repository is hosted (here: a clone).
    clone = tmp_path / "fzlint-clone"
    git("clone", "-q", str(snapshot), str(clone), cwd=tmp_path)
    rev = re.search(r"rev: (\S+)", snippet)
    assert rev is not None
    assert git("rev-parse", "--verify", "-q", f"{rev.group(1)}^{{commit}}", cwd=clone).strip(), "rev: exists"
    reports = tmp_path / "reports"
    reports.mkdir()
    git("init", "-q", cwd=reports)
    (reports / ".pre-commit-config.yaml").write_text(snippet.replace(hosted.group(1), str(clone)), encoding="utf-8")
    (reports / "报告.txt").write_text(SEED_003, encoding="utf-8")
    commit_all(reports)
    home = tmp_path / "pre-commit-home"

    first = pre_commit("run", "--all-files", cwd=reports, home=home)
    output = first.stdout + first.stderr
    assert first.returncode == 1 and "W102" in output and "Failed" in output, output

    updated = pre_commit("autoupdate", cwd=reports, home=home)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    config = (reports / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    pinned = re.search(r"rev: (\S+)", config)
    head = git("rev-parse", "HEAD", cwd=clone).strip()
    assert pinned is not None and pinned.group(1) == head, config  # no tags: the commit
    second = pre_commit("run", "--all-files", cwd=reports, home=home)
    assert second.returncode == 1 and "W102" in second.stdout + second.stderr
