"""``--pair-years``: among the files of one run, give each report last year's report of the
same unit to compare with. Reports pair by unit and year: both from the title; without a
title, the unit from the 落款 and the year from the first part's heading (一、2024年度…)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from fzlint.load.loading import LoadError, load_path
from fzlint.parse.outline import build_report
from fzlint.parse.titles import TitleKey, title_key
from fzlint.run.engine import keywords_for
from fzlint.run.inputs import CheckInput
from fzlint.run.plugins import Registry


def _key(item: CheckInput, registry: Registry) -> TitleKey | None:
    """The unit and year the report names, if it names both."""
    if item.error is not None:
        return None
    try:
        document = load_path(item.path, registry.manager, item.display, item.data, item.settings.max_file_size)
    except LoadError:
        return None  # linting reports why; pairing just leaves the file unpaired
    report = build_report(document, keywords_for(item.settings, registry))
    key = title_key(report.title_text) if report.title is not None else None
    if key is not None and key.unit:
        return key
    signature = report.closing.signature
    year = key.year if key is not None else None
    if year is None and report.parts:
        first = title_key(report.parts[0].title)
        year = first.year if first is not None else None
    if signature is None or year is None:
        return None
    return TitleKey("".join(signature.text.split()), year)


def pair_years(items: Sequence[CheckInput], registry: Registry) -> list[CheckInput]:
    """The items, each with ``previous`` set to the same unit's report of the year before."""
    keys = [_key(item, registry) for item in items]
    by_unit_year = {(k.unit, k.year): item.path for item, k in zip(items, keys, strict=True) if k and k.unit}
    paired = []
    for item, key in zip(items, keys, strict=True):
        previous = by_unit_year.get((key.unit, key.year - 1)) if key and key.unit else None
        paired.append(dataclasses.replace(item, previous=previous) if previous is not None else item)
    return paired
