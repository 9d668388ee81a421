"""Baselines: record today's findings once, then report only new ones.

A repository of past years' reports cannot fix everything before adopting the
hook. ``--write-baseline FILE`` records each finding by rule code, path and a
fingerprint of its content: the flagged text and its whole line with all
white space removed. Line numbers are left out, so lines inserted or deleted
above a finding do not invalidate it; editing the flagged line itself does
(the finding is then shown again, which is what a reviewer wants). Identical
findings are counted, so a baseline with two copies of a defect hides two.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fzlint import regex
from fzlint.diagnostics import Diagnostic
from fzlint.run.engine import FileResult

VERSION = 1
_SPACE = regex.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def fingerprint(diagnostic: Diagnostic, lines: list[str]) -> str:
    """A hash of the code, the flagged text and its line, all white space removed."""
    line = lines[diagnostic.line - 1] if 0 < diagnostic.line <= len(lines) else ""
    if diagnostic.end_line == diagnostic.line:
        span = line[diagnostic.column - 1 : diagnostic.end_column - 1]
    else:
        span = line[diagnostic.column - 1 :]
    content = "\0".join([diagnostic.code, _SPACE.sub("", line), _SPACE.sub("", span)])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:20]


def key_path(path: str, anchor: Path) -> str:
    """The path as stored: relative to the baseline's folder, with forward slashes."""
    absolute = Path(os.path.abspath(path))  # normalises "..", unlike Path.absolute
    try:
        return absolute.relative_to(os.path.abspath(anchor)).as_posix()
    except ValueError:
        return absolute.as_posix()


@dataclass(frozen=True)
class Key:
    path: str
    code: str
    fingerprint: str


def keys(result: FileResult, anchor: Path) -> list[tuple[Key, Diagnostic]]:
    lines = result.document.lines if result.document else []
    path = key_path(result.path, anchor)
    return [(Key(path, d.code, fingerprint(d, lines)), d) for d in result.diagnostics]


def write(results: list[FileResult], target: Path) -> int:
    """Record every finding in ``target``; returns how many were recorded."""
    anchor = target.absolute().parent
    counts: Counter[Key] = Counter()
    example: dict[Key, Diagnostic] = {}
    for result in results:
        for key, diagnostic in keys(result, anchor):
            counts[key] += 1
            example.setdefault(key, diagnostic)
    findings = [
        {
            "path": k.path,
            "code": k.code,
            "fingerprint": k.fingerprint,
            "count": counts[k],
            # For a reader only: where it was and what it said when recorded.
            "line": example[k].line,
            "message": example[k].message,
        }
        for k in sorted(counts, key=lambda k: (k.path, example[k].line, k.code, k.fingerprint))
    ]
    document = {"tool": "fzlint", "version": VERSION, "findings": findings}
    # A name that is not UTF-8 keeps its bytes (surrogateescape), so it matches again when read.
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "surrogateescape")
    try:
        _replace_atomically(target, data)
    except OSError as error:
        raise BaselineError(f"{target}：写入基线失败，原基线未改动：{error.strerror or error}") from None
    return sum(counts.values())


def _replace_atomically(target: Path, data: bytes) -> None:
    """Write a temporary file beside ``target``, flush it to disk, then rename it over
    ``target``: a failure at any point leaves the old baseline as it was."""
    import contextlib
    import tempfile

    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".fzlint-tmp", dir=target.absolute().parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # keep the old file's permission bits
            os.chmod(temporary, os.stat(target).st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read(source: Path) -> Counter[Key]:
    try:
        document = json.loads(source.read_bytes().decode("utf-8", "surrogateescape"))
        if not isinstance(document, dict) or document.get("tool") != "fzlint" or document.get("version") != VERSION:
            raise ValueError(f"不是 fzlint 第 {VERSION} 版基线文件")
        findings = document["findings"]
        if not isinstance(findings, list):
            raise ValueError("findings 应为数组")
        return Counter(dict(_entry(item, number) for number, item in enumerate(findings, 1)))
    except FileNotFoundError:
        raise BaselineError(f"{source}：基线文件不存在（先用 --write-baseline 生成）") from None
    except RecursionError:  # json recurses per nesting level
        raise BaselineError(f"{source}：无法读取基线文件：嵌套层数过深，不是 fzlint 写出的基线") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BaselineError(f"{source}：无法读取基线文件：{error}") from None


def _entry(item: object, number: int) -> tuple[Key, int]:
    """One recorded finding: three strings and a count that is a whole number ≥ 0."""
    if not isinstance(item, dict):
        raise ValueError(f"第 {number} 条记录应为对象")
    fields = [item.get(name) for name in ("path", "code", "fingerprint")]
    count = item.get("count")
    if not all(isinstance(value, str) for value in fields):
        raise ValueError(f"第 {number} 条记录的 path/code/fingerprint 应为字符串")
    if type(count) is not int or count < 0:  # 1e999 is a float (inf), true is a bool
        raise ValueError(f"第 {number} 条记录的 count 应为非负整数，实际为 {str(count)[:40]}")
    return Key(*fields), count  # type: ignore[arg-type]


def apply(results: list[FileResult], source: Path) -> int:
    """Drop findings recorded in the baseline at ``source``; returns how many were dropped."""
    remaining = read(source)
    anchor = source.absolute().parent
    dropped = 0
    for result in results:
        kept = []
        for key, diagnostic in keys(result, anchor):
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(diagnostic)
        result.diagnostics = kept
    return dropped
