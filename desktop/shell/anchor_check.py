"""At start, behind the painted window: does the database still extend its anchor?

The anchor file (models.anchors) is kept outside the database at each backup and printed
handover or review. Once the main window is painted, a task compares the open database with it
(a few queries: every slip's head, the events at the anchored counts of the slips changed since);
a database rewound or recomputed since is told to whoever is signed in, naming what differs, with
the command that checks it all. No anchor yet (a new desk) is no problem; an anchor file that
cannot be read, or was altered, is told the same way.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from desktop.shell import tasks
from desktop.shell.first_paint import AfterFirstPaint
from forms import asking
from models import anchors
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.anchors")
SHOWN = 8  # differences listed in the message; the command lists them all


_tr = translator("AnchorCheck")


def compare_with_kept(progress: tasks.Progress | None = None) -> tuple[anchors.Anchor | None, list[str]]:
    """The kept anchor of the open database and what differs from it (no anchor: nothing)."""
    try:
        anchor = anchors.kept()
    except anchors.AnchorRefused as refused:
        return None, [str(refused)]
    if anchor is None:
        return None, []
    return anchor, anchors.compare(anchor)


class AnchorCheck(AfterFirstPaint):
    """Runs `compare_with_kept` once `window` is first painted; `checked` carries its outcome."""

    checked = Signal(object)  # (anchor or None, differences)

    def __init__(self, window: QWidget):
        self.task: tasks.Task | None = None
        super().__init__(window)

    def _start(self) -> None:
        self.task = tasks.Task(compare_with_kept, self, what="anchor check",
                               other_error=_tr("The anchor could not be checked. The details are in the log file."))
        self.task.succeeded.connect(self._handle)
        self.task.start()

    def _handle(self, outcome: tuple[anchors.Anchor | None, list[str]]) -> None:
        anchor, differences = outcome
        if differences:
            log.error("the database does not extend its anchor: %s", "; ".join(differences))
            listed = "\n".join(f"• {QCoreApplication.translate('models', d)}" for d in differences[:SHOWN])
            more = len(differences) - SHOWN
            if more > 0:
                listed += "\n" + fill(_tr("… and %1 more"), str(more))
            when = f"{anchor.taken_at:%Y-%m-%d %H:%M}" if anchor else "—"
            asking.warn(self.window, _tr("The database was changed outside Slipdesk"), fill(_tr(
                "This database no longer matches its anchor of %1 (fingerprint %2), kept outside it:\n%3\n\n"
                "Someone may have rewound or rewritten it. Tell the manager: slipdesk-admin verify --anchor "
                "checks it all."), when, anchor.fingerprint if anchor else "—", listed))
        self.checked.emit(outcome)
