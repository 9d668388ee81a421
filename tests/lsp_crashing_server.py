"""``fzlint server`` with one extra plugin: a rule that prints and always raises, and one that
takes a second on text containing 慢慢 (test_server_robustness.py).

The server is the real one, on stdio; only its registry has the broken rule added, as a
third-party plugin installed next to fzlint would be.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fzlint.hookspecs import hookimpl
from fzlint.rule import Rule
from fzlint.run.plugins import new_registry
from fzlint.server.server import build, protected_stdio


class Exploding(Rule):
    """测试用的规则：每次检查都抛出异常。"""

    code = "Z901"
    name = "always-raises"
    summary = "测试用：总是出错的规则"
    bad = "任意文本"
    good = "任意文本"

    def check(self, report, context):
        # Output on stdout (Python's and the file descriptor's) must not reach the LSP stream.
        print("Content-Length: 3\r\n\r\nbad", flush=True)
        os.write(1, b"written to fd 1\n")
        raise RuntimeError("规则故意出错")


class Slow(Rule):
    """测试用的规则：文本含“慢慢”时，检查要花一秒。"""

    code = "Z902"
    name = "takes-a-second"
    summary = "测试用：含“慢慢”时检查很慢"
    bad = "慢慢"
    good = "快"

    def check(self, report, context):
        if "慢慢" in report.document.text:
            time.sleep(1.0)  # long enough that a newer version arrives while this one is linted
        return []


class CrashingPlugin:
    __name__ = "crashing_plugin"

    @hookimpl
    def fzlint_register_rules(self):
        return [Exploding, Slow]


if __name__ == "__main__":
    stdin, stdout = protected_stdio()
    build(new_registry(extra_plugins=(CrashingPlugin(),))).start_io(stdin, stdout)
