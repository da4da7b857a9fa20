"""Where tracebacks go: a rotating log file in the data folder, never the user's face.

A native crash (a segmentation fault in Qt or a driver) ends the process before any Python
handler runs: `faulthandler` writes the Python stack of every thread to a crash-<pid>.log beside
the log as it dies (a file kept open for it, since nothing can be opened then), and the next start
moves that trace into the log (`catch_native_crashes`).
"""
from __future__ import annotations

import atexit
import faulthandler
import logging
import os
import time

from models.paths import data_dir

_handler: logging.Handler | None = None
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path():
    return data_dir() / "logs" / "slipdesk.log"


def crash_folder():
    return data_dir() / "logs"


STALE_CRASH_FILE_S = 7 * 24 * 3600  # an empty file left by a run killed outright (file times, not the desk's clock)
_crash_file = None


def catch_native_crashes(program: str = "slipdesk") -> None:
    """Have a native crash of this process leave its stacks in the log.

    Each process keeps its own crash-<pid>.log open for faulthandler (two desks, or a desk and
    an admin command, may run at once) and removes it when it ends normally; a file with a trace
    in it is what a crashed run left, logged here at the next start and removed."""
    global _crash_file
    folder = crash_folder()
    log = logging.getLogger(f"{program}.crash")
    for left in sorted(folder.glob("crash-*.log")):
        try:
            size, age = left.stat().st_size, time.time() - left.stat().st_mtime
            if size:
                log.error("an earlier run of Slipdesk (%s) ended in a native crash:\n%s", left.name,
                          left.read_text(encoding="utf-8", errors="replace").rstrip())
            if size or age > STALE_CRASH_FILE_S:
                left.unlink()
        except OSError:
            log.warning("cannot read or remove %s", left, exc_info=True)
    if _crash_file is not None:
        return
    path = folder / f"crash-{os.getpid()}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _crash_file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - held open until the process ends
    except OSError:
        log.warning("cannot keep %s for native crashes", path, exc_info=True)
        return
    faulthandler.enable(file=_crash_file, all_threads=True)
    atexit.register(_ended_normally, path)


def _ended_normally(path) -> None:
    global _crash_file
    faulthandler.disable()
    if _crash_file is not None:
        _crash_file.close()
        _crash_file = None
    try:
        path.unlink()
    except OSError:
        pass


class LogFile(logging.Handler):
    """The rotating log file (logging.handlers.RotatingFileHandler), made with the first record:
    loading logging.handlers (socket, pickle, queue …) cost ~10 ms of every start, before the
    window shows, of a desk that has nothing to log by then."""

    def __init__(self, path):
        super().__init__()
        self.baseFilename = str(path)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:  # under this handler's lock (Handler.handle)
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(self.baseFilename, maxBytes=2_000_000, backupCount=5,
                                                              encoding="utf-8", delay=True)
            self._file.setFormatter(logging.Formatter(FORMAT))
        self._file.handle(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup(level: int = logging.INFO) -> None:
    """Send the log to the data folder's file; called again, it follows a changed folder."""
    global _handler
    path = log_path()
    if _handler is not None and getattr(_handler, "baseFilename", None) == str(path):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = LogFile(path)
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
