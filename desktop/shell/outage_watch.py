"""The desk that lost its company server: say so plainly, keep every form's draft on this
computer, try the server every few seconds, and when it answers write the drafts into the
database and read every list again. models.outage tells a lost server from other errors.

One watch per desk (`install`); the exception hook and anything else that meets a lost
connection calls `notice()`.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from forms import autosave
from models import outage

log = logging.getLogger("slipdesk.outage")
RETRY_MS = 5000

_current: "OutageWatch | None" = None


class OutageWatch(QObject):
    """`changed(True)` when the server is lost, `changed(False)` when it is back."""

    changed = Signal(bool)

    def __init__(self, on_back=None, retry_ms: int = RETRY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.down = False
        self._on_back = on_back
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.try_again)

    def notice(self, error: BaseException | None = None) -> None:
        """The server was found out of reach: keep what is typed here, say so, retry."""
        if self.down:
            return
        log.warning("the database server cannot be reached: %s", error)
        self.down = True
        self.changed.emit(True)
        autosave.save_all()  # each open form's draft into the spool now
        self._retry.start()

    def try_again(self) -> bool:
        """Reconnect if the server answers; then the spooled drafts are written and lists read again."""
        if not outage.reconnect():
            return False
        self._retry.stop()
        self.down = False
        written = autosave.resume_all()
        log.info("the database server is back; %d spooled draft(s) written", len(written))
        self.changed.emit(False)
        if self._on_back is not None:
            self._on_back()
        return True


def install(on_back=None) -> OutageWatch:
    """The desk's watch (made again for a new main window); spooled drafts from an earlier run
    are written now if the server answers."""
    global _current
    _current = OutageWatch(on_back)
    outage.listen(_current.notice)
    if outage.spooled():
        _current.try_again()
    return _current


def notice(error: BaseException | None = None) -> bool:
    """Called with any error: True when it was the server out of reach (and the desk now says so)."""
    if not outage.is_unreachable(error):
        return False
    if _current is not None:
        _current.notice(error)
    return True
