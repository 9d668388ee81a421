"""fzlint's own regular expressions, built from a table of compiled code instead of compiled.

``re.compile`` parses a pattern and generates its code in Python (``re._parser``,
``re._compiler``); a CJK character class makes it build a charset of the whole range, and a
cold run of fzlint compiled ~170 patterns that way, a third of its CPU. The table
(``data/regex-table.marshal``, written by ``scripts/build_regex_table.py``) holds, per
(pattern, flags) fzlint compiles, what that compilation produced: the final flags, the code,
the groups. :func:`compile` hands those to ``_sre.compile``, the same call
``re._compiler.compile`` ends with, so the Pattern is the one ``re.compile`` would return.

The table is only a shortcut, never a source of truth: it is keyed by the exact pattern
text and flags, used only when it was made by this interpreter's regex engine (version and
``_sre`` constants), and checked by a CRC; a pattern not in it, a foreign, stale or corrupt
table, or any error building an entry, all end in ``re.compile``.
"""

from __future__ import annotations

import _sre
import marshal
import os
import re
import sys
import zlib
from typing import Any, AnyStr

TABLE = os.path.join(os.path.dirname(__file__), "data", "regex-table.marshal")
MAGIC = b"fzlint-regex-table 2\n"

Key = tuple[type, str | bytes, int]
_built: dict[Key, re.Pattern[Any]] = {}  # only table-built patterns: as many as the table has
_table: dict[tuple[str | bytes, int], Any] | None = None
_recording: set[tuple[str | bytes, int]] | None = None


def engine() -> tuple[object, ...]:
    """What the compiled code depends on: the interpreter's release and its ``_sre``."""
    return (
        sys.implementation.name,
        sys.hexversion,
        _sre.MAGIC,
        _sre.CODESIZE,
        _sre.MAXGROUPS,
        _sre.MAXREPEAT,
        sys.byteorder,  # the code is stored as machine words
    )


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the table when it holds this pattern."""
    flags = int(flags)
    key = (type(pattern), pattern, flags)
    found = _built.get(key)
    if found is not None:
        return found
    if _recording is not None and isinstance(pattern, str | bytes):
        _recording.add((pattern, flags))
    stored = (_table if _table is not None else _load()).get((pattern, flags))
    built = None if stored is None else build(pattern, stored)
    if built is None:
        return re.compile(pattern, flags)  # re's own (bounded) cache memoises these
    _built[key] = built
    return built


def build(pattern: AnyStr, stored: Any) -> re.Pattern[AnyStr] | None:
    """The Pattern of one table entry, as ``re._compiler.compile`` makes it; None when it is damaged."""
    try:
        final_flags, words, groups, groupindex, indexgroup = stored
        code = memoryview(words).cast("I")
        if code.itemsize != _sre.CODESIZE:
            return None
        return _sre.compile(pattern, final_flags, code.tolist(), groups - 1, groupindex, indexgroup)
    except Exception:  # _sre refuses code it cannot run: compile the pattern as re would
        return None


def _load() -> dict[tuple[str | bytes, int], Any]:
    global _table
    _table = read_table(TABLE)
    return _table


def recorded_engine(data: bytes) -> tuple[object, ...] | None:
    """Which engine made a table file (None when it is not a readable table)."""
    try:
        return tuple(marshal.loads(data[len(MAGIC) + 4 :])[0]) if data.startswith(MAGIC) else None
    except Exception:
        return None


def read_table(path: str) -> dict[tuple[str | bytes, int], Any]:
    """The entries of the table file at ``path`` when this engine made it, else none."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:  # missing or unreadable: every pattern compiles as usual
        return {}
    return parse_table(data)


def parse_table(data: bytes) -> dict[tuple[str | bytes, int], Any]:
    """The entries of a table file's bytes; none when it is damaged or from another engine."""
    try:
        head, crc, body = data[: len(MAGIC)], data[len(MAGIC) : len(MAGIC) + 4], data[len(MAGIC) + 4 :]
        if head != MAGIC or int.from_bytes(crc, "little") != zlib.crc32(body):
            return {}
        made_by, entries = marshal.loads(body)
    except Exception:  # not a table (marshal refuses it): trust nothing in it
        return {}
    if made_by != engine() or not isinstance(entries, dict):
        return {}
    return entries


def entry(pattern: str | bytes, flags: int) -> tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]:
    """What ``re._compiler.compile`` computes for one pattern before ``_sre.compile``, the code
    as machine words (bytes: marshal loads one object per pattern, not one per word)."""
    from array import array
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    words = array("I", code)
    if words.itemsize != _sre.CODESIZE:
        raise SystemExit(f"array('I') has {words.itemsize} bytes, _sre's code words {_sre.CODESIZE}")
    return int(flags | parsed.state.flags), words.tobytes(), parsed.state.groups, groupindex, tuple(indexgroup)


def table_bytes(patterns: set[tuple[str | bytes, int]]) -> bytes:
    """The table file for these patterns, for this engine (sorted: the same set, the same bytes)."""
    cacheable = sorted(
        ((p, int(f)) for p, f in patterns if not f & (re.DEBUG | re.LOCALE)), key=lambda k: (type(k[0]).__name__, k)
    )
    # marshal version 2 writes no back-references, which depend on reference counts: stable bytes
    body = marshal.dumps((engine(), {key: entry(*key) for key in cacheable}), 2)
    return MAGIC + zlib.crc32(body).to_bytes(4, "little") + body


def record() -> set[tuple[str | bytes, int]]:
    """Start collecting every (pattern, flags) asked of :func:`compile` (for the table's script)."""
    global _recording
    _recording = set()
    _built.clear()
    return _recording
