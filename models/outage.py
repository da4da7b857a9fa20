"""The company server out of reach: telling it apart, keeping what is typed, reconnecting.

A desk on a company's PostgreSQL server loses it when the network or the server goes down.
Nothing typed may be lost: a form's draft that cannot be written to the database is kept in a
file in the desk's own data folder (the spool) and written to the database's drafts once the
server answers again; until then the desk says plainly that the server cannot be reached.

Only a lost or refused connection counts as "out of reach" (SQLSTATE class 08, the operator
shutting the server down, 57P01-57P03, or no SQLSTATE at all: the connection is closed or
could not be made). A busy database (locks, deadlocks, a cancelled statement) is another matter.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any, Callable

from models.db import database, is_sqlite

log = logging.getLogger("slipdesk.outage")

UNREACHABLE_STATES = ("08", "57P01", "57P02", "57P03")
SPOOL_NAME = "unsaved-drafts.json"
_lock = threading.Lock()
_listeners: list[Callable[[BaseException], None]] = []


def listen(callback: Callable[[BaseException], None]) -> None:
    """Be told when code that keeps going anyway (an autosave) found the server out of reach: the
    desk's window says so (desktop.shell.outage_watch)."""
    _listeners.clear()  # one desk window listens at a time
    _listeners.append(callback)


def report(error: BaseException) -> None:
    for callback in list(_listeners):
        callback(error)


def is_unreachable(error: BaseException | None) -> bool:
    """The error (or what it wraps) is a lost or refused connection to the database server."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:  # no server was ever connected (a SQLite desk keeps the driver unloaded)
        return False

    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, psycopg.OperationalError):
            state = getattr(error, "sqlstate", None)
            return state is None or state.startswith(UNREACHABLE_STATES)
        if isinstance(error, psycopg.InterfaceError):
            return True
        wrapped = getattr(error, "orig", None)  # peewee keeps the driver's error there
        if wrapped is None and error.args and isinstance(error.args[0], BaseException):
            wrapped = error.args[0]
        error = wrapped or error.__cause__ or error.__context__
    return False


def reconnect() -> bool:
    """Open the connection again if the server answers; True once it does (reading resumes)."""
    if database.obj is None or is_sqlite():
        return True
    try:
        database.close()
    except Exception:  # noqa: BLE001 - a connection that died cannot close cleanly; it is gone anyway
        log.debug("closing the lost connection", exc_info=True)
        database.obj._state.reset()
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT 1")
    except Exception as error:  # noqa: BLE001
        if is_unreachable(error):
            return False
        raise
    return True


# ------------------------------------------------------------------------------------------------
# The spool: drafts kept on this computer while the server is away


def spool_path() -> Path:
    from models.paths import data_dir

    return data_dir() / SPOOL_NAME


def _read() -> dict[str, dict[str, Any]]:
    path = spool_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        log.exception("the spool of unsaved drafts at %s cannot be read", path)
        return {}


def _write(entries: dict[str, dict[str, Any]]) -> None:
    """Written whole to a new file and renamed over the old one: a power cut leaves one or the other."""
    path = spool_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not entries:
        path.unlink(missing_ok=True)
        return
    fresh = path.with_suffix(".tmp")
    with open(os.open(fresh, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
        json.dump(entries, out, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())
    os.replace(fresh, path)


def spool(key: str, user_id: int, kind: str, payload: str, slip_id: int | None, draft_id: int | None) -> None:
    """Keep a form's draft on this computer (the database cannot take it now)."""
    from models import clock

    with _lock:
        entries = _read()
        entries[key] = {"user": user_id, "kind": kind, "payload": payload, "slip_id": slip_id,
                        "draft_id": draft_id, "at": clock.now().isoformat()}
        _write(entries)


def unspool(key: str) -> None:
    with _lock:
        entries = _read()
        if entries.pop(key, None) is not None:
            _write(entries)


def spooled() -> dict[str, dict[str, Any]]:
    with _lock:
        return _read()


def flush() -> dict[str, int]:
    """Write every spooled draft into the database's drafts (each as it was last typed); returns
    each written entry's key with its draft id. Entries the database refuses stay spooled."""
    from models.drafts import Draft, write_payload

    written = {}
    for key, entry in spooled().items():
        try:
            kept = entry["draft_id"] if entry["draft_id"] and Draft.get_or_none(Draft.id == entry["draft_id"]) else None
            written[key] = write_payload(entry["user"], entry["kind"], entry["payload"], kept, entry["slip_id"])
        except Exception as error:  # noqa: BLE001
            if is_unreachable(error):
                break
            log.exception("spooled draft %s not written", key)
            continue
        unspool(key)
    return written
