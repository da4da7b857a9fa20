"""Where a desk's own files live: the per-user data folder and the default database in it."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Slipdesk"


def data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/Slipdesk, %LOCALAPPDATA%\\Slipdesk)."""
    override = os.environ.get("SLIPDESK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "slipdesk.db"
