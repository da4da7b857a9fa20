"""Signing in at the desk: wrong passwords, the lockout, the first manager, the demo accounts."""
from __future__ import annotations

import pytest

from desktop.shell.login import LoginDialog
from desktop.shell.session import Session, setting
from models.accounts import MAX_FAILURES, User, create_user
from models.demo import DEMO_PASSWORD, create_demo_accounts
from models.vocab import Role


@pytest.fixture
def desk(qapp, sqlite_db):
    return Session(lang="en")


@pytest.fixture
def dialog(qtbot, desk):
    def _open() -> LoginDialog:
        opened = LoginDialog(desk)
        qtbot.addWidget(opened)
        return opened
    return _open


def test_clerk_signs_in_and_the_name_is_remembered(qtbot, dialog, desk, users):
    login = dialog()
    assert login.pages.currentWidget() is login.sign_in_page
    login.username.setText("clerk")
    login.password.setText("password1")
    with qtbot.waitSignal(desk.user_changed):
        login.ok_button.click()
    assert desk.user.username == "clerk" and login.result() == LoginDialog.DialogCode.Accepted
    assert setting("login/last_user") == "clerk"
    assert dialog().username.text() == "clerk"


def test_wrong_password_is_told_beside_the_password(dialog, desk, users):
    login = dialog()
    login.username.setText("clerk")
    login.password.setText("wrong-password")
    login.ok_button.click()
    assert login.password_row.message == "Wrong user name or password."
    assert desk.user is None and login.username.text() == "clerk"


def test_missing_user_name_is_asked_for(dialog, users):
    login = dialog()
    login.username.setText("")
    login.ok_button.click()
    assert login.username_row.message == "Enter your user name."


def test_repeated_failures_lock_the_account_even_for_the_right_password(dialog, desk, users, frozen_now):
    login = dialog()
    login.username.setText("clerk")
    for _ in range(MAX_FAILURES):
        login.password.setText("wrong-password")
        login.ok_button.click()
    login.password.setText("password1")
    login.ok_button.click()
    assert login.password_row.message.startswith("Too many failed attempts: the account is locked")
    assert desk.user is None


def test_first_start_asks_for_the_first_manager(qtbot, dialog, desk, sqlite_db):
    login = dialog()
    assert login.pages.currentWidget() is login.first_manager_page
    fields = login.new_fields
    fields["username"].setText("wang")
    fields["display_name"].setText("王建国")
    fields["work_id"].setText("M001")
    fields["password"].setText("short")
    fields["repeat"].setText("short")
    login.ok_button.click()
    assert login.new_rows["password"].message == "The password needs at least 8 characters."
    fields["password"].setText("a-long-password")
    fields["repeat"].setText("a-long-passw0rd")
    login.ok_button.click()
    assert login.new_rows["repeat"].message == "The two passwords differ."
    assert fields["display_name"].text() == "王建国"  # nothing typed is lost
    fields["repeat"].setText("a-long-password")
    with qtbot.waitSignal(desk.user_changed):
        login.ok_button.click()
    manager = User.get(User.username == "wang")
    assert manager.role == Role.MANAGER and manager.work_id == "M001" and desk.user.id == manager.id


def test_first_manager_page_not_offered_once_accounts_exist(dialog, sqlite_db):
    create_user("someone", "某人", "password1", Role.MANAGER, actor=None)
    login = dialog()
    assert login.pages.currentWidget() is login.sign_in_page


def test_demo_database_lists_its_accounts_and_signs_in_with_a_double_click(qtbot, qapp, sqlite_db):
    create_demo_accounts()
    desk = Session(lang="en", demo=True)
    login = LoginDialog(desk)
    qtbot.addWidget(login)
    assert login.demo_box is not None and login.demo_list.count() == 7  # the upper department's account too
    assert DEMO_PASSWORD in login.demo_caption.text()
    supervisor = next(login.demo_list.item(i) for i in range(login.demo_list.count())
                      if login.demo_list.item(i).text().startswith("supervisor"))
    with qtbot.waitSignal(desk.user_changed):
        login.demo_list.itemDoubleClicked.emit(supervisor)
    assert desk.user.username == "supervisor"


def test_ordinary_database_shows_no_demo_accounts(dialog, users):
    assert dialog().demo_box is None


def _answer_new_password(qtbot, login, new: str | None) -> None:
    """Fill the change-password dialog the sign-in opens (None: cancel it), once it shows."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.shell.password_dialog import ChangePasswordDialog

    def answer() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ChangePasswordDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, answer)
            return
        asked = shown[0]
        assert asked.editors["old_password"].text() == "reset-pass1"  # what was just typed, not asked again
        if new is None:
            asked.reject()
            return
        asked.editors["password"].setText(new)
        asked.editors["repeat"].setText(new)
        asked.ok_button.click()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("chooses", [True, False])
def test_after_a_managers_reset_the_owner_chooses_a_new_password_to_sign_in(qtbot, dialog, desk, users, chooses):
    from models import staff
    from models.accounts import authenticate

    staff.reset_password(users["manager"], users["clerk"].id, "reset-pass1")
    login = dialog()
    login.username.setText("clerk")
    login.password.setText("reset-pass1")
    _answer_new_password(qtbot, login, "mine-only-7" if chooses else None)
    login.ok_button.click()
    if chooses:
        assert desk.user is not None and desk.user.username == "clerk"
        assert authenticate("clerk", "mine-only-7").must_change_password is False
    else:
        assert desk.user is None and login.result() != LoginDialog.DialogCode.Accepted
        assert "choose a new one" in login.password_row.message
