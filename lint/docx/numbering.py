"""Word's automatic list numbering, reconstructed so a heading reads "一、…" as on screen.

A paragraph is numbered by ``w:numPr`` (``w:numId`` + ``w:ilvl``), either
directly or inherited from its paragraph style (following ``w:basedOn``). The
numId names a ``w:num`` that points at a ``w:abstractNum`` whose ``w:lvl``
entries give the format (``numFmt``), the label template (``lvlText`` such as
"%1、" or "（%1）"), the start value and the separator after the label.

Counters are kept per numId and level, as Word shows them: numbering a level
advances it and restarts every deeper level (unless ``lvlRestart`` says
otherwise); ``%N`` in a template shows level N's current value in level N's
format. Bullets produce no label (they carry no number for the rules to check).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_LEVELS = 9
# Bounds on what a document can make us build (a 2 KB file once asked for a 300-million-letter
# label): Word's own dialog accepts start values up to 32767, and no real label is long.
MAX_START = 32_767
MAX_TEMPLATE_CHARS = 64
MAX_LABEL_CHARS = 64
MAX_LETTER_REPEAT = 8  # AAAAAAAA (value 183); past that the value is shown in decimal


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: etree._Element | None, child: str) -> str | None:
    if element is None:
        return None
    found = element.find(w(child))
    return None if found is None else found.get(w("val"))


def _int(text: str | None, default: int | None = None) -> int | None:
    if text is None or len(text) > 12:  # no real value is longer; int() of a long string costs
        return default
    try:
        return int(text)
    except ValueError:
        return default


def _start(value: int | None) -> int:
    return min(max(value or 0, 0), MAX_START)


def _ilvl(text: str | None) -> int | None:
    """A level index, or None when it names no level Word has (0–8)."""
    value = _int(text, 0) or 0
    return value if 0 <= value < MAX_LEVELS else None


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    template: str = "%1."
    start: int = 0  # ECMA-376 17.9.25: zero when w:start is absent
    suffix: str = "tab"
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    legal: bool = False  # isLgl: every %N in decimal
    style: str | None = None  # pStyle linked to this level

    @classmethod
    def parse(cls, lvl: etree._Element) -> Level:
        template = lvl.find(w("lvlText"))
        return cls(
            fmt=_val(lvl, "numFmt") or "decimal",
            template=("" if template is None else template.get(w("val"), ""))[:MAX_TEMPLATE_CHARS],
            start=_start(_int(_val(lvl, "start"), 0)),
            suffix=_val(lvl, "suff") or "tab",
            restart=_int(_val(lvl, "lvlRestart")),
            legal=lvl.find(w("isLgl")) is not None and _val(lvl, "isLgl") not in ("0", "false"),
            style=_val(lvl, "pStyle"),
        )


@dataclass
class _Style:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


@dataclass
class Numbering:
    """Numbering definitions plus the running counters; call :meth:`label` per paragraph, in order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    abstract_style_link: dict[str, str] = field(default_factory=dict)  # abstractNumId -> numStyleLink
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    styles: dict[str, _Style] = field(default_factory=dict)
    default_style: str | None = None
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def parse(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        self = cls()
        if styles is not None:
            self._parse_styles(styles)
        if numbering is None:
            return self
        for abstract in numbering.iterfind(w("abstractNum")):
            key = abstract.get(w("abstractNumId"), "")
            levels: dict[int, Level] = {}
            for lvl in abstract.iterfind(w("lvl")):
                ilvl = _ilvl(lvl.get(w("ilvl")))
                if ilvl is not None:
                    levels[ilvl] = Level.parse(lvl)
            self.abstract[key] = levels
            link = _val(abstract, "numStyleLink")
            if link:
                self.abstract_style_link[key] = link
        for num in numbering.iterfind(w("num")):
            num_id = num.get(w("numId"), "")
            self.nums[num_id] = _val(num, "abstractNumId") or ""
            self.overrides[num_id] = self._parse_overrides(num_id, num)
        return self

    def _parse_styles(self, styles: etree._Element) -> None:
        for style in styles.iterfind(w("style")):
            if style.get(w("type")) not in (None, "paragraph", "numbering"):
                continue
            style_id = style.get(w("styleId"), "")
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            self.styles[style_id] = _Style(
                num_id=_val(num_pr, "numId"),
                ilvl=_int(_val(num_pr, "ilvl")),
                based_on=_val(style, "basedOn"),
            )
            if style.get(w("default")) in ("1", "true") and style.get(w("type")) == "paragraph":
                self.default_style = style_id

    def _parse_overrides(self, num_id: str, num: etree._Element) -> dict[int, Level]:
        found: dict[int, Level] = {}
        for override in num.iterfind(w("lvlOverride")):
            ilvl = _ilvl(override.get(w("ilvl")))
            if ilvl is None:
                continue
            lvl = override.find(w("lvl"))
            base = Level.parse(lvl) if lvl is not None else None
            start = _int(_val(override, "startOverride"))
            if base is None:
                base = self._abstract_levels(num_id).get(ilvl, Level())
            if start is not None:
                base = Level(base.fmt, base.template, _start(start), base.suffix, base.restart, base.legal, base.style)
            found[ilvl] = base
        return found

    def _abstract_levels(self, num_id: str, depth: int = 0) -> dict[int, Level]:
        abstract_id = self.nums.get(num_id)
        if abstract_id is None:
            return {}
        link = self.abstract_style_link.get(abstract_id)
        if link and depth < 3:  # a numbering style points at the list that defines the levels
            style = self.styles.get(link)
            if style and style.num_id and style.num_id != num_id:
                return self._abstract_levels(style.num_id, depth + 1)
        return self.abstract.get(abstract_id, {})

    def level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        return override or self._abstract_levels(num_id).get(ilvl)

    # -- which list a paragraph belongs to --------------------------------------

    def resolve(self, p_pr: etree._Element | None) -> tuple[str, int] | None:
        """(numId, ilvl) for a paragraph's properties, or None when it is not numbered."""
        num_pr = None if p_pr is None else p_pr.find(w("numPr"))
        num_id, ilvl = _val(num_pr, "numId"), _int(_val(num_pr, "ilvl"))
        style_id = _val(p_pr, "pStyle") or self.default_style
        seen: set[str] = set()
        while (num_id is None or ilvl is None) and style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
                if ilvl is None and style.ilvl is None:
                    ilvl = self._level_for_style(num_id, style_id)
            if ilvl is None and style.ilvl is not None and num_id is not None:
                ilvl = style.ilvl
            style_id = style.based_on
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, min(max(ilvl or 0, 0), MAX_LEVELS - 1)

    def _level_for_style(self, num_id: str, style_id: str) -> int | None:
        for ilvl, level in self._abstract_levels(num_id).items():
            if level.style == style_id:
                return ilvl
        return None

    # -- the label ----------------------------------------------------------------

    def label(self, p_pr: etree._Element | None) -> str:
        """Advance the counters for this paragraph and return its label ("" if none)."""
        found = self.resolve(p_pr)
        if found is None:
            return ""
        num_id, ilvl = found
        level = self.level(num_id, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, [None] * MAX_LEVELS)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = (self.level(num_id, deeper) or Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return ""
        text = self._expand(level, num_id, counters)[:MAX_LABEL_CHARS]
        return text + _separator(text, level.suffix)

    def _expand(self, level: Level, num_id: str, counters: list[int | None]) -> str:
        out: list[str] = []
        template, i = level.template, 0
        while i < len(template):
            ch = template[i]
            if ch == "%" and i + 1 < len(template) and template[i + 1].isdigit():
                ref = int(template[i + 1]) - 1
                ref_level = self.level(num_id, ref) or Level()
                value = counters[ref] if 0 <= ref < MAX_LEVELS else None
                value = ref_level.start if value is None else value
                out.append(format_number(value, "decimal" if level.legal else ref_level.fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)


def _separator(label: str, suffix: str) -> str:
    """Word puts a tab (default) or a space after the label. After punctuation such as
    "、" or "）" that gap is layout, not text; after a word ("第一章") it reads as a space."""
    if suffix == "nothing" or not label:
        return ""
    return " " if label[-1].isalnum() else ""


# -- number formats ---------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_SEQUENCES = {
    "ideographTraditional": "甲乙丙丁戊己庚辛壬癸",
    "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥",
    "decimalEnclosedCircle": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedCircleChinese": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedParen": "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇",
    "decimalEnclosedFullstop": "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛",
}
_CHINESE_COUNTING = (
    "chineseCounting",
    "chineseCountingThousand",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "koreanCounting",
)


def format_number(value: int, fmt: str) -> str:
    """``value`` written in Word's ``numFmt`` (unknown formats fall back to decimal)."""
    if fmt == "none":
        return ""
    if fmt in _CHINESE_COUNTING:
        return chinese_counting(value, _CN_DIGITS, "十百千")
    if fmt == "chineseLegalSimplified":
        return chinese_counting(value, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(value))
    if fmt in _SEQUENCES:
        sequence = _SEQUENCES[fmt]
        if fmt.startswith("ideograph"):  # 甲乙丙… cycle
            return sequence[(value - 1) % len(sequence)] if value > 0 else str(value)
        return sequence[value - 1] if 1 <= value <= len(sequence) else str(value)
    if fmt in ("upperLetter", "lowerLetter"):
        repeat = (value - 1) // 26 + 1
        if value <= 0 or repeat > MAX_LETTER_REPEAT:
            return str(value) if value > 0 else ""
        letter = chr(ord("A") + (value - 1) % 26) * repeat
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(value).translate(_FULL_WIDTH)
    return str(value)


def chinese_counting(value: int, digits: str, units: str) -> str:
    """一 … 十 十一 … 二十 … 一百零五 … 九千九百九十九, as Word's chineseCounting shows them."""
    if value <= 0 or value >= 10000:
        return str(value)
    parts: list[str] = []
    text = str(value)
    zero_pending = False
    for position, ch in enumerate(text):
        digit, power = int(ch), len(text) - position - 1
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append(digits[0])
            zero_pending = False
        unit = units[power - 1] if power else ""
        if not (digit == 1 and power == 1 and position == 0 and digits == _CN_DIGITS):  # 十一
            parts.append(digits[digit])
        parts.append(unit)
    result = "".join(parts)
    return result if digits != _CN_DIGITS else result.replace("〇", "零")


def _roman(value: int) -> str:
    if value <= 0 or value >= 4000:
        return str(value)
    table = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for number, letters in table:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)
