"""fzlint.regex: patterns built from the shipped table are re.compile's, and a bad table is never trusted."""

from __future__ import annotations

import fnmatch
import marshal
import os
import re
import subprocess
import sys
import tomllib
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from fzlint import regex

SCRIPT = ROOT / "scripts" / "build_regex_table.py"
REGENERATE = f"regenerate it with `python {SCRIPT.relative_to(ROOT)}`"
COMPILE_SITE = re.compile(r"(?<![\w.])re\.compile\(")
# re.search(r"...", …) and friends with a literal pattern compile it on first use as well.
LITERAL_CALL = re.compile(
    r"(?<![\w.])re\.(?:search|match|fullmatch|split|sub|subn|findall|finditer)\(\s*[rRbB]{0,2}[\"']"
)
# User regexes from configuration: checked (and time-bounded) where they are read, never in the table.
USER_REGEX_PATH = {"lint/config/data_checks.py"}


def table_entries() -> dict[tuple[str | bytes, int], object]:
    entries = regex.read_table(regex.TABLE)
    assert entries, f"{regex.TABLE} holds no entries for this Python: {REGENERATE}"
    return entries


def require_table_engine() -> None:
    """Skip (with the reason) when this Python's regex engine is not the one the table is for.

    The table is for one interpreter release; on another, fzlint compiles every pattern as
    usual. Under CI=true on the release the table was made for, a mismatch fails instead.
    """
    data = Path(regex.TABLE).read_bytes()
    made_by = regex.recorded_engine(data)
    assert made_by is not None, f"{regex.TABLE} is not a regex table: {REGENERATE}"
    if made_by == regex.engine():
        return
    message = f"the regex table was made by {made_by}, this Python is {regex.engine()}"
    if os.environ.get("CI") == "true" and made_by[:2] == regex.engine()[:2]:
        pytest.fail(message + f": on that Python the table must be current; {REGENERATE}")
    pytest.skip(message + f" (fzlint compiles every regex as usual here; {REGENERATE} for this Python)")


def sample_lines() -> list[str]:
    lines = [line for seed in SEEDS for line in seed.read_text(encoding="utf-8").splitlines()]
    extra = ["", "  ", "2023年度 法治政府建设情况报告", "一、二、（三）1. 2．", "a,b;c:d?e!(f)", "<p>x</p>&nbsp;"]
    return [*lines, *extra]


def test_table_is_current() -> None:
    require_table_engine()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, env=env, timeout=600, check=False
    )
    assert done.returncode == 0, f"the regex table is not current ({REGENERATE}):\n{done.stdout}{done.stderr}"


def test_every_table_pattern_is_re_compiles() -> None:
    require_table_engine()
    samples = sample_lines()
    byte_samples = [s.encode("utf-8") for s in samples]
    for (pattern, flags), stored in table_entries().items():
        built, compiled = regex.build(pattern, stored), re.compile(pattern, flags)
        assert built is not None, pattern
        # Pattern equality compares the flags, the pattern and the compiled code word for word.
        assert built == compiled, pattern
        assert (built.pattern, built.flags, built.groups, built.groupindex) == (
            compiled.pattern,
            compiled.flags,
            compiled.groups,
            compiled.groupindex,
        )
        for text in byte_samples if isinstance(pattern, bytes) else samples:
            ours = [(m.span(), m.groups(), m.groupdict()) for m in built.finditer(text)]
            assert ours == [(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(text)], (pattern, text)


def test_compile_uses_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    require_table_engine()
    monkeypatch.setattr(regex, "_built", {})
    (pattern, flags), _ = next(iter(table_entries().items()))
    first = regex.compile(pattern, flags)
    assert first == re.compile(pattern, flags)
    assert regex._built[(type(pattern), pattern, flags)] is first
    assert regex.compile(pattern, flags) is first  # memoised


def use_table(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(regex, "TABLE", str(path))
    monkeypatch.setattr(regex, "_table", None)
    monkeypatch.setattr(regex, "_built", {})


def write_table(path: Path, made_by: object, entries: object, magic: bytes = regex.MAGIC) -> bytes:
    body = marshal.dumps((made_by, entries), 2)
    data = magic + zlib.crc32(body).to_bytes(4, "little") + body
    path.write_bytes(data)
    return data


PATTERN = r"(?P<year>[0-9]{4})年|[\u4e00-\u9fff]+"


def assert_compiled_as_usual(pattern: str = PATTERN, flags: int = 0) -> None:
    got = regex.compile(pattern, flags)
    assert got == re.compile(pattern, flags)
    assert (type(pattern), pattern, flags) not in regex._built


def test_a_table_written_here_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.marshal"
    path.write_bytes(regex.table_bytes({(PATTERN, 0), (b"[\xe4-\xe9]", re.DOTALL), ("a", int(re.IGNORECASE))}))
    use_table(monkeypatch, path)
    assert regex.compile(PATTERN) == re.compile(PATTERN)
    assert regex.compile(b"[\xe4-\xe9]", re.DOTALL) == re.compile(b"[\xe4-\xe9]", re.DOTALL)
    assert regex.compile("a", re.IGNORECASE).match("A")  # a RegexFlag finds the int-keyed entry
    assert len(regex._built) == 3
    assert_compiled_as_usual("not in the table")


@pytest.mark.parametrize(
    "damage",
    [
        "foreign engine",
        "wrong magic",
        "corrupt body",
        "truncated",
        "empty",
        "missing",
        "not a dict",
        "not marshal",
    ],
)
def test_a_bad_table_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    path = tmp_path / "t.marshal"
    good = regex.table_bytes({(PATTERN, 0)})
    other = ("cpython", 0x030C01F0, 20221023, 4, 1073741823, 4294967295, "little")
    if damage == "foreign engine":
        write_table(path, other, regex.parse_table(good))
    elif damage == "wrong magic":
        path.write_bytes(b"fzlint-regex-table 0\n" + good[len(regex.MAGIC) :])
    elif damage == "corrupt body":
        path.write_bytes(good[:-40] + bytes([good[-40] ^ 1]) + good[-39:])
    elif damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "not a dict":
        write_table(path, regex.engine(), [PATTERN])
    elif damage == "not marshal":
        body = b"\xff not marshal"
        path.write_bytes(regex.MAGIC + zlib.crc32(body).to_bytes(4, "little") + body)
    assert regex.parse_table(good)  # the undamaged table would be used
    use_table(monkeypatch, path)
    assert_compiled_as_usual()
    assert regex._table == {}  # read once, nothing kept


def test_a_damaged_entry_compiles_as_usual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.marshal"
    good = regex.parse_table(regex.table_bytes({(PATTERN, 0)}))[(PATTERN, 0)]
    final_flags, code, groups, groupindex, indexgroup = good  # type: ignore[misc]
    entries = {
        (PATTERN, 0): (final_flags, b"\xe7\x03\0\0" + code, groups, groupindex, indexgroup),  # _sre refuses it
        ("z+", 0): (final_flags, code[:-1], groups, groupindex, indexgroup),  # not whole words
        ("x+", 0): ("flags", [], 1, {}, ()),  # not even the right types
        ("y+", 0): (1, 2),  # not the right shape
    }
    write_table(path, regex.engine(), entries)
    use_table(monkeypatch, path)
    for pattern in (PATTERN, "x+", "y+", "z+"):
        assert_compiled_as_usual(pattern)


def test_a_compiled_pattern_passes_through() -> None:
    compiled = re.compile("abc")
    assert regex.compile(compiled) is compiled


def test_recording_collects_what_is_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex, "_built", {})
    monkeypatch.setattr(regex, "_recording", None)
    recorded = regex.record()
    regex.compile("recorded here", re.IGNORECASE)
    regex.compile(b"and here")
    assert recorded == {("recorded here", int(re.IGNORECASE)), (b"and here", 0)}


def test_every_compile_site_goes_through_the_helper() -> None:
    bare = []
    for path in sorted([*(ROOT / "lint").rglob("*.py"), *(ROOT / "rules").rglob("*.py")]):
        name = path.relative_to(ROOT).as_posix()
        if name in USER_REGEX_PATH or name in {"lint/regex.py", "lint/parse/_report_parser.py"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if COMPILE_SITE.search(line) or LITERAL_CALL.search(line):
                bare.append(f"{name}:{number}: {line.strip()}")
    assert not bare, "compile through fzlint.regex.compile (then regenerate the table):\n" + "\n".join(bare)


def test_the_table_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    table = Path(regex.TABLE).relative_to(ROOT / "lint").as_posix()
    globs = config["tool"]["setuptools"]["package-data"]["fzlint"]
    assert any(fnmatch.fnmatch(table, glob) for glob in globs), f"{table} is not in fzlint's package-data"
