"""What start-up does to reach the painted window sooner, each real: the cycle collector held until
the window is painted, the Fusion style asked on the application's command line."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading

from PySide6.QtWidgets import QWidget

from desktop.shell import app, start_up, tasks


def test_once_the_window_is_painted_the_start_is_logged_and_the_cycle_collector_back(qtbot, caplog):
    caplog.set_level("INFO", logger="slipdesk.app")
    window = QWidget()
    qtbot.addWidget(window)
    app.Started(window, "estate.db", "en")
    start_up.hold_for_start()  # as main() does before anything loads
    try:
        assert not gc.isenabled()
        window.show()
        qtbot.waitUntil(gc.isenabled)
    finally:
        start_up.release_for_start()
    assert "slipdesk started on estate.db (language en), its window shown" in caplog.text


def test_a_task_started_before_the_first_paint_holds_the_cycle_collector_until_it_ends(qtbot, caplog, sqlite_db):
    """The start-of-day backup starts as the window first shows, before it is painted: the paint
    ends start-up's hold on the collector, not the task's."""
    caplog.set_level("INFO", logger="slipdesk.app")
    window = QWidget()
    qtbot.addWidget(window)
    app.Started(window, "estate.db", "en")
    start_up.hold_for_start()
    go_on = threading.Event()
    task = tasks.Task(lambda progress: go_on.wait(30))
    try:
        task.start()
        window.show()
        qtbot.waitUntil(lambda: "its window shown" in caplog.text)
        assert task.isRunning() and not gc.isenabled()  # painted, and the task still at work
        with qtbot.waitSignal(task.finished, timeout=30000):
            go_on.set()
        qtbot.waitUntil(gc.isenabled)
    finally:
        go_on.set()
        task.wait()
        start_up.release_for_start()


def test_the_application_is_made_in_the_fusion_style():
    """Whatever the platform's own style (here another one forced through the environment)."""
    check = "from desktop.shell import style; app = style.application(['slipdesk']); print(app.style().name())"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="Windows")
    done = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "fusion", done.stderr


def test_the_log_file_opens_with_its_first_record(tmp_path):
    """desktop.shell.logs loads the rotating handler only when there is something to write."""
    import logging

    from desktop.shell import logs

    handler = logs.LogFile(tmp_path / "slipdesk.log")
    try:
        assert not (tmp_path / "slipdesk.log").exists()
        handler.handle(logging.makeLogRecord({"name": "slipdesk.test", "levelno": logging.WARNING,
                                              "levelname": "WARNING", "msg": "a slip vanished"}))
        assert "WARNING slipdesk.test: a slip vanished" in (tmp_path / "slipdesk.log").read_text(encoding="utf-8")
    finally:
        handler.close()
