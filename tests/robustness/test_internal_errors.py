"""Internal errors: one line and a --debug hint, never a traceback, never a lost run."""

from __future__ import annotations

import subprocess
import sys

import pytest
from demo_plugins import demo_rule, plugin_with

from fzlint.document import Document
from fzlint.run.engine import lint_document
from fzlint.run.plugins import new_registry
from fzlint.settings import Settings
from robustness.runner import SEED, TITLE, env

# Calls sys.exit, which must not end the whole run.
ExitingRule = demo_rule(code="X903", name="calls-exit", check=lambda self, report, context: sys.exit(4))


def test_sys_exit_inside_a_rule_is_an_e999() -> None:
    registry = new_registry(extra_plugins=(plugin_with(ExitingRule, name="ExitingPlugin"),))
    found = lint_document(Document.from_text("r.txt", TITLE), Settings(), registry)
    crashes = [d for d in found if d.code == "E999"]
    assert len(crashes) == 1 and "X903" in crashes[0].message and "SystemExit" in crashes[0].message
    assert any(d.code == "S101" for d in found)


def test_a_closed_output_pipe_is_not_a_traceback() -> None:
    """``fzlint check … | head``: the reader leaves early; no traceback, no error noise."""
    process = subprocess.Popen(
        [sys.executable, "-m", "fzlint.cli", "check", "--no-color", str(SEED)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # nobody reads: the first write fails with EPIPE
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.wait(timeout=120)
    assert "Traceback" not in stderr
    assert "内部错误" not in stderr
    assert process.returncode != 0


def test_internal_error_is_one_line_and_debug_reraises(monkeypatch, capsys) -> None:
    from fzlint import cli

    def boom(*args, **kwargs):
        raise RuntimeError("internal\nfailure")

    monkeypatch.setattr(cli, "run_check", boom)
    assert cli.main(["check", str(SEED)]) == 2
    expected = "fzlint: 内部错误：RuntimeError: internal failure（加 --debug 查看回溯）\n"
    assert capsys.readouterr().err == expected
    monkeypatch.setenv("FZLINT_DEBUG", "1")
    with pytest.raises(RuntimeError, match="internal"):
        cli.main(["check", str(SEED)])
