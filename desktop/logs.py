"""Where tracebacks go: a rotating log file in the data folder, never the user's face."""
from __future__ import annotations

import logging
import logging.handlers

from models.store import data_dir

_handler: logging.Handler | None = None


def log_path():
    return data_dir() / "logs" / "slipdesk.log"


def setup(level: int = logging.INFO) -> None:
    """Send the log to the data folder's file; called again, it follows a changed folder."""
    global _handler
    path = log_path()
    if _handler is not None and getattr(_handler, "baseFilename", None) == str(path):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
