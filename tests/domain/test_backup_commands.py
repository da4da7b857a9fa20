"""`slipdesk-admin backup` and `restore` on each backend: a round trip through the commands, a
refused archive changes nothing (message on stderr, exit 2), and on PostgreSQL a restore that
fails half-way leaves the database as it was (--single-transaction)."""
from __future__ import annotations

import sqlite3

import pytest

from desktop.commands.admin import main as admin
from models.db import database, is_postgres_url
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Status
from tests.support.slips import slip_in


@pytest.fixture
def two_slips(db, users, frozen_now):
    return [slip_in(Status.REPLIED, users) for _ in range(2)]


def slips_in(db_url: str) -> int:
    open_database(db_url)
    return Slip.select().count()


def test_backup_then_restore_brings_the_database_back(two_slips, db_url, users, tmp_path, capsys):
    copy = tmp_path / "copy.backup"
    assert admin(["backup", "--db", db_url, "-o", str(copy)]) == 0
    assert "verified" in capsys.readouterr().out
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    open_database(db_url)
    slip_in(Status.RECEIVED, users)  # written after the backup: the restore takes it away
    close_database()
    assert admin(["restore", str(copy), "--db", db_url]) == 0
    assert slips_in(db_url) == 2
    assert admin(["verify", "--db", db_url]) == 0


def _sqlite_backup(tmp_path) -> bytes:
    path = tmp_path / "made.db"
    open_database(path)
    close_database()
    return path.read_bytes()


def _other_sqlite(tmp_path) -> bytes:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["foreign", "truncated", "other backend", "other database", "missing"])
def test_a_refused_backup_changes_nothing(two_slips, db_url, tmp_path, capsys, kind):
    copy = tmp_path / "copy.backup"
    assert admin(["backup", "--db", db_url, "-o", str(copy)]) == 0
    good = copy.read_bytes()
    postgres = is_postgres_url(db_url)
    bad = tmp_path / "bad.backup"
    content = {"foreign": lambda: b"PK\x03\x04 not a backup" * 20,
               "truncated": lambda: good[: len(good) // 2],
               # a SQLite copy offered to a server, a server's dump offered to a desk's file
               "other backend": lambda: _sqlite_backup(tmp_path) if postgres else _pg_dump_like(),
               "other database": lambda: _pg_other_dump(tmp_path) if postgres else _other_sqlite(tmp_path),
               "missing": lambda: None}[kind]()
    if content is not None:
        bad.write_bytes(content)
    capsys.readouterr()
    close_database()
    assert admin(["restore", str(bad), "--db", db_url]) == 2
    captured = capsys.readouterr()
    assert "not restored" in captured.err.lower() and captured.out == ""
    assert "unexpected error" not in captured.err
    assert slips_in(db_url) == 2
    if not postgres:
        assert not list(tmp_path.glob("*.before-restore-*"))


def _pg_dump_like() -> bytes:
    """The first bytes a pg_dump custom archive starts with: not a SQLite file."""
    return b"PGDMP\x01\x0e\x00\x04\x08\x01\x01\x01" + b"\x00" * 400


def _pg_other_dump(tmp_path) -> bytes:
    """A real pg_dump archive of a database that is not Slipdesk's: one table of notes."""
    import subprocess

    url = database.obj.connect_params
    database.execute_sql("CREATE SCHEMA other_app")
    database.execute_sql("CREATE TABLE other_app.notes (id integer PRIMARY KEY)")
    out = tmp_path / "other.dump"
    dsn = " ".join(f"{k}='{v}'" for k, v in {"dbname": database.obj.database, **url}.items())
    subprocess.run(["pg_dump", "--format=custom", "--schema=other_app", f"--file={out}", dsn], check=True)
    database.execute_sql("DROP SCHEMA other_app CASCADE")
    return out.read_bytes()


def test_a_failed_postgres_restore_leaves_the_database_as_it_was(two_slips, db_url, users, tmp_path, capsys):
    """A view another tool added on the slips stops pg_restore from dropping the table half-way:
    in one transaction, the tables it had already replaced come back too. On SQLite the same
    command replaces the file whole (the view goes with the old file, kept beside it)."""
    copy = tmp_path / "copy.backup"
    assert admin(["backup", "--db", db_url, "-o", str(copy)]) == 0
    open_database(db_url)
    slip_in(Status.RECEIVED, users)
    database.execute_sql('CREATE VIEW "watcher" AS SELECT "id" FROM "slip"')
    close_database()
    capsys.readouterr()
    code = admin(["restore", str(copy), "--db", db_url])
    if is_postgres_url(db_url):
        assert code == 2
        assert "Not restored, the database is as it was: pg_restore failed" in capsys.readouterr().err
        assert slips_in(db_url) == 3
        assert admin(["verify", "--db", db_url]) == 0
    else:
        assert code == 0 and slips_in(db_url) == 2
