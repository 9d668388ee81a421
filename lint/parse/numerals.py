"""Chinese numerals as used in heading markers, enumerations and dates."""

from __future__ import annotations

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
_NUMERAL_SET = frozenset(NUMERAL_CHARS)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TO_CN = "零一二三四五六七八九"


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十二, 二十一, 一百零五; None if not one."""
    if not text or not _NUMERAL_SET.issuperset(text):  # one C pass, not a generator per character
        return None
    total, current = 0, None
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch] if current is None else current * 10 + DIGITS[ch]
        else:
            unit = UNITS[ch]
            total += (1 if current is None else current) * unit
            current = None
    return total + (current or 0)


def int_to_cn(value: int) -> str:
    """Chinese numeral in the form headings use (十一, 二十); from 100 on, digit by digit
    (一二一), which is how such a number is written when it is not a count."""
    if not 0 <= value < 100:
        return "".join(_TO_CN[int(d)] for d in str(abs(value)))
    if value < 10:
        return _TO_CN[value]
    tens, ones = divmod(value, 10)
    head = "" if tens == 1 else _TO_CN[tens]
    return head + "十" + (_TO_CN[ones] if ones else "")


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # built once, not per call


def digits_value(text: str) -> int | None:
    """Value of ASCII or full-width decimal digits."""
    normal = text.translate(_FULLWIDTH_DIGITS)
    return int(normal) if normal.isdigit() and normal.isascii() else None


def year_value(text: str) -> int | None:
    """A four-digit year written in Arabic or Chinese digits (二〇二五)."""
    value = digits_value(text)
    if value is not None:
        return value
    if len(text) == 4 and all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    return None
