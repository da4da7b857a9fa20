"""The desk backs itself up — the first start of each day and on exit, on request, to a USB
drive — and a damaged database at start-up brings the offer of the last good backup."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.shell import backups
from desktop.shell.main_window import MainWindow
from forms import asking
from models import audit, backup, clock, demo, settings
from models.connection import close_database, open_database


@pytest.fixture
def told(monkeypatch):
    """The messages the desk shows, by title, instead of boxes waiting for a click."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(title))
    return shown


def open_desk(qtbot, session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def test_one_backup_at_the_first_start_of_each_day_and_one_on_exit(qtbot, session, users, frozen_now):
    settings.put("backup.keep", 2, users["manager"])
    first = open_desk(qtbot, session)
    with qtbot.waitSignal(first.guard.backups.finished, timeout=10000) as made:
        pass
    folder = backups.folder()
    assert made.args[0].path.parent == folder
    assert [p.name for p in backup.list_backups(folder)] == ["slipdesk-20261124-100000.db"]

    clock.freeze(frozen_now + dt.timedelta(hours=3))  # started again later that day
    again = open_desk(qtbot, session)
    assert again.guard.backups.start_of_day() is None
    assert len(backup.list_backups(folder)) == 1

    clock.freeze(frozen_now + dt.timedelta(days=1, hours=-2))  # the next morning, the desk still running
    with qtbot.waitSignal(again.guard.backups.finished, timeout=10000):
        assert again.guard.backups.start_of_day() is not None
    clock.freeze(frozen_now + dt.timedelta(days=1, hours=8))
    closing = backups.backup_on_exit()
    assert closing is not None and closing.slips == 0
    assert [p.name for p in backup.list_backups(folder)] == [  # rotation keeps the newest two
        "slipdesk-20261125-180000-exit.db", "slipdesk-20261125-080000.db"]
    assert all(backup.check_file(p).ok for p in backup.list_backups(folder))


def test_a_demo_database_is_not_backed_up(qtbot, session, frozen_now):
    settings.put_system("demo.database", True)
    window = open_desk(qtbot, session)
    assert window.guard.backups.start_of_day() is None
    assert not window.guard.backup_action.isVisible()
    assert backups.backup_on_exit() is None


def test_back_up_now_and_copy_the_latest_backup_to_a_usb_drive_as_a_manager(qtbot, session, users, tmp_path, told,
                                                                             monkeypatch, frozen_now):
    demo.generate_slips(25, seed=11)
    settings.put_system("demo.database", False)  # the estate's own slips, not a demo
    window = open_desk(qtbot, session)
    with qtbot.waitSignal(window.guard.backups.finished, timeout=10000):
        pass  # the day's first backup
    clock.freeze(frozen_now + dt.timedelta(minutes=20))
    with qtbot.waitSignal(window.guard.backups.finished, timeout=10000) as made:
        window.guard.backup_action.trigger()
    assert made.args[0].slips == 25 and made.args[0].path.name.endswith("-manual.db")
    assert told == ["Backed up"]

    usb = tmp_path / "usb-drive"
    usb.mkdir()
    monkeypatch.setattr(asking, "copy_backup_to", lambda parent: str(usb))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    window.guard.copy_action.trigger()  # the clerk: every resident's phone and address would leave the desk
    assert window.guard.backups.task is None and not list(usb.iterdir())
    assert "Only a manager may copy the database off this desk" in warned[0]

    session.sign_in(users["manager"])
    with qtbot.waitSignal(window.guard.backups.finished, timeout=10000) as copied:
        window.guard.copy_action.trigger()
    (on_drive,) = usb.iterdir()
    assert copied.args[0].path == on_drive and on_drive.name == made.args[0].path.name
    assert backup.check_file(on_drive).slips == 25
    assert told == ["Backed up", "Backup copied"]
    (logged,) = audit.recent("backup_copied_out")
    assert logged.user_id == users["manager"].id and logged.details["destination"] == str(usb)


def test_a_backup_can_be_cancelled_and_leaves_no_half_made_copy(qtbot, session, frozen_now, monkeypatch):
    window = open_desk(qtbot, session)
    with qtbot.waitSignal(window.guard.backups.finished, timeout=10000):
        pass  # the day's first backup
    folder = backups.folder()
    before = backup.list_backups(folder)
    pressed = threading.Event()  # the copy begins once the clerk has pressed Cancel
    copy = backup.backup_sqlite
    monkeypatch.setattr(backup, "backup_sqlite", lambda target, progress: pressed.wait(10) and copy(target, progress))
    window.guard.backup_action.trigger()
    task = window.guard.backups.task
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        task.dialog.findChild(QPushButton).click()  # Cancel: the copy stops at its next step
        pressed.set()
    assert window.statusBar().currentMessage() == (
        "Backup cancelled: nothing was written, the earlier backups are kept.")
    assert window.guard.backups.task is None and not window.guard.backups.bar.isVisible()
    assert backup.list_backups(folder) == before and not list(folder.glob("*.partial"))


def test_a_backup_that_cannot_be_written_is_told_in_a_message(qtbot, session, users, frozen_now, tmp_path):
    window = open_desk(qtbot, session)
    with qtbot.waitSignal(window.guard.backups.finished, timeout=10000):
        pass  # the day's first backup
    (tmp_path / "not-a-folder").write_text("a file where the manager's backup folder should be")
    settings.put("backup.folder", str(tmp_path / "not-a-folder" / "backups"), users["manager"])
    window.guard.backup_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=10000)
    box = window.findChild(QMessageBox)
    assert box.windowTitle() == "Backup failed"
    assert box.text().startswith("The backup could not be written: ") and "Your data is unchanged" in box.text()
    assert window.guard.backups.task is None and not window.guard.backups.bar.isVisible()
    box.close()


def _damage(path) -> bytes:
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 6] = b"\x41" * (4096 * 4)  # pages overwritten: a bad sector, a torn write
    path.write_bytes(data)
    return bytes(data)


@pytest.fixture
def damaged_desk(tmp_path, qapp):
    """A desk file with 30 slips and a good backup in its folder, then damaged."""
    path = tmp_path / "estate.db"
    open_database(path)
    demo.generate_slips(30, seed=4)
    good = backup.rotated_backup(backups.folder(), keep=5)
    close_database()
    damaged = _damage(path)
    assert not backup.check_file(path, quick=True).ok
    yield path, good, damaged
    close_database()


def test_a_damaged_database_at_start_up_offers_the_last_good_backup(damaged_desk, monkeypatch):
    path, good, damaged = damaged_desk
    asked = []
    monkeypatch.setattr(asking, "restore", lambda *args: asked.append(args) or True)
    assert backups.sound_or_restored(path)
    ((where, problem, candidate, slips),) = asked
    assert where == path and candidate == good and slips == 30 and "malformed" in problem
    assert backup.check_file(path).slips == 30
    (kept,) = path.parent.glob("estate.db.before-restore-????????-??????")
    assert kept.read_bytes() == damaged  # the damaged file is kept for the administrator
    open_database(path)


def test_declining_the_restore_changes_nothing(damaged_desk, monkeypatch):
    path, _good, damaged = damaged_desk
    monkeypatch.setattr(asking, "restore", lambda *args: False)
    assert not backups.sound_or_restored(path)
    assert path.read_bytes() == damaged and not list(path.parent.glob("*.before-restore-*"))


def test_a_damaged_database_without_a_backup_is_explained_not_crashed(tmp_path, qapp, monkeypatch):
    path = tmp_path / "lonely.db"
    open_database(path)
    demo.generate_slips(5, seed=1)
    close_database()
    damaged = _damage(path)
    told = []
    monkeypatch.setattr(asking, "tell", lambda icon, title, text: told.append((title, text)))
    assert not backups.sound_or_restored(path)
    ((title, text),) = told
    assert title == "The database is damaged" and "No backup of it was found" in text
    assert path.read_bytes() == damaged
