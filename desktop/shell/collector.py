"""Python's cycle collector, held while anyone needs it off, back only when nobody does.

Its holders: each running task and any other worker thread of the desk's (desktop.shell.tasks: run
from a worker, a collection could finalise Qt objects of the UI thread there and crash the
process), and start-up until the main window is first painted (desktop.shell.app.Started: collecting
among the objects start-up makes costs time and finds no garbage). Each `hold_collector` is
paired with one `release_collector`; when the last holder lets go the collector is as it was
before the first hold. Only `gc` here: desktop.shell.app holds it before anything else loads.
"""
from __future__ import annotations

import gc


def hold_collector() -> None:
    """No automatic cycle collection until the matching `release_collector`."""
    _collector["holds"] += 1
    if _collector["holds"] == 1:
        _collector["was_enabled"] = gc.isenabled()
        gc.disable()


def release_collector() -> None:
    _collector["holds"] -= 1
    if _collector["holds"] == 0 and _collector["was_enabled"]:
        gc.enable()


_collector = {"holds": 0, "was_enabled": True}
