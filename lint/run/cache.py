"""An on-disk cache of results, keyed by everything a result depends on (as ruff's cache).

Opt-in (``--cache`` or ``cache = true``): fzlint writes nothing a run did not ask for.
An entry is keyed by the file's bytes, the name it is reported under (per-file ignores
depend on it), its effective settings, last year's report when one is compared, and the
run key: fzlint's version, the Python version and the size and modification time of every
module and data file of fzlint and of each loaded plugin, so editing a rule or a word list
invalidates the cache. Entries are JSON files written atomically; an entry that cannot be
read, does not parse, or was written for another key is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fzlint import __version__
from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.run.engine import FileResult, lint_path
from fzlint.run.plugins import Registry
from fzlint.settings import Settings

FORMAT = 2
DEFAULT_DIRECTORY = ".fzlint_cache"


def run_key(registry: Registry) -> str:
    """What every entry of this run depends on besides the file: code, data, plugins."""
    digest = hashlib.blake2b(f"{FORMAT}\0{__version__}\0{sys.version}".encode(), digest_size=16)
    roots: set[str] = set()
    for name, module_file in sorted(registry.plugin_files()):
        digest.update(f"plugin\0{name}\0".encode())
        if module_file:
            roots.add(os.path.dirname(os.path.abspath(module_file)))
    for root in sorted(roots):
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".toml", ".txt", ".lark")):
                    status = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _settings_key(settings: Settings) -> str:
    return json.dumps(dataclasses.asdict(settings), sort_keys=True, ensure_ascii=False, default=str)


@dataclass(frozen=True)
class ResultCache:
    directory: Path
    run: str  # run_key(registry) of the run that reads and writes it
    # Settings objects are shared by every file under one configuration: key each once.
    _settings: dict[int, tuple[Settings, bytes]] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def open(cls, directory: Path, registry: Registry) -> ResultCache:
        """A cache in ``directory`` (made on first write, with a .gitignore of its own)."""
        return cls(directory, run_key(registry))

    def _settings_bytes(self, settings: Settings) -> bytes:
        known = self._settings.get(id(settings))
        if known is None or known[0] is not settings:
            known = self._settings[id(settings)] = (settings, _settings_key(settings).encode())
        return known[1]

    def key(self, data: bytes, display: str, settings: Settings, previous: bytes | None) -> str:
        digest = hashlib.blake2b(digest_size=20)
        parts = (self.run.encode(), display.encode("utf-8", "surrogateescape"), self._settings_bytes(settings))
        # one update of the length-prefixed parts (the digest of the same bytes as one per part)
        digest.update(b"".join(len(part).to_bytes(8, "little") + part for part in parts))
        digest.update(data)
        digest.update(b"\0previous\0" + (hashlib.blake2b(previous).digest() if previous is not None else b"-"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, display: str) -> list[Diagnostic] | None:
        """The cached diagnostics for ``key``, or None (missing, unreadable, foreign, corrupt)."""
        try:
            with open(os.path.join(self.directory, key[:2], f"{key}.json"), encoding="utf-8") as stream:
                entry = json.loads(stream.read())
            if entry.get("format") != FORMAT or entry.get("key") != key:
                return None
            return [_diagnostic(item, display) for item in entry["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        """Store an entry; a cache that cannot be written is skipped silently (it is only a cache)."""
        entry = {"format": FORMAT, "key": key, "diagnostics": [_record(d) for d in diagnostics]}
        target = self._path(key)
        try:
            self._prepare()
            target.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(entry, stream, ensure_ascii=False)
            os.replace(temporary, target)
        except OSError:
            return

    def _prepare(self) -> None:
        if not (self.directory / ".gitignore").exists():
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / ".gitignore").write_text("# Created by fzlint --cache\n*\n", encoding="utf-8")


_SEVERITY = {severity.value: severity for severity in Severity}


def _record(diagnostic: Diagnostic) -> list[Any]:
    """A diagnostic as a JSON list (the path is re-added on reading: the same bytes may be
    reported under another name)."""
    fix = diagnostic.fix
    return [
        diagnostic.line,
        diagnostic.column,
        diagnostic.end_line,
        diagnostic.end_column,
        diagnostic.code,
        diagnostic.name,
        diagnostic.severity.value,
        diagnostic.message,
        None if fix is None else [fix.message, fix.safe, [list(dataclasses.astuple(edit)) for edit in fix.edits]],
        list(diagnostic.covers) if diagnostic.covers is not None else None,
    ]


def _diagnostic(item: list[Any], display: str) -> Diagnostic:
    line, column, end_line, end_column, code, name, severity, message, fix, covers = item
    if not (type(line) is type(column) is type(end_line) is type(end_column) is int):
        raise ValueError("not a cached diagnostic")
    return Diagnostic(
        display,
        line,
        column,
        end_line,
        end_column,
        str(code),
        str(name),
        _SEVERITY[severity],
        str(message),
        None if fix is None else Fix(tuple(Edit(*edit) for edit in fix[2]), str(fix[0]), bool(fix[1])),
        covers=(int(covers[0]), int(covers[1])) if covers else None,
    )


def lint_cached(
    path: Path,
    display: str,
    settings: Settings,
    registry: Registry,
    cache: ResultCache,
    data: bytes | None = None,
    previous: Path | None = None,
    keep_document: bool = True,
) -> FileResult:
    """``lint_path``, answered from the cache when the entry for these bytes exists.

    Anything unusual (unreadable file, unreadable previous report) goes to ``lint_path``,
    which reports it; only clean results are stored, and only when the file still has the
    bytes the key was made from after linting."""
    from fzlint.limits import TooLarge, read_file
    from fzlint.load.loading import LoadError, load_path

    def read(source: Path) -> bytes | None:
        try:
            return read_file(source, settings.max_file_size)
        except (TooLarge, ValueError, OSError):
            return None

    raw = data if data is not None else read(path)
    last_year = previous or (Path(settings.previous) if settings.previous else None)
    previous_bytes = read(last_year) if last_year is not None else None
    if raw is None or (last_year is not None and previous_bytes is None):
        return lint_path(path, settings, registry, display, data, previous)
    key = cache.key(raw, display, settings, previous_bytes)
    cached = cache.get(key, display)
    if cached is not None:
        if not keep_document:
            return FileResult(path=display, diagnostics=cached)
        try:
            document = load_path(path, registry.manager, display, raw, settings.max_file_size)
        except LoadError as error:
            return FileResult(path=display, error=str(error))
        return FileResult(path=display, diagnostics=cached, document=document)
    result = lint_path(path, settings, registry, display, data, previous)
    unchanged = data is not None or read(path) == raw
    if result.error is None and not result.crashed and unchanged:
        cache.put(key, result.diagnostics)
    return result
