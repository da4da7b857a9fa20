"""Where tracebacks go: a rotating log file in the data folder, never the user's face."""
from __future__ import annotations

import logging

from models.store import data_dir

_handler: logging.Handler | None = None
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path():
    return data_dir() / "logs" / "slipdesk.log"


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
