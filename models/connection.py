"""Opening and closing the database a desk works on."""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from models import db as dbmod
from models import moved_ids, rule_stamp, workcalendar
from models.db import database
from models.migrations import upgrade
from models.paths import default_database_path


def open_database(target: str | os.PathLike | None = None) -> str:
    """Connect to a SQLite path or PostgreSQL URL (default: the per-user file) and upgrade it.

    Returns a description of where the data lives.
    """
    if database.obj is not None and not database.is_closed():
        database.close()
    target = str(target) if target else str(default_database_path())
    _forget_rules()
    moved_ids.forget()
    database.initialize(dbmod.make_database(target))
    database.connect(reuse_if_open=True)
    _register_providers()
    upgrade()
    return dbmod.describe()


def _forget_rules() -> None:
    """Drop the rules kept between changes (models.rule_stamp) and the calendar read with them:
    another database is opened (its tokens are its own)."""
    rule_stamp.forget()
    workcalendar.forget()


def _register_providers() -> None:
    """Every provider handed to the module that calls it (models.providers), before the upgrade
    (its steps record slip facts). Imported here, not at the top: a program loads the providers
    (replies, …) when it opens a database."""
    from models.providers import register_providers

    register_providers()


def reconnect_if_lost() -> bool:
    """Make this thread's connection afresh if the server dropped it (a PostgreSQL restart): the
    next query would fail with it. True when it had to be made again."""
    import peewee

    if database.obj is None or database.is_closed():
        return False
    try:
        database.execute_sql("SELECT 1")
        return False
    except (peewee.OperationalError, peewee.InterfaceError):
        try:
            database.close()
        except peewee.PeeweeException:  # a transaction the dead connection cannot end
            database.obj._state.reset()
        database.connect(reuse_if_open=True)
        return True


@contextmanager
def opened_aside(target: str | os.PathLike) -> Iterator[str]:
    """Open another database for a while (a backup's scratch copy, to verify it), then put back
    the one that was open, as it was."""
    previous = database.obj
    was_open = previous is not None and not previous.is_closed()
    _forget_rules()
    database.initialize(dbmod.make_database(str(target)))
    try:
        database.connect(reuse_if_open=True)
        _register_providers()
        upgrade()
        yield dbmod.describe()
    finally:
        database.close()
        _forget_rules()
        database.initialize(previous)
        if was_open:
            database.connect(reuse_if_open=True)


def close_database() -> None:
    _forget_rules()
    moved_ids.forget()
    if database.obj is not None and not database.is_closed():
        database.close()
