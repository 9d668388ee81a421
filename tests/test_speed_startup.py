"""Start-up work kept cheap without losing behaviour: entry points, lazy imports, --profile."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from demo_plugins import RAISING_RULES, install

from fzlint.run import entrypoints, plugins


@pytest.mark.parametrize("group", ["fzlint", "console_scripts", "pytest11"])
def test_scan_agrees_with_importlib_metadata(group: str) -> None:
    ours = [(ep.name, ep.value) for ep in entrypoints.entry_points(group=group)]
    theirs = [(ep.name, ep.value) for ep in metadata.entry_points(group=group)]
    assert ours == theirs


def test_third_party_plugin_is_still_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    modules = {"fzlint_demo_plugin": RAISING_RULES}
    install(tmp_path, "fzlint_demo", {"demo": "fzlint_demo_plugin"}, modules, {"console_scripts": {"x": "y:z"}})
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = plugins.new_registry()
    assert registry.rule_plugins.get("X901") == "fzlint_demo_plugin"
    assert not registry.problems


def test_first_distribution_on_sys_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    install(first, "Same.Name", {"one": "first_module"})
    install(second, "same_name", {"one": "second_module"})
    monkeypatch.setattr(sys, "path", [str(first), str(second)])
    assert [ep.value for ep in entrypoints.entry_points(group="fzlint")] == ["first_module"]


def test_zip_on_sys_path_falls_back_to_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_dist-2.0.dist-info/METADATA", "Name: zipped_dist\nVersion: 2.0\n")
        zipped.writestr("zipped_dist-2.0.dist-info/entry_points.txt", "[fzlint]\nz = zipped.module\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert entrypoints._scan("fzlint") is None
    assert [ep.value for ep in entrypoints.entry_points(group="fzlint")] == ["zipped.module"]


def test_entry_point_load_follows_attributes() -> None:
    point = entrypoints.EntryPoint("x", "fzlint.run.plugins:Registry.rule", "fzlint")
    assert point.load() is plugins.Registry.rule
    assert entrypoints.EntryPoint("y", "fzlint.rules.structure", "fzlint").load().__name__ == "fzlint.rules.structure"


def test_parse_reads_only_the_group() -> None:
    text = "# comment\n[other]\na = b\n[fzlint]\n; note\nmine = pkg.mod:attr [extra]\n\n[x]\nc = d\n"
    assert [(e.name, e.value) for e in entrypoints._parse(text, "fzlint")] == [("mine", "pkg.mod:attr [extra]")]


def _imported_modules(*args: str) -> set[str]:
    """Modules fzlint itself imports: those the interpreter already had at start-up (site
    hooks such as a .pth file in the environment) are left out."""
    code = (
        "import sys, runpy; before = set(sys.modules); sys.argv = ['fzlint', *sys.argv[1:]];\n"
        "try:\n    runpy.run_module('fzlint.cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\nprint('\\n'.join(sorted(set(sys.modules) - before)), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    return set(result.stderr.split())


def test_json_check_imports_neither_lark_nor_rich_nor_metadata() -> None:
    modules = _imported_modules("check", "--format", "json", str(SEEDS[0]))
    assert "fzlint.parse._report_parser" in modules  # the check really ran
    # logging is imported by Lark's standalone runtime (lint/parse/_report_parser.py; README
    # "What keeps it fast" gives its cost), so it is no longer on this list.
    for heavy in (
        "lark",
        "rich",
        "importlib.metadata",
        "importlib.resources",
        "jieba",
        "regex",
        "tempfile",
        "fzlint.rules.common.previous",
    ):
        assert heavy not in modules, heavy


def test_rich_output_imports_rich_only_then() -> None:
    assert "rich" in _imported_modules("check", str(SEEDS[0]))


def test_profile_reports_stages_and_rule_families_on_stderr() -> None:
    plain = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", "--format", "json", str(SEEDS[0])],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    profiled = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", "--format", "json", "--profile", str(SEEDS[0])],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert profiled.returncode == plain.returncode
    assert json.loads(profiled.stdout) == json.loads(plain.stdout)  # stdout untouched
    for row in (
        "classify",
        "parse",
        "rules: fzlint.rules.structure",
        "rules: fzlint.rules.numbering",
        "rules: fzlint.rules.webpage",
        "report: json",
        "main() total",
    ):
        assert row in profiled.stderr, row
    assert "fzlint --profile" not in plain.stderr


def test_jieba_loads_without_pkg_resources() -> None:
    code = (
        "import sys\nfrom fzlint.rules.common.segment import boundaries\n"
        "cuts = boundaries('深化政务公开推进依法行政')\n"
        "print(sorted(cuts), 'jieba' in sys.modules, 'pkg_resources' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    cuts, jieba_loaded, pkg_resources_loaded = result.stdout.rsplit(" ", 2)
    assert jieba_loaded == "True" and pkg_resources_loaded.strip() == "False"
    assert cuts.startswith("[0, ") and cuts.endswith(", 12]")  # words found, whole text covered


def test_streamed_json_is_exactly_json_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from registry_for_tests import REGISTRY

    from fzlint.reporters import ReportOptions, json_output
    from fzlint.run.engine import lint_path
    from fzlint.settings import Settings

    monkeypatch.setattr(json_output, "_BATCH", 3)  # several batches even for a few findings
    results = [lint_path(seed, Settings(), REGISTRY) for seed in SEEDS]
    options = ReportOptions(registry=REGISTRY)
    for chosen in (results, results[:1], []):
        out = io.StringIO()
        json_output.render(chosen, out, options)
        expected = json.dumps([d.as_dict() for d in options.visible(chosen)], ensure_ascii=False, indent=2)
        assert out.getvalue() == expected + "\n"
    assert len(json.loads(out.getvalue() or "[]")) == 0


def test_quick_module_registration_finds_what_pluggy_finds() -> None:
    import types

    import pluggy

    from fzlint.hookspecs import hookimpl

    module = types.ModuleType("fzlint_probe")
    exec(
        "import re\nfrom fzlint.hookspecs import hookimpl\nPATTERN = re.compile('x')\nclass K:\n    pass\n"
        "@hookimpl\ndef fzlint_register_rules():\n    return []\ndef helper():\n    pass\n"
        "wrapped = staticmethod(fzlint_register_rules)\n",
        module.__dict__,
    )
    instance = types.SimpleNamespace(fzlint_register_rules=hookimpl(lambda: []))
    registry = plugins.new_registry()
    assert registry.rules  # every built-in family imported and registered too
    plain = pluggy.PluginManager("fzlint")
    for plugin in [module, instance, *(p for _, p in registry.manager.list_name_plugin())]:
        for name in dir(plugin):
            assert registry.manager.parse_hookimpl_opts(plugin, name) == plain.parse_hookimpl_opts(plugin, name), name
