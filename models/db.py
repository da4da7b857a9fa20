"""The one database handle every model binds to.

A `DatabaseProxy` because the same models run on an embedded SQLite file (one desk) or on a
shared PostgreSQL server (several desks); which one is chosen at start-up from `--db`.
"""
from __future__ import annotations

import os
import stat
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import unquote, urlparse

import peewee

from models.errors import SlipdeskError
from models.i18n import t

database = peewee.DatabaseProxy()
BUSY_SECONDS = 10  # how long a desk waits for another's write lock, each attempt
BUSY_ATTEMPTS = 2

# synchronous=FULL: a save that returned survives a power cut (WAL alone, at NORMAL, may lose
# the last transactions). busy_timeout: a second process waits instead of failing at once.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 10000,  # BUSY_SECONDS
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
    # lock_timeout: a row lock held past it is DatabaseBusy. jit off: a desk's queries are short,
    # and the JIT compiles one whose estimate passes its threshold (any plan the search steers by
    # turning plan kinds off, models.queries._planner) in 40–100 ms, far more than it runs.
    params["options"] = f"-c lock_timeout={BUSY_SECONDS}s -c jit=off"
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


class DatabaseBusy(SlipdeskError):
    """Another desk, a backup or a command held the database's write lock longer than Slipdesk
    waits: nothing was saved, and the form still holds what was typed."""

    @staticmethod
    def message() -> str:
        return t("The database is busy: another desk, a backup or an admin command is writing to it. Slipdesk "
                 "waited {seconds} seconds and tried again; nothing was saved, and what you typed is still here. "
                 "Try again in a moment.", seconds=BUSY_SECONDS * BUSY_ATTEMPTS)

    def __init__(self):
        super().__init__(self.message())


def is_busy(err: BaseException) -> bool:
    """The database's write lock (SQLite) or a row lock (PostgreSQL) was held past the wait."""
    text = str(err).lower()
    return "database is locked" in text or "database table is locked" in text or "lock timeout" in text \
        or "could not obtain lock" in text


@contextmanager
def write_transaction():
    """A transaction that will write: on SQLite it takes the write lock at BEGIN (IMMEDIATE),
    so two desks queue on the busy timeout instead of failing on a stale read snapshot. A lock
    held past the wait is tried again (`BUSY_ATTEMPTS`), then refused as `DatabaseBusy`.

    The outermost one also sees that every belonging row of a slip written in it was recorded by
    an event of that slip (models.facts: the contract of slip facts), else it rolls back."""
    db = database.obj
    if db.in_transaction():
        with database.atomic():
            yield
        return
    _slip_rows().clear()
    try:
        with _begun(db):
            yield
            if unrecorded_slips():
                raise RuntimeError(f"rows of slips {unrecorded_slips()} were written with no history event "
                                   "after them (models.facts)")
    finally:
        _slip_rows().clear()


# Rows that belong to a slip (models.facts.SlipRecord), written in the write transaction and
# waiting for the slip's next history event to record them: per connection (peewee's are per thread).
_pending = threading.local()


def _slip_rows() -> dict[int, dict[str, dict[str, Any]]]:
    if not hasattr(_pending, "rows"):
        _pending.rows = {}
    return _pending.rows


def note_slip_row(slip_id: int, table: str, ident: str, record: dict[str, Any] | None) -> None:
    """A row of the slip was written (`record`, its facts) or deleted (None)."""
    _slip_rows().setdefault(slip_id, {}).setdefault(table, {})[ident] = record


def take_slip_rows(slip_id: int | None) -> dict[str, dict[str, Any]]:
    """The belonging rows written for the slip since its last event (and forget them)."""
    if slip_id is None:
        return {}
    return _slip_rows().pop(slip_id, {})


def unrecorded_slips() -> list[int]:
    """Slips with belonging rows written and no event after them yet."""
    return sorted(_slip_rows())


@contextmanager
def _begun(db: peewee.Database):
    """The outermost write transaction, its lock taken (tried again while another holds it)."""
    for attempt in range(1, BUSY_ATTEMPTS + 1):
        atomic = db.atomic("IMMEDIATE") if isinstance(db, peewee.SqliteDatabase) else db.atomic()
        try:
            atomic.__enter__()
        except peewee.OperationalError as err:
            if is_busy(err) and attempt < BUSY_ATTEMPTS:
                continue
            if is_busy(err):
                raise DatabaseBusy() from None
            raise
        break
    try:
        yield
    except peewee.OperationalError as err:
        atomic.__exit__(*sys.exc_info())
        if is_busy(err):  # a row lock another desk held past the wait (PostgreSQL's lock_timeout)
            raise DatabaseBusy() from None
        raise
    except BaseException:
        atomic.__exit__(*sys.exc_info())
        raise
    try:
        atomic.__exit__(None, None, None)
    except peewee.OperationalError as err:
        if is_busy(err):
            raise DatabaseBusy() from None
        raise


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
