"""Decoding report files and encoding them back exactly as they came.

Policy (documented in README, "Encodings"):

1. A byte-order mark decides: UTF-8 BOM → UTF-8, FF FE → UTF-16-LE, FE FF →
   UTF-16-BE, 84 31 95 33 → GB18030. The rest must then decode strictly.
2. Without a BOM, a NUL byte means binary (UTF-16 without a BOM is not guessed).
3. Strict UTF-8 is tried first; any control character other than tab, line
   feed, carriage return, vertical tab and form feed is fine for UTF-8 (Word
   copies leave \\v and \\f behind).
4. GB18030 (a superset of GBK and GB2312) is the fallback. Because GB18030
   decodes almost any byte string, it is accepted only when the bytes hold no
   control characters besides tab/LF/CR/FF and most of the non-ASCII text is in
   the ranges Chinese documents use (CJK ideographs, CJK and full-width
   punctuation, circled numbers …); otherwise the file is refused.

A file that fails all of these is a :class:`DecodeError` with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fzlint import regex

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_LE_BOM = b"\xff\xfe"
UTF16_BE_BOM = b"\xfe\xff"
GB18030_BOM = b"\x84\x31\x95\x33"  # U+FEFF in GB18030; rare, but kept if present
BOMS = {"utf-8": UTF8_BOM, "utf-16-le": UTF16_LE_BOM, "utf-16-be": UTF16_BE_BOM, "gb18030": GB18030_BOM}

# Control characters that never appear in a GB18030 text file.
_GB_CONTROL = regex.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Control characters that mean "not text" after any decoding.
_TEXT_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@cache
def _common_non_ascii() -> re.Pattern[str]:
    """Character ranges a Chinese report uses outside ASCII; the GB18030 plausibility test.
    Compiled on first use: the CJK class costs ~5 ms, and UTF-8 files never need it."""
    return regex.compile(
        "[\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u2000-\u206f\u2100-\u22ff\u2460-\u24ff"
        "\u2500-\u257f\u25a0-\u26ff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff"
        "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
    )


# At least this share of the non-ASCII characters must be "common" for GB18030.
GB18030_MIN_COMMON_SHARE = 0.9


class DecodeError(Exception):
    """Bytes that are not a text file in a supported encoding; the message is one line."""


@dataclass(frozen=True)
class Decoded:
    text: str  # without the BOM
    encoding: str  # a Python codec name without BOM handling: utf-8, utf-16-le, utf-16-be, gb18030
    bom: bool


def decode(data: bytes) -> Decoded:
    """Decode a text file's bytes by the policy in the module docstring."""
    for encoding, bom in BOMS.items():
        if data.startswith(bom):
            return Decoded(_decode_with_bom(data[len(bom) :], encoding), encoding, True)
    if b"\x00" in data:
        raise DecodeError("不是文本文件（含有二进制数据：NUL 字节）；如果是 UTF-16 文本，请带 BOM 保存或另存为 UTF-8")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as error:
        utf8_error = error
    text = _gb18030(data)
    if text is None:
        raise DecodeError(f"既不是 UTF-8（第 {utf8_error.start} 字节无效）也不是 GB18030/GBK 文本；请另存为 UTF-8 文本")
    return Decoded(text, "gb18030", False)


def _decode_with_bom(body: bytes, encoding: str) -> str:
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        label = encoding.upper()
        raise DecodeError(f"带 {label} BOM，但第 {error.start} 字节起无法按 {label} 解码") from None
    if _TEXT_CONTROL.search(text):
        raise DecodeError(f"不是文本文件（按 {encoding.upper()} 解码后含有控制字符）")
    return text


def _gb18030(data: bytes) -> str | None:
    """The GB18030 reading of ``data`` if it is plausibly a Chinese text file, else None."""
    if _GB_CONTROL.search(data):
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    if non_ascii == 0:
        return text
    common = len(_common_non_ascii().findall(text))
    return text if common >= GB18030_MIN_COMMON_SHARE * non_ascii else None


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """The bytes of ``text`` in ``encoding``, with the BOM when the original had one."""
    body = text.encode(encoding)
    if not bom:
        return body
    return BOMS[encoding] + body
