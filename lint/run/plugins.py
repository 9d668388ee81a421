"""The plugin manager: entry points loaded one by one, rules validated on registration.

Set ``FZLINT_DISABLE_PLUGIN_AUTOLOAD=1`` to load only the built-in plugins
(reproducible CI, as pytest's ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``).

Third-party plugins are imported and registered when the registry is built. The built-in
rule families listed in ``fzlint.run.families`` (their codes, generated and test-checked)
are imported on first need: their codes are known and reserved at once, and a family is
imported and registered when a run's selection enables one of its codes, or when anything
asks for the whole rule table (``Registry.rules``: ``fzlint rules``, SARIF's rule list).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy

from fzlint import hookspecs
from fzlint.rule import Rule
from fzlint.run.entrypoints import EntryPoint, entry_points  # importlib.metadata's, without its import cost
from fzlint.run.families import FAMILIES

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
    loaded: dict[str, type[Rule]] = field(default_factory=dict)  # the rules of the plugins imported so far
    rule_plugins: dict[str, str] = field(default_factory=dict)  # code -> plugin name (pending families' too)
    problems: list[str] = field(default_factory=list)
    # Per-run answers that depend only on the rules and the given settings values (the
    # engine's per-file work; keyed by the values, so they cannot go stale).
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    # Built-in families not imported yet (plugin name -> entry point), and every plugin's
    # place in the order an eager load registers them (the order of ``rules``).
    pending: dict[str, EntryPoint] = field(default_factory=dict, repr=False)
    order: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def rules(self) -> dict[str, type[Rule]]:
        """Every registered rule, code -> class, in registration order (imports the pending families)."""
        if self.pending:
            self.load(list(self.pending))
        return self.loaded

    def codes(self) -> frozenset[str]:
        """Every registered code, without importing a pending family."""
        return frozenset(self.rule_plugins)

    def rules_for(self, enabled: Callable[[str], bool]) -> dict[str, type[Rule]]:
        """The rules loaded once every family with a code ``enabled`` says yes to is (a superset
        of the enabled rules: callers still filter)."""
        if self.pending:
            self.load([name for name in self.pending if any(map(enabled, FAMILIES[name]))])
        return self.loaded

    def rule(self, code: str) -> type[Rule] | None:
        """The rule of a code, or else of a name (``S101`` or ``missing-part``)."""
        code = code.upper()
        found = self.get(code)
        if found is not None:
            return found
        return next((r for r in self.rules.values() if r.name == code.lower()), None)

    def get(self, code: str) -> type[Rule] | None:
        """The rule registered under ``code`` (importing its family only), else None."""
        plugin = self.rule_plugins.get(code)
        if plugin in self.pending:
            self.load([plugin])
        return self.loaded.get(code)

    def plugin_files(self) -> list[tuple[str, str | None]]:
        """(name, module file) of every plugin, pending families included: what a result cache
        depends on, the same whichever families this run imported."""
        import importlib.util

        found = [(str(name), getattr(plugin, "__file__", None)) for name, plugin in self.manager.list_name_plugin()]
        for name in self.pending:
            spec = importlib.util.find_spec(name)
            found.append((name, spec.origin if spec is not None else None))
        return found

    def load(self, names: Iterable[str]) -> None:
        """Import and register the pending families ``names``, their rules in registration order."""
        names = [name for name in names if name in self.pending]
        if not names:
            return
        for name in sorted(names, key=self.order.__getitem__):
            point = self.pending.pop(name)
            for code in FAMILIES[name]:  # reserved for it; what it really registers is added below
                if self.rule_plugins.get(code) == name:
                    del self.rule_plugins[code]
            plugin = _load_point(self.manager, point, self.problems)
            if plugin is None:
                continue
            for impl in self.manager.hook.fzlint_register_rules.get_hookimpls():
                if impl.plugin is plugin:
                    _add_rules(self, impl)
        position = {code: self.order.get(self.rule_plugins[code], len(self.order)) for code in self.loaded}
        self.loaded = dict(sorted(self.loaded.items(), key=lambda item: position[item[0]]))


_HOOKABLE = (types.FunctionType, staticmethod, classmethod, types.MethodType)
_IMPL_MARK = hookspecs.PROJECT + "_impl"  # where pluggy's HookimplMarker keeps a function's options


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, quicker to register a module: pluggy looks up every name of a
    plugin with ``inspect.getattr_static`` (~600 names over the rule modules, a few ms of
    every start). A plain module's name whose value is not a function (a class, a constant,
    an imported module) can never be a hook implementation, so it is skipped at once; for a
    plain function (not a dunder name, which the module type could shadow) the answer is the
    marker pluggy would read off it, read directly (~200 helper functions a registry); every
    other name still goes through pluggy's own lookup."""

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if type(plugin) is types.ModuleType:
            value = plugin.__dict__.get(name, _HOOKABLE)
            if type(value) is types.FunctionType and not name.startswith("__"):
                opts = getattr(value, _IMPL_MARK, None)
                return opts if isinstance(opts, dict) else None
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
    registry = Registry(manager=manager, problems=problems)
    for ep in points:
        if manager.has_plugin(ep.value) or ep.value in registry.pending:
            continue
        registry.order[ep.value] = len(registry.order)
        if ep.distribution == DISTRIBUTION and ep.value in FAMILIES:
            # known codes, imported on first need; reserved now, so no plugin can take them
            registry.pending[ep.value] = ep
            for code in FAMILIES[ep.value]:
                registry.rule_plugins.setdefault(code, ep.value)
            continue
        _load_point(manager, ep, problems)
    for plugin in extra_plugins:  # named, so problems and E999 can say whose they are
        registry.order.setdefault(_plugin_name(plugin), len(registry.order))
        manager.register(plugin, name=_plugin_name(plugin))
    manager.check_pending()
    # get_hookimpls() lists in registration order (calls run it backwards): the built-in
    # families come first (their codes reserved above), so a later plugin cannot take over
    # one of their codes.
    for impl in manager.hook.fzlint_register_rules.get_hookimpls():
        _add_rules(registry, impl)
    return registry


def _load_point(manager: pluggy.PluginManager, ep: EntryPoint, problems: list[str]) -> object | None:
    """Import and register one entry point's plugin; None (and a problem) if it is broken."""
    try:  # one by one: a broken plugin must not stop the others
        # stdout carries the report (JSON, SARIF): what a plugin prints on import goes to stderr
        with contextlib.redirect_stdout(sys.stderr):
            plugin = ep.load()
        if not manager.is_registered(plugin):
            manager.register(plugin, name=ep.value)
        return plugin
    except (Exception, SystemExit) as error:  # a plugin calling sys.exit is broken too
        problems.append(f"插件 {ep.name} ({ep.value}) 加载失败：{type(error).__name__}: {error}")
        return None


def _add_rules(registry: Registry, impl: Any) -> None:
    """The rules one ``fzlint_register_rules`` implementation registers, validated."""
    name = impl.plugin_name
    try:
        classes = impl.function() or []
    except (Exception, SystemExit) as error:
        registry.problems.append(f"插件 {name} 注册规则时出错：{type(error).__name__}: {error}")
        return
    for cls in classes:
        if not (isinstance(cls, type) and issubclass(cls, Rule)):
            registry.problems.append(f"插件 {name} 注册了非规则对象 {cls!r}")
            continue
        problems = cls.metadata_problems()
        if problems:
            registry.problems.append(f"插件 {name} 的规则 {cls.__name__}：{'；'.join(problems)}")
            continue
        if cls.code in registry.loaded or registry.rule_plugins.get(cls.code, name) != name:
            other = registry.rule_plugins[cls.code]
            registry.problems.append(f"插件 {name} 的规则代码 {cls.code} 与 {other} 重复")
            continue
        registry.loaded[cls.code] = cls
        registry.rule_plugins[cls.code] = name
