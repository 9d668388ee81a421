"""The data-table snapshot (lint/data/tables.marshal) is a shortcut, never a source of truth:
it holds tomllib's reading of each shipped table beside the exact text read, and a table whose
text differs, or a missing or damaged snapshot, is read by tomllib as before."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from fzlint import data

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_data_snapshot.py"


@pytest.fixture
def fresh_tables() -> Iterator[None]:
    data._read.cache_clear()
    data._snapshot.cache_clear()
    yield
    data._read.cache_clear()
    data._snapshot.cache_clear()


def _typed(value: object) -> object:
    """``value`` with every leaf's type beside it (True == 1, but a bool must stay a bool)."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value).__name__, value)


def test_the_snapshot_is_current() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, f"run `python scripts/build_data_snapshot.py`:\n{done.stdout}{done.stderr}"


def test_every_entry_is_tomllibs_reading_of_the_shipped_text(fresh_tables: None) -> None:
    entries = data._snapshot()
    assert set(entries) >= {"chrome", "parts", "terms"}  # the tables outside the quick subset
    for name, (text, table) in entries.items():
        assert _typed(table) == _typed(tomllib.loads(text)), name
        assert list(table) == list(tomllib.loads(text)), name  # the same order of keys


def test_a_cold_check_without_configuration_imports_no_tomllib(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("某某局2025年法治政府建设年度报告\n一、主要举措和成效\n", encoding="utf-8")
    code = (
        "import sys\nfrom fzlint.cli import main\n"
        "try:\n    main(['check', 'r.txt', '--format', 'concise'])\nexcept SystemExit:\n    pass\n"
        "print('tomllib' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
    assert "r.txt:" in done.stdout


def test_a_table_whose_text_changed_is_read_afresh(fresh_tables: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text, table = data._snapshot()["parts"]
    stale = {"parts": (text + "\n# edited\n", {"stale": True})}
    monkeypatch.setattr(data, "_snapshot", lambda: stale)
    assert data._read("parts") == tomllib.loads(text) == table


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal at all",
        marshal.dumps(("fzlint-data-snapshot 0", {})),  # foreign format
        marshal.dumps((data.SNAPSHOT_MAGIC, ["not", "a", "dict"])),
        marshal.dumps((data.SNAPSHOT_MAGIC, {"parts": ("text", "not a table"), "chrome": 3})),
    ],
    ids=["empty", "garbage", "foreign", "wrong-structure", "damaged-entries"],
)
def test_a_damaged_snapshot_is_ignored(
    content: bytes, tmp_path: Path, fresh_tables: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tables.marshal"
    path.write_bytes(content)
    monkeypatch.setattr(data, "SNAPSHOT", str(path))
    assert data._snapshot() == {}
    shipped = ROOT / "lint" / "data" / "parts.toml"
    assert data._read("parts") == tomllib.loads(shipped.read_text(encoding="utf-8"))


def test_a_missing_snapshot_is_ignored(tmp_path: Path, fresh_tables: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "SNAPSHOT", os.fspath(tmp_path / "absent.marshal"))
    assert data._snapshot() == {}
    assert data._read("chrome")["strong"]
