"""The main window: navigation from the page registry, the four intake shortcuts, About, layout."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.shell import login, pages
from desktop.shell.main_window import KEY_ROLE, MainWindow
from desktop.shell.session import setting
from forms import asking
from models import db, intake
from models.vocab import Channel


class CountingPage(QWidget):
    """A page as another engineer registers it: a count badge and slips to open."""
    slip_activated = Signal(int)
    count_changed = Signal(int)

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


COUNTING = pages.Page("queue_under_test", "Queue under test", "tests.ui.test_main_window:CountingPage",
                      icon="approvals", roles=pages.SUPERVISORS, count_signal="count_changed")
GHOST = pages.Page("page_not_written", "Not written yet", "desktop.shell.pages.not_written_yet:GhostPage")


@pytest.fixture
def main_window(qtbot, session, monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)

    def _open() -> MainWindow:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        return window
    return _open


def nav_keys(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).data(KEY_ROLE) for i in range(window.navigation.count())]


def test_main_window_opens_with_navigation_user_and_database(main_window, session):
    window = main_window()
    expected = [page.key for page in pages.available_pages(session.user.role)]
    assert nav_keys(window) == expected and "slips" in expected
    assert window.stack.currentWidget() is window.page(expected[0])
    assert window.user_label.text() == "张小梅 · Reception clerk"
    assert db.describe() in window.database_label.text()


def test_a_registered_page_appears_for_its_roles_with_its_badge(qtbot, main_window, session, users, monkeypatch,
                                                               category_id, frozen_now):
    monkeypatch.setattr(pages, "PAGES", [*pages.PAGES, COUNTING, GHOST])
    assert "queue_under_test" not in nav_keys(main_window())  # a clerk does not see a supervisors' queue
    session.sign_in(users["supervisor"])
    window = main_window()
    keys = nav_keys(window)
    assert "queue_under_test" in keys and "page_not_written" not in keys  # not written yet: simply absent
    assert keys[0] == "dashboard" or "dashboard" not in keys  # NAV_ORDER, whatever the registration order
    qtbot.waitUntil(lambda: "queue_under_test" in window._page_widgets)  # badge pages are built at once
    page = window.page("queue_under_test")
    page.count_changed.emit(7)
    assert window.badge("queue_under_test") == 7
    window.show_page("queue_under_test")
    assert window.stack.currentWidget() is page and page.refreshed == 1  # built before, shown again
    window.show_page("slips")
    window.show_page("queue_under_test")
    assert page.refreshed == 2
    slip = intake.save(intake.Intake(customer_request="希望尽快处理。", channel=Channel.ONSITE, complainant_name="张三", complaint="电梯坏了",
                                     read_back=True, category_id=category_id, answered_at_once=True,
                                     answer_note="已联系维保"), users["clerk"])
    page.slip_activated.emit(slip.id)
    assert window._slip_windows[slip.id].view.slip.id == slip.id


def test_ctrl_1_to_4_open_the_four_intake_forms(main_window):
    window = main_window()
    for channel, shortcut in ((Channel.ONSITE, "Ctrl+1"), (Channel.PHONE, "Ctrl+2"), (Channel.BOOK, "Ctrl+3"),
                              (Channel.LETTER, "Ctrl+4")):
        action = window.intake_actions[channel]
        assert action.shortcut().toString() == shortcut and action in window.file_menu.actions()
        action.trigger()
        intake_window = window._intake_windows[channel]
        assert intake_window.isVisible() and intake_window.form.channel == channel
    window.intake_actions[Channel.PHONE].trigger()
    assert len(window._intake_windows) == 4  # the open form comes back, with what was typed


def test_about_tells_version_and_database(main_window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    main_window().about_action.trigger()
    assert db.describe() in shown[0] and "Slipdesk" in shown[0]


def test_window_layout_is_remembered(qtbot, main_window):
    window = main_window()
    window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, window.intake_bar)  # the clerk moved the bar
    window.close()
    assert setting("main_window/geometry") == window.saveGeometry()
    again = main_window()
    assert again.toolBarArea(again.intake_bar) == Qt.ToolBarArea.LeftToolBarArea


def test_signing_out_returns_to_the_login_and_rebuilds_for_the_new_role(main_window, session, users,
                                                                        monkeypatch):
    monkeypatch.setattr(pages, "PAGES", [*pages.PAGES, COUNTING])
    window = main_window()
    assert "queue_under_test" not in nav_keys(window)

    def supervisor_signs_in(desk, parent=None) -> bool:
        desk.sign_in(users["supervisor"])
        return True

    monkeypatch.setattr(login, "sign_in", supervisor_signs_in)
    window.sign_out_action.trigger()
    assert "queue_under_test" in nav_keys(window) and window.isVisible()
    assert window.user_label.text() == "李慧 · Person in charge"
