"""The LibreOffice conversion's own guarantees: a time limit, and which program is used."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from fzlint.docx import legacy
from fzlint.load.loading import LoadError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512


def test_a_hanging_converter_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    marker = tmp_path / "still-running"
    hang = tmp_path / "soffice"
    # a stand-in that never finishes and leaves a child behind, as soffice.bin would
    hang.write_text(f"#!/bin/sh\n(sleep 2; touch {marker}) &\nsleep 30\n", encoding="utf-8")
    hang.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(LoadError, match="超过 1 秒"):
        legacy.to_docx(OLE2 + b"hang", str(hang), time_limit=1)
    assert time.monotonic() - started < 10
    time.sleep(max(0.0, started + 3 - time.monotonic()))  # the child would have touched it at 2 s
    assert not marker.exists()


def test_a_converter_that_writes_nothing_is_a_clear_error(tmp_path: Path) -> None:
    silent = tmp_path / "soffice"
    silent.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    silent.chmod(0o755)
    with pytest.raises(LoadError, match="LibreOffice 无法转换"):
        legacy.to_docx(OLE2 + b"silent", str(silent))


def test_fzlint_soffice_chooses_or_turns_off_the_converter(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FZLINT_SOFFICE", "")
    assert legacy.converter() is None
    program = tmp_path / "my-soffice"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("FZLINT_SOFFICE", str(program))
    assert legacy.converter() == str(program)
    monkeypatch.delenv("FZLINT_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert legacy.converter() is None  # neither soffice nor libreoffice on PATH
    assert os.environ["PATH"] == str(tmp_path)
