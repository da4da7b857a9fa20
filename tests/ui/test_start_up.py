"""What start-up does before the first window (desktop.shell.start_up) holds: its work-arounds work."""
from __future__ import annotations

import inspect
import sys

from desktop.shell.start_up import skip_feature_source_scan


def test_modules_imported_after_the_skip_are_not_read_and_use_no_feature(tmp_path, monkeypatch):
    feature = sys.modules["shibokensupport.feature"]  # QtCore is loaded: its import hook is live
    skip_feature_source_scan()
    (tmp_path / "uses_qt_by_name.py").write_text("from PySide6 import QtCore\nVALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    def no_reading(_object):
        raise AssertionError("the module's source was read")

    monkeypatch.setattr(inspect, "getsource", no_reading)
    module = __import__("uses_qt_by_name")  # an import statement: PySide6 hooks builtins.__import__
    assert module.VALUE == 1
    assert feature.pyside_feature_dict["uses_qt_by_name"] == -1  # as in a frozen build: no features
    monkeypatch.delitem(sys.modules, "uses_qt_by_name")
