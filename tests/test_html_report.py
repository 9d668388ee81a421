"""``--format html``: escaping, highlights at the right text, and a real browser loading it.

The browser tests run Debian's chromium headless (tests/realclients.require: skipped
locally when it is missing, a failure under CI): ``--dump-dom`` gives the DOM after the
page's script has run, ``--enable-logging=stderr`` shows console messages and errors.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from clirun import run_cli
from conftest import ROOT, lint_text, seed_text
from realclients import require
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.reporters import ReportOptions
from fzlint.reporters.attention import in_attention_order
from fzlint.reporters.html import page
from fzlint.run.engine import FileResult

EVIL = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "</style><b>x</b>", "&amp;<!--"]
EVIL_TEXT = (
    f"一、主要举措和成效\n深化探花公开{EVIL[0]}，推进。\n二、存在的不足和原因\n{EVIL[1]}XX单位{EVIL[2]}，{EVIL[3]}\n"
)


class Elements(HTMLParser):
    """Every element (tag, attributes, text inside) of a page, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.texts: list[tuple[str, dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "input", "br"):
            self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            name, attrs, text = self.open.pop()
            self.texts.append((name, attrs, "".join(text)))
            if self.open:
                self.open[-1][2].append("".join(text))
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][2].append(data)


def parsed(markup: str) -> Elements:
    elements = Elements()
    elements.feed(markup)
    elements.close()
    return elements


def html_for(files: dict[str, str]) -> str:
    results = []
    for name, text in files.items():
        document = Document.from_text(name, text)
        results.append(FileResult(name, lint_text(text, path=name), document))
    return page(results, ReportOptions(registry=REGISTRY, files_checked=len(results)))


def test_document_text_and_file_names_are_escaped() -> None:
    markup = html_for({EVIL[1] + ".txt": EVIL_TEXT, "</style><script>x()</script>.md": EVIL_TEXT})
    elements = parsed(markup)
    names = [tag for tag, _ in elements.tags]
    assert names.count("script") == 1 and names.count("style") == 1 and "img" not in names
    assert "b" not in names and "onerror" not in {key for _, attrs in elements.tags for key in attrs}
    for evil in EVIL:
        assert evil not in markup
    texts = "".join(text for tag, _, text in elements.texts if tag == "span")
    for evil in EVIL:  # shown as the very characters the report holds
        assert evil in texts
    headings = [text for tag, _, text in elements.texts if tag == "h2"]
    assert any(text.startswith(EVIL[1] + ".txt") for text in headings)


def test_every_finding_is_highlighted_at_its_text() -> None:
    text = seed_text("003")
    found = in_attention_order(lint_text(text, path="r.txt"))  # the page's order
    elements = parsed(html_for({"r.txt": text}))
    marks = [(attrs, body) for tag, attrs, body in elements.texts if tag == "mark"]
    lines = text.split("\n")
    for index, d in enumerate(found):
        ident = f"f1d{index}"
        covering = "".join(body for attrs, body in marks if ident in (attrs.get("data-d") or "").split())
        if d.line == d.end_line:
            expected = lines[d.line - 1][d.column - 1 : d.end_column - 1]
            assert covering == expected, (d, covering)
        assert any(ident in (attrs.get("data-d") or "").split() for attrs, _ in marks), d
    garbled = [attrs for attrs, body in marks if body == "探花公开"]
    assert len(garbled) == 4 and all("error" in (a.get("class") or "") for a in garbled)
    assert all("请改为“政务公开”" in (a.get("title") or "") and "修复：" in (a.get("title") or "") for a in garbled)
    # the side list links each finding to its line, and every line has that anchor
    ids = {attrs.get("id") for _, attrs in elements.tags}
    for index, d in enumerate(found):
        assert f"f1d{index}" in ids and f"f1-L{d.line}" in ids


def test_index_lists_files_counts_and_missing_parts() -> None:
    markup = html_for({"a.txt": seed_text("004"), "b.txt": seed_text("003")})
    elements = parsed(markup)
    rows = [text for tag, _, text in elements.texts if tag == "tr"]
    a_found = lint_text(seed_text("004"), path="a.txt")
    errors = sum(1 for d in a_found if d.severity.value == "error")
    row = next(r for r in rows if r.startswith("a.txt"))
    assert row.startswith(f"a.txt{errors}") and "改进情况" in row
    links = [attrs.get("href") for tag, attrs in elements.tags if tag == "a"]
    assert "#f1" in links and "#f2" in links
    outline = {
        text: attrs.get("href") for tag, attrs, text in elements.texts if tag == "a" and attrs.get("class") == "d1"
    }
    assert outline["一、主要工作情况"] == "#f1-L13"  # line 13 of seed 004


def test_page_needs_no_network() -> None:
    markup = html_for({"r.txt": seed_text("003")})
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", markup)
    assert "@import" not in markup and "url(" not in markup


def chromium(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    program = require("chromium")
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                program,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                *args,
                url,
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
            check=False,
        )


def console_problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    (folder / "evil.txt").write_text(EVIL_TEXT, encoding="utf-8")
    out = folder / "r.html"
    result = run_cli("check", "seeds", str(folder / "evil.txt"), "--format", "html", "-o", str(out), cwd=ROOT)
    assert result.returncode == 1 and result.stdout == "", result.stderr
    return out


def test_chromium_runs_the_page_without_errors_and_shows_the_highlights(seeds_page: Path) -> None:
    done = chromium("--dump-dom", url=seeds_page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_problems(done.stderr) == []
    dom = parsed(done.stdout)
    root = next(attrs for tag, attrs in dom.tags if tag == "html")
    assert root.get("data-ready") == "1", "the page's script ran to its end"
    marks = [(attrs, body) for tag, attrs, body in dom.texts if tag == "mark"]
    assert sum(1 for _, body in marks if body == "探花公开") == 4 + 1  # seed 003 and evil.txt
    assert any(body == "XX" and "error" in (a.get("class") or "") for a, body in marks)
    names = [tag for tag, _ in dom.tags]
    assert "img" not in names and names.count("script") == 1
    sections = [attrs.get("id") for tag, attrs in dom.tags if tag == "section"]
    assert sections == [f"f{n}" for n in range(1, 7)]


def test_a_script_error_would_be_caught(tmp_path: Path) -> None:
    """The check above can fail: a page that throws is seen in chromium's log."""
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html><body><script>nosuch();</script></body></html>", encoding="utf-8")
    done = chromium("--dump-dom", url=broken.as_uri())
    assert console_problems(done.stderr), done.stderr[-2000:]


def test_chromium_screenshot(seeds_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = chromium("--window-size=1400,1000", f"--screenshot={shot}", url=seeds_page.as_uri())
    assert done.returncode == 0 and console_problems(done.stderr) == []
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def colour_counts(ppm: bytes, colours: dict[str, tuple[int, int, int]]) -> dict[str, int]:
    """How many pixels of a binary PPM (P6) are close to each colour."""
    parts = ppm.split(maxsplit=4)
    assert parts[0] == b"P6" and parts[3] == b"255"
    width, height, pixels = int(parts[1]), int(parts[2]), parts[4]
    counts = dict.fromkeys(colours, 0)
    for i in range(0, width * height * 3, 3):
        r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
        for name, (cr, cg, cb) in colours.items():
            if abs(r - cr) + abs(g - cg) + abs(b - cb) < 12:
                counts[name] += 1
    return counts


def test_printed_to_pdf_the_highlights_keep_their_colours(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(EVIL_TEXT, encoding="utf-8")
    out = tmp_path / "r.html"
    run_cli("check", str(tmp_path / "r.txt"), "--format", "html", "-o", str(out))
    pdf = tmp_path / "r.pdf"
    done = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", url=out.as_uri())
    assert done.returncode == 0 and pdf.stat().st_size > 1000, done.stderr[-2000:]
    text = subprocess.run([require("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "探花公开" in text and EVIL[0] in text
    ppm = subprocess.run(
        [require("pdftoppm"), "-r", "40", "-f", "1", "-l", "1", str(pdf)], capture_output=True, check=True
    ).stdout
    counts = colour_counts(ppm, {"error": (0xFB, 0xD9, 0xD6), "warning": (0xFF, 0xF0, 0xB8)})
    assert counts["error"] > 20, counts  # on the first page: no blank page before the report
