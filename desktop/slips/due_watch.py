"""A desktop notification when a promise to a customer becomes due or overdue while Slipdesk is open.

Every minute the watcher asks models.notices to notice the deadlines that have come (each
promise is noticed once, whichever desk sees it first) and tells this desk's user about the
ones meant for them: in the system tray's message bubble where the desktop has a tray, else in
a banner across the top of the window.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QWidget

from desktop.shell.icons import icon
from desktop.shell.session import Session
from models import notices
from models.i18n import fill

log = logging.getLogger("slipdesk.due_watch")

CHECK_MS = 60_000
BANNER_MS = 20_000
MAX_LISTED = 3  # more than this at once become one summary line


class Banner(QFrame):
    """The in-app notification: a strip over the top of the window, gone after a while."""

    open_slip = Signal(int)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("dueBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setObjectName("warningBanner")
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Deadline notification"))
        self.open_button = QPushButton(self.tr("&Open slip"))
        self.close_button = QPushButton(self.tr("Dismiss"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self._slip_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_message(self, text: str, slip_id: int | None) -> None:
        self.text.setText(text)
        self._slip_id = slip_id
        self.open_button.setVisible(slip_id is not None)
        host = self.parentWidget()
        width = min(640, host.width() - 40)
        self.setFixedWidth(max(320, width))
        self.adjustSize()
        self.move(host.width() - self.width() - 20, 56)
        self.show()
        self.raise_()
        self._timer.start(BANNER_MS)

    def _open(self) -> None:
        if self._slip_id is not None:
            self.open_slip.emit(self._slip_id)
        self.hide()


class DueWatcher(QObject):
    """Checks the deadlines every minute; `noticed` carries the notices meant for this user."""

    noticed = Signal(list)
    open_slip = Signal(int)

    def __init__(self, session: Session, host: QWidget, interval_ms: int = CHECK_MS):
        super().__init__(host)
        self.session = session
        self.host = host
        self.tray: QSystemTrayIcon | None = None
        self.banner: Banner | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> list[notices.Notice]:
        """Notice what came due since the last look; tell the user about their share."""
        user = self.session.user
        if user is None:
            return []
        try:
            created = notices.scan_deadlines()
            mine = {n.id for n in notices.for_user(user, unread_only=True, limit=500)}
        except Exception:  # noqa: BLE001 - a failed background check must not interrupt the clerk
            log.exception("checking the deadlines failed")
            return []
        meant = [n for n in created if n.id in mine]
        if meant:
            self.tell(meant)
            self.noticed.emit(meant)
        return meant

    def tell(self, due: list[notices.Notice]) -> None:
        lang = self.session.lang
        if len(due) > MAX_LISTED:
            overdue = sum(1 for n in due if n.kind == "overdue")
            text = fill(self.tr("%1 promised replies need you: %2 overdue, %3 due today."), str(len(due)), str(overdue), str(len(due) - overdue))
            slip_id = None
        else:
            text = "\n".join(n.text(lang) for n in due)
            slip_id = due[0].slip_id if len(due) == 1 else None
        title = self.tr("Reply deadlines (约定回复时限)")
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            self._tray().showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, BANNER_MS)
        else:
            self._banner().show_message(text, slip_id)

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            self.tray = QSystemTrayIcon(icon("clock"), self)
            self.tray.setToolTip("Slipdesk")
            self.tray.show()
        return self.tray

    def _banner(self) -> Banner:
        if self.banner is None:
            self.banner = Banner(self.host.window())
            self.banner.open_slip.connect(self.open_slip)
        return self.banner
