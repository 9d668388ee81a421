"""Start-up work left out without changing behaviour: the command line declares only the
chosen command's options, and the garbage collector is paused only while a check starts."""

from __future__ import annotations

import argparse
import gc
import io
from pathlib import Path

import pytest
from conftest import SEEDS

from fzlint import cli


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return actions[0].choices[command]


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_a_command_parser_built_alone_is_the_full_ones(command: str) -> None:
    full, alone = cli.build_parser(), cli.build_parser(["--debug", command])
    assert _subparser(alone, command).format_help() == _subparser(full, command).format_help()
    assert alone.format_help() == full.format_help()


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "a.txt", "--select", "P1", "-j", "2", "--format", "json"],
        ["rules", "--format", "json"],
        ["config", "x", "--isolated"],
        ["explain", "S101"],
        ["outline", "r.txt"],
        ["server", "--log-level", "INFO"],
        ["--debug", "check"],
    ],
)
def test_parsed_arguments_do_not_depend_on_what_was_declared(argv: list[str]) -> None:
    assert vars(cli.build_parser(argv).parse_args(argv)) == vars(cli.build_parser().parse_args(argv))


def test_an_unknown_command_gets_every_option_declared() -> None:
    for argv in (["bogus"], [], ["--version"], ["--", "check"]):
        assert cli.build_parser(argv).format_help() == cli.build_parser().format_help()


def test_the_collector_is_paused_only_until_the_rules_are_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = cli._rules_loaded

    def spy(reg, todo):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        real(reg, todo)
        seen.append(gc.isenabled())
        frozen.append(gc.get_freeze_count())

    frozen: list[int] = []
    monkeypatch.setattr(cli, "_rules_loaded", spy)
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert gc.isenabled() and gc.get_freeze_count() == 0
    cli.main(["check", "--format", "concise", str(SEEDS[0])])
    assert seen == [False, True] and gc.isenabled()
    assert frozen[0] > 0 and gc.get_freeze_count() == 0  # frozen while linting, not after


def test_workers_fork_from_a_frozen_start_up_and_it_stays_frozen_until_main_returns(tmp_path: Path) -> None:
    paths = []
    for index in range(20):
        path = tmp_path / f"r{index:02d}.txt"
        path.write_text(SEEDS[index % len(SEEDS)].read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(str(path))
    out = io.StringIO()
    args = cli.build_parser().parse_args(["check", "-j", "2", "--format", "concise", *paths])
    cli._collector_paused = True
    gc.disable()
    try:
        cli.run_check(args, out, io.StringIO())
        assert gc.isenabled() and gc.get_freeze_count() > 0  # the pool left start-up's freeze alone
    finally:
        gc.unfreeze()
        gc.enable()
        cli._collector_paused = cli._startup_frozen = False
    assert out.getvalue().count("\n") > 20


def test_other_commands_run_with_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(cli, "run_rules", lambda args, out: seen.append(gc.isenabled()) or 0)
    cli.main(["rules"])
    assert seen == [True] and gc.isenabled()


def test_a_callers_disabled_collector_stays_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", io.StringIO())
    gc.disable()
    try:
        cli.main(["check", "--format", "concise", str(SEEDS[0])])
        cli.main(["rules", "--format", "json"])
        assert not gc.isenabled()
    finally:
        gc.enable()
