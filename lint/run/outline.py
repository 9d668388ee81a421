"""``fzlint outline FILE``: load one file, parse it, print the grammar's tree (:mod:`fzlint.parse.show`)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO


def run_outline(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Parse one file with the shipped part keywords and print its tree; exit 2 if unreadable."""
    from pathlib import Path

    from fzlint.load.loading import LoadError, load_path
    from fzlint.parse.lines import chrome_patterns
    from fzlint.parse.outline import build_report
    from fzlint.parse.show import render_rich, to_json
    from fzlint.run.engine import keywords_for
    from fzlint.run.plugins import new_registry
    from fzlint.settings import Settings

    registry = new_registry()
    try:
        document = load_path(Path(args.file), registry.manager, args.file)
    except LoadError as error:
        print(f"fzlint: {args.file}: {error}", file=err)
        return 2
    report = build_report(document, keywords_for(Settings(), registry), chrome_patterns())
    if args.format == "json":
        out.write(json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        render_rich(report, out)
    return 0
