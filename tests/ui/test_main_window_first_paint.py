"""What the main window leaves until it is first painted: the desk guard (idle lock, backups,
unsaved forms) comes right after, with its File menu entries, and still does its first-showing work."""
from __future__ import annotations

from desktop.shell.main_window import MainWindow
from forms.fields import plain_text


def lock_entry(window: MainWindow) -> bool:
    return any(plain_text(action.text()) == "Lock the desk" for action in window.file_menu.actions())


def test_the_desk_guard_arrives_right_after_the_first_paint(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert not lock_entry(window)
    window.show()
    qtbot.waitUntil(lambda: lock_entry(window))
    assert window.guard.idle is not None


def test_a_guard_asked_for_on_a_shown_window_still_begins_the_day(qtbot, session, frozen_now):
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.guard.backups.finished, timeout=10000) as made:
        pass  # the day's first backup, begun as if the guard had seen the window show
    assert made.args[0].path.name == "slipdesk-20261124-100000.db"
