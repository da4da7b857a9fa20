"""No window of the desk may wait on a dialog nobody can see.

A window-modal dialog blocks the window beneath it and that window's other windows; Qt then drops
every click and key sent to them. The desk opens several such dialogs by itself, not in answer
to a click — a backup that failed, the incoming shift handover, the forms left unsaved, the
estate's letterhead — and a window manager may put a window that opens while the person types
elsewhere *behind* the active one (focus-stealing prevention), or the person may send it behind
or minimise it. The main window then ignores every click and key with nothing on screen to say
why: the freeze seen once after closing a reply-letter dialog and two slip windows with their
title-bar buttons, while the desk sat idle. (Closing windows that way is itself sound: a window
blocked by a dialog cannot be closed, and each dialog's own close path asks, then hides.)

`ModalGuard` answers the whole class: whenever a blocked window is activated (a click on it, the
taskbar) or a window closes, the dialog that blocks is restored, raised and activated, so the
person always sees what waits for an answer. It watches Qt's own WindowBlocked/WindowUnblocked
events, so it needs to know no dialog by name.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("slipdesk.modal_guard")


class ModalGuard(QObject):
    """Brings the blocking dialog forward when a window it blocks is activated or a window closes."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._blocked: set[int] = set()  # ids of the top-level widgets Qt says are blocked now
        app.installEventFilter(self)
        QGuiApplication.instance().focusWindowChanged.connect(self._focus_moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.WindowBlocked and isinstance(watched, QWidget):
            self._blocked.add(id(watched))
        elif kind == QEvent.Type.WindowUnblocked and isinstance(watched, QWidget):
            self._blocked.discard(id(watched))
        elif kind in (QEvent.Type.Close, QEvent.Type.Hide) and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, self.bring_forward_if_blocked)
        return False

    def is_blocked(self, widget: QWidget | None) -> bool:
        return widget is not None and id(widget.window()) in self._blocked

    def _focus_moved(self, window: QWindow | None) -> None:
        widget = QApplication.activeWindow()
        if window is not None and self.is_blocked(widget):
            QTimer.singleShot(0, self.bring_forward_if_blocked)

    def bring_forward_if_blocked(self) -> QWidget | None:
        """The dialog that blocks a window of the desk, brought where it is seen and answered; None
        when nothing blocks."""
        modal = QApplication.activeModalWidget()
        if modal is None or not self._blocked:
            return None
        if not modal.isVisible():  # Qt keeps no hidden window modal; be sure all the same
            return None
        if modal.isMinimized():
            modal.setWindowState(modal.windowState() & ~Qt.WindowState.WindowMinimized)
        modal.raise_()
        modal.activateWindow()
        log.info("brought %s forward: it blocks a window of the desk", modal.objectName() or type(modal).__name__)
        return modal


_guard: list[ModalGuard] = []


def install(app: QApplication) -> ModalGuard:
    """The application's one guard (made on first call)."""
    if not _guard:
        _guard.append(ModalGuard(app))
    return _guard[0]
