"""fzlint benchmark: every row of issue #17's speed table, plus breakdown, linearity and memory.

    python benchmarks/run.py            # full run (~10 minutes on 2 cores), Markdown on stdout
    python benchmarks/run.py --quick    # fewer runs and smaller inputs, for a smoke test
    python benchmarks/run.py --only cold,fullwidth --out bench.md

Run it with the Python of the environment fzlint is installed in (a venv from the set-up
commands): the cold-start ratios are against that same interpreter's ``python -c pass``.
Every figure comes from a new ``python -m fzlint.cli`` process (the console script too
when it is installed). Wall time is measured around the process, CPU is the child's (and
its workers'), peak memory the largest process's ``ru_maxrss``. Children run with bytecode
caching on, in a temporary ``PYTHONPYCACHEPREFIX``, as an installed fzlint runs
(``PYTHONDONTWRITEBYTECODE`` is removed from their environment and noted when the caller
had it set); nothing is written to the checkout. Medians are over interleaved runs, so a
busy neighbour slows every command alike; the machine's load is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # found through the sys.path entries above
import peers
from harness import LINT, ROOT, Runner, machine, ms, table

SEED = corpus.SEEDS[0]


@dataclass
class Section:
    text: str
    metrics: dict[str, float] = field(default_factory=dict)


def format_available(runner: Runner, name: str) -> bool:
    _, _, code, err, _ = runner.run([*LINT, "check", str(SEED), "--format", name])
    return not (code == 2 and ("输出格式" in err or "format" in err.lower()))


def cold(runner: Runner, runs: int) -> Section:
    seed = str(SEED.relative_to(ROOT))
    concise = "concise" if format_available(runner, "concise") else "json"
    commands = {
        "`python -c pass`": [sys.executable, "-c", "pass"],
        '`python -c "import rich.console"` (what rich output adds)': [sys.executable, "-c", "import rich.console"],
    }
    script = Path(sys.executable).parent / "fzlint"
    for fmt in sorted({concise, "json"}):
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
    rich = "`python -m fzlint.cli check <seed> --color` (rich, as in a terminal)"
    commands[rich] = [*LINT, "check", seed, "--color"]
    if script.exists():
        commands["`fzlint check <seed> --color` (rich)"] = [str(script), "check", seed, "--color"]
    times = runner.medians(commands, runs)
    cpu = {name: statistics.median(c for _, c in samples) for name, samples in times.items()}
    interpreter = cpu["`python -c pass`"]
    rows = []
    for name, samples in times.items():
        walls = [w for w, _ in samples]
        rows.append(
            [
                name,
                ms(statistics.median(walls)),
                ms(min(walls)),
                ms(max(walls)),
                ms(cpu[name]),
                f"{cpu[name] / interpreter:.1f}×",
            ]
        )
    note = (
        "" if concise == "concise" else "\n\n`--format concise` is not available on this build: json stands in for it."
    )
    text = (
        f"### Cold start: one seed, a new process each time ({runs} runs)\n\n"
        + table(["command", "median ms", "min ms", "max ms", "CPU ms (median)", "CPU vs `pass`"], rows)
        + note
    )
    metrics = {
        "pass_ms": interpreter * 1000,
        "cold_concise_x": cpu[f"`python -m fzlint.cli check <seed> --format {concise}`"] / interpreter,
        "cold_rich_x": cpu[rich] / interpreter,
    }
    return Section(text, metrics)


_PROFILE_ROW = re.compile(r"^(?P<name>.+?)\s{2,}(?P<calls>\d*)\s+(?P<ms>[\d.]+)$")


def profile_rows(stderr: str) -> dict[str, float]:
    rows = {}
    for line in stderr.splitlines():
        match = _PROFILE_ROW.match(line.strip())
        if match:
            rows[match["name"]] = float(match["ms"])
    return rows


def breakdown(runner: Runner, runs: int) -> Section:
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
    return Section(
        f"### Breakdown of one cold run (`fzlint check <seed> --format json --profile`, "
        f"medians of {runs})\n\n" + table(["stage", "ms"], rows)
    )


def _linked(directory: Path, paths: list[Path]) -> Path:
    directory.mkdir(exist_ok=True)
    for path in paths:
        target = directory / path.name
        if not target.exists():
            target.symlink_to(path)
    return directory


def busy_loops(runner: Runner, runs: int) -> tuple[float, float]:
    """The machine's own two-core control: (one busy loop, two side by side) wall seconds."""
    loop = [sys.executable, "-c", "sum(i * i for i in range(6_000_000))"]
    both = [sys.executable, "-c", f"import subprocess; [p.wait() for p in [subprocess.Popen({loop!r}) for _ in '12']]"]
    one = statistics.median(runner.run(loop)[0] for _ in range(runs))
    two = statistics.median(runner.run(both)[0] for _ in range(runs))
    return one, two


def batch(runner: Runner, workdir: Path, kind: str, count: int, jobs: int, runs: int) -> Section:
    """One invocation over ``count`` reports: full-width drafts or seeds as published (the P101 flood)."""
    started = time.perf_counter()
    make = corpus.full_width_batch if kind == "fullwidth" else corpus.write_batch
    paths = make(workdir / kind, count)
    made = time.perf_counter() - started
    rows = []
    walls: dict[str, float] = {}
    sizes = sorted({count // 4, count // 2, count})
    for size in sizes:  # linearity: the first `size` files, one process
        directory = _linked(workdir / f"{kind}_{size}", paths[:size])
        for label, extra in [("--jobs 1", ["--jobs", "1"]), (f"--jobs {jobs}", ["--jobs", str(jobs)])]:
            if size != count and label != "--jobs 1":
                continue
            samples = [runner.run([*LINT, "check", str(directory), "--format", "json", *extra]) for _ in range(runs)]
            wall = statistics.median(s[0] for s in samples)
            cpu = statistics.median(s[4] for s in samples)
            peak = max(s[1] for s in samples)
            if size == count:
                walls[label] = wall
            rows.append([str(size), label, f"{wall:.2f}", f"{wall / size * 1000:.2f}", f"{cpu:.2f}", str(peak)])
    one, two = busy_loops(runner, runs)
    control = 2 * one / two
    speedup = walls["--jobs 1"] / walls[f"--jobs {jobs}"]
    title = "full-width drafts" if kind == "fullwidth" else "seeds as published (the P101 flood)"
    text = (
        f"### Batch: {count} {title} in one invocation (`--format json`, medians of {runs}; "
        f"generating them took {made:.1f} s)\n\n"
        + table(["files", "jobs", "wall s", "ms per file", "CPU s (all processes)", "peak RSS MB"], rows)
        + f"\n\n`--jobs {jobs}` is {speedup:.2f}× faster than one process (wall). The machine's own control:"
        f" two busy loops side by side take {two:.2f} s against {one:.2f} s for one, i.e. two cores give"
        f" {control:.2f}× here."
    )
    return Section(
        text,
        {f"{kind}_ms": walls["--jobs 1"] / count * 1000, f"{kind}_jobs_x": speedup, f"{kind}_control_x": control},
    )


def large(runner: Runner, workdir: Path, sizes: list[float]) -> Section:
    rows = []
    metrics: dict[str, float] = {}
    for megabytes in sizes:
        path = workdir / f"large_{megabytes:g}mb.txt"
        path.write_text(corpus.large_report(megabytes), encoding="utf-8")
        actual = path.stat().st_size / 1_000_000
        wall, peak, code, err, _ = runner.run([*LINT, "check", str(path), "--format", "json"])
        status = "" if code in (0, 1) else f" (exit {code}: {err.strip()[:80]})"
        rows.append([f"{actual:.1f}", f"{wall:.2f}", f"{wall / actual:.2f}", str(peak) + status])
        metrics = {"large_mb": actual, "large_s": wall, "large_rss": peak}
        path.unlink()
    return Section(
        "### One large file (part one repeated; `--format json`)\n\n"
        + table(["size MB", "wall s", "s per MB", "peak RSS MB"], rows),
        metrics,
    )


def adversarial(runner: Runner, workdir: Path, length: int) -> Section:
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
    return Section(
        "### Adversarial lines: 10× the input should take about 10× the time\n\n"
        f"One pathological line inside seed 0. Time is `main()` from `--profile` (median of 3) minus "
        f"seed 0's own ({baseline:.0f} ms), i.e. the cost of the line alone.\n\n"
        + table(["line", "chars", "extra ms", "chars (10×)", "extra ms (10×)", "ratio", "peak RSS MB (10×)"], rows)
    )


def cache(runner: Runner, workdir: Path, count: int, runs: int) -> Section:
    directory = workdir / "cached"
    corpus.full_width_batch(directory / "reports", count)
    check = [*LINT, "check", "reports", "--format", "concise", "-j", "1"]
    uncached = runner.run(check, cwd=directory)
    runner.run([*check, "--cache"], cwd=directory)  # fills the cache
    warm = [runner.run([*check, "--cache"], cwd=directory) for _ in range(runs)]
    wall, cpu = statistics.median(w[0] for w in warm), statistics.median(w[4] for w in warm)
    rows = [
        ["uncached", f"{uncached[0]:.2f}", f"{uncached[4]:.2f}"],
        [f"warm cache (median of {runs})", f"{wall:.2f}", f"{cpu:.2f}"],
    ]
    return Section(
        f"### Re-lint of {count} unchanged full-width drafts with `--cache` (`--format concise -j 1`)\n\n"
        + table(["run", "wall s", "CPU s"], rows),
        {"cache_s": wall, "cache_cpu_s": cpu},
    )


def peer_section(runs: int, peers_dir: Path) -> Section:
    text, metrics = peers.measure(peers_dir, runs)
    return Section(text, metrics)


TARGETS = [  # (issue #17 row, metric, format, target test, target text)
    ("one seed cold, concise, vs `python -c pass`", "cold_concise_x", "{:.1f}×", lambda v: v <= 4.0, "≤ 4.0×"),
    ("one seed cold, rich, vs `python -c pass`", "cold_rich_x", "{:.1f}×", lambda v: v <= 5.5, "≤ 5.5×"),
    ("{files} full-width reports, one process", "fullwidth_ms", "{:.1f} ms/file", lambda v: v <= 4, "≤ 4 ms/file"),
    (
        "{files} seeds as published (P101 flood), one process",
        "published_ms",
        "{:.1f} ms/file",
        lambda v: v <= 7,
        "≤ 7 ms/file",
    ),
    ("`--jobs 2` vs one process (full-width batch)", "fullwidth_jobs_x", "{:.2f}×", lambda v: v >= 1.7, "≥ 1.7×"),
    ("two busy loops vs one (the machine's control)", "fullwidth_control_x", "{:.2f}×", None, "—"),
    ("{mb:.0f} MB report, wall", "large_s", "{:.1f} s", lambda v: v <= 10, "≤ 10 s"),
    ("{mb:.0f} MB report, peak RSS", "large_rss", "{:.0f} MB", lambda v: v <= 200, "≤ 200 MB"),
    ("zhlint CPU ÷ fzlint (every rule) CPU, five seeds", "zhlint_x", "{:.2f}×", lambda v: v >= 2, "≥ 2×"),
    ("autocorrect-py CPU ÷ fzlint `--select P1` CPU", "autocorrect_x", "{:.2f}×", lambda v: v >= 1, "≥ 1×"),
    ("re-lint of {files} unchanged files with `--cache`, wall", "cache_s", "{:.2f} s", lambda v: v <= 0.5, "≤ 0.5 s"),
]


def targets(metrics: dict[str, float], files: int) -> str:
    rows = []
    for what, key, fmt, met, target in TARGETS:
        if key not in metrics:
            continue
        value = metrics[key]
        verdict = "" if met is None else "met" if met(value) else "**not met**"
        rows.append(
            [what.format(files=f"{files:,}", mb=metrics.get("large_mb", 0)), fmt.format(value), target, verdict]
        )
    return "### Issue #17's targets, this run\n\n" + table(["row", "measured", "target", ""], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller inputs")
    parser.add_argument("--runs", type=int, help="runs per cold-start command (default 15; quick 5)")
    parser.add_argument("--files", type=int, help="batch size (default 1000; quick 200)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs for the parallel batch run")
    parser.add_argument("--sizes", help="large-file sizes in MB, comma-separated (default 5,10,20)")
    parser.add_argument("--peers-dir", type=Path, default=Path.home() / ".cache" / "fzlint-bench" / "peers")
    sections_help = "cold,breakdown,fullwidth,published,large,adversarial,cache,peers"
    parser.add_argument("--only", help=f"comma-separated sections: {sections_help}")
    parser.add_argument("--out", type=Path, help="also write the Markdown here")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    files = args.files or (200 if args.quick else 1000)
    batch_runs = 1 if args.quick else 3
    sizes = [float(s) for s in (args.sizes or ("1,2,4" if args.quick else "5,10,20")).split(",")]
    only = set((args.only or sections_help).split(","))
    texts = [machine()]
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        texts.append(
            "PYTHONDONTWRITEBYTECODE is set in the caller's environment: it is removed for the measured"
            " processes, which use a private bytecode cache."
        )
    metrics: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="fzlint-bench-") as tmp:
        workdir = Path(tmp)
        runner = Runner(workdir)
        steps = [
            ("cold", lambda: cold(runner, runs)),
            ("breakdown", lambda: breakdown(runner, max(5, runs // 2))),
            ("fullwidth", lambda: batch(runner, workdir, "fullwidth", files, args.jobs, batch_runs)),
            ("published", lambda: batch(runner, workdir, "published", files, args.jobs, batch_runs)),
            ("large", lambda: large(runner, workdir, sizes)),
            ("adversarial", lambda: adversarial(runner, workdir, 10_000 if args.quick else 50_000)),
            ("cache", lambda: cache(runner, workdir, files, batch_runs)),
            ("peers", lambda: peer_section(max(5, runs // 2), args.peers_dir)),
        ]
        for name, step in steps:
            if name in only:
                print(f"benchmark: {name} …", file=sys.stderr, flush=True)
                section = step()
                texts.append(section.text)
                metrics.update(section.metrics)
    texts.insert(1, targets(metrics, files))
    texts.append(f"Load average at the end: {os.getloadavg()[0]:.2f}.")
    text = "\n\n".join(texts) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
