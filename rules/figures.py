"""D1xx: figures that contradict themselves: breakdowns that do not add up, rates over 100%."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.lines import Line, LineKind
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule
from fzlint.rules.common.text import FULL_STOPS, Quantity, Span, format_number, quantities, sentences

_ITEM_SEPARATORS = regex.compile(r"[，,、；;：:]")
_REMAINDER = regex.compile(r"其余|剩余")
_BODY_KINDS = (LineKind.TEXT, LineKind.HEADING)


@dataclass(frozen=True)
class Breakdown:
    total: Quantity
    parts: list[Quantity]
    complete: bool


@cache
def _lead_words(triggers: tuple[str, ...]) -> re.Pattern[str]:
    """The triggers and 其余/剩余 in one pattern: one search tells a line can hold a breakdown."""
    if not all(triggers):
        return regex.compile("")  # an empty trigger (configuration) is in every sentence
    return regex.compile("|".join([*(re.escape(t) for t in triggers), _REMAINDER.pattern]))


class SumMismatch(Rule):
    """总数和分项对不上。

    “共/累计/合计……T 条（件、项、个……），其中 a……、b……、c……”这类写法，分项之和超过总数
    一定有错；分项若宣称是全部（“分别为……”、列出“其余……”，或在“其中”后逐类列出三项及以上
    且未用“等”“主要”“部分”表明只是举例），之和就必须等于总数。“其中”可紧接总数，也可在
    下一句开头。只把单位相同的数相加（条与条相加，不把人次加到件上），带“约”“余”“超”的
    近似数不核对。“其中”逐类列举的最少项数可用配置项 ``sum-complete-min-parts`` 调整。
    """

    code = "D101"
    name = "sum-mismatch"
    title = "分项之和不符"
    severity = Severity.ERROR
    summary = "分项之和与总数不符（“共X条，其中……”）"
    bad = "今年以来公开政府信息70条，其中工作动态34条，通知公告18条，政策法规23条。"
    good = "今年以来公开政府信息75条，其中工作动态34条，通知公告18条，政策法规23条。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        table = context.data("figures")["breakdown"]
        minimum = context.settings.sum_complete_min_parts
        lead = _lead_words(tuple(table["triggers"]))  # once per report, not per line
        for line in report.lines:
            # A breakdown needs a trigger or 其余/剩余 inside one sentence, so inside the line:
            # most lines have neither and need no sentence split.
            if line.kind not in _BODY_KINDS or lead.search(line.text) is None:
                continue
            for found in _breakdowns(line, table, minimum):
                yield from self._judge(report, line, found)

    def _judge(self, report: Report, line: Line, found: Breakdown) -> Iterator[Diagnostic]:
        total, unit = found.total.value, found.total.unit
        added = sum((p.value for p in found.parts), start=total * 0)
        values = "+".join(format_number(p.value) for p in found.parts)
        if added > total:
            message = (
                f"分项之和 {values}={format_number(added)}{unit}，超过总数"
                f"{format_number(total)}{unit}：请核对总数和各分项数字"
            )
        elif found.complete and added != total:
            message = (
                f"所列分项之和 {values}={format_number(added)}{unit}，与总数"
                f"{format_number(total)}{unit}不符：请核对数字，或补上缺少的分项"
            )
        else:
            return
        yield self.diagnostic(report, line.index, found.total.start, found.total.end, message)


def _breakdowns(line: Line, table: dict, minimum: int) -> Iterator[Breakdown]:
    """The breakdowns of a line holding a trigger or 其余/剩余 (``_lead_words``)."""
    text = line.text
    spans = list(sentences(text, ends=FULL_STOPS))
    seen_totals: set[int] = set()
    for index, sentence in enumerate(spans):
        for trigger in table["triggers"]:
            if trigger not in sentence.text:  # the common case, without a regex per sentence
                continue
            for match in regex.compile(re.escape(trigger)).finditer(sentence.text):
                at = sentence.start + match.start()
                found = _breakdown_at(text, spans, index, at, trigger, table, minimum)
                if found is not None and found.total.start not in seen_totals:
                    seen_totals.add(found.total.start)
                    yield found
        remainder = _remainder(sentence)
        if remainder is not None and remainder.total.start not in seen_totals:
            seen_totals.add(remainder.total.start)
            yield remainder


def _breakdown_at(
    text: str, spans: list[Span], index: int, at: int, trigger: str, table: dict, minimum: int
) -> Breakdown | None:
    sentence = spans[index]
    after = text[at + len(trigger) : sentence.end]
    parts, items = _parts(after, at + len(trigger))
    if not parts:
        return None
    unit = parts[0].unit
    total = _total_before(text[sentence.start : at], sentence.start, unit)
    if total is None and index > 0 and not text[sentence.start : at].strip(" ，,"):
        previous = spans[index - 1]
        total = _total_before(text[previous.start : previous.end], previous.start, unit)
    if total is None or total.approximate or any(p.approximate for p in parts):
        return None
    listed = "".join(items)
    lead = text[max(sentence.start, at - 2) : at]
    # 分别为 announces the whole breakdown; otherwise a list marked as a selection (等, 主要…)
    # never is, and one that names the rest (其余) or itemises enough categories is.
    selection = any(w in listed or w in lead for w in table["partial"])
    names_rest = any(w in listed for w in table["complete"])
    complete = trigger in table["complete"] or (not selection and (names_rest or len(parts) >= minimum))
    return Breakdown(total, parts, complete)


def _parts(after: str, offset: int) -> tuple[list[Quantity], list[str]]:
    """The counted items after a trigger, one per clause, until a clause without a count."""
    parts: list[Quantity] = []
    items: list[str] = []
    unit = None
    start = 0
    for separator in [*_ITEM_SEPARATORS.finditer(after), None]:
        end = separator.start() if separator else len(after)
        item, item_start = after[start:end], start
        start = separator.end() if separator else len(after)
        if not item.strip() and not parts:
            continue
        counted = [q for q in quantities(item) if unit is None or q.unit == unit]
        if len(counted) != 1:
            break
        unit = counted[0].unit
        parts.append(_shifted(counted[0], offset + item_start))
        items.append(item)
    return parts, items


def _total_before(before: str, offset: int, unit: str) -> Quantity | None:
    same = [q for q in quantities(before) if q.unit == unit]
    if not same:
        return None
    return _shifted(same[-1], offset)


def _shifted(q: Quantity, offset: int) -> Quantity:
    """The same quantity with columns counted from ``offset`` further left."""
    return Quantity(
        q.value, q.unit, q.approximate, q.start + offset, q.end + offset, q.num_start + offset, q.num_end + offset
    )


def _remainder(sentence: Span) -> Breakdown | None:
    """“22项整改任务已完成14项，其余8项……”: the first count is the total of the others."""
    match = _REMAINDER.search(sentence.text)
    if match is None:
        return None
    counts = list(quantities(sentence.text[: match.end() + 12]))
    rest = [q for q in counts if q.start >= match.end()]
    if not rest:
        return None
    unit = rest[0].unit
    before = [q for q in counts if q.unit == unit and q.end <= match.start()]
    # Exactly "total … done … 其余 rest": with more counts it is unclear which is the total.
    if len(before) != 2 or any(q.approximate for q in [*before, rest[0]]):
        return None
    if _more_counts(sentence.text, rest[0].end, unit):
        return None  # 其余67项已完成，15项正在推进: the rest is split further, the sum is unclear
    moved = [_shifted(q, sentence.start) for q in [*before, rest[0]]]
    return Breakdown(moved[0], moved[1:], complete=True)


def _more_counts(text: str, start: int, unit: str) -> bool:
    """Whether ``text[start:]`` holds another count of ``unit`` outside brackets."""
    depth = 0
    outside = []
    for ch in text[start:]:
        depth += ch in "（("
        outside.append(" " if depth else ch)
        depth -= depth > 0 and ch in "）)"
    return any(q.unit == unit for q in quantities("".join(outside)))


class RateOver100(Rule):
    """比率超过了 100%。

    满意率（满意度）、办结率、合格率、参考率、覆盖率、知晓率、达标率等是部分占全体的比例，
    不可能超过 100%，多半是数字录错或把“增长”写成了“率”。完成率、增长率、执行率等可以超过
    100%（超额完成、翻番），不检查。哪些比率有上限是数据（``rules/data/figures.toml`` 的
    ``bounded`` 与 ``unbounded``），可在配置中扩充。
    """

    code = "D102"
    name = "rate-over-100"
    title = "比率超过100%"
    severity = Severity.ERROR
    summary = "满意率、办结率、合格率等不可能超过 100% 的比率超过 100%"
    bad = "群众满意率达105%，案件办结率102%。"
    good = "群众满意率达100%，案件办结率98%，年度任务完成率105%。"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        table = context.data("figures")["rates"]
        words = _rate_words(tuple(table.get("bounded", [])), tuple(table.get("unbounded", [])))
        for line in report.lines:
            if line.kind not in _BODY_KINDS or not _has_percent(line.text) or not words.may_hold(line.text):
                continue
            for rate_start, rate_end, number in _rates(line.text, words):
                value = float(line.text[number.start(1) : number.end(1)])
                if value <= 100:
                    continue
                rate = line.text[rate_start:rate_end]
                shown = line.text[number.start(1) : number.end()]
                yield self.diagnostic(
                    report,
                    line.index,
                    number.start(1),
                    number.end(),
                    f"“{rate}”为{shown}，比率不可能超过100%：请核对数字（若是增长幅度，请改用“增长”“提高”等说法）",
                )


_RATE_VALUE = regex.compile(r"[^，,。；;%％0-9０-９率度]{0,8}?(\d+(?:\.\d+)?)\s*[%％]")
_MORE_VALUES = regex.compile(r"\s*[、和及与]\s*(\d+(?:\.\d+)?)\s*[%％]")
_CHANGE = regex.compile(r"提升|提高|增长|增加|上升|下降|降低|减少|同比|环比|较")


def _has_percent(text: str) -> bool:
    """Every value _RATE_VALUE or _MORE_VALUES reads ends in % or ％: a line without either
    holds no rate value (two C scans; most lines are ruled out here)."""
    return "%" in text or "％" in text


@dataclass(frozen=True)
class RateWords:
    bounded: re.Pattern[str]
    unbounded: tuple[str, ...]
    last_chars: frozenset[str] | None  # a line holding none of these holds no bounded word

    def may_hold(self, text: str) -> bool:
        return self.last_chars is None or any(ch in text for ch in self.last_chars)


@cache
def _rate_words(bounded: tuple[str, ...], unbounded: tuple[str, ...]) -> RateWords:
    alternatives = "|".join(re.escape(w) for w in sorted(bounded, key=len, reverse=True))
    last_chars = frozenset(w[-1] for w in bounded) if all(bounded) else None  # "" matches anywhere
    return RateWords(regex.compile(alternatives or r"(?!)"), unbounded, last_chars)


def _rates(text: str, words: RateWords) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(rate word start, rate word end, percentage match) for each bounded rate followed by a value."""
    for found in words.bounded.finditer(text):
        start, end = found.span()
        # 超额完成率 ends in 完成率, not in a bounded word; a longer unbounded word that ends
        # here (none today ends in a bounded one, but configuration may add one) wins.
        if any(text.endswith(w, 0, end) and len(w) > end - start for w in words.unbounded):
            continue
        match = _RATE_VALUE.match(text, end)
        if match is None or _CHANGE.search(text, end, match.start(1)):
            continue  # 满意率提升15%: a change of the rate, not its value
        yield start, end, match
        position = match.end()
        while (more := _MORE_VALUES.match(text, position)) is not None:
            yield start, end, more
            position = more.end()


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [SumMismatch, RateOver100]
