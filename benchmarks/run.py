"""fzlint benchmark: cold start, per-stage breakdown, batch throughput, memory, linearity.

    python benchmarks/run.py            # full run (~3 minutes on 2 cores), Markdown on stdout
    python benchmarks/run.py --quick    # fewer runs and smaller inputs, for a smoke test

Every figure comes from a new ``python -m fzlint.cli`` process (the console script
too when it is installed). Wall time is measured around the process, peak
memory is the child's ``ru_maxrss`` (for ``--jobs`` the largest process of the
tree). Children run with bytecode caching on, in a temporary
``PYTHONPYCACHEPREFIX``, as an installed fzlint runs; nothing is written to
the checkout. Medians are over interleaved runs, so a busy neighbour slows
every command alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # found through the sys.path entry above

ROOT = corpus.ROOT
SEED = corpus.SEEDS[0]
LINT = [sys.executable, "-m", "fzlint.cli"]


class Runner:
    def __init__(self, workdir: Path) -> None:
        self.env = dict(os.environ)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        self.env.pop("FORCE_COLOR", None)

    def run(self, cmd: list[str], stdin: Path | None = None) -> tuple[float, int, int, str, float]:
        """(wall s, peak RSS MB, exit code, stderr, CPU s) of one new process (CPU includes its workers)."""
        with tempfile.TemporaryFile() as err, open(stdin or os.devnull, "rb") as source:
            started = time.perf_counter()
            process = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdin=source, stdout=subprocess.DEVNULL, stderr=err)
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


def format_available(runner: Runner, name: str) -> bool:
    _, _, code, err, _ = runner.run([*LINT, "check", str(SEED), "--format", name])
    return not (code == 2 and ("输出格式" in err or "format" in err.lower()))


def cold(runner: Runner, runs: int) -> str:
    seed = str(SEED.relative_to(ROOT))
    concise = "concise" if format_available(runner, "concise") else None
    commands = {
        "`python -c pass`": [sys.executable, "-c", "pass"],
        '`python -c "import lark, pluggy"`': [sys.executable, "-c", "import lark, pluggy"],
    }
    script = Path(sys.executable).parent / "fzlint"
    for fmt in filter(None, [concise, "json"]):
        commands[f"`python -m fzlint.cli check <seed> --format {fmt}`"] = [*LINT, "check", seed, "--format", fmt]
        if script.exists():
            commands[f"`fzlint check <seed> --format {fmt}`"] = [str(script), "check", seed, "--format", fmt]
    jieba_seed = str(corpus.SEEDS[1].relative_to(ROOT))  # has a T102 candidate: jieba is loaded
    commands["`python -m fzlint.cli check <seed 001> --format json` (T102 loads jieba)"] = [
        *LINT,
        "check",
        jieba_seed,
        "--format",
        "json",
    ]
    commands["`python -m fzlint.cli check <seed>` (rich, no TTY)"] = [*LINT, "check", seed]
    commands["`python -m fzlint.cli check <seed> --color` (rich, as in a terminal)"] = [*LINT, "check", seed, "--color"]
    if script.exists():
        commands["`fzlint check <seed> --color` (rich)"] = [str(script), "check", seed, "--color"]
    times = runner.medians(commands, runs)
    rows = []
    for name, samples in times.items():
        walls, cpus = [w for w, _ in samples], [c for _, c in samples]
        rows.append([name, ms(statistics.median(walls)), ms(min(walls)), ms(max(walls)), ms(statistics.median(cpus))])
    note = "" if concise else "\n\n`--format concise` is not available on this build: json stands in for it."
    return (
        f"### Cold start: one seed, a new process each time ({runs} runs)\n\n"
        + table(["command", "median ms", "min ms", "max ms", "CPU ms (median)"], rows)
        + note
    )


_PROFILE_ROW = re.compile(r"^(?P<name>.+?)\s{2,}(?P<calls>\d*)\s+(?P<ms>[\d.]+)$")


def profile_rows(stderr: str) -> dict[str, float]:
    rows = {}
    for line in stderr.splitlines():
        match = _PROFILE_ROW.match(line.strip())
        if match:
            rows[match["name"]] = float(match["ms"])
    return rows


def breakdown(runner: Runner, runs: int) -> str:
    cmd = [*LINT, "check", str(SEED.relative_to(ROOT)), "--format", "json", "--profile"]
    samples: dict[str, list[float]] = {}
    walls, interpreter = [], []
    runner.run(cmd)
    for _ in range(runs):
        wall, _, _, err, _ = runner.run(cmd)
        walls.append(wall)
        interpreter.append(runner.run([sys.executable, "-c", "pass"])[0])
        for name, value in profile_rows(err).items():
            samples.setdefault(name, []).append(value)
    rows = [["interpreter alone (`python -c pass`, for scale)", f"{statistics.median(interpreter) * 1000:.1f}"]]
    rows += [[name, f"{statistics.median(values):.1f}"] for name, values in samples.items()]
    rows.append(["whole process, wall (incl. interpreter exit)", f"{statistics.median(walls) * 1000:.1f}"])
    return (
        f"### Breakdown of one cold run (`fzlint check <seed> --format json --profile`, "
        f"medians of {runs})\n\n" + table(["stage", "ms"], rows)
    )


def batch(runner: Runner, workdir: Path, count: int, jobs: int, runs: int) -> str:
    started = time.perf_counter()
    paths = corpus.write_batch(workdir / "batch", count)
    made = time.perf_counter() - started
    rows = []
    sizes = sorted({count // 4, count // 2, count})
    for size in sizes:  # linearity: the first `size` files, single process
        directory = workdir / f"batch_{size}"
        directory.mkdir(exist_ok=True)
        for path in paths[:size]:
            target = directory / path.name
            if not target.exists():
                target.symlink_to(path)
        for label, extra in [("--jobs 1", ["--jobs", "1"]), (f"--jobs {jobs}", ["--jobs", str(jobs)])]:
            if size != count and label != "--jobs 1":
                continue
            samples = [runner.run([*LINT, "check", str(directory), "--format", "json", *extra]) for _ in range(runs)]
            wall = statistics.median(s[0] for s in samples)
            cpu = statistics.median(s[4] for s in samples)
            peak = max(s[1] for s in samples)
            rows.append([str(size), label, f"{wall:.2f}", f"{wall / size * 1000:.2f}", f"{cpu:.2f}", str(peak)])
    auto = runner.run([*LINT, "check", str(workdir / "batch"), "--format", "json"])
    rows.append(
        [
            str(count),
            "default (auto)",
            f"{auto[0]:.2f}",
            f"{auto[0] / count * 1000:.2f}",
            f"{auto[4]:.2f}",
            str(auto[1]),
        ]
    )
    return (
        f"### Batch: {count} generated reports in one invocation (`--format json`, medians of {runs}; "
        f"generating them took {made:.1f} s)\n\n"
        + table(["files", "jobs", "wall s", "ms per file", "CPU s (all processes)", "peak RSS MB"], rows)
    )


def large(runner: Runner, workdir: Path, sizes: list[float]) -> str:
    rows = []
    for megabytes in sizes:
        path = workdir / f"large_{megabytes:g}mb.txt"
        path.write_text(corpus.large_report(megabytes), encoding="utf-8")
        actual = path.stat().st_size / 1_000_000
        wall, peak, code, err, _ = runner.run([*LINT, "check", str(path), "--format", "json"])
        status = "" if code in (0, 1) else f" (exit {code}: {err.strip()[:80]})"
        rows.append([f"{actual:.1f}", f"{wall:.2f}", f"{wall / actual:.2f}", str(peak) + status])
        path.unlink()
    return "### One large file (part one repeated; `--format json`)\n\n" + table(
        ["size MB", "wall s", "s per MB", "peak RSS MB"], rows
    )


def adversarial(runner: Runner, workdir: Path, length: int) -> str:
    def main_ms(text: str) -> tuple[float, int]:
        path = workdir / "adversarial.txt"
        path.write_text(text, encoding="utf-8")
        samples = [runner.run([*LINT, "check", str(path), "--format", "json", "--profile"]) for _ in range(3)]
        totals = sorted(profile_rows(s[3]).get("main() total", float("nan")) for s in samples)
        return totals[1], max(s[1] for s in samples)

    baseline, _ = main_ms(corpus.seed_texts()[0])
    rows = []
    for kind in corpus.ADVERSARIAL:
        small, _ = main_ms(corpus.adversarial_report(kind, length))
        big, peak = main_ms(corpus.adversarial_report(kind, length * 10))
        extra_small, extra_big = max(small - baseline, 0.1), max(big - baseline, 0.1)
        rows.append(
            [
                kind,
                f"{length:,}",
                f"{extra_small:.0f}",
                f"{length * 10:,}",
                f"{extra_big:.0f}",
                f"{extra_big / extra_small:.1f}×",
                str(peak),
            ]
        )
    return (
        "### Adversarial lines: 10× the input should take about 10× the time\n\n"
        f"One pathological line inside seed 0. Time is `main()` from `--profile` (median of 3) minus "
        f"seed 0's own ({baseline:.0f} ms), i.e. the cost of the line alone.\n\n"
        + table(["line", "chars", "extra ms", "chars (10×)", "extra ms (10×)", "ratio", "peak RSS MB (10×)"], rows)
    )


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller inputs")
    parser.add_argument("--runs", type=int, help="runs per cold-start command (default 15; quick 5)")
    parser.add_argument("--files", type=int, help="batch size (default 1000; quick 200)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs for the parallel batch run")
    parser.add_argument("--sizes", help="large-file sizes in MB, comma-separated (default 5,10,20)")
    parser.add_argument("--only", help="comma-separated sections: cold,breakdown,batch,large,adversarial")
    parser.add_argument("--out", type=Path, help="also write the Markdown here")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    files = args.files or (200 if args.quick else 1000)
    sizes = [float(s) for s in (args.sizes or ("1,2,4" if args.quick else "5,10,20")).split(",")]
    only = set((args.only or "cold,breakdown,batch,large,adversarial").split(","))
    sections = [machine()]
    with tempfile.TemporaryDirectory(prefix="fzlint-bench-") as tmp:
        workdir = Path(tmp)
        runner = Runner(workdir)
        steps = [
            ("cold", lambda: cold(runner, runs)),
            ("breakdown", lambda: breakdown(runner, max(5, runs // 2))),
            ("batch", lambda: batch(runner, workdir, files, args.jobs, 1 if args.quick else 3)),
            ("large", lambda: large(runner, workdir, sizes)),
            ("adversarial", lambda: adversarial(runner, workdir, 10_000 if args.quick else 50_000)),
        ]
        for name, step in steps:
            if name in only:
                print(f"benchmark: {name} …", file=sys.stderr, flush=True)
                sections.append(step())
    text = "\n\n".join(sections) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
