"""Effective settings for one run: which rules, which severities, which data.

The CLI builds a :class:`Settings` from defaults, configuration files and
command-line options (in that order of precedence, lowest first).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fzlint.diagnostics import Severity
from fzlint.limits import DEFAULT_MAX_FILE_SIZE


@dataclass
class Settings:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    year: int | None = None
    # S104: an improvement section shorter than this (in characters) says too little.
    improvement_min_length: int = 40
    # Y102: a report for year N is dated from this month-day of N to this month-day of N+1.
    date_window_start: str = "12-01"
    date_window_end: str = "04-01"
    # D101: a 其中 list with at least this many counted items is read as the full breakdown.
    sum_complete_min_parts: int = 3
    # R101: paragraphs at least this long (characters, punctuation excluded) that share at
    # least this fraction of their 5-character shingles are reported as copies.
    duplicate_min_length: int = 30
    duplicate_similarity: float = 0.8
    # T102: jieba dictionary for word boundaries: "domain" (small, shipped), "full" or a path.
    jieba_dictionary: str = "domain"
    # --fix: apply safe fixes and write them back; --unsafe-fixes: unsafe ones too.
    fix: bool = False
    unsafe_fixes: bool = False
    # Extra or removed entries for the package's data tables, keyed by table name.
    data_overrides: dict[str, dict] = field(default_factory=dict)
    # Y2xx: last year's report to compare with (a path; relative to the config file there).
    previous: str | None = None
    # Keep results in a cache (--cache); off by default: a check writes nothing unasked.
    cache: bool = False
    # Findings listed per rule per file; beyond it one finding says how many more (0: no limit).
    max_findings_per_rule: int = 1000
    # Files larger than this many bytes are refused before reading (0: no limit).
    max_file_size: int = DEFAULT_MAX_FILE_SIZE

    def is_enabled(self, code: str) -> bool:
        """ruff's rule: the most specific matching prefix wins; ignore beats select on a tie."""
        chosen = [*self.select, *self.extend_select]
        best_select = max((_match_len(p, code) for p in chosen), default=-1)
        best_ignore = max((_match_len(p, code) for p in self.ignore), default=-1)
        if best_select < 0:
            return False
        return best_select > best_ignore


def _match_len(prefix: str, code: str) -> int:
    if prefix == "ALL":
        return 0
    return len(prefix) if code.startswith(prefix) else -1
