"""A database whose write lock another desk holds past the wait: tried again, then said plainly.

The lock is held by another connection (a second desk, a backup, an admin command); the wait is
shortened for the test. A save that cannot get the lock is refused as DatabaseBusy — nothing
written, the message plain — and a save whose second try finds the lock free goes through.
"""
from __future__ import annotations

import sqlite3

import pytest

from models import db as dbmod
from models import intake
from models.db import DatabaseBusy, database
from models.slips import Slip
from tests.support.slips import phone_intake


@pytest.fixture
def other_desk(sqlite_db, users):
    """Another connection holding the write lock; this desk waits a fifth of a second for it."""
    database.execute_sql("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(database.obj.database, isolation_level=None, timeout=0.2)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_save_refused_while_the_lock_is_held_says_so_and_writes_nothing(other_desk, users):
    with pytest.raises(DatabaseBusy) as refused:
        intake.save(phone_intake(), users["clerk"])
    assert str(refused.value).startswith("The database is busy: another desk, a backup or an admin command is "
                                         "writing to it.") and "what you typed is still here" in str(refused.value)
    other_desk.execute("ROLLBACK")
    assert Slip.select().count() == 0
    assert intake.save(phone_intake(), users["clerk"]).number == "TS-2026-000001"


def test_the_lock_given_up_before_the_second_try_lets_the_save_through(other_desk, users, monkeypatch):
    tries = []

    def busy(err):  # the first wait ran out: the other desk finishes before the second try
        tries.append(err)
        other_desk.execute("ROLLBACK")
        return True

    monkeypatch.setattr(dbmod, "is_busy", busy)
    slip = intake.save(phone_intake(), users["clerk"])
    assert len(tries) == 1 and Slip.get_by_id(slip.id).complaint == phone_intake().complaint


def test_the_admin_command_says_it_plainly(other_desk, users, sqlite_db, capsys, tmp_path):
    from desktop.commands import admin

    path = database.obj.database
    database.close()
    code = admin.main(["anchor", "--db", path, "-o", str(tmp_path / "a.anchor")])
    assert code in (0, 2)  # reading needs no lock: an anchor is taken while another desk writes
    assert "unexpected" not in capsys.readouterr().err
