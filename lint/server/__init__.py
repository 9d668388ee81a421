"""``fzlint server``: a Language Server over stdio (pygls), see README "Language server".

- :mod:`fzlint.server.options`: the client's settings (initializationOptions / workspace settings);
- :mod:`fzlint.server.linting`: one document's text through the CLI's pipeline, held registry;
- :mod:`fzlint.server.convert`: fzlint's 1-based character columns to LSP positions and back;
- :mod:`fzlint.server.actions`: quick fixes, "fix all safe" and hover;
- :mod:`fzlint.server.protocol`: malformed messages answered with LSP errors;
- :mod:`fzlint.server.server`: the handlers, debouncing and publishing.
"""
