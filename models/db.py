"""The one database handle every model binds to.

A `DatabaseProxy` because the same models run on an embedded SQLite file (one desk) or on a
shared PostgreSQL server (several desks); which one is chosen at start-up from `--db`.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
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


def write_transaction():
    """A transaction that will write: on SQLite it takes the write lock at BEGIN (IMMEDIATE),
    so two desks queue on the busy timeout instead of failing on a stale read snapshot."""
    db = database.obj
    if isinstance(db, peewee.SqliteDatabase) and not db.in_transaction():
        return db.atomic("IMMEDIATE")
    return database.atomic()
