"""How live several desks are: the figures of `slipdesk-admin bench-live [--db PATH|URL] [--saves N]
[--idle S]` (desktop/commands/bench_live.py is its command line).

Two desks in two processes on one database: this command is the desk that saves, a child process
(`listen`, run as `python -c …`) is a person in charge's desk with the
dashboard, the approvals queue, the notices and the slip list open and its live feed running
(desktop.shell.live), as the main window runs it. Printed:

- the time from a save returning on the first desk to the second desk's open views showing it
  (read again after the feed told them; the slip list once its search on a worker thread listed
  it), median and worst of N saves, one at a time;
- what the second desk costs while nobody changes anything, over S seconds: its CPU time and the
  statements it sends the database (peewee's queries — the dashboard's minute timer and the
  deadline watcher among them — and the feed's own looks: the SQLite change counter's reads, or
  PostgreSQL notifications read), per minute.

Without --db it works on a fresh SQLite file in a temporary folder; a postgresql:// URL names a
database to work in (its tables are made when empty; the bench's two accounts are added and its
slips stay). The exit status is 0 when the worst save was shown within the two-second limit.
"""
from __future__ import annotations

import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.desk_figures import Row, _child_env, describe_target, print_table
from models.i18n import t

LISTENER, SAVER = "bench.live.supervisor", "bench.live.clerk"
LISTENING_DESK = "import sys; from bench.live_figures import listen; sys.exit(listen(sys.argv[1]))"
LIMIT_MS = 2000.0
DEFAULT_SAVES = 100
DEFAULT_IDLE_S = 60.0


def run(db: str | None, saves: int, idle: float) -> int:
    """The table on `db` (default: a fresh SQLite file in a temporary folder); the exit status."""
    from models.connection import close_database, open_database

    with tempfile.TemporaryDirectory(prefix="slipdesk-bench-live-") as folder:
        target = db or str(Path(folder) / "live.db")
        open_database(target)
        try:
            _accounts()
            rows = _measure(target, saves, idle)
        finally:
            close_database()
    print_table(rows, describe_target(target))
    return 0 if all(row.met for row in rows) else 1


def _accounts() -> None:
    from models.accounts import User, create_user
    from models.vocab import Role

    manager = User.get_or_none(User.role == Role.MANAGER) or create_user(  # a desk's first account is a manager's
        "bench-live-manager", "王建国", "bench-live-1", Role.MANAGER, actor=None)
    for username, name, role in ((LISTENER, "李慧", Role.SUPERVISOR), (SAVER, "张小梅", Role.CLERK)):
        if not User.select().where(User.username == username).exists():
            create_user(username, name, "bench-live-1", role, actor=manager)


def _measure(target: str, saves: int, idle_s: float) -> list[Row]:
    desk = subprocess.Popen([sys.executable, "-c", LISTENING_DESK, target], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=_child_env())
    try:
        _expect(desk, "ready")
        latencies = _latencies(desk, saves)
        desk.stdin.write(json.dumps({"idle": idle_s}) + "\n")
        desk.stdin.flush()
        idle = _expect(desk, "idle")
    finally:
        desk.stdin.close()
        desk.wait(timeout=60)
    per_minute = 60.0 / idle["seconds"]
    median, worst = statistics.median(latencies), max(latencies)
    looks = t("change-counter reads") if idle["sqlite"] else t("notifications read")
    return [
        Row(t("save on one desk → shown on the other's open views, median of {n}", n=len(latencies)), median, "ms", None,
            f"≤ {LIMIT_MS:.0f} ms", median <= LIMIT_MS),
        Row(t("save on one desk → shown on the other's open views, worst of {n}", n=len(latencies)), worst, "ms", None,
            f"≤ {LIMIT_MS:.0f} ms", worst <= LIMIT_MS),
        Row(t("idle desk: CPU time per minute ({s:.0f} s watched)",
              s=idle["seconds"]), idle["cpu"] * 1000 * per_minute, "ms", None, "—", True, counted=False),
        Row(t("idle desk: database queries per minute (dashboard timer, deadline watch …)"),
            idle["queries"] * per_minute, "", None, "—", True, counted=False),
        Row(t("idle desk: live feed's own looks per minute ({looks})",
              looks=looks), idle["looks"] * per_minute, "", None, "—", True, counted=False),
    ]


def _latencies(desk: subprocess.Popen, saves: int) -> list[float]:
    """Save one slip at a time here, each at a random moment (a desk's saves keep no step with the
    other desk's looks); the milliseconds until the other desk's views had it."""
    import datetime as dt
    import random

    from models import clock, intake
    from models.accounts import User
    from models.catalog import Category
    from models.vocab import Channel

    clerk = User.get(User.username == SAVER)
    noise = Category.get(Category.code == "noise").id
    found, pauses = [], random.Random(17)
    for index in range(saves):
        time.sleep(pauses.uniform(0.0, 1.0))
        now = clock.now()
        slip = intake.save(intake.Intake(
            channel=Channel.PHONE, complainant_name=f"测试{index}", complaint="楼上每天晚上拖椅子，吵得睡不着。",
            read_back=True, category_id=noise, caller_number=f"139{index:08d}", call_time=now, thanked=True,
            deadline=now + dt.timedelta(days=1), unit_code=f"{index % 30 + 1}-1-101"), clerk)
        saved = time.time()
        while True:
            seen = _expect(desk, "seen")
            if slip.id in seen["slips"] or seen["every"]:
                break
        found.append((seen["at"] - saved) * 1000)
    return found


def _expect(desk: subprocess.Popen, key: str) -> dict:
    for line in desk.stdout:
        message = json.loads(line)
        if key in message:
            return message
    raise RuntimeError(t("the listening desk ended before it said {key!r} (exit {code})", key=key, code=desk.poll()))


# ---------------------------------------------------------------------------------------------
# The listening desk (the child process)

class _Counting(logging.Handler):
    """Counts the statements peewee sends (it logs each one at DEBUG)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def listen(target: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.shell.start_up import keep_singletons_alive

    keep_singletons_alive()  # as the desk does first thing (desktop.shell.app)
    app = QApplication(sys.argv[:1])
    from desktop.shell.live import LiveFeed
    from desktop.approvals.page import ApprovalsPage
    from desktop.shell.dashboard_page import DashboardPage
    from desktop.shell.notices_page import NoticesPage
    from desktop.slips.list_page import SlipsPage
    from desktop.shell.session import Session
    from models.accounts import User
    from models.db import is_sqlite
    from models.connection import open_database

    open_database(target)
    session = Session(lang="zh")
    session.sign_in(User.get(User.username == LISTENER))
    views = [DashboardPage(session), ApprovalsPage(session), NoticesPage(session), SlipsPage(session)]
    for view in views:
        view.show()
    queries = _Counting()
    peewee_log = logging.getLogger("peewee")
    peewee_log.addHandler(queries)
    peewee_log.setLevel(logging.DEBUG)
    feed = LiveFeed(session)

    def say(**values) -> None:
        print(json.dumps(values), flush=True)

    slip_list = views[-1].model
    told: list = []  # what the feed told, until the slip list has listed it too

    def tell_seen() -> None:
        slips = sorted({slip_id for changes in told for slip_id in changes.slip_ids})
        every = any(changes.every_slip for changes in told)
        told.clear()
        say(seen=True, slips=slips, every=every, at=time.time())

    def seen(changes) -> None:
        """Connected after the views: they have read their rows again by now, but for the slip
        list, whose search runs on a worker thread (desktop.slips.table_model): seen once it is listed."""
        told.append(changes)
        if not slip_list.searching:
            tell_seen()

    def listed(searching: bool) -> None:
        if not searching and told:
            tell_seen()

    session.changed_elsewhere.connect(seen)
    slip_list.searching_changed.connect(listed)
    idle: dict = {}

    def idle_ended() -> None:
        say(idle=True, seconds=time.monotonic() - idle["since"], cpu=time.process_time() - idle["cpu"],
            queries=queries.count - idle["queries"], looks=feed.looks - idle["looks"], sqlite=is_sqlite())

    def command() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        wanted = json.loads(line)
        if "idle" in wanted:  # a second for the last save's refresh to settle, then nobody changes anything
            QTimer.singleShot(1000, lambda: start_idle(wanted["idle"]))

    def start_idle(seconds: float) -> None:
        idle.update(since=time.monotonic(), cpu=time.process_time(), queries=queries.count, looks=feed.looks)
        QTimer.singleShot(int(seconds * 1000), idle_ended)

    commands = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    commands.activated.connect(command)
    ready = QTimer()
    ready.setInterval(20)

    def when_live() -> None:  # PostgreSQL: the listener connects in a task
        if feed.live:
            ready.stop()
            say(ready=True)

    ready.timeout.connect(when_live)
    ready.start()
    code = app.exec()
    feed.stop()
    commands.setEnabled(False)
    for view in views:
        view.close()
        view.deleteLater()
    app.processEvents()
    return code
