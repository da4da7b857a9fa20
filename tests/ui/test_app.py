"""The `slipdesk` program: the demo database, the start-up probe, the language, and errors."""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.shell import app, logs
from desktop.shell.session import put_setting, ui_language
from models import settings
from models.accounts import User, create_first_manager
from models.demo import DEMO_ACCOUNTS, create_demo_accounts
from models.slips import Slip
from models.connection import close_database, open_database
from models.paths import data_dir
from models.vocab import Status


def run_slipdesk(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SLIPDESK_DATA_DIR=str(tmp_path / "data"),
               SLIPDESK_SETTINGS_DIR=str(tmp_path / "settings"))
    return subprocess.run([sys.executable, "-m", "desktop.shell.app", *args], env=env, capture_output=True,
                          text=True, timeout=300)


def test_demo_opens_a_fresh_database_with_accounts_and_slips(qapp):
    try:
        where = app.open_demo(slips=40)
        assert where.startswith(str(data_dir() / "demo"))
        staged = Slip.select().count() - 40  # this morning's desk, staged on top (models.demo_today)
        assert User.select().count() == len(DEMO_ACCOUNTS) == 7 and staged > 0  # the upper department's too
        assert Slip.select().where(Slip.status == Status.AWAITING_CONFIRMATION).exists()  # a queue to show
        assert settings.get("demo.database") is True
        assert len({slip.channel for slip in Slip.select()}) == 4
        app.open_demo(slips=25)  # every --demo start is fresh
        assert Slip.select().count() == 25 + staged
    finally:
        close_database()


def test_startup_probe_opens_the_demo_main_window_and_exits(tmp_path):
    done = run_slipdesk("--demo", "--startup-probe", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert re.search(r"startup-probe: main window shown \d+\.\d{3} s after process start", done.stdout)
    assert "Traceback" not in done.stderr


def test_startup_probe_never_skips_the_login_of_a_real_database(tmp_path):
    real = tmp_path / "estate.db"
    open_database(real)
    try:
        create_first_manager("wang", "王建国", "a-long-password")
    finally:
        close_database()
    done = run_slipdesk("--db", str(real), "--startup-probe", tmp_path=tmp_path)
    assert done.returncode == 2
    assert "only on a demo database" in done.stderr


def test_startup_probe_ends_with_an_error_instead_of_waiting_on_a_message_box(tmp_path):
    broken = tmp_path / "broken-demo.db"
    open_database(broken)
    try:
        create_demo_accounts()
        settings.put_system("demo.database", True)
    finally:
        close_database()
    with sqlite3.connect(broken) as raw:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("DROP TABLE category")  # sound to the start-up check, but no page can load
    done = run_slipdesk("--db", str(broken), "--startup-probe", tmp_path=tmp_path)
    assert done.returncode == 1
    assert "slipdesk: unexpected error" in done.stderr and "no such table" in done.stderr


def test_a_desk_on_sqlite_does_not_load_the_postgresql_driver():
    check = ("import sys; from desktop.shell import start_up; start_up.defer_postgres_driver(sys.argv[1]); "
             "import peewee; print(peewee.psycopg is None)")
    for target, left_out in (("estate.db", "True"), ("postgresql:///slipdesk?host=/tmp", "False")):
        done = subprocess.run([sys.executable, "-c", check, target], capture_output=True, text=True, timeout=120)
        assert done.stdout.strip() == left_out, done.stderr


def test_help_explains_the_probe_honestly():
    text = app.build_parser().format_help()
    assert "--startup-probe" in text and "demo database" in text and "refuses" in text


def test_language_follows_the_command_line_then_the_desk_setting(qapp):
    assert ui_language("en") == "en"
    put_setting("ui/language", "zh")
    assert ui_language(None) == "zh" and ui_language("en") == "en"
    assert app.install_translators(qapp, "en") == []


def test_unhandled_error_is_logged_and_told_without_a_traceback(qapp, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logs.setup()
    app.install_exception_hook()
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append((title, text)))
    try:
        raise KeyError("slip 42 vanished")
    except KeyError as err:
        sys.excepthook(KeyError, err, err.__traceback__)
    ((title, text),) = told
    assert title == "Something went wrong" and str(logs.log_path()) in text and "Traceback" not in text
    assert "slip 42 vanished" in logs.log_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "monday"), [("zh", "周一"), ("en", "Mon")])
def test_calendars_name_the_days_in_the_interfaces_language(qtbot, lang, monday):
    """A desk run in Chinese on an English system (or the reverse) showed "Mon Tue Wed" in every
    date popup and on the working-calendar page: Qt takes those names from the locale."""
    from PySide6.QtCore import QLocale

    from forms.calendar_popup import HolidayCalendar

    before = QLocale()
    try:
        app.install_locale(lang)
        calendar = HolidayCalendar()
        qtbot.addWidget(calendar)
        assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == monday
    finally:
        QLocale.setDefault(before)
