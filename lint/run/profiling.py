"""``fzlint check --profile``: wall time per stage and per rule family, printed to stderr.

Stages are timed with :class:`stage`, a context manager that costs one context-variable
lookup when profiling is off, so the timers stay in the code permanently. The profile in
force is a :class:`contextvars.ContextVar`, not a module global: timers sit in every stage
of the pipeline, and threading a profile argument through each call would cost every
caller; a context variable keeps two runs in one process (a language server's documents,
tests) apart.
Worker processes (``--jobs``) profile their own share and send the totals back
with their results; :func:`merge` adds them up.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Profile:
    totals: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    counts: dict[str, int] = field(default_factory=dict)
    workers: int = 1  # processes the files were spread over (--jobs)

    def add(self, name: str, seconds: float, count: int = 1) -> None:
        self.totals[name] = self.totals.get(name, 0.0) + seconds
        self.counts[name] = self.counts.get(name, 0) + count


_ACTIVE: ContextVar[Profile | None] = ContextVar("fzlint_profile", default=None)


def active() -> Profile | None:
    """The profile timing this context, if ``--profile`` asked for one."""
    return _ACTIVE.get()


@contextmanager
def session(profile: Profile | None) -> Iterator[Profile | None]:
    """Time the block's stages into ``profile`` (``None``: no timing)."""
    token = _ACTIVE.set(profile)
    try:
        yield profile
    finally:
        _ACTIVE.reset(token)


def enable_in_worker(on: bool) -> None:
    """A ``--jobs`` worker process profiles its own share (sent back with its results)."""
    _ACTIVE.set(Profile() if on else None)


class stage:  # lower case: used like a function, ``with stage("parse"):``
    """Time the block under ``name`` when profiling is on (``name=None``: never)."""

    __slots__ = ("name", "started")

    def __init__(self, name: str | None) -> None:
        self.name = name
        self.started = 0.0

    def __enter__(self) -> stage:
        if _ACTIVE.get() is not None:
            self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        profile = _ACTIVE.get()
        if profile is not None and self.started and self.name is not None:
            profile.add(self.name, time.perf_counter() - self.started)


def merge(totals: dict[str, float], counts: dict[str, int]) -> None:
    """Add a worker's figures to this process's profile."""
    profile = _ACTIVE.get()
    if profile is None:
        return
    for name, seconds in totals.items():
        profile.add(name, seconds, counts.get(name, 1))


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
