"""What a user chose outside configuration files (``fzlint check``'s options, an editor's
settings for ``fzlint server``), and the :class:`Resolver` it makes: one place, so the CLI and
the language server resolve a file's settings the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fzlint.config.resolve import ConfigError, Resolver


@dataclass(frozen=True)
class Choices:
    """``select``, ``year``, ``previous``, ``fix``, ``unsafe_fixes`` and ``max_file_size``
    replace what a config file says; ``extend_select`` and ``ignore`` add to it; ``config``
    or ``isolated`` replace the search for a config file."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    year: int | None = None
    previous: Path | None = None
    fix: bool | None = None
    unsafe_fixes: bool | None = None
    max_file_size: int | None = None
    config: Path | None = None
    isolated: bool = False

    def resolver(self, known_codes: frozenset[str]) -> Resolver:
        """The resolver of per-file settings; ConfigError when ``config`` names no file."""
        overrides: dict[str, Any] = {}
        if self.select:
            overrides["select"] = self.select
        for name in ("year", "fix", "unsafe_fixes", "max_file_size"):
            if getattr(self, name) is not None:
                overrides[name] = getattr(self, name)
        if self.previous is not None:
            overrides["previous"] = str(self.previous)
        if self.config is not None and not self.config.is_file():
            raise ConfigError(f"配置文件 {self.config} 不存在")
        return Resolver(
            known_codes=known_codes,
            config_path=self.config,
            isolated=self.isolated,
            overrides=overrides,
            extensions={"extend_select": list(self.extend_select), "ignore": list(self.ignore)},
        )
