"""Classify → tokens → grammar → Report is linear in the input, for every shape that made the
old table driver quadratic (it copied the accumulated list on every reduce): growth ratios
at 1×, 2×, 4×, not wall-clock thresholds. benchmarks/parser_shapes.py prints the same at 100,000 lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import parser_shapes

BASE = 2_000
ATTEMPTS = 3  # a quadratic parser fails every attempt; a busy machine fails one at most


@pytest.mark.parametrize("name", sorted(parser_shapes.SHAPES))
def test_time_and_memory_grow_linearly(name: str) -> None:
    for _ in range(ATTEMPTS):
        one, two, four = parser_shapes.growth(parser_shapes.SHAPES[name], BASE)
        # Memory is deterministic: linear means 2× and 4× (quadratic state: 4× and 16×).
        assert 1.7 <= two.peak_bytes / one.peak_bytes <= 2.4, (one, two)
        assert 3.4 <= four.peak_bytes / one.peak_bytes <= 4.8, (one, four)
        # CPU time, best of three with the collector off: near 2 and 4 (quadratic: 4 and 16);
        # the bounds leave room for a shared machine's noise, not for another power of n.
        if two.seconds / one.seconds < 3.5 and four.seconds / one.seconds < 8.0:
            return
    pytest.fail(f"time grows faster than linearly: {one}, {two}, {four}")
