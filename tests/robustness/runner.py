"""Running the real CLI in a subprocess and checking what a user would see."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
TITLE = "某局2025年法治政府建设年度报告"
# A hang guard, not a timing assertion: a case that needs this long is stuck.
HANG_GUARD = 600


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    max_rss_kb: int | None = None

    def json(self) -> list[dict]:
        return json.loads(self.stdout)

    def codes_for(self, name: str) -> list[str]:
        return [d["code"] for d in self.json() if Path(d["path"]).name == name]

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def env(extra_path: Path | None = None) -> dict[str, str]:
    """The environment for the subprocess: this checkout first on the path."""
    result = dict(os.environ)
    paths = [str(ROOT)] + ([str(extra_path)] if extra_path else [])
    if result.get("PYTHONPATH"):
        paths.append(result["PYTHONPATH"])
    result["PYTHONPATH"] = os.pathsep.join(paths)
    for name in ("FZLINT_DEBUG", "FZLINT_DISABLE_PLUGIN_AUTOLOAD"):
        result.pop(name, None)
    return result


def fzlint(
    *args: str | Path,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    plugin_path: Path | None = None,
    measure_memory: bool = False,
) -> Run:
    """``python -m fzlint.cli ARGS``; with ``measure_memory`` also the child's peak RSS."""
    command = [sys.executable, "-m", "fzlint.cli", *map(str, args)]
    if measure_memory:  # a fresh parent, so RUSAGE_CHILDREN covers this run only
        probe = (
            "import resource, subprocess, sys; "
            "rc = subprocess.run(sys.argv[1:]).returncode; "
            "print('RSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
            "file=sys.stderr); sys.exit(rc)"
        )
        command = [sys.executable, "-c", probe, *command]
    done = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, env=env(plugin_path), timeout=HANG_GUARD)
    stderr = done.stderr.decode("utf-8", "replace")
    rss = None
    if measure_memory:
        lines = stderr.splitlines()
        rss = int(lines[-1].split()[1])
        stderr = "\n".join(lines[:-1])
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), stderr, rss)


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stdout + run.stderr, run.stderr


def assert_one_error_naming(run: Run, path: str | Path, *words: str) -> str:
    """Exactly one stderr line mentions ``path``, it is an fzlint error and holds ``words``."""
    assert_no_traceback(run)
    name = str(path)
    lines = [line for line in run.error_lines() if name in line]
    assert len(lines) == 1, run.stderr
    line = lines[0]
    assert line.startswith("fzlint: 错误："), line
    for word in words:
        assert word in line, line
    return line
