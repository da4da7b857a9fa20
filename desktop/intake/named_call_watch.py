"""“The customer asks for you”: a call from the desk shown to the person called within seconds.

The etiquette seed wants a manager asked for by name at the desk within one minute
(该管理人员要保障在一分钟内出现). The clerk's call (models.named_call) is a notice; this watcher
asks for the signed-in person's unacknowledged calls every few seconds — one small indexed read
— and puts each up in a window that stays on top until they answer “I'm coming”, which
acknowledges it (the slip shows when).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.shell.session import Session
from forms import asking
from models import named_call
from models.notices import Notice
from models.vocab import Role

log = logging.getLogger("slipdesk.named_call")

CHECK_MS = 10_000


class NamedCallWatcher(QObject):
    """Shows each call for this person once; `acknowledged` carries the notice id."""

    acknowledged = Signal(int)

    def __init__(self, session: Session, host: QWidget, interval_ms: int = CHECK_MS):
        super().__init__(host)
        self.session, self.host = session, host
        self.shown: dict[int, QMessageBox] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> list[Notice]:
        """Put up every call not yet shown; returns those shown now."""
        user = self.session.user
        if user is None or user.role not in (Role.SUPERVISOR, Role.MANAGER):
            return []
        try:
            pending = [n for n in named_call.pending_for(user) if n.id not in self.shown]
        except Exception:  # noqa: BLE001 - a failed background look must not interrupt anyone
            log.exception("looking for calls from the desk failed")
            return []
        for notice in pending:
            self.shown[notice.id] = self._ask(notice)
        return pending

    def _ask(self, notice: Notice) -> QMessageBox:
        return asking.standing(self.host.window(), self.tr("Wanted at the desk now (指名要找)"),
                               notice.text(self.session.lang), self.tr("I'm &coming"), self.tr("Later"),
                               lambda coming: self._answered(notice.id, coming), name="namedCallBox")

    def _answered(self, notice_id: int, coming: bool) -> None:
        if coming:
            named_call.acknowledge(self.session.user, notice_id)
            self.acknowledged.emit(notice_id)
        else:  # asked again at the next look
            self.shown.pop(notice_id, None)
