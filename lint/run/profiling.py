"""``fzlint check --profile``: wall time per stage and per rule family, printed to stderr.

Stages are timed with :class:`stage`, a context manager that costs one global
lookup when profiling is off, so the timers stay in the code permanently.
Worker processes (``--jobs``) profile their own share and send the totals back
with their results; :func:`merge` adds them up.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Profile:
    totals: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, seconds: float, count: int = 1) -> None:
        self.totals[name] = self.totals.get(name, 0.0) + seconds
        self.counts[name] = self.counts.get(name, 0) + count


ACTIVE: Profile | None = None


def start() -> Profile:
    global ACTIVE
    ACTIVE = Profile()
    return ACTIVE


def stop() -> Profile | None:
    global ACTIVE
    profile, ACTIVE = ACTIVE, None
    return profile


class stage:  # lower case: used like a function, ``with stage("parse"):``
    """Time the block under ``name`` when profiling is on (``name=None``: never)."""

    __slots__ = ("name", "started")

    def __init__(self, name: str | None) -> None:
        self.name = name
        self.started = 0.0

    def __enter__(self) -> stage:
        if ACTIVE is not None:
            self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        if ACTIVE is not None and self.started and self.name is not None:
            ACTIVE.add(self.name, time.perf_counter() - self.started)


def merge(totals: dict[str, float], counts: dict[str, int]) -> None:
    """Add a worker's figures to this process's profile."""
    if ACTIVE is None:
        return
    for name, seconds in totals.items():
        ACTIVE.add(name, seconds, counts.get(name, 1))


def render(profile: Profile, wall: float, before_main: float, stream: TextIO, workers: int = 1) -> None:
    """A plain-text table (stderr must stay parseable by editors: no colour, no rich)."""
    rows = [(name, str(profile.counts[name]), seconds) for name, seconds in profile.totals.items()]
    accounted = sum(seconds for _, _, seconds in rows)
    rows.insert(0, ("start-up: interpreter + fzlint.cli imports (CPU before main)", "1", before_main))
    rows.append(("other (not timed separately)", "", max(0.0, wall - accounted)))
    rows.append(("main() total", "", wall))
    width = max(_cells(name) for name, _, _ in rows) + 2
    lines = ["", "fzlint --profile (wall-clock ms; rule families summed per module)"]
    if workers > 1:
        lines.append(f"({workers} worker processes: stages are summed over processes)")
    lines.append(_pad("stage", width) + f"{'calls':>7}{'ms':>10}")
    for name, count, seconds in rows:
        lines.append(_pad(name, width) + f"{count:>7}{seconds * 1000:>10.1f}")
    stream.write("\n".join(lines) + "\n")


def _cells(text: str) -> int:
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _cells(text))
