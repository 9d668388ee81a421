"""Inputs for the benchmark, generated from the seed reports.

Every batch file differs from the others (years shifted, figures changed, the
sections of part one in another order), so no cache keyed by content can skip
work. Large files repeat part one's sections until the size is reached;
adversarial files put one pathological line inside a real report.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

_YEAR = re.compile(r"(?<![0-9])(20[12][0-9])(?![0-9])")
# A figure followed by a unit: 911个, 36.5%, 100次 (heading markers such as 1. are left alone).
_FIGURE = re.compile(r"(?<![0-9.])[0-9]{1,4}(?:\.[0-9]+)?(?=[个件次人项场家%％万亿条起份余户天])")

# name -> the pathological line, as a function of its length in characters
ADVERSARIAL = {
    "一是 repeated": lambda n: "一是" * (n // 2),
    "digits": lambda n: "1" * n,
    "《 repeated": lambda n: "《" * n,
    "spaces": lambda n: "正文" + " " * (n - 4) + "结束",
    "（一） repeated": lambda n: "（一）" * (n // 3),
}


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SEEDS]


def _blocks(lines: list[str]) -> tuple[list[str], list[list[str]], list[str]]:
    """Part one split into: lines before its first level-2 heading, the level-2 blocks, the rest."""
    from fzlint.parse.lines import classify_line

    levels = []
    for index, text in enumerate(lines):
        line = classify_line(index, text)
        levels.append(line.marker.level if line.marker else 0)
    ones = [i for i, level in enumerate(levels) if level == 1]
    if len(ones) < 2:
        return lines, [], []
    start, end = ones[0], ones[1]
    twos = [i for i in range(start, end) if levels[i] == 2]
    if len(twos) < 2:
        return lines, [], []
    head = lines[: twos[0]]
    blocks = [lines[a:b] for a, b in zip(twos, [*twos[1:], end], strict=True)]
    return head, blocks, lines[end:]


def _shuffled_sections(text: str, rng: random.Random) -> str:
    """Part one's level-2 sections in a new order, each keeping the marker of its new place."""
    from fzlint.parse.lines import classify_line

    lines = text.split("\n")
    head, blocks, rest = _blocks(lines)
    if not blocks:
        return text
    markers = []
    for block in blocks:
        marker = classify_line(0, block[0]).marker
        assert marker is not None
        markers.append(block[0][marker.start : marker.end])
    order = list(range(len(blocks)))
    rng.shuffle(order)
    out = list(head)
    for position, index in enumerate(order):
        block = list(blocks[index])
        marker = classify_line(0, block[0]).marker
        assert marker is not None
        block[0] = block[0][: marker.start] + markers[position] + block[0][marker.end :]
        out += block
    return "\n".join(out + rest)


def varied_report(texts: list[str], index: int) -> str:
    """The ``index``-th batch file: a seed with years, figures and section order varied."""
    rng = random.Random(index)
    text = texts[index % len(texts)]
    shift = rng.randint(-3, 3)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _FIGURE.sub(lambda m: _other_figure(m.group(0), rng), text)
    return _shuffled_sections(text, rng)


def _other_figure(figure: str, rng: random.Random) -> str:
    if "." in figure:
        fraction = figure.partition(".")[2]
        return f"{rng.randint(1, 99)}.{rng.randint(0, 10 ** len(fraction) - 1)}"
    return str(rng.randint(1, 10 ** len(figure) - 1))


def write_batch(directory: Path, count: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    texts = seed_texts()
    paths = []
    for index in range(count):
        path = directory / f"report_{index:05d}.txt"
        path.write_text(varied_report(texts, index), encoding="utf-8")
        paths.append(path)
    return paths


def large_report(megabytes: float) -> str:
    """One report of about ``megabytes`` MB (UTF-8): seed 0 with part one repeated."""
    text = seed_texts()[0]
    lines = text.split("\n")
    head, blocks, rest = _blocks(lines)
    body = "\n".join(line for block in blocks for line in block)
    target = int(megabytes * 1_000_000)
    fixed = len("\n".join(head + rest).encode("utf-8"))
    copies = max(1, (target - fixed) // (len(body.encode("utf-8")) + 1))
    return "\n".join([*head, *([body] * copies), *rest])


def adversarial_report(kind: str, length: int) -> str:
    """Seed 0 with one pathological line of ``length`` characters in part one."""
    lines = seed_texts()[0].split("\n")
    head, blocks, rest = _blocks(lines)
    middle = [line for block in blocks for line in block]
    line = ADVERSARIAL[kind](length)
    return "\n".join([*head, *middle[:3], line, *middle[3:], *rest])


def full_width(text: str) -> str:
    """A published seed as a draft looks: P101's replacements applied (ASCII , ; : ( ) in
    Chinese context back to full width), the rest of the text unchanged."""
    from fzlint.document import Document
    from fzlint.parse.lines import classify
    from fzlint.rules.common.halfwidth import halfwidth_marks

    lines = []
    for line in classify(Document.from_text("draft.txt", text)):
        current = line.text
        for mark in sorted(halfwidth_marks(line), key=lambda m: -m.column):
            current = current[: mark.column] + mark.replacement + current[mark.fix_end :]
        lines.append(current)
    return "\n".join(lines)


def full_width_batch(directory: Path, count: int) -> list[Path]:
    """``count`` varied reports (as ``write_batch``) in their full-width form."""
    directory.mkdir(parents=True, exist_ok=True)
    texts = [full_width(text) for text in seed_texts()]
    paths = []
    for index in range(count):
        path = directory / f"report_{index:04d}.txt"
        path.write_text(varied_report(texts, index), encoding="utf-8")
        paths.append(path)
    return paths
