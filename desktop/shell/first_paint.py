"""Work a desk does at start, but only once its main window is on the screen.

Start-up shows the window first (the clerk sees the desk in about a third of a second); checks
that read the whole database — the anchor, the file's integrity — start just after the first
paint, off the UI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls `_start` once, as soon as `window` has been painted for the first time."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._start)
        return False

    def _start(self) -> None:
        raise NotImplementedError
