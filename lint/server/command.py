"""``fzlint server`` on the command line (kept free of pygls, so ``fzlint check`` does not import it)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    server = sub.add_parser("server", help="语言服务器（LSP，经标准输入输出），供编辑器使用")
    server.add_argument("--log-file", type=Path, help="把服务器日志写到这个文件（默认写到标准错误）")
    server.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])


def run(args: argparse.Namespace) -> int:
    """Serve until the client sends ``exit``: 0 after a ``shutdown`` request, 1 without one (LSP)."""
    import logging

    from fzlint.server.server import build, protected_stdio

    handler = logging.FileHandler(args.log_file, encoding="utf-8") if args.log_file else logging.StreamHandler()
    logging.basicConfig(level=args.log_level, handlers=[handler])
    stdin, stdout = protected_stdio()
    server = build()
    server.start_io(stdin, stdout)
    return 0 if server.protocol._shutdown else 1
