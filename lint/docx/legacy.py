"""Legacy Word (.doc) and Kingsoft WPS (.wps) files, converted by LibreOffice.

When ``soffice`` (or ``libreoffice``) is on PATH, an OLE2 file is converted
headless to .docx in a private temporary directory (never beside the user's
file), with a private LibreOffice profile so a LibreOffice the user has open is
not disturbed and parallel runs do not share one; the conversion has a time
limit. The .docx is then read like any other (positions are paragraphs).
Conversions are remembered per content within one process, so ``--annotate``
does not convert a file twice.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from fzlint.load.loading import LoadError

TIME_LIMIT = 120.0  # seconds; a first start creates the profile (several seconds)
PROGRAMS = ("soffice", "libreoffice")
INSTALL_HINT = "或安装 LibreOffice（soffice）后由 fzlint 自动转换"
_converted: dict[str, bytes] = {}


def converter() -> str | None:
    """The LibreOffice program, or None; FZLINT_SOFFICE overrides ("" turns conversion off)."""
    chosen = os.environ.get("FZLINT_SOFFICE")
    if chosen is not None:
        return shutil.which(chosen) if chosen else None
    return next((found for name in PROGRAMS if (found := shutil.which(name))), None)


def to_docx(data: bytes, program: str, time_limit: float = TIME_LIMIT) -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps; LoadError with one line on failure."""
    key = hashlib.sha256(data).hexdigest()
    if key in _converted:
        return _converted[key]
    from fzlint.docx.safety import SAVE_AS_DOCX

    with tempfile.TemporaryDirectory(prefix="fzlint-") as private:  # mode 0700
        source = Path(private, "input.doc")
        source.write_bytes(data)
        profile = Path(private, "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(Path(private, "out")),
            str(source),
        ]
        try:
            _run(command, private, time_limit)
        except subprocess.TimeoutExpired:
            raise LoadError(f"LibreOffice 转换超过 {time_limit:.0f} 秒未完成；{SAVE_AS_DOCX}") from None
        except OSError as error:
            raise LoadError(f"无法运行 LibreOffice（{error.strerror or error}）；{SAVE_AS_DOCX}") from None
        result = Path(private, "out", "input.docx")
        if not result.is_file():
            raise LoadError(
                "是旧版 Word（.doc）、WPS（.wps）或加密的文档，LibreOffice 无法转换（文件损坏或有密码）；"
                + SAVE_AS_DOCX
            )
        converted = result.read_bytes()
    _converted[key] = converted
    return converted


def _run(command: list[str], cwd: str, time_limit: float) -> None:
    """Run LibreOffice in its own process group, so a time-out ends soffice.bin too
    (``soffice`` is a script that starts it)."""
    import signal

    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=time_limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
