"""Other desks' work on this desk's open views within two seconds (models.live says how).

`LiveFeed` watches the database the desk works on and tells the session what changed
(`Session.changed_elsewhere`, a models.live.Changes); every open view refreshes from that signal
in its own way, keeping the clerk's selection, scroll position and whatever they are typing.

- On a SQLite file it reads the file's change counter every POLL_MS, from the event loop: a
  few microseconds a look, nothing else while nobody changes anything.
- On PostgreSQL it listens on a connection of its own whose socket the event loop watches: no
  query at all while nothing changes. When that connection is lost (the server restarted, the
  network dropped) it connects again by itself, in a worker task so the window never waits, at
  growing intervals up to RETRY_MAX_MS; once back, the desk's own connection is made afresh if
  the restart broke it, and every view reads everything again (what changed meanwhile is not
  known).

The views are told at once, and then at most once every TELL_GAP_MS: a burst of saves on another
desk refreshes each view a few times a second, not once per save (what arrives in between is told
together).
"""
from __future__ import annotations

import logging
import sqlite3
import time

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal

from desktop.shell.session import Session
from desktop.shell.tasks import Task
from models import connection, live
from models.db import database, is_sqlite
from models.live import EVERYTHING, Changes

log = logging.getLogger("slipdesk.live")

POLL_MS = 500  # the SQLite file's change counter: read from memory, ~6 µs a look
TELL_GAP_MS = 300
RETRY_FIRST_MS = 500
RETRY_MAX_MS = 5_000


class LiveFeed(QObject):
    """Tells `session.changed_elsewhere` what the database says changed; `live` is False while
    the PostgreSQL connection is being made again."""

    live_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self.session = session
        self.live = False
        self.looks = 0  # reads of the change counter, or socket wake-ups: the idle cost (bench-live)
        self.told = 0  # changes told to the views
        self.failed_connects = 0  # attempts the server refused since the listener was last connected
        self._pending = Changes()
        self._told_at = 0.0  # time.monotonic() of the last telling
        self._tell = QTimer(self)
        self._tell.setSingleShot(True)
        self._tell.timeout.connect(self._flush)
        self._watch: live.DataVersionWatch | None = None
        self._listener: live.Listener | None = None
        self._notifier: QSocketNotifier | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._connect)
        self._retry_ms = RETRY_FIRST_MS
        self._connecting = False
        self._connected_before = False
        self._stopped = False
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._look)
        if is_sqlite():
            self._watch = live.DataVersionWatch.for_database(database.obj)
            self._poll.start()
            self._set_live(True)
        else:
            self._listener = live.Listener.for_database(database.obj)
            self._connect()
        # its own connection closes before the desk's: the last to close a SQLite file folds the
        # write-ahead log back in, and a log left behind makes the next start check the whole file
        QCoreApplication.instance().aboutToQuit.connect(self.stop)

    # ----- SQLite

    def _look(self) -> None:
        self.looks += 1
        try:
            changes = self._watch.poll()
        except sqlite3.Error:  # a locked or replaced file: look again at the next tick
            log.warning("reading the database's change counter failed", exc_info=True)
            return
        self._add(changes)

    # ----- PostgreSQL

    def _connect(self) -> None:
        """Connect the listener in a worker task: a server far away never freezes the window."""
        if self._connecting or self._stopped:
            return
        self._connecting = True
        listener = self._listener
        task = Task(lambda _progress: _try_connect(listener), what="connecting the live updates")
        task.succeeded.connect(self._connect_ended)
        task.start()

    def _connect_ended(self, connected: bool) -> None:
        self._connecting = False
        if self._stopped:
            self._listener.close()
            return
        if not connected:
            self.failed_connects += 1
            self._retry.start(self._retry_ms)
            self._retry_ms = min(self._retry_ms * 2, RETRY_MAX_MS)
            return
        self._retry_ms, self.failed_connects = RETRY_FIRST_MS, 0
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        came_back, self._connected_before = self._connected_before, True
        self._set_live(True)
        if came_back:  # the server restarted or the network dropped: what changed meanwhile is unknown
            if connection.reconnect_if_lost():
                log.info("the desk's database connection was made again")
            self._add(EVERYTHING)

    def _readable(self) -> None:
        self.looks += 1
        try:
            changes = self._listener.drain()
        except live.ConnectionLost as lost:
            log.warning("live updates lost their connection (%s); connecting again", lost)
            self._drop_notifier()
            self._set_live(False)
            self._retry.start(self._retry_ms)
            return
        self._add(changes)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    # ----- telling the views

    def _add(self, changes: Changes) -> None:
        """Tell the views at once, or as soon as TELL_GAP_MS have passed since they were last told."""
        if not changes:
            return
        self._pending = self._pending.merged(changes)
        if not self._tell.isActive():
            since_ms = (time.monotonic() - self._told_at) * 1000
            self._tell.start(max(0, round(TELL_GAP_MS - since_ms)))

    def _flush(self) -> None:
        changes, self._pending = self._pending, Changes()
        if changes and self.session.user is not None:
            self._told_at = time.monotonic()
            self.told += 1
            self.session.changed_elsewhere.emit(changes)

    def _set_live(self, on: bool) -> None:
        if on != self.live:
            self.live = on
            self.live_changed.emit(on)

    def stop(self) -> None:
        """Stop watching (the window closes, the application quits); stopping again does nothing."""
        self._stopped = True
        self._poll.stop()
        self._retry.stop()
        self._tell.stop()
        self._drop_notifier()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        if self._listener is not None and not self._connecting:
            self._listener.close()

    @property
    def backend_pid(self) -> int | None:
        """The listening connection's server process (PostgreSQL), for the restart test."""
        return self._listener.backend_pid if self._listener is not None and self._listener.connected else None


def _try_connect(listener: live.Listener) -> bool:
    try:
        listener.connect()
    except live.ConnectionLost as refused:
        log.info("live updates cannot connect yet: %s", refused)
        return False
    return True
