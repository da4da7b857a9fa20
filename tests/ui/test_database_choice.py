"""Choosing the database a desk works on: tested before it is kept, remembered for the next
start, and a server that cannot be reached is explained — never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.shell import database_dialog
from desktop.shell.database_dialog import DatabaseDialog
from desktop.shell.local_settings import remember_database, remembered_database
from desktop.settings import desk_security_tab as desk_security_page
from desktop.settings.authority_page import AuthoritySettingsPage
from desktop.shell.session import Session
from forms import asking
from models import desk_security, settings
from models.demo import create_demo_accounts
from models.connection import close_database, open_database

UNREACHABLE = "postgresql://clerk@127.0.0.1:9/slipdesk"  # nothing listens on the discard port


@pytest.fixture
def dialog(qtbot, monkeypatch):
    monkeypatch.setattr(asking, "restart", lambda parent: False)
    chooser = DatabaseDialog()
    qtbot.addWidget(chooser)
    return chooser


def run_the_test(qtbot, dialog, timeout: int) -> None:
    """Test the choice and wait for the answer on the dialog (the worker may answer before a
    signal blocker could be connected to its job)."""
    assert dialog.test() is not None
    qtbot.waitUntil(lambda: dialog._job is None, timeout=timeout)


def test_a_database_file_is_tested_then_remembered_for_the_next_start(qtbot, dialog, sqlite_db, tmp_path):
    estate = str(sqlite_db.obj.database)
    dialog.file_choice.setChecked(True)
    dialog.path.setText(estate)
    run_the_test(qtbot, dialog, 10000)
    assert dialog.test_result.text() == "✓ A sound Slipdesk database with 0 slips."
    dialog.use_button.click()
    assert dialog.chosen == estate and remembered_database() == estate


def test_a_new_file_is_offered_and_a_missing_folder_refused(qtbot, dialog, tmp_path):
    assert database_dialog.probe(str(tmp_path / "new.db")).ok
    missing = database_dialog.probe(str(tmp_path / "no-such-folder" / "desk.db"))
    assert not missing.ok and "does not exist" in missing.message
    dialog.path.setText(str(tmp_path / "no-such-folder" / "desk.db"))
    run_the_test(qtbot, dialog, 10000)
    dialog.use_button.click()
    assert dialog.test_result.text().startswith("The folder") and remembered_database() == ""


def test_a_file_is_tested_when_no_database_could_be_opened_at_all(qtbot, dialog, tmp_path, monkeypatch):
    """The dialog a failed start offers (cannot_open): no database is set up in this process, and
    the test's worker still ends cleanly and answers."""
    from models.db import database

    monkeypatch.setattr(database, "obj", None)
    dialog.path.setText(str(tmp_path / "new.db"))
    run_the_test(qtbot, dialog, 10000)
    assert dialog.test_result.text().startswith("✓") and dialog.test_button.isEnabled()


def test_an_unreachable_server_is_told_in_words_and_not_kept(qtbot, dialog):
    dialog.server_choice.setChecked(True)
    dialog.url.setText(UNREACHABLE)
    run_the_test(qtbot, dialog, 20000)
    assert dialog.test_result.text().startswith("The server cannot be reached or refused the connection")
    dialog.use_button.click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert remembered_database() == ""


def test_the_cannot_open_message_names_the_server_and_what_to_check():
    text = database_dialog.explain("postgresql://clerk:secret@10.0.0.5/slipdesk", OSError("connection refused"))
    assert "cannot reach the database server postgresql://clerk:***@10.0.0.5/slipdesk" in text
    assert "secret" not in text and "connection refused" in text


def test_restarting_opens_the_chosen_database_not_the_command_lines():
    args = database_dialog.restart_arguments(["--db", "old.db", "--lang", "zh", "--demo"])
    assert args == ["-m", "desktop.shell.app", "--lang", "zh"]


def _run_slipdesk(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop.shell.app", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_next_start_opens_the_remembered_database(tmp_path):
    chosen = tmp_path / "front-desk.db"
    open_database(chosen)
    try:
        create_demo_accounts()
        settings.put_system("demo.database", True)
    finally:
        close_database()
    remember_database(str(chosen))
    done = _run_slipdesk(tmp_path, "--startup-probe")
    assert done.returncode == 0, done.stderr
    assert "main window shown" in done.stdout


def test_a_remembered_server_that_is_down_ends_with_a_sentence_not_a_traceback(tmp_path):
    remember_database(UNREACHABLE)
    done = _run_slipdesk(tmp_path, "--startup-probe")
    assert done.returncode == 1
    assert "slipdesk: cannot open the database" in done.stderr and "Traceback" not in done.stderr


def test_the_manager_sets_idle_lock_and_backups_on_the_settings_page(qtbot, sqlite_db, users, tmp_path, monkeypatch):
    manager = Session(lang="en")
    manager.sign_in(users["manager"])
    page = AuthoritySettingsPage(manager)
    qtbot.addWidget(page)
    tab = page.pages["DeskSecurityTab"]
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Desk security and backups"
    tab.idle_minutes.setValue(5)
    monkeypatch.setattr(asking, "backup_folder", lambda parent, current: str(tmp_path / "usb"))
    tab.browse.click()
    tab.keep.setValue(30)
    assert tab.submit()
    assert desk_security.current() == desk_security.DeskSecurity(5.0, str(tmp_path / "usb"), 30)

    tab.folder.setText("backups here")
    assert not tab.submit()
    assert tab.rows["backup_folder"].message.startswith("Give the whole path")
    assert desk_security.current().backup_folder == str(tmp_path / "usb")


def test_a_clerk_cannot_change_the_idle_lock_whatever_the_screen_shows(qtbot, session, users):
    tab = desk_security_page.DeskSecurityTab(session)
    qtbot.addWidget(tab)
    tab.idle_minutes.setValue(240)
    assert not tab.submit()
    assert "manager" in tab.message.text() and desk_security.current().idle_minutes == 10.0
