"""Start-up holds Python's cycle collector until the main window is painted, then gives it back."""
from __future__ import annotations

import gc

from PySide6.QtWidgets import QWidget

from desktop import app


def test_the_cycle_collector_comes_back_once_the_window_is_painted(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    app.CollectorBack(window)
    gc.disable()  # as main() does before anything loads
    try:
        window.show()
        qtbot.waitUntil(gc.isenabled)
    finally:
        gc.enable()
