"""Input limits: how large a file fzlint reads, and reading that refuses beyond it.

A pre-commit hook meets every file a repository holds, so the size is checked
with ``stat`` before anything is read, special files (FIFOs, devices) are never
opened, and a file that grows while it is read is cut off at the limit + 1
byte and refused. The default (20 MB) is about 500 times a real report; the
linter is linear in the text, and 20 MB costs roughly 10 s and 0.5 GB.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from fzlint import regex

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
_UNITS = {
    "": 1,
    "B": 1,
    "K": 1024,
    "KB": 1024,
    "KIB": 1024,
    "M": 1024**2,
    "MB": 1024**2,
    "MIB": 1024**2,
    "G": 1024**3,
    "GB": 1024**3,
    "GIB": 1024**3,
}
_SIZE = regex.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$")


class TooLarge(Exception):
    """The input exceeds the configured maximum size."""


def parse_size(value: str | int) -> int:
    """``20MB``, ``500K``, ``1.5M`` or a byte count → bytes; 0 means no limit."""
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"大小不能为负数：{value}")
        return value
    match = _SIZE.match(value)
    unit = match.group(2).upper() if match else None
    if match is None or unit not in _UNITS:
        raise ValueError(f"无法识别的大小 {value!r}（示例：20MB、500KB、0 表示不限）")
    return int(float(match.group(1)) * _UNITS[unit])


def format_size(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} B"


def too_large_message(size: int | None, limit: int) -> str:
    actual = f"{format_size(size)}，" if size is not None else ""
    return (
        f"文件过大（{actual}超过上限 {format_size(limit)}）；确需检查请用 --max-file-size 或配置 max-file-size 调高上限"
    )


def read_limited(stream: BinaryIO, limit: int, expected: int | None = None) -> bytes:
    """Read a stream whole, refusing (TooLarge) once it passes ``limit`` bytes (0: no limit).

    ``expected`` (the size a stat gave) is only a hint: one read of that size plus one byte
    tells whether the file grew since, and then the rest is read up to the limit. Asking for
    ``limit + 1`` bytes at once would make Python allocate the whole limit (20 MB) per file."""
    if not limit:
        return stream.read()
    if expected is not None and expected < limit:
        data = stream.read(expected + 1)
        if len(data) > expected:  # it grew: read on, still bounded
            data += stream.read(limit + 1 - len(data))
    else:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(too_large_message(None, limit))
    return data


def read_file(path: Path, limit: int) -> bytes:
    """A regular file's bytes, checking type and size before reading.

    Raises OSError (with ``errno``) for what the OS refuses, ValueError for a
    path that is not a regular file, TooLarge beyond ``limit``.
    """
    info = os.stat(path)  # follows symlinks; a loop raises ELOOP
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("不是普通文件（管道、设备或套接字），已跳过")
    if limit and info.st_size > limit:
        raise TooLarge(too_large_message(info.st_size, limit))
    with open(path, "rb") as stream:
        return read_limited(stream, limit, info.st_size)
