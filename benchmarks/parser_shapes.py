"""The parser on the input shapes that made the old table driver quadratic, at 1×, 2×, 4×.

    python benchmarks/parser_shapes.py            # 1× = 100,000 lines
    python benchmarks/parser_shapes.py 20000      # a smaller 1×

Each shape is classified, tokenised, parsed by the grammar and read into a Report
(``build_report``), in process: the time (best of three, CPU) and the peak of memory
allocated (tracemalloc) are printed with their ratios to 1×. Linear code gives ratios
near 2 and 4; the quadratic driver this replaced gave 4 and 16 (100,000 one-character
lines took 81 s). ``tests/test_speed_parser_linear.py`` holds the ratios at a smaller size.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TITLE = "某局2025年法治政府建设年度报告"


def one_character_lines(n: int) -> str:
    return "\n".join([TITLE, *("字" * n)])


def headings(n: int) -> str:
    return "\n".join([TITLE, "一、主要举措和成效", *(["（一）工作"] * n)])


def text_lines(n: int) -> str:
    return "\n".join([TITLE, "一、主要举措和成效", *(["加强法治宣传，做好各项工作。"] * n)])


def nested(n: int) -> str:
    return "\n".join([TITLE, "一、主要举措和成效", *(["（一）工作", "1.工作", "（1）工作", "①工作"] * (n // 4))])


def parts(n: int) -> str:
    """Level-1 headings out of order, over and over: every one goes through the recovery."""
    cycle = ["一、2026年工作安排", "做好工作。", "二、主要举措和成效", "开展工作。"]
    return "\n".join([TITLE, *(cycle * (n // 4))])


SHAPES: dict[str, Callable[[int], str]] = {
    "one-character lines": one_character_lines,
    "（一）工作 headings": headings,
    "text lines": text_lines,
    "nested headings": nested,
    "parts out of order": parts,
}


@dataclass(frozen=True)
class Sample:
    lines: int
    seconds: float
    peak_bytes: int


def measure(text: str, repeat: int = 3) -> tuple[float, int]:
    """Best CPU time of ``repeat`` runs of build_report, and the peak memory of one."""
    from fzlint import data
    from fzlint.document import Document
    from fzlint.parse.outline import build_report
    from fzlint.parse.parts import PartKeywords

    document = Document.from_text("shape.txt", text)
    keywords = PartKeywords.from_table(data.load("parts"))
    best = float("inf")
    gc.collect()
    gc.disable()  # the collector's passes over a growing heap are not the parser's work
    try:
        for _ in range(repeat):
            start = time.process_time()
            build_report(document, keywords)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    tracemalloc.start()
    build_report(document, keywords)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def growth(shape: Callable[[int], str], base: int, factors: tuple[int, ...] = (1, 2, 4)) -> list[Sample]:
    samples = []
    for factor in factors:
        seconds, peak = measure(shape(base * factor))
        samples.append(Sample(base * factor, seconds, peak))
    return samples


def main(argv: list[str]) -> int:
    base = int(argv[0]) if argv else 100_000
    print(f"{'shape':<22}{'lines':>9}{'seconds':>10}{'×':>6}{'peak MB':>10}{'×':>6}")
    for name, shape in SHAPES.items():
        samples = growth(shape, base)
        first = samples[0]
        for sample in samples:
            print(
                f"{name:<22}{sample.lines:>9}{sample.seconds:>10.3f}{sample.seconds / first.seconds:>6.2f}"
                f"{sample.peak_bytes / 1e6:>10.1f}{sample.peak_bytes / first.peak_bytes:>6.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(sys.argv[1:]))
