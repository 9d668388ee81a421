"""Writing fixed text back: same encoding, BOM and newlines; atomic; never over a changed file.

The write goes to a temporary file in the same directory, is flushed to disk,
gets the original's permission bits and then replaces the original with
``os.replace`` (atomic on POSIX and Windows), so an interrupted run leaves
either the old file or the new one, never half of each. A symlink is followed
and its target is replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from fzlint.document import Document
from fzlint.load.encodings import DecodeError, decode, encode


class WriteError(Exception):
    """The fixed text was not written; the message is one line naming why."""


def write_fixed(path: Path, original: Document, new_text: str) -> None:
    """Replace ``path``'s content with ``new_text`` if the file still holds ``original``."""
    expected = encode(original.text, original.encoding, original.bom)
    try:
        current = path.read_bytes()
    except OSError as error:
        raise WriteError(f"无法重新读取文件：{error.strerror or error}") from None
    if current != expected:
        raise WriteError(_why_different(current, original))
    try:
        atomic_write(path, encode(new_text, original.encoding, original.bom))
    except OSError as error:
        raise WriteError(f"写入失败，原文件未改动：{error.strerror or error}") from None


def write_fixed_docx(path: Path, original: Document, fixed: Document) -> None:
    """Carry the fixed paragraph text into the .docx at ``path`` (see :mod:`fzlint.docx.fix`)."""
    from fzlint.docx.fix import DocxFixError, fixed_docx
    from fzlint.load.loading import LoadError

    try:
        data = fixed_docx(path.read_bytes(), original.lines, fixed.lines)
    except OSError as error:
        raise WriteError(f"无法重新读取文件：{error.strerror or error}") from None
    except (DocxFixError, LoadError) as error:
        raise WriteError(str(error)) from None
    try:
        atomic_write(path, data)
    except OSError as error:
        raise WriteError(f"写入失败，原文件未改动：{error.strerror or error}") from None


def _why_different(current: bytes, original: Document) -> str:
    try:
        unchanged = decode(current).text == original.text
    except DecodeError:
        unchanged = False
    if unchanged:
        return (
            f"按 {original.encoding} 重新编码后与原文件字节不一致，为免改动修复范围以外的内容，"
            "未写入修复；请另存为 UTF-8 后再用 --fix"
        )
    return "文件在检查之后被修改过，未写入修复；请重新运行 fzlint check --fix"


def atomic_write(path: Path, data: bytes) -> None:
    target = path.resolve() if path.is_symlink() else path
    mode = stat.S_IMODE(target.stat().st_mode)
    if not mode & stat.S_IWUSR:  # os.replace would succeed anyway (and always as root)
        raise PermissionError(errno.EACCES, "文件是只读的（如需修复请先取消只读）")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".fzlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
