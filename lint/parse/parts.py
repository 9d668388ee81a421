"""Recognising the mandated parts and part-two subsections by the meaning of a heading.

The keyword table lives in ``data/parts.toml``; configuration (``data.parts``)
and plugins (hook ``fzlint_part_keywords``) extend it. Matching ignores years,
numbers and punctuation, so 2024年度… and 2025年… headings match alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from fzlint import regex

MANDATED = ("achievements", "problems", "plan")
_NOISE = regex.compile(r"[\s\d０-９（）()〔〕【】《》“”\"'、，,。.．：:；;-]+")


@dataclass(frozen=True)
class PartKeywords:
    """Keywords per part (``parts``) and per part-two subsection (``sections``)."""

    parts: dict[str, dict[str, Any]]
    sections: dict[str, dict[str, Any]]
    options: dict[str, Any] = field(default_factory=dict)  # the [weak] table

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> PartKeywords:
        return cls(parts=table.get("parts", {}), sections=table.get("sections", {}), options=table.get("weak", {}))

    def label(self, kind: str) -> str:
        entry = self.parts.get(kind) or self.sections.get(kind) or {}
        return str(entry.get("label", kind))

    def part_kinds(self, heading: str) -> frozenset[str]:
        """Which parts a level-1 heading names (empty when none: an unknown part)."""
        # The lexer, the outline and the year rules ask about the same headings.
        memo = self._memo
        key = ("part", heading)
        if key not in memo:
            memo[key] = self._part_kinds(_NOISE.sub("", heading))
        return memo[key]

    def _part_kinds(self, text: str) -> frozenset[str]:
        strong = {k for k, words in self._part_words.items() if any(w in text for w in words)}
        if strong:
            return frozenset(strong)
        weak = {k for k, e in self.parts.items() if self._weak_match(e.get("weak", []), text)}
        return frozenset(weak) if len(weak) == 1 else frozenset()

    def _weak_match(self, words: list[str], text: str) -> bool:
        """A weak keyword names a part only in a short heading (2024年工作中的问题), not in a
        topic heading that merely mentions it (四、着力解决群众急难愁盼问题)."""
        rest = text
        for filler in self.options.get("filler", []):
            rest = rest.replace(filler, "")
        limit = int(self.options.get("weak_max_extra", 6))
        for word in words:
            word = _normal(word)
            if word and word in text and len(rest.replace(word, "", 1)) <= limit:
                return True
        return False

    def section_kind(self, heading: str) -> str | None:
        """``improvement``, ``shortcomings`` or None for a heading inside part two."""
        memo = self._memo
        key = ("section", heading)
        if key not in memo:
            text = _NOISE.sub("", heading)
            memo[key] = next((kind for kind, words in self._section_words if any(w in text for w in words)), None)
        return memo[key]

    @cached_property
    def _memo(self) -> dict[tuple[str, str], Any]:
        """Answers per heading text (the tables never change once the keywords are built)."""
        return {}

    @cached_property
    def _part_words(self) -> dict[str, tuple[str, ...]]:
        """Each part's strong keywords without noise (empty ones dropped), in table order."""
        return {k: tuple(_normal(w) for w in e.get("keywords", []) if w) for k, e in self.parts.items()}

    @cached_property
    def _section_words(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple(
            (kind, tuple(_normal(w) for w in self.sections.get(kind, {}).get("keywords", []) if w))
            for kind in ("improvement", "shortcomings")
        )

    def extended(self, extra: dict[str, Any]) -> PartKeywords:
        """A copy with another table's keywords added (used for plugin contributions)."""
        from fzlint.data import _merge

        table = {"parts": _deep(self.parts), "sections": _deep(self.sections), "weak": _deep(self.options)}
        _merge(table, extra)
        return PartKeywords.from_table(table)


@lru_cache(maxsize=4096)
def _normal(word: str) -> str:
    """A keyword without noise; cached because every heading is tested against every keyword."""
    return _NOISE.sub("", word)


def _deep(table: dict[str, Any]) -> dict[str, Any]:
    import copy

    return copy.deepcopy(table)
