"""Turning paths into documents: file discovery and the plain-text loader.

Loaders are plugins (hook ``fzlint_load_document``, first result wins); this
module implements the text/Markdown loader (encodings: lint/load/encodings.py) and ``load_path`` which asks
the hook and turns every failure into a one-line :class:`LoadError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fzlint.document import Document
from fzlint.hookspecs import hookimpl

if TYPE_CHECKING:
    import pluggy

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# What a directory search picks up: legacy .doc/.wps too (converted by LibreOffice, or
# reported with a hint, so a folder of them never passes unchecked). Word's "~$name.docx"
# lock files are skipped everywhere, and so are fzlint's own annotated copies (--annotate).
DISCOVER_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".doc", ".wps")
LOCK_PREFIX = "~$"
ANNOTATED_SUFFIX = ".fzlint.docx"


@dataclass(frozen=True)
class Skipped:
    """A file named on the command line that is deliberately not linted (a lock file)."""

    path: Path
    reason: str


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIX)


class LoadError(Exception):
    """A file that cannot be linted; the message is one line naming the problem."""


def discover(paths: Iterable[str], suffixes: tuple[str, ...] = DISCOVER_SUFFIXES) -> Iterator[Path | str | Skipped]:
    """Files to lint: given files as they are, directories searched recursively.

    Yields a ``str`` error message (instead of a path) for a path that does not
    exist, so the caller can report it and go on with the rest, and a
    :class:`Skipped` for a Word lock file named explicitly. Symlinked
    directories are not followed, which rules out loops.
    """
    for raw in paths:
        path = Path(raw)
        try:
            kind = "stdin" if raw == "-" else "dir" if path.is_dir() else "file" if _exists(path) else None
        except OSError as error:  # a name too long, a path through a file: this path only
            yield f"{raw}: {_os_error_message(error)}"
            continue
        if kind == "stdin":  # standard input, read by the caller
            yield path
        elif kind == "dir":
            found = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root, f) for f in files if _searched(f, suffixes)]
            yield from sorted(found)
        elif kind == "file" and is_lock_file(path):
            yield Skipped(path, "是 Word/WPS 打开文档时生成的临时锁文件（~$ 开头），不是报告，已跳过")
        elif kind == "file":
            yield path
        else:
            yield f"{raw}: 文件或目录不存在"


def _searched(name: str, suffixes: tuple[str, ...]) -> bool:
    lower = name.lower()
    return lower.endswith(suffixes) and not name.startswith(LOCK_PREFIX) and not lower.endswith(ANNOTATED_SUFFIX)


def is_dir(path: Path) -> bool:
    """``Path.is_dir`` without the OSErrors it does not swallow (ENAMETOOLONG, EACCES …)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def kind_of(path: str) -> str:
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


@hookimpl(trylast=True)
def fzlint_load_document(path: Path, data: bytes, display_path: str) -> Document | None:
    """The plain-text loader: UTF-8 (BOM or not), UTF-16 with BOM, GB18030; any newline style."""
    from fzlint.load.encodings import DecodeError, decode

    try:
        decoded = decode(data)
    except DecodeError as error:
        raise LoadError(str(error)) from None
    return Document.from_text(
        display_path, decoded.text, kind=kind_of(display_path), encoding=decoded.encoding, bom=decoded.bom
    )


def load_path(
    path: Path,
    plugins: pluggy.PluginManager,
    display_path: str | None = None,
    data: bytes | None = None,
    max_size: int = 0,
) -> Document:
    """Read and decode one file through the loader hook of ``plugins`` (a run's registry
    manager); every failure is a LoadError.

    ``max_size`` (bytes, 0 for no limit) is checked before the file is read.
    """
    from fzlint.limits import TooLarge, read_file

    display = display_path or str(path)
    if data is None:
        try:
            data = read_file(path, max_size)
        except TooLarge as error:
            raise LoadError(str(error)) from None
        except ValueError as error:
            raise LoadError(str(error)) from None
        except OSError as error:
            raise LoadError(_os_error_message(error)) from None
    elif max_size and len(data) > max_size:
        from fzlint.limits import too_large_message

        raise LoadError(too_large_message(len(data), max_size))
    document = plugins.hook.fzlint_load_document(path=path, data=data, display_path=display)
    if document is None:
        raise LoadError("不支持的文件类型")
    return document


def _os_error_message(error: OSError) -> str:
    """One Chinese line for what the operating system refused."""
    import errno

    messages = {
        errno.EISDIR: "是目录而不是文件",
        errno.EACCES: "没有读取权限",
        errno.EPERM: "没有读取权限",
        errno.ENOENT: "文件不存在（或是指向不存在目标的符号链接）",
        errno.ELOOP: "符号链接循环，无法读取",
        errno.ENAMETOOLONG: "路径或文件名过长，操作系统无法打开",
        errno.ENOTDIR: "路径中的某一级不是目录",
    }
    if error.errno in messages:
        return messages[error.errno]
    return f"无法读取：{error.strerror or error}"
