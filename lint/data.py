"""Word lists and patterns shipped as TOML in ``lint/data`` (and ``rules/data``: ``fzlint.rules``).

Tables are loaded once per process. Configuration can extend a table (lists are
extended, tables merged) or drop entries (``disable = [...]`` removes them from
every list in the table; an entry of an array of tables is named by its first field).
"""

from __future__ import annotations

import copy
import marshal
import os
from functools import cache
from typing import Any

from fzlint import regex

_PACKAGES = ("fzlint", "fzlint.rules")
_CORE_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
# tomllib's readings of the shipped tables outside the simple subset below, each beside the
# exact text it was read from (written by scripts/build_data_snapshot.py): tomllib is ~6 ms
# to import and ~4 ms to read them on every start. A table whose text differs is read afresh.
SNAPSHOT = os.path.join(_CORE_DATA, "tables.marshal")
SNAPSHOT_MAGIC = "fzlint-data-snapshot 1"


@cache
def char_rank() -> dict[str, int]:
    """Character → its rank among the seed reports' characters (0: the commonest), from
    ``data/char_rank.txt`` (written by scripts/build_jieba_dict.py). Only how much work a scan
    does depends on it (which needed character of a pattern or word is looked for), never a
    result: the classifier's chrome branches and the rules' word tables both use it."""
    path = os.path.join(_CORE_DATA, "char_rank.txt")
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    else:  # an installation that is not plain files (a zip archive)
        from importlib import resources

        text = resources.files("fzlint").joinpath("data", "char_rank.txt").read_text(encoding="utf-8")
    return {ch: i for i, ch in enumerate(text.strip())}


def _data_dirs() -> tuple[str, ...]:
    # fzlint.rules lives in the source tree's rules/ (mapped by pyproject) or in
    # site-packages' fzlint/rules/: ask the package where it is, without importing a rule.
    from importlib.util import find_spec

    spec = find_spec("fzlint.rules")
    rules_dirs = tuple(os.path.join(d, "data") for d in (spec.submodule_search_locations or ())) if spec else ()
    return (_CORE_DATA, *rules_dirs)


@cache
def _read(name: str) -> dict[str, Any]:
    # Straight from the source tree or site-packages: importlib.resources costs ~8 ms of
    # imports (zipfile, tempfile, shutil) on every cold start. It stays as the fallback
    # for an installation that is not plain files (a zip archive).
    for directory in _data_dirs():
        path = os.path.join(directory, f"{name}.toml")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            known = _snapshot().get(name)
            return known[1] if known is not None and known[0] == text else loads(text)
    from importlib import resources

    for package in _PACKAGES:
        resource = resources.files(package).joinpath("data", f"{name}.toml")
        if resource.is_file():
            return loads(resource.read_text(encoding="utf-8"))
    raise KeyError(f"no data table named {name!r}")


@cache
def _snapshot() -> dict[str, tuple[str, dict[str, Any]]]:
    """name -> (text, tomllib's reading of it); empty when the file is missing or not ours."""
    try:
        with open(SNAPSHOT, "rb") as handle:
            stored = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == SNAPSHOT_MAGIC):
        return {}
    tables = stored[1]
    if not isinstance(tables, dict):
        return {}
    return {
        name: entry
        for name, entry in tables.items()
        if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], str) and isinstance(entry[1], dict)
    }


def snapshot_entries(directories: tuple[str, ...] | None = None) -> dict[str, tuple[str, dict[str, Any]]]:
    """What the snapshot should hold: every shipped table the subset reader leaves to tomllib."""
    import tomllib

    entries: dict[str, tuple[str, dict[str, Any]]] = {}
    for directory in directories or _data_dirs():
        for file in sorted(os.listdir(directory)):
            name = file.removesuffix(".toml")
            if file.endswith(".toml") and name not in entries:
                with open(os.path.join(directory, file), encoding="utf-8") as handle:
                    text = handle.read()
                if _subset(text) is None:
                    entries[name] = (text, tomllib.loads(text))
    return entries


# The subset of TOML a long word list is written in: comments, [[array-of-tables]] headers and
# `key = "string"` / `key = 'literal'` / `key = true|false` lines, one a line.
_SUBSET_LINE = regex.compile(
    r"[ \t]*(?:(?:#[^\n]*)?|\[\[([A-Za-z0-9_-]+)\]\]"
    r"""|([A-Za-z0-9_-]+) = (?:"([^"\\\x00-\x1f\x7f]*)"|'([^'\x00-\x1f\x7f]*)'|(true|false)))[ \t]*"""
)
_CONTROL = regex.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # not allowed in a comment (tomllib refuses them)


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``. tomllib is pure Python: the 660-entry word list took ~17 ms of
    every start. A file written in the simple subset above is read line by line, with one
    regular expression; anything else (other syntax, a repeated key, an escape) is left to
    tomllib, so the result, or the error, is always tomllib's."""
    found = _subset(text)
    if found is not None:
        return found
    import tomllib  # ~6 ms of imports: only for a table outside the subset and the snapshot

    return tomllib.loads(text)


def _subset(text: str) -> dict[str, Any] | None:
    root: dict[str, Any] = {}
    table = root
    match = _SUBSET_LINE.fullmatch
    for line in text.split("\n"):
        parts = match(line)
        if parts is None:
            return None
        header, key, basic, literal, boolean = parts.groups()
        if header is None and key is None:  # blank or a comment
            if _CONTROL.search(line):
                return None
        elif header is not None:
            entries = root.setdefault(header, [])
            if not isinstance(entries, list) or (entries and not isinstance(entries[-1], dict)):
                return None
            table = {}
            entries.append(table)
        elif key is not None:
            if key in table:
                return None  # tomllib's error to give
            table[key] = basic if basic is not None else literal if literal is not None else boolean == "true"
    return root


def load(name: str, override: dict[str, Any] | None = None) -> dict[str, Any]:
    """The table ``name``, with ``override`` applied when given."""
    table = _read(name)
    if not override:
        return table
    merged = copy.deepcopy(table)
    _merge(merged, {k: v for k, v in override.items() if k != "disable"})
    disabled = set(override.get("disable", []))
    if disabled:
        _drop(merged, disabled)
    return merged


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value


def _first(entry: dict[str, Any]) -> Any:
    """A table entry's key value: its first field (``wrong = "布署"``, ``name = …``)."""
    return next(iter(entry.values()), None)


def _drop(table: dict[str, Any], disabled: set[Any]) -> None:
    for key, value in table.items():
        if isinstance(value, list):
            table[key] = [
                v
                for v in value
                if not (
                    v in disabled
                    or (isinstance(v, list | tuple) and v and v[0] in disabled)
                    or (isinstance(v, dict) and _first(v) in disabled)
                )
            ]
        elif isinstance(value, dict):
            _drop(value, disabled)
