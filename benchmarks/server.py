"""fzlint server: what one keystroke costs in a running server, against a cold ``fzlint check``.

    python benchmarks/server.py            # 40 keystrokes per seed, Markdown table on stdout
    python benchmarks/server.py --quick    # 10 per seed

A real ``fzlint server`` process is driven over stdio with the LSP base protocol (as an
editor does). All five seeds are opened; then, per seed, a character is typed at the
end of its third line again and again (``didChange`` with the whole text, as Neovim 0.7
sends it), each time waiting for the ``publishDiagnostics`` of that version. The
debounce is set to 0 so the figure is the re-lint plus the round trip, not the wait.
Every other open document must get no publication at all (one keystroke, one document).
"server CPU" is the server process's own CPU time per keystroke (from /proc), which a busy
machine inflates less than wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


class Server:
    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "fzlint.cli", "server"]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=ROOT)
        self.next_id = 0

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (header := self.process.stdout.readline()) not in (b"\r\n", b""):
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def diagnostics(self, uri: str, version: int, others: set[str]) -> list[dict[str, Any]]:
        """Wait for ``uri``'s diagnostics at ``version``; fail on a publication for another document."""
        while True:
            message = self.receive()
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] in others:
                raise AssertionError(f"a keystroke in {uri} re-published {params['uri']}")
            if params["uri"] == uri and params.get("version") == version:
                return params["diagnostics"]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    keystrokes = 10 if args.quick else 40

    started = time.perf_counter()
    server = Server()
    server.request(
        "initialize", {"capabilities": {}, "rootUri": ROOT.as_uri(), "initializationOptions": {"debounceMs": 0}}
    )
    server.send({"method": "initialized", "params": {}})
    texts = {seed.as_uri(): seed.read_text(encoding="utf-8") for seed in SEEDS}
    for uri, text in texts.items():
        item = {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
    waiting = set(texts)
    while waiting:  # every document's first result
        message = server.receive()
        if message.get("method") == "textDocument/publishDiagnostics":
            waiting.discard(message["params"]["uri"])
    to_first = time.perf_counter() - started

    rows = []
    for uri, text in texts.items():
        lines = text.split("\n")
        times = []
        cpu_before = cpu_seconds(server.process.pid)
        for version in range(2, keystrokes + 2):
            lines[2] += "字"
            change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": "\n".join(lines)}]}
            begin = time.perf_counter()
            server.send({"method": "textDocument/didChange", "params": change})
            found = server.diagnostics(uri, version, set(texts) - {uri})
            times.append(time.perf_counter() - begin)
        cpu = (cpu_seconds(server.process.pid) - cpu_before) / keystrokes
        rows.append((Path(uri).name, len(text), len(found), times, cpu))
    server.request("shutdown", None)
    server.send({"method": "exit"})
    server.process.wait(timeout=30)

    cold = []
    for _ in range(5 if args.quick else 15):
        begin = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "fzlint.cli", "check", "--format", "json", str(SEEDS[0])],
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        cold.append(time.perf_counter() - begin)

    print(f"Server start to the diagnostics of all five seeds: {to_first * 1000:.0f} ms\n")
    header = f"keystroke → diagnostics, median ms (n={keystrokes})"
    print(f"| seed | characters | diagnostics | {header} | p90 ms | server CPU ms per keystroke |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, size, count, times, cpu in rows:
        p90 = sorted(times)[int(len(times) * 0.9) - 1]
        print(f"| {name[:3]} | {size} | {count} | {median_ms(times)} | {p90 * 1000:.1f} | {cpu * 1000:.1f} |")
    every = [t for row in rows for t in row[3]]
    print(f"| all | | | {median_ms(every)} | | {statistics.mean(row[4] for row in rows) * 1000:.1f} |")
    print(f"\nCold `fzlint check --format json` of seed 000 (a new process each time): {median_ms(cold)} ms median")
    return 0


if __name__ == "__main__":
    sys.exit(main())
