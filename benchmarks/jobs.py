"""``--jobs 2`` against one process on the same batch, beside the machine's own two-core control.

    python benchmarks/jobs.py [--files 1000] [--rounds 3] [--format concise] [--batch DIR]

The control runs the same pure-Python busy loop once in one process and twice in two
processes at the same time: its ratio (2 × one loop's time / the pair's wall time) is what
two cores give right now, on a shared machine often well below 2. The fzlint rows time
``check BATCH -j 1`` and ``-j 2`` (whole process, wall and CPU), rounds interleaved so that
changing load hits both alike; medians. Builds 1,000 full-width drafts from the seeds
(benchmarks/corpus.py) unless --batch names a folder.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import full_width_batch

_LOOP = "n = 0\nfor i in range(30_000_000):\n    n += i\n"


def timed(commands: list[list[str]], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``commands`` run at the same time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    running = [
        subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for command in commands
    ]
    for process in running:
        process.wait()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--format", default="concise")
    parser.add_argument("--batch", type=Path, help="a folder of reports (default: full-width drafts from the seeds)")
    args = parser.parse_args()
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set (cold imports compile every module)")
    loop = [sys.executable, "-c", _LOOP]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        batch = args.batch
        if batch is None:
            batch = root / "reports"
            full_width_batch(batch, args.files)
        check = [sys.executable, "-m", "fzlint.cli", "check", str(batch), "--format", args.format]
        rows: dict[str, list[tuple[float, float]]] = {"loop x1": [], "loop x2": [], "-j 1": [], "-j 2": []}
        for _ in range(args.rounds):
            rows["loop x1"].append(timed([loop], root))
            rows["loop x2"].append(timed([loop, loop], root))
            rows["-j 1"].append(timed([[*check, "-j", "1"]], root))
            rows["-j 2"].append(timed([[*check, "-j", "2"]], root))
    wall = {name: statistics.median(w for w, _ in runs) for name, runs in rows.items()}
    cpu = {name: statistics.median(c for _, c in runs) for name, runs in rows.items()}
    print(f"load average at end: {os.getloadavg()[0]:.2f}; {args.rounds} rounds, medians; batch {batch.name}")
    for name in rows:
        print(f"{name:8} {wall[name]:7.2f} s wall {cpu[name]:7.2f} s CPU")
    print(f"two cores give (busy-loop control): {2 * wall['loop x1'] / wall['loop x2']:.2f}x")
    print(f"--jobs 2 vs one process:            {wall['-j 1'] / wall['-j 2']:.2f}x faster (wall)")


if __name__ == "__main__":
    main()
