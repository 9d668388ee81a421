"""The plugin manager: entry points loaded one by one, rules validated on registration.

Set ``FZLINT_DISABLE_PLUGIN_AUTOLOAD=1`` to load only the built-in plugins
(reproducible CI, as pytest's ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import types
from dataclasses import dataclass, field
from typing import Any

import pluggy

from fzlint import hookspecs
from fzlint.rule import Rule
from fzlint.run.entrypoints import entry_points  # importlib.metadata's, without its import cost

# The core's own hook implementations (rule runner, text loader, reporters).
CORE_PLUGINS = ("fzlint.run.engine", "fzlint.load.loading", "fzlint.docx.loader", "fzlint.reporters.builtin")
# The built-in rule families are our own distribution's entry points (pyproject's
# [project.entry-points.fzlint], their one list), loaded like any third-party plugin's;
# with autoloading disabled they are the only ones loaded.
DISTRIBUTION = "fzlint"


class PluginError(Exception):
    """A plugin could not be loaded or registered malformed rules."""


@dataclass
class Registry:
    manager: pluggy.PluginManager
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    rule_plugins: dict[str, str] = field(default_factory=dict)  # code -> plugin name
    problems: list[str] = field(default_factory=list)
    # Per-run answers that depend only on the rules and the given settings values (the
    # engine's per-file work; keyed by the values, so they cannot go stale).
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def rule(self, code: str) -> type[Rule] | None:
        code = code.upper()
        if code in self.rules:
            return self.rules[code]
        return next((r for r in self.rules.values() if r.name == code.lower()), None)


_HOOKABLE = (types.FunctionType, staticmethod, classmethod, types.MethodType)


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, quicker to register a module: pluggy looks up every name of a
    plugin with ``inspect.getattr_static`` (~600 names over the rule modules, a few ms of
    every start). A plain module's name whose value is not a function (a class, a constant,
    an imported module) can never be a hook implementation, so it is skipped at once; every
    other name still goes through pluggy's own lookup."""

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if type(plugin) is types.ModuleType:
            value = plugin.__dict__.get(name, _HOOKABLE)
            if value is not _HOOKABLE and not isinstance(value, _HOOKABLE):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def _plugin_name(plugin: object) -> str:
    return getattr(plugin, "__name__", type(plugin).__name__)


def new_registry(extra_plugins: tuple[object, ...] = ()) -> Registry:
    """A registry of its own: the core plugins, entry-point plugins, built-in rule families and
    ``extra_plugins``. Nothing is shared between registries (a language server or a test can
    hold two side by side); a run builds one and passes it down."""
    manager = _PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    problems: list[str] = []
    for module_name in CORE_PLUGINS:
        manager.register(importlib.import_module(module_name), name=module_name)
    points = entry_points(group=hookspecs.PROJECT)
    if not any(ep.distribution == DISTRIBUTION for ep in points):
        problems.append("找不到 fzlint 自身的入口点，内置规则没有加载：请用 pip install 安装 fzlint")
    if os.environ.get("FZLINT_DISABLE_PLUGIN_AUTOLOAD"):
        points = [ep for ep in points if ep.distribution == DISTRIBUTION]
    for ep in points:
        if manager.has_plugin(ep.value):
            continue
        try:  # one by one: a broken plugin must not stop the others
            # stdout carries the report (JSON, SARIF): what a plugin prints on import goes to stderr
            with contextlib.redirect_stdout(sys.stderr):
                plugin = ep.load()
            if not manager.is_registered(plugin):
                manager.register(plugin, name=ep.value)
        except (Exception, SystemExit) as error:  # a plugin calling sys.exit is broken too
            problems.append(f"插件 {ep.name} ({ep.value}) 加载失败：{type(error).__name__}: {error}")
    for plugin in extra_plugins:  # named, so problems and E999 can say whose they are
        manager.register(plugin, name=_plugin_name(plugin))
    manager.check_pending()
    registry = Registry(manager=manager, problems=problems)
    _collect_rules(registry)
    return registry


def _collect_rules(registry: Registry) -> None:
    hook = registry.manager.hook.fzlint_register_rules
    # get_hookimpls() lists in registration order (calls run it backwards): the built-in
    # families come first, so a later plugin cannot take over one of their codes.
    for impl in hook.get_hookimpls():
        name = impl.plugin_name
        try:
            classes = impl.function() or []
        except (Exception, SystemExit) as error:
            registry.problems.append(f"插件 {name} 注册规则时出错：{type(error).__name__}: {error}")
            continue
        for cls in classes:
            if not (isinstance(cls, type) and issubclass(cls, Rule)):
                registry.problems.append(f"插件 {name} 注册了非规则对象 {cls!r}")
                continue
            problems = cls.metadata_problems()
            if problems:
                registry.problems.append(f"插件 {name} 的规则 {cls.__name__}：{'；'.join(problems)}")
                continue
            if cls.code in registry.rules:
                other = registry.rule_plugins[cls.code]
                registry.problems.append(f"插件 {name} 的规则代码 {cls.code} 与 {other} 重复")
                continue
            registry.rules[cls.code] = cls
            registry.rule_plugins[cls.code] = name
