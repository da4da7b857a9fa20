"""The idle lock of a shared front-desk PC: after the manager's number of minutes without a key
or the mouse, the desk shows a lock screen over everything it has open.

The open forms stay as they were underneath (each draft is written as the desk locks). The same
person unlocks with their password — checked by models.accounts like a sign-in, so failures count
towards the lockout — or someone else signs in; the first person's forms then close, their
drafts kept and offered back at their next sign-in.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.shell.session import Session
from forms.fields import FieldRow
from models.accounts import authenticate
from models.errors import LoginFailed
from models.vocab import label
from models.i18n import fill

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleWatch(QObject):
    """Says `idle` once nobody has touched the keyboard or mouse for `minutes()` minutes."""

    idle = Signal()

    def __init__(self, minutes: Callable[[], float], parent: QObject | None = None):
        super().__init__(parent)
        self._minutes = minutes
        self.clock: Callable[[], float] = time.monotonic  # seconds; a test moves its own
        self._last_input = self.clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self.clock()
        return False

    def limit(self) -> float:
        """Seconds without input before the desk locks (read afresh: the manager may change it)."""
        return max(0.05, float(self._minutes()) * 60)

    def start(self) -> None:
        """Count from now."""
        self._last_input = self.clock()
        self._timer.start(int(self.limit() * 1000))

    def stop(self) -> None:
        self._timer.stop()

    def _check(self) -> None:
        quiet = self.clock() - self._last_input
        limit = self.limit()
        if quiet >= limit:
            self.idle.emit()
        else:
            self._timer.start(max(1, int((limit - quiet) * 1000)))


class LockScreen(QDialog):
    """Covers the desk until its user types their password again or someone else signs in."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.session = session
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Slipdesk is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._build()
        self.unlock_button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        self.switch_button.clicked.connect(self._switch)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(440)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(10)
        self.heading = QLabel(self.tr("Slipdesk is locked"))
        self.heading.setObjectName("pageHeading")
        self.who = QLabel()
        self.who.setObjectName("lockUser")
        self.note = QLabel()
        self.note.setObjectName("mutedText")
        self.note.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Your password"))
        self.password_row = FieldRow("password", self.password)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("&Sign in as someone else"))
        self.switch_button.setObjectName("linkButton")
        self.switch_button.setToolTip(self.tr("Your open forms close; they are kept and offered back at "
                                              "your next sign-in."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        for widget in (self.heading, self.who, self.note, self.password_row):
            layout.addWidget(widget)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

    def lock(self) -> None:
        user = self.session.user
        self.who.setText(f"{user.display_name} · {label(user.role, self.session.lang)}")
        self.note.setText(fill(self.tr("Locked at %1 after a while without use. Your open forms are kept exactly as "
                                       "you left them."), time.strftime("%H:%M")))
        self.password.clear()
        self.password_row.clear_error()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.password.setFocus()

    def try_unlock(self) -> None:
        """The same person's password opens the desk again; a wrong one says so beside the field."""
        self.password_row.clear_error()
        try:
            authenticate(self.session.user.username, self.password.text())
        except LoginFailed as refused:
            self.password_row.set_error(str(refused))
            self.password.selectAll()
            self.password.setFocus()
            return
        self._leave()
        self.unlocked.emit()

    def _switch(self) -> None:
        self._leave()
        self.switch_user.emit()

    def _leave(self) -> None:
        self.password.clear()
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # a lock screen is not dismissed
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Escape and the window manager's close do not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
