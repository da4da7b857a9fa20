"""Another desk in its own process and with its own database connection (tests/support/desk.py),
driven from a test: `OtherDesk(db_url, username).ask(step="assign", slip=3, inputs={…})`."""
from __future__ import annotations

import json
import subprocess
import sys


class OtherDesk:
    """A desk in a separate process with its own database connection."""

    def __init__(self, db_url: str, username: str):
        self.process = subprocess.Popen([sys.executable, "-m", "tests.support.desk", db_url, username],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.read() == {"ready": True}

    def ask(self, **command) -> dict:
        self.process.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        return self.read()

    def read(self) -> dict:
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()
