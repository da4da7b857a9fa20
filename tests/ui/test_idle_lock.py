"""A desk left alone locks itself; the form underneath keeps what was typed; the same person
unlocks with their password, or someone else signs in and the first person's form waits as a draft."""
from __future__ import annotations

import pytest

from desktop.shell import login
from desktop.shell.main_window import MainWindow
from forms import asking
from models import drafts, settings
from models.accounts import User
from models.vocab import Channel

COMPLAINT = "地下车库B2层漏水，车顶都是泥水。"


@pytest.fixture
def desk(qtbot, session, users, monkeypatch):
    """The main window with an on-site form half filled; the desk locks after a fraction of a second."""
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    settings.put("security.idle_minutes", 0.01, users["manager"])  # the test hook: 0.6 s instead of minutes
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.addWidget(window.guard.lock_screen)
    form = window.new_slip(Channel.ONSITE).form
    form.editors["complainant_name"].setText("孙丽")
    form.editors["complaint"].setPlainText(COMPLAINT)
    return window, form


def test_the_desk_locks_when_left_alone_and_the_right_password_opens_it(qtbot, desk, users):
    window, form = desk
    lock = window.guard.lock_screen
    window.guard.idle.start()
    qtbot.waitUntil(lock.isVisible, timeout=5000)
    assert lock.who.text().startswith("张小梅")
    (draft,) = drafts.drafts_of(users["clerk"])  # written as the desk locked
    assert drafts.from_payload(draft.payload)["complaint"] == COMPLAINT

    lock.password.setText("not-my-password")
    lock.unlock_button.click()
    assert lock.isVisible() and lock.password_row.message == "Wrong user name or password."
    lock.password.setText("password1")
    lock.unlock_button.click()
    assert not lock.isVisible()
    assert form.editors["complaint"].toPlainText() == COMPLAINT  # the form underneath, as it was
    assert form.editors["complainant_name"].text() == "孙丽" and form.isVisible()
    qtbot.waitUntil(lock.isVisible, timeout=5000)  # and it counts again from the unlock


def test_escape_does_not_open_a_locked_desk(qtbot, desk):
    window, _form = desk
    window.guard.lock()
    lock = window.guard.lock_screen
    lock.reject()
    lock.close()
    assert lock.isVisible()


def test_input_keeps_the_desk_open(qtbot, desk, users):
    window, form = desk
    now = [1000.0]  # the watch's clock, moved by the test: no race with a busy machine
    watch = window.guard.idle
    watch.clock = lambda: now[0]
    settings.put("security.idle_minutes", 10, users["manager"])
    watch.start()
    for _ in range(3):
        now[0] += 9 * 60  # nine minutes later the clerk types again
        qtbot.keyClick(form.editors["complainant_name"], "x")
        watch._check()
    assert not window.guard.lock_screen.isVisible()
    assert form.editors["complainant_name"].text() == "孙丽xxx"
    now[0] += 10 * 60 + 1
    watch._check()
    assert window.guard.lock_screen.isVisible()


def test_someone_else_signs_in_and_the_form_waits_for_its_owner(qtbot, desk, users, monkeypatch):
    window, _form = desk
    window.guard.lock()

    def colleague_signs_in(session, parent=None):
        session.sign_in(User.get(User.username == "clerk2"))
        return True
    monkeypatch.setattr(login, "sign_in", colleague_signs_in)
    window.guard.lock_screen.switch_button.click()
    assert window.session.user.username == "clerk2"
    assert window.open_forms() == [] and window.isVisible()
    (kept,) = drafts.drafts_of(users["clerk"])  # the first clerk's form, kept for them
    assert drafts.from_payload(kept.payload)["complaint"] == COMPLAINT
    assert drafts.drafts_of(users["clerk2"]) == []
    assert window.guard.drafts_dialog is None  # nothing to offer the colleague
