"""Backups: online copy, verified, rotated; restore checked before it replaces anything."""
from __future__ import annotations

import os
import stat

import pytest

from desktop.commands.admin import main as admin
from models import backup, demo
from models.slips import Slip
from models.connection import close_database, open_database


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path)
    demo.generate_slips(40, seed=3)
    yield path
    close_database()


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_and_backups_are_readable_only_by_the_user(demo_db, tmp_path):
    copy = backup.rotated_backup(tmp_path / "backups", keep=3)
    assert _mode(demo_db) == 0o600 and _mode(copy) == 0o600
    assert backup.check_file(copy).slips == 40


def test_rotation_keeps_the_newest(demo_db, tmp_path, frozen_now):
    import datetime as dt

    from models import clock

    folder = tmp_path / "backups"
    for minute in range(5):
        clock.freeze(frozen_now + dt.timedelta(minutes=minute))
        backup.rotated_backup(folder, keep=3)
    names = [p.name for p in backup.list_backups(folder)]
    assert names == ["slipdesk-20261124-100400.db", "slipdesk-20261124-100300.db", "slipdesk-20261124-100200.db"]
    assert backup.backed_up_today(folder)


def test_backup_and_restore_commands_round_trip(demo_db, tmp_path, capsys):
    out = tmp_path / "copy.db"
    assert admin(["backup", "--db", str(demo_db), "-o", str(out)]) == 0
    close_database()
    target = tmp_path / "restored.db"
    assert admin(["restore", str(out), "--db", str(target)]) == 0
    assert "restored 40 slips" in capsys.readouterr().out
    open_database(target)
    assert Slip.select().count() == 40


def test_restore_refuses_a_broken_file_and_changes_nothing(demo_db, tmp_path, capsys):
    close_database()
    before = demo_db.read_bytes()
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(before[: len(before) // 3])
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"PK\x03\x04 not a database at all")
    for bad in (truncated, foreign, tmp_path / "missing.db"):
        assert admin(["restore", str(bad), "--db", str(demo_db)]) == 2
        assert "not restored" in capsys.readouterr().err.lower()
    assert demo_db.read_bytes() == before
    assert not list(tmp_path.glob("desk.db.before-restore-*"))


def test_restore_keeps_the_replaced_database(demo_db, tmp_path):
    copy = tmp_path / "copy.db"
    backup.backup_sqlite(copy)
    close_database()
    kept = backup.restore_sqlite(copy, demo_db)
    assert kept is not None and backup.check_file(kept).slips == 40


def test_last_good_backup_skips_damaged_ones(demo_db, tmp_path, frozen_now):
    folder = tmp_path / "backups"
    good = backup.rotated_backup(folder, keep=5)
    damaged = folder / "slipdesk-20991231-235959.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert backup.last_good_backup(folder) == good
