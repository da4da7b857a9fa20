"""Start-up checks the database in proportion: the full check (every page) before the window only
when it is due — the last session did not end cleanly, or no full check passed in the last day —
else the light check before it and the full one behind the painted window, which offers the
last good backup when it finds damage. Real files, really damaged."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QWidget

from desktop.shell import backups, database_dialog
from forms import asking
from models import backup, clock, demo, settings
from models.demo import create_demo_accounts
from models.connection import close_database, open_database


@pytest.fixture
def desk(tmp_path, qapp, frozen_now):
    """A closed desk file with 30 slips and a good backup in its folder."""
    path = tmp_path / "estate.db"
    open_database(path)
    demo.generate_slips(30, seed=4)
    good = backup.rotated_backup(backups.folder(), keep=5)
    close_database()
    yield path, good
    close_database()


def overwrite_table(path, table: str) -> None:
    with sqlite3.connect(path) as conn:
        root, = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * 4096)
        handle.write(b"\x41" * 4096)


def test_the_full_check_is_due_first_after_an_unclean_end_and_after_a_day(desk, frozen_now):
    path, _good = desk
    assert backups.full_check_due(path)  # never checked on this desk
    backups.record_full_check(path)
    assert not backups.full_check_due(path)
    backups.mark_open(path)  # a session that never reached mark_closed: a crash, a kill, a power cut
    assert backups.full_check_due(path)
    backups.mark_closed(path)
    assert not backups.full_check_due(path)
    clock.freeze(frozen_now + dt.timedelta(hours=23))
    assert not backups.full_check_due(path)
    clock.freeze(frozen_now + dt.timedelta(hours=25))
    assert backups.full_check_due(path)


def test_a_write_ahead_log_left_behind_makes_the_full_check_due(desk):
    path, _good = desk
    backups.record_full_check(path)
    other = sqlite3.connect(path)  # a session still holding the file, its changes in the log
    try:
        other.execute("PRAGMA journal_mode=wal")
        other.execute("INSERT INTO setting (key, value) VALUES (?, ?)", ("test.left_open", "1"))
        other.commit()
        assert os.path.getsize(f"{path}-wal") > 0
        assert backups.full_check_due(path)
    finally:
        other.close()
    assert not backups.full_check_due(path)  # closed: the log merged and removed


def test_a_cut_off_file_is_caught_before_the_window_even_when_the_full_check_is_not_due(desk, monkeypatch):
    path, good = desk
    backups.record_full_check(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert not backups.full_check_due(path)
    asked = []
    monkeypatch.setattr(asking, "restore", lambda *args: asked.append(args) or True)
    assert backups.sound_or_restored(path, thorough=False)
    ((_where, problem, candidate, _slips),) = asked
    assert candidate == good and "cut off" in problem
    assert backup.check_file(path).slips == 30


def checked_behind(qtbot, path) -> backup.Check:
    window = QWidget()
    qtbot.addWidget(window)
    behind = backups.CheckBehind(path, window)
    with qtbot.waitSignal(behind.checked, timeout=20000) as done:
        window.show()  # the check starts once the window is painted
    return done.args[0]


def test_damage_deep_in_the_file_is_found_behind_the_window_and_the_backup_offered(desk, qtbot, monkeypatch):
    path, good = desk
    backups.record_full_check(path)
    overwrite_table(path, "slip")
    assert backups.sound_or_restored(path, thorough=backups.full_check_due(path))  # the light check opens it
    offered, restarted = [], []
    monkeypatch.setattr(asking, "restart_to_restore", lambda parent, problem: offered.append(problem) or True)
    monkeypatch.setattr(database_dialog, "restart", lambda: restarted.append(True))
    found = checked_behind(qtbot, path)
    assert not found.ok and "malformed" in offered[0] and restarted == [True]
    assert backups.full_check_due(path)  # the restarted desk checks before its window, and restores
    asked = []
    monkeypatch.setattr(asking, "restore", lambda *args: asked.append(args) or True)
    assert backups.sound_or_restored(path, thorough=backups.full_check_due(path))
    assert asked[0][2] == good and backup.check_file(path).slips == 30
    assert not backups.full_check_due(path)


def test_declining_the_restart_keeps_the_desk_open_and_the_check_due(desk, qtbot, monkeypatch):
    path, _good = desk
    backups.record_full_check(path)
    overwrite_table(path, "slip_event")
    monkeypatch.setattr(asking, "restart_to_restore", lambda parent, problem: False)
    monkeypatch.setattr(database_dialog, "restart", lambda: pytest.fail("restarted without asking"))
    assert not checked_behind(qtbot, path).ok
    assert backups.full_check_due(path)


def test_a_sound_file_checked_behind_the_window_is_remembered_for_a_day(desk, qtbot, frozen_now):
    path, _good = desk
    assert backups.full_check_due(path)
    clock.freeze(frozen_now + dt.timedelta(hours=1))
    assert checked_behind(qtbot, path).ok
    clock.freeze(frozen_now + dt.timedelta(hours=24))
    assert not backups.full_check_due(path)


def test_a_check_stopped_before_the_window_shows_never_runs(desk, qtbot):
    path, _good = desk
    window = QWidget()
    qtbot.addWidget(window)
    behind = backups.CheckBehind(path, window)
    behind.stop()  # the desk closed at once
    with qtbot.assertNotEmitted(behind.checked, wait=200):
        window.show()
    assert backups.full_check_due(path) and not behind.damaged


def test_the_desk_checks_a_new_file_fully_once_and_ends_its_session_cleanly(tmp_path):
    """The real program: its first start on a file runs the full check and remembers it; a clean
    exit removes the mark of an open session (the next start can take the light check)."""
    clock.freeze(None)  # the real program records its check at the real time: this side reads the same clock
    path = tmp_path / "demo-desk.db"
    open_database(path)
    try:
        create_demo_accounts()
        settings.put_system("demo.database", True)
    finally:
        close_database()
    assert backups.full_check_due(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # data and settings folders: this test's own
    done = subprocess.run([sys.executable, "-m", "desktop.shell.app", "--db", str(path), "--startup-probe"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert not backups.full_check_due(path)
    again = subprocess.run([sys.executable, "-m", "desktop.shell.app", "--db", str(path), "--startup-probe"], env=env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert not backups.full_check_due(path) and not os.path.exists(f"{path}-wal")


def test_a_start_that_fails_with_an_error_leaves_the_full_check_due(tmp_path):
    """A session that ended on an escaped error did not end cleanly: the next start reads the whole
    file before its window (and offers the backup if that is what went wrong)."""
    path = tmp_path / "broken-demo.db"
    open_database(path)
    try:
        create_demo_accounts()
        settings.put_system("demo.database", True)
    finally:
        close_database()
    backups.record_full_check(path)
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("DROP TABLE category")  # sound to both checks, but no page can load
    raw.close()
    assert not backups.full_check_due(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "desktop.shell.app", "--db", str(path), "--startup-probe"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "no such table" in done.stderr
    assert backups.full_check_due(path)


def test_a_desk_left_open_checks_again_and_keeps_its_record_fresh(desk, qtbot, frozen_now, monkeypatch):
    path, _good = desk
    monkeypatch.setattr(backups.CheckBehind, "AGAIN_MS", 0)  # (six hours on a desk)
    window = QWidget()
    qtbot.addWidget(window)
    behind = backups.CheckBehind(path, window)
    with qtbot.waitSignal(behind.checked, timeout=20000):
        window.show()
    clock.freeze(frozen_now + dt.timedelta(hours=20))
    with qtbot.waitSignal(behind.checked, timeout=20000) as again:
        pass
    behind.stop()
    assert again.args[0].ok
    clock.freeze(frozen_now + dt.timedelta(hours=30))  # the next morning: checked 10 hours ago
    assert not backups.full_check_due(path)
