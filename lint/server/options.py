"""What a client can set: ``initializationOptions`` or the ``fzlint`` section of its settings.

The rule selection and configuration keys are the command line's (``fzlint check``
options), layered over the configuration files the same way, so a folder's settings in
the editor are exactly what ``fzlint check`` would use there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fzlint.config.resolve import Resolver

DEFAULT_DEBOUNCE_MS = 150  # a burst of keystrokes is linted once, after the last one
ENCODINGS = ("utf-8", "utf-16", "utf-32")


class OptionsError(Exception):
    """A setting with the wrong type; the message names it."""


@dataclass(frozen=True)
class ServerOptions:
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    year: int | None = None
    config: Path | None = None  # as --config (relative to the workspace root)
    isolated: bool = False  # as --isolated
    baseline: Path | None = None  # as --baseline (relative to the workspace root)
    previous: Path | None = None  # as --previous: last year's report (Y2xx)
    unsafe_fixes: bool = True  # offer unsafe fixes as (labelled, not preferred) quick fixes
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    # codeDescription.href for each diagnostic, e.g. "https://example.org/rules/{code}.html"
    rule_docs_url: str | None = None
    # Count positions in this encoding whatever the client says: for clients that read LSP
    # columns as bytes without saying so (ALE 3.3 does), "utf-8" puts them on the character.
    position_encoding: str | None = None

    def resolver(self, known_codes: frozenset[str]) -> Resolver:
        """Settings per file exactly as ``fzlint check`` builds them from the same options."""
        from fzlint.config.choices import Choices

        return Choices(
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            year=self.year,
            previous=self.previous,
            config=self.config,
            isolated=self.isolated,
        ).resolver(known_codes)


def parse_options(raw: Any, root: Path) -> ServerOptions:
    """Options from the client's JSON (camelCase keys); unknown keys are ignored, as editors
    send their whole settings section."""
    if raw is None:
        return ServerOptions()
    if not isinstance(raw, dict):
        raise OptionsError(f"fzlint 设置应是对象，实际是 {type(raw).__name__}")
    if isinstance(raw.get("fzlint"), dict):  # a whole settings tree, as didChangeConfiguration sends
        raw = raw["fzlint"]
    return ServerOptions(
        select=_codes(raw, "select") if raw.get("select") is not None else None,
        extend_select=_codes(raw, "extendSelect"),
        ignore=_codes(raw, "ignore"),
        year=_typed(raw, "year", int, None),
        config=_path(raw, "config", root),
        isolated=_typed(raw, "isolated", bool, False),
        baseline=_path(raw, "baseline", root),
        previous=_path(raw, "previous", root),
        unsafe_fixes=_typed(raw, "unsafeFixes", bool, True),
        debounce_ms=_typed(raw, "debounceMs", int, DEFAULT_DEBOUNCE_MS),
        rule_docs_url=_typed(raw, "ruleDocsUrl", str, None),
        position_encoding=_encoding(raw),
    )


def _encoding(raw: dict[str, Any]) -> str | None:
    value = _typed(raw, "positionEncoding", str, None)
    if value not in (None, *ENCODINGS):
        raise OptionsError(f"fzlint 设置 positionEncoding 应为 {'、'.join(ENCODINGS)} 之一，实际是 {value!r}")
    return value


def _typed(raw: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = raw.get(key, default)
    if value is None or (type(value) is kind):
        return value
    raise OptionsError(f"fzlint 设置 {key} 应为 {kind.__name__}，实际是 {type(value).__name__}（{value!r}）")


def _codes(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key) or []
    if isinstance(value, str):
        value = value.replace("，", ",").split(",")
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise OptionsError(f'fzlint 设置 {key} 应是规则代码的列表，如 ["W1", "S101"]')
    return [code.strip().upper() for code in value if code.strip()]


def _path(raw: dict[str, Any], key: str, root: Path) -> Path | None:
    value = _typed(raw, key, str, None)
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else root / path
