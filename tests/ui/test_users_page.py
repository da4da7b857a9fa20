"""The staff accounts page (manager) and File › Change my password…, driven as the desk is."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.shell import pages as registry
from desktop.settings.users_page import UsersPage
from desktop.shell.password_dialog import ChangePasswordDialog
from desktop.shell.session import Session
from models import audit, staff
from models.accounts import MAX_FAILURES, User, authenticate
from models.errors import LoginFailed
from models.vocab import Role


@pytest.fixture
def manager_session(qapp, sqlite_db, users):
    desk = Session(lang="en")
    desk.sign_in(users["manager"])
    return desk


@pytest.fixture
def page(qtbot, manager_session):
    widget = UsersPage(manager_session)
    qtbot.addWidget(widget)
    return widget


def _type(page: UsersPage, **values: str) -> None:
    for key, text in values.items():
        page.editors[key].setText(text)


def _row_of(page: UsersPage, username: str) -> int:
    return next(row for row in range(page.table.rowCount()) if page.table.item(row, 1).text() == username)


def test_only_managers_see_the_page():
    [entry] = [p for p in registry.PAGES if p.key == "users"]
    assert entry.roles == registry.MANAGERS and entry.load() is UsersPage
    assert entry not in registry.available_pages(Role.CLERK)


def test_the_list_shows_every_account(page, users):
    assert page.table.rowCount() == len(users)
    row = _row_of(page, "clerk")
    assert [page.table.item(row, c).text() for c in range(6)] == ["张小梅", "clerk", "Reception clerk", "C001",
                                                                    "yes", ""]


def test_the_manager_adds_a_clerk_who_then_signs_in(page, users):
    page.new_account()
    _type(page, username="zhao", display_name="赵敏", work_id="C010", password="first-pass", repeat="first-pass")
    page.editors["role"].setCurrentIndex(page.editors["role"].findData(Role.CLERK))
    added = page.save()
    assert added is not None and "Account added" in page.message.text()
    assert page.table.rowCount() == len(users) + 1 and page.user_id == added.id
    assert page.editors["username"].isReadOnly() and page.editors["password"].text() == ""
    clerk = authenticate("zhao", "first-pass")
    assert (clerk.display_name, clerk.role, clerk.work_id, clerk.must_change_password) == ("赵敏", "clerk", "C010",
                                                                                            True)


def test_a_refusal_keeps_everything_typed(page, users):
    page.new_account()
    _type(page, username="clerk", display_name="赵敏", work_id="C010", password="short", repeat="short")
    assert page.save() is None
    assert "taken" in page.rows["username"].message and "8 characters" in page.rows["password"].message
    assert {key: page.editors[key].text() for key in ("username", "display_name", "work_id", "password")} == {
        "username": "clerk", "display_name": "赵敏", "work_id": "C010", "password": "short"}
    assert User.select().count() == len(users)
    _type(page, repeat="other")
    assert page.save() is None and page.rows["repeat"].message == "The two passwords differ."


def test_the_manager_edits_deactivates_and_reactivates(page, users):
    page.table.selectRow(_row_of(page, "clerk2"))
    assert page.editors["display_name"].text() == "陈丽"
    _type(page, display_name="陈丽华", work_id="C020")
    page.editors["role"].setCurrentIndex(page.editors["role"].findData(Role.SUPERVISOR))
    assert page.save().role == Role.SUPERVISOR
    assert User.get_by_id(users["clerk2"].id).display_name == "陈丽华"
    assert page.active_button.text() == "&Deactivate"
    page.toggle_active()
    assert page.table.item(_row_of(page, "clerk2"), 4).text() == "no"
    with pytest.raises(LoginFailed):
        authenticate("clerk2", "password1")
    assert page.active_button.text() == "Re&activate"
    page.toggle_active()
    assert authenticate("clerk2", "password1").id == users["clerk2"].id


def test_the_manager_cannot_deactivate_themself_and_keeps_the_form(page, users):
    page.table.selectRow(_row_of(page, "manager"))
    _type(page, display_name="王建国 (edited)")
    assert page.toggle_active() is None
    assert "cannot deactivate your own account" in page.message.text()
    assert page.editors["display_name"].text() == "王建国 (edited)"
    page.editors["role"].setCurrentIndex(page.editors["role"].findData(Role.CLERK))
    assert page.save() is None and "Another active manager" in page.message.text()
    assert User.get_by_id(users["manager"].id).role == Role.MANAGER


def test_reset_password_and_unlock(page, users, frozen_now):
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            authenticate("clerk", "guess")
    page.refresh()
    assert page.table.item(_row_of(page, "clerk"), 5).text() == "until 10:15"
    page.table.selectRow(_row_of(page, "clerk"))
    assert page.unlock_button.isEnabled()
    page.unlock()
    assert authenticate("clerk", "password1") and page.table.item(_row_of(page, "clerk"), 5).text() == ""
    _type(page, reset_password="short", reset_repeat="short")
    assert page.reset_password() is None and "8 characters" in page.rows["reset_password"].message
    assert page.editors["reset_password"].text() == "short"
    _type(page, reset_password="temporary-1", reset_repeat="temporary-1")
    assert page.reset_password() is not None and "Password reset" in page.message.text()
    assert authenticate("clerk", "temporary-1").must_change_password
    assert [event.action for event in audit.recent()][:2] == ["account_password_reset", "account_unlocked"]


@pytest.mark.tampers  # a role changed in the table, as another desk's
def test_a_demoted_manager_is_refused_by_the_model(page, users):
    User.update(role=Role.SUPERVISOR).where(User.id == users["manager"].id).execute()
    page.table.selectRow(_row_of(page, "clerk"))
    assert page.toggle_active() is None and "Only a manager may" in page.message.text()
    assert User.get_by_id(users["clerk"].id).active


def test_every_input_has_an_accessible_name(page):
    assert all(editor.accessibleName() for editor in page.editors.values())


def test_change_my_password(qtbot, sqlite_db, users):
    dialog = ChangePasswordDialog(users["clerk"])
    qtbot.addWidget(dialog)
    assert all(edit.accessibleName() for edit in dialog.findChildren(QLineEdit))
    dialog.editors["old_password"].setText("wrong-one")
    dialog.editors["password"].setText("my-new-secret")
    dialog.editors["repeat"].setText("my-new-secret")
    assert not dialog.submit()
    assert dialog.rows["old_password"].message == "The present password is wrong."
    assert dialog.editors["password"].text() == "my-new-secret"
    dialog.editors["old_password"].setText("password1")
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.submit()
    assert authenticate("clerk", "my-new-secret").id == users["clerk"].id


def test_after_a_reset_the_dialog_says_why(qtbot, sqlite_db, users):
    staff.reset_password(users["manager"], users["clerk"].id, "temporary-1")
    dialog = ChangePasswordDialog(users["clerk"])
    qtbot.addWidget(dialog)
    assert any("A manager reset your password" in label.text() for label in dialog.findChildren(type(
        dialog.message)))
    dialog.editors["old_password"].setText("temporary-1")
    dialog.editors["password"].setText("mine-only-1")
    dialog.editors["repeat"].setText("mine-only-2")
    assert not dialog.submit() and dialog.rows["repeat"].message == "The two passwords differ."
    dialog.editors["repeat"].setText("mine-only-1")
    assert dialog.submit()
    assert not authenticate("clerk", "mine-only-1").must_change_password


def test_the_file_menu_offers_change_my_password(qtbot, session):
    from desktop.shell.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.change_password_action in window.file_menu.actions()
    assert window.change_password_action.text() == "Change my pass&word…"
