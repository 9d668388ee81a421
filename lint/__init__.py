"""fzlint core: load a report, parse its outline, run rule plugins, report diagnostics."""

__version__ = "0.1.0"
