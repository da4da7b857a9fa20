"""The one database handle every model binds to.

A `DatabaseProxy` because the same models run on an embedded SQLite file (one desk) or on a
shared PostgreSQL server (several desks); which one is chosen at start-up from `--db`.
"""
from __future__ import annotations

import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
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
    params["options"] = f"-c lock_timeout={BUSY_SECONDS}s"  # a row lock held past it: DatabaseBusy
    return peewee.PostgresqlDatabase(parsed.path.lstrip("/"), **params)


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
                 "Try again in a moment.",
                 "数据库正忙：另一个前台、备份或管理命令正在写入。Slipdesk 已等待 {seconds} 秒并重试；尚未保存，"
                 "您输入的内容仍保留在此。请稍后再试。", seconds=BUSY_SECONDS * BUSY_ATTEMPTS)

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
    from models import facts

    facts.forget()
    try:
        with _begun(db):
            yield
            if facts.unrecorded():
                raise RuntimeError(f"rows of slips {facts.unrecorded()} were written with no history event "
                                   "after them (models.facts)")
    finally:
        facts.forget()


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
