"""A first run that leads: the first manager is asked for the estate's letterhead before anything
prints, and a database without one never prints the demo estate's."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.shell import first_run
from desktop.shell.login import LoginDialog
from desktop.shell.main_window import MainWindow
from desktop.slips.printing import print_document
from desktop.shell.session import Session
from models import intake, letterhead, settings
from models.accounts import create_user
from models.demo import DEMO_LETTERHEAD
from models.connection import close_database, open_database
from models.vocab import Role
from tests import printing_checks as check
from tests.support.slips import phone_intake

OUR_ESTATE = {"estate.name": "翠湖苑物业服务中心", "estate.company": "翠湖物业管理有限公司",
              "estate.address": "杭州市西湖区翠湖路 16 号", "estate.postcode": "310012",
              "estate.supervision_phone": "0571-88886666"}


@pytest.fixture
def new_database(qapp, tmp_path):
    """A database as a new estate's first desk creates it: no accounts, no letterhead."""
    open_database(tmp_path / "estate.db")
    yield
    close_database()


def test_the_first_manager_gives_the_letterhead_before_the_first_printout(qtbot, new_database):
    desk = Session(lang="en")
    login = LoginDialog(desk)
    qtbot.addWidget(login)
    assert login.pages.currentWidget() is login.first_manager_page
    for key, value in {"username": "boss", "display_name": "周经理", "password": "a-long-secret",
                       "repeat": "a-long-secret"}.items():
        login.new_fields[key].setText(value)
    login.ok_button.click()
    assert desk.user.username == "boss" and not letterhead.is_set()

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: getattr(window, "letterhead_dialog", None) is not None)
    dialog = window.letterhead_dialog
    assert dialog.isVisible() and dialog.isModal()
    assert "service-supervision phone" in dialog.intro.text()
    tab = dialog.tab
    assert all(tab.editors[key].text() == "" for key in letterhead.REQUIRED_KEYS)  # no demo estate's words
    tab.save_button.click()  # nothing given: refused beside the fields, the dialog stays
    assert dialog.isVisible() and tab.rows["estate.name"].message
    for key, value in OUR_ESTATE.items():
        tab.editors[key].setText(value)
    with qtbot.waitSignal(dialog.finished):
        tab.save_button.click()
    assert letterhead.is_set() and settings.get("estate.company") == "翠湖物业管理有限公司"

    slip = intake.save(phone_intake(), create_user("clerk", "张小梅", "password1", Role.CLERK, actor=desk.user))
    printed = check.text(print_document(window, "receipt", slip.id, "zh", desk.user).printout.pdf)
    assert "翠湖苑物业服务中心" in printed and "0571-88886666" in printed
    assert DEMO_LETTERHEAD["estate.name"] not in printed and DEMO_LETTERHEAD["estate.supervision_phone"] not in printed


def test_a_clerk_is_told_a_manager_gives_the_letterhead(qtbot, new_database, monkeypatch):
    manager = create_user("boss", "周经理", "a-long-secret", Role.MANAGER, actor=None)  # the desk's first account
    clerk = create_user("clerk", "张小梅", "password1", Role.CLERK, actor=manager)
    slip = intake.save(phone_intake(), clerk)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    assert print_document(None, "receipt", slip.id, "zh", clerk) is None
    assert told and "Ask a manager" in told[0]


def test_a_managers_first_printout_asks_for_the_letterhead_then_prints(qtbot, new_database, monkeypatch):
    manager = create_user("boss", "周经理", "a-long-secret", Role.MANAGER, actor=None)
    slip = intake.save(phone_intake(), manager)
    asked = []

    def given(user, lang, parent) -> bool:
        asked.append(user.username)
        letterhead.save_letterhead(user, OUR_ESTATE)
        return True

    monkeypatch.setattr(first_run, "ask_letterhead", given)
    preview = print_document(None, "letter", slip.id, "zh", manager)
    qtbot.addWidget(preview)
    assert asked == ["boss"] and "翠湖苑物业服务中心" in check.text(preview.printout.pdf)


def test_later_leaves_nothing_printed(qtbot, new_database, monkeypatch):
    manager = create_user("boss", "周经理", "a-long-secret", Role.MANAGER, actor=None)
    slip = intake.save(phone_intake(), manager)
    monkeypatch.setattr(first_run, "ask_letterhead", lambda user, lang, parent: False)  # "Later"
    assert print_document(None, "receipt", slip.id, "zh", manager) is None
    assert not letterhead.is_set()


def test_a_demo_database_never_asks(qtbot, new_database):
    from models.demo import create_demo_accounts, create_demo_letterhead

    create_demo_letterhead()
    desk = Session(lang="en", demo=True)
    desk.sign_in(create_demo_accounts()["manager"])
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    assert getattr(window, "letterhead_dialog", None) is None and letterhead.is_set()
