"""Finding the ``fzlint`` entry points without importing ``importlib.metadata``.

``importlib.metadata`` pulls in email, zipfile, urllib and more: ~15 ms of a
~100 ms cold start, to read a few ``entry_points.txt`` files. This module
reads them directly, with the same rules that matter here: every directory on
``sys.path`` in order, ``*.dist-info`` and ``*.egg-info`` metadata, the first
distribution of a (normalised) name wins. Whenever ``sys.path`` holds
something it does not understand (a zip archive, an ``.egg`` file), it hands
the whole search to ``importlib.metadata`` instead, so it is never less right.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from typing import Any

from fzlint import regex

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_NAME_SEPARATORS = regex.compile(r"[-_.]+")


@dataclass(frozen=True)
class EntryPoint:
    """``name = module[:attr]`` from one distribution's ``entry_points.txt``."""

    name: str
    value: str
    group: str
    distribution: str = ""  # normalised (``fzlint``, ``fzlint_mycity``)

    def load(self) -> Any:
        module_name, _, attr = self.value.partition(":")
        target: Any = importlib.import_module(module_name.strip())
        for part in attr.split("[")[0].strip().split(".") if attr else ():
            target = getattr(target, part)
        return target


def entry_points(*, group: str) -> list[EntryPoint]:
    """The entry points of ``group`` across installed distributions, in ``sys.path`` order."""
    found = _scan(group)
    if found is None:  # a sys.path entry we cannot list: let the standard library decide
        from importlib.metadata import entry_points as standard

        return [
            EntryPoint(ep.name, ep.value, group, _normalise(ep.dist.name if ep.dist else ""))
            for ep in standard(group=group)
        ]
    return found


def _scan(group: str) -> list[EntryPoint] | None:
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        directory = entry or "."
        if directory.lower().endswith(".egg"):
            return None  # an unpacked egg keeps its metadata in EGG-INFO
        try:
            names = os.listdir(directory)
        except NotADirectoryError:
            return None  # a zip archive or egg file on sys.path
        except OSError:
            continue  # missing directories are skipped, as importlib.metadata does
        for name in names:
            if not name.lower().endswith(_METADATA_SUFFIXES):
                continue
            distribution = _normalise(name.rsplit(".", 1)[0].split("-")[0])
            if distribution in seen:
                continue
            seen.add(distribution)
            text = _read(os.path.join(directory, name, "entry_points.txt"))
            if text is not None:
                found += _parse(text, group, distribution)
    return found


def _normalise(name: str) -> str:
    """A distribution's name as PEP 503 compares it (``Same.Name`` is ``same_name``)."""
    return _NAME_SEPARATORS.sub("_", name).lower()


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return None


def _parse(text: str, group: str, distribution: str = "") -> list[EntryPoint]:
    """The ``[group]`` section of an entry_points.txt (INI: ``name = value`` lines)."""
    found: list[EntryPoint] = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section == group and "=" in line:
            name, _, value = line.partition("=")
            found.append(EntryPoint(name.strip(), value.strip(), group, distribution))
    return found
