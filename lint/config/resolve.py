"""Configuration files: ``[tool.fzlint]`` in pyproject.toml, ``fzlint.toml`` or ``.fzlint.toml``.

The file is found from the linted file's folder upwards; the closest one wins
(as ruff does), and within one folder ``.fzlint.toml`` beats ``fzlint.toml``
beats ``pyproject.toml`` (which counts only when it has a ``[tool.fzlint]``
table). ``--config PATH`` replaces the search, ``--isolated`` skips it.

Keys are the kebab-case names of :class:`fzlint.settings.Settings` fields, so a
field another module adds becomes configurable without touching this file;
values are checked against the field's annotation. ``[data.NAME]`` tables
extend or trim the data table ``NAME`` (``lint/data/NAME.toml``).
Precedence, lowest first: defaults, the configuration file, the command line.
"""

from __future__ import annotations

import copy
import dataclasses
import fnmatch
import os
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from fzlint.settings import Settings

CONFIG_NAMES = (".fzlint.toml", "fzlint.toml", "pyproject.toml")
DEFAULT_SOURCE = "默认"
CLI_SOURCE = "命令行"
# Fields whose values are rule codes or prefixes, checked against the registered rules.
CODE_LIST_FIELDS = ("select", "ignore", "extend_select")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    values: dict[str, Any]  # Settings field name -> validated value

    @property
    def root(self) -> Path:
        """Globs in ``exclude`` and ``per-file-ignores`` are relative to this folder."""
        return self.path.parent

    @property
    def label(self) -> str:
        return f"{self.path} [tool.fzlint]" if self.path.name == "pyproject.toml" else str(self.path)


@dataclass
class Resolved:
    """The effective settings for one folder and where each value came from."""

    settings: Settings
    sources: dict[str, str]
    config: ConfigFile | None


# -- finding and reading files --------------------------------------------------


@cache
def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # ~6 ms of imports: only when there is a configuration file to read

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}：不是合法的 TOML：{error}") from None
    except RecursionError:  # tomllib recurses per nesting level, even in tables fzlint never reads
        raise ConfigError(f"{path}：不是可用的 TOML：嵌套层数过深") from None
    except UnicodeDecodeError as error:  # TOML is UTF-8; tomllib does not wrap this
        raise ConfigError(f"{path}：不是合法的 TOML：第 {error.start} 字节不是 UTF-8") from None
    except OSError as error:
        raise ConfigError(f"{path}：无法读取配置文件：{error.strerror or error}") from None


def _table_of(path: Path) -> dict[str, Any] | None:
    """The fzlint table of a config file (None for a pyproject.toml without one)."""
    document = _read_toml(path)
    if path.name != "pyproject.toml":
        return document
    tool = document.get("tool", {})
    table = tool.get("fzlint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}：配置项 tool.fzlint 应是表（[tool.fzlint]），实际是 {type(table).__name__}")
    return table


@cache
def find_config(directory: Path) -> Path | None:
    """The closest configuration file at or above ``directory`` (cached per folder)."""
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file() and _table_of(candidate) is not None:
            return candidate
    parent = directory.parent
    return None if parent == directory else find_config(parent)


@cache
def load_config(path: Path, known_codes: frozenset[str]) -> ConfigFile:
    table = _table_of(path)
    if table is None:
        raise ConfigError(f"{path}：没有 [tool.fzlint] 配置表")
    return ConfigFile(path=path, values=parse_table(table, path, known_codes))


# -- validation -----------------------------------------------------------------


def parse_table(table: dict[str, Any], path: Path, known_codes: frozenset[str]) -> dict[str, Any]:
    """Validate a config table into Settings field values; raise ConfigError on the first problem."""
    fields = {f.name for f in dataclasses.fields(Settings)} - {"data_overrides"}
    hints = typing.get_type_hints(Settings)
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key == "data":
            from fzlint.config.data_checks import data_overrides  # it imports ConfigError from here

            values["data_overrides"] = data_overrides(raw, path)
            continue
        name = key.replace("-", "_")
        if name not in fields or key != name.replace("_", "-"):
            known = "、".join([*sorted(f.replace("_", "-") for f in fields), "data"])
            raise ConfigError(f"{path}：未知的配置项 {key!r}（可用：{known}）")
        if name in SIZE_FIELDS:
            values[name] = _size(raw, path, key)
            continue
        if name in PATH_FIELDS:  # relative to the configuration file's folder
            values[name] = str(path.parent / _convert(raw, str, path, key))
            continue
        values[name] = _check_codes(name, _convert(raw, hints[name], path, key), path, key, known_codes)
    return values


def _convert(value: Any, hint: Any, path: Path, key: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        for option in (a for a in args if a is not type(None)):
            try:
                return _convert(value, option, path, key)
            except ConfigError:
                continue
        _wrong_type(value, hint, path, key)
    if isinstance(hint, type) and issubclass(hint, Enum):
        allowed = [member.value for member in hint]
        if value not in allowed:
            raise ConfigError(f"{path}：配置项 {key} 的值 {value!r} 无效（可用：{'、'.join(allowed)}）")
        return hint(value)
    if origin is list:
        if not isinstance(value, list):
            _wrong_type(value, hint, path, key)
        return [_convert(item, args[0], path, key) for item in value] if args else list(value)
    if origin is dict or hint is dict:
        if not isinstance(value, dict):
            _wrong_type(value, hint, path, key)
        if not args:
            return copy.deepcopy(value)
        return {str(k): _convert(v, args[1], path, f"{key}.{k}") for k, v in value.items()}
    if hint is Any:
        return value
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if hint in (int, str, bool) and type(value) is hint:
        return value
    _wrong_type(value, hint, path, key)


def _wrong_type(value: Any, hint: Any, path: Path, key: str) -> typing.NoReturn:
    expected = str(hint).replace("typing.", "").replace("fzlint.diagnostics.", "").replace(" | None", "")
    if isinstance(hint, type):
        expected = hint.__name__
    raise ConfigError(f"{path}：配置项 {key} 的类型不对：应为 {expected}，实际是 {type(value).__name__}（{value!r}）")


def _check_codes(name: str, value: Any, path: Path, key: str, known: frozenset[str]) -> Any:
    """Rule codes must name registered rules (or prefixes of them); returned upper-cased."""
    if name in CODE_LIST_FIELDS:
        value = [code.upper() for code in value]
        for code in value:
            _check_code(code, path, key, known)
    elif name == "per_file_ignores":
        value = {pattern: [code.upper() for code in codes] for pattern, codes in value.items()}
        for pattern, codes in value.items():
            for code in codes:
                _check_code(code, path, f"{key}.{pattern!r}", known)
    elif name == "severity":
        value = {code.upper(): level for code, level in value.items()}
        for code in value:
            if code not in known:
                raise ConfigError(f"{path}：配置项 {key} 中的规则代码 {code!r} 不存在（用 fzlint rules 查看）")
    return value


def _check_code(code: str, path: Path, key: str, known: frozenset[str]) -> None:
    if code != "ALL" and not any(k.startswith(code) for k in known):
        raise ConfigError(f"{path}：配置项 {key} 中的规则代码 {code!r} 不存在（用 fzlint rules 查看）")


# Sizes in bytes that may also be written as "20MB", "500KB" (0: no limit).
SIZE_FIELDS = frozenset({"max_file_size"})
# Paths, read relative to the configuration file that names them.
PATH_FIELDS = frozenset({"previous"})


def _size(value: Any, path: Path, key: str) -> int:
    from fzlint.limits import parse_size

    if isinstance(value, bool) or not isinstance(value, int | str):
        _wrong_type(value, int, path, key)
    try:
        return parse_size(value)
    except ValueError as error:
        raise ConfigError(f"{path}：配置项 {key}：{error}") from None


# -- resolving settings per file ----------------------------------------------------


@dataclass
class Resolver:
    """Effective settings per file: defaults, then the config file, then the command line.

    ``overrides`` replace a field; ``extensions`` are appended to a list field
    (``--ignore`` and ``--extend-select`` add to what the file says).
    """

    known_codes: frozenset[str]
    config_path: Path | None = None  # --config
    isolated: bool = False  # --isolated
    overrides: dict[str, Any] = field(default_factory=dict)
    extensions: dict[str, list[Any]] = field(default_factory=dict)
    _cache: dict[Path | None, Resolved] = field(default_factory=dict, repr=False)
    # per folder, for a batch of files: the configuration files found are cached for the
    # resolver's life anyway (find_config; a server makes a new resolver after clear_caches)
    _folders: dict[str, Resolved] = field(default_factory=dict, repr=False)

    def config_for(self, directory: Path) -> ConfigFile | None:
        if self.isolated:
            return None
        path = self.config_path or find_config(_normalised(directory))
        return None if path is None else load_config(_normalised(path), self.known_codes)

    def for_file(self, path: Path) -> Resolved:
        folder = os.path.dirname(os.path.abspath(path))
        found = self._folders.get(folder)
        if found is None:
            found = self._folders[folder] = self.for_directory(Path(folder))
        return found

    def for_directory(self, directory: Path) -> Resolved:
        config = self.config_for(directory)
        key = config.path if config else None
        if key not in self._cache:
            self._cache[key] = self._resolve(config)
        return self._cache[key]

    def _resolve(self, config: ConfigFile | None) -> Resolved:
        settings = Settings()
        sources = {f.name: DEFAULT_SOURCE for f in dataclasses.fields(Settings)}
        layers = [(config.values, config.label)] if config else []
        layers.append((self.overrides, CLI_SOURCE))
        for values, source in layers:
            for name, value in values.items():
                setattr(settings, name, copy.deepcopy(value))
                sources[name] = source
        if config is not None:
            settings.per_file_ignores = _anchor(settings.per_file_ignores, config.root)
        for name, extra in self.extensions.items():
            if extra:
                setattr(settings, name, [*getattr(settings, name), *extra])
                sources[name] = f"{sources[name]} + {CLI_SOURCE}"
        return Resolved(settings=settings, sources=sources, config=config)


def _normalised(path: Path) -> Path:
    """Absolute, with ".." folded lexically (Path.absolute keeps it; resolve follows links)."""
    return Path(os.path.abspath(path))


def _anchor(per_file_ignores: dict[str, list[str]], root: Path) -> dict[str, list[str]]:
    """Globs with a folder in them are relative to the config file's folder: make them absolute."""
    return {
        (f"{_normalised(root).as_posix()}/{pattern.removeprefix('./')}" if "/" in pattern else pattern): codes
        for pattern, codes in per_file_ignores.items()
    }


def is_excluded(path: Path, resolved: Resolved) -> bool:
    """Whether ``exclude`` globs match the file's name, its path or a folder above it.

    Globs are relative to the configuration file's folder (the current folder
    for globs given without one).
    """
    patterns = [p.rstrip("/") for p in resolved.settings.exclude]
    if not patterns:
        return False
    root = resolved.config.root if resolved.config else Path.cwd()
    absolute = _normalised(path)
    try:
        parts = absolute.relative_to(_normalised(root)).parts
    except ValueError:
        parts = (absolute.name,)
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(fnmatch.fnmatch(candidate, pattern) for pattern in patterns for candidate in [*parts, *prefixes])


# -- showing the effective configuration (``fzlint config``) ------------------------------


def describe(resolved: Resolved, form: str = "toml") -> str:
    """The effective settings as TOML (each value with its source as a comment) or JSON."""
    import json

    settings = resolved.settings
    names = [f.name for f in dataclasses.fields(Settings) if f.name != "data_overrides"]
    if form == "json":
        document = {
            "config_file": str(resolved.config.path) if resolved.config else None,
            "settings": {n.replace("_", "-"): _plain(getattr(settings, n)) for n in names},
            "data": _plain(settings.data_overrides),
            "sources": {n.replace("_", "-"): resolved.sources[n] for n in [*names, "data_overrides"]},
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    where = resolved.config.label if resolved.config else "（无，只用默认值和命令行）"
    lines = [f"# 配置文件：{where}", "[tool.fzlint]"]
    for name in names:
        value = getattr(settings, name)
        if value is None:
            lines.append(f"# {name.replace('_', '-')} 未设置  # {resolved.sources[name]}")
        else:
            lines.append(f"{name.replace('_', '-')} = {_toml(value)}  # {resolved.sources[name]}")
    for table, override in settings.data_overrides.items():
        lines.append(f"\n[tool.fzlint.data.{table}]  # {resolved.sources['data_overrides']}")
        lines += [f"{key} = {_toml(value)}" for key, value in override.items()]
    return "\n".join(lines) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _toml(value: Any) -> str:
    """A TOML inline value (strings are JSON-quoted, which TOML accepts)."""
    import json

    value = _plain(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {_toml(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def clear_caches() -> None:
    """Forget every configuration file read and found so far (a long-lived process, such as
    ``fzlint server``, calls this when one changes on disk)."""
    for cached in (_read_toml, find_config, load_config):
        cached.cache_clear()
