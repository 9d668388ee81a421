"""Text helpers several content rules share: sentences, normalisation, numbers with units.

Everything works on one line's text and returns 0-based columns into it, so a
rule can turn a match straight into a diagnostic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from fzlint import regex
from fzlint.parse.numerals import DIGITS

if TYPE_CHECKING:
    from fractions import Fraction

    from fzlint.parse.lines import Line
    from fzlint.rule import Context

SENTENCE_END = "。！？!?；;"
FULL_STOPS = "。！？!?"  # sentence ends that also close a list whose items end in ；
_WORD_RUN = regex.compile(r"[^\W_]+")
CN_NUMBER_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


@dataclass(frozen=True)
class Span:
    """A piece of a line: its text and 0-based [start, end) columns."""

    text: str
    start: int
    end: int


@cache
def _sentence_pattern(ends: str) -> re.Pattern[str]:
    """Built once per set of terminators (escaping and the re cache lookup cost ~2 µs a call)."""
    return regex.compile(rf"[^{re.escape(ends)}]+[{re.escape(ends)}]*")


def sentences(text: str, offset: int = 0, ends: str = SENTENCE_END) -> Iterator[Span]:
    """Split running text into sentences (ending at 。！？； by default), keeping the terminators."""
    for match in _sentence_pattern(ends).finditer(text):
        if match.group(0).strip():
            yield Span(match.group(0), match.start() + offset, match.end() + offset)


def normalise(text: str) -> str:
    """Text without whitespace and punctuation, for comparing copies that differ only there."""
    return "".join(_WORD_RUN.findall(text))  # the runs between [\W_]+, joined: ~15% faster than sub


def compact_body(line: Line, context: Context) -> str:
    """``normalise(line.body)``, computed once per line for every rule that compares bodies
    (R101's paragraphs, S104's sections: the same long lines)."""
    bodies: dict[int, str] = context.facts.get(("text", "compact_bodies"), dict)
    compact = bodies.get(line.index)
    if compact is None:
        compact = bodies[line.index] = normalise(line.body)
    return compact


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral with 千/万/亿 (一千二百, 三万五千, 两); None if not one."""
    if not text or any(ch not in CN_NUMBER_CHARS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:  # 万 / 亿 scale everything before them
            section += digit or 0
            total = (total + section) * _CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


# A counted quantity: 108条, 8.74万件, 500余人次, 超3500个, 两项. Longer units first.
QUANTITY_UNITS = (
    "人次",
    "家次",
    "批次",
    "场次",
    "条",
    "件",
    "项",
    "个",
    "份",
    "家",
    "宗",
    "次",
    "场",
    "人",
    "名",
    "篇",
    "批",
    "起",
    "例",
    "所",
    "座",
    "套",
    "台",
    "户",
    "张",
    "本",
    "部",
    "类",
    "期",
    "间",
    "支",
    "只",
    "辆",
    "万元",
    "亿元",
    "元",
)


@cache
def _quantity() -> re.Pattern[str]:
    """The counted-quantity pattern, compiled on first use (~2 ms: a run of P1 rules alone
    never needs it)."""
    units = "|".join(sorted(QUANTITY_UNITS, key=len, reverse=True))
    return regex.compile(
        r"(?P<approx>约|近|超过|超|逾|多达|近乎)?"
        r"(?P<num>(?<![0-9.．])[0-9]+(?:\.[0-9]+)?|(?<![零〇一二两三四五六七八九十百千])[两三四五六七八九十][零〇一二两三四五六七八九十百千]*)"
        r"(?P<scale>万|亿)?(?P<more>余|多|以上)?"
        rf"(?P<unit>{units})"
    )


@dataclass(frozen=True)
class Quantity:
    value: int | Fraction  # exact either way (an int for a whole number)
    unit: str
    approximate: bool
    start: int
    end: int
    num_start: int
    num_end: int


def quantities(text: str) -> Iterator[Quantity]:
    """Counted quantities in ``text``, in order. Percentages and years never match (no unit)."""
    from fractions import Fraction  # on first use: the import costs a few ms at start-up

    for match in _quantity().finditer(text):
        raw = match.group("num")
        value: int | Fraction
        if raw.isdigit():  # a whole number stays an int: exact like a Fraction, ~5x cheaper to make
            value = int(raw)
        elif raw[0].isdigit():
            value = Fraction(raw)
        else:
            number = cn_number(raw)
            if number is None:
                continue
            value = number
        scale = match.group("scale")
        if scale:
            value *= _CN_BIG[scale]
        yield Quantity(
            value=value,
            unit=match.group("unit"),
            approximate=bool(match.group("approx") or match.group("more")),
            start=match.start(),
            end=match.end(),
            num_start=match.start("num"),
            num_end=match.end("num"),
        )


def format_number(value: int | Fraction) -> str:
    """A value as a writer would put it: 77, 8.74 (never 437/50)."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):g}"


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with … when something was cut (quoted in messages)."""
    return text if len(text) <= width else text[: width - 1] + "…"
