"""Build lint/data/tables.marshal: tomllib's reading of the shipped data tables it must read.

``fzlint.data`` reads a word list written in a simple TOML subset itself; the other shipped
tables (chrome, parts, terms, ...) need tomllib, whose import and parsing cost ~10 ms of every
start. The snapshot keeps, per such table, its exact text and what ``tomllib.loads`` gave;
fzlint uses a reading only while the file's text is still that text.

Run after editing a table in lint/data or rules/data:

    python scripts/build_data_snapshot.py           # write the snapshot
    python scripts/build_data_snapshot.py --check   # exit 1 when it is not current
"""

from __future__ import annotations

import argparse
import marshal
import sys

from fzlint import data


def snapshot_bytes() -> bytes:
    # marshal keeps dicts in insertion order, and version 2 writes no back-references (which
    # depend on reference counts): the same tables give the same bytes
    return marshal.dumps((data.SNAPSHOT_MAGIC, data.snapshot_entries()), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    wanted = snapshot_bytes()
    if parser.parse_args().check:
        try:
            with open(data.SNAPSHOT, "rb") as handle:
                current = handle.read() == wanted
        except OSError:
            current = False
        names = ", ".join(data.snapshot_entries())
        print(f"{'current' if current else 'NOT current'}: {names}")
        return 0 if current else 1
    with open(data.SNAPSHOT, "wb") as handle:
        handle.write(wanted)
    print(f"wrote {data.SNAPSHOT} ({len(wanted)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
