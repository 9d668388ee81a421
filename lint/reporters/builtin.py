"""The built-in output formats, registered like a plugin's would be."""

from __future__ import annotations

from lint.hookspecs import hookimpl


@hookimpl
def fzlint_register_reporters() -> dict[str, str]:
    return {
        "rich": "lint.reporters.rich_output:render",
        "json": "lint.reporters.json_output:render",
        "json-lines": "lint.reporters.json_lines:render",
        "concise": "lint.reporters.concise:render",
        "sarif": "lint.reporters.sarif:render",
        "github": "lint.reporters.github:render",
    }
