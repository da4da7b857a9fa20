"""Backups of a desk on a SQLite file, made by the desk itself: the first start of each day, on
exit, and when asked; a copy of the latest one to a folder or USB drive; and at start-up, an
integrity check that offers the last good backup instead of failing on a damaged file.

The full check reads the whole file (a million slips: seconds), so it runs before the window only
when it is due (`full_check_due`: the last session on the file did not end cleanly, or no full
check passed in the last day); otherwise start-up runs the cheap `models.backup.light_check` and
the full check runs behind the painted window (`CheckBehind`), offering the backup if it fails.

The copying runs as a desktop.shell.tasks.Task with its progress shown; the UI stays usable.
Rules and file work live in models.backup; the folder and the number kept are the manager's
(models.desk_security). A desk on the shared PostgreSQL server is backed up on the server.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QWidget

from desktop.shell import tasks
from desktop.shell.collector import hold_collector, release_collector
from desktop.shell.first_paint import AfterFirstPaint
from desktop.shell.local_settings import put_setting, setting
from desktop.shell.local_settings import settings as local_settings
from forms import asking
from models import backup, clock, db, desk_security, settings
from models.db import database
from models.errors import SlipdeskError
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.backups")

CHECK_DAY_MS = 30 * 60 * 1000  # a desk left running overnight makes the new day's backup too


_tr = translator("Backups")


@dataclass(frozen=True)
class Outcome:
    path: Path
    slips: int
    seconds: float


Work = Callable[[Callable[[int, int], None]], Outcome]


def backup_task(work: Work, what: str) -> tasks.Task:
    """`work` as a task, not yet started: its progress in pages, Cancel at the next step of the
    copy (the half-made copy is removed), `what` in the log, a failure in the backup's words."""
    def run(progress: tasks.Progress) -> Outcome:
        progress.report(0, 0)  # cancelled before it began: nothing to start
        outcome = work(progress.report)
        log.info("%s: %s (%d slips, %.1f s)", what, outcome.path, outcome.slips, outcome.seconds)
        return outcome
    return tasks.Task(run, what=what, file_error=_tr("The backup could not be written: %1"),
                      other_error=_tr("The backup failed. The details are in the log file."))


# ----- where

def database_path() -> Path | None:
    """The open SQLite file; None on PostgreSQL."""
    return Path(database.obj.database) if db.is_sqlite() else None


def desk_makes_backups() -> bool:
    """A desk on a real SQLite file backs itself up; a demo database and a shared server do not."""
    return db.is_sqlite() and not settings.get("demo.database")


def _folder_key(path: Path) -> str:
    return "backups/" + hashlib.sha1(str(path.expanduser().resolve()).encode()).hexdigest()[:16]


def folder() -> Path:
    """The open database's backup folder, remembered by the desk for a day its file is damaged."""
    path = database_path()
    chosen = desk_security.backup_folder(path)
    put_setting(_folder_key(path), str(chosen))
    return chosen


def folders_for(path: Path) -> list[Path]:
    """Where backups of the (unopened) database at `path` may be: as remembered, and the default."""
    remembered = setting(_folder_key(path), "") or ""
    found = [Path(remembered)] if remembered else []
    default = desk_security.default_backup_folder(path)
    return found + ([default] if default not in found else [])


# ----- the work, on a pool thread

def rotated(reason: str) -> Work:
    target_folder, keep = folder(), desk_security.current().backup_keep

    def work(progress: Callable[[int, int], None]) -> Outcome:
        started = time.perf_counter()
        path = backup.rotated_backup(target_folder, keep, reason, progress)
        return Outcome(path, backup.check_file(path).slips, time.perf_counter() - started)
    return work


def copy_latest(destination: Path) -> Work:
    """The latest good backup (a new one when there is none) copied to `destination`, flushed to
    the drive and checked there."""
    source_folder, keep = folder(), desk_security.current().backup_keep

    def work(progress: Callable[[int, int], None]) -> Outcome:
        started = time.perf_counter()
        latest = backup.last_good_backup(source_folder) or backup.rotated_backup(source_folder, keep, "", progress)
        target = destination / latest.name
        partial = destination / (latest.name + ".partial")
        shutil.copyfile(latest, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())  # on the USB drive, not in a cache, before we say so
        os.replace(partial, target)
        result = backup.check_file(target)
        if not result.ok:
            raise backup.BackupFailed(f"The copy on the drive failed its check: {result.problem}")
        return Outcome(target, result.slips, time.perf_counter() - started)
    return work


# ----- in the main window

class DeskBackups(QObject):
    """The main window's backups: the day's first, "Back up now…" and the copy to a drive."""

    finished = Signal(object)  # Outcome, after any backup made here

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.task: tasks.Task | None = None
        self._then: Callable[[Outcome], None] | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        for widget in (self.label, self.bar):
            window.statusBar().addWidget(widget)
            widget.hide()
        self._day = QTimer(self)
        self._day.setInterval(CHECK_DAY_MS)
        self._day.timeout.connect(self.start_of_day)

    def begin(self) -> None:
        """The day's backup now if there is none yet, and again each new day the desk stays on."""
        if desk_makes_backups() and not self._day.isActive():
            self.start_of_day()
            self._day.start()

    def start_of_day(self) -> tasks.Task | None:
        if self.task is not None or not desk_makes_backups() or backup.backed_up_today(folder()):
            return None
        return self._run(rotated(""), _tr("Backing up the database for today…"), "start-of-day backup")

    def back_up_now(self) -> tasks.Task | None:
        if self.task is not None:
            return None
        return self._run(rotated("manual"), _tr("Backing up the database…"), "backup on request", then=lambda o:
                         asking.inform(self.window, _tr("Backed up"), fill(_tr(
                             "%1 slips backed up to\n%2\n\nThe copy was checked and is sound."), f"{o.slips:,}", o.path)))

    def copy_to_drive(self) -> tasks.Task | None:
        if self.task is not None:
            return None
        chosen = asking.copy_backup_to(self.window)
        if not chosen:
            return None
        try:
            backup.copy_out_allowed(self.window.session.user, chosen)
        except SlipdeskError as refused:

            asking.warn(self.window, _tr("Backup not copied"), str(refused))
            return None
        return self._run(copy_latest(Path(chosen)), _tr("Copying the latest backup…"), "backup copy", then=lambda o:
                         asking.inform(self.window, _tr("Backup copied"), fill(_tr(
                             "The latest backup (%1 slips) was copied to\n%2\n\nThe copy on the drive was checked "
                             "and is sound. You may remove the drive now."), f"{o.slips:,}", o.path)))

    def _run(self, work: Work, text: str, what: str,
             then: Callable[[Outcome], None] | None = None) -> tasks.Task:
        """Run `work` off the UI thread with its progress in the status bar (and, when the clerk
        asked for it and waits on it — `then` says what to tell them — in a progress dialog)."""
        task = backup_task(work, what)
        self.task = task
        self._then = then
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.label.show()
        self.bar.show()
        task.progressed.connect(self._progress)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        if then is not None:
            tasks.progress_dialog(task, _tr("Backup"), text, self.window)
        task.start()
        return task

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, outcome: Outcome) -> None:
        then = self._then
        self._idle()
        self.window.statusBar().showMessage(fill(_tr("Backed up at %1 (%2 slips, checked)."), time.strftime("%H:%M"), f"{outcome.slips:,}"), 15000)
        if then is not None:
            then(outcome)
        self.finished.emit(outcome)

    def _failed(self, message: str) -> None:
        self._idle()
        asking.warn_later(self.window, _tr("Backup failed"), fill(
            _tr("%1\n\nYour data is unchanged. Try “Back up now…” from the File menu, or tell the manager."),
            message))

    def _cancelled(self) -> None:
        self._idle()
        self.window.statusBar().showMessage(
            _tr("Backup cancelled: nothing was written, the earlier backups are kept."), 15000)

    def _idle(self) -> None:
        self.task = None
        self._then = None
        self.label.hide()
        self.bar.hide()


def backup_on_exit() -> Outcome | None:
    """The closing backup, waited for behind a progress dialog (the windows are gone already)."""
    tasks.wait_for_all()
    if not desk_makes_backups():
        return None
    task = backup_task(rotated("exit"), "backup on exit")
    results: list[Outcome] = []
    task.succeeded.connect(results.append)
    tasks.progress_dialog(task, _tr("Backup"), _tr("Backing up the database before closing…"), None)
    loop = QEventLoop()
    task.finished.connect(loop.quit)  # after its outcome, and after the task let itself go
    task.start()
    loop.exec()
    return results[0] if results else None


# ----- at start-up, before the database is opened

def sound_or_restored(path: Path, ask: bool = True, thorough: bool = True) -> bool:
    """Check the SQLite file — `thorough`: the full check (quick_check of every page), else
    `backup.light_check` — and on damage offer the last good backup (unless nobody is there to
    `ask`). True when the file can be opened: sound, new, or restored."""
    if not path.is_file() or path.stat().st_size == 0:
        return True
    check = backup.check_file(path, quick=True) if thorough else backup.light_check(path)
    if check.ok:
        if thorough:
            record_full_check(path)
        return True
    log.error("start-up check of %s failed: %s", path, check.problem)
    if not ask:
        return False
    problem = check.problem
    candidate = next(filter(None, (backup.last_good_backup(f) for f in folders_for(path))), None)
    if candidate is None:
        asking.tell(asking.Icon.Critical, _tr("The database is damaged"), fill(_tr(
            "Slipdesk checked the database before opening it and found it damaged:\n%1\n\nNo backup of it was "
            "found in %2. Do not delete the file: your administrator may still recover it."),
            problem, folders_for(path)[0]))
        return False
    if not asking.restore(path, problem, candidate, backup.check_file(candidate).slips):
        return False
    try:
        kept = backup.restore_sqlite(candidate, path)
    except (backup.BackupFailed, OSError) as err:
        log.exception("restoring %s over %s failed", candidate, path)
        asking.tell(asking.Icon.Critical, _tr("Not restored"), str(err))
        return False
    log.warning("restored %s over the damaged %s; the damaged file is kept as %s", candidate, path, kept)
    record_full_check(path)  # the backup passed the full check before it was put in place
    return True


# ----- when the full check is due: what the desk remembers of each file (desktop.shell.local_settings)

FULL_CHECK_EVERY = dt.timedelta(days=1)


def _check_key(path: Path) -> str:
    return "integrity/" + hashlib.sha1(str(path.expanduser().resolve()).encode()).hexdigest()[:16]


def full_check_due(path: Path) -> bool:
    """Whether the full check must run before the window: the last session on this file did not
    end cleanly (its mark is still there, or it left a write-ahead log behind — a clean close
    merges and removes it), or no full check of it passed in the last day (or ever, here)."""
    key = _check_key(path)
    if _open_mark(path).exists():
        return True
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return True
    try:
        checked = dt.datetime.fromisoformat(str(setting(f"{key}/checked", "") or ""))
    except ValueError:
        return True
    now = clock.now()
    return not (now - FULL_CHECK_EVERY < checked <= now)


def record_full_check(path: Path) -> None:
    put_setting(f"{_check_key(path)}/checked", clock.now().isoformat(timespec="seconds"))


def forget_full_check(path: Path) -> None:
    """The next start checks the whole file before the window (damage was found)."""
    _remove_setting(f"{_check_key(path)}/checked")


def _open_mark(path: Path) -> Path:
    """A file beside the desk's settings (writing it costs a tenth of rewriting them)."""
    return Path(local_settings().fileName()).parent / f"open-{_check_key(path).partition('/')[2]}"


def mark_open(path: Path) -> None:
    """Set as the desk opens the file; `mark_closed` at a clean exit. Still set at the next start:
    the desk crashed, was killed or lost power while the file was open."""
    mark = _open_mark(path)
    mark.parent.mkdir(parents=True, exist_ok=True)
    mark.write_text(f"{path.expanduser().resolve()}\n{clock.now():%Y-%m-%d %H:%M:%S}\n", encoding="utf-8")


def mark_closed(path: Path) -> None:
    _open_mark(path).unlink(missing_ok=True)


def _remove_setting(key: str) -> None:
    store = local_settings()
    store.remove(key)
    store.sync()


# ----- the full check behind the window

class CheckBehind(AfterFirstPaint):
    """The full check of the open file, run on a worker thread once `window` is first painted (the
    clerk works meanwhile), and again every `AGAIN_MS` while the desk stays open, so that a desk used
    every day keeps its full check less than a day old. Passed: remembered (`record_full_check`).
    Failed: the next start checks before the window, and the clerk is offered a restart to
    restore the last good backup now.
    `stop()` at exit interrupts a check still running (it then counts for nothing); `damaged`
    says the file failed (no closing backup of it: the copy would fail its own check)."""

    checked = Signal(object)  # the models.backup.Check, once handled
    _reported = Signal(object)  # from the worker thread
    AGAIN_MS = 6 * 60 * 60 * 1000

    def __init__(self, path: Path, window: QWidget):
        super().__init__(window)
        self.path = path
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._stopping = False
        self._holding = False
        self.damaged = False
        self._reported.connect(self._handle)

    def _start(self) -> None:
        if self._stopping:
            return
        self._thread = threading.Thread(target=self._run, name="full integrity check", daemon=True)
        hold_collector()  # the worker must not run the cycle collector on Qt objects
        self._holding = True
        self._thread.start()

    def _run(self) -> None:
        self._reported.emit(backup.check_file(self.path, quick=True, watch=self._watch))

    def _watch(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            self._connection = connection

    def _release(self) -> None:
        if self._holding:
            self._holding = False
            release_collector()

    def stop(self) -> None:
        """Interrupt a check still running and wait for its thread (the desk is closing: its own
        connection must be the last one, so that closing it merges the write-ahead log). Again and
        again, since an interrupt reaches only a statement already running."""
        with self._lock:
            self._stopping = True
        while self._thread is not None and self._thread.is_alive():
            with self._lock:
                if self._connection is not None:
                    try:
                        self._connection.interrupt()
                    except sqlite3.ProgrammingError:  # closed already: the thread is ending
                        pass
            self._thread.join(0.05)
        self._release()

    def _handle(self, check: backup.Check) -> None:
        self._release()
        if self._stopping:
            return
        if check.ok:
            record_full_check(self.path)
            log.info("full check of %s passed behind the window", self.path)
            QTimer.singleShot(self.AGAIN_MS, self, self._start)
        else:
            log.error("full check of %s failed behind the window: %s", self.path, check.problem)
            self.damaged = True
            forget_full_check(self.path)
            if asking.restart_to_restore(self.window, check.problem):
                from desktop.shell.database_dialog import restart

                restart()
        self.checked.emit(check)
