"""Re-lint of 1,000 unchanged files with --cache: the second run answers from the cache.

    python benchmarks/cache.py

Builds 1,000 full-width drafts from the seeds (benchmarks/corpus.py) in a temporary folder,
runs `fzlint check --cache -j 1 --format concise` once to fill the cache, then times three
warm runs (whole process, wall and CPU) beside `python -c pass` and an uncached run.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import full_width_batch


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set (cold imports compile every module)")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        full_width_batch(root / "reports", 1000)
        check = [sys.executable, "-m", "fzlint.cli", "check", "reports", "--format", "concise", "-j", "1"]
        uncached = timed(check, root)
        timed([*check, "--cache"], root)  # fills the cache
        warm = [timed([*check, "--cache"], root) for _ in range(3)]
        interpreter = timed([sys.executable, "-c", "pass"], root)
    best = min(warm)
    print(f"1,000 files, uncached:          {uncached[0]:6.2f} s wall, {uncached[1]:6.2f} s CPU")
    print(f"1,000 files, warm cache (best): {best[0]:6.2f} s wall, {best[1]:6.2f} s CPU")
    print(f"python -c pass:                 {interpreter[0]:6.2f} s wall, {interpreter[1]:6.2f} s CPU")


if __name__ == "__main__":
    main()
