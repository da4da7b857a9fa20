"""What start-up does to reach the painted window sooner, each real: the cycle collector held until
the window is painted, the Fusion style asked on the application's command line."""
from __future__ import annotations

import gc
import os
import subprocess
import sys

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


def test_the_application_is_made_in_the_fusion_style():
    """Whatever the platform's own style (here another one forced through the environment)."""
    check = "from desktop import style; app = style.application(['slipdesk']); print(app.style().name())"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="Windows")
    done = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "fusion", done.stderr
