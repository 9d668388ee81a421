"""Text encodings: UTF-8 (BOM or not), UTF-16 with BOM, GB18030 fallback, binary refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS
from registry_for_tests import REGISTRY

from fzlint.load.encodings import DecodeError, decode, encode
from fzlint.run.engine import lint_path
from fzlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "一、主要举措和成效\n（一）加强党的领导，推进政务公开①。\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (SAMPLE.encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8", True),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16-le", True),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be", True),
        (SAMPLE.encode("gb18030"), "gb18030", False),
        (SAMPLE.encode("gbk"), "gb18030", False),
        (b"\x84\x31\x95\x33" + SAMPLE.encode("gb18030"), "gb18030", True),
    ],
)
def test_supported_encodings_decode_and_encode_back(data: bytes, encoding: str, bom: bool) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.bom) == (SAMPLE, encoding, bom)
    assert encode(decoded.text, decoded.encoding, decoded.bom) == data


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"PNG\x00\x01\x02binary", "NUL"),
        ("报告".encode("gb18030") + b"\x01\x02\x03", "GB18030"),  # control bytes: not text
        ("café résumé".encode("latin-1"), "GB18030"),  # decodes as neither
        (b"\x81\x30\x81\x30" * 50, "GB18030"),  # valid GB18030, but no Chinese text in it
        (b"\xef\xbb\xbf\xff\xfe", "UTF-8"),  # a UTF-8 BOM followed by garbage
        (b"\xff\xfe\x00\xd8", "UTF-16-LE"),  # a lone surrogate
    ],
)
def test_undecodable_or_binary_data_is_refused(data: bytes, why: str) -> None:
    with pytest.raises(DecodeError, match=why):
        decode(data)


def test_an_undecodable_file_exits_2_and_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "乱码.txt"
    bad.write_bytes("café".encode("latin-1") * 20)
    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", str(bad)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 2
    assert str(bad) in done.stderr and "UTF-8" in done.stderr


def _findings(path: Path) -> list[tuple]:
    result = lint_path(path, Settings(), REGISTRY)
    assert result.error is None
    return [(d.line, d.column, d.end_line, d.end_column, d.code, d.message) for d in result.diagnostics]


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("gb18030", b"", "\n"),
        ("utf-16-le", b"\xff\xfe", "\r\n"),
        ("utf-16-be", b"\xfe\xff", "\n"),
        ("utf-8", b"\xef\xbb\xbf", "\r\n"),
    ],
)
def test_seed_in_another_encoding_lints_like_the_original_and_fix_keeps_it(
    tmp_path: Path, encoding: str, bom: bytes, newline: str
) -> None:
    seed = SEEDS[0]
    text = seed.read_text(encoding="utf-8")
    copy = tmp_path / seed.name
    copy.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    assert _findings(copy) == _findings(seed)

    done = subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", "--fix", str(copy)], capture_output=True, text=True, cwd=ROOT
    )
    assert "已修复" in done.stderr
    data = copy.read_bytes()
    assert data.startswith(bom)
    fixed = data[len(bom) :].decode(encoding)  # strict: the file is still in its own encoding
    assert "\r\n" in fixed if newline == "\r\n" else "\r" not in fixed
    assert "二是深化政务服务" in fixed and "二深化政务服务" not in fixed
    reference = tmp_path / "utf8" / seed.name
    reference.parent.mkdir()
    reference.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "fzlint.cli", "check", "--fix", str(reference)], capture_output=True, cwd=ROOT
    )
    assert fixed.replace("\r\n", "\n") == reference.read_text(encoding="utf-8")


def test_seeds_are_all_utf8() -> None:
    assert all(decode(seed.read_bytes()).encoding == "utf-8" for seed in SEEDS)
