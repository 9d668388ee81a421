"""The built-in output formats, registered like a plugin's would be."""

from __future__ import annotations

from fzlint.hookspecs import hookimpl


@hookimpl
def fzlint_register_reporters() -> dict[str, str]:
    return {
        "rich": "fzlint.reporters.rich_output:render",
        "json": "fzlint.reporters.json_output:render",
        "json-lines": "fzlint.reporters.json_lines:render",
        "concise": "fzlint.reporters.concise:render",
        "sarif": "fzlint.reporters.sarif:render",
        "github": "fzlint.reporters.github:render",
        "html": "fzlint.reporters.html:render",
    }
