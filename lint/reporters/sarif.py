"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and other viewers read it.

One run; ``tool.driver.rules`` lists every registered rule (id, name, short and
full description, help with the bad/good example, default level) and each
result points at its rule by ``ruleId`` and ``ruleIndex``. Columns count
characters, which the run states with ``columnKind: "unicodeCodePoints"``.
``partialFingerprints`` carry the baseline fingerprint, so code scanning
tracks a finding across line shifts as ``--baseline`` does.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from fzlint import __version__
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters import ReportOptions, escape_name
from fzlint.reporters.json_output import ascii_only
from fzlint.reporters.json_text import dump_indented
from fzlint.run.baseline import fingerprint
from fzlint.run.engine import FileResult

if TYPE_CHECKING:
    from fzlint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://pypi.org/project/fzlint/"


def rule_descriptor(cls: type[Rule]) -> dict[str, Any]:
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary},
        "fullDescription": {"text": cls.explanation()},
        "help": {"text": cls.explain()},
        "defaultConfiguration": {"level": LEVEL[cls.severity]},
        "properties": {"tags": ["fzlint"]},
    }


def artifact_uri(path: str) -> str:
    """A relative URI reference: forward slashes, non-ASCII characters percent-encoded.

    Quoted from the name's bytes, so a name that is not UTF-8 (lone surrogates from
    ``os.fsdecode``) gets its real bytes (``%FF``) instead of an encoding error."""
    return quote(os.fsencode(PurePath(path).as_posix()), safe="/")


def result_for(diagnostic: Diagnostic, index: dict[str, int], lines: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
                    "region": {
                        "startLine": diagnostic.line,
                        "startColumn": diagnostic.column,
                        "endLine": diagnostic.end_line,
                        "endColumn": diagnostic.end_column,
                    },
                },
            }
        ],
        "partialFingerprints": {"fzlintContentHash/v1": fingerprint(diagnostic, lines)},
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    return result


def sarif_log(results: list[FileResult], options: ReportOptions) -> dict[str, Any]:
    rules = [options.registry.rules[code] for code in sorted(options.registry.rules)]
    index = {cls.code: position for position, cls in enumerate(rules)}
    lines_of = {r.path: (r.document.lines if r.document else []) for r in results}
    sarif_results = [result_for(d, index, lines_of.get(d.path, [])) for d in options.visible(results)]
    failed = [r for r in results if r.error]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "fzlint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(cls) for cls in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
                "invocations": [
                    {
                        "executionSuccessful": not failed,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": f"{escape_name(r.path)}: {escape_name(r.error or '')}"},
                                "locations": [
                                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}
                                ],
                            }
                            for r in failed
                        ],
                    }
                ],
            }
        ],
    }


def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
    # json.dump(indent=2) byte for byte, in chunks, without json's pure-Python indenting encoder
    dump_indented(sarif_log(results, options), stream, ensure_ascii=ascii_only(stream))
    stream.write("\n")
