"""One running desk per database: a second start on the same database brings the first one's
window forward and ends, instead of opening the file twice (two windows of one desk would each
back it up, lock and check it on their own).

The first desk listens on a local socket (QLocalServer: a Unix socket, a named pipe on Windows)
named after the database and the user running it; a second start connects to it, says so, and
exits. A socket left by a desk that crashed accepts no connection: the next desk takes it over.
"""
from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("slipdesk.single_instance")

CONNECT_MS = 500
MESSAGE = b"bring-forward\n"


def instance_key(target: str) -> str:
    """The socket's name for a database: the same file (however it was written) or URL, and the
    same user, give the same name; at most 40 characters (macOS's socket paths are short)."""
    where = target if "://" in target else str(Path(target).expanduser().resolve())
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    return "slipdesk-" + hashlib.sha256(f"{user}\0{where}".encode("utf-8")).hexdigest()[:24]


def hand_over(key: str) -> bool:
    """Whether a desk already runs on this database: if so, it was asked to come forward."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class Instance(QObject):
    """The running desk's end: brings its window forward when a second start asks."""

    asked = Signal()

    def __init__(self, key: str, parent: QObject | None = None):
        super().__init__(parent)
        self.key = key
        self.window: QWidget | None = None  # the main window, once there is one
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(key):  # a socket left behind by a desk that crashed
            QLocalServer.removeServer(key)
            if not self.server.listen(key):
                log.warning("cannot listen for a second start on %s: %s", key, self.server.errorString())
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).strip():
            log.info("a second start on this database handed over to this desk")
            self.bring_forward()
            self.asked.emit()

    def bring_forward(self) -> QWidget | None:
        """The window in front now (a dialog that waits for an answer, else the main window)
        restored, raised and activated; the taskbar is asked to flash it where the system
        refuses to hand the focus over."""
        window = QApplication.activeModalWidget() or self.window
        if window is None:
            window = next((w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()), None)
        if window is None:
            return None
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized
                                  | Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()
        QApplication.alert(window)
        return window

    def close(self) -> None:
        self.server.close()
