"""Checking ``[tool.fzlint.data.NAME]`` tables before any file is linted.

An extension must have the shape of the shipped table (keys it has, entries like its
entries), hold no empty string (an empty search term matches everywhere), and every regular
expression in it must compile, must not match empty text and must not backtrack
exponentially (:mod:`fzlint.config.patterns`). Each problem is a ConfigError naming the file
and the key.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from fzlint.config.resolve import ConfigError

# Data-table entries that are regular expressions: a broken one is a config
# error naming its key, not an internal error when the first file is linted.
PATTERN_KEYS = frozenset({"strong", "weak", "patterns", "pattern", "inline", "before"})


def data_overrides(raw: Any, path: Path) -> dict[str, dict[str, Any]]:
    from fzlint import data

    if not isinstance(raw, dict):
        raise ConfigError(f"{path}：配置项 data 应是表（如 [tool.fzlint.data.chrome]）")
    overrides: dict[str, dict[str, Any]] = {}
    for name, table in raw.items():
        try:
            base = data.load(name)
        except KeyError:
            raise ConfigError(f"{path}：配置项 data.{name}：没有名为 {name!r} 的数据表") from None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}：配置项 data.{name} 应是表")
        _check_data_shape(table, base, path, f"data.{name}")
        _check_patterns(table, path, f"data.{name}")
        overrides[name] = copy.deepcopy(table)
    return overrides


def _check_data_shape(table: dict[str, Any], base: dict[str, Any], path: Path, key: str) -> None:
    """Extensions must name keys the shipped table has, with the same kind of value."""
    for name, value in table.items():
        where = f"{key}.{name}"
        if name == "disable":
            if not isinstance(value, list):
                raise ConfigError(f"{path}：配置项 {where} 应是列表")
            continue
        if name not in base:
            raise ConfigError(f"{path}：配置项 {where} 不存在（可用：{'、'.join(sorted(base))}）")
        expected = base[name]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{path}：配置项 {where} 应是表")
            _check_data_shape(value, expected, path, where)
        elif isinstance(expected, list):
            if not isinstance(value, list):
                raise ConfigError(f"{path}：配置项 {where} 应是列表")
            for item in value:
                _check_item(item, expected, path, where)
        elif not isinstance(value, type(expected)) or isinstance(value, bool) != isinstance(expected, bool):
            raise ConfigError(f"{path}：配置项 {where} 应是{_kind(expected)}，实际是{_kind(value)}")


def _check_item(item: Any, shipped: list[Any], path: Path, where: str) -> None:
    """A list entry has the shape of the shipped entries: a table with their fields, or a
    value of their type; no empty string (an empty search term matches everywhere)."""
    if shipped:
        model = shipped[0]
        if isinstance(model, dict):
            if not isinstance(item, dict):
                raise ConfigError(f"{path}：配置项 {where} 的条目应是表（同内置条目：{'、'.join(model)}）")
            fields = {name for entry in shipped if isinstance(entry, dict) for name in entry}
            unknown = sorted(set(item) - fields)
            if unknown:
                raise ConfigError(
                    f"{path}：配置项 {where} 的条目有未知字段 {unknown[0]}（可用：{'、'.join(sorted(fields))}）"
                )
            first = next(iter(model))
            if first not in item:
                raise ConfigError(f"{path}：配置项 {where} 的条目缺少字段 {first}")
            for name, value in item.items():
                examples = [entry[name] for entry in shipped if isinstance(entry, dict) and name in entry]
                if not isinstance(value, type(examples[0])):
                    raise ConfigError(f"{path}：配置项 {where}.{name} 应是{_kind(examples[0])}，实际是{_kind(value)}")
                _no_empty(value, path, f"{where}.{name}")
            return
        if not isinstance(item, type(model)):
            raise ConfigError(f"{path}：配置项 {where} 的条目应是{_kind(model)}，实际是{_kind(item)}")
    _no_empty(item, path, where)


def _no_empty(value: Any, path: Path, where: str) -> None:
    if value == "" or (isinstance(value, list) and "" in value):
        raise ConfigError(f"{path}：配置项 {where} 含有空字符串（空的检索词或模式会匹配每一处），请删除")


def _kind(value: Any) -> str:
    kinds = {bool: "布尔值", int: "整数", float: "数字", str: "字符串", list: "列表", dict: "表"}
    return kinds.get(type(value), type(value).__name__)


def _check_patterns(table: Any, path: Path, key: str, is_pattern: bool = False) -> None:
    if isinstance(table, dict):
        for name, value in table.items():
            _check_patterns(value, path, f"{key}.{name}", name in PATTERN_KEYS)
    elif isinstance(table, list):
        for item in table:
            _check_patterns(item, path, key, is_pattern)
    elif is_pattern and isinstance(table, str):
        try:
            compiled = re.compile(table)
        except re.error as error:
            raise ConfigError(f"{path}：配置项 {key} 的正则表达式 {table!r} 无效：{error}") from None
        from fzlint.config.patterns import backtracking_risk

        if compiled.search("") is not None:  # "" or "x*": it would match every line
            raise ConfigError(
                f"{path}：配置项 {key} 的正则表达式 {table!r} 能匹配空文本，会匹配每一行；请写出要匹配的文字"
            )
        risk = backtracking_risk(table)
        if risk:
            raise ConfigError(f"{path}：配置项 {key} 的正则表达式 {table!r} {risk}")
