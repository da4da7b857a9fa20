"""Every save that returned survives a kill: a child process saves slips and is SIGKILLed."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading

from models.accounts import create_user
from models.connection import close_database, open_database
from models.vocab import Role

KILLS = 50


def _run_and_kill(db_path: str, rng: random.Random) -> list[str]:
    """Start a desk saving slips, kill it after a random moment; the numbers whose save returned."""
    child = subprocess.Popen([sys.executable, "-m", "tests.support.desk", db_path, "clerk"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert json.loads(child.stdout.readline()) == {"ready": True}
    child.stdin.write(json.dumps({"save_slips": 100000}) + "\n")
    child.stdin.flush()
    saved: list[str] = []
    first_save = threading.Event()

    def read() -> None:
        for line in child.stdout:
            saved.append(json.loads(line)["saved"])
            first_save.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    first_save.wait(timeout=60)  # kill mid-stream, however slow the machine is today
    threading.Event().wait(rng.uniform(0.0, 0.3))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join(timeout=10)
    child.stdin.close()
    child.stdout.close()
    return saved


def test_saves_that_returned_survive_sigkill(tmp_path):
    db_path = str(tmp_path / "crash.db")
    open_database(db_path)
    manager = create_user("manager", "王建国", "password1", Role.MANAGER, actor=None)
    create_user("clerk", "张小梅", "password1", Role.CLERK, actor=manager)
    close_database()
    rng = random.Random(7)
    confirmed: set[str] = set()
    for _ in range(KILLS):
        confirmed.update(_run_and_kill(db_path, rng))
        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in conn.execute("SELECT number FROM slip")}
        finally:
            conn.close()
        assert confirmed <= stored, f"lost after a kill: {sorted(confirmed - stored)[:5]}"
    assert len(confirmed) > KILLS  # the kills landed mid-stream, not before the first save
    open_database(db_path)
    from models import history

    assert list(history.verify_all()) == []
    close_database()
