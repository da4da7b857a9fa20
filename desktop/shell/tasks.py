"""Long work off the UI thread, behind a progress dialog the clerk can cancel.

An import, an export or a report runs as `work(progress)` in a worker thread with its own
database connection; the window stays responsive and the dialog shows how far it got. The
work calls `progress.report(done, total)` and `progress.check()` between steps: after Cancel,
`check()` raises `Cancelled` and the work stops where it is (an all-or-nothing model rolls its
transaction back). Work that has nothing left to stop (a file already written) simply finishes.

    task = run_task(parent, title, label, work)
    task.succeeded.connect(show_summary)   # the work's return value
    task.failed.connect(...)               # a sentence for the user (the traceback is in the log)
    task.cancelled.connect(...)

Work without a dialog of its own (a backup shows its progress in the status bar) makes its
`Task` and calls `start()`; `progress_dialog(task, …)` adds the dialog when someone waits on it.
A kind of work may say its failures in its own words (`file_error`, `other_error`) and names
itself in the log (`what`).

The worker never touches a widget: everything it says goes through the task's signals. And
Python's cycle collector is held while a task runs: run from the worker, it could finalise Qt
objects of the UI thread there and crash the process; it resumes in the UI thread afterwards,
once nobody holds it (desktop.shell.collector: another worker thread, or start-up, holds it the same way).
Each task closes its thread's own database connection as it ends.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.shell.collector import hold_collector, release_collector
from models.db import database
from models.errors import SlipdeskError
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.tasks")


_tr = translator("Tasks")


class Cancelled(Exception):
    """Raised inside the work by `Progress.check()` once the clerk pressed Cancel."""


class Progress:
    """What the work uses to report and to notice a cancel; safe to call from the worker."""

    def __init__(self, task: Task):
        self._task = task
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._on_cancel: list[Callable[[], None]] = []

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        with self._lock:  # the work cannot end (and close what a stop reaches) meanwhile: see ended()
            self._cancel.set()
            stops, self._on_cancel = self._on_cancel, []
            for stop in stops:
                stop()

    def on_cancel(self, stop: Callable[[], None]) -> None:
        """Call `stop` (from the thread that cancels, at once) when the work is cancelled: work
        that waits on something check() cannot reach, a database statement, says how to end it
        (models.db.interrupter). Called at once when the work was cancelled already."""
        with self._lock:
            if not self._cancel.is_set():
                self._on_cancel.append(stop)
                return
        stop()

    def ended(self) -> None:
        """The work is over: nothing it waited on is left to stop (its connection closes next)."""
        with self._lock:
            self._on_cancel = []

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int | None = None) -> None:
        """`done` of `total` steps (total 0 or None: a busy indicator); stops here after Cancel."""
        self.tell(done, total)
        self.check()

    def tell(self, done: int, total: int | None = None) -> None:
        """Like `report` without stopping: for work that stops its own way (it reads `cancelled`)."""
        self._task.progressed.emit(int(done), int(total or 0))

    def stage(self, text: str) -> None:
        """What is happening now, in words for the progress dialog; stops here after Cancel."""
        self.say(text)
        self.check()

    def say(self, text: str) -> None:
        """Like `stage` without stopping: for a step past the point a cancel could stop the work."""
        self._task.staged.emit(text)


class Task(QThread):
    """Runs `work(progress)` once; says how it ended with exactly one of the three signals.

    Started, it is kept alive until it ends (a running QThread must outlive the caller's
    reference to it) and the cycle collector is held meanwhile: its own handlers of `finished`
    come first, so a handler connected by the caller sees the task already let go."""

    progressed = Signal(int, int)  # done, total (0: unknown)
    staged = Signal(str)
    succeeded = Signal(object)  # what the work returned
    failed = Signal(str)  # a message for the user
    cancelled = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None, *,
                 what: str = "background task", file_error: str = "", other_error: str = ""):
        """`what` names the work in the log; `file_error` (its %1: the system's reason) and
        `other_error`, translated, replace the general sentences of a failure for this kind of work."""
        super().__init__(parent)
        self._work = work
        self._what = what
        self._file_error = file_error
        self._other_error = other_error
        self.progress = Progress(self)
        self.error: BaseException | None = None  # why it failed, for a dialog that places the message
        self.dialog: TaskProgress | None = None  # see progress_dialog
        self.finished.connect(lambda: _running.discard(self))
        self.finished.connect(release_collector)

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        _running.add(self)
        hold_collector()
        super().start(priority)

    def cancel(self) -> None:
        self.progress.cancel()

    def run(self) -> None:
        opened_on = database.obj  # the database this thread's connection belongs to
        try:
            result = self._work(self.progress)
        except Cancelled:
            log.info("%s cancelled", self._what)
            self.cancelled.emit()
        except SlipdeskError as err:
            self.error = err
            log.error("%s failed: %s", self._what, err)
            self.failed.emit(str(err))
        except OSError as err:
            self.error = err
            log.exception("%s failed", self._what)
            said = self._file_error or _tr("The file could not be read or written: %1")
            self.failed.emit(fill(said, err.strerror or str(err)))
        except Exception as err:  # noqa: BLE001 - the user gets a sentence, the log the traceback
            self.error = err
            log.exception("%s failed", self._what)
            self.failed.emit(self._other_error or _tr("Slipdesk could not finish this; nothing was half done. The "
                                                      "details are in the log file."))
        else:
            self.succeeded.emit(result)
        finally:
            self.progress.ended()  # nothing may stop a statement on the connection closing now
            # this thread's own connection: on the database it worked on, even if another was opened
            # meanwhile (the old one's connection would be left open), and on the one open now
            for used in dict.fromkeys(db for db in (opened_on, database.obj) if db is not None):
                used.close()


def run_task(parent: QWidget | None, title: str, label: str, work: Callable[[Progress], Any]) -> Task:
    """Start `work` in a worker thread behind a window-modal progress dialog with Cancel.

    The task belongs to no window: a window closed while it runs cannot take a running thread
    down with it. Connect its signals to the window's own methods (not lambdas), so that what
    arrives after the window is gone is dropped with it.
    """
    task = Task(work)
    progress_dialog(task, title, label, parent)
    task.start()
    return task


def progress_dialog(task: Task, title: str, label: str, parent: QWidget | None) -> TaskProgress:
    """How far `task` got, in a window-modal dialog whose Cancel stops it (as `task.dialog`)."""
    dialog = TaskProgress(title, label, parent)
    task.dialog = dialog
    dialog.canceled.connect(task.cancel)
    task.staged.connect(dialog.setLabelText)
    task.progressed.connect(dialog.show_progress)
    task.finished.connect(dialog.hide)  # hide, not close: closing a progress dialog means Cancel
    task.finished.connect(dialog.deleteLater)
    return dialog


def wait_for_all() -> None:
    """Wait for every task still running to end (at exit, before the closing backup)."""
    for task in list(_running):
        task.wait()


class TaskProgress(QProgressDialog):
    """How far a task got; Cancel asks it to stop where it is."""

    def __init__(self, title: str, label: str, parent: QWidget | None):
        super().__init__(label, _tr("Cancel"), 0, 0, parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # a task that ends at once never flashes a dialog
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.connect(self._stopping)

    def show_progress(self, done: int, total: int) -> None:
        if self.maximum() != total:
            self.setMaximum(total)
        self.setValue(min(done, total) if total else 0)

    def _stopping(self) -> None:
        self.setLabelText(_tr("Stopping…"))


_running: set[Task] = set()
