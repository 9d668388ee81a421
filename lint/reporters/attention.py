"""What a person reads first: findings in order of attention, per-file verdicts, rule titles.

Shared by the rich and HTML reports. A missing 改进情况 (S103) matters more than a
comma, so findings are grouped by family before they are ordered by line: structure
and closing (S/F) first, then numbering (N), then content, then punctuation (P).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fzlint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from fzlint.run.plugins import Registry

LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}

# (group title, code prefixes); a code no group names (a plugin's) counts as content.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("结构与落款", ("S", "F")),
    ("标题与列举序号", ("N",)),
    ("内容", ()),
    ("标点与空格", ("P",)),
    ("抑制注释", ("X",)),
)
CONTENT_GROUP = 2


def group_of(code: str) -> int:
    for index, (_, prefixes) in enumerate(GROUPS):
        if code.startswith(prefixes) and prefixes:
            return index
    return CONTENT_GROUP


def attention_key(diagnostic: Diagnostic) -> tuple[int, int, int, str]:
    return (group_of(diagnostic.code), diagnostic.line, diagnostic.column, diagnostic.code)


def in_attention_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=attention_key)


@dataclass(frozen=True)
class Tally:
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic]) -> Tally:
        by = Counter(d.severity for d in diagnostics)
        return cls(by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO])

    def verdict(self) -> str:
        """``需修改：3 个错误，12 个警告`` or ``未发现错误`` (with the warnings left, if any)."""
        rest = [f"{n} 个{label}" for n, label in ((self.warnings, "警告"), (self.infos, "提示")) if n]
        if self.errors:
            return "需修改：" + "，".join([f"{self.errors} 个错误", *rest])
        return "未发现错误" + (f"（{'，'.join(rest)}）" if rest else "")

    def quiet_hint(self) -> str | None:
        """One line on ``--quiet`` when warnings outnumber errors ten to one."""
        if self.errors and self.warnings >= 10 * self.errors:
            return f"警告（{self.warnings} 个）是错误（{self.errors} 个）的十倍以上：加 --quiet 只看错误"
        return None


def title_of(registry: Registry, code: str, name: str) -> str:
    """The rule's Chinese title, or its kebab-case name when it has none (a plugin's)."""
    cls = registry.get(code)  # imports that code's family only
    return cls.display_title() if cls is not None else name
