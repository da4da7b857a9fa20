"""Where tracebacks go: a rotating log file in the data folder, never the user's face."""
from __future__ import annotations

import logging
import logging.handlers

from models.store import data_dir


def log_path():
    return data_dir() / "logs" / "slipdesk.log"


def setup(level: int = logging.INFO) -> None:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(level)
