"""fzlint beside its peers on the five seeds: whole process, CPU, ratios from one interleaved run.

    python benchmarks/peers.py [--runs 11] [--peers-dir DIR]

Peers are installed from the package registries into ``--peers-dir`` (default
``~/.cache/fzlint-bench/peers``, outside the checkout; reused when present):

- zhlint (npm): Chinese punctuation and spacing, the closest peer;
- @lint-md/cli (npm): Chinese Markdown rules (needs ``.md`` names: the seeds are copied);
- textlint (npm) with textlint-rule-zh-half-and-full-width-bracket;
- autocorrect-py (PyPI, Rust core): CJK spacing and punctuation, called once per file.

A peer that cannot be installed (no registry) is reported as such, never silently dropped.
fzlint runs every rule (its default), and once with ``--select P1`` (punctuation only, what
the peers check). Children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` unset, a
private ``PYTHONPYCACHEPREFIX``), as an installed fzlint runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
NPM_PACKAGES = ["zhlint", "@lint-md/cli", "textlint", "textlint-rule-zh-half-and-full-width-bracket"]
AUTOCORRECT = """
import sys, autocorrect_py
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        autocorrect_py.lint_for(handle.read(), path)
"""


def install(peers: Path) -> dict[str, str]:
    """Install the peers into ``peers``; returns why each missing one is missing."""
    problems: dict[str, str] = {}
    node = peers / "node"
    if not (node / "node_modules" / ".bin" / "zhlint").exists():
        node.mkdir(parents=True, exist_ok=True)
        (node / "package.json").write_text('{"name": "fzlint-bench-peers", "private": true}\n')
        npm = shutil.which("npm")
        if npm is None:
            problems["npm"] = "npm is not installed"
        else:
            done = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", *NPM_PACKAGES],
                cwd=node,
                capture_output=True,
                text=True,
                timeout=600,
            )
            if done.returncode:
                problems["npm"] = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "npm failed"
    venv = peers / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    has = subprocess.run([str(python), "-c", "import autocorrect_py"], capture_output=True)
    if has.returncode:
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "autocorrect-py"], capture_output=True, text=True
        )
        if done.returncode:
            problems["autocorrect-py"] = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
    return problems


def commands(peers: Path, work: Path) -> dict[str, tuple[list[str], Path]]:
    """Command and working directory per row; each lints the same five seeds."""
    txt, md = work / "txt", work / "md"
    txt.mkdir()
    md.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, txt / seed.name)
        shutil.copy(seed, md / (seed.stem + ".md"))
    names = [seed.name for seed in SEEDS]
    bin_ = peers / "node" / "node_modules" / ".bin"
    python = peers / "venv" / "bin" / "python"
    rows: dict[str, tuple[list[str], Path]] = {
        "`python -c pass` (this interpreter)": ([sys.executable, "-c", "pass"], txt),
        "fzlint check (every rule)": (
            [sys.executable, "-m", "fzlint.cli", "check", *names, "--format", "concise"],
            txt,
        ),
        "fzlint check --select P1": (
            [sys.executable, "-m", "fzlint.cli", "check", *names, "--format", "concise", "--select", "P1"],
            txt,
        ),
    }
    if (bin_ / "zhlint").exists():
        rows["zhlint (npm)"] = ([str(bin_ / "zhlint"), "*.txt"], txt)
    if (bin_ / "lint-md").exists():
        rows["@lint-md/cli (npm)"] = ([str(bin_ / "lint-md"), *(Path(n).stem + ".md" for n in names)], md)
    if (bin_ / "textlint").exists():
        rule = "zh-half-and-full-width-bracket"
        rows[f"textlint --rule {rule} (npm)"] = (
            [str(bin_ / "textlint"), "--rule", rule, *names],
            txt,
        )
    if python.exists():
        rows["autocorrect-py (PyPI, Rust)"] = ([str(python), "-c", AUTOCORRECT, *names], txt)
    return rows


def cpu_of(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """(CPU seconds of the whole process tree, exit code)."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def measure(peers: Path, runs: int) -> tuple[str, dict[str, float]]:
    """The Markdown table and the ratios issue #17 asks for (peer CPU ÷ fzlint CPU)."""
    problems = install(peers)
    with tempfile.TemporaryDirectory(prefix="fzlint-peers-") as scratch:
        work = Path(scratch)
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        rows = commands(peers, work)
        codes = {name: cpu_of(cmd, cwd, env)[1] for name, (cmd, cwd) in rows.items()}  # warm caches
        samples: dict[str, list[float]] = {name: [] for name in rows}
        for _ in range(runs):
            for name, (cmd, cwd) in rows.items():
                samples[name].append(cpu_of(cmd, cwd, env)[0])
    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    every, punctuation = median["fzlint check (every rule)"], median["fzlint check --select P1"]
    lines = [
        f"### Peers on the five seeds (whole process CPU, medians of {runs} interleaved runs)",
        "",
        "| command | CPU ms | vs fzlint (every rule) | vs fzlint --select P1 | exit |",
        "|---|---|---|---|---|",
    ]
    for name, value in median.items():
        lines.append(f"| {name} | {value:.0f} | {value / every:.2f}× | {value / punctuation:.2f}× | {codes[name]} |")
    lines += ["", "A ratio above 1 means the command costs more CPU than fzlint's."]
    for peer, why in problems.items():
        lines.append(f"- {peer} could not be installed: {why}")
    metrics = {}
    if "zhlint (npm)" in median:
        metrics["zhlint_x"] = median["zhlint (npm)"] / every
    if "autocorrect-py (PyPI, Rust)" in median:
        metrics["autocorrect_x"] = median["autocorrect-py (PyPI, Rust)"] / punctuation
    return "\n".join(lines), metrics


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--peers-dir", type=Path, default=Path.home() / ".cache" / "fzlint-bench" / "peers")
    args = parser.parse_args()
    print(measure(args.peers_dir, args.runs)[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
