"""Adversarial inputs for every built-in pattern, and a 1× vs 10× timing table.

Each case builds text of a given size aimed at one place where a regular
expression or a loop could go super-linear (long runs of 一是, digits, 《,
spaces, brackets, 一、一、…, XXXX…, repeated "<p", "字号" + spaces …). Linear
code costs about 10× the time for 10× the input; a quadratic one costs 100×.

    python benchmarks/adversarial.py            # 1× = 100,000 characters
    python benchmarks/adversarial.py 20000      # a smaller 1×

``benchmarks/run.py --only adversarial`` times a few hostile reports through
the whole CLI; this script covers every built-in pattern in process, one case
each, and :func:`measure` / :func:`format_table` can be called from elsewhere.
The robustness tests call :func:`cases` at a moderate size and only assert
that linting completes (no wall-clock assertions in tests).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from registry_for_tests import REGISTRY

TITLE = "某局2025年法治政府建设年度报告"
HEAD = f"{TITLE}\n一、2025年主要举措和成效\n"
TAIL = "\n二、存在的不足和原因\n（一）2024年度存在问题的改进情况\n{body}\n三、2026年工作安排\n做好工作。\n"
SENTENCE = "加强法治宣传工作。"
IMPROVEMENT_PAIR = (
    "（一）上一年度存在问题的改进情况\n加强法治宣传工作做好各项改进。\n"
    "（二）存在的不足和原因\n加强法治宣传工作做好各项改进。\n"
)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _lines(unit: str, size: int) -> str:
    return "\n".join(_repeat(unit, 60).split("\n") * max(1, size // 60))


def _in_improvement(body: str) -> str:
    return HEAD + TAIL.format(body=body)


def _twins(n: int) -> str:
    half = _repeat(SENTENCE, n // 2)
    return _in_improvement(half + "\n（二）不足\n" + half)


# name -> (what it targets, generator of roughly `size` characters)
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "enumerators": ("N104/N105 一是 scanning", lambda n: HEAD + _repeat("一是", n)),
    "enumerators-lost-shi": ("N105 二深化 lookahead", lambda n: HEAD + "一是做。" + _repeat("二深", n)),
    "numerals": ("heading numeral runs", lambda n: _repeat("一", n) + "x"),
    "bracket-numerals": ("（一…一 heading pattern", lambda n: "（" + _repeat("一", n) + "x"),
    "digits": ("1. heading and date patterns", lambda n: _repeat("1", n)),
    "digit-heading": ("(1234… level-4 pattern", lambda n: "(" + _repeat("1", n)),
    "book-marks": ("《 runs", lambda n: _repeat("《", n)),
    "open-parens": ("((( runs", lambda n: _repeat("(", n)),
    "fullwidth-parens": ("（（（ runs", lambda n: _repeat("（", n)),
    "spaces": ("indent / strip on a long run of spaces", lambda n: "a" + _repeat(" ", n) + "b"),
    "ideographic-spaces": ("　 runs", lambda n: "　" * n + "一、工作"),
    "heading-chain": ("一、一、一、… on one line", lambda n: _repeat("一、", n)),
    "heading-lines": ("一、 on every line", lambda n: _lines("一、工作\n", n)),
    "placeholder-x": ("S104 placeholder XX+", lambda n: _in_improvement(_repeat("X", n) + "Y")),
    "placeholder-lower": ("S104 placeholder xx+ (ignorecase)", lambda n: _in_improvement(_repeat("x", n) + "。")),
    "font-size-spaces": ("W101 字号 … 大 中 小", lambda n: "字号" + _repeat(" ", n) + "x"),
    "font-size-repeat": ("W101 字号 repeated", lambda n: _repeat("字号 大 ", n)),
    "html-tags": ("W101 <p … > tag pattern", lambda n: _repeat("<p", n)),
    "html-entities": ("W101 &#ddd; pattern", lambda n: "&#" + _repeat("1", n)),
    "source-line": ("W101 来源…发布时间", lambda n: _repeat("来源：", n)),
    "markdown-prefix": ("markdown # > ** prefix", lambda n: _repeat("> ", n) + "一、工作"),
    "markdown-hashes": ("markdown ####### prefix", lambda n: _repeat("#", n) + " 一、工作"),
    "date-spaces": ("closing date pattern", lambda n: HEAD + "\n2025年1月1日" + _repeat(" ", n) + "x"),
    "cjk-run": ("W102 mojibake CJK run", lambda n: _repeat("鏀垮姟鍏紑", n)),
    "garbled-term": ("W102 term search", lambda n: _repeat("探花公开", n)),
    "sentence-punct": ("enumerator sentence starts", lambda n: HEAD + _repeat("。一", n)),
    "han-run-ascii-comma": ("P1xx e-mail/URL skip on a long run of \\w", lambda n: HEAD + _repeat("中", n) + ",好"),
    "dash-run": ("P1xx e-mail/URL skip on ----", lambda n: HEAD + _repeat("-", n) + ",好"),
    "percent-digits": ("D102 rate value", lambda n: HEAD + "完成率" + _repeat("０", n)),
    "twin-sections": ("S104 near-duplicate search", _twins),
    "many-improvement-sections": (
        "S104 pairs bounded",
        lambda n: HEAD + "二、存在的不足和原因\n" + _lines(IMPROVEMENT_PAIR, n),
    ),
}


def cases(size: int) -> Iterator[tuple[str, str]]:
    """(name, text) for every adversarial case at roughly ``size`` characters."""
    for name, (_, build) in CASES.items():
        yield name, build(size)


@dataclass
class Timing:
    name: str
    target: str
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / self.small if self.small > 0 else float("inf")


def lint_seconds(text: str) -> float:
    """Seconds to classify, parse and run every built-in rule over ``text``."""
    from fzlint.document import Document
    from fzlint.run.engine import lint_document
    from fzlint.settings import Settings

    start = time.perf_counter()
    lint_document(Document.from_text("adversarial.txt", text), Settings(), REGISTRY)
    return time.perf_counter() - start


def measure(size: int = 100_000, factor: int = 10, repeat: int = 3) -> list[Timing]:
    """Best-of-``repeat`` seconds for each case at ``size`` and at ``factor`` × ``size``."""
    lint_seconds(HEAD)  # build the parser and load the data tables outside the timings
    rows = []
    for name, (target, build) in CASES.items():
        small_text, large_text = build(size), build(size * factor)
        small = min(lint_seconds(small_text) for _ in range(repeat))
        large = min(lint_seconds(large_text) for _ in range(max(1, repeat - 1)))
        rows.append(Timing(name, target, small, large))
    return rows


def format_table(rows: list[Timing], factor: int = 10) -> str:
    lines = [f"{'case':28} {'1× s':>9} {f'{factor}× s':>9} {'ratio':>7}  target"]
    for row in rows:
        flag = "  <-- super-linear?" if row.ratio > factor * 3 and row.large > 0.05 else ""
        lines.append(f"{row.name:28} {row.small:9.4f} {row.large:9.4f} {row.ratio:7.1f}  {row.target}{flag}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    size = int(argv[0]) if argv else 100_000
    rows = measure(size)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
