"""A backup damaged anywhere is never restored as if it were whole.

One byte of a sealed backup is changed at random offsets (and inside a complaint on purpose):
each restore either refuses, naming the problem and leaving the database it would replace exactly
as it was, or the byte was one SQLite does not use and what is restored is, table by table, what
was backed up.
"""
from __future__ import annotations

import datetime as dt
import random
import re
import sqlite3
from pathlib import Path

import pytest

from models import backup, demo, intake
from models.backup import BackupFailed
from models.connection import close_database, open_database
from tests.support.slips import phone_intake

COMPLAINT = "楼上每天晚上十一点以后还在拖椅子，吵得孩子睡不着，请物业出面协调。"
OFFSETS = 48


def _content(path: Path) -> dict[str, list]:
    """Every row of every table, the backup's seal left out."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                                  "LIKE 'sqlite_%' AND name != 'backup_seal' ORDER BY name")]
        return {table: sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables
                if "VIRTUAL" not in (con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,))
                                     .fetchone()[0] or "").upper()}
    finally:
        con.close()


@pytest.fixture
def sealed(tmp_path, sqlite_db, users, frozen_now):
    demo.generate_slips(40, seed=11, days=30)
    intake.save(phone_intake(complaint=COMPLAINT, deadline=frozen_now + dt.timedelta(days=1)), users["clerk"])
    copy = tmp_path / "backups" / "sealed.db"
    backup.backup_sqlite(copy)
    close_database()
    return copy


def _flipped(source: Path, offset: int, target: Path, rng: random.Random) -> None:
    data = bytearray(source.read_bytes())
    data[offset] ^= rng.randrange(1, 256)
    target.write_bytes(bytes(data))


def test_a_byte_changed_anywhere_is_refused_or_changes_nothing(sealed, tmp_path):
    reference = _content(sealed)
    rng = random.Random(20261124)
    size = sealed.stat().st_size
    desk = tmp_path / "desk.db"
    desk.write_bytes(sealed.read_bytes())  # a desk's database, the one a restore would replace
    before = desk.read_bytes()
    refused = restored = 0
    for offset in sorted(rng.sample(range(size), OFFSETS)):
        damaged = tmp_path / "damaged.db"
        _flipped(sealed, offset, damaged, rng)
        try:
            backup.restore_sqlite(damaged, desk)
        except BackupFailed as refusal:
            refused += 1
            assert str(refusal).startswith("Not restored") and desk.read_bytes() == before, offset
            continue
        restored += 1
        assert _content(desk) == reference, f"byte {offset} changed what was restored"
        desk.write_bytes(before)
        for kept in tmp_path.glob("desk.db.before-restore-*"):
            kept.unlink()
    assert refused + restored == OFFSETS and refused > 0  # the others fell in space SQLite leaves unused


@pytest.mark.parametrize("occurrence", [0, -1])
def test_a_byte_changed_inside_a_complaint_is_refused_naming_what_differs(sealed, tmp_path, occurrence):
    """The complaint is kept in the slip and in what derives from it (its notice, the search index):
    wherever the byte is, the table it is in is named."""
    data = sealed.read_bytes()
    found = [i for i in range(len(data)) if data.startswith(COMPLAINT.encode(), i)]
    where = found[occurrence]
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(data[:where + 3] + "吵".encode() + data[where + 6:])  # one character of the text
    problem = backup.verify_backup(damaged).problem
    assert re.match(r"damaged\.db: the table \w+ is not what the backup held when it was made", problem), problem
    with pytest.raises(BackupFailed, match="^Not restored, nothing was changed: damaged.db: the table "):
        backup.restore_sqlite(damaged, tmp_path / "desk.db")
    assert not (tmp_path / "desk.db").exists()


def test_without_its_seal_the_history_still_names_the_slip(sealed, tmp_path):
    """A backup's seal removed with the change (someone who knew where to look): the replayed history
    names the slip whose complaint no event recorded."""
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(sealed.read_bytes())
    con = sqlite3.connect(damaged)
    con.execute("UPDATE slip SET complaint = '楼上很安静' WHERE complaint = ?", (COMPLAINT,))
    con.execute("DROP TABLE backup_seal")
    con.commit()
    con.close()
    problem = backup.verify_backup(damaged).problem
    assert "complaint was changed without an event" in problem and "TS-2026-" in problem


def test_the_start_up_recovery_skips_a_damaged_backup(sealed, tmp_path):
    older = sealed.with_name("slipdesk-20261123-090000.db")
    older.write_bytes(sealed.read_bytes())
    newer = sealed.with_name("slipdesk-20261124-090000.db")
    data = bytearray(sealed.read_bytes())
    where = bytes(data).find(COMPLAINT.encode())
    data[where] ^= 0x01
    newer.write_bytes(bytes(data))
    assert backup.last_good_backup(sealed.parent) == older
    open_database(tmp_path / "unused.db")
