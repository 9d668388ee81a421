"""What every benchmark script shares: new processes timed by wall and CPU, Markdown tables."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = [sys.executable, "-m", "fzlint.cli"]


class Runner:
    def __init__(self, workdir: Path) -> None:
        self.env = dict(os.environ)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        self.env.pop("FORCE_COLOR", None)

    def run(self, cmd: list[str], stdin: Path | None = None, cwd: Path = ROOT) -> tuple[float, int, int, str, float]:
        """(wall s, peak RSS MB, exit code, stderr, CPU s) of one new process (CPU includes its workers)."""
        with tempfile.TemporaryFile() as err, open(stdin or os.devnull, "rb") as source:
            started = time.perf_counter()
            process = subprocess.Popen(cmd, cwd=cwd, env=self.env, stdin=source, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            cpu = usage.ru_utime + usage.ru_stime
            return wall, usage.ru_maxrss // 1024, process.returncode, err.read().decode("utf-8", "replace"), cpu

    def medians(self, commands: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float]]]:
        """(wall, CPU) samples per command, the commands interleaved run by run."""
        for cmd in commands.values():  # warm the bytecode cache and the page cache
            self.run(cmd)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                wall, _, _, _, cpu = self.run(cmd)
                times[name].append((wall, cpu))
        return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = (
        subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        or "unknown"
    )
    return (
        f"Machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}; "
        f"fzlint commit {commit}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"load average at start {os.getloadavg()[0]:.2f}."
    )
