"""Build lint/data/regex-table.marshal: the compiled code of every regex fzlint compiles.

fzlint compiles its patterns through :func:`fzlint.regex.compile`, which builds a pattern
listed in this table straight from its stored code instead of compiling it (see that
module). This script finds the patterns by doing what fzlint does, in this process, with
the helper recording: it imports every module (the patterns compiled at import), then runs
``fzlint check`` over the seeds (in GB18030 and UTF-16 too) and tests/corpus in every output
format, with every rule, with --previous, --pair-years, --diff and --annotate (into a
temporary directory), and ``explain``/``rules``/``outline`` (the patterns compiled on first
use: word-list unions, page-chrome patterns, ...). Patterns that come from a user's
configuration are not in the table: they compile as usual.

Run after changing a regex in lint/ or rules/, or the data they are built from, with the
Python the table is for (it is used only by that interpreter's regex engine):

    python scripts/build_regex_table.py           # write the table
    python scripts/build_regex_table.py --check   # exit 1 when the table is not current
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import pkgutil
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
CORPUS = str(ROOT / "tests" / "corpus")
FORMATS = ("concise", "json", "json-lines", "sarif", "github", "html", "rich")


def runs(scratch: Path) -> Iterator[list[str]]:
    """The command lines whose regexes the table holds (``scratch``: a temporary directory)."""
    isolated = ["--isolated", "-j", "1", "--no-cache"]
    legacy = []  # the seeds in the other encodings fzlint reads (GB18030 has its own patterns)
    for encoding in ("gb18030", "utf-16"):
        for seed in SEEDS[:2]:
            path = scratch / f"{encoding}-{Path(seed).name}"
            path.write_bytes(Path(seed).read_text(encoding="utf-8").encode(encoding))
            legacy.append(str(path))
    yield ["check", *legacy, "--format", "json", *isolated]
    yield ["check", *SEEDS, "--annotate", str(scratch), *isolated]
    for fmt in FORMATS:
        yield ["check", *SEEDS, "--format", fmt, *isolated]
    yield ["check", *SEEDS, "--color", "--show-all", *isolated]
    yield ["check", CORPUS, *SEEDS, "--format", "json", *isolated]
    yield ["check", *SEEDS, "--previous", SEEDS[1], "--format", "json", *isolated]
    yield ["check", *SEEDS, "--pair-years", "--format", "json", *isolated]
    yield ["check", *SEEDS, "--diff", "--unsafe-fixes", *isolated]
    yield ["check", CORPUS, "--diff", *isolated]
    for seed in SEEDS:
        yield ["outline", seed]
        yield ["outline", seed, "--format", "json"]


def collect() -> set[tuple[str | bytes, int]]:
    """Every (pattern, flags) fzlint compiles, recorded from imports and runs."""
    from fzlint import regex

    patterns = regex.record()
    import fzlint
    import fzlint.rules

    for package in (fzlint, fzlint.rules):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not module.name.endswith(("__main__", "build_parser", "_report_parser")):
                importlib.import_module(module.name)
    from fzlint import cli

    with tempfile.TemporaryDirectory() as scratch:
        for argv in runs(Path(scratch)):
            _quietly(cli.main, argv)
    codes = sorted(set(re.findall(r"\b[A-Z]{1,3}[0-9]{3}\b", _quietly(cli.main, ["rules"]))))
    for code in codes:
        _quietly(cli.main, ["explain", code])
    return patterns


def _quietly(main: Callable[[list[str]], int], argv: list[str]) -> str:
    """Run one fzlint command in this process; its standard output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    if code not in (0, 1):
        raise SystemExit(f"fzlint {' '.join(argv)} failed ({code}): {err.getvalue()[-500:]}")
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the table instead of writing it")
    args = parser.parse_args()
    os.chdir(ROOT)  # relative names in findings, as a run from the checkout
    from fzlint import regex

    patterns = collect()
    data = regex.table_bytes(patterns)
    if args.check:
        current = regex.read_table(regex.TABLE)
        fresh = regex.parse_table(data)
        if current == fresh:
            print(f"current: {len(fresh)} patterns")
            return 0
        missing, stale = fresh.keys() - current.keys(), current.keys() - fresh.keys()
        changed = [k for k in fresh.keys() & current.keys() if fresh[k] != current[k]]
        print(f"not current: {len(missing)} new, {len(stale)} unused, {len(changed)} changed patterns")
        for key in sorted(missing, key=repr)[:20]:
            print(f"  new: {key!r}"[:200])
        for key in sorted(stale, key=repr)[:20]:
            print(f"  unused: {key!r}"[:200])
        return 1
    Path(regex.TABLE).write_bytes(data)
    print(f"wrote {regex.TABLE}: {len(patterns)} patterns, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
