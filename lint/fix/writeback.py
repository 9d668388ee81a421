"""Writing fixed text back: same encoding, BOM and newlines; atomic; never over a changed file.

The write goes to a temporary file in the same directory, is flushed to disk,
gets the original's owner, group, extended attributes and permission bits and
then replaces the original with ``os.replace`` (atomic on POSIX and Windows), so
an interrupted run leaves either the old file or the new one, never half of each.
A symlink is followed and its target is replaced; a file with several hard links
is rewritten in place so every name sees the fix (see :func:`atomic_write`).
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
        atomic_write(path, encode(new_text, original.encoding, original.bom), expected)
    except ChangedOnDisk as error:
        raise WriteError(str(error)) from None
    except OSError as error:
        raise WriteError(f"写入失败，原文件未改动：{error.strerror or error}") from None


def write_fixed_docx(path: Path, original: Document, fixed: Document) -> None:
    """Carry the fixed paragraph text into the .docx at ``path`` (see :mod:`fzlint.docx.fix`)."""
    from fzlint.docx.fix import DocxFixError, fixed_docx
    from fzlint.load.loading import LoadError

    try:
        current = path.read_bytes()
        data = fixed_docx(current, original.lines, fixed.lines)
    except OSError as error:
        raise WriteError(f"无法重新读取文件：{error.strerror or error}") from None
    except (DocxFixError, LoadError) as error:
        raise WriteError(str(error)) from None
    try:
        atomic_write(path, data, current)
    except ChangedOnDisk as error:
        raise WriteError(str(error)) from None
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
    return CHANGED


class ChangedOnDisk(Exception):
    """The file changed between the check and the write; it is left as it is now."""


CHANGED = "文件在检查之后被修改过，未写入修复；请重新运行 fzlint check --fix"


def atomic_write(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path``'s content with ``data``, keeping owner, group, mode, extended
    attributes and hard links; with ``expected``, only while the file still holds it.

    A file with several hard links is rewritten in place (a rename would leave the other
    names on the old content). Otherwise the new content goes to a temporary file beside
    it, which gets the original's owner, group, xattrs and mode before ``os.replace``.
    The original stays open throughout: it is compared with ``expected`` right before the
    rename and again after it, and a write into it that slipped in between (an editor
    saving in place) is put back and reported. What remains: an editor that saves by
    renaming its own new file over the name in the microseconds between the last check
    and ``os.replace`` loses that save.
    """
    target = path.resolve() if path.is_symlink() else path
    with open(target, "rb") as held:
        before = os.fstat(held.fileno())
        mode = stat.S_IMODE(before.st_mode)
        if not mode & stat.S_IWUSR:  # os.replace would succeed anyway (and always as root)
            raise PermissionError(errno.EACCES, "文件是只读的（如需修复请先取消只读）")
        _check(held, expected)
        if before.st_nlink > 1:
            _write_in_place(target, data, expected)
            return
        temporary = _prepared_copy(target, data, before)
        try:
            _check(held, expected)
            now = os.stat(target)
            if (now.st_dev, now.st_ino, now.st_mtime_ns) != (before.st_dev, before.st_ino, before.st_mtime_ns):
                raise ChangedOnDisk(CHANGED)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        if expected is not None and _content(held) != expected:  # written into between check and rename
            restored = _prepared_copy(target, _content(held), before)
            os.replace(restored, target)
            raise ChangedOnDisk(CHANGED)


def _content(handle) -> bytes:
    handle.seek(0)
    return handle.read()


def _check(held, expected: bytes | None) -> None:
    if expected is not None and _content(held) != expected:
        raise ChangedOnDisk(CHANGED)


def _write_in_place(target: Path, data: bytes, expected: bytes | None) -> None:
    """Keep every hard link: rewrite the one inode they share (not atomic: see README)."""
    with open(target, "r+b") as handle:
        if expected is not None and handle.read() != expected:
            raise ChangedOnDisk(CHANGED)
        handle.seek(0)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _prepared_copy(target: Path, data: bytes, original: os.stat_result) -> str:
    """A flushed temporary file beside ``target`` holding ``data``, with the original's
    owner and group (possible as root, or for a group the user is in), its extended
    attributes (those the user may set) and, last, its mode (chown clears set-id bits)."""
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".fzlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if hasattr(os, "chown"):
            with contextlib.suppress(OSError):
                os.chown(temporary, original.st_uid, original.st_gid)
        _copy_xattrs(target, temporary)
        os.chmod(temporary, stat.S_IMODE(original.st_mode))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _copy_xattrs(source: Path, destination: str) -> None:
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(source)
    except OSError:  # the filesystem has none
        return
    for name in names:
        with contextlib.suppress(OSError):  # security.* / trusted.* need privileges
            os.setxattr(destination, name, os.getxattr(source, name))
