"""The desk's own preferences (QSettings), readable before anything else loads.

Window layout, language, the last user name and the database this desk opens live here, per
computer; estate-wide settings live in the database (models.settings). This module imports only
QtCore, so start-up can learn which database to open before deciding whether the PostgreSQL
driver is needed at all (desktop.shell.start_up.defer_postgres_driver).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "Slipdesk"
APPLICATION = "Slipdesk"
DATABASE_KEY = "database/target"


def settings() -> QSettings:
    """The desk's QSettings; an ini file in $SLIPDESK_SETTINGS_DIR when set (tests, portable)."""
    folder = os.environ.get("SLIPDESK_SETTINGS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "slipdesk.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def setting(key: str, default: Any = None) -> Any:
    return settings().value(key, default)


def put_setting(key: str, value: Any) -> None:
    store = settings()
    store.setValue(key, value)
    store.sync()


def remembered_database() -> str:
    """The database chosen in File → Database… ("" for the default file in the data folder)."""
    return str(setting(DATABASE_KEY, "") or "")


def remember_database(target: str) -> None:
    put_setting(DATABASE_KEY, target)
