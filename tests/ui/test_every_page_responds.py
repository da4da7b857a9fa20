"""Every page responds: closing windows with their title-bar buttons leaves no window of the desk
waiting on a dialog, and a dialog that blocks a window is brought forward when that window is
clicked (desktop.shell.modal_guard)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.shell import modal_guard
from desktop.replies import dialogs as reply_dialogs
from desktop.shell.main_window import MainWindow
from desktop.slips.printing import PreviewDialog
from desktop.replies.dialogs import LetterDialog
from desktop.slips.view import SlipWindow
from tests.domain.printout_slips import letter_slip
from forms import asking


def title_bar_close(qtbot, widget) -> bool:
    """What the window manager's close button does: a close event to the window, as the window
    system delivers it — dropped while a dialog blocks the window (QGuiApplication drops a system
    close event for a blocked window; one sent straight to the window would not be). Whether it
    was delivered."""
    if modal_guard.install(QApplication.instance()).is_blocked(widget):
        return False
    QCoreApplication.sendEvent(widget.windowHandle(), QCloseEvent())
    qtbot.wait(20)
    return True


def keys_reach(qtbot, window: MainWindow) -> bool:
    """Whether a key pressed on the main window gets there (Qt drops it while a dialog blocks it)."""
    window.activateWindow()
    window.navigation.setFocus()
    before = window.navigation.currentRow()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    qtbot.wait(20)
    return window.navigation.currentRow() != before


@pytest.fixture
def desk(qtbot, session, users, frozen_now, monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    guard = modal_guard.install(QApplication.instance())
    window.navigation.setCurrentRow(0)
    return window, guard


def test_closing_a_letter_dialog_and_two_slip_windows_leaves_the_main_window_answering(qtbot, desk, users,
                                                                                         frozen_now):
    window, _guard = desk
    first, second = (letter_slip(users["clerk"], frozen_now, name=name) for name in ("张三", "李四"))
    windows = [window.open_slip(first.id), window.open_slip(second.id)]
    letter = LetterDialog(window.session, first.id, windows[0].view)
    letter.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    letter.open()  # as "Draft letter reply…" opens it: window-modal over its slip window
    letter.editor.text.setPlainText(letter.editor.text.toPlainText() + "\n此致")
    assert not keys_reach(qtbot, window)  # the letter waits for an answer: the desk below waits too
    reply_dialogs._preview_letter(letter, window.session, letter.editor)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible())
    assert not title_bar_close(qtbot, letter)  # the preview over it waits for an answer
    assert title_bar_close(qtbot, preview)
    assert title_bar_close(qtbot, letter)  # asks before throwing the typed words away (yes), then goes
    for slip_window in windows:
        assert title_bar_close(qtbot, slip_window)
    qtbot.waitUntil(lambda: not any(isinstance(w, (SlipWindow, LetterDialog)) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()))
    assert QGuiApplication.modalWindow() is None and QApplication.activeModalWidget() is None
    assert keys_reach(qtbot, window)


def test_a_dialog_the_desk_opened_by_itself_comes_forward_when_its_window_is_clicked(qtbot, desk):
    window, guard = desk
    box = QMessageBox(QMessageBox.Icon.Warning, "Backup failed", "The disk is full.", QMessageBox.StandardButton.Ok,
                      window)
    box.open()  # window-modal, as the desk's backup tells a failure while the clerk works elsewhere
    qtbot.waitUntil(lambda: guard.is_blocked(window))
    box.showMinimized()  # out of sight: the main window now ignores every click and key
    qtbot.waitUntil(box.isMinimized)
    window.activateWindow()  # the clerk clicks the main window
    qtbot.waitUntil(lambda: not box.isMinimized() and QApplication.activeWindow() is box)
    box.accept()
    qtbot.waitUntil(lambda: not guard.is_blocked(window))
    assert keys_reach(qtbot, window)


def test_a_window_closing_over_a_blocked_desk_brings_the_dialog_forward(qtbot, desk, users, frozen_now):
    window, guard = desk
    box = QMessageBox(QMessageBox.Icon.Information, "Shift handover", "Read the note.", QMessageBox.StandardButton.Ok,
                      window)
    box.open()
    box.showMinimized()
    qtbot.waitUntil(box.isMinimized)
    slip_window = window.open_slip(letter_slip(users["clerk"], frozen_now).id)
    slip_window.close()
    qtbot.waitUntil(lambda: not box.isMinimized())
    assert guard.bring_forward_if_blocked() is box
    box.accept()
