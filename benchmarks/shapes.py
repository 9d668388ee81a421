"""The input shapes of issue 12 at 1×, 2× and 4× through the real CLI: time, peak memory, ratios.

Each case is one ``fzlint check --format json FILE`` in its own subprocess, started by a
fresh probe process so ``resource.getrusage(RUSAGE_CHILDREN)`` is that run's peak RSS alone.
Linear code shows time and memory ratios near 2 and 4; quadratic code near 4 and 16.

    python benchmarks/shapes.py                 # the sizes of the issue (parser shapes: minutes)
    python benchmarks/shapes.py --scale 0.1     # a tenth of each size
    python benchmarks/shapes.py --only numbering,comments
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "某局2025年法治政府建设年度报告"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PROBE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


@dataclass(frozen=True)
class Shape:
    name: str
    size: int  # the 1× size of the issue
    suffix: str
    build: Callable[[int], bytes]
    unit: str


def _text(text: str) -> bytes:
    return text.encode("utf-8")


def _numbered_docx(paragraphs: int) -> bytes:
    """Every paragraph numbered upperLetter from w:start 300,000,000 (once 1.36 GB in 60 s)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="7"><w:lvl w:ilvl="0">'
            '<w:start w:val="300000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    document.add_paragraph(TITLE)
    for _ in range(paragraphs):
        p_pr = document.add_paragraph("工作")._p.get_or_add_pPr()
        p_pr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>'))
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out):  # a valid package
        pass
    return out.getvalue()


SHAPES = [
    Shape("one-char-lines", 100_000, ".txt", lambda n: _text("x\n" * n), "lines"),
    Shape("headings", 100_000, ".txt", lambda n: _text(TITLE + "\n" + "（一）工作\n" * n), "headings"),
    Shape("comments", 20_000, ".md", lambda n: _text("<!--fzlint-" * n), "<!--fzlint-"),
    Shape(
        "directives",
        20_000,
        ".md",
        lambda n: _text("\n".join(["<!-- fzlint-disable-next-line P102 -->", "政务 公开"] * n)),
        "directives",
    ),
    Shape("guillemets", 1_000_000, ".txt", lambda n: _text("《" * n), "《 on one line"),
    Shape("numbering", 5_000, ".docx", _numbered_docx, "numbered paragraphs"),
]


def measure(shape: Shape, size: int, folder: Path) -> tuple[float, int]:
    """(seconds, peak RSS in KB) of one CLI run over ``size`` units of ``shape``."""
    path = folder / f"{shape.name}-{size}{shape.suffix}"
    path.write_bytes(shape.build(size))
    command = [sys.executable, "-c", PROBE, sys.executable, "-m", "fzlint.cli", "check", "--format", "json", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    seconds, rss = done.stdout.split()
    return float(seconds), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every 1× size")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    args = parser.parse_args()
    chosen = [s for s in SHAPES if not args.only or s.name in args.only.split(",")]
    print("| shape | 1× | time 1× / 2× / 4× (s) | ratio | peak MB 1× / 2× / 4× | ratio |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as temporary:
        for shape in chosen:
            size = max(1, int(shape.size * args.scale))
            runs = [measure(shape, size * k, Path(temporary)) for k in (1, 2, 4)]
            times = [t for t, _ in runs]
            mbs = [rss / 1024 for _, rss in runs]
            print(
                f"| {shape.name} | {size:,} {shape.unit} | "
                + " / ".join(f"{t:.2f}" for t in times)
                + f" | {times[1] / times[0]:.1f}, {times[2] / times[0]:.1f} | "
                + " / ".join(f"{m:.0f}" for m in mbs)
                + f" | {mbs[1] / mbs[0]:.1f}, {mbs[2] / mbs[0]:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
