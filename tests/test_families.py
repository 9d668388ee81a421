"""Built-in rule families imported on first need (fzlint.run.families): the generated table
of codes is current, a selective run imports only what it can run, and every other view
(codes, the rule table, plugin conflicts, the cache key) is what a full load gives."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from demo_plugins import demo_rule, plugin_with
from test_speed_startup import _imported_modules

from fzlint.run import cache, families, plugins
from fzlint.settings import Settings


def test_the_table_of_codes_is_current() -> None:
    """Regenerate with ``python -m fzlint.run.families`` after adding or moving a rule."""
    assert families.source(families.generate()) == Path(families.__file__).read_text(encoding="utf-8")


def test_the_table_lists_every_builtin_family_and_no_code_twice() -> None:
    registry = plugins.new_registry()
    codes = [code for listed in families.FAMILIES.values() for code in listed]
    assert len(codes) == len(set(codes))
    builtin = {registry.rule_plugins[c] for c in registry.rules}
    assert builtin == set(families.FAMILIES)  # every built-in family is imported on need
    assert {"fzlint.rules.terms", "fzlint.rules.punctuation", "fzlint.rules.content"} <= set(families.FAMILIES)


def test_select_p1_imports_only_the_punctuation_family() -> None:
    modules = _imported_modules("check", "--select", "P1", "--format", "concise", str(SEEDS[0]))
    assert "fzlint.rules.punctuation" in modules and "fzlint.parse._report_parser" in modules
    for family in set(families.FAMILIES) - {"fzlint.rules.punctuation"}:
        assert family not in modules, family


def test_a_full_run_imports_every_family() -> None:
    modules = _imported_modules("check", "--format", "concise", str(SEEDS[0]))
    assert set(families.FAMILIES) <= modules


def test_codes_are_known_before_any_family_is_imported() -> None:
    registry = plugins.new_registry()
    assert set(registry.pending) == set(families.FAMILIES)
    codes = registry.codes()
    assert codes == frozenset(registry.rules) and not registry.pending  # .rules imports them all


def test_rules_for_a_selection_imports_only_its_families() -> None:
    registry = plugins.new_registry()
    settings = Settings(select=["P1"])
    loaded = registry.rules_for(settings.is_enabled)
    assert sorted(code for code in loaded if settings.is_enabled(code)) == ["P101", "P102", "P103", "P104"]
    assert "fzlint.rules.terms" in registry.pending and "fzlint.rules.punctuation" not in registry.pending
    assert registry.get("T101") is not None and "fzlint.rules.terms" not in registry.pending


def test_lazy_and_full_loads_agree_on_everything() -> None:
    full, lazy = plugins.new_registry(), plugins.new_registry()
    full.load(list(full.pending))
    lazy.rules_for(Settings(select=["N1", "S1"]).is_enabled)
    key = cache.run_key(lazy)  # with families still pending
    assert list(lazy.rules) == list(full.rules)  # same order: registration order
    assert lazy.rule_plugins == full.rule_plugins and lazy.problems == full.problems == []
    assert key == cache.run_key(lazy) == cache.run_key(full)
    assert lazy.rule("missing-part") is full.rule("S101")


def test_a_plugin_cannot_take_a_code_of_a_family_not_yet_imported() -> None:
    thief = demo_rule(code="T101", name="steals-t101")
    registry = plugins.new_registry(extra_plugins=(plugin_with(thief, name="Thief"),))
    assert "fzlint.rules.terms" in registry.pending
    assert registry.problems == ["插件 Thief 的规则代码 T101 与 fzlint.rules.terms 重复"]
    assert registry.get("T101") is not thief and registry.rule_plugins["T101"] == "fzlint.rules.terms"
