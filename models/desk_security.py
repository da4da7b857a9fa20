"""How a shared front-desk PC guards what it holds: when an unattended desk locks itself, and
where its daily backups go and how many are kept.

The manager sets these for the estate (they live in the database, so every desk on a shared
PostgreSQL server follows them); the backup folder of a desk on a SQLite file is read from here
while the database is sound and remembered by the desk itself for the day it is not.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from models import audit, settings
from models.accounts import User, require_role
from models.db import write_transaction
from models.errors import ValidationFailed
from models.i18n import t
from models.paths import data_dir, default_database_path
from models.vocab import Role

IDLE_MINUTES = (1, 240)
KEEP = (1, 365)


@dataclass(frozen=True)
class DeskSecurity:
    idle_minutes: float  # a fraction only in tests; the manager chooses whole minutes
    backup_folder: str  # "" for the default folder (`default_backup_folder`)
    backup_keep: int


def current() -> DeskSecurity:
    return DeskSecurity(float(settings.get("security.idle_minutes")), settings.get("backup.folder") or "",
                        int(settings.get("backup.keep")))


def default_backup_folder(database_path: str | os.PathLike) -> Path:
    """<data folder>/backups for the desk's default database; a database elsewhere gets its own
    subfolder there, so that rotation never removes another database's backups."""
    path = Path(database_path).expanduser().resolve()
    folder = data_dir() / "backups"
    return folder if path == default_database_path().expanduser().resolve() else folder / path.stem


def backup_folder(database_path: str | os.PathLike) -> Path:
    """Where the backups of the open SQLite database go: the manager's folder, else the default."""
    chosen = settings.get("backup.folder") or ""
    return Path(chosen).expanduser() if chosen else default_backup_folder(database_path)


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def set_desk_security(user: User, idle_minutes: object, backup_folder: str, backup_keep: object) -> DeskSecurity:
    """The manager sets the idle lock and the backups; refused to anyone else, logged."""
    require_role(user, Role.MANAGER, action=t("change the idle lock and the backups"))
    errors = {}
    minutes, keep = _whole(idle_minutes), _whole(backup_keep)
    if minutes is None or not IDLE_MINUTES[0] <= minutes <= IDLE_MINUTES[1]:
        errors["idle_minutes"] = t("Lock after {low} to {high} minutes without use.",
                                    low=IDLE_MINUTES[0], high=IDLE_MINUTES[1])
    if keep is None or not KEEP[0] <= keep <= KEEP[1]:
        errors["backup_keep"] = t("Keep {low} to {high} backups.", low=KEEP[0], high=KEEP[1])
    folder = (backup_folder or "").strip()
    if len(folder) > 1024 or any(ord(c) < 32 for c in folder):
        errors["backup_folder"] = t("Choose the folder with the Browse button.")
    elif folder and not Path(folder).expanduser().is_absolute():
        errors["backup_folder"] = t("Give the whole path of the folder, e.g. D:\\Slipdesk backups.")
    elif folder and Path(folder).expanduser().exists() and not Path(folder).expanduser().is_dir():
        errors["backup_folder"] = t("This is a file, not a folder.")
    if errors:
        raise ValidationFailed(errors)
    before = current()
    with write_transaction():
        settings.put("security.idle_minutes", minutes, user)
        settings.put("backup.folder", folder, user)
        settings.put("backup.keep", keep, user)
        audit.log(user, "desk_security_changed",
                  before={"idle_minutes": before.idle_minutes, "backup_folder": before.backup_folder,
                          "backup_keep": before.backup_keep},
                  after={"idle_minutes": minutes, "backup_folder": folder, "backup_keep": keep})
    return current()
