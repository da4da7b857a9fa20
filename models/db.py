"""The one database handle every model binds to.

A `DatabaseProxy` because the same models run on an embedded SQLite file (one desk) or on a
shared PostgreSQL server (several desks); which one is chosen at start-up from `--db`.
"""
from __future__ import annotations

import os
import stat
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import unquote, urlparse

import peewee

database = peewee.DatabaseProxy()

# synchronous=FULL: a save that returned survives a power cut (WAL alone, at NORMAL, may lose
# the last transactions). busy_timeout: a second process waits instead of failing at once.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "cache_size": -64000,
    "temp_store": "memory",
}


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


CONNECT_TIMEOUT = 5  # seconds: a server out of reach is told at once (models.outage), not after minutes


def is_postgres_url(target: str) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def make_database(target: str | os.PathLike) -> peewee.Database:
    """Build (not yet connect) the database named by a SQLite path or a PostgreSQL URL."""
    target = str(target)
    if is_postgres_url(target):
        return _postgres(target)
    path = Path(target).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    _create_private(path)
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10)


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only, before SQLite creates it world-readable."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    else:
        try:
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        except PermissionError:
            pass


def _postgres(url: str) -> peewee.Database:
    parsed = urlparse(url)
    params: dict = {}
    if parsed.username:
        params["user"] = unquote(parsed.username)
    if parsed.password:
        params["password"] = unquote(parsed.password)
    if parsed.port:
        params["port"] = parsed.port
    host = unquote(parsed.hostname or "") if parsed.hostname else None
    for pair in filter(None, parsed.query.split("&")):
        key, _, value = pair.partition("=")
        if key == "host":
            host = unquote(value)
    params["host"] = host or "/var/run/postgresql"
    params["connect_timeout"] = CONNECT_TIMEOUT
    return _Postgres(parsed.path.lstrip("/"), **params)


class _Postgres(peewee.PostgresqlDatabase):
    """PostgreSQL, each statement of a `cancellable` thread refused once it was cancelled: a cancel
    request reaches only a statement running on the server, so one sent between two statements
    must stop the next."""

    def execute_sql(self, sql, params=None):
        _refuse_if_cancelled()
        cursor = super().execute_sql(sql, params)
        _refuse_if_cancelled()  # cancelled while it ran, too late for the request to reach it
        return cursor


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def describe() -> str:
    """Where the data lives, for the About box and the admin commands' output."""
    db = database.obj
    if db is None:
        return "(not open)"
    if isinstance(db, peewee.SqliteDatabase):
        return str(db.database)
    params = db.connect_params
    return f"postgresql://{params.get('user', '')}@{params.get('host', '')}/{db.database}"


def write_transaction():
    """A transaction that will write: on SQLite it takes the write lock at BEGIN (IMMEDIATE),
    so two desks queue on the busy timeout instead of failing on a stale read snapshot."""
    db = database.obj
    if isinstance(db, peewee.SqliteDatabase) and not db.in_transaction():
        return db.atomic("IMMEDIATE")
    return database.atomic()


class Interrupted(peewee.OperationalError):
    """A statement of a `cancellable` thread stopped because its work was cancelled."""


_cancellable = threading.local()


def _refuse_if_cancelled() -> None:
    cancelled = getattr(_cancellable, "cancelled", None)
    if cancelled is not None and cancelled():
        raise Interrupted("interrupted")


@contextmanager
def cancellable(cancelled: Callable[[], bool]) -> Iterator[None]:
    """This thread's statements stop once `cancelled()` is true, whenever that happens: SQLite asks
    it every few thousand steps of a statement (a progress handler: unlike an interrupt, it cannot
    arrive between two statements and be lost); PostgreSQL before and after each statement, and
    `interrupter()`'s cancel request ends one running on the server. A stopped statement raises
    OperationalError (Interrupted before it reached the server)."""
    connection = database.connection()
    sqlite = isinstance(database.obj, peewee.SqliteDatabase)
    if sqlite:
        connection.set_progress_handler(lambda: 1 if cancelled() else 0, 2000)
    _cancellable.cancelled = cancelled
    try:
        yield
    finally:
        _cancellable.cancelled = None
        if sqlite:
            connection.set_progress_handler(None, 2000)


def interrupter() -> Callable[[], None]:
    """What stops the statement this thread's connection is running, to be called from another
    thread: SQLite's interrupt, PostgreSQL's cancel request. The statement then fails in this
    thread (OperationalError) and the connection stays usable."""
    connection = database.connection()
    if isinstance(database.obj, peewee.SqliteDatabase):
        return connection.interrupt
    return lambda: connection.cancel_safe(timeout=5)
